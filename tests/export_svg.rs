//! The exported SVG is well-formed XML with one even-odd path per ward in the right fill, the
//! legend's words and the attribution.

use roxmltree::{Document, Node};
use wardmap::analysis::colouring::{ColourSpec, MapSubject, colour};
use wardmap::io::embedded;
use wardmap::model::palette::{FillStyle, NO_DATA};
use wardmap::render::{self, RenderOptions};

fn by_id<'a>(doc: &'a Document, id: &str) -> Node<'a, 'a> {
    doc.descendants().find(|n| n.attribute("id") == Some(id)).unwrap_or_else(|| panic!("no element #{id}"))
}

fn texts_of_class(doc: &Document, class: &str) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("class") == Some(class))
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn the_barnet_2018_svg_has_one_path_per_ward_in_its_fill_and_the_legend_text() {
    let data = embedded::barnet();
    let subject = MapSubject::Election(data.election_by_year(2018).expect("2018"));
    let colouring = colour(&data, subject, &ColourSpec::winner());
    let set = render::subject_ward_set(&data, subject).expect("ward set");
    let opts = RenderOptions { title: Some(render::default_title(&colouring)), ..RenderOptions::default() };
    let svg = render::render_svg(&data, subject, &colouring, &opts).expect("SVG");
    let doc = Document::parse(&svg).expect("the SVG is well-formed XML");
    assert!(doc.root_element().has_tag_name(("http://www.w3.org/2000/svg", "svg")));

    let paths: Vec<Node> = by_id(&doc, "wards").children().filter(|n| n.has_tag_name("path")).collect();
    assert_eq!(paths.len(), set.wards.len(), "one path per ward");
    for (path, (ward, fill)) in paths.iter().zip(set.wards.iter().zip(&colouring.fills)) {
        assert_eq!(path.attribute("data-name"), Some(ward.name.as_str()));
        assert_eq!(path.attribute("fill-rule"), Some("evenodd"));
        let d = path.attribute("d").unwrap_or_default();
        assert!(d.starts_with('M') && d.ends_with('Z'), "{}: d = {d:.40}", ward.name);
        let attr = path.attribute("fill").unwrap_or_default();
        match fill {
            FillStyle::Solid(c) => assert_eq!(attr, c.to_hex(), "{}", ward.name),
            FillStyle::NoData => assert_eq!(attr, NO_DATA.to_hex(), "{}", ward.name),
            FillStyle::Stripes(colours) => {
                let id = attr.strip_prefix("url(#").and_then(|s| s.strip_suffix(')')).expect("a pattern fill");
                let pattern = by_id(&doc, id);
                assert!(pattern.has_tag_name("pattern"));
                let bands: Vec<&str> = pattern.children().filter_map(|r| r.attribute("fill")).collect();
                let pattern = render::stripes::canonical_stripes(colours).and_then(Result::ok).expect("two colours");
                let expected: Vec<String> = pattern.iter().map(|(c, _)| c.to_hex()).collect();
                assert_eq!(bands, expected, "{}: stripes in seat order", ward.name);
            }
        }
    }

    let legend_words = [texts_of_class(&doc, "legend-title"), texts_of_class(&doc, "legend-item")].concat();
    for item in &colouring.legend.items {
        assert!(legend_words.contains(&item.label), "legend lacks '{}'", item.label);
    }
    assert_eq!(texts_of_class(&doc, "title"), vec!["Barnet 2018: winning party by ward".to_owned()]);
    let attribution = texts_of_class(&doc, "attribution").join(" ");
    assert!(attribution.starts_with("Contains OS data © Crown copyright"), "{attribution}");
    assert!(svg.contains("Conservative") && svg.contains("Labour"));
}

#[test]
fn leaving_out_the_legend_labels_and_attribution_leaves_them_out() {
    let data = embedded::barnet();
    let subject = MapSubject::Election(data.election_by_year(2014).expect("2014"));
    let colouring = colour(&data, subject, &ColourSpec::winner());
    let opts = RenderOptions { legend: false, labels: false, attribution: None, ..RenderOptions::default() };
    let svg = render::render_svg(&data, subject, &colouring, &opts).expect("SVG");
    let doc = Document::parse(&svg).expect("well-formed");
    for class in ["legend-title", "legend-item", "ward-label", "attribution", "title"] {
        assert!(texts_of_class(&doc, class).is_empty(), "{class} should be absent");
    }
}
