//! Named, timed steps with a summary, shared by `test` and `bench`.

use std::time::{Duration, Instant};

use crate::Result;

/// The steps run so far, in order, with their durations and outcomes.
#[derive(Default)]
pub struct Steps {
    done: Vec<(String, Duration, bool)>,
}

impl Steps {
    /// Runs `plan` with a fresh list of steps and prints the summary afterwards, also when
    /// a step failed.
    pub fn with_summary<T>(plan: impl FnOnce(&mut Steps) -> Result<T>) -> Result<T> {
        let mut steps = Steps::default();
        let outcome = plan(&mut steps);
        steps.print_summary();
        outcome
    }

    /// Runs one step, announcing it and its duration on stderr; its error names the step.
    pub fn run<T>(&mut self, name: &str, step: impl FnOnce() -> Result<T>) -> Result<T> {
        eprintln!("\n==> {name}");
        let start = Instant::now();
        let outcome = step();
        let elapsed = start.elapsed();
        let ok = outcome.is_ok();
        eprintln!(
            "==> {name}: {} in {}",
            if ok { "ok" } else { "FAILED" },
            format_duration(elapsed)
        );
        self.done.push((name.to_owned(), elapsed, ok));
        outcome.map_err(|e| format!("step `{name}` failed: {e}"))
    }

    /// Prints every step run so far with its duration, and the total.
    pub fn print_summary(&self) {
        eprintln!("\nsummary:");
        for (name, elapsed, ok) in &self.done {
            let verdict = if *ok { "ok" } else { "FAILED" };
            eprintln!("  {name:<16} {verdict:<7} {:>9}", format_duration(*elapsed));
        }
        let total: Duration = self.done.iter().map(|(_, elapsed, _)| *elapsed).sum();
        eprintln!("  {:<16} {:<7} {:>9}", "total", "", format_duration(total));
    }
}

/// `4.2 s` below a minute, `2 min 05 s` above: readable without losing precision where
/// it matters.
fn format_duration(elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    if seconds < 60.0 {
        format!("{seconds:.1} s")
    } else {
        let whole = elapsed.as_secs();
        format!("{} min {:02} s", whole / 60, whole % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_duration(Duration::from_millis(4_240)), "4.2 s");
        assert_eq!(format_duration(Duration::from_secs(125)), "2 min 05 s");
    }

    #[test]
    fn a_failing_step_is_named_and_recorded() {
        let mut steps = Steps::default();
        assert_eq!(steps.run("first", || Ok(1)), Ok(1));
        let err = steps.run("second", || Err::<(), _>("boom".to_owned()));
        assert_eq!(err, Err("step `second` failed: boom".to_owned()));
        let outcomes: Vec<bool> = steps.done.iter().map(|(_, _, ok)| *ok).collect();
        assert_eq!(outcomes, [true, false]);
    }
}
