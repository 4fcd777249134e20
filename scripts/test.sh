#!/usr/bin/env bash
# Installs the project with its test extra into .venv and runs the linters and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check kg tests benchmarks
.venv/bin/python -m pytest "$@"
