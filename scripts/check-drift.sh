#!/usr/bin/env bash
# Drift check, run by hand (say weekly): install the NEWEST versions pyproject.toml allows, with
# the bundled pip a new user has and without the lock, then run the tests. A failure here is a
# dependency release that would break new users who ignore the lock: fix it before they see it.
#   bash scripts/check-drift.sh
set -uo pipefail
cd "$(dirname "$0")/.."
venv=$(mktemp -d)/venv
python3 -m venv "$venv"
. "$venv/bin/activate"
echo "pip: $(python -m pip --version)"
pip install -q -e ".[test]" || { echo "DRIFT: the unlocked install fails"; exit 1; }
rashomon demo >/dev/null || { echo "DRIFT: rashomon demo fails on the newest dependencies"; exit 1; }
echo "versions that differ from constraints.txt:"
pip freeze --exclude-editable | grep -v -i -E '^(rashomon|-e )' | sort > "$venv/../now.txt"
grep '==' constraints.txt | sort | comm -13 - "$venv/../now.txt" | sed 's/^/  /'
python -m pytest -q -p no:cacheprovider || { echo "DRIFT: tests fail on the newest dependencies"; exit 1; }
echo "no drift: the newest allowed versions pass"
