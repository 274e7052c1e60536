#!/usr/bin/env bash
# Sets up a virtual environment (if needed) and runs every check CI runs:
# ruff, mypy (strict, every layer), import-linter (layering) and the test suite.
# Benchmarks live in tests/perf and run on demand: .venv/bin/pytest tests/perf -s
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; .venv/bin/ruff check .
echo "== mypy (strict: the whole package)"; .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== pytest"; .venv/bin/python -m pytest "$@"
