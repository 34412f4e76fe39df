//! `photoday-ffi`: the surface the Android and iOS apps call, generated into Kotlin and Swift by
//! uniffi.
//!
//! It is thin on purpose (DESIGN §2): records that mirror the core's structs, one object per app
//! role, one small error enum, and no business logic; every decision is made in `photoday-core`.
//!
//! Rules for the apps:
//! - Time always comes in as a `now_ms` parameter (Unix milliseconds), so tests set it freely and
//!   the core can tell a phone whose clock is wrong.
//! - Every exported function and method is safe to call from any thread. A call whose doc says
//!   "Disk" reads or writes the database: make it off the main thread (`Dispatchers.IO`, a Swift
//!   actor or `Task.detached`). "Memory only" calls and the free functions are fine anywhere.
//! - Errors arrive as `PhotoDayException` (Kotlin) / `PhotoDayError` (Swift) with a message to
//!   show. A Rust panic is a bug; it arrives as `InternalException` / `UniffiInternalError`
//!   instead of taking the app down (the release profile keeps `panic = "unwind"`).

uniffi::setup_scaffolding!();

pub mod door;
pub mod error;
pub mod event;
pub mod preview;
pub mod qr;
pub mod scanner;
pub mod screens;
pub mod student;
pub mod text;

pub use error::{ApiResult, PhotoDayError};
pub use scanner::ScannerApp;
pub use student::StudentApp;

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Locks an app object's inner core struct. A panic inside an earlier call (a bug, reported to
/// the app as an exception) poisons the mutex; the database is still consistent, because every
/// change to it runs in a transaction that the panic rolled back, so the lock is taken over and
/// later calls go on, rather than every later call failing until the app restarts.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The version of the PhotoDay core inside this library (`0.1.0`), for the app's about screen
/// and bug reports.
#[uniffi::export]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Test-only: panics on purpose, so the bindings' tests can prove that a Rust panic reaches the
/// app as an exception (Kotlin `InternalException`, Swift `UniffiInternalError.rustPanic`) and
/// the process lives on. Never call it from an app.
#[uniffi::export]
pub fn debug_panic(message: String) {
    panic!("debug_panic: {message}");
}
