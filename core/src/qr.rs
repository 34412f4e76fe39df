//! QR codes for passes (and any other text), drawn so a phone camera reads them first time.
//!
//! A pass is shown on a student's phone, printed by a college liaison, or shown on the admin's
//! laptop screen for a quick test. Cameras read QR codes best when every module is a whole
//! number of screen pixels (no blurry anti-aliased edges), there is a quiet zone of 4 light
//! modules around the code, and the code is dark on light. Every renderer here keeps those
//! three rules, and every QR code says which version and error-correction level it uses so the
//! admin can see the cost of a longer text.
//!
//! Encoding is the `qrcode` crate's (optimal segmentation, best mask); this module owns the
//! matrix and draws it itself, which keeps image dependencies out of the phone library.

use std::fmt;

use qrcode::types::{EcLevel, QrError, Version};
use qrcode::QrCode;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Light modules around the code, on every side (the QR standard's minimum).
pub const QUIET_ZONE: usize = 4;

/// The largest PNG side this module will draw, in pixels; far beyond any screen, small enough
/// that a slip in `px_per_module` cannot allocate gigabytes.
pub const MAX_PNG_SIDE: u32 = 8192;

/// Error-correction level: how much of the code may be damaged or covered and still read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ecc {
    /// About 7 % of the code can be restored.
    L,
    /// About 15 %; the default, and enough for a phone screen.
    M,
    /// About 25 %; for printed passes that get folded or smudged.
    Q,
    /// About 30 %.
    H,
}

impl Ecc {
    fn level(self) -> EcLevel {
        match self {
            Ecc::L => EcLevel::L,
            Ecc::M => EcLevel::M,
            Ecc::Q => EcLevel::Q,
            Ecc::H => EcLevel::H,
        }
    }
}

impl fmt::Display for Ecc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Ecc::L => "L",
            Ecc::M => "M",
            Ecc::Q => "Q",
            Ecc::H => "H",
        })
    }
}

/// An encoded QR code: a square of dark and light modules, without the quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    /// QR version, 1–40; the code is `17 + 4 × version` modules wide.
    pub version: u8,
    /// The error-correction level used.
    pub ecc: Ecc,
    /// Modules per side, without the quiet zone.
    pub width: usize,
    /// Row-major, `true` = dark.
    modules: Vec<bool>,
}

impl QrMatrix {
    /// Encodes `text` in the smallest QR code at ECC M.
    ///
    /// A pass text (`PD1:` + Base45) uses only QR alphanumeric characters, so it is encoded in
    /// alphanumeric mode (5.5 bits per character) and fits version 5 (37×37).
    pub fn encode(text: &str) -> Result<Self> {
        Self::encode_with(text, Ecc::M)
    }

