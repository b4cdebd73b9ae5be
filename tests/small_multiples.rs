//! `wardmap export --small-multiples`: one panel per Barnet election with results, each titled
//! by its year, with one shared legend, as PNG and as SVG.

mod common;

use common::wardmap_text;

#[test]
fn barnet_small_multiples_have_one_panel_per_election_titled_by_year() {
    let folder = tempfile::tempdir().expect("temp dir");
    let svg = folder.path().join("sm.svg");
    let svg_path = svg.to_string_lossy().into_owned();
    let (ok, out, err) = wardmap_text(&[
        "export",
        "--small-multiples",
        "--borough",
        "Barnet",
        "--measure",
        "winner",
        "--out",
        &svg_path,
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("5 panels, 2006, 2014, 2018, 2022, 2026"), "{out}");
    let text = std::fs::read_to_string(&svg).expect("the SVG was written");
    assert_eq!(text.matches("<svg ").count(), 6, "the frame and one nested map per election");
    for year in ["2006", "2014", "2018", "2022", "2026"] {
        assert!(text.contains(&format!(r#"lengthAdjust="spacingAndGlyphs">{year}</text>"#)), "panel {year} is titled");
    }
    assert!(text.contains(">Barnet: winning party by ward, 2006–2026</text>"));
    // One shared legend, headed by the measure, keying every year's parties (2006's Lib Dem ward too).
    assert_eq!(text.matches(r#"class="legend-title""#).count(), 1);
    assert!(text.contains(">Winning party</text>"));
    assert!(text.contains(">Liberal Democrats</text>"));
    // Ids are unique across the nested maps.
    assert!(text.contains(r#"id="p0-map-clip""#) && text.contains(r#"id="p4-map-clip""#));
    assert!(roxmltree::Document::parse(&text).is_ok(), "the SVG is well-formed");

    let png = folder.path().join("sm.png");
    let png_path = png.to_string_lossy().into_owned();
    let (ok, _, err) = wardmap_text(&[
        "export",
        "--small-multiples",
        "--borough",
        "Barnet",
        "--measure",
        "winner",
        "--out",
        &png_path,
    ]);
    assert!(ok, "{err}");
    let bytes = std::fs::read(&png).expect("the PNG was written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn small_multiples_of_a_scale_measure_say_why_one_legend_cannot_key_them() {
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("share.png").to_string_lossy().into_owned();
    let (ok, _, err) =
        wardmap_text(&["export", "--small-multiples", "--borough", "Barnet", "--mode", "share", "--out", &out]);
    assert!(!ok);
    assert!(err.contains("own scale"), "{err}");
}
