#!/usr/bin/env bash
# Set up everything the project needs on a fresh machine: a virtual environment
# in .venv with the package and its test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -m pip install --quiet -e ".[test]" 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -c "import extract.cli, spacy, spacy_lookups_data, pdfplumber, datasette, sqlite_utils, rapidfuzz" \
  || { echo "setup.sh: installing the Python packages failed" >&2; exit 1; }
