//! Every public method of `heft_core::Heft` has a binding on `HeftStore`,
//! or is listed in [`GAPS`] with the reason it has none. A method added to
//! the core without either fails this test, so the apps never silently
//! lag behind the CLI.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Public `Heft` methods deliberately not bound, and why.
const GAPS: &[(&str, &str)] = &[
    (
        "open_with_clock",
        "a clock other than the device's is for Rust tests and simulations (the CLI's --date); apps open with `open`",
    ),
    (
        "plan_context",
        "the engine's raw inputs, for benchmarks and tools that run the pure engine; apps read `today`",
    ),
    (
        "export_to",
        "writes to a Rust `Write`; apps export to a file with `export_file`",
    ),
    (
        "import_from",
        "reads a Rust `Read`; apps import a file with `import_file`",
    ),
    (
        "import_csv_from",
        "reads a Rust `Read`; apps import a file with `import_csv`",
    ),
    (
        "import_file_quietly",
        "`import_file` without progress; there the listener is optional",
    ),
];

/// `HeftStore` methods with no core method of the same name.
const FACADE_ONLY: &[&str] = &["close", "is_closed", "report_html"];

/// Names of the `pub fn`s inside `impl <type_line>` blocks of `source`.
fn pub_fns(source: &str, impl_line: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut inside = false;
    for line in source.lines() {
        if line == impl_line {
            inside = true;
        } else if inside && line == "}" {
            inside = false;
        } else if inside && let Some(rest) = line.strip_prefix("    pub fn ") {
            let end = rest.find(['(', '<']).unwrap();
            names.insert(rest[..end].to_owned());
        }
    }
    names
}

fn core_methods() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src/heft");
    let mut names = BTreeSet::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            names.extend(pub_fns(&fs::read_to_string(&path).unwrap(), "impl Heft {"));
        }
    }
    names
}

fn bound_methods() -> BTreeSet<String> {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs");
    pub_fns(&fs::read_to_string(lib).unwrap(), "impl HeftStore {")
}

#[test]
fn every_public_heft_method_is_bound_or_a_listed_gap() {
    let core = core_methods();
    assert!(
        core.len() > 50,
        "found only {} core methods: {core:?}",
        core.len()
    );
    let bound = bound_methods();
    let gaps: BTreeSet<&str> = GAPS.iter().map(|(name, _)| *name).collect();
    let missing: Vec<&String> = core
        .iter()
        .filter(|m| !bound.contains(*m) && !gaps.contains(m.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "public Heft methods with no HeftStore binding: {missing:?}; bind them in bindings/src/lib.rs or list them in GAPS with the reason"
    );
}

#[test]
fn listed_gaps_and_facade_methods_are_current() {
    let core = core_methods();
    let bound = bound_methods();
    for (gap, _) in GAPS {
        assert!(
            core.contains(*gap),
            "GAPS lists '{gap}', which Heft no longer has"
        );
        assert!(
            !bound.contains(*gap),
            "GAPS lists '{gap}', which is bound now"
        );
    }
    let extra: Vec<&String> = bound
        .iter()
        .filter(|m| !core.contains(*m) && !FACADE_ONLY.contains(&m.as_str()))
        .collect();
    assert!(
        extra.is_empty(),
        "HeftStore methods that call no Heft method of their name: {extra:?}"
    );
}
