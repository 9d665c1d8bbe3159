"""What the rules see: one sentence with its mentions, plants, dates, and the article state.

`Draft` is a fact under construction: its plant is an index into the article's
`PlantRegistry`, so mentions merged later ("the plant" = "l'usine RKM de Busan")
end up on one plant when drafts become `Fact`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from extractors.lexicon import (
    filtered_classes,
    lead_window,
    pattern,
    text_classes,
    window_classes,
)
from extractors.rules.knowledge import Knowledge
from extractors.rules.mentions import Mention
from extractors.rules.plants import PlantRef, PlantRegistry
from factwatch.model import FactType, FuzzyDate

__all__ = ["ANCHORED_EVENT", "ArticleState", "Clause", "DateRef", "Draft", "Sentence"]

# an event named as the anchor of another ("deux ans après la reprise de l'usine", "since the
# plant opened"): the text right before its cue; it is background, with no date of its own
ANCHORED_EVENT = re.compile(
    r"\b(?:après|avant|depuis|after|before|since|nach|vor|seit)\s+(?:[\w'’-]+\s+){0,2}$", re.I
)


@dataclass(frozen=True, slots=True)
class DateRef:
    start: int
    end: int
    date: FuzzyDate
    bound: str  # at, from, until
    ranged: bool = False  # one end of a range ("2005/2006", "entre 2021 et 2024")


@dataclass
class Draft:
    type: FactType
    start: int  # evidence span (a sentence) in the article text
    end: int
    confidence: float
    plant: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class ArticleState:
    lang: str
    kb: Knowledge
    published: FuzzyDate
    registry: PlantRegistry
    main_company: str | None
    companies: list[str]
    current_plant: int | None = None
    current_models: list[Mention] = field(default_factory=list)
    sentence_no: int = 0  # index of the sentence being read
    plant_sentence: int = -10  # index of the sentence that set current_plant
    models_sentence: int = -10  # index of the sentence current_models come from
    # the one model a sentence named without a fact of making ("C'est parti pour le nouveau
    # X à Y."), for an anaphor in the next ("… a commencé la production du SUV")
    named_model: Mention | None = None
    named_sentence: int = -10
    drafts: list[Draft] = field(default_factory=list)
    role_spans: list[Any] = field(default_factory=list)
    # plant → a start date the article gives it without naming a model
    plant_starts: dict[int, FuzzyDate] = field(default_factory=dict)
    workforce_sentence: int = -10  # index of the last sentence that named a workforce noun
    # plant-status drafts whose plant only the next sentence names, and their sentence
    unplaced: list[Draft] = field(default_factory=list)
    unplaced_sentence: int = -10
    # acronyms the article defines ("Toyota Kirloskar Motor (TKM)") → the full name
    acronyms: dict[str, str] = field(default_factory=dict)
    sentence: str = ""  # the text of the sentence being read (`begin_sentence`)
    _sentence_classes: set[str] | None = field(default=None, repr=False)
    _filtered: frozenset[str] | None = field(default=None, repr=False)
    _compiled: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)

    def begin_sentence(self, text: str) -> None:
        self.sentence = text
        self._sentence_classes = None

    def _may_match(self, cls: str, text: str) -> bool:
        """False when class `cls` cannot match `text` (see extractors.lexicon): for a part
        of the sentence being read, the classes whose heads begin one of the sentence's
        word starts, or the part's own first characters, are the only ones that may match;
        other texts are always searched."""
        if self._filtered is None:
            self._filtered = filtered_classes(self.lang)
        if cls not in self._filtered:
            return True
        whole = text is self.sentence
        if not whole and text not in self.sentence:
            return True
        classes = self._sentence_classes
        if classes is None:
            classes = self._sentence_classes = text_classes(self.lang, self.sentence)
        if cls in classes:
            return True
        # the sentence's own windows hold its start; a part may start inside a word
        return not whole and cls in window_classes(self.lang, lead_window(text))

    def has(self, cls: str, text: str) -> re.Match[str] | None:
        # the commonest case inline (the sentence itself, its classes known): rules ask
        # this tens of thousands of times an article batch
        classes = self._sentence_classes
        if text is self.sentence and classes is not None and self._filtered is not None:
            if cls in self._filtered and cls not in classes:
                return None
        elif not self._may_match(cls, text):
            return None
        found = self._pattern(cls).search(text)
        if found is not None and cls == "hedge" and self._firm(text, [found]):
            # the first was a reported future: the others?
            every = list(self._pattern(cls).finditer(text))
            firm = self._firm(text, every)
            return next((m for m in every if m not in firm), None)
        return found

    def has_all(self, cls: str, text: str) -> list[re.Match[str]]:
        classes = self._sentence_classes
        if text is self.sentence and classes is not None and self._filtered is not None:
            if cls in self._filtered and cls not in classes:
                return []
        elif not self._may_match(cls, text):
            return []
        found = list(self._pattern(cls).finditer(text))
        if found and cls == "hedge":
            firm = self._firm(text, found)
            return [m for m in found if m not in firm]
        return found

    def _firm(self, text: str, hedges: list[re.Match[str]]) -> list[re.Match[str]]:
        """The hedges that are the conditional of a future the company itself announced,
        in the sentence being read ("La direction a annoncé que les chaînes seraient mises
        à l'arrêt", "teilte mit, die Bänder würden stillstehen"): no hedge, unless the
        future is itself a condition ("si", "falls")."""
        reported = self._pattern("hedge_reported")
        hits = [m for m in hedges if reported.fullmatch(m.group(0))]
        if not hits:
            return []
        base = 0 if text is self.sentence else self.sentence.find(text)
        context = self.sentence if base >= 0 else text
        base = max(base, 0)
        frames = self._pattern("reporting_that")
        conditional = self._pattern("condition")
        return [
            m
            for m in hits
            if (frame := _last(frames.finditer(context, 0, base + m.start())))
            and not conditional.search(context, frame.end())
            and not self._pattern("hedge_source").search(context, 0, base + m.start())
        ]

    def _pattern(self, cls: str) -> re.Pattern[str]:
        found = self._compiled.get(cls)
        if found is None:
            found = self._compiled[cls] = pattern(self.lang, cls)
        return found


def _last(matches: Any) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


@dataclass
class Clause:
    start: int  # article offsets
    end: int
    text: str
    mentions: list[Mention]
    refs: list[PlantRef]
    dates: list[DateRef]

    def models(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "MODEL"]


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    mentions: list[Mention]
    refs: list[PlantRef]
    ref_ids: list[int]  # registry index of each ref
    dates: list[DateRef]
    clauses: list[Clause]
    paragraph: int

    def of_kind(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    def local(self, start: int, end: int) -> str:
        """The sentence text between two article offsets."""
        return self.text[max(0, start - self.start) : max(0, end - self.start)]
