"""Shared domain vocabulary: constants every layer imports downward (nlp, store, api, web).

- PLOVER event types with their quad class and cooperation/conflict score (manual v0.8),
  the quad-class names, and the coder convention :func:`coded_type`;
- headline stance labels (Emergent's for / against / observing);
- sourcing kinds: how an article carries a claim (asserts, attributes, reports a denial,
  disputes), with display labels.
"""

from __future__ import annotations

# PLOVER type -> (quad class, cooperation/conflict score); see ../shared/PLOVER.md (manual v0.8).
PLOVER: dict[str, tuple[int, float]] = {
    "AGREE": (1, 2.5), "CONSULT": (1, 2.5), "SUPPORT": (1, 5.0), "CONCEDE": (1, 4.5),
    "COOPERATE": (2, 9.5), "AID": (2, 10.0), "RETREAT": (2, 6.5),
    "REQUEST": (3, 0.0), "ACCUSE": (3, -3.0), "REJECT": (3, -2.0), "THREATEN": (3, -3.5),
    "PROTEST": (4, -5.0), "SANCTION": (4, -6.0), "MOBILIZE": (4, -5.5), "COERCE": (4, -7.0),
    "ASSAULT": (4, -9.0),
}
PLOVER_TYPES: tuple[str, ...] = tuple(PLOVER)
# Quad classes: 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict.
QUAD_OF_TYPE: dict[str, int] = {t: quad for t, (quad, _) in PLOVER.items()}
QUAD_NAMES: dict[int, str] = {1: "verbal cooperation", 2: "material cooperation",
                              3: "verbal conflict", 4: "material conflict"}
# Coders code a hypothetical event by its quad class: intentions are promises or threats.
_INTENT = {1: "AGREE", 2: "AGREE", 4: "THREATEN"}  # verbal conflict stays

# Headline stance towards a claim (Emergent's labels).
STANCE_LABELS: tuple[str, ...] = ("for", "against", "observing")

# How an article carries a claim in the ledger (a cell of the claims ledger).
STANCES: tuple[str, ...] = ("asserts", "attributes", "reports_denial", "disputes")
STANCE_NAMES: dict[str, str] = {"asserts": "asserts", "attributes": "attributes",
                                   "reports_denial": "reports denial", "disputes": "disputes"}


# How a statement or event is put (rashomon.nlp.frame) and who stands behind an attributed one.
EVENT_STATUSES: tuple[str, ...] = ("asserted", "alleged", "denied", "hypothetical", "negated")
POLARITIES: tuple[str, ...] = ("positive", "negated")
MODALITIES: tuple[str, ...] = ("actual", "hypothetical", "future", "question")
SOURCE_KINDS: tuple[str, ...] = ("named", "unnamed_official", "anonymous", "medium")
# Whom a ledger cell credits: the outlet's own voice, or one of the source kinds above.
OWN_VOICE = "own"
CREDITS: tuple[str, ...] = (OWN_VOICE, *SOURCE_KINDS)


def coded_type(type_: str, status: str) -> str:
    """The type a CAMEO/PLOVER coder gives: intentions are promises or threats.

    "X will withdraw" / "X is ready to meet" is coded AGREE (CAMEO 03, express intent to
    cooperate) and "X will attack" THREATEN (CAMEO 13); rashomon keeps the underlying type and
    marks the status hypothetical, and uses this for the coder-style views (eval, GDELT export).
    A negated cooperation ("failed to reach agreement", "refused to meet") is coded REJECT
    (CAMEO 12); other negated events are coded as nothing and keep their own type here.
    """
    if status == "negated":
        return "REJECT" if PLOVER[type_][0] in (1, 2) else type_
    if status != "hypothetical":
        return type_
    return _INTENT.get(PLOVER[type_][0], type_)


__all__ = [
    "EVENT_STATUSES", "MODALITIES", "POLARITIES", "SOURCE_KINDS",
    "PLOVER", "PLOVER_TYPES", "QUAD_NAMES", "QUAD_OF_TYPE", "STANCES", "STANCE_NAMES", "OWN_VOICE", "CREDITS",
    "STANCE_LABELS", "coded_type",
]
