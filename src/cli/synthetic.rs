//! `wardmap synthetic`: write the synthetic wards ([`crate::synthetic`]) to files, the GeoJSON
//! boundaries and the results CSV, so that other tools (the peers in `benches/peers/`) can be
//! run on exactly the input that `wardmap --synthetic N` generates in memory.

use std::path::{Path, PathBuf};

use clap::Args;

use super::DataArgs;
use crate::render::{Overwrite, check_target, write_atomically};
use crate::synthetic::{DEFAULT_SEED, MAX_WARDS, generate};

#[derive(Debug, Args, Clone)]
pub struct SyntheticArgs {
    /// How many wards to generate (1 to 50,000); 10,000 wards are about 45 MB of GeoJSON.
    #[arg(long, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=MAX_WARDS as i64))]
    pub wards: u32,
    /// The folder to write into (it must exist): the files are named
    /// synthetic-N-wards.geojson and synthetic-N-results.csv.
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
    /// The seed of the generator: the same N and seed give the same bytes on every machine.
    #[arg(long, value_name = "S", default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    /// Replace the files if they exist.
    #[arg(long)]
    pub force: bool,
}

/// Generate and write both files, or neither: the two targets are checked before anything is
/// written, and a boundary file this run created is removed again if the results cannot be
/// written.
///
/// # Errors
/// Data options given beside the command, a folder that is missing or not writable, or a file
/// that exists (without `--force`), in words.
pub fn run(data: &DataArgs, args: &SyntheticArgs) -> Result<String, String> {
    if data.boundaries.is_some() || !data.results.is_empty() || data.synthetic.is_some() {
        return Err("synthetic writes new files: --boundaries, --results and --synthetic do not apply to it".into());
    }
    let overwrite = if args.force { Overwrite::Allow } else { Overwrite::Refuse };
    let generated = generate(args.wards as usize, args.seed);
    let boundaries = args.out_dir.join(generated.boundaries_file_name());
    let results = args.out_dir.join(generated.results_file_name());
    for path in [&boundaries, &results] {
        check_target(path, overwrite).map_err(|e| e.to_string())?;
    }
    let boundaries_existed = std::fs::symlink_metadata(&boundaries).is_ok();
    write_atomically(&boundaries, generated.geojson.as_bytes(), overwrite).map_err(|e| e.to_string())?;
    if let Err(e) = write_atomically(&results, generated.results_csv.as_bytes(), overwrite) {
        if !boundaries_existed {
            let _ = std::fs::remove_file(&boundaries);
        }
        return Err(e.to_string());
    }
    Ok(format!(
        "{} synthetic wards (seed {}; not real data):\n{}{}",
        generated.wards,
        args.seed,
        wrote(&boundaries, generated.geojson.len()),
        wrote(&results, generated.results_csv.len()),
    ))
}

/// "wrote PATH (N bytes, M MB)".
fn wrote(path: &Path, bytes: usize) -> String {
    format!("wrote {} ({bytes} bytes, {:.1} MB)\n", path.display(), bytes as f64 / 1e6)
}
