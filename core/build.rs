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
    deflate_dir(Path::new("data"), Path::new("data"), Path::new(&out))
}

/// Deflates every `.toml` and `.ftl` file under `dir` to `OUT_DIR/<path>.deflate`,
/// keeping its path below `root`, so that adding a program to data/ needs
/// no list kept here.
fn deflate_dir(root: &Path, dir: &Path, out: &Path) -> Result<(), Box<dyn Error>> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            deflate_dir(root, &path, out)?;
            continue;
        }
        if path
            .extension()
            .is_none_or(|ext| ext != "toml" && ext != "ftl")
        {
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
