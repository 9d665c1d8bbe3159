"""Per-language lexical classes the rules are written on (regular-expression fragments).

Each language module defines `LEXICON: dict[str, str]`, class name -> alternation.
`pattern(lang, cls)` compiles one class (case-insensitive, word-bounded, cached);
`CLASSES` lists the classes every language must define.

A prefilter spares the regex scans that cannot match (rules read each sentence against
dozens of classes, and three in four miss): a class match begins where no word
character precedes it, with one of `heads(lang, cls)` (the first `HEAD_CHARS`
characters its alternatives may begin with, read from the parsed pattern and folded
as `re.IGNORECASE` folds them); `word_starts(text)` holds the folded characters at
every such place of a text. When the two are disjoint the class does not match the
text, nor any part of it that begins at one of those places. A class whose heads
cannot be read (`heads` is None) is always searched. See ArticleState.has.
"""

from __future__ import annotations

import _sre
import importlib
import re
from functools import cache
from operator import itemgetter
from re import _constants, _parser  # CPython's own pattern parser
from typing import Any

from extractors.lexicon import de, en, fr

__all__ = [
    "CLASSES",
    "HEAD_CHARS",
    "LEXICONS",
    "filtered_classes",
    "heads",
    "lead_starts",
    "lead_window",
    "pattern",
    "text_classes",
    "window_classes",
    "word_starts",
    "word_windows",
]

LEXICONS: dict[str, dict[str, str]] = {"fr": fr.LEXICON, "en": en.LEXICON, "de": de.LEXICON}
CLASSES = tuple(fr.LEXICON)


@cache
def pattern(lang: str, cls: str) -> re.Pattern[str]:
    """The compiled class `cls` of language `lang` (never matches when undefined)."""
    body = LEXICONS.get(lang, {}).get(cls)
    if not body:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<!\w)(?:{body})(?![\w])", re.IGNORECASE)


HEAD_CHARS = 8  # how many leading characters of a class match the prefilter reads
_MAX_HEADS = 512  # a class with more heads than this is always searched
_CAN_START = re.compile(r"(?<!\w)")  # every position a class match may start at
_WINDOWS = re.compile(rf"(?<!\w)(?=(.{{1,{HEAD_CHARS}}}))", re.DOTALL)  # what follows each


# characters re.IGNORECASE also matches beyond the simple lowercase (CPython's own table)
_EXTRA_CASES: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES


def _fold_char(code: int) -> int:
    """One representative of the characters `re.IGNORECASE` matches to `code`."""
    low = _sre.unicode_tolower(code)
    return min((low, *_EXTRA_CASES.get(low, ())))


class _Folding(dict[int, int]):
    """`str.translate` table folding each character to `_fold_char` (filled as seen)."""

    def __missing__(self, code: int) -> int:
        folded = self[code] = _fold_char(code)
        return folded


_FOLD = _Folding()


def _plain_lower(code: int) -> bool:
    """`str.lower` folds this character as `re.IGNORECASE` does, one character to one,
    keeping it a word character or not."""
    ch = chr(code)
    low = ch.lower()
    return (
        len(low) == 1
        and ord(low) == _fold_char(code)
        and bool(_WORD.match(ch)) == bool(_WORD.match(low))
    )


_WORD = re.compile(r"\w")
_PLAIN_BELOW = 0x370  # Latin scripts: str.lower() is the fold but for the characters below
# one negated class (a character set the regex engine scans for fast)
_NOT_PLAIN = re.compile(
    "[^" + "".join(re.escape(chr(c)) for c in range(_PLAIN_BELOW) if _plain_lower(c)) + "]"
)


def word_windows(text: str) -> list[str]:
    """The folded first HEAD_CHARS characters (fewer at the end) of `text` at every place a
    class match may start (the start of the text, or after a character that is not a word
    character)."""
    if _NOT_PLAIN.search(text) is None:
        windows: list[str] = _WINDOWS.findall(text.lower())
        return windows
    folded = text.translate(_FOLD)
    return [folded[i : i + HEAD_CHARS] for i in (m.start() for m in _CAN_START.finditer(text))]


def word_starts(text: str) -> frozenset[str]:
    """The folded first 1..HEAD_CHARS characters of `text` at every place a class match
    may start."""
    windows = word_windows(text)
    starts = set(windows)
    for n in range(1, HEAD_CHARS):
        starts.update(map(itemgetter(slice(n)), windows))
    return frozenset(starts)


def lead_window(text: str) -> str:
    """The folded first HEAD_CHARS characters of `text`."""
    head = text[:HEAD_CHARS]
    return head.lower() if _NOT_PLAIN.search(head) is None else head.translate(_FOLD)


