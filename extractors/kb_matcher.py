"""The knowledge base's span matcher: its phrases in plain dicts, not in spaCy's PhraseMatcher.

The knowledge base gives each language ~50k phrase patterns (plants × name templates ×
operator and city forms, see extractors/kb.py). spaCy's PhraseMatcher keeps each one as
a path in a trie of preshed maps, each node a cymem allocation of its own that the pool
also records in a dict: some 1.1 kB a phrase, ~60 MB a language. Here a phrase is one
tuple of its tokens' attribute hashes (the ints shared between phrases) in a dict, with
its match keys as the value: some 150 bytes a phrase.

`KBSpanMatcher` finds what two SpanRulers ("kb_words" on ORTH, then "kb_phrases" on
LOWER with any remaining token patterns in a Matcher) found before, span for span and in
the same order: every occurrence of every phrase, overlaps included, as
`Span(label=..., span_id=...)`, the ORTH group sorted, then the LOWER group sorted.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

__all__ = ["KBSpanMatcher", "PhraseTable"]

# the span groups, in the order the matcher writes them to the doc
PHRASE_ATTRS = ("ORTH", "LOWER")


class PhraseTable:
    """Token sequences (their hashes of one attribute) → match keys; finds every occurrence."""

    def __init__(self, attr: str) -> None:
        self.attr = attr
        self._attr_id = IDS[attr]
        self._phrases: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._lengths: dict[int, tuple[int, ...]] = {}  # first token → phrase lengths, ascending
        self._shared: dict[Any, Any] = {}  # one object per equal int, key tuple, length tuple

    def __len__(self) -> int:
        return len(self._phrases)

    def _share(self, value: Any) -> Any:
        return self._shared.setdefault(value, value)

    def add(self, doc: Doc, key: int) -> None:
        """The phrase `doc` (tokenised by the pipeline's tokenizer) under match key `key`."""
        if not len(doc):
            return
        words = tuple(self._share(v) for v in doc.to_array(self._attr_id).tolist())
        keys = self._phrases.get(words, ())
        if key not in keys:
            self._phrases[words] = self._share(tuple(sorted((*keys, key))))
        lengths = self._lengths.get(words[0], ())
        if len(words) not in lengths:
            self._lengths[words[0]] = self._share(tuple(sorted((*lengths, len(words)))))

    def freeze(self) -> None:
        """Forget the sharing table once every phrase is in (the objects stay shared)."""
        self._shared = {}

    def values(self, doc: Doc) -> list[int]:
        return doc.to_array(self._attr_id).tolist() if len(doc) else []

    def matches(self, values: Sequence[int]) -> Iterator[tuple[int, int, int]]:
        """(key, start, end) of every phrase in the token values, as PhraseMatcher finds them."""
        end = len(values)
        phrases, lengths = self._phrases, self._lengths
        for start, value in enumerate(values):
            sizes = lengths.get(value)
            if sizes is None:
                continue
            for size in sizes:
                if start + size > end:
                    break
                for key in phrases.get(tuple(values[start : start + size]), ()):
                    yield key, start, start + size


class KBSpanMatcher:
    """The knowledge base's spans in `doc.spans[spans_key]` (see the module doc)."""

    def __init__(self, nlp: Language, name: str = "kb_matcher", *, spans_key: str) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self._tables = {attr: PhraseTable(attr) for attr in PHRASE_ATTRS}
        self._matcher: Matcher | None = None  # token patterns, in the LOWER group
        self._keys: list[tuple[str, str]] = []  # match key → (label, id)
        self._key_of: dict[tuple[str, str], int] = {}

    def __len__(self) -> int:
        return sum(len(t) for t in self._tables.values()) + len(self._matcher or ())

    def _key(self, pattern: Mapping[str, Any]) -> int:
        pair = (str(pattern["label"]), str(pattern.get("id", "")))
        key = self._key_of.get(pair)
        if key is None:
            key = self._key_of[pair] = len(self._keys)
            self._keys.append(pair)
        return key

    def add_phrase(self, attr: str, pattern: Mapping[str, Any]) -> None:
        """A phrase pattern (`{"label", "pattern": text, "id"}`) matched on `attr`."""
        self._tables[attr].add(self.nlp.make_doc(pattern["pattern"]), self._key(pattern))

    def add_token_pattern(self, pattern: Mapping[str, Any]) -> None:
        """A token pattern (`"pattern": [token specs]`), matched with the LOWER phrases."""
        if self._matcher is None:
            self._matcher = Matcher(self.nlp.vocab, validate=False)
        self._matcher.add(str(self._key(pattern)), [pattern["pattern"]])

    def freeze(self) -> None:
        for table in self._tables.values():
            table.freeze()
        self._key_of = {}

    def _group(self, doc: Doc, attr: str) -> list[Span]:
        table = self._tables[attr]
        found = set(table.matches(table.values(doc)))
        if attr == "LOWER" and self._matcher is not None:
            strings = self.nlp.vocab.strings
            found.update((int(strings[m]), s, e) for m, s, e in self._matcher(doc))
        spans = {
            Span(doc, start, end, label=self._keys[key][0], span_id=self._keys[key][1])
            for key, start, end in found
            if start != end
        }
        return sorted(spans)

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        for attr in PHRASE_ATTRS:
            spans.extend(self._group(doc, attr))
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("kb_span_matcher", default_config={"spans_key": "kb"})
def make_kb_span_matcher(nlp: Language, name: str, spans_key: str) -> KBSpanMatcher:
    return KBSpanMatcher(nlp, name, spans_key=spans_key)
