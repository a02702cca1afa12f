//! Timing helpers of the `sync` and `csv_import` benchmarks: the interleaved
//! comparison of a Heft call with its raw baseline.

use std::time::Instant;

/// How long a call took: wall-clock time and, where Linux tells, the CPU
/// time of the calling thread (`/proc/thread-self/schedstat`), both in
/// seconds. CPU time leaves out the time spent waiting for a CPU that
/// another process holds, and for the disk.
#[derive(Debug, Clone, Copy)]
pub struct Timed {
    pub wall: f64,
    pub cpu: Option<f64>,
}

/// CPU time of this thread so far, in seconds.
fn thread_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// Runs `f` and times it.
pub fn time(f: impl FnOnce()) -> Timed {
    let cpu = thread_cpu();
    let start = Instant::now();
    f();
    let wall = start.elapsed().as_secs_f64();
    Timed {
        wall,
        cpu: cpu.zip(thread_cpu()).map(|(a, b)| b - a),
    }
}

/// The `q` quantile of `values` (nearest rank).
pub fn quantile(values: &mut [f64], q: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let i = ((values.len() - 1) as f64 * q).round() as usize;
    values[i]
}

/// Times `heft` and `raw` interleaved for `rounds` rounds, the order
/// alternating, and prints the medians and the median ratio of wall-clock
/// and of CPU time.
pub fn interleaved(
    name: &str,
    rounds: usize,
    mut heft: impl FnMut() -> Timed,
    mut raw: impl FnMut() -> Timed,
) {
    let mut pairs = Vec::with_capacity(rounds);
    for round in 0..rounds {
        pairs.push(if round % 2 == 0 {
            let h = heft();
            (h, raw())
        } else {
            let r = raw();
            (heft(), r)
        });
    }
    let summary = |what: &str, pick: &dyn Fn(&Timed) -> Option<f64>| {
        let (mut h, mut r, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
        for (a, b) in &pairs {
            let (Some(a), Some(b)) = (pick(a), pick(b)) else {
                return;
            };
            h.push(a);
            r.push(b);
            ratio.push(a / b);
        }
        eprintln!(
            "{name} interleaved, {what}: {rounds} rounds, median heft {:.0} ms, median raw \
             {:.0} ms, median ratio {:.2} (min {:.2}, max {:.2})",
            quantile(&mut h, 0.5) * 1000.0,
            quantile(&mut r, 0.5) * 1000.0,
            quantile(&mut ratio, 0.5),
            quantile(&mut ratio, 0.0),
            quantile(&mut ratio, 1.0),
        );
    };
    summary("wall", &|t| Some(t.wall));
    summary("CPU", &|t| t.cpu);
}
