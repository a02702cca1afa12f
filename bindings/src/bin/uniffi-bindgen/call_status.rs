//! Rewrites uniffi's generated Kotlin so that a call into Rust reuses one
//! call status per thread instead of making a new JNA structure per call.
//!
//! Why: uniffi's Kotlin runtime (0.32) allocates a `UniffiRustCallStatus`
//! (a JNA `Structure` holding a nested `RustBuffer` structure) for every
//! call, and JNA writes it to native memory before the call and reads every
//! field back by reflection after it. That costs about 10 µs, against about
//! 0.15 µs for a plain JNA call (docs/PERFORMANCE.md, "FFI"): a phone UI
//! making a few dozen calls per screen pays it on every frame.
//!
//! The rewrite changes only how the status travels, not what it means:
//! - the native functions take the status as a `Pointer` (the C signature
//!   is `RustCallStatus *` either way, so the ABI is unchanged);
//! - each thread keeps one status structure with automatic reads and writes
//!   off; before a call its code byte is set to success, after the call
//!   only that byte is read, and the whole structure is read (and the
//!   generated error check runs) only when Rust reported an error;
//! - a call made while the thread's status is in use (Rust calling a Kotlin
//!   callback that calls Rust again) gets a fresh status, as before, so the
//!   outer call's status is never overwritten.
//!
//! Every edit must find the exact text it replaces, with the expected
//! count; when uniffi's template changes, generation fails with a message
//! naming the edit instead of shipping half-rewritten code.

use std::fmt;

/// The generated helper that every call goes through, as uniffi 0.32
/// writes it.
const CALL_WITH_ERROR: &str = "\
private inline fun <U, E: kotlin.Exception> uniffiRustCallWithError(errorHandler: UniffiRustCallStatusErrorHandler<E>, callback: (UniffiRustCallStatus) -> U): U {
    var status = UniffiRustCallStatus()
    val return_value = callback(status)
    uniffiCheckCallStatus(errorHandler, status)
    return return_value
}
";

/// The replacement: a per-thread status passed as a pointer.
const CALL_WITH_ERROR_REUSED: &str = "\
// Rewritten by Heft's uniffi-bindgen (bindings/src/bin/uniffi-bindgen/call_status.rs):
// one call status per thread, passed as a pointer, read back only on error.
private class UniffiCallStatusSlot {
    val status = UniffiRustCallStatus().also { it.setAutoSynch(false) }
    val pointer: Pointer = status.getPointer()
    var busy = false
}

private val uniffiCallStatusSlot: ThreadLocal<UniffiCallStatusSlot> =
    ThreadLocal.withInitial { UniffiCallStatusSlot() }

private inline fun <U, E: kotlin.Exception> uniffiRustCallWithError(errorHandler: UniffiRustCallStatusErrorHandler<E>, callback: (Pointer) -> U): U {
    val slot = uniffiCallStatusSlot.get()
    if (slot.busy) {
        // Called from a callback of another call on this thread, whose
        // status is still waiting for Rust's answer: use a fresh one.
        val status = UniffiRustCallStatus()
        status.write()
        val return_value = callback(status.getPointer())
        status.read()
        uniffiCheckCallStatus(errorHandler, status)
        return return_value
    }
    slot.busy = true
    try {
        // `code` is the structure's first field, at offset 0.
        slot.pointer.setByte(0, UNIFFI_CALL_SUCCESS)
        val return_value = callback(slot.pointer)
        if (slot.pointer.getByte(0) != UNIFFI_CALL_SUCCESS) {
            slot.status.read()
            uniffiCheckCallStatus(errorHandler, slot.status)
        }
        return return_value
    } finally {
        slot.busy = false
    }
}
";

/// The plain-call helper's signature, whose callback now takes a pointer.
const CALL: &str =
    "private inline fun <U> uniffiRustCall(callback: (UniffiRustCallStatus) -> U): U {";
const CALL_REUSED: &str = "private inline fun <U> uniffiRustCall(callback: (Pointer) -> U): U {";

/// The status parameter of every native function declaration.
const NATIVE_PARAM: &str = "uniffi_out_err: UniffiRustCallStatus,";
const NATIVE_PARAM_POINTER: &str = "uniffi_out_err: Pointer,";