    /// Encodes `text` in the smallest QR code at the given error-correction level, choosing the
    /// most compact mix of numeric, alphanumeric and byte segments.
    ///
    /// Fails with [`Error::QrEncode`] if the text is too long for any QR code at that level.
    pub fn encode_with(text: &str, ecc: Ecc) -> Result<Self> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), ecc.level())
            .map_err(|e| qr_error(text.len(), e))?;
        Self::from_code(&code, ecc, text.len())
    }

    fn from_code(code: &QrCode, ecc: Ecc, len: usize) -> Result<Self> {
        let version = match code.version() {
            Version::Normal(v) => u8::try_from(v).unwrap_or(0),
            Version::Micro(_) => 0,
        };
        if version == 0 {
            return Err(Error::QrEncode {
                len,
                detail: "the encoder chose a Micro QR code, which phone scanners do not read"
                    .into(),
            });
        }
        Ok(QrMatrix {
            version,
            ecc,
            width: code.width(),
            modules: code
                .to_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect(),
        })
    }

    /// Whether the module at column `x`, row `y` is dark. Coordinates outside the code (for
    /// example in the quiet zone) are light.
    pub fn dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.modules[y * self.width + x]
    }

    /// Like [`QrMatrix::dark`], in coordinates that include the quiet zone.
    fn dark_padded(&self, x: usize, y: usize) -> bool {
        x >= QUIET_ZONE && y >= QUIET_ZONE && self.dark(x - QUIET_ZONE, y - QUIET_ZONE)
    }

    /// Modules per side including the quiet zone on both sides.
    fn padded_width(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    /// An SVG image: black modules on a white square with the quiet zone, one unit per module.
    ///
    /// `shape-rendering="crispEdges"` stops viewers from anti-aliasing module edges, and runs of
    /// dark modules are merged so a pass is a few kilobytes. The nominal size is 8 px per module;
    /// the image scales to any size without blurring.
    pub fn to_svg(&self) -> String {
        let n = self.padded_width();
        let mut path = String::new();
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if !self.dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                path.push_str(&format!(
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                ));
            }
        }
        format!(
            concat!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 {n} {n}\" ",
                "width=\"{px}\" height=\"{px}\" shape-rendering=\"crispEdges\">",
                "<rect width=\"{n}\" height=\"{n}\" fill=\"#ffffff\"/>",
                "<path fill=\"#000000\" d=\"{path}\"/></svg>\n"
            ),
            n = n,
            px = n * 8,
            path = path
        )
    }

    /// An 8-bit greyscale PNG: black modules on white, each module exactly `px_per_module`
    /// pixels square, with the quiet zone.
    ///
    /// Pick `px_per_module` so the code is shown at its natural pixel size (never scaled by the
    /// viewer); on a phone screen 6–10 is typical. Fails with [`Error::Invalid`] for 0 or for an
    /// image wider than [`MAX_PNG_SIDE`] pixels.
    pub fn to_png(&self, px_per_module: u32) -> Result<Vec<u8>> {
        let side = u32::try_from(self.padded_width())
            .ok()
            .and_then(|n| n.checked_mul(px_per_module))
            .filter(|side| (1..=MAX_PNG_SIDE).contains(side))
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "{px_per_module} pixels per module is not drawable: use 1 or more, and at most {MAX_PNG_SIDE} pixels in all"
                ))
            })?;
        let scale = px_per_module as usize;
        let side_px = side as usize;
        let mut pixels = Vec::with_capacity(side_px * side_px);
        let mut row = Vec::with_capacity(side_px);
        for my in 0..self.padded_width() {
            row.clear();
            for mx in 0..self.padded_width() {
                let value = if self.dark_padded(mx, my) { 0u8 } else { 255u8 };
                row.resize(row.len() + scale, value);
            }
            for _ in 0..scale {
                pixels.extend_from_slice(&row);
            }
        }
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, side, side);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let png_error = |e: png::EncodingError| Error::Image(format!("PNG encoding failed: {e}"));
        let mut writer = encoder.write_header().map_err(png_error)?;
        writer.write_image_data(&pixels).map_err(png_error)?;
        writer.finish().map_err(png_error)?;
        Ok(out)
    }

    /// The code as text for a terminal with a dark background (the usual default), to scan from
    /// a laptop screen.
    ///
    /// Each character cell holds two modules, one above the other, using `█ ▀ ▄` and space.
    /// Terminal cells are about twice as tall as wide, so modules come out square. On a dark
    /// background the *light* modules are the ones drawn (the terminal's text colour is light),
    /// so the phone sees dark-on-light with a light quiet zone, as the QR standard expects.
    /// For a terminal with a light background use
    /// [`QrMatrix::to_terminal_for_light_background`].
    pub fn to_terminal(&self) -> String {
        self.half_blocks(false)
    }

    /// Like [`QrMatrix::to_terminal`], for a terminal with dark text on a light background:
    /// here the dark modules are the ones drawn.
    pub fn to_terminal_for_light_background(&self) -> String {
        self.half_blocks(true)
    }

    fn half_blocks(&self, draw_dark: bool) -> String {
        let n = self.padded_width();
        let inked = |x: usize, y: usize| {
            // Below the last row is the outside: light, like the quiet zone.
            let dark = y < n && self.dark_padded(x, y);
            dark == draw_dark
        };
        let mut out = String::with_capacity(n.div_ceil(2) * (n * 3 + 1));
        for y in (0..n).step_by(2) {
            for x in 0..n {
                out.push(match (inked(x, y), inked(x, y + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                });
            }
            out.push('\n');
        }
        out
    }

    /// A one-line summary for people, e.g. `version 5-M, 37×37 modules`.
    pub fn describe(&self) -> String {
        format!(
            "version {}-{}, {w}×{w} modules",
            self.version,
            self.ecc,
            w = self.width
        )
    }
}

fn qr_error(len: usize, e: QrError) -> Error {
    let detail = match e {
        QrError::DataTooLong => {
            "too long even for the largest QR code (version 40); shorten the text or lower the error correction".to_string()
        }
        other => other.to_string(),
    };
    Error::QrEncode { len, detail }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_text_geometry_and_renderers() {
        let qr = QrMatrix::encode("HELLO").unwrap();
        assert_eq!(qr.version, 1);
        assert_eq!(qr.width, 21);
        assert_eq!(qr.describe(), "version 1-M, 21×21 modules");
        // Finder pattern corner is dark; outside is light.
        assert!(qr.dark(0, 0));
        assert!(!qr.dark(21, 0) && !qr.dark(0, 1000));
        let svg = qr.to_svg();
        assert!(svg.contains("viewBox=\"0 0 29 29\"") && svg.contains("crispEdges"));
        let term = qr.to_terminal();
        // 29 rows of modules -> 15 lines of 29 cells; the first line is all quiet zone.
        assert_eq!(term.lines().count(), 15);
        assert!(term.lines().all(|l| l.chars().count() == 29));
        assert_eq!(term.lines().next().unwrap(), "█".repeat(29));
        let light = qr.to_terminal_for_light_background();
        assert_eq!(light.lines().next().unwrap(), " ".repeat(29));
    }

    #[test]
    fn png_size_is_checked() {
        let qr = QrMatrix::encode("HELLO").unwrap();
        assert!(qr.to_png(0).is_err());
        assert!(qr.to_png(10_000).is_err());
        let png = qr.to_png(3).unwrap();
        assert_eq!(&png[1..4], b"PNG");
    }

    #[test]
    fn too_long_text_is_an_error_not_a_panic() {
        let err = QrMatrix::encode(&"x".repeat(5000)).unwrap_err();
        assert!(matches!(err, Error::QrEncode { len: 5000, .. }));
    }
}
