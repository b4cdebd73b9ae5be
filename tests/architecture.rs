//! The layer rules of ARCHITECTURE.md, checked on the source: each module may name only the
//! modules its row allows. A new arrow is a design decision: change ARCHITECTURE.md and this
//! table together.

use std::fs;
use std::path::Path;

/// Every top-level module of the crate.
const MODULES: &[&str] = &["model", "io", "analysis", "geometry", "render", "session", "synthetic", "ui", "cli"];

/// The modules each one may use (besides itself). The pure core (`model`, `io`, `analysis`,
/// `geometry`, `render`) knows nothing of egui, the session or the edges.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("geometry", &["model"]),
    ("io", &["model"]),
    ("analysis", &["model"]),
    ("render", &["model", "analysis", "geometry"]),
    // synthetic's own tests load through the session, as the app does.
    ("synthetic", &["model", "io", "analysis", "session"]),
    ("session", &["model", "io", "analysis", "geometry", "synthetic"]),
    ("ui", &["session", "model", "analysis", "geometry", "render", "io"]),
    ("cli", &["session", "model", "analysis", "geometry", "render", "io", "ui", "synthetic"]),
];

/// The paths `crate::X` named in a file's code, skipping comment lines.
fn modules_named(text: &str) -> Vec<String> {
    let mut named = Vec::new();
    for line in text.lines() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        for (index, _) in code.match_indices("crate::") {
            let rest = &code[index + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if MODULES.contains(&name.as_str()) {
                named.push(name);
            }
        }
        // `use crate::{a, b}` groups.
        if let Some(start) = code.find("crate::{") {
            let group = &code[start + "crate::{".len()..];
            for part in group.split([',', '}', ' ']) {
                let name = part.split("::").next().unwrap_or("");
                if MODULES.contains(&name) {
                    named.push(name.to_owned());
                }
            }
        }
    }
    named
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_names_only_the_layers_it_may_use() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut broken = Vec::new();
    let mut checked = 0;
    for (module, allowed) in ALLOWED {
        let mut files = Vec::new();
        rust_files(&src.join(module), &mut files);
        let single = src.join(format!("{module}.rs"));
        if single.exists() {
            files.push(single);
        }
        for file in files {
            let text = fs::read_to_string(&file).unwrap_or_default();
            checked += 1;
            for named in modules_named(&text) {
                if named != *module && !allowed.contains(&named.as_str()) {
                    broken.push(format!("{} names crate::{named}", file.strip_prefix(&src).unwrap_or(&file).display()));
                }
            }
        }
    }
    broken.sort();
    broken.dedup();
    assert!(checked > 50, "only {checked} files were checked: is the table out of date?");
    assert!(broken.is_empty(), "layer rules broken (see ARCHITECTURE.md):\n{}", broken.join("\n"));
}

#[test]
fn the_pure_core_knows_nothing_of_egui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut broken = Vec::new();
    for module in ["model", "io", "analysis", "geometry", "render", "session", "synthetic"] {
        let mut files = Vec::new();
        rust_files(&src.join(module), &mut files);
        for file in files {
            let text = fs::read_to_string(&file).unwrap_or_default();
            if text.lines().any(|l| !l.trim_start().starts_with("//") && (l.contains("egui::") || l.contains("eframe")))
            {
                broken.push(file.display().to_string());
            }
        }
    }
    assert!(broken.is_empty(), "egui in the pure core:\n{}", broken.join("\n"));
}

#[test]
fn the_layer_check_sees_grouped_and_plain_imports() {
    let text = "use crate::model::Party;\nuse crate::{io, analysis::share};\n// crate::ui in a comment\n";
    assert_eq!(modules_named(text), ["model", "io", "analysis"]);
}
