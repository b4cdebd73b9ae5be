//! `wardmap export` as a script would run it: no display, files written safely, clear refusals.

mod common;

use common::{stderr, wardmap};
use std::path::Path;

fn png_size(path: &Path) -> (u32, u32) {
    let image = image::open(path).expect("a readable PNG");
    (image.width(), image.height())
}

/// Files in `dir` other than `keep`: nothing half-written or temporary may be left behind.
fn leftovers(dir: &Path, keep: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("readable dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| !keep.contains(&n.as_str()))
        .collect()
}

#[test]
fn export_writes_png_and_svg_without_a_display() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("m.png");
    let svg = dir.path().join("m.svg");
    let out = wardmap(&["export", "--election", "2018", "--out", png.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(png_size(&png).0, 1600, "default width");
    let out = wardmap(&["export", "--election", "2018", "--out", svg.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&svg).expect("SVG written");
    assert!(text.starts_with("<?xml") && text.trim_end().ends_with("</svg>"));
    assert!(leftovers(dir.path(), &["m.png", "m.svg"]).is_empty());
}

#[test]
fn scale_two_doubles_the_pixels() {
    let dir = tempfile::tempdir().expect("temp dir");
    let one = dir.path().join("one.png");
    let two = dir.path().join("two.png");
    for (path, scale) in [(&one, "1"), (&two, "2")] {
        let out = wardmap(&["export", "--width", "700", "--scale", scale, "--out", path.to_str().expect("utf-8")]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let (w1, h1) = png_size(&one);
    let (w2, h2) = png_size(&two);
    assert_eq!((w1, w2), (700, 1400));
    assert!(h2.abs_diff(2 * h1) <= 2, "{h2} vs 2 × {h1}");
}

#[test]
fn an_existing_file_is_kept_unless_forced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("m.png");
    std::fs::write(&path, b"precious").expect("write");
    let target = path.to_str().expect("utf-8");
    let out = wardmap(&["export", "--out", target]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("already exists") && stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).expect("read"), b"precious");
    let out = wardmap(&["export", "--force", "--width", "400", "--out", target]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(png_size(&path).0, 400);
    assert!(leftovers(dir.path(), &["m.png"]).is_empty());
}

#[test]
fn a_missing_or_read_only_folder_is_refused_clearly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nowhere").join("m.png");
    let out = wardmap(&["export", "--out", missing.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));

    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    let mut permissions = std::fs::metadata(&locked).expect("meta").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&locked, permissions.clone()).expect("chmod");
    // Root ignores permissions: only assert the refusal where it can happen.
    let probe = locked.join("probe");
    let enforced = std::fs::write(&probe, b"x").is_err();
    let _ = std::fs::remove_file(&probe);
    let out = wardmap(&["export", "--out", locked.join("m.png").to_str().expect("utf-8")]);
    if enforced {
        assert!(!out.status.success());
        assert!(stderr(&out).contains("cannot write into the folder"), "{}", stderr(&out));
        assert!(leftovers(&locked, &[]).is_empty());
    }
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    let _ = std::fs::set_permissions(&locked, permissions);
}

#[test]
fn unknown_and_unavailable_modes_and_formats_say_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("m.png");
    let target = png.to_str().expect("utf-8");
    let out = wardmap(&["export", "--mode", "rainbow", "--out", target]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("unknown mode 'rainbow'") && stderr(&out).contains("swing"), "{}", stderr(&out));

    let out = wardmap(&["export", "--mode", "swing", "--election", "2006", "--out", target]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("cannot draw the swing map"), "{}", stderr(&out));

    let out = wardmap(&["export", "--out", dir.path().join("m.jpg").to_str().expect("utf-8")]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains(".png or .svg"), "{}", stderr(&out));
    assert!(leftovers(dir.path(), &[]).is_empty(), "nothing written on failure");
}

#[test]
fn swing_and_gains_for_2014_to_2018_carry_their_own_legends() {
    let dir = tempfile::tempdir().expect("temp dir");
    for mode in ["swing", "gains", "change", "share", "majority"] {
        let path = dir.path().join(format!("{mode}.svg"));
        let target = path.to_str().expect("utf-8");
        let mut args = vec!["export", "--mode", mode, "--to", "2018", "--out", target];
        if matches!(mode, "swing" | "gains" | "change") {
            args.extend(["--from", "2014"]);
        }
        let out = wardmap(&args);
        assert!(out.status.success(), "{mode}: {}", stderr(&out));
        let svg = std::fs::read_to_string(&path).expect("written");
        let doc = roxmltree::Document::parse(&svg).expect("well-formed");
        let legend: Vec<&str> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("legend-item"))
            .filter_map(|n| n.text())
            .collect();
        assert!(!legend.is_empty(), "{mode} has legend entries");
        assert!(!legend.contains(&"Conservative") || mode != "swing", "swing's legend is not the winner legend");
    }
}

