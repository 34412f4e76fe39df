//! `photoday-core`: everything PhotoDay knows, in plain Rust.
//!
//! The phones (through `photoday-ffi`) and the admin CLI are thin shells over this crate. It holds
//! the event as the notice defines it, the roster, the student's timeline and checklist, the signed
//! check-in pass and its QR code, the door verdicts with photo numbers and batches, the device logs
//! that phones merge without a network, the arrival plan, and the SQLite store under all of it.
//! Each concept has its own module; each module's first comment says why it exists.

pub mod error;
pub mod text;
pub mod time;

pub mod admin;
pub mod admit;
pub mod attendance;
pub mod bundle;
pub mod checklist;
pub mod countdown;
pub mod device;
pub mod door;
pub mod door_loop;
pub mod enrolment;
pub mod event;
pub mod history;
pub mod incoming;
pub mod log;
pub mod notice;
pub mod pages;
pub mod plan;
pub mod room;
pub mod roster;
pub mod scanner;
pub mod shot;
pub mod slot;
pub mod store;
pub mod student;
pub mod synthetic;
pub mod timeline;

pub mod base45;
pub mod keys;
pub mod pass;
pub mod qr;
pub mod qr_decode;

pub use error::{Error, Refusal, Result};
pub use event::Event;
pub use text::Text;
