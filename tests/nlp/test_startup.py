"""rashomon imports spaCy without its CLI modules, and spacy.cli still works when asked for."""

import subprocess
import sys

import pytest

_FIRST = """
import sys
import rashomon.nlp.data
assert "spacy" not in sys.modules  # reading lexicons does not import spaCy
"""
_CHECKS = {
    "spacy first": """
import spacy
assert "spacy.cli.download" not in sys.modules and "requests" not in sys.modules
assert spacy.info()["spacy_version"] == spacy.__version__
import spacy.cli
from spacy.cli.info import info_model
assert callable(spacy.cli.download) and callable(info_model)
assert "spacy.cli.download" in sys.modules
""",
    "spacy.cli.info first": """
from spacy.cli.info import info_model
import spacy
assert callable(info_model) and callable(spacy.cli.download)
assert spacy.info()["spacy_version"] == spacy.__version__
""",
}


@pytest.mark.parametrize("order", sorted(_CHECKS))
def test_spacy_cli_waits_until_used(order):
    script = _FIRST + _CHECKS[order] + 'print("ok")\n'
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
