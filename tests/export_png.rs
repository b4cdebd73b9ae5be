//! The exported PNG is the map, not just "some image": every ward's pixels at its label spot
//! are its winner's colour (one of the stripe colours for a split ward).

use wardmap::analysis::colouring::{ColourSpec, Colouring, MapSubject, colour};
use wardmap::geometry::PreparedWardSet;
use wardmap::io::embedded;
use wardmap::model::palette::{FillStyle, Rgb};
use wardmap::model::{Dataset, WardSet};
use wardmap::render::{self, RenderOptions, Scene};

struct Fixture {
    data: Dataset,
    subject: MapSubject,
    colouring: Colouring,
    prepared: PreparedWardSet,
}

fn barnet_2018_winner() -> Fixture {
    let data = embedded::barnet();
    let id = data.election_by_year(2018).expect("2018 is embedded");
    let subject = MapSubject::Election(id);
    let colouring = colour(&data, subject, &ColourSpec::winner());
    let set = render::subject_ward_set(&data, subject).expect("2018 has a ward set");
    let geometry: Vec<_> = set.wards.iter().map(|w| w.geometry.clone()).collect();
    Fixture { prepared: PreparedWardSet::new(&geometry), data, subject, colouring }
}

impl Fixture {
    fn set(&self) -> &WardSet {
        render::subject_ward_set(&self.data, self.subject).expect("ward set")
    }

    fn scene(&self, opts: &RenderOptions) -> Scene {
        render::build_scene(self.set(), &self.prepared, &self.colouring, opts).expect("the map lays out")
    }
}

fn options(width_px: u32, scale: f32, labels: bool) -> RenderOptions {
    RenderOptions { width_px, scale, labels, title: Some("Barnet 2018".into()), ..RenderOptions::default() }
}

/// The opaque colour of a pixel of the decoded PNG.
fn pixel(image: &image::RgbaImage, x: f32, y: f32) -> Rgb {
    let p = image.get_pixel(x.floor() as u32, y.floor() as u32);
    assert_eq!(p[3], 255, "the export is opaque");
    Rgb(p[0], p[1], p[2])
}

/// Colours in the square of half-side `r` around (x, y).
fn around(image: &image::RgbaImage, x: f32, y: f32, r: i32) -> Vec<Rgb> {
    let mut colours = Vec::new();
    for dy in -r..=r {
        for dx in -r..=r {
            colours.push(pixel(image, x + dx as f32, y + dy as f32));
        }
    }
    colours
}

fn decode(png: &[u8]) -> image::RgbaImage {
    image::load_from_memory(png).expect("a valid PNG").to_rgba8()
}

fn assert_every_ward_shows_its_fill(fixture: &Fixture, scene: &Scene, image: &image::RgbaImage) {
    let mut striped = 0;
    for (index, fill) in fixture.colouring.fills.iter().enumerate() {
        let name = &fixture.set().wards[index].name;
        let spot = fixture.prepared.ward(index).and_then(|w| w.label).expect("every Barnet ward has a label spot");
        let (x, y) = scene.map.transform.to_image(spot.anchor);
        match fill {
            FillStyle::Solid(expected) => {
                assert_eq!(pixel(image, x, y), *expected, "{name} at ({x}, {y})")
            }
            FillStyle::Stripes(colours) => {
                striped += 1;
                let expected: Vec<Rgb> = colours.iter().map(|(c, _)| *c).collect();
                let seen = around(image, x, y, 2 * scene.stripe_band as i32);
                for colour in &expected {
                    assert!(seen.contains(colour), "{name}: stripe colour {colour:?} not near its label spot");
                }
                let unexpected = seen.iter().filter(|c| !expected.contains(c)).count();
                // Only anti-aliased band edges may blend.
                assert!(
                    unexpected * 2 < seen.len(),
                    "{name}: {unexpected} of {} pixels are not stripe colours",
                    seen.len()
                );
            }
            FillStyle::NoData => panic!("{name} has no result in 2018"),
        }
    }
    assert!(striped > 0, "Barnet 2018 has split wards, and they are striped");
}

#[test]
fn every_ward_is_painted_in_its_winners_colour_at_its_label_spot() {
    let fixture = barnet_2018_winner();
    assert!(fixture.colouring.unavailable.is_none());
    let scene = fixture.scene(&options(1000, 1.0, false));
    let image = decode(&render::encode_png(&scene).expect("PNG"));
    assert_eq!((image.width(), image.height()), (scene.width, scene.height));
    assert_every_ward_shows_its_fill(&fixture, &scene, &image);
}

#[test]
fn the_public_one_call_renderer_gives_the_same_png_as_the_scene() {
    let fixture = barnet_2018_winner();
    let opts = options(800, 1.0, true);
    let direct = render::render_png(&fixture.data, fixture.subject, &fixture.colouring, &opts).expect("PNG");
    let via_scene = render::encode_png(&fixture.scene(&opts)).expect("PNG");
    assert_eq!(direct, via_scene, "rendering is deterministic");
}

