"""Score the extractor against gold files laid out as shared/dev (gold/NNN.json + articles/NNN.txt).

The matching rules are those of shared/dev/README.md:

- A prediction matches a gold fact of the same type when the identity fields agree:
  production — model and plant; plant_capacity / plant_workforce / plant_status —
  plant; executive — company and person; agreement — at least two of the parties;
  investment — plant or company.
- Each gold fact matches at most one prediction (a maximum bipartite matching that
  prefers the pairs whose attributes agree); a further prediction of an already
  matched gold fact is not a false positive; any other unmatched prediction is.
- Names are compared forgivingly (case, accents, spacing, punctuation ignored; a model
  with or without its brand; a company on its distinctive words or its initials; a
  surname alone matches the full name; places in English or local form via the
  knowledge base).
- Plants match on city when the gold gives one (on region when the prediction has no
  city), else region, else operator, else country; countries must not contradict.
- Attribute accuracy over matched pairs: statuses (started = ongoing), date labels
  (start / end / date, exact), values (within 5 %), roles.

`evaluate(gold_dir)` returns an `EvalReport` (`to_text()`, `to_json()`).
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from factwatch.model import Article, Fact, Source, fold

__all__ = [
    "ArticleResult",
    "AttributeScore",
    "EvalReport",
    "TypeScore",
    "attribute_checks",
    "evaluate",
    "same_fact",
]

log = logging.getLogger(__name__)

# FACTWATCH_STRICT_PLACES=1: plants agree on their written town only, not also as two towns of
# one known plant (city and locality); the figures before 2026-12-01 16:40 UTC were strict
STRICT_PLACES = os.environ.get("FACTWATCH_STRICT_PLACES") == "1"

VALUE_TOLERANCE = 0.05
FACT_TYPES = (
    "production",
    "plant_capacity",
    "plant_workforce",
    "plant_status",
    "investment",
    "executive",
    "agreement",
)
ATTRIBUTES = ("status", "date", "value", "role")
# Words that do not distinguish one company from another.
GENERIC_COMPANY_WORDS = frozenset(
    [
        "motor",
        "motors",
        "group",
        "groupe",
        "gruppe",
        "konzern",
        "company",
        "co",
        "corp",
        "corporation",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "plc",
        "ag",
        "se",
        "sa",
        "sas",
        "nv",
        "bv",
        "gmbh",
        "kg",
        "holding",
        "holdings",
        "automotive",
        "automobile",
        "automobiles",
        "auto",
        "autos",
        "manufacturing",
        "industries",
        "international",
        "the",
        "de",
        "du",
        "la",
        "le",
        "of",
        "and",
        "et",
        "und",
        "cars",
        "car",
        "vehicles",
    ]
)
# Brands a model name may carry or not, when the knowledge base is unavailable.
FALLBACK_BRANDS = frozenset(
    [
        "alpine",
        "audi",
        "bentley",
        "bmw",
        "buick",
        "byd",
        "cadillac",
        "chevrolet",
        "chevy",
        "citroen",
        "cupra",
        "dacia",
        "dodge",
        "fiat",
        "ford",
        "genesis",
        "gmc",
        "honda",
        "hyundai",
        "ineos",
        "jeep",
        "kia",
        "lancia",
        "leapmotor",
        "lincoln",
        "mercedes",
        "mini",
        "mitsubishi",
        "nissan",
        "opel",
        "peugeot",
        "polestar",
        "porsche",
        "renault",
        "seat",
        "skoda",
        "smart",
        "tesla",
        "toyota",
        "vinfast",
        "volkswagen",
        "vw",
        "volvo",
    ]
)
_HEADER_RE = re.compile(
    r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\s*\((?P<publisher>[^)]*)\)\s*[—–-]\s*"
)


# --------------------------------------------------------------------------- report


@dataclass(frozen=True, slots=True)
class TypeScore:
    type: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class AttributeScore:
    name: str
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "correct": self.correct,
            "total": self.total,
            "accuracy": round(self.accuracy, 4),
        }


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One article's misses, false positives and wrong attributes (for development)."""

    article: str
    misses: tuple[dict[str, Any], ...] = ()
    false_positives: tuple[dict[str, Any], ...] = ()
    wrong_attributes: tuple[str, ...] = ()
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "misses": list(self.misses),
            "false_positives": list(self.false_positives),
            "wrong_attributes": list(self.wrong_attributes),
            "error": self.error,
        }


