#!/usr/bin/env bash
# The project's checks, as CI runs them: formatting, lints (clippy pedantic, see [lints] in
# Cargo.toml), the tests (the README's command) and the API docs with warnings denied.
# Run it before every push: `scripts/check.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy --all-targets -- -D warnings (pedantic)"
cargo clippy --all-targets --quiet -- -D warnings

step "cargo test"
cargo test

step "cargo doc --no-deps (warnings denied)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet

printf '\nAll checks passed.\n'
