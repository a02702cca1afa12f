//! The `uniffi-bindgen` command, built from the same uniffi version as the
//! library so generated code and scaffolding always match. Used by
//! `scripts/bindings` in library mode.
//!
//! One command of its own follows generation:
//! `uniffi-bindgen reuse-call-status DIR` rewrites every generated Kotlin
//! file under DIR so that calls reuse a per-thread call status (see
//! `call_status.rs` for why and how).

mod call_status;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const REUSE_CALL_STATUS: &str = "reuse-call-status";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) != Some(REUSE_CALL_STATUS) {
        uniffi::uniffi_bindgen_main();
        return ExitCode::SUCCESS;
    }
    let [_, _, dir] = args.as_slice() else {
        eprintln!("usage: uniffi-bindgen {REUSE_CALL_STATUS} DIR");
        return ExitCode::from(2);
    };
    match rewrite_dir(Path::new(dir)) {
        Ok(0) => {
            eprintln!("no generated Kotlin (.kt) files under {dir}");
            ExitCode::FAILURE
        }
        Ok(_) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Rewrites every `.kt` file under `dir`; returns how many there were.
/// All files are checked before any is written, so a refused template
/// leaves the directory as uniffi wrote it; each file is replaced by a
/// rename, so none is ever left half written.
fn rewrite_dir(dir: &Path) -> Result<usize, String> {
    let mut files = Vec::new();
    collect_kotlin(dir, &mut files)?;
    files.sort();
    let mut rewritten = Vec::with_capacity(files.len());
    for file in &files {
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
        let out = call_status::rewrite(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        rewritten.push(out);
    }
    for (file, text) in files.iter().zip(rewritten) {
        let mut tmp = file.clone().into_os_string();
        tmp.push(".tmp");
        std::fs::write(&tmp, text)
            .and_then(|()| std::fs::rename(&tmp, file))
            .map_err(|e| format!("{}: cannot write: {e}", file.display()))?;
    }
    Ok(files.len())
}

fn collect_kotlin(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
        let path = entry.path();
        // The entry's own type: a symbolic link to a directory is not followed.
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            collect_kotlin(&path, files)?;
        } else if path.extension().is_some_and(|ext| ext == "kt") {
            files.push(path);
        }
    }
    Ok(())
}
