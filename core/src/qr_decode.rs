//! Finding and reading QR codes in images, in pure Rust, on the device.
//!
//! Two jobs need it. The student's saved 学信网 采集码 image is checked for readability before
//! the day (a screenshot that is too small or cropped is the classic failure), and that check
//! must happen locally and keep nothing of the code's content, which identifies the student.
//! The same entry points take camera frames, a pass saved as an image and a photographed log
//! QR. They get raw pixels or a PNG or JPEG file; no platform scanner SDK and no network.
//!
//! The reader is zxing-cpp's QR pipeline as ported to Rust by `rxing` (its `cpp_port`: finder
//! patterns, perspective sampling, error correction), fed by zxing-cpp's local-average
//! binariser, which this module implements itself: rxing's own binariser (ZXing Java's) loses
//! codes under a reflected lamp. A symbol whose corners are found but whose modules do not
//! decode gets a second look on the grey pixels (`glare`: the grid re-fitted, the washed-out
//! codewords treated as erasures) when nothing else in the image was read. Measured on camera-like frames against zxing-cpp, ZBar and the
//! Android app's ZXing in BENCHMARKS.md ("QR reading"); `tests/qr_bench/run.sh` reruns it.
//!
//! Images come from outside (a gallery, a camera), so every entry point treats them as hostile:
//! sizes are checked before anything is allocated, and a panic inside the detector is caught and
//! reported as "no code found" instead of taking the app down.

use std::fmt;
use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use rxing::common::cpp_essentials::ConcentricPattern;
use rxing::common::{BitArray, BitMatrix, DetectorRXingResult};
use rxing::qrcode::cpp_port::decoder::Decode;
use rxing::qrcode::cpp_port::detector::{FindFinderPatterns, GenerateFinderPatternSets, SampleQR};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

mod glare;
use glare::Grey;

/// The largest image accepted, in pixels (a 48-megapixel phone photo), so a crafted PNG header
/// cannot make the decoder allocate gigabytes.
pub const MAX_IMAGE_PIXELS: usize = 48_000_000;

/// Below this many image pixels per module a saved code is called too small. Measured on the
/// benchmark's screenshots (BENCHMARKS.md, "QR reading"): from 2 px per module zxing-cpp, ZBar
/// and this reader read every one (zxing-cpp and this reader from 1.5 px), below 1.5 px fewer
/// than half. A code this reader cannot read is reported too small under this size, blurred
/// above it.
pub const MIN_PX_PER_MODULE: f32 = 2.0;

/// Finds and decodes every QR code in an 8-bit greyscale image (0 = black, 255 = white), row by
/// row with no padding between rows.
///
/// Returns the decoded texts in the order found; codes that are detected but unreadable are
/// left out. An empty or inconsistent image (fewer than `width × height` bytes, or more than
/// [`MAX_IMAGE_PIXELS`]) yields an empty list.
pub fn decode_luma(width: usize, height: usize, pixels: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    scan_luma(width, height, pixels, Look::Twice, &mut |text| {
        found.push(text())
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
#[derive(Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Readability {
    /// At least one QR code in the image could be read completely.
    pub readable: bool,
    /// How many QR codes could be read (usually 0 or 1).
    pub codes_found: usize,
    /// When nothing could be read: why, in terms the student can act on.
    pub problem: Option<Unreadable>,
}

impl Readability {
    /// The one line the 采集码 screen shows for this check: readable, readable but with other
    /// codes in the picture (crop it), or why not and what to do.
    pub fn verdict(&self) -> crate::text::Text {
        use crate::text::Text;
        match (&self.problem, self.codes_found) {
            (Some(p), _) => p.text(),
            (None, 0) => Text::new(
                "图片里读不到二维码：请保存学信网采集码页面的原始截图",
                "No code could be read in this picture: save the original screenshot of the 学信网 采集码 page",
            ),
            (None, 1) => Text::new("扫码枪可以读取此码。", "A scanner can read this code."),
            (None, _) => Text::new(
                "图片中有多个二维码，请裁剪到只剩采集码。",
                "More than one code is in this picture: crop it to the 采集码 alone.",
            ),
        }
    }
}

impl fmt::Debug for Readability {
    // The problem is shown only when there is one, so a readable result prints as it always has.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Readability");
        d.field("readable", &self.readable)
            .field("codes_found", &self.codes_found);
        if let Some(p) = &self.problem {
            d.field("problem", p);
        }
        d.finish()
    }
}

/// Why a saved code cannot be read. Each says what to do in its `Display` text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Unreadable {
    /// No QR code was found at all (or one far too small or blurred to show its corner squares).
    NoCode,
    /// A code is there, but each module (the code's smallest square) is only this many pixels
    /// wide, below [`MIN_PX_PER_MODULE`]: the image was shrunk (a thumbnail, a chat's
    /// compressed copy, a zoomed-out screenshot).
    TooSmall {
        /// Image pixels per module, measured on the code's finder patterns.
        px_per_module: f32,
    },
    /// Only part of the code is in the image: fewer than its three corner squares were found.
    Cropped,
    /// The code is found and large enough, but its modules cannot be told apart: blurred,
    /// smeared by compression, or covered.
    Blurred,
}