@dataclass(frozen=True, slots=True)
class EvalReport:
    types: tuple[TypeScore, ...]
    attributes: tuple[AttributeScore, ...]
    articles: tuple[ArticleResult, ...] = field(default_factory=tuple)

    @property
    def micro(self) -> TypeScore:
        return TypeScore(
            "all",
            sum(t.tp for t in self.types),
            sum(t.fp for t in self.types),
            sum(t.fn for t in self.types),
        )

    @property
    def f1(self) -> float:
        return self.micro.f1

    def attribute(self, name: str) -> AttributeScore:
        for score in self.attributes:
            if score.name == name:
                return score
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        return {
            "types": [t.to_json() for t in self.types],
            "micro": self.micro.to_json(),
            "attributes": [a.to_json() for a in self.attributes],
            "articles": [a.to_json() for a in self.articles],
        }

    def to_text(self, *, details: bool = True) -> str:
        lines = [f"{'type':<16} {'gold':>5} {'pred':>5} {'tp':>4}  {'P':>5} {'R':>5} {'F1':>5}"]
        for t in (*self.types, self.micro):
            lines.append(
                f"{t.type:<16} {t.tp + t.fn:>5} {t.tp + t.fp:>5} {t.tp:>4}  "
                f"{t.precision:5.2f} {t.recall:5.2f} {t.f1:5.2f}"
            )
        lines.append("")
        lines.append("attribute accuracy over matched pairs:")
        for a in self.attributes:
            lines.append(f"  {a.name:<8} {a.correct:>4}/{a.total:<4} {a.accuracy:5.2f}")
        if details:
            for art in self.articles:
                if not (art.misses or art.false_positives or art.wrong_attributes or art.error):
                    continue
                lines.append("")
                lines.append(f"{art.article}")
                if art.error:
                    lines.append(f"  error: {art.error}")
                for miss in art.misses:
                    lines.append(f"  miss  {_describe(miss)}")
                for fp in art.false_positives:
                    lines.append(f"  fp    {_describe(fp)}")
                for wrong in art.wrong_attributes:
                    lines.append(f"  attr  {wrong}")
        return "\n".join(lines)


def _describe(fact: Mapping[str, Any]) -> str:
    parts = [str(fact.get("type"))]
    for key in ("model", "company", "person", "role", "status", "value", "parties"):
        if fact.get(key) not in (None, [], ()):
            parts.append(f"{key}={fact[key]}")
    plant = fact.get("plant")
    if plant:
        place = "/".join(
            str(plant.get(k)) for k in ("city", "region", "country", "operator") if plant.get(k)
        )
        parts.append(f"plant={place}")
    for key in ("start", "end", "date"):
        if fact.get(key):
            parts.append(f"{key}={fact[key]}")
    return " ".join(parts)


# --------------------------------------------------------------------------- names


@lru_cache(maxsize=1)
def _kb() -> Any:
    try:
        from extractors.kb import load_kb

        return load_kb()
    except Exception as exc:  # the eval works, less forgivingly, without the KB
        log.debug("knowledge base unavailable for eval: %s", exc)
        return None


def _kb_call(method: str, name: str) -> Any:
    kb = _kb()
    if kb is None or not name:
        return None
    try:
        return getattr(kb, method)(name)
    except Exception:
        return None


def _canonical(obj: Any) -> str | None:
    if obj is None:
        return None
    for attr in ("name", "canonical"):
        value = getattr(obj, attr, None)
        if isinstance(value, str):
            return value
    return obj if isinstance(obj, str) else None


