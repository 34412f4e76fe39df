//! Finding and reading QR codes in images, in pure Rust, on the device.
//!
//! Two jobs need it. The student's saved 学信网 采集码 image is checked for readability before
//! the day (a screenshot that is too small or cropped is the classic failure), and that check
//! must happen locally and keep nothing of the code's content, which identifies the student.
//! Later, the same entry points take camera frames on the scanner side. Both get raw pixels or a
//! PNG or JPEG file; the detector is `rqrr`, so no platform scanner SDK and no network is involved.
//!
//! Images come from outside (a gallery, a camera), so every entry point treats them as hostile:
//! sizes are checked before anything is allocated, and a panic inside the detector is caught and
//! reported as "no code found" instead of taking the app down.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use rqrr::PreparedImage;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The largest image accepted, in pixels (a 48-megapixel phone photo), so a crafted PNG header
/// cannot make the decoder allocate gigabytes.
pub const MAX_IMAGE_PIXELS: usize = 48_000_000;

/// Finds and decodes every QR code in an 8-bit greyscale image (0 = black, 255 = white), row by
/// row with no padding between rows.
///
/// Returns the decoded texts in the order found; codes that are detected but unreadable are
/// left out. An empty or inconsistent image (fewer than `width × height` bytes, or more than
/// [`MAX_IMAGE_PIXELS`]) yields an empty list.
pub fn decode_luma(width: usize, height: usize, pixels: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    scan_luma(width, height, pixels, |grid| {
        let mut text = Vec::new();
        if grid.decode_to(&mut text).is_ok() {
            if let Ok(text) = String::from_utf8(text) {
                found.push(text);
            }
        }
    });
    found
}

/// Like [`decode_luma`] for 8-bit RGB pixels (3 bytes per pixel).
pub fn decode_rgb(width: usize, height: usize, rgb: &[u8]) -> Vec<String> {
    match to_luma(width, height, rgb, 3) {
        Some(luma) => decode_luma(width, height, &luma),
        None => Vec::new(),
    }
}

/// Like [`decode_luma`] for 8-bit RGBA pixels (4 bytes per pixel). Transparent pixels count as
/// white, as they appear on screen: a QR code saved with a transparent background is dark
/// modules on nothing, and would otherwise read as black on black.
pub fn decode_rgba(width: usize, height: usize, rgba: &[u8]) -> Vec<String> {
    match to_luma(width, height, rgba, 4) {
        Some(luma) => decode_luma(width, height, &luma),
        None => Vec::new(),
    }
}

/// Finds and decodes every QR code in a PNG (greyscale, RGB, with or without alpha, or palette;
/// any bit depth) or JPEG file (screenshots are PNG; images saved from chats are often JPEG).
///
/// Fails with [`Error::Image`] if the bytes are neither a readable PNG nor JPEG, or the image is
/// larger than [`MAX_IMAGE_PIXELS`].
pub fn decode_image_file_bytes(bytes: &[u8]) -> Result<Vec<String>> {
    let image = read_image(bytes)?;
    Ok(decode_luma(image.width, image.height, &image.luma))
}

/// Whether an image holds a QR code that can be read, without keeping what it says.
///
/// Deliberately carries no content: the 采集码 identifies the student, and the readability check
/// must keep nothing of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Readability {
    /// At least one QR code in the image could be read completely.
    pub readable: bool,
    /// How many QR codes could be read (usually 0 or 1).
    pub codes_found: usize,
}

/// Checks that a saved 采集码 image (PNG or JPEG) can be read by a scanner, decoding it locally.
///
/// The decoded content is discarded as it is produced, never returned, stored or logged. An
/// unreadable image gives `readable: false`; only a file that is not an image at all is an error.
pub fn check_readability(bytes: &[u8]) -> Result<Readability> {
    let image = read_image(bytes)?;
    let mut codes_found = 0;
    scan_luma(image.width, image.height, &image.luma, |grid| {
        // Decode into a sink: the content is checked (error correction, structure) but never
        // held in memory as text.
        if grid.decode_to(&mut std::io::sink()).is_ok() {
            codes_found += 1;
        }
    });
    Ok(Readability {
        readable: codes_found > 0,
        codes_found,
    })
}

/// Runs the detector over a greyscale image and hands each candidate grid to `on_grid`.
fn scan_luma<F>(width: usize, height: usize, pixels: &[u8], mut on_grid: F)
where
    F: FnMut(&dyn GridDecode),
{
    let Some(len) = width.checked_mul(height) else {
        return;
    };
    if len == 0 || len > MAX_IMAGE_PIXELS || pixels.len() < len {
        return;
    }
    // rqrr is not written for hostile input; a panic in it must not take the app down, and
    // the image is simply reported as holding no readable code.
    let _ = catch_unwind(AssertUnwindSafe(|| {
        let mut prepared =
            PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
        for grid in prepared.detect_grids() {
            on_grid(&grid);
        }
    }));
}

