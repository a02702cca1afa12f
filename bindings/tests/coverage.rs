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
        "on_write_wait",
        "an app writes through its one handle, which serialises its writes; waiting on another process's write is the CLI's case",
    ),
    (
        "backtest",
        "an accuracy study of the forecast over a whole history (`heft backtest`), for developers and curious lifters at a desktop; apps show the estimate itself",
    ),
    (
        "backtest_model",
        "`backtest` with another model, for measuring the model's parts",
    ),
    (
        "backtest_csv",
        "`backtest` of another app's export read in memory; a CLI study like `backtest`",
    ),
    (
        "replayable",
        "an export read in memory for `backtest_model`; a tool for measuring the model",
    ),
    (
        "import_file_quietly",
        "`import_file` without progress; there the listener is optional",
    ),
];

/// `HeftStore` methods with no core method of the same name.
/// (`problem_screen` describes an error the shell caught; it needs no store.)
const FACADE_ONLY: &[&str] = &["close", "is_closed", "report_html", "problem_screen"];

/// Names of the `pub fn`s in inherent `impl <type_name>` blocks of
/// `source`, however the block is written (a path such as `crate::Heft`,
/// generics, attributes, an inline module) and wherever it sits in the file.
/// Restricted visibility (`pub(crate)`) is not public.
fn pub_fns(source: &str, type_name: &str) -> BTreeSet<String> {
    let file = syn::parse_file(source).unwrap();
    let mut names = BTreeSet::new();
    collect(&file.items, type_name, &mut names);
    names
}

fn collect(items: &[syn::Item], type_name: &str, names: &mut BTreeSet<String>) {
    for item in items {
        match item {
            syn::Item::Impl(block)
                if block.trait_.is_none() && names_type(&block.self_ty, type_name) =>
            {
                for member in &block.items {
                    if let syn::ImplItem::Fn(f) = member
                        && matches!(f.vis, syn::Visibility::Public(_))
                    {
                        names.insert(f.sig.ident.to_string());
                    }
                }
            }
            syn::Item::Mod(module) => {
                if let Some((_, inner)) = &module.content {
                    collect(inner, type_name, names);
                }
            }
            _ => {}
        }
    }
}

fn names_type(ty: &syn::Type, type_name: &str) -> bool {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == type_name),
        _ => false,
    }
}

/// Every `.rs` file under `dir`, at any depth: a module split into a
/// folder keeps its methods counted.
fn sources(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(fs::read_to_string(&path).unwrap());
        }
    }
    out
}

fn methods_in(dir: &Path, type_name: &str) -> BTreeSet<String> {
    sources(dir)
        .iter()
        .flat_map(|s| pub_fns(s, type_name))
        .collect()
}

fn core_methods() -> BTreeSet<String> {
    methods_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src/heft"),
        "Heft",
    )
}

fn bound_methods() -> BTreeSet<String> {
    methods_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        "HeftStore",
    )
}

#[test]
fn methods_are_found_however_the_impl_is_written() {
    let source = r#"
        impl Heft {
            pub fn plain(&self) {}
            pub(crate) fn internal(&self) {}
            fn private(&self) {}
        }
        impl<'a> crate::Heft {
            pub fn by_path<T>(&self, _: T) {}
        }
        #[cfg(test)]
        mod inner {
            impl super::Heft {
                pub fn nested(&self) {}
            }
        }
        impl Default for Heft {
            fn default() -> Self { todo!() }
        }
        impl Other {
            pub fn elsewhere(&self) {}
        }
    "#;
    let found: Vec<String> = pub_fns(source, "Heft").into_iter().collect();
    assert_eq!(found, ["by_path", "nested", "plain"]);
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
