"""The rules' view of `extractors.dates`: date mentions with a label and a bound."""

from __future__ import annotations

import logging

from extractors.rules.context import DateRef
from factwatch.model import FuzzyDate

__all__ = ["find_date_refs"]

log = logging.getLogger(__name__)


def find_date_refs(text: str, *, lang: str, published: FuzzyDate) -> list[DateRef]:
    """Every labelled date of `text` (ranges, decades and unresolved dates are left out)."""
    from extractors.dates import find_dates

    refs = []
    for mention in find_dates(text, lang=lang, published=published):
        if mention.date is None:
            continue
        bound = str(getattr(mention, "bound", "at") or "at")
        refs.append(DateRef(mention.start, mention.end, mention.date, bound))
    return refs
