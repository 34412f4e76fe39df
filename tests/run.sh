#!/usr/bin/env bash
# The one command that runs every test of PhotoDay (README, .ci/run).
# Rust: unit, integration and end-to-end scenario tests of the whole workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

echo "== Rust: cargo test --workspace"
cargo test --workspace -j2
