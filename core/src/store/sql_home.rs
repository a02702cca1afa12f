//! A check that SQL has one home: `store/`. Outside it, only the sync
//! format (`sync::format`, `sync::merge`, `sync::tables`: the copy of whole
//! tables by the column lists of `sync::tables`, and merge's checks of
//! what it wrote) and the fault injection of tests (`testing`) run
//! statements. The `Heft` handle and the pure modules run none, so every
//! query is found under `store/`.

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    /// The files outside `store/` that may run SQL, with why.
    const ALLOWED: &[(&str, &str)] = &[
        (
            "sync/format.rs",
            "exports whole tables by their column lists",
        ),
        ("sync/merge.rs", "applies a merge and checks what it wrote"),
        ("sync/tables.rs", "the statements of each synced table"),
        ("testing.rs", "damages pages for tests"),
    ];

    /// What running a statement or writing one looks like.
    const SQL_MARKS: &[&str] = &[
        ".execute(",
        ".execute_batch(",
        ".prepare(",
        ".prepare_cached(",
        ".query(",
        ".query_row(",
        ".query_one(",
        ".query_map(",
        ".query_and_then(",
        ".pragma_update(",
        ".pragma_query",
        "SELECT ",
        "INSERT INTO",
        "INSERT OR ",
        "REPLACE INTO",
        "UPDATE ",
        "DELETE FROM",
        "PRAGMA ",
    ];

    fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
        if path.is_dir() {
            let mut entries: Vec<_> = std::fs::read_dir(path)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            entries.sort();
            for p in entries {
                rust_files(&p, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.to_path_buf());
        }
    }

    /// The lines of `text` outside its inline test modules (a
    /// `#[cfg(test)]` before `mod name {`, to its closing brace at the
    /// same indentation), with comments dropped. A test module in a file
    /// of its own (`mod tests;`) is a file the caller skips by name.
    fn code_lines(text: &str) -> Vec<(usize, &str)> {
        let lines: Vec<&str> = text.lines().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            if line.trim() == "#[cfg(test)]" {
                let mut j = i + 1;
                while j < lines.len() && lines[j].trim().starts_with("#[") {
                    j += 1;
                }
                let item = lines.get(j).map_or("", |l| l.trim_start());
                let item = item.trim_start_matches("pub(crate) ");
                if item.starts_with("mod ") && item.trim_end().ends_with('{') {
                    let indent = lines[j].len() - lines[j].trim_start().len();
                    let close = format!("{}}}", " ".repeat(indent));
                    let end = (j + 1..lines.len())
                        .find(|&k| lines[k] == close)
                        .unwrap_or(lines.len() - 1);
                    i = end + 1;
                    continue;
                }
            }
            if !line.trim_start().starts_with("//") {
                out.push((i + 1, line));
            }
            i += 1;
        }
        out
    }

    /// Whether a file holds only tests: `tests.rs`, or under a `tests/` folder.
    fn is_test_file(path: &Path) -> bool {
        path.file_stem().is_some_and(|s| s == "tests")
            || path.components().any(|c| c.as_os_str() == "tests")
    }

    #[test]
    fn only_the_store_runs_sql() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        for (allowed, _) in ALLOWED {
            assert!(
                src.join(allowed).exists(),
                "{allowed} is gone: update ALLOWED"
            );
        }
        let checked: Vec<&PathBuf> = files
            .iter()
            .filter(|f| !f.starts_with(src.join("store")))
            .filter(|f| !ALLOWED.iter().any(|(a, _)| src.join(a) == **f))
            .filter(|f| !is_test_file(f))
            .collect();
        assert!(checked.len() > 80, "read {} files", checked.len());
        let mut found = Vec::new();
        for file in checked {
            let text = std::fs::read_to_string(file).unwrap();
            for (line, code) in code_lines(&text) {
                if let Some(mark) = SQL_MARKS.iter().find(|m| code.contains(*m)) {
                    found.push(format!(
                        "{}:{line}: {mark}",
                        file.strip_prefix(&src).unwrap().display()
                    ));
                }
            }
        }
        assert!(
            found.is_empty(),
            "SQL outside store/ (move it into a store module):\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn the_check_sees_a_statement() {
        let text = "fn f(c: &Connection) {\n    c.execute(\"UPDATE workout SET x = 1\", [])?;\n}\n\
                    // c.execute(\"in a comment\")\n\
                    #[cfg(test)]\nfn helper() { c.query_row(\"SELECT 2\") }\n\
                    #[cfg(test)]\nmod tests;\n\
                    const AFTER: &str = \"DELETE FROM workout\";\n\
                    #[cfg(test)]\n#[allow(clippy::unwrap_used)]\nmod tests {\n    fn g() { c.prepare(\"SELECT 1\"); }\n}\n\
                    fn after_tests(c: &Connection) { c.pragma_update(None, \"x\", 1); }\n";
        let hits: Vec<usize> = code_lines(text)
            .into_iter()
            .filter(|(_, l)| SQL_MARKS.iter().any(|m| l.contains(m)))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            hits,
            [2, 6, 9, 15],
            "statements in code, in a test helper, after `mod tests;` and after an inline \
             test module; not in comments or the test module"
        );
        assert!(is_test_file(Path::new(
            "src/progression/engine/tests/effort.rs"
        )));
        assert!(is_test_file(Path::new(
            "src/interchange/import_plan/tests.rs"
        )));
        assert!(!is_test_file(Path::new("src/heft/logbook/mod.rs")));
    }
}
