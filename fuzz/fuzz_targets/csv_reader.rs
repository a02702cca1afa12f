//! Any bytes, read as each app's CSV: an error or rows, never a panic or a hang.
#![no_main]

use heft_core::interchange::{CsvReader, ReadOptions, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let sources = [
        None,
        Some(Source::Strong),
        Some(Source::Hevy),
        Some(Source::FitNotes),
        Some(Source::StrongLifts),
        Some(Source::Liftosaur),
        Some(Source::Heft),
    ];
    for source in sources {
        let opts = ReadOptions {
            source,
            ..ReadOptions::default()
        };
        if let Ok(reader) = CsvReader::new(data, &opts) {
            for row in reader {
                if row.is_err() {
                    break;
                }
            }
        }
    }
});
