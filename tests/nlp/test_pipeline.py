"""The pipeline's contracts: every component declares what it reads and writes, and
the order comes from those declarations (checked with spaCy's ``analyze_pipes``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from rashomon.errors import ConfigError
from rashomon.nlp import extensions
from rashomon.nlp.pipeline import COLLECTORS, COMPANIONS, extractors, pipeline_order, problems

NLP_DIR = Path(extensions.__file__).parent
PACKAGES = {"actors": ["rashomon_actor_ruler", "rashomon_actors"], "dates": ["rashomon_dates"],
            "events": ["rashomon_line_breaks", "rashomon_events"], "figures": ["rashomon_figures"],
            "places": ["rashomon_places"], "quotes": ["rashomon_quotes"]}


@pytest.mark.model
def test_pipeline_full_has_no_undeclared_dependency(nlp: Language) -> None:
    found = problems(nlp)
    assert {name: attrs for name, attrs in found.items() if attrs} == {}
    assert set(COLLECTORS) <= set(nlp.pipe_names)


@pytest.mark.parametrize(("pipes", "missing"), [
    (["rashomon_figures"],
     ["doc._.rashomon_dates", "doc._.rashomon_quotes", "doc._.rashomon_mentions"]),
    (["rashomon_quotes"], ["doc._.rashomon_mentions", "doc._.actors"]),
    (["rashomon_events"], ["doc._.rashomon_places", "doc._.line_breaks", "doc._.demonyms"]),
])
def test_pipeline_reading_unassigned_span_group_is_caught(
    pipes: list[str], missing: list[str]
) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("rashomon_article")
    for name in pipes:
        nlp.add_pipe(name)
    found = problems(nlp)
    for attr in missing:
        assert attr in found[pipes[-1]]


def test_pipeline_order_comes_from_declarations() -> None:
    names = [*COLLECTORS, "rashomon_article", *(c for cs in COMPANIONS.values() for c in cs)]
    order = pipeline_order(names)
    assert order == pipeline_order(reversed(names))
    pos = {name: i for i, name in enumerate(order)}
    assert pos["rashomon_actors"] < pos["rashomon_quotes"] < pos["rashomon_figures"]
    assert pos["rashomon_dates"] < pos["rashomon_figures"]
    # events adds demonym actors: it runs after every reader of the linker's actors
    readers = ("rashomon_quotes", "rashomon_figures", "rashomon_places")
    assert max(pos[r] for r in readers) < pos["rashomon_events"]
    assert extractors() == [n for n in order if n in COLLECTORS]


def test_pipeline_order_cycle_is_an_error() -> None:
    @Language.component("test_cycle_a", requires=["doc._.test_b"], assigns=["doc._.test_a"])
    def a(doc: Doc) -> Doc:
        return doc

    @Language.component("test_cycle_b", requires=["doc._.test_a"], assigns=["doc._.test_b"])
    def b(doc: Doc) -> Doc:
        return doc

    with pytest.raises(ConfigError, match="R404"):
        pipeline_order(["test_cycle_a", "test_cycle_b"])


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_pipeline_package_reads_only_declared_attributes(package: str) -> None:
    """Every ``._.name`` and span-group key a package's modules touch is declared by one
    of its components (a static net under ``analyze_pipes``, which trusts the declarations)."""
    declared: set[str] = set()
    for name in PACKAGES[package]:
        meta = Language.get_factory_meta(name)
        declared |= {a.rsplit(".", 1)[-1] for a in (*meta.requires, *meta.assigns) if "._." in a}
    used: set[str] = set()
    for path in (NLP_DIR / package).glob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\._\.(\w+)", text))
        used |= {k for k in re.findall(r"\"(rashomon_\w+)\"", text) if k in extensions.SPAN_GROUPS}
    assert used - declared == set()


def test_pipeline_declared_extensions_are_registered() -> None:
    for name in (*COLLECTORS, "rashomon_article", *(c for cs in COMPANIONS.values() for c in cs)):
        meta = Language.get_factory_meta(name)
        for attr in (*meta.requires, *meta.assigns):
            obj, _, ext = attr.partition("._.")
            if ext:
                assert (Doc if obj == "doc" else Span).has_extension(ext), attr


def test_pipeline_span_group_getter_reads_doc_spans() -> None:
    doc = spacy.blank("en")("Talks resumed on Monday")
    assert list(doc._.rashomon_dates) == []
    doc.spans[extensions.DATES] = [doc[3:4]]
    assert [s.text for s in doc._.rashomon_dates] == ["Monday"]


def test_pipeline_docs_table_matches_declarations() -> None:
    """docs/pipeline.md lists every component's requires/assigns as declared."""
    doc = (NLP_DIR.parents[2] / "docs" / "pipeline.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| (.*) \| (.*) \|$", doc, re.M)
    assert rows
    names = {*COLLECTORS, "rashomon_article", *(c for cs in COMPANIONS.values() for c in cs)}
    assert {name for name, _, _ in rows} == names
    for name, requires, assigns in rows:
        meta = Language.get_factory_meta(name)
        assert re.findall(r"`([^`]+)`", requires) == list(meta.requires), name
        assert re.findall(r"`([^`]+)`", assigns) == list(meta.assigns), name


@pytest.mark.model
def test_a_titles_exclamation_before_a_colon_ends_no_sentence(nlp: Language) -> None:
    from rashomon.nlp.pipeline import make_doc
    from rashomon.records import Article

    body = ("Orsk, who wrote a book titled Win Big!: How Anyone Can Save, Spend Less and Retire "
            "Early, was accused of spending party funds. He denied it.")
    doc = nlp(make_doc(nlp, Article(id="t", source="t", title=None, outlet=None,
                                    published=None, language="en", body=body)))
    sents = [s.text for s in doc.sents]
    assert sents[0].startswith("Orsk, who wrote") and sents[0].endswith("party funds.")