#[test]
fn exports_credit_the_results_they_draw_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let svg = |name: &str, args: &[&str]| {
        let path = dir.path().join(name);
        let mut all = vec!["export"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--out", path.to_str().expect("utf-8")]);
        let out = wardmap(&all);
        assert!(out.status.success(), "{}", stderr(&out));
        std::fs::read_to_string(&path).expect("written")
    };
    let winner_2018 = svg("w2018.svg", &["--election", "2018"]);
    assert!(winner_2018.contains("Democracy Club"), "Barnet 2018's results are Democracy Club's (CC BY-SA)");
    let winner_2014 = svg("w2014.svg", &["--election", "2014"]);
    assert!(winner_2014.contains("London Datastore") && !winner_2014.contains("Democracy Club"));
    let gains = svg("g.svg", &["--election", "2018", "--mode", "gains"]);
    assert!(gains.contains("Democracy Club") && gains.contains("London Datastore"), "a 2014→2018 map uses both");
}

#[test]
fn every_barnet_ward_is_named_in_the_svg_of_every_mode_inside_it_or_in_the_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = wardmap::io::embedded::barnet();
    let names: Vec<String> = data.ward_sets[0].wards.iter().map(|w| w.name.trim().to_owned()).collect();
    assert_eq!(names.len(), 21);
    let text_of = |svg: &str, class: &str| -> Vec<String> {
        let marker = format!(r#"class="{class}""#);
        svg.split("<text ")
            .filter(|t| t.starts_with(&marker))
            .filter_map(|t| {
                t.split_once('>').and_then(|(_, rest)| rest.split_once("</text>")).map(|(inner, _)| inner.to_owned())
            })
            .collect()
    };
    for mode in ["winner", "share", "change", "swing", "majority", "gains"] {
        for (width, scale) in [("800", "1"), ("1000", "2"), ("1600", "1")] {
            let path = dir.path().join(format!("{mode}-{width}-{scale}.svg"));
            let out = wardmap(&[
                "export",
                "--election",
                "2018",
                "--mode",
                mode,
                "--width",
                width,
                "--scale",
                scale,
                "--out",
                path.to_str().expect("utf-8"),
            ]);
            assert!(out.status.success(), "{}", stderr(&out));
            let svg = std::fs::read_to_string(&path).expect("written");
            let labels = text_of(&svg, "ward-label");
            let key = text_of(&svg, "ward-key").join(" ");
            for name in &names {
                // In the key as "7 West Hendon": its number right before it ("Hendon" is not "West Hendon").
                let in_key = (1..=21).any(|n| {
                    let entry = format!("{n} {name}");
                    key.split(" · ").any(|part| {
                        part.ends_with(&entry)
                            && (part.len() == entry.len() || part[..part.len() - entry.len()].ends_with(' '))
                    })
                });
                let named = labels.iter().any(|l| l == name) || in_key;
                assert!(named, "{mode} at {width}px ×{scale}: {name} is named nowhere (key: {key})");
            }
        }
    }
}
