//! Running external programs with readable failure messages.

use std::ffi::OsStr;
use std::os::fd::AsFd;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::Result;

/// A `cargo` command in `root`, using the same cargo binary that runs xtask.
pub fn cargo(root: &Path) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.current_dir(root);
    command
}

/// The command line as one string, for progress and error messages.
pub fn describe(command: &Command) -> String {
    let program = Path::new(command.get_program())
        .file_name()
        .unwrap_or(command.get_program());
    std::iter::once(program)
        .chain(command.get_args())
        .map(OsStr::to_string_lossy)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs a command with inherited output; fails if it cannot start or exits unsuccessfully.
pub fn run(command: &mut Command) -> Result {
    let line = describe(command);
    eprintln!("$ {line}");
    let status = command
        .status()
        .map_err(|e| format!("cannot run `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`{line}` failed ({status}); its messages are above"
        ))
    }
}

/// Like [`run`], but the command's stdout goes to our stderr, keeping our stdout free for
/// machine-readable output (`bench --json`).
pub fn run_quietly(command: &mut Command) -> Result {
    let stderr = std::io::stderr()
        .as_fd()
        .try_clone_to_owned()
        .map_err(|e| format!("cannot duplicate stderr: {e}"))?;
    run(command.stdout(Stdio::from(stderr)))
}

/// The trimmed stdout of a command that succeeded, or `None` if it is missing or failed.
///
/// Used for version probes, where "not installed" and "broken" both mean "install it".
pub fn probe(program: impl AsRef<OsStr>, args: &[&str]) -> Option<String> {
    let output = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Whether we run as root (then missing system packages may be installed with apt-get).
pub fn is_root() -> bool {
    probe("id", &["-u"]).as_deref() == Some("0")
}
