"""Language identification: clear English skips langdetect, everything else still asks it."""

from __future__ import annotations

import pytest

from rashomon.clean import language

ENGLISH = ("The negotiators met on Tuesday in the capital for the first time in a year. They "
           "promised to return next week with new proposals, the foreign minister said, adding "
           "that both countries wanted to avoid a new escalation of the conflict in the border "
           "region, where fighting has killed dozens of people and displaced thousands.")
FOREIGN = {
    "fr": "Les négociateurs se sont réunis mardi dans la capitale pour la première fois depuis "
          "un an. Ils ont promis de revenir la semaine prochaine avec de nouvelles propositions, "
          "a déclaré le ministre, qui a ajouté que les deux pays voulaient éviter une nouvelle "
          "escalade du conflit dans la région frontalière où des combats ont fait des morts.",
    "de": "Die Unterhändler trafen sich am Dienstag zum ersten Mal seit einem Jahr in der "
          "Hauptstadt. Sie versprachen, in der nächsten Woche mit neuen Vorschlägen "
          "zurückzukehren, sagte der Außenminister, der hinzufügte, dass beide Länder eine neue "
          "Eskalation des Konflikts in der Grenzregion vermeiden wollen. Das will die Regierung.",
    "nl": "De onderhandelaars kwamen dinsdag voor het eerst in een jaar bijeen in de hoofdstad. "
          "Ze beloofden volgende week terug te komen met nieuwe voorstellen, zei de minister, die "
          "eraan toevoegde dat beide landen een nieuwe escalatie van het conflict in het "
          "grensgebied willen vermijden. Of dat lukt is de vraag, of niet.",
}


def test_language_clear_english_skips_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_: str) -> None:
        raise AssertionError("langdetect called")

    monkeypatch.setattr(language, "detect_langs", fail)
    assert language.detect_language(ENGLISH) == "en"


@pytest.mark.parametrize(("code", "text"), sorted(FOREIGN.items()))
def test_language_other_languages_go_to_langdetect(code: str, text: str) -> None:
    assert not language.is_clearly_english(text)
    assert language.detect_language(text) == code


def test_language_short_text_goes_to_langdetect() -> None:
    assert not language.is_clearly_english("The talks and the truce.")


def test_language_lazy_profiles_give_langdetects_answers() -> None:
    import langdetect

    texts = [ENGLISH, *FOREIGN.values(), "The talks and the truce.", "Der Bürgermeister sagte.",
             "Москва заявила в понедельник", "北京时间周一", "Η Αθήνα και η Θεσσαλονίκη",
             "ok 12345 abc", ENGLISH[:60] + FOREIGN["fr"][:80]]
    for text in texts:
        ours = [(x.lang, x.prob) for x in language.detect_langs(text)]
        assert ours == [(x.lang, x.prob) for x in langdetect.detect_langs(text)], text