/// Text in the generated Kotlin that the rewrite expected and did not find.
#[derive(Debug, PartialEq, Eq)]
pub struct TemplateChanged {
    /// Which edit failed.
    pub edit: &'static str,
    /// How often its text was found (it needs exactly one, or at least one
    /// for the native declarations).
    pub found: usize,
}

impl fmt::Display for TemplateChanged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "uniffi's generated Kotlin no longer matches the call-status rewrite \
             ({}: found {} times); review bindings/src/bin/uniffi-bindgen/call_status.rs \
             against this uniffi version",
            self.edit, self.found
        )
    }
}

impl std::error::Error for TemplateChanged {}

/// Rewrites one generated Kotlin file; see the module documentation.
pub fn rewrite(kotlin: &str) -> Result<String, TemplateChanged> {
    let once = |text: &str, edit: &'static str| match kotlin.matches(text).count() {
        1 => Ok(()),
        found => Err(TemplateChanged { edit, found }),
    };
    once(CALL_WITH_ERROR, "uniffiRustCallWithError")?;
    once(CALL, "uniffiRustCall")?;
    let natives = kotlin.matches(NATIVE_PARAM).count();
    if natives == 0 {
        return Err(TemplateChanged {
            edit: "native status parameters",
            found: 0,
        });
    }
    Ok(kotlin
        .replace(CALL_WITH_ERROR, CALL_WITH_ERROR_REUSED)
        .replace(CALL, CALL_REUSED)
        .replace(NATIVE_PARAM, NATIVE_PARAM_POINTER))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generated() -> String {
        format!(
            "{CALL_WITH_ERROR}\n{CALL}\n    return uniffiRustCallWithError(H, callback)\n}}\n\
             internal object UniffiLib {{\n    \
             external fun a(`x`: Long,{NATIVE_PARAM} \n    ): Unit\n    \
             external fun b({NATIVE_PARAM} \n    ): Long\n}}\n\
             internal interface UniffiCallbackInterfaceProgressMethod0 : com.sun.jna.Callback {{\n    \
             fun callback(`h`: Long,uniffiCallStatus: UniffiRustCallStatus,)\n}}\n"
        )
    }

    #[test]
    fn every_native_declaration_takes_a_pointer() -> Result<(), TemplateChanged> {
        let out = rewrite(&generated())?;
        assert_eq!(out.matches(NATIVE_PARAM_POINTER).count(), 2);
        assert!(!out.contains(NATIVE_PARAM));
        Ok(())
    }

    #[test]
    fn both_helpers_are_replaced() -> Result<(), TemplateChanged> {
        let out = rewrite(&generated())?;
        assert!(out.contains(CALL_REUSED));
        assert!(out.contains("ThreadLocal.withInitial { UniffiCallStatusSlot() }"));
        assert!(!out.contains("var status = UniffiRustCallStatus()\n    val return_value"));
        Ok(())
    }

    #[test]
    fn callbacks_from_rust_keep_their_structure() -> Result<(), TemplateChanged> {
        // Rust hands a callback its own status: that signature stays typed.
        let out = rewrite(&generated())?;
        assert!(out.contains("uniffiCallStatus: UniffiRustCallStatus,)"));
        Ok(())
    }

    #[test]
    fn a_changed_template_is_refused_by_name() {
        let without_helper = generated().replace(CALL_WITH_ERROR, "");
        assert_eq!(
            rewrite(&without_helper),
            Err(TemplateChanged {
                edit: "uniffiRustCallWithError",
                found: 0
            })
        );
        let twice = format!("{}{CALL}", generated());
        assert_eq!(
            rewrite(&twice),
            Err(TemplateChanged {
                edit: "uniffiRustCall",
                found: 2
            })
        );
        let no_natives = generated().replace(NATIVE_PARAM, "");
        assert_eq!(
            rewrite(&no_natives).map_err(|e| e.edit),
            Err("native status parameters")
        );
    }

    #[test]
    fn the_error_names_the_edit_and_the_file_to_review() {
        let message = TemplateChanged {
            edit: "uniffiRustCall",
            found: 0,
        }
        .to_string();
        assert!(message.contains("uniffiRustCall: found 0 times"));
        assert!(message.contains("call_status.rs"));
    }
}