impl Unreadable {
    /// What the student reads, in Chinese and English, with what to do about it.
    pub fn text(&self) -> crate::text::Text {
        let en = self.to_string();
        let zh = match self {
            Unreadable::NoCode => "图片里没有找到二维码；若有，也太小或太模糊：请保存学信网采集码页面的原始截图".to_string(),
            Unreadable::TooSmall { px_per_module } => format!(
                "二维码太小：每格只有{px_per_module:.1}像素，扫码需要至少{MIN_PX_PER_MODULE:.0}像素；请保存原始截图，不要用缩略图或聊天软件转发后的图片"
            ),
            Unreadable::Cropped => "二维码被截掉了一部分：请重新截图，让整个二维码和四周白边都在屏幕上".to_string(),
            Unreadable::Blurred => "二维码模糊或受损：请重新截图（不要拍屏幕），并保存原图".to_string(),
        };
        crate::text::Text::new(zh, en)
    }
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::NoCode => f.write_str(
                "no QR code found in this image; if it shows one, it is too small or blurred to read: \
                 save the original screenshot of the 采集码 page from 学信网",
            ),
            Unreadable::TooSmall { px_per_module } => write!(
                f,
                "the code is too small: {px_per_module:.1} pixels per module, a scanner needs at least {MIN_PX_PER_MODULE:.0}; \
                 save the original screenshot, not a thumbnail or a copy sent through a chat app",
            ),
            Unreadable::Cropped => f.write_str(
                "part of the code is cut off; take the screenshot again with the whole code and its white margin on screen",
            ),
            Unreadable::Blurred => f.write_str(
                "the code is blurred or damaged; take the screenshot again (not a photo of a screen) and save the original",
            ),
        }
    }
}

/// Checks that a saved 采集码 image (PNG or JPEG) can be read by a scanner, decoding it locally.
///
/// The decoded content is discarded as it is produced, never returned, stored or logged. An
/// unreadable image gives `readable: false` and a [`Unreadable`] reason; only a file that is not
/// an image at all is an error.
pub fn check_readability(bytes: &[u8]) -> Result<Readability> {
    let image = read_image(bytes)?;
    let mut codes_found = 0;
    // The text is never produced: the symbol's error correction and structure are checked by
    // the decoder, and the closure that would build the string is not called. The check predicts
    // what the photographer's scanner reads, so it reads once, as zxing-cpp does: the second look
    // the core gives a washed-out camera frame would call a screenshot of 1.2 px per module
    // "readable" that no other reader reads.
    let seen = scan_luma(
        image.width,
        image.height,
        &image.luma,
        Look::Once,
        &mut |_| codes_found += 1,
    );
    let problem = (codes_found == 0).then(|| {
        if seen.finders.is_empty() {
            // Modules of a pixel or so hide the corner squares from the detector; on the image
            // enlarged twice they show, and their size says how small the code is.
            diagnose(&finders_enlarged(image.width, image.height, &image.luma))
        } else {
            diagnose(&seen)
        }
    });
    Ok(Readability {
        readable: codes_found > 0,
        codes_found,
        problem,
    })
}

