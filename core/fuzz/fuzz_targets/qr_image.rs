//! Fuzzes reading an image a student picked from their gallery: PNG parsing and QR detection.
//!
//! The contract under test is the core's: whatever the bytes, `check_readability` and
//! `decode_luma` return, with no panic escaping and no runaway allocation. The reader (rxing's
//! port of zxing-cpp; before it rqrr, which panics on some images, upstream WanzenBug/rqrr#54)
//! is not written for hostile input, and the core catches any panic in it. libFuzzer
//! normally aborts on *any* panic, even a caught one, so this target replaces that hook: a panic
//! that escapes the core still reaches libfuzzer-sys's own `catch_unwind` and aborts the run.
//! Set `PHOTODAY_FUZZ_ANY_PANIC=1` to keep libFuzzer's hook and hunt reader bugs instead.

#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use photoday_core::qr_decode;

fuzz_target!(|data: &[u8]| {
    static QUIET_CAUGHT_PANICS: Once = Once::new();
    QUIET_CAUGHT_PANICS.call_once(|| {
        if std::env::var_os("PHOTODAY_FUZZ_ANY_PANIC").is_none() {
            std::panic::set_hook(Box::new(|_| {}));
        }
    });
    let _ = qr_decode::check_readability(data);
    // The same bytes as raw greyscale pixels, in the largest square they fill.
    let side = (data.len() as f64).sqrt() as usize;
    let _ = qr_decode::decode_luma(side, side, data);
});
