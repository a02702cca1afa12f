//! What Heft knows about measurements, as pure functions: where a value
//! stands against its reference (`bands`, with the published cut-offs and
//! normal ranges in `norms`), whether two DXA results differ beyond the
//! scanner's precision (`dxa`), how a series changes over time (`trend`),
//! and what a typed measurement must be before it is stored
//! (`new_measurement`). No I/O and no clock: the handle's side reads the
//! rows, calls these and writes the result.
//!
//! The rules (docs/MEASURES.md) come from /work/shared/SCIENCE.md,
//! "Outcomes a person can track": WHO T-score bands, the Z-score cut-off,
//! EWGSOP2 grip, Rikli & Jones 30-s chair stand norms, the 5x sit-to-stand,
//! gait speed and timed up-and-go cut-offs, and the DXA precision caveat.
//! Where a rule is a practical choice it is marked as a heuristic.

pub mod bands;
pub mod dxa;
pub mod new_measurement;
pub mod norms;
pub mod trend;

pub use bands::{Band, BandSource, BandStatus};
pub use dxa::DxaCall;
pub use new_measurement::NewMeasurement;
pub use trend::{Change, Trend};
