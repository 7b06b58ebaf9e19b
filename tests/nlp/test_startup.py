"""rashomon imports spaCy without its CLI modules, and spacy.cli still works when asked for."""

import subprocess
import sys

_SCRIPT = """
import sys
import rashomon.nlp
import spacy
assert "spacy.cli.download" not in sys.modules and "requests" not in sys.modules
assert spacy.info()["spacy_version"] == spacy.__version__
import spacy.cli
from spacy.cli.info import info_model
assert callable(spacy.cli.download) and callable(info_model)
assert "spacy.cli.download" in sys.modules
print("ok")
"""


def test_spacy_cli_waits_until_used():
    out = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
