//! Measuring: peak memory, load, medians, the log-log fit, the machine.

use std::fs;

use serde::{Deserialize, Serialize};

/// This process's peak resident set size in KiB (`VmHWM` of
/// `/proc/self/status`), or 0 where that file does not exist.
pub fn peak_rss_kib() -> u64 {
    status_field("/proc/self/status", "VmHWM:").unwrap_or(0)
}

/// This process's current resident set size in KiB (`VmRSS`), 0 where unknown.
pub fn rss_kib() -> u64 {
    status_field("/proc/self/status", "VmRSS:").unwrap_or(0)
}

fn status_field(path: &str, key: &str) -> Option<u64> {
    let text = fs::read_to_string(path).ok()?;
    let line = text.lines().find(|l| l.starts_with(key))?;
    line[key.len()..].split_whitespace().next()?.parse().ok()
}

/// CPU time (user + system, all threads) this process has used so far, in
/// seconds, from `/proc/self/stat` (clock ticks of 1/100 s); 0 where unknown.
/// Less disturbed than wall time by other work on a busy machine.
pub fn cpu_seconds() -> f64 {
    let Ok(stat) = fs::read_to_string("/proc/self/stat") else { return 0.0 };
    let Some(after) = stat.rfind(')').map(|i| &stat[i + 1..]) else { return 0.0 };
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / CLOCK_TICKS_PER_SECOND
}

/// `sysconf(_SC_CLK_TCK)` on Linux (fixed at 100 for user space).
const CLOCK_TICKS_PER_SECOND: f64 = 100.0;

/// The one-minute load average, or NaN where unknown.
pub fn load_average() -> f64 {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
        .unwrap_or(f64::NAN)
}

/// The median of `xs` (mean of the middle two for even counts); NaN when empty.
pub fn median(xs: &[f64]) -> f64 {
    let mut v: Vec<f64> = xs.iter().copied().filter(|x| !x.is_nan()).collect();
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len() % 2 == 1 { v[m] } else { (v[m - 1] + v[m]) / 2.0 }
}

/// A least-squares line through `(ln x, ln y)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PowerFit {
    /// The exponent b of y ≈ a·x^b.
    pub exponent: f64,
    /// ln a.
    pub intercept: f64,
    /// Coefficient of determination of the log-log line.
    pub r2: f64,
    /// Number of points used.
    pub points: usize,
}

/// Fits y ≈ a·x^b by least squares on log-log; `None` for fewer than two
/// distinct positive x.
pub fn fit_power(points: &[(f64, f64)]) -> Option<PowerFit> {
    let logs: Vec<(f64, f64)> = points.iter().filter(|(x, y)| *x > 0.0 && *y > 0.0).map(|(x, y)| (x.ln(), y.ln())).collect();
    let n = logs.len() as f64;
    let mx = logs.iter().map(|p| p.0).sum::<f64>() / n;
    let my = logs.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = logs.iter().map(|p| (p.0 - mx).powi(2)).sum();
    if logs.len() < 2 || sxx <= 0.0 {
        return None;
    }
    let sxy: f64 = logs.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let b = sxy / sxx;
    let a = my - b * mx;
    let ss_res: f64 = logs.iter().map(|p| (p.1 - (a + b * p.0)).powi(2)).sum();
    let ss_tot: f64 = logs.iter().map(|p| (p.1 - my).powi(2)).sum();
    let r2 = if ss_tot > 0.0 { 1.0 - ss_res / ss_tot } else { 1.0 };
    Some(PowerFit { exponent: b, intercept: a, r2, points: logs.len() })
}

/// The machine a measurement ran on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Machine {
    /// Logical CPUs available to this process.
    pub cpus: usize,
    /// CPU model name from `/proc/cpuinfo`.
    pub cpu_model: String,
    /// Total memory in GiB.
    pub memory_gib: f64,
    /// Kernel release.
    pub kernel: String,
}

/// Describes this machine.
pub fn machine() -> Machine {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu_model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map_or_else(|| "unknown".to_string(), |s| s.trim().to_string());
    let mem_kib = status_field("/proc/meminfo", "MemTotal:").unwrap_or(0);
    Machine {
        cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        cpu_model,
        memory_gib: mem_kib as f64 / 1024.0 / 1024.0,
        kernel: fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default().trim().to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_even_and_empty() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(&[]).is_nan());
    }

    #[test]
    fn power_fit_recovers_exponent() {
        let pts: Vec<(f64, f64)> = [1_000.0, 2_000.0, 4_000.0, 8_000.0, 16_000.0].iter().map(|&n| (n, 0.003 * f64::powf(n, 1.1))).collect();
        let f = fit_power(&pts).expect("fit");
        assert!((f.exponent - 1.1).abs() < 1e-9 && f.r2 > 0.999999, "{f:?}");
        assert!(fit_power(&[(1.0, 1.0)]).is_none());
    }

    #[test]
    fn peak_memory_is_read_on_linux() {
        if std::path::Path::new("/proc/self/status").exists() {
            assert!(peak_rss_kib() > 0);
            let t0 = cpu_seconds();
            let mut x = 0u64;
            for i in 0..50_000_000u64 {
                x = x.wrapping_mul(31).wrapping_add(std::hint::black_box(i));
            }
            assert!(std::hint::black_box(x) != 1 && cpu_seconds() > t0, "CPU time advances");
        }
    }
}