/// What `scan_luma` needs from a detected grid; keeps rqrr's generic types out of the callers.
trait GridDecode {
    fn decode_to(&self, out: &mut dyn std::io::Write) -> std::result::Result<(), ()>;
}

impl<G: rqrr::BitGrid> GridDecode for rqrr::Grid<G> {
    fn decode_to(&self, out: &mut dyn std::io::Write) -> std::result::Result<(), ()> {
        rqrr::Grid::decode_to(self, out).map(|_| ()).map_err(|_| ())
    }
}

/// Converts interleaved 8-bit pixels to luma, compositing any alpha over white.
fn to_luma(width: usize, height: usize, data: &[u8], channels: usize) -> Option<Vec<u8>> {
    let len = width.checked_mul(height)?;
    if len > MAX_IMAGE_PIXELS || data.len() < len.checked_mul(channels)? {
        return None;
    }
    let luma = data[..len * channels]
        .chunks_exact(channels)
        .map(|p| {
            let (v, alpha) = match channels {
                1 => (u32::from(p[0]), 255),
                2 => (u32::from(p[0]), u32::from(p[1])),
                3 => (rec601(p), 255),
                _ => (rec601(p), u32::from(p[3])),
            };
            ((v * alpha + 255 * (255 - alpha)) / 255) as u8
        })
        .collect();
    Some(luma)
}

/// ITU-R BT.601 luma in integer arithmetic (weights 77, 150, 29 out of 256).
fn rec601(p: &[u8]) -> u32 {
    (77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8
}

struct LumaImage {
    width: usize,
    height: usize,
    luma: Vec<u8>,
}

fn read_image(bytes: &[u8]) -> Result<LumaImage> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        // Images saved from WeChat or the camera roll are often JPEG.
        return read_jpeg(bytes);
    }
    let image_error =
        |e: png::DecodingError| Error::Image(format!("not a readable PNG image ({e})"));
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(image_error)?;
    let (w, h) = reader.info().size();
    let (width, height) = (w as usize, h as usize);
    if width == 0 || height == 0 {
        return Err(Error::Image("the image has no pixels".into()));
    }
    if width.saturating_mul(height) > MAX_IMAGE_PIXELS {
        return Err(Error::Image(format!(
            "the image is {width}×{height} pixels, larger than the {} megapixels PhotoDay reads",
            MAX_IMAGE_PIXELS / 1_000_000
        )));
    }
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| Error::Image("the image is too large".into()))?;
    let mut buf = vec![0u8; size];
    let info = reader.next_frame(&mut buf).map_err(image_error)?;
    let channels = match info.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => {
            return Err(Error::Image("palette image was not expanded".into()));
        }
    };
    let (width, height) = (info.width as usize, info.height as usize);
    // Rows are packed at 8 bits per sample after EXPAND | STRIP_16; copy row by row anyway in
    // case the decoder pads them.
    let row_len = width * channels;
    if row_len == 0 || info.line_size < row_len || buf.len() < info.line_size * height {
        return Err(Error::Image(
            "the PNG's rows are shorter than its width".into(),
        ));
    }
    let mut packed = Vec::with_capacity(row_len * height);
    for row in buf.chunks(info.line_size).take(height) {
        packed.extend_from_slice(&row[..row_len]);
    }
    let luma = if channels == 1 {
        packed
    } else {
        to_luma(width, height, &packed, channels)
            .ok_or_else(|| Error::Image("the image is too large".into()))?
    };
    Ok(LumaImage {
        width,
        height,
        luma,
    })
}

