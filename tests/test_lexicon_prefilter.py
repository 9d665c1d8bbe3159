"""The lexicon prefilter (extractors.lexicon, ArticleState.has) never skips a search that
would have matched: checked on every sentence of the seed and two held-out sets, for every
class, on the whole sentence and on parts of it that begin inside words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractors.lexicon import LEXICONS, heads, pattern, text_classes, word_starts
from extractors.rules.context import ArticleState
from extractors.rules.text import prepare

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    *sorted((ROOT / "seeds").glob("*.txt")),
    *sorted((ROOT / "tests" / "fixtures" / "heldout" / "articles").glob("*.txt")),
    *sorted((ROOT / "tests" / "fixtures" / "heldout2" / "articles").glob("*.txt")),
]
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def _lang(path: Path) -> str:
    return "fr" if path.stem.endswith("_fr") else "de" if path.stem.endswith("_de") else "en"


def _sentences(lang: str) -> list[str]:
    out = []
    for path in TEXTS:
        if _lang(path) == lang or (lang == "fr" and path.parent.name == "seeds"):
            out += [m.group() for m in _SENTENCE.finditer(prepare(path.read_text("utf-8")))]
    return [s for s in out if s.strip()]


def _state(lang: str) -> ArticleState:
    return ArticleState(
        lang=lang, kb=None, published=None, registry=None, main_company=None, companies=[]
    )  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", sorted(LEXICONS))
def test_no_skipped_search_would_have_matched(lang: str) -> None:
    sentences = _sentences(lang)
    assert len(sentences) > 100
    state = _state(lang)
    checked = skipped = 0
    for sentence in sentences:
        state.begin_sentence(sentence)
        parts = [
            sentence,
            sentence[len(sentence) // 3 :],
            sentence[1:],
            sentence[: len(sentence) // 2],
        ]
        for cls in LEXICONS[lang]:
            for part in parts:
                found = pattern(lang, cls).search(part)
                may = state._may_match(cls, part)
                checked += 1
                skipped += not may
                assert may or found is None, (cls, part)
    assert skipped > checked // 2  # and it does spare most searches


@pytest.mark.parametrize("lang", sorted(LEXICONS))
def test_sentence_classes_agree_with_the_word_starts(lang: str) -> None:
    for sentence in _sentences(lang)[:150]:
        starts = word_starts(sentence)
        listed = text_classes(lang, sentence)
        for cls in LEXICONS[lang]:
            class_heads = heads(lang, cls)
            if class_heads is None:
                assert cls not in listed
            else:
                assert (cls in listed) == (not class_heads.isdisjoint(starts)), (cls, sentence)