def lead_starts(text: str) -> frozenset[str]:
    """The folded first 1..HEAD_CHARS characters of `text`: with the word starts of a
    longer text holding it, every place a class match in `text` may start."""
    folded = lead_window(text)
    return frozenset([folded[:n] for n in range(1, len(folded) + 1)])


# One item of a parsed pattern -> the strings it may match, each with "the item ends
# there" (True) or "the match goes on in a way not followed" (False); None: unknown.
_Heads = set[tuple[str, bool]]


def _item_heads(op: Any, av: Any) -> _Heads | None:
    c = _constants
    if op is c.LITERAL:
        return {(chr(_fold_char(av)), True)}
    if op is c.IN:
        if any(o is not c.LITERAL for o, _ in av):
            return None  # a range, a category, a negation: not followed
        return {(chr(_fold_char(v)), True) for _, v in av}
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _seq_heads(sub.data)
    if op is c.BRANCH:
        out: _Heads = set()
        for alt in av[1]:
            alt_heads = _seq_heads(alt.data)
            if alt_heads is None:
                return None
            out |= alt_heads
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, _hi, sub = av
        once = _seq_heads(sub.data) if lo >= 1 else None
        return None if once is None else {(h, False) for h, _ in once}
    return None


def _seq_heads(items: Any) -> _Heads | None:
    """What a sequence of parsed items may begin with (see `_item_heads`)."""
    c = _constants
    acc: _Heads = {("", True)}
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the match goes on at the same place
        if not any(going for _, going in acc):
            break
        got = _item_heads(op, av)
        if got is None:
            acc = {(h, False) for h, _ in acc}
            break
        nxt: _Heads = set()
        for h, going in acc:
            if not going:
                nxt.add((h, False))
                continue
            for t, ends in got:
                joined = h + t
                nxt.add(
                    (joined[:HEAD_CHARS], False) if len(joined) >= HEAD_CHARS else (joined, ends)
                )
        if len(nxt) > _MAX_HEADS:
            acc = {(h, False) for h, _ in acc}
            break
        acc = nxt
    return acc


@cache
def heads(lang: str, cls: str) -> frozenset[str] | None:
    """Strings one of which every match of the class begins with (folded), None when
    the class may begin otherwise (then it is always searched)."""
    body = LEXICONS.get(lang, {}).get(cls)
    if not body:
        return None
    try:
        parsed = _parser.parse(f"(?:{body})", re.IGNORECASE)
    except re.error:
        return None
    found = _seq_heads(parsed.data)
    if found is None or any(not h for h, _ in found):
        return None
    return frozenset(h for h, _ in found)


@cache
def filtered_classes(lang: str) -> frozenset[str]:
    """The classes of `lang` whose heads are known (the others are always searched)."""
    return frozenset(cls for cls in LEXICONS.get(lang, {}) if heads(lang, cls) is not None)


@cache
def _head_index(lang: str) -> dict[str, frozenset[str]]:
    """head -> the classes of `lang` that have it."""
    index: dict[str, set[str]] = {}
    for cls in filtered_classes(lang):
        for head in heads(lang, cls) or ():
            index.setdefault(head, set()).add(cls)
    return {head: frozenset(classes) for head, classes in index.items()}


_WINDOW_MEMO_MAX = 20_000  # windows remembered per language (words repeat across articles)
_window_memo: dict[str, dict[str, frozenset[str]]] = {}
_CLASS_SETS: dict[frozenset[str], frozenset[str]] = {}


def window_classes(lang: str, window: str) -> frozenset[str]:
    """The classes of `lang` one of whose heads begins `window` (a folded word start of up
    to HEAD_CHARS characters, as `word_windows` gives): only those may match there."""
    memo = _window_memo.setdefault(lang, {})
    try:
        return memo[window]
    except KeyError:
        pass
    index = _head_index(lang)
    found: frozenset[str] = frozenset().union(
        *(index.get(window[:n], ()) for n in range(1, len(window) + 1))
    )
    found = _CLASS_SETS.setdefault(found, found)  # a few hundred distinct sets: shared
    if len(memo) >= _WINDOW_MEMO_MAX:
        memo.clear()
    memo[window] = found
    return found


def text_classes(lang: str, text: str) -> set[str]:
    """The classes of `lang` with heads that may match somewhere in `text`, or in any part of
    it that begins at a word start (a class with unknown heads is not listed: search it)."""
    found: set[str] = set()
    for window in word_windows(text):
        found |= window_classes(lang, window)
    return found