@lru_cache(maxsize=1)
def _brands() -> frozenset[str]:
    brands = set(FALLBACK_BRANDS)
    kb = _kb()
    companies = getattr(kb, "companies", None) if kb is not None else None
    if companies:
        values = companies.values() if isinstance(companies, Mapping) else companies
        for company in values:
            names = [getattr(company, "name", None), *getattr(company, "aliases", ())]
            brands.update(_nospace(n) for n in names if isinstance(n, str))
    return frozenset(b for b in brands if b)


def _nospace(text: str | None) -> str:
    return fold(text).replace(" ", "")


def model_matches(a: str | None, b: str | None) -> bool:
    """Whether two model names agree: "VF 8" = "VinFast VF8"; "Golf" != "ID. Golf"."""
    x, y = _nospace(a), _nospace(b)
    if not x or not y:
        return False
    if x == y:
        return True
    long, short = (x, y) if len(x) > len(y) else (y, x)
    if long.endswith(short) and long[: -len(short)] in _brands():
        return True
    ca, cb = _canonical(_kb_call("model", a or "")), _canonical(_kb_call("model", b or ""))
    return bool(ca and cb) and fold(ca) == fold(cb)


def _company_words(name: str) -> set[str]:
    return {w for w in fold(name).split() if w not in GENERIC_COMPANY_WORDS}


def _initials(name: str) -> str:
    return "".join(w[0] for w in fold(name).split() if w not in {"de", "of", "the", "and"})


def company_matches(a: str | None, b: str | None) -> bool:
    """Companies agree on their distinctive words, their initials, or the KB's canonical name."""
    if not a or not b:
        return False
    if fold(a) == fold(b):
        return True
    ca, cb = _canonical(_kb_call("company", a)), _canonical(_kb_call("company", b))
    if ca and cb and fold(ca) == fold(cb):
        return True
    wa, wb = _company_words(a), _company_words(b)
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    na, nb = _nospace(a), _nospace(b)
    return (len(na) >= 2 and na == _initials(b)) or (len(nb) >= 2 and nb == _initials(a))


