//! Deflates the data files that heft-core embeds (`core/data`: the exercise
//! catalog, the import aliases, the built-in programs and the message
//! catalogs of the screens) into `OUT_DIR`.
//! The phone library carries them compressed, about 32 KB instead of
//! 190 KB of TOML text, and `embedded::text` inflates one when it is read,
//! with the inflater the sync format links anyway. See docs/PERFORMANCE.md,
//! "Size".

use std::error::Error;
use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::Compression;
use flate2::write::DeflateEncoder;

fn main() -> Result<(), Box<dyn Error>> {
    let out = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?;
    // Any file added, changed or removed under data/ reruns this script.
    println!("cargo::rerun-if-changed=data");
    deflate_dir(Path::new("data"), Path::new("data"), Path::new(&out))?;
    catalogs(Path::new("data/i18n"), &Path::new(&out).join("i18n"))
}

/// Joins each language's message files (`data/i18n/<tag>/*.ftl`, one a
/// part of the app, in name order) into one catalog, `i18n/<tag>.ftl`,
/// deflated. A message id in two files is caught when the catalog is
/// loaded, as Fluent refuses to override one.
fn catalogs(dir: &Path, out: &Path) -> Result<(), Box<dyn Error>> {
    fs::create_dir_all(out)?;
    for entry in fs::read_dir(dir)? {
        let language = entry?.path();
        if !language.is_dir() {
            continue;
        }
        let mut files: Vec<_> = fs::read_dir(&language)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        files.retain(|p| p.extension().is_some_and(|ext| ext == "ftl"));
        files.sort();
        let mut text = Vec::new();
        for file in files {
            text.extend(fs::read(&file)?);
            text.push(b'\n');
        }
        let tag = language
            .file_name()
            .ok_or("a language folder without a name")?;
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&text)?;
        let mut dest = out.join(tag).into_os_string();
        dest.push(".ftl.deflate");
        fs::write(dest, encoder.finish()?)?;
    }
    Ok(())
}

/// Deflates every `.toml` file under `dir` to `OUT_DIR/<path>.deflate`,
/// keeping its path below `root`, so that adding a program to data/ needs
/// no list kept here.
fn deflate_dir(root: &Path, dir: &Path, out: &Path) -> Result<(), Box<dyn Error>> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            deflate_dir(root, &path, out)?;
            continue;
        }
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        let text = fs::read(&path)?;
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&text)?;
        let mut dest = out.join(path.strip_prefix(root)?).into_os_string();
        dest.push(".deflate");
        let dest = std::path::PathBuf::from(dest);
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(dest, encoder.finish()?)?;
    }
    Ok(())
}
