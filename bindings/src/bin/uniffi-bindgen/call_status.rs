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
//! - each thread keeps a stack of status structures with automatic reads
//!   and writes off, one per level of nesting (a call lowers its arguments,
//!   which may allocate Rust buffers, and Rust may call a Kotlin callback
//!   that calls Rust again, while the call's own status waits); before a
//!   call its code byte is set to success, after the call only that byte is
//!   read, and the whole structure is read (and the generated error check
//!   runs) only when Rust reported an error.
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

/// The replacement: per-thread statuses passed as pointers.
const CALL_WITH_ERROR_REUSED: &str = "\
// Rewritten by Heft's uniffi-bindgen (bindings/src/bin/uniffi-bindgen/call_status.rs):
// call statuses reused per thread, passed as pointers, read back only on error.
private class UniffiCallStatusStack {
    // One status per level of nesting: a call's arguments are lowered, and
    // Rust may call back into Kotlin, while its own status waits.
    private val statuses = ArrayList<UniffiRustCallStatus>()
    var depth = 0

    fun push(): UniffiRustCallStatus {
        if (depth == statuses.size) {
            statuses.add(UniffiRustCallStatus().also { it.setAutoSynch(false) })
        }
        return statuses[depth++]
    }
}

private val uniffiCallStatusStack: ThreadLocal<UniffiCallStatusStack> =
    ThreadLocal.withInitial { UniffiCallStatusStack() }

private inline fun <U, E: kotlin.Exception> uniffiRustCallWithError(errorHandler: UniffiRustCallStatusErrorHandler<E>, callback: (Pointer) -> U): U {
    val stack = uniffiCallStatusStack.get()
    val status = stack.push()
    try {
        val pointer = status.getPointer()
        // `code` is the structure's first field, at offset 0.
        pointer.setByte(0, UNIFFI_CALL_SUCCESS)
        val return_value = callback(pointer)
        if (pointer.getByte(0) != UNIFFI_CALL_SUCCESS) {
            status.read()
            uniffiCheckCallStatus(errorHandler, status)
        }
        return return_value
    } finally {
        stack.depth--
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

/// The first line of the replacement, by which a rewritten file is known.
const MARKER: &str = "// Rewritten by Heft's uniffi-bindgen";

/// Async exports pass the status to their completion functions in a way
/// this rewrite does not handle; Heft has none.
const ASYNC_HELPER: &str = "uniffiRustCallAsync";

/// Rewrites one generated Kotlin file; see the module documentation.
pub fn rewrite(kotlin: &str) -> Result<String, TemplateChanged> {
    if kotlin.contains(MARKER) {
        return Err(TemplateChanged {
            edit: "already rewritten",
            found: 1,
        });
    }
    if kotlin.contains(ASYNC_HELPER) {
        return Err(TemplateChanged {
            edit: "async exports (not handled)",
            found: kotlin.matches(ASYNC_HELPER).count(),
        });
    }
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
    let out = kotlin
        .replace(CALL_WITH_ERROR, CALL_WITH_ERROR_REUSED)
        .replace(CALL, CALL_REUSED)
        .replace(NATIVE_PARAM, NATIVE_PARAM_POINTER);
    // A status parameter written some other way would now be handed a
    // pointer where it expects a structure: refuse rather than compile.
    let left = out.matches("uniffi_out_err: UniffiRustCallStatus").count();
    if left > 0 {
        return Err(TemplateChanged {
            edit: "native status parameters in another form",
            found: left,
        });
    }
    Ok(out)
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
        assert!(out.contains("ThreadLocal.withInitial { UniffiCallStatusStack() }"));
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
    fn a_rewritten_file_or_async_exports_are_refused() -> Result<(), TemplateChanged> {
        let once = rewrite(&generated())?;
        assert_eq!(rewrite(&once).map_err(|e| e.edit), Err("already rewritten"));
        let with_async = format!("{}\nfun uniffiRustCallAsync() {{}}\n", generated());
        assert_eq!(
            rewrite(&with_async).map_err(|e| e.edit),
            Err("async exports (not handled)")
        );
        let other_form = format!(
            "{}\n    external fun c(uniffi_out_err: UniffiRustCallStatus)\n",
            generated()
        );
        assert_eq!(
            rewrite(&other_form).map_err(|e| e.edit),
            Err("native status parameters in another form")
        );
        Ok(())
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
