#!/usr/bin/env bash
# Set up everything the project needs on a fresh machine: a virtual environment
# in .venv with the package and its test tools. Safe to run again.
# Usage: ./setup.sh [--test]
set -euo pipefail
cd "$(dirname "$0")"
# Always: Debian's Danish word list (wdanish), the lexicon that repairs æ, ø, å in
# OCR-damaged text. --test: also the system packages the test suite needs: Chromium
# (and two font families) for the browser tests and the Chromium-made PDFs, and
# Tesseract with Danish data for the OCR tests (also useful to users: scanned PDFs are
# OCR'd when Tesseract is there).
missing=()
[ -f /usr/share/dict/danish ] || missing+=(wdanish)
if [ "${1:-}" = "--test" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # the fonts of the PDFs Chromium renders in tests/test_pdf_chromium.py
  [ -f /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  { command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx dan; } || missing+=(tesseract-ocr tesseract-ocr-dan)
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" > /dev/null
fi
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -m pip install --quiet -e ".[test]" 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -c "import extract.cli, spacy_lookups_data, pypdfium2, pdfplumber, docx, datasette, sqlite_utils, rapidfuzz" \
  || { echo "setup.sh: installing the Python packages failed" >&2; exit 1; }
