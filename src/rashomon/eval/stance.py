"""``rashomon eval stance``: stance on Emergent (headline vs claim) or FNC-1 (body vs headline).

The gold set is recognised from the folder: FNC-1's competition test set is scored by
:mod:`rashomon.eval.fnc1` (FNC score, per-class F1); anything else is read as Emergent.
On Emergent, two systems are scored on the test split (or in cross-validation on train):
the cue rules (no training) and the logistic-regression :class:`StanceModel` trained on
the train split; in cross-validation also the model when each held-out claim is known
only by one of its headlines (FNC-1's setting). Accuracy and per-class
precision/recall/F1 (for, against, observing) are printed; ``against`` is the class that
matters for denials.
"""

from __future__ import annotations

from pathlib import Path

import click

from rashomon.crossref.stance import DEFAULT_C, LABELS, StanceModel, claim_of, rule_stance
from rashomon.eval import emergent


def fnc_report(data: Path, emergent_dir: Path) -> None:
    """Score FNC-1 and print the table (systems described in :mod:`rashomon.eval.fnc1`)."""
    from rich.console import Console
    from rich.table import Table

    from rashomon.eval import fnc1

    pairs, bodies = fnc1.load(data)
    preds = fnc1.predict(pairs, bodies, emergent_dir)
    cut, n_train = preds.pop("_cut")
    gold = [p.stance for p in pairs]
    table = Table(title="FNC-1 competition test set (anchor: Talos 82.02 trained on FNC-1 train, "
                        "which is not available here)")
    table.add_column("system")
    table.add_column("FNC score %", justify="right")
    for label in fnc1.LABELS:
        table.add_column(f"{label} F1", justify="right")
    for name, pred in preds.items():
        f1 = fnc1.per_class(gold, pred)
        table.add_row(name, f"{fnc1.fnc_score(gold, pred)[1]:.2f}",
                      *(f"{100 * f1[label][2]:.1f}" for label in fnc1.LABELS))
    Console().print(table)
    Console().print(f"{len(pairs)} pairs; trained on {n_train} Emergent headlines (claims near an "
                    f"FNC-1 headline removed); relatedness cut {cut} (set on Emergent).")


NAMES = {"rules": "cue rules (no training)", "model": "logistic regression (train split)",
         "headline_claim": "the same, a claim known by one headline (claim_of; FNC-1's setting)"}


def score(gold: list[str], pred: list[str]) -> dict[str, float]:
    """Accuracy, macro F1 and per-class P/R/F1 (keys like ``against_f1``)."""
    out: dict[str, float] = {"n": float(len(gold))}
    out["accuracy"] = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        n_pred = sum(p == label for p in pred)
        n_gold = sum(g == label for g in gold)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        out[f"{label}_p"], out[f"{label}_r"] = prec, rec
        out[f"{label}_f1"] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    out["macro_f1"] = sum(out[f"{label}_f1"] for label in LABELS) / len(LABELS)
    return out


def cross_validate(data: Path, c: float = DEFAULT_C, folds: int = 5) -> dict[str, dict[str, float]]:
    """Scores of the rules and of the model on the train split, in folds grouped by claim.

    A third score, ``headline_claim``, reads FNC-1's setting, where a claim is known only
    by one of its headlines: each held-out claim is replaced by :func:`claim_of` its
    first headline, and its other headlines are scored against that.
    """
    from sklearn.model_selection import GroupKFold

    pairs = emergent.load(data, "train")
    gold, learned, proxy_gold, proxy = [], [], [], []
    for fit_rows, held in GroupKFold(folds).split(pairs, groups=[p.claim_id for p in pairs]):
        fit = [pairs[i] for i in fit_rows]
        model = StanceModel(c).fit([p.headline for p in fit], [p.claim for p in fit], [p.stance for p in fit])
        learned += model.predict([pairs[i].headline for i in held], [pairs[i].claim for i in held])
        gold += [pairs[i].stance for i in held]
        first: dict[str, int] = {}
        for i in held:
            first.setdefault(pairs[i].claim_id, i)
        others = [i for i in held if first[pairs[i].claim_id] != i]
        proxy += model.predict([pairs[i].headline for i in others],
                               [claim_of(pairs[first[pairs[i].claim_id]].headline) for i in others])
        proxy_gold += [pairs[i].stance for i in others]
    rules = [rule_stance(p.headline, p.claim) for p in pairs]
    return {"rules": score([p.stance for p in pairs], rules), "model": score(gold, learned),
            "headline_claim": score(proxy_gold, proxy)}


def evaluate(data: Path, split: str = "test", c: float = DEFAULT_C) -> dict[str, dict[str, float]]:
    """Scores of the rules and of the trained model on one split ("cv": see :func:`cross_validate`)."""
    if split == "cv":
        return cross_validate(data, c)
    train = emergent.load(data, "train")
    test = emergent.load(data, split)
    gold = [p.stance for p in test]
    rules = [rule_stance(p.headline, p.claim) for p in test]
    model = StanceModel(c).fit([p.headline for p in train], [p.claim for p in train],
                               [p.stance for p in train])
    learned = model.predict([p.headline for p in test], [p.claim for p in test])
    return {"rules": score(gold, rules), "model": score(gold, learned)}


@click.command("stance")
@click.option("--data", type=click.Path(path_type=Path), default=Path("../shared/data/emergent"),
              show_default=True, help="Folder of the Emergent or the FNC-1 gold set.")
@click.option("--emergent", "emergent_dir", type=click.Path(path_type=Path), default=None,
              help="Emergent folder to train on when --data is FNC-1 (default: its sibling 'emergent').")
@click.option("--split", type=click.Choice(["train", "test", "cv"]), default="test", show_default=True,
              help="Split to score (the model always trains on train); cv: 5-fold cross-validation "
                   "on train, folds grouped by claim.")
@click.option("--c", "c", type=float, default=DEFAULT_C, show_default=True,
              help="Inverse regularisation of the logistic regression.")
def command(data: Path, emergent_dir: Path | None, split: str, c: float) -> None:
    """Score stance on Emergent (for / against / observing) or FNC-1 (agree … unrelated).

    \b
    Examples:
      rashomon eval stance --data ../shared/data/emergent
      rashomon eval stance --data ../shared/data/emergent --split cv
      rashomon eval stance --data ../shared/data/fnc1
    """
    from rashomon.eval import fnc1

    if fnc1.is_fnc(data):
        fnc_report(data, emergent_dir or data.parent / "emergent")
        return
    from rich.console import Console
    from rich.table import Table

    results = evaluate(data, split, c)
    where = "train split, 5-fold CV by claim" if split == "cv" else f"{split} split"
    table = Table(title=f"Emergent headline stance ({where}; anchor: Ferreira & Vlachos 73% acc.)")
    table.add_column("system")
    table.add_column("accuracy", justify="right")
    table.add_column("macro F1", justify="right")
    for label in LABELS:
        table.add_column(f"{label} P/R/F1", justify="right")
    for name, s in results.items():
        table.add_row(
            NAMES[name],
            f"{100 * s['accuracy']:.1f}", f"{100 * s['macro_f1']:.1f}",
            *(f"{100 * s[f'{k}_p']:.1f}/{100 * s[f'{k}_r']:.1f}/{100 * s[f'{k}_f1']:.1f}" for k in LABELS),
        )
    Console().print(table)
    Console().print(f"{int(results['model']['n'])} headlines scored.")