/// What the detector saw in an image where nothing was read, for the reason.
#[derive(Debug, Default)]
struct Seen {
    /// Finder patterns (the corner squares) found, with their size in pixels (7 modules).
    finders: Vec<f32>,
    /// Whether three of them formed a plausible code.
    sets: usize,
}

fn diagnose(seen: &Seen) -> Unreadable {
    if seen.finders.is_empty() {
        return Unreadable::NoCode;
    }
    let mut sizes = seen.finders.clone();
    sizes.sort_by(f32::total_cmp);
    let px_per_module = sizes[sizes.len() / 2] / 7.0;
    if px_per_module < MIN_PX_PER_MODULE {
        Unreadable::TooSmall { px_per_module }
    } else if seen.sets == 0 {
        Unreadable::Cropped
    } else {
        Unreadable::Blurred
    }
}

/// The finder patterns on the image enlarged 2× (bilinear), with sizes in the original's pixels.
/// Only for the reason: a code that needs enlarging to be found is not called readable.
fn finders_enlarged(width: usize, height: usize, pixels: &[u8]) -> Seen {
    let (w2, h2) = (width * 2, height * 2);
    if w2.saturating_mul(h2) > MAX_IMAGE_PIXELS {
        return Seen::default();
    }
    catch_unwind(AssertUnwindSafe(|| {
        let mut big = vec![0u8; w2 * h2];
        for (y2, out) in big.chunks_exact_mut(w2).enumerate() {
            // Pixel centres: target y2 + 0.5 sits at source (y2 + 0.5) / 2 - 0.5.
            let sy = (y2 as f32 + 0.5) / 2.0 - 0.5;
            let (y0, fy) = (sy.floor().max(0.0) as usize, sy - sy.floor());
            let y1 = (y0 + 1).min(height - 1);
            for (x2, o) in out.iter_mut().enumerate() {
                let sx = (x2 as f32 + 0.5) / 2.0 - 0.5;
                let (x0, fx) = (sx.floor().max(0.0) as usize, sx - sx.floor());
                let x1 = (x0 + 1).min(width - 1);
                let p = |x: usize, y: usize| f32::from(pixels[y * width + x]);
                let top = p(x0, y0) * (1.0 - fx) + p(x1, y0) * fx;
                let bottom = p(x0, y1) * (1.0 - fx) + p(x1, y1) * fx;
                *o = (top * (1.0 - fy) + bottom * fy).round() as u8;
            }
        }
        let bits = binarize(w2, h2, &big)?;
        let mut finders = FindFinderPatterns(&bits, true, 0);
        let sets = GenerateFinderPatternSets(&mut finders).len();
        Some(Seen {
            finders: finders.iter().map(|p| p.size as f32 / 2.0).collect(),
            sets,
        })
    }))
    .ok()
    .flatten()
    .unwrap_or_default()
}

/// Runs the reader over a greyscale image and calls `on_text` once per symbol read, with a
/// function that makes its text (so a caller that must not hold the content never makes it).
/// Returns what the detector saw, for [`diagnose`].
fn scan_luma(
    width: usize,
    height: usize,
    pixels: &[u8],
    look: Look,
    on_text: &mut dyn FnMut(&dyn Fn() -> String),
) -> Seen {
    let Some(len) = width.checked_mul(height) else {
        return Seen::default();
    };
    if len == 0 || len > MAX_IMAGE_PIXELS || pixels.len() < len {
        return Seen::default();
    }
    let pixels = &pixels[..len];
    // The reader is not written for hostile input; a panic in it must not take the app down,
    // and the image is simply reported as holding no readable code.
    catch_unwind(AssertUnwindSafe(|| {
        let bits = binarize(width, height, pixels)?;
        Some(read_symbols(
            &bits,
            Grey {
                width,
                height,
                pixels,
            },
            look,
            on_text,
        ))
    }))
    .ok()
    .flatten()
    .unwrap_or_default()
}