def person_matches(a: str | None, b: str | None) -> bool:
    wa, wb = set(fold(a).split()), set(fold(b).split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def place_matches(a: str | None, b: str | None) -> bool:
    """Place names agree in English or local form ("Köln" = "Cologne")."""
    if not a or not b:
        return False
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    ca, cb = _canonical(_kb_call("place", a)), _canonical(_kb_call("place", b))
    if fold(ca or a) == fold(cb or b):
        return True
    ta, tb = fa.split(), fb.split()
    short, long = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return long[: len(short)] == short  # "Flins" = "Flins-sur-Seine"


def _kb_plant_ids(city: str, operator: str | None) -> set[str]:
    kb = _kb()
    if kb is None or not operator:
        return set()
    try:
        found = kb.plants_near(city=city, operator=operator)
        # a province written as the town ("Sakarya" for Toyota's plant at Arifiye)
        found = [*found, *kb.plants_near(region=city, operator=operator)]
    except Exception:
        return set()
    return {str(getattr(p, "id", "")) for p in found if getattr(p, "id", None)}


def _same_kb_plant(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Two places of one known plant of the same operator: its city and a locality ("Oran" and
    "Tafraoui", "Pretoria" and "Rosslyn") or its province, which writers use either way for
    the same plant."""
    if STRICT_PLACES:
        return False
    gold_op, pred_op = gold.get("operator"), pred.get("operator")
    if gold_op and pred_op and not company_matches(gold_op, pred_op):
        return False  # "BMW Group South Africa" and "BMW" agree; "Nissan" and "BMW" do not
    for operator in dict.fromkeys(op for op in (gold_op, pred_op) if op):
        gold_ids = _kb_plant_ids(str(gold["city"]), operator)
        if gold_ids and gold_ids & _kb_plant_ids(str(pred["city"]), operator):
            return True
    return False


def plant_matches(gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None) -> bool:
    """The README's plant rule: city, else region, else operator, else country."""
    if not gold or not pred:
        return False
    gc, pc = gold.get("country"), pred.get("country")
    if gc and pc and str(gc).upper() != str(pc).upper():
        return False
    if gold.get("city"):
        if pred.get("city"):
            return place_matches(gold["city"], pred["city"]) or _same_kb_plant(gold, pred)
        return bool(gold.get("region") and pred.get("region")) and place_matches(
            gold["region"], pred["region"]
        )
    if gold.get("region"):
        return bool(pred.get("region")) and place_matches(gold["region"], pred["region"])
    if gold.get("operator"):
        return company_matches(gold["operator"], pred.get("operator"))
    return bool(gc and pc)


# --------------------------------------------------------------------------- matching


def _identity(kind: str) -> Callable[[Mapping[str, Any], Mapping[str, Any]], bool]:
    def production(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        return model_matches(g.get("model"), p.get("model")) and plant_matches(
            g.get("plant"), p.get("plant")
        )

    def plant(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        return plant_matches(g.get("plant"), p.get("plant"))

    def executive(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        return company_matches(g.get("company"), p.get("company")) and person_matches(
            g.get("person"), p.get("person")
        )

    def agreement(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        found = sum(
            any(company_matches(gp, pp) for pp in p.get("parties") or ())
            for gp in g.get("parties") or ()
        )
        return found >= 2

    def investment(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        return plant_matches(g.get("plant"), p.get("plant")) or company_matches(
            g.get("company"), p.get("company")
        )

    rules = {
        "production": production,
        "plant_capacity": plant,
        "plant_workforce": plant,
        "plant_status": plant,
        "executive": executive,
        "agreement": agreement,
        "investment": investment,
    }
    return rules[kind]


def same_fact(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Whether `pred` is a prediction of the gold fact `gold` (same type, identity agrees)."""
    kind = str(gold.get("type"))
    return kind == str(pred.get("type")) and kind in FACT_TYPES and _identity(kind)(gold, pred)


def _label(value: Any) -> str | None:
    if isinstance(value, Mapping):
        return str(value.get("label")) if value.get("label") else None
    return str(value) if value else None


def _status(value: Any) -> str | None:
    return "ongoing" if value == "started" else (str(value) if value else None)


def attribute_checks(
    gold: Mapping[str, Any], pred: Mapping[str, Any]
) -> list[tuple[str, bool, str]]:
    """(attribute, correct, description) for each attribute the gold states."""
    checks: list[tuple[str, bool, str]] = []
    if gold.get("status"):
        ok = _status(gold["status"]) == _status(pred.get("status"))
        checks.append(("status", ok, f"status {gold['status']} vs {pred.get('status')}"))
    for key in ("start", "end", "date"):
        if gold.get(key):
            g, p = _label(gold[key]), _label(pred.get(key))
            checks.append(("date", g == p, f"{key} {g} vs {p}"))
    if gold.get("value") is not None:
        want, v = float(gold["value"]), pred.get("value")
        ok = v is not None and abs(float(v) - want) <= VALUE_TOLERANCE * abs(want)
        checks.append(("value", ok, f"value {gold['value']} vs {v}"))
    if gold.get("role"):
        ok = fold(gold["role"]) == fold(pred.get("role"))
        checks.append(("role", ok, f"role {gold['role']} vs {pred.get('role')}"))
    return checks


def _match(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]], kind: str
) -> tuple[dict[int, int], set[int]]:
    """Maximum matching gold→pred (preferring agreeing attributes); preds that only duplicate."""
    same = _identity(kind)
    edges: dict[int, list[int]] = {}
    for gi, g in enumerate(gold):
        cands = [pi for pi, p in enumerate(pred) if same(g, p)]
        cands.sort(key=lambda pi: -sum(ok for _, ok, _ in attribute_checks(g, pred[pi])))
        edges[gi] = cands
    owner: dict[int, int] = {}  # pred -> gold

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in edges[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in range(len(gold)):
        augment(gi, set())
    matched = {gi: pi for pi, gi in owner.items()}
    duplicates = {pi for cands in edges.values() for pi in cands if pi not in owner}
    return matched, duplicates


# --------------------------------------------------------------------------- articles


def _read_article(path: Path) -> Article:
    """The article file as an Article (the header gives the published date and publisher)."""
    try:
        from factwatch import articles  # the integrator's reader, when present
    except ImportError:
        articles = None  # type: ignore[assignment]
    if articles is not None:
        article: Article = articles.read_article(path)
        return article
    text = path.read_text(encoding="utf-8")
    match = _HEADER_RE.match(text)
    published = match["date"] if match else "1970"
    publisher = match["publisher"].strip() if match else None
    return Article(
        text=text, source=Source(published=published, path=str(path), publisher=publisher)
    )


def _fact_form(fact: Fact) -> dict[str, Any]:
    data = fact.to_json()
    for key in ("start", "end", "date"):
        if isinstance(data.get(key), Mapping):
            data[key] = data[key]["label"]
    return data


def _gold_files(gold_dir: Path) -> list[Path]:
    return sorted(p for p in gold_dir.glob("*.json") if p.is_file())


def evaluate(
    gold_dir: Path,
    *,
    articles_dir: Path | None = None,
    extract: Callable[[Article], Iterable[Fact]] | None = None,
) -> EvalReport:
    """Score `extract` (default: extractors.extract) on every gold file of `gold_dir`."""
    if extract is None:
        from extractors import extract as default_extract

        extract = default_extract
    articles_dir = articles_dir or gold_dir.parent / "articles"
    counts = {t: [0, 0, 0] for t in FACT_TYPES}
    attrs = {a: [0, 0] for a in ATTRIBUTES}
    results: list[ArticleResult] = []
    for gold_path in _gold_files(gold_dir):
        try:
            gold_doc = json.loads(gold_path.read_text(encoding="utf-8"))
            gold_facts = list(gold_doc.get("facts") or [])
            name = gold_doc.get("article") or gold_path.with_suffix(".txt").name
        except (OSError, ValueError) as exc:
            results.append(ArticleResult(gold_path.name, error=f"unreadable gold file: {exc}"))
            continue
        error = None
        try:
            article = _read_article(articles_dir / name)
            predicted = [_fact_form(f) for f in extract(article)]
        except Exception as exc:  # one article's failure is reported, the eval goes on
            error = f"{type(exc).__name__}: {exc}"
            predicted = []
        misses: list[dict[str, Any]] = []
        fps: list[dict[str, Any]] = []
        wrong: list[str] = []
        for kind in FACT_TYPES:
            g = [f for f in gold_facts if f.get("type") == kind]
            p = [f for f in predicted if f.get("type") == kind]
            matched, duplicates = _match(g, p, kind)
            counts[kind][0] += len(matched)
            counts[kind][2] += len(g) - len(matched)
            for gi, fact in enumerate(g):
                if gi not in matched:
                    misses.append(fact)
                    continue
                for attr, ok, text in attribute_checks(fact, p[matched[gi]]):
                    attrs[attr][1] += 1
                    attrs[attr][0] += ok
                    if not ok:
                        wrong.append(f"{_describe(fact)}: {text}")
            used = set(matched.values()) | duplicates
            for pi, fact in enumerate(p):
                if pi not in used:
                    counts[kind][1] += 1
                    fps.append(fact)
        results.append(ArticleResult(name, tuple(misses), tuple(fps), tuple(wrong), error))
    return EvalReport(
        types=tuple(TypeScore(t, *counts[t]) for t in FACT_TYPES),
        attributes=tuple(AttributeScore(a, *attrs[a]) for a in ATTRIBUTES),
        articles=tuple(results),
    )