/// Decodes a baseline or progressive JPEG to greyscale, refusing oversized images before
/// allocating their pixels.
fn read_jpeg(bytes: &[u8]) -> Result<LumaImage> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    let bad = |e: jpeg_decoder::Error| Error::Image(format!("not a readable JPEG image ({e})"));
    decoder.read_info().map_err(bad)?;
    let info = decoder
        .info()
        .ok_or_else(|| Error::Image("not a readable JPEG image".into()))?;
    let (width, height) = (info.width as usize, info.height as usize);
    if width == 0 || height == 0 {
        return Err(Error::Image("the image has no pixels".into()));
    }
    if width.saturating_mul(height) > MAX_IMAGE_PIXELS {
        return Err(Error::Image(format!(
            "the image is {width}×{height} pixels, larger than the {} megapixels PhotoDay reads",
            MAX_IMAGE_PIXELS / 1_000_000
        )));
    }
    let pixels = decoder.decode().map_err(bad)?;
    let luma = match info.pixel_format {
        jpeg_decoder::PixelFormat::L8 => pixels,
        jpeg_decoder::PixelFormat::L16 => pixels.chunks_exact(2).map(|p| p[0]).collect(),
        jpeg_decoder::PixelFormat::RGB24 => to_luma(width, height, &pixels, 3)
            .ok_or_else(|| Error::Image("the image is too large".into()))?,
        jpeg_decoder::PixelFormat::CMYK32 => pixels
            .chunks_exact(4)
            .map(|p| (255 - p[3] as u16 * (255 - p[0].min(p[1]).min(p[2])) as u16 / 255) as u8)
            .collect(),
    };
    if luma.len() < width * height {
        return Err(Error::Image(
            "the JPEG has fewer pixels than its size says".into(),
        ));
    }
    Ok(LumaImage {
        width,
        height,
        luma,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qr::QrMatrix;

    #[test]
    fn a_collection_code_saved_as_jpeg_is_read_too() {
        let qr = QrMatrix::encode("CHSI-CJM-7F3A9C2E51B84D06A1E2").unwrap();
        let side = (qr.width + 8) * 6;
        let mut grey = vec![255u8; side * side];
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = (x / 6, y / 6);
                if (4..qr.width + 4).contains(&mx)
                    && (4..qr.width + 4).contains(&my)
                    && qr.dark(mx - 4, my - 4)
                {
                    grey[y * side + x] = 0;
                }
            }
        }
        let mut jpeg = Vec::new();
        jpeg_encoder::Encoder::new(&mut jpeg, 80)
            .encode(
                &grey,
                side as u16,
                side as u16,
                jpeg_encoder::ColorType::Luma,
            )
            .unwrap();
        assert!(jpeg.starts_with(&[0xFF, 0xD8, 0xFF]));
        let r = check_readability(&jpeg).unwrap();
        assert!(r.readable, "{r:?}");
        assert_eq!(
            decode_image_file_bytes(&jpeg).unwrap(),
            vec!["CHSI-CJM-7F3A9C2E51B84D06A1E2"]
        );
        // A file cut short in transfer is refused or reads as no code — never as the code.
        let cut = &jpeg[..jpeg.len() / 3];
        match decode_image_file_bytes(cut) {
            Err(Error::Image(_)) => {}
            Ok(codes) => assert!(codes.is_empty(), "a third of a JPEG decoded to {codes:?}"),
            Err(e) => panic!("unexpected error {e}"),
        }
        assert!(matches!(
            check_readability(b"\xFF\xD8\xFFnot really"),
            Err(Error::Image(_))
        ));
    }

    #[test]
    fn reads_back_a_rendered_code() {
        let qr = QrMatrix::encode("HELLO PHOTODAY").unwrap();
        let png = qr.to_png(4).unwrap();
        assert_eq!(
            decode_image_file_bytes(&png).unwrap(),
            vec!["HELLO PHOTODAY"]
        );
        assert_eq!(
            check_readability(&png).unwrap(),
            Readability {
                readable: true,
                codes_found: 1
            }
        );
    }

    #[test]
    fn hostile_sizes_give_nothing() {
        assert!(decode_luma(0, 0, &[]).is_empty());
        assert!(decode_luma(10, 10, &[0; 99]).is_empty());
        assert!(decode_luma(usize::MAX, 2, &[]).is_empty());
        assert!(decode_rgb(usize::MAX, usize::MAX, &[]).is_empty());
        assert!(decode_rgba(3, 3, &[0; 35]).is_empty());
        assert!(decode_luma(5, 5, &[255; 25]).is_empty());
    }

    #[test]
    fn not_png_is_an_error() {
        assert!(matches!(decode_image_file_bytes(b""), Err(Error::Image(_))));
        assert!(matches!(
            check_readability(b"\xFF\xD8\xFF\xE0 jpeg"),
            Err(Error::Image(_))
        ));
        assert!(matches!(
            check_readability(b"\x89PNG\r\n\x1a\n"),
            Err(Error::Image(_))
        ));
    }

    #[test]
    fn transparent_background_reads_as_white() {
        let qr = QrMatrix::encode("ALPHA").unwrap();
        let n = qr.width + 8;
        let scale = 4;
        let side = n * scale;
        let mut rgba = vec![0u8; side * side * 4];
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = (x / scale, y / scale);
                let dark = mx >= 4 && my >= 4 && qr.dark(mx - 4, my - 4);
                let p = &mut rgba[(y * side + x) * 4..][..4];
                // Dark modules opaque black, everything else fully transparent black.
                p[3] = if dark { 255 } else { 0 };
            }
        }
        assert_eq!(decode_rgba(side, side, &rgba), vec!["ALPHA"]);
    }
}