/// zxing-cpp's QR reader loop: every plausible triple of finder patterns, most plausible first,
/// sampled and decoded; patterns used by a symbol read are not tried again.
fn read_symbols(
    bits: &BitMatrix,
    grey: Grey<'_>,
    look: Look,
    on_text: &mut dyn FnMut(&dyn Fn() -> String),
) -> Seen {
    let mut finders = FindFinderPatterns(bits, true, 0);
    let mut seen = Seen {
        finders: finders.iter().map(|p| p.size as f32).collect(),
        sets: 0,
    };
    let sets = GenerateFinderPatternSets(&mut finders);
    seen.sets = sets.len();
    let mut used: Vec<ConcentricPattern> = Vec::new();
    let mut missed = Vec::new();
    for set in sets {
        if used.contains(&set.bl) || used.contains(&set.tl) || used.contains(&set.tr) {
            continue;
        }
        let Ok(detected) = SampleQR(bits, &set) else {
            continue;
        };
        match Decode(detected.getBits()) {
            Ok(decoded) if decoded.isValid() => {
                used.extend([set.bl, set.tl, set.tr]);
                on_text(&|| decoded.text());
            }
            _ => missed.push(detected),
        }
    }
    // Nothing read, but a symbol's corners were found: look again at the grey pixels on its
    // grid (see `glare`), for the first few such candidates.
    if used.is_empty() && look == Look::Twice {
        for detected in missed.iter().take(MAX_SECOND_LOOKS) {
            if let Some(decoded) = glare::read(grey, detected) {
                on_text(&|| decoded.text());
                break;
            }
        }
    }
    seen
}

/// Whether a symbol found but not decoded gets the second look (`glare`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Look {
    /// As zxing-cpp reads: the readability check, which predicts other scanners.
    Once,
    /// Everything the core can read: passes, pass cards, log codes.
    Twice,
}

/// How many sampled but unreadable symbols get the second look.
const MAX_SECOND_LOOKS: usize = 3;

