"""spaCy pipelines, one per supported language, built once per process (never at import).

- French: `fr_core_news_md` (parser for sentences, NER for people, places and
  organisations; the lemmatizer is excluded, the rules do not use lemmas), plus the
  knowledge base's span matcher (extractors/kb_matcher.py). `_md` rather than `_sm`: its
  NER finds more of the people and places the rules anchor on (see the report in
  bench/extract_throughput.py).
- English and German: the registry has no official pipeline we may install, so they
  are honest blank pipelines: tokenizer + rule-based sentencizer + the knowledge
  base's span matcher. People, places and companies then come from the knowledge base
  and the rules' own patterns, not from a statistical NER.

Knowledge-base spans land in `doc.spans[KB_SPANS_KEY]` (labels COMPANY, BRAND, MODEL,
PLANT, PLACE). Nothing is ever downloaded.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import product
from math import prod
from typing import Any, cast

import spacy
from spacy.language import Language

from extractors.kb_matcher import KBSpanMatcher  # also registers the kb_span_matcher factory
from extractors.rules.errors import ExtractorError

__all__ = ["KB_SPANS_KEY", "MODEL_NAMES", "PipelineUnavailable", "build_nlp"]

log = logging.getLogger(__name__)

KB_SPANS_KEY = "kb"
MODEL_NAMES = {"fr": "fr_core_news_md"}
BLANK_LANGUAGES = ("en", "de")
FR_EXCLUDE = ("lemmatizer",)


class PipelineUnavailable(ExtractorError):
    """No pipeline can be built for this language (model package missing)."""

    def __init__(self, lang: str, reason: str) -> None:
        super().__init__(f"no spaCy pipeline for {lang!r}: {reason}")
        self.lang = lang


def _kb_patterns(lang: str) -> list[dict[str, Any]]:
    try:
        from extractors.kb import load_kb
    except ImportError:
        log.warning("knowledge base module not available; pipeline %s has no KB patterns", lang)
        return []
    try:
        return list(load_kb().span_patterns(lang))
    except Exception as exc:  # a broken KB file must not stop extraction
        log.warning("knowledge base patterns for %s could not be loaded: %s", lang, exc)
        return []


def _release_kb_patterns(lang: str) -> None:
    try:
        from extractors.kb import load_kb

        load_kb().release_patterns(lang)
    except Exception as exc:  # memory only: never a reason to fail a build
        log.debug("knowledge base patterns for %s not released: %s", lang, exc)


@cache
def build_nlp(lang: str) -> Language:
    """The pipeline for `lang` ("fr", "en", "de"), built on first use and cached."""
    if lang in MODEL_NAMES:
        try:
            nlp = spacy.load(MODEL_NAMES[lang], exclude=list(FR_EXCLUDE))
        except OSError as exc:
            raise PipelineUnavailable(lang, str(exc)) from exc
    elif lang in BLANK_LANGUAGES:
        nlp = spacy.blank(lang)
        _split_hyphens(nlp)
        _split_model_periods(nlp)
        nlp.add_pipe("sentencizer")
    else:
        raise PipelineUnavailable(lang, "language not supported")
    patterns = _kb_patterns(lang)
    if patterns:
        # first: the matcher needs no other component; the phrases are tokenised by the
        # pipeline's own tokenizer (nlp.make_doc), as a SpanRuler's add_patterns does
        matcher = cast(
            KBSpanMatcher,
            nlp.add_pipe("kb_span_matcher", first=True, config={"spans_key": KB_SPANS_KEY}),
        )
        for attr, pattern in _as_phrases(patterns):
            if attr is None:
                matcher.add_token_pattern(pattern)
            else:
                matcher.add_phrase(attr, pattern)
        matcher.freeze()
    log.debug("built %s pipeline %s with %d KB patterns", lang, nlp.pipe_names, len(patterns))
    del patterns
    _release_kb_patterns(lang)
    # the pipeline and the knowledge base live as long as the process: out of the cyclic
    # collector's sight, they are no longer walked through at every full collection
    # (bench/extract_throughput.py: about 1 ms an article, 5 % of extraction)
    gc.collect()
    gc.freeze()
    return nlp


def _split_model_periods(nlp: Language) -> None:
    """A full stop after a name of letters and digits ends the sentence ("… und den Q2. Die
    Produktion …"): German keeps "2." whole as an ordinal, and so kept "Q2." and "iX3." too,
    hiding the model from the KB patterns and the sentence end from the sentencizer."""
    from spacy.util import compile_suffix_regex

    suffixes = [
        *(nlp.Defaults.suffixes or ()),
        r"(?<=[^\W\d_]\d)\.",
        r"(?<=[^\W\d_]\d\d)\.",
        r"(?<=[^\W\d_]\.\d)\.",  # "ID.4."
    ]
    tokenizer: Any = nlp.tokenizer
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def _split_hyphens(nlp: Language) -> None:
    """Split word-internal hyphens ("Golf-Produktion", "ID.3-Montage", "all-electric"), so a
    model or place inside a compound is a token sequence the KB patterns can match."""
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[\w.])-(?=\w)"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


MAX_PHRASE_EXPANSION = 64  # a token pattern with alternatives becomes at most this many phrases


def _lower_choices(token: Any) -> list[str]:
    """The words a `{"LOWER": w}` / `{"LOWER": {"IN": [...]}}` token spec accepts, else []."""
    if not isinstance(token, dict) or set(token) != {"LOWER"}:
        return []
    value = token["LOWER"]
    if isinstance(value, str):
        return [value]
    if (
        isinstance(value, dict)
        and set(value) == {"IN"}
        and all(isinstance(v, str) for v in value["IN"])
    ):
        return list(value["IN"])
    return []


def _as_phrases(
    patterns: Iterable[dict[str, Any]],
) -> Iterator[tuple[str | None, dict[str, Any]]]:
    """KB token patterns as phrase patterns (a phrase table is ~50x faster than a Matcher),
    each with the attribute it matches on (None: a token pattern, kept as it is).

    `[{"LOWER": w}, ...]` becomes the phrase "w ..." matched on LOWER; a one-word
    `[{"ORTH": {"IN": forms}}]` becomes one ORTH phrase per form; anything else stays
    a token pattern. A stream: the ~50k phrases of a language are never all held twice.
    """
    for p in patterns:
        spec = p.get("pattern")
        base = {k: v for k, v in p.items() if k != "pattern"}
        if isinstance(spec, str):
            yield "LOWER", p
        elif (
            isinstance(spec, list)
            and spec
            and all(set(t) == {"LOWER"} and isinstance(t["LOWER"], str) for t in spec)
        ):
            yield "LOWER", {**base, "pattern": " ".join(t["LOWER"] for t in spec)}
        elif isinstance(spec, list) and spec and all(_lower_choices(t) for t in spec):
            choices = [_lower_choices(t) for t in spec]
            if prod(len(c) for c in choices) <= MAX_PHRASE_EXPANSION:
                for words in product(*choices):
                    yield "LOWER", {**base, "pattern": " ".join(words)}
            else:
                yield None, p
        elif (
            isinstance(spec, list) and len(spec) == 1 and set(spec[0]) == {"ORTH"}
            and isinstance(spec[0]["ORTH"], dict) and set(spec[0]["ORTH"]) == {"IN"}
        ):  # fmt: skip
            for form in spec[0]["ORTH"]["IN"]:
                yield "ORTH", {**base, "pattern": form}
        else:
            yield None, p
