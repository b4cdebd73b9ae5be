//! PNG file bytes from a painted pixmap, compressed for speed.
//!
//! Why not tiny-skia's own `encode_png`: it compresses at zlib's balanced level, which was
//! 40–49% of a Barnet export. A map is large flat areas of a few colours, which deflate
//! finds at its fastest setting too: measured on Barnet at 1600 px (docs/performance.md), the
//! fast setting cut encoding several-fold for a file a little larger. An opaque picture (every
//! export on a solid background) is written as RGB, a quarter less data to filter and
//! compress; one with transparency as straight (not premultiplied) RGBA, as PNG requires.

use image::ImageEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use tiny_skia::Pixmap;

use super::RenderError;

/// The compression every PNG export uses.
const COMPRESSION: CompressionType = CompressionType::Fast;

/// The pixmap as PNG file bytes.
pub fn png_bytes(pixmap: &Pixmap) -> Result<Vec<u8>, RenderError> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let opaque = pixmap.pixels().iter().all(|p| p.alpha() == u8::MAX);
    let (bytes, colour) = if opaque {
        let rgb: Vec<u8> = pixmap.pixels().iter().flat_map(|p| [p.red(), p.green(), p.blue()]).collect();
        (rgb, image::ExtendedColorType::Rgb8)
    } else {
        let rgba: Vec<u8> = pixmap
            .pixels()
            .iter()
            .flat_map(|p| {
                let c = p.demultiply();
                [c.red(), c.green(), c.blue(), c.alpha()]
            })
            .collect();
        (rgba, image::ExtendedColorType::Rgba8)
    };
    let mut out = Vec::with_capacity(bytes.len() / 8);
    PngEncoder::new_with_quality(&mut out, COMPRESSION, FilterType::Adaptive)
        .write_image(&bytes, width, height, colour)
        .map_err(|e| RenderError::Encode(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiny_skia::{Color, Paint, Rect, Transform};

    fn decoded(png: &[u8]) -> image::RgbaImage {
        image::load_from_memory_with_format(png, image::ImageFormat::Png).expect("a PNG").to_rgba8()
    }

    #[test]
    fn an_opaque_picture_is_written_as_rgb_and_reads_back_pixel_for_pixel() {
        let mut pixmap = Pixmap::new(40, 20).expect("pixmap");
        pixmap.fill(Color::from_rgba8(250, 250, 248, 255));
        let mut paint = Paint::default();
        paint.set_color_rgba8(0x0A, 0x3D, 0x91, 255);
        let square = Rect::from_xywh(5.0, 5.0, 10.0, 10.0).expect("rect");
        pixmap.fill_rect(square, &paint, Transform::identity(), None);
        let png = png_bytes(&pixmap).expect("encodes");
        let header = image::codecs::png::PngDecoder::new(std::io::Cursor::new(&png)).expect("decodes");
        assert_eq!(image::ImageDecoder::color_type(&header), image::ColorType::Rgb8);
        let image = decoded(&png);
        assert_eq!(image.dimensions(), (40, 20));
        assert_eq!(image.get_pixel(10, 10).0, [0x0A, 0x3D, 0x91, 255]);
        assert_eq!(image.get_pixel(30, 10).0, [250, 250, 248, 255]);
    }

    #[test]
    fn transparency_is_kept_with_straight_colours() {
        let mut pixmap = Pixmap::new(4, 4).expect("pixmap");
        pixmap.fill(Color::from_rgba8(200, 100, 50, 128));
        let image = decoded(&png_bytes(&pixmap).expect("encodes"));
        let [r, g, b, a] = image.get_pixel(1, 1).0;
        assert_eq!(a, 128);
        assert!(r.abs_diff(200) <= 1 && g.abs_diff(100) <= 1 && b.abs_diff(50) <= 1, "{:?}", [r, g, b, a]);
    }
}
