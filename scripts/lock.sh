#!/usr/bin/env bash
# Regenerate constraints.txt (the lock): a fresh venv with the newest versions pyproject.toml
# allows, the test suite run against them, and only then the tested set written out.
#   bash scripts/lock.sh            # writes constraints.txt when the tests pass
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$(mktemp -d)/venv
python3 -m venv "$venv"
. "$venv/bin/activate"
python -m pip install -q --upgrade pip
pip install -q -e ".[test]"
python -m pytest -q -p no:cacheprovider
{
  echo "# The tested set of every dependency (the lock): README's install and CI use it with -c."
  echo "# Regenerate with: bash scripts/lock.sh   (installs the newest allowed versions, runs the tests, rewrites this file)"
  echo "pip==$(python -m pip --version | cut -d' ' -f2)"
  pip freeze --exclude-editable | grep -v -i -E '^(rashomon|-e )'
} > constraints.txt
echo "constraints.txt rewritten from a passing run ($(grep -c '==' constraints.txt) pins)"
