"""TimeML loader and TempEval-3 scorer (rashomon.eval.te3) and ``rashomon eval dates``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rashomon.eval import te3

TML = """<?xml version="1.0" ?>
<TimeML><DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2015-06-10" functionInDocument="CREATION_TIME">June 10, 2015</TIMEX3></DCT>
<TEXT>The mill closed <TIMEX3 tid="t1" type="DATE" value="2015-06-07">on Sunday</TIMEX3> after
<TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3> of losses &amp; debts.</TEXT>
</TimeML>"""


def test_parse_tml_offsets_and_dct() -> None:
    doc = te3.parse_tml(TML, "x")
    assert doc.dct == "2015-06-10"
    assert [g.text for g in doc.gold] == ["on Sunday", "three years"]
    assert "&" in doc.text and "<" not in doc.text


def test_score_definitions() -> None:
    doc = te3.parse_tml(TML, "x")
    s0, e0 = doc.text.index("Sunday"), doc.text.index("Sunday") + 6
    s1, e1 = doc.gold[1].start, doc.gold[1].end
    preds = [te3.Pred(s0, e0, "DATE", "2015-06-07"), te3.Pred(s1, e1, "DURATION", "P4Y"),
             te3.Pred(0, 3, "DATE", "2015")]
    res = te3.score([(doc.gold, preds)])
    assert res["relaxed"] == pytest.approx((2 / 3, 1.0, 0.8))
    assert res["strict"][1] == pytest.approx(0.5)  # only "three years" has identical offsets
    assert res["value_accuracy"] == pytest.approx(0.5)
    assert res["value_f1_te3"] == pytest.approx(0.4)


def test_help_has_an_example() -> None:
    from rashomon.eval.dates import command

    out = CliRunner().invoke(command, ["--help"]).output
    assert "Example" in out and "te3-platinum" in out


@pytest.mark.shared
@pytest.mark.model
def test_te3_platinum_floor(shared: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    """TE3-Platinum is a test set: this floor only guards against regressions."""
    from rashomon.eval.dates import predict

    docs = te3.load(shared / "data" / "te3-platinum")
    if not docs:
        pytest.skip("TE3-Platinum not available")
    res = te3.score([(d.gold, p) for d, p in zip(docs, predict(docs, nlp))])
    assert res["relaxed"][2] >= 0.91
    assert res["value_f1_te3"] >= 0.81  # measured 0.834
