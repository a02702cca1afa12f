//! The `uniffi-bindgen` command, built from the same uniffi version as the
//! library so generated code and scaffolding always match. Used by
//! `scripts/bindings` in library mode.

fn main() {
    uniffi::uniffi_bindgen_main()
}
