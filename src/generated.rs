//! The generated files, and the one switch that rewrites them.
//!
//! Five files are made from sources kept beside them and committed, so that the library embeds
//! them instead of building them at start-up: `data/thai/words.fc` (`text::dict`),
//! `src/text/nfc_tables.rs` (`text::nfc`), `data/index/segmentation.bin` (`engine::cuts`),
//! `data/index/clause_leads.txt` (`engine::clause`) and `data/thai/ttc_freq.bin`
//! (`engine::index::general_frequencies`). For each, a test builds the
//! file afresh and hands it to [`check_or_write`]: a plain `cargo test` fails when the
//! committed file no longer matches its sources, and with `SAPAN_REGENERATE` set the file is
//! rewritten instead. Those tests' names start with `generated_`, so one filter selects them;
//! `scripts/regenerate` runs them with the switch and then without it.
#![cfg(test)]

use std::path::Path;

/// The command that rewrites every generated file and checks the result.
const REGENERATE: &str = "scripts/regenerate";

/// Checks that the committed file `path` (relative to the crate root) holds `fresh`, what its
/// sources give today; with `SAPAN_REGENERATE` set, writes `fresh` there instead. `made_from`
/// names the sources, for the message that says the file is stale.
#[track_caller]
pub(crate) fn check_or_write(path: &str, fresh: &[u8], made_from: &str) {
    let regenerate = std::env::var_os("SAPAN_REGENERATE").is_some();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Err(message) = settle(root, path, fresh, made_from, regenerate) {
        panic!("{message}");
    }
}

/// [`check_or_write`] for the file `path` under `root`, with the switch given.
fn settle(
    root: &Path,
    path: &str,
    fresh: &[u8],
    made_from: &str,
    regenerate: bool,
) -> Result<(), String> {
    let file = root.join(path);
    if std::fs::read(&file).is_ok_and(|committed| committed == fresh) {
        return Ok(());
    }
    if regenerate {
        // Only a file that differs is written: `scripts/regenerate` repeats its rounds while a
        // round still changes a file, because the files feed each other through the build.
        std::fs::write(&file, fresh).map_err(|e| format!("{path}: {e}"))
    } else {
        Err(format!(
            "{path} is stale (it is made from {made_from}): run {REGENERATE}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory of its own for each test.
    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("sapan-generated-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_stale_file_fails_naming_the_file_its_sources_and_the_command() {
        let dir = scratch("stale");
        std::fs::write(dir.join("table.bin"), b"old").unwrap();
        let message = settle(&dir, "table.bin", b"new", "table.txt", false).unwrap_err();
        assert_eq!(
            message,
            "table.bin is stale (it is made from table.txt): run scripts/regenerate"
        );
        assert_eq!(std::fs::read(dir.join("table.bin")).unwrap(), b"old");
        let missing = settle(&dir, "absent.bin", b"new", "table.txt", false);
        assert!(missing.unwrap_err().starts_with("absent.bin is stale"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_switch_rewrites_a_stale_file_and_leaves_a_fresh_one_untouched() {
        let dir = scratch("switch");
        let file = dir.join("table.bin");
        std::fs::write(&file, b"old").unwrap();
        settle(&dir, "table.bin", b"new", "table.txt", true).unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"new");
        let written = std::fs::metadata(&file).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        settle(&dir, "table.bin", b"new", "table.txt", true).unwrap();
        assert_eq!(
            std::fs::metadata(&file).unwrap().modified().unwrap(),
            written
        );
        assert_eq!(
            settle(&dir, "table.bin", b"new", "table.txt", false),
            Ok(())
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
