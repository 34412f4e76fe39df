//! The uniffi bindings generator, built from this workspace so its version always matches the
//! `uniffi` that `photoday-ffi` is compiled with (a mismatch produces bindings that fail the
//! contract-version check at load time). `bindings/generate.sh` runs it in library mode.

fn main() {
    uniffi::uniffi_bindgen_main()
}