#[test]
fn a_2x_export_has_twice_the_pixels_and_is_redrawn_not_upscaled() {
    let fixture = barnet_2018_winner();
    let one = fixture.scene(&options(900, 1.0, true));
    let two = fixture.scene(&options(900, 2.0, true));
    assert_eq!(two.width, 2 * one.width);
    assert!(two.height.abs_diff(2 * one.height) <= 2, "{} vs 2 × {}", two.height, one.height);
    assert_eq!(two.map.outline.2, 2.0 * one.map.outline.2);
    assert_eq!(two.map.labels.len(), one.map.labels.len(), "the same labels fit at 2×");
    for (a, b) in one.map.labels.iter().zip(&two.map.labels) {
        assert_eq!(b.size, 2.0 * a.size);
    }
    let image = decode(&render::encode_png(&fixture.scene(&options(900, 2.0, false))).expect("PNG"));
    assert_eq!(image.width(), two.width);
    assert_every_ward_shows_its_fill(&fixture, &fixture.scene(&options(900, 2.0, false)), &image);
}

#[test]
fn labels_fit_inside_the_map_and_never_overlap() {
    let fixture = barnet_2018_winner();
    let scene = fixture.scene(&options(1600, 1.0, true));
    let labels = &scene.map.labels;
    assert!(labels.len() >= 10, "most Barnet wards are named at 1600 px, got {}", labels.len());
    let frame = scene.map.transform.frame;
    let boxes: Vec<(f32, f32, f32, f32)> = labels
        .iter()
        .map(|l| {
            let w = render::text::measure(&l.text, l.size);
            (l.x - w / 2.0, l.baseline - l.size, l.x + w / 2.0, l.baseline)
        })
        .collect();
    for (i, a) in boxes.iter().enumerate() {
        assert!(a.0 >= 0.0 && a.2 <= frame.w && a.1 >= 0.0 && a.3 <= frame.h, "{} leaves the map", labels[i].text);
        for (j, b) in boxes.iter().enumerate().skip(i + 1) {
            let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
            let same_label = (labels[i].x - labels[j].x).abs() < 0.01;
            assert!(apart || same_label, "{} overlaps {}", labels[i].text, labels[j].text);
        }
    }
    // Text contrasts with the fill it sits on.
    let with = decode(&render::encode_png(&scene).expect("PNG"));
    let label = &labels[0];
    let ink = around(&with, label.x + frame.x, label.baseline + frame.y - 0.3 * label.size, 5);
    let distance = |a: Rgb, b: Rgb| a.0.abs_diff(b.0) as u32 + a.1.abs_diff(b.1) as u32 + a.2.abs_diff(b.2) as u32;
    let nearest = ink.iter().map(|c| distance(*c, label.colour)).min().unwrap_or(u32::MAX);
    assert!(nearest < 200, "label '{}' shows no pixel near its colour {:?}", label.text, label.colour);
}

#[test]
fn a_colouring_that_cannot_be_shown_is_refused_with_its_reason() {
    let fixture = barnet_2018_winner();
    let mut colouring = fixture.colouring.clone();
    colouring.unavailable = Some("Swing needs two elections on the same wards".into());
    let error = render::build_scene(fixture.set(), &fixture.prepared, &colouring, &RenderOptions::default())
        .expect_err("refused");
    assert!(error.to_string().contains("two elections"), "{error}");
    let narrow = RenderOptions { width_px: 50, ..RenderOptions::default() };
    let error =
        render::build_scene(fixture.set(), &fixture.prepared, &fixture.colouring, &narrow).expect_err("too narrow");
    assert!(error.to_string().contains("too small"), "{error}");
}

#[test]
fn a_framed_view_shows_only_the_wards_it_meets_clipped_to_the_map() {
    let fixture = barnet_2018_winner();
    let ward = fixture.prepared.by_area_desc()[0];
    let bbox = fixture.prepared.ward(ward).and_then(|w| w.bbox).expect("bbox");
    let opts = RenderOptions { view: Some(bbox), ..options(800, 1.0, false) };
    let scene = fixture.scene(&opts);
    assert!(scene.map.wards.iter().any(|w| w.index == ward));
    assert!(scene.map.wards.len() < fixture.set().wards.len(), "wards outside the view are left out");
    let image = decode(&render::encode_png(&scene).expect("PNG"));
    let spot = fixture.prepared.ward(ward).and_then(|w| w.label).expect("label spot");
    let (x, y) = scene.map.transform.to_image(spot.anchor);
    if let FillStyle::Solid(expected) = &fixture.colouring.fills[ward] {
        assert_eq!(pixel(&image, x, y), *expected);
    }
    // Nothing of the map spills above its frame (where the title is).
    let frame = scene.map.transform.frame;
    let above = around(&image, frame.x + frame.w / 2.0, frame.y - 3.0, 1);
    assert!(above.iter().all(|c| *c == Rgb(255, 255, 255)), "the map is clipped to its frame");
}
