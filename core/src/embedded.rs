//! The data files compiled into the crate (`core/data`), kept deflated:
//! build.rs compresses them and [`text`] inflates one where it is read. The
//! catalog, the import aliases and the built-in programs are 190 KB of TOML
//! and 32 KB deflated; reading one costs an inflate of at most 100 KB next
//! to the TOML parse that follows it.

use std::io::Read;

use flate2::read::DeflateDecoder;

/// The deflated bytes of `core/data/<path>`, as build.rs wrote them.
macro_rules! deflated {
    ($path:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $path, ".deflate"))
    };
}
pub(crate) use deflated;

/// The text of an embedded file. Fails only on a broken build.
pub(crate) fn text(deflated: &[u8]) -> Result<String, String> {
    let mut text = String::new();
    DeflateDecoder::new(deflated)
        .read_to_string(&mut text)
        .map_err(|e| format!("embedded data file: {e}"))?;
    Ok(text)
}