/// zxing-cpp's local-average binariser ("LocalAverage", its default): each 8×8 block's
/// threshold is the middle of its darkest and lightest pixel if they differ by more than 24
/// levels, smoothed over the 5×5 blocks around it; flat blocks borrow a neighbour's. Unlike
/// ZXing Java's (which averages pixels), a glare gradient across a block moves the threshold
/// with it, and a flat bright block cannot pull its neighbours' threshold up.
fn binarize(width: usize, height: usize, pixels: &[u8]) -> Option<BitMatrix> {
    const BLOCK: usize = 8;
    const R: usize = 2;
    const MIN_DYNAMIC_RANGE: u8 = 24;
    let mut bits = BitMatrix::new(u32::try_from(width).ok()?, u32::try_from(height).ok()?).ok()?;
    if width < BLOCK * (2 * R + 1) || height < BLOCK * (2 * R + 1) {
        // Too small for blocks: one threshold halfway between the darkest and lightest pixel.
        let (lo, hi) = pixels
            .iter()
            .fold((255u8, 0u8), |(lo, hi), &p| (lo.min(p), hi.max(p)));
        let t = vec![((u16::from(lo) + u16::from(hi)) / 2) as u8; width];
        let mut scratch = BitArray::with_size(width);
        for (y, row) in pixels.chunks_exact(width).enumerate() {
            set_dark_row(&mut bits, &mut scratch, y, row, &t);
        }
        return Some(bits);
    }
    let (bw, bh) = (width.div_ceil(BLOCK), height.div_ceil(BLOCK));
    // Blocks start every 8 pixels; the last one in each direction is moved back to fit inside
    // the image, overlapping its neighbour, as zxing-cpp does.
    let origin = |b: usize, size: usize| (b * BLOCK).min(size - BLOCK);
    let mut block = vec![0u8; bw * bh];
    let (mut lo, mut hi) = (vec![0u8; bw], vec![0u8; bw]);
    for by in 0..bh {
        lo.fill(255);
        hi.fill(0);
        let y0 = origin(by, height);
        for row in pixels[y0 * width..].chunks_exact(width).take(BLOCK) {
            for (bx, (l, h)) in lo.iter_mut().zip(hi.iter_mut()).enumerate() {
                let x0 = origin(bx, width);
                for &p in &row[x0..x0 + BLOCK] {
                    *l = (*l).min(p);
                    *h = (*h).max(p);
                }
            }
        }
        // A code drawn at exactly 8 pixels per module (an app's own rendering) puts every module
        // in a block of its own, so every block looks flat and the image blank: a flat block's
        // range is measured again with a one-pixel margin, which reaches the next module.
        for (bx, (l, h)) in lo.iter_mut().zip(hi.iter_mut()).enumerate() {
            if *h - *l > MIN_DYNAMIC_RANGE {
                continue;
            }
            let (x0, y0) = (origin(bx, width), origin(by, height));
            let xs = x0.saturating_sub(1)..(x0 + BLOCK + 1).min(width);
            for row in pixels[y0.saturating_sub(1) * width..(y0 + BLOCK + 1).min(height) * width]
                .chunks_exact(width)
            {
                for &p in &row[xs.clone()] {
                    *l = (*l).min(p);
                    *h = (*h).max(p);
                }
            }
        }
        for (bx, (&l, &h)) in lo.iter().zip(&hi).enumerate() {
            if h - l > MIN_DYNAMIC_RANGE {
                block[by * bw + bx] = ((u16::from(h) + u16::from(l)) / 2) as u8;
            }
        }
    }
    // Smooth over the window, counting the block itself twice and ignoring flat (0) blocks.
    let mut smooth = vec![0u8; bw * bh];
    for by in 0..bh {
        let top = by.clamp(R, bh - R - 1);
        for bx in 0..bw {
            let left = bx.clamp(R, bw - R - 1);
            let own = u32::from(block[by * bw + bx]);
            let (mut sum, mut n) = (own * 2, if own > 0 { 2 } else { 0 });
            for y in top - R..=top + R {
                for &t in &block[y * bw + left - R..=y * bw + left + R] {
                    sum += u32::from(t);
                    n += u32::from(t > 0);
                }
            }
            smooth[by * bw + bx] = sum.checked_div(n).map_or(0, |t| t as u8);
        }
    }
    // Blocks with no contrast in their window take the next threshold in reading order (the
    // last one at the end); an image with no contrast anywhere has no code.
    let mut next = *smooth.iter().rev().find(|&&t| t > 0)?;
    for t in smooth.iter_mut().rev() {
        if *t == 0 {
            *t = next;
        } else {
            next = *t;
        }
    }
    let mut row_thresholds = vec![0u8; width];
    let mut scratch = BitArray::with_size(width);
    for y in 0..height {
        if y % BLOCK == 0 {
            let by = (y / BLOCK).min(bh - 1);
            for (x, t) in row_thresholds.iter_mut().enumerate() {
                *t = smooth[by * bw + (x / BLOCK).min(bw - 1)];
            }
        }
        let row = &pixels[y * width..][..width];
        set_dark_row(&mut bits, &mut scratch, y, row, &row_thresholds);
    }
    Some(bits)
}

/// Marks every pixel of row `y` at or below its threshold as dark, a machine word at a time.
/// `scratch` is a row-sized [`BitArray`] reused from row to row.
fn set_dark_row(
    bits: &mut BitMatrix,
    scratch: &mut BitArray,
    y: usize,
    row: &[u8],
    thresholds: &[u8],
) {
    const WORD: usize = usize::BITS as usize;
    for (i, (px, ts)) in row.chunks(WORD).zip(thresholds.chunks(WORD)).enumerate() {
        let word = px
            .iter()
            .zip(ts)
            .enumerate()
            .fold(0usize, |w, (i, (&p, &t))| w | (usize::from(p <= t) << i));
        scratch.setBulk(i * WORD, word);
    }
    bits.setRow(y as u32, scratch);
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
                codes_found: 1,
                problem: None,
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
