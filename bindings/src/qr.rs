//! A QR code as modules, for the app to draw with whole screen pixels per module.
//!
//! Scaled bitmaps blur module edges and make door scanners hesitate, so the apps draw the matrix
//! themselves: black modules on white, a 4-module quiet zone, `px_per_module` whole pixels each.

use photoday_core::qr::{Ecc as CoreEcc, QrMatrix, QUIET_ZONE};

use crate::error::ApiResult;

/// Any text as a QR code at ECC M in the smallest version that holds it (log QR sequences, a
/// bundle's hand-over); passes come from `StudentApp.pass_qr`. Memory only.
///
/// Fails with `InvalidInput` for text too long for a QR code.
#[uniffi::export]
pub fn qr_code(text: String) -> ApiResult<QrCode> {
    Ok(QrCode::from(&QrMatrix::encode(&text)?))
}

/// How much of a QR code can be damaged and still read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Ecc {
    /// About 7 %.
    L,
    /// About 15 %: passes on a phone screen.
    M,
    /// About 25 %: printed passes that get folded or smudged.
    Q,
    /// About 30 %.
    H,
}

/// An encoded QR code, without its quiet zone.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QrCode {
    /// QR version, 1–40 (a pass is version 5).
    pub version: u8,
    /// Error-correction level.
    pub ecc: Ecc,
    /// Modules per side, without the quiet zone.
    pub width: u32,
    /// Light modules to leave around the code on every side (4).
    pub quiet_zone: u32,
    /// `width × width` modules, row by row, `true` = dark.
    pub dark: Vec<bool>,
}

#[uniffi::export]
impl QrCode {
    /// Whole screen pixels per module so the code and its quiet zone fit in `available_px`
    /// (the shorter side of the drawing area); at least 1.
    pub fn px_per_module(&self, available_px: u32) -> u32 {
        (available_px / (self.width + 2 * self.quiet_zone)).max(1)
    }
}

impl From<&QrMatrix> for QrCode {
    fn from(m: &QrMatrix) -> Self {
        let w = m.width;
        QrCode {
            version: m.version,
            ecc: match m.ecc {
                CoreEcc::L => Ecc::L,
                CoreEcc::M => Ecc::M,
                CoreEcc::Q => Ecc::Q,
                CoreEcc::H => Ecc::H,
            },
            width: w as u32,
            quiet_zone: QUIET_ZONE as u32,
            dark: (0..w * w).map(|i| m.dark(i % w, i / w)).collect(),
        }
    }
}

/// Reads the QR codes in one camera frame's luma (Y) plane — `width × height` bytes, row by row,
/// no padding — with the core's decoder, the one the 采集码 check and pass-card import use; it
/// reads about twice the frames ZXing Java reads on the benchmark's camera-like frames
/// (BENCHMARKS.md). Empty when there is none; a frame of the wrong size is empty too. Feed each
/// text to `ScannerApp.frame`. Memory only (CPU: a few ms per 1280×720 frame; call it on the
/// camera's analysis thread, never the main thread).
#[uniffi::export]
pub fn decode_luma(width: u32, height: u32, luma: Vec<u8>) -> Vec<String> {
    photoday_core::qr_decode::decode_luma(width as usize, height as usize, &luma)
}
