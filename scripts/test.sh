#!/usr/bin/env bash
# Installs the project with its test extra into .venv and runs the linters and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser tests drive Debian's chromium; install it when missing and allowed to.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check kg tests benchmarks
# Under CI the browser and Virtuoso integration tests must run, never skip.
if [ "${CI:-}" = "true" ]; then
  export SURVEYKG_REQUIRE_BROWSER=1 SURVEYKG_REQUIRE_VIRTUOSO=1
fi
.venv/bin/python -m pytest "$@"
