"""A first poll end to end: feeds → pages → main text → extraction → diff → store.

A loopback server (bench/_loopback.py: asyncio HTTP/1.1 in a child process) serves
`--feeds` RSS feeds (default 200, languages fr/en/de in turn) of `--per-feed` new
items each (default 10: 2000 article pages). Each page is realistic HTML (cookie
banner, navigation, JSON-LD and meta dates, related links, newsletter box, comments,
footer, a script) around 200-500 words of automotive news written from templates
with plants, operators and models drawn from seeds/kb/plants.yaml (seeded RNG: the
same corpus every run): starts of production with fuzzy dates, slips, moves between
plants, capacities, workforces, investments, pauses, plant managers, and filler
about markets and suppliers. The store is a real SQLite file in a temp dir; alerts
are not dispatched (no route: no outbox rows).

`--mode phases` (default) replicates `factwatch.monitor.run_once` step by step with
the same public functions, timing each step with perf_counter:

    feeds      store.feed_state, poll_feed (GET + parse_feed), save_feed_state
    seen       unseen_entries (store.entry_seen per entry)
    fetch      Fetcher.get of every page (PAGE_CONCURRENCY at once, as run_once)
    main text  pages.extract_page + monitor.article_from_entry
    load       first use of the extractor (spaCy pipelines, KB patterns): one tiny
               article per language through extractors.extract
    extract    pipeline.extract_articles (batched per language, as ingest does)
    store      pipeline.record_article per article (diff + facts + history, one
               transaction each) + store.mark_entry_seen, as record_articles does

run_once interleaves page fetching and main-text extraction on one event loop; the
replica does the fetches first, then the main texts, so their times separate; the
work is the same (one thread either way). `--mode run_once` times the real
`run_once` instead (one total), to check that the replica is representative.

Printed: articles/s (with and without the extractor's load), each step's seconds and
share, RSS after each step, and the peak RSS (getrusage high-water mark of this
process; the server is another process and not counted). Targets: >= 15 articles/s
and <= 700 MB on a 2-core machine. Timings are noisy on a shared machine.

Usage::

    .venv/bin/python bench/monitor_first_poll.py [--feeds 200] [--per-feed 10]
        [--mode phases|run_once] [--concurrency 16] [--seed 7]

Measured 2026-12-01 at f5fa378, default options (2 shared cores, noisy)::

    2000 articles in 166.4 s: 12.0 articles/s (target >= 15); peak RSS 801 MB (<= 700)
    step                                 s   share  ms/article  RSS after / peak MB
    feeds (GET + parse_feed + state)  0.99    0.6%        0.5        75 / 74
    seen (unseen_entries)             0.32    0.2%        0.2        75 / 74
    fetch pages                       2.40    1.4%        1.2        92 / 92
    main text (extract_page)          7.65    4.6%        3.8       107 / 107
    extractor load (first use)        5.20    3.1%        2.6       654 / 653
    extraction de (660)               4.53    2.7%        6.9       656 / 656
    extraction en (670)               3.08    1.8%        4.6       659 / 659
    extraction fr (670)              24.36   14.6%       36.4       662 / 801
    store (diff + record + seen)    117.69   70.7%       58.8       677 / 801

Earlier the same day the extractor dominated: 3.2 articles/s (628.6 s, load 27 s,
extraction 184-277 ms per article), then 4.6/s after cb6a184 (span rulers first: load
8 s). The cause, measured with this corpus: the `kb_phrases` span_ruler's ~3000-4000
`[{"LOWER": {"IN": [...]}}, ...]` token patterns ran in spaCy's Matcher, 90-214 ms per
article; expanded into phrases they gave identical spans on 30 articles per language
at ~1 ms. fe7e6b1 (10:21) made that change; extraction is now 5-36 ms per article.

What remains, for the store and diff owners:

- store (71 % now): `Store._record` (factwatch/store.py, `rows = conn.execute(
  sa.select(facts_t.c.id, facts_t.c.fact))`) loads and JSON-decodes every stored
  fact for every article, and `_State.find` (factwatch/diff.py) compares each new
  fact with every stored one (`_identity_rel` -> `same_model` -> `fold`, uncached):
  a first poll is O(n^2). record_article per article over the four quarters of 600
  articles: 10, 28, 40, 72 ms; an lru_cache on `fold` saves ~25 % (same changes);
  the rest needs candidates by identity (type, model, plant) instead of all facts.
  Without the store step this run would be ~41 articles/s.
- memory: the three pipelines weigh ~550 MB (fr_core_news_md ~235 MB); the peak
  (+140 MB over the steady 660 MB) comes during fr extraction (`--mode run_once`
  on 150 articles peaked at 640 MB, the replica at 722 MB: the transient varies).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import logging
import random
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
for entry in (REPO, REPO / "bench"):
    if str(entry) not in sys.path:  # run as a script from anywhere
        sys.path.insert(0, str(entry))

from _loopback import LoopbackServer, Route, peak_rss_mb, rss_feed, rss_mb  # noqa: E402

from factwatch.fetch import HTML_TYPES, Fetcher, FetchError, FetchPolicy  # noqa: E402
from factwatch.model import Article, Fact, Source  # noqa: E402
from factwatch.monitor import (  # noqa: E402
    PAGE_CONCURRENCY,
    MonitorSummary,
    PageFetch,
    article_from_entry,
    poll_feed,
    run_once,
    unseen_entries,
)
from factwatch.pages import PageError, extract_page  # noqa: E402
from factwatch.pipeline import ArticleOutcome, extract_articles, record_article  # noqa: E402
from factwatch.sources import FeedSource, Lang, Sources  # noqa: E402
from factwatch.store import Store  # noqa: E402

PLANTS_FILE = REPO / "seeds" / "kb" / "plants.yaml"
RSS_TYPE = "application/rss+xml; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"
LANGS = (Lang.FR, Lang.EN, Lang.DE)
MIN_WORDS, MAX_WORDS = 200, 500

# --------------------------------------------------------------------------- corpus

COUNTRIES = {  # ISO code → (en, fr "en/au X" form, de)
    "US": ("the United States", "aux États-Unis", "den USA"),
    "CN": ("China", "en Chine", "China"),
    "DE": ("Germany", "en Allemagne", "Deutschland"),
    "JP": ("Japan", "au Japon", "Japan"),
    "IN": ("India", "en Inde", "Indien"),
    "MX": ("Mexico", "au Mexique", "Mexiko"),
    "BR": ("Brazil", "au Brésil", "Brasilien"),
    "GB": ("the United Kingdom", "au Royaume-Uni", "Großbritannien"),
    "FR": ("France", "en France", "Frankreich"),
    "ES": ("Spain", "en Espagne", "Spanien"),
    "KR": ("South Korea", "en Corée du Sud", "Südkorea"),
    "IT": ("Italy", "en Italie", "Italien"),
    "CZ": ("the Czech Republic", "en République tchèque", "Tschechien"),
    "SK": ("Slovakia", "en Slovaquie", "der Slowakei"),
    "HU": ("Hungary", "en Hongrie", "Ungarn"),
    "PL": ("Poland", "en Pologne", "Polen"),
    "TR": ("Turkey", "en Turquie", "der Türkei"),
    "CA": ("Canada", "au Canada", "Kanada"),
}
MONTHS = {
    Lang.EN: "January February March April May June July August September October November December",
    Lang.FR: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    Lang.DE: "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
}
WEEKDAYS = {
    Lang.EN: "Monday Tuesday Wednesday Thursday Friday",
    Lang.FR: "lundi mardi mercredi jeudi vendredi",
    Lang.DE: "Montag Dienstag Mittwoch Donnerstag Freitag",
}
PEOPLE = (
    "Anna Keller", "Marc Dubois", "Julia Weber", "Thomas Martin", "Sofia Rossi", "Daniel Kim",
    "Claire Lefèvre", "Jan Novák", "Laura García", "Kenji Sato", "Peter Schmidt", "Inès Moreau",
)  # fmt: skip


def _date_phrase(lang: Lang, year: int, rng: random.Random) -> str:
    """A fuzzy date as news writes it (half, quarter, early/late, month, season)."""
    month = rng.randrange(12)
    kind = rng.randrange(6)
    if lang is Lang.EN:
        names = MONTHS[lang].split()
        return (
            f"in the {'first' if month < 6 else 'second'} half of {year}",
            f"in the {('first', 'second', 'third', 'fourth')[month // 3]} quarter of {year}",
            f"in early {year}",
            f"by the end of {year}",
            f"in {names[month]} {year}",
            f"in the summer of {year}",
        )[kind]
    if lang is Lang.FR:
        names = MONTHS[lang].split()
        return (
            f"au {'premier' if month < 6 else 'second'} semestre {year}",
            f"au {('premier', 'deuxième', 'troisième', 'quatrième')[month // 3]} trimestre {year}",
            f"début {year}",
            f"fin {year}",
            f"en {names[month]} {year}",
            f"à l'été {year}",
        )[kind]
    names = MONTHS[lang].split()
    return (
        f"im {'ersten' if month < 6 else 'zweiten'} Halbjahr {year}",
        f"im {('ersten', 'zweiten', 'dritten', 'vierten')[month // 3]} Quartal {year}",
        f"Anfang {year}",
        f"Ende {year}",
        f"im {names[month]} {year}",
        f"im Sommer {year}",
    )[kind]


def _number(lang: Lang, value: int) -> str:
    text = f"{value:,}"
    return text if lang is Lang.EN else text.replace(",", "." if lang is Lang.DE else "\u202f")


FACTS: dict[Lang, tuple[str, ...]] = {
    Lang.EN: (
        "{op} said on {wd} that production of the {model} will start at its {city} plant in {country} {d1}.",
        "The start of production of the {model} at the {city} plant has been pushed back from {d1} to {d2}, {op} said.",
        "Production of the {model} will move from {city} to {city2} {d2}, according to {op}.",
        "The {city} plant has a capacity of {cap} vehicles a year.",
        "The factory in {city} employs about {workers} people.",
        "{op} will invest {amount} million euros in its {city} plant to prepare it for electric models.",
        "{op} will idle its {city} plant for two weeks in {month} because of weak demand.",
        "{person} has been named plant manager of the {city} factory, {op} said.",
        "{op} confirmed that the {model} will be built in {city} from {d1}.",
    ),
    Lang.FR: (
        "{op} a annoncé {wd} que la production du {model} débutera dans son usine de {city} {country} {d1}.",
        "Le démarrage de la production du {model} à l'usine de {city} est repoussé {d2}, a indiqué {op}.",
        "La production du {model} sera transférée de {city} à {city2} {d2}, selon {op}.",
        "Le site de {city} a une capacité de production de {cap} véhicules par an.",
        "L'usine de {city} emploie près de {workers} salariés.",
        "{op} va investir {amount} millions d'euros dans son usine de {city} pour l'électrification.",
        "{op} va mettre à l'arrêt son usine de {city} pendant deux semaines en {month} faute de commandes.",
        "{person} a été nommé directeur de l'usine de {city}, a annoncé {op}.",
        "{op} a confirmé que le {model} sera produit à {city} à partir de {d1_bare}.",
    ),
    Lang.DE: (
        "{op} hat am {wd} angekündigt, dass die Produktion des {model} im Werk {city} in {country} {d1} beginnen soll.",
        "Der Produktionsstart des {model} im Werk {city} verschiebt sich auf {d2_bare}, teilte {op} mit.",
        "Die Produktion des {model} wird {d2} von {city} nach {city2} verlagert, so {op}.",
        "Das Werk {city} hat eine Kapazität von {cap} Fahrzeugen pro Jahr.",
        "Im Werk {city} arbeiten rund {workers} Beschäftigte.",
        "{op} investiert {amount} Millionen Euro in das Werk {city}, um es für Elektroautos umzurüsten.",
        "{op} stoppt die Produktion im Werk {city} im {month} für zwei Wochen wegen schwacher Nachfrage.",
        "{person} wurde zum Werkleiter in {city} ernannt, teilte {op} mit.",
        "{op} bestätigte, dass der {model} ab {d1_bare} in {city} gebaut wird.",
    ),
}
FILLER: dict[Lang, tuple[str, ...]] = {
    Lang.EN: (
        "Sales of electric cars in Europe rose {pct} percent in the {ord} quarter, industry figures show.",
        "Analysts at {bank} expect margins to remain under pressure as price competition intensifies.",
        "The company did not give details on the number of jobs affected.",
        "Suppliers such as {supplier} have been asked to adapt their deliveries to the new schedule.",
        "Union representatives said they would meet management again next month.",
        "The group reported an operating margin of {pct2} percent for the first half.",
        "Battery cells will be sourced from a joint venture with {supplier}.",
        "Chinese rivals continue to gain market share in the compact segment.",
        "Dealers said order intake had improved since the spring, though from a low base.",
        "The brand wants half of its sales to be fully electric by the end of the decade.",
        "Energy costs and the pace of charging infrastructure remain the main uncertainties.",
        "A spokesperson declined to comment on the timing of further announcements.",
        "The model shares its platform with two other vehicles of the group.",
        "Local authorities welcomed the decision and promised support for training.",
    ),
    Lang.FR: (
        "Les ventes de voitures électriques en Europe ont progressé de {pct} % au {ord_fr} trimestre.",
        "Les analystes de {bank} s'attendent à une pression durable sur les marges.",
        "L'entreprise n'a pas précisé le nombre d'emplois concernés.",
        "Les fournisseurs comme {supplier} devront adapter leurs livraisons au nouveau calendrier.",
        "Les syndicats doivent rencontrer la direction le mois prochain.",
        "Le groupe a publié une marge opérationnelle de {pct2} % au premier semestre.",
        "Les cellules de batterie seront fournies par une coentreprise avec {supplier}.",
        "Les constructeurs chinois continuent de gagner des parts de marché sur le segment compact.",
        "Les concessionnaires constatent une reprise des commandes depuis le printemps.",
        "La marque veut que la moitié de ses ventes soient électriques d'ici la fin de la décennie.",
        "Le coût de l'énergie et le rythme du déploiement des bornes restent les principales incertitudes.",
        "Un porte-parole n'a pas souhaité commenter le calendrier des prochaines annonces.",
        "Le modèle partage sa plateforme avec deux autres véhicules du groupe.",
        "Les élus locaux ont salué la décision et promis un soutien pour la formation.",
    ),
    Lang.DE: (
        "Der Absatz von Elektroautos in Europa stieg im {ord_de} Quartal um {pct} Prozent.",
        "Analysten von {bank} rechnen mit anhaltendem Druck auf die Margen.",
        "Zur Zahl der betroffenen Arbeitsplätze machte das Unternehmen keine Angaben.",
        "Zulieferer wie {supplier} sollen ihre Lieferungen an den neuen Zeitplan anpassen.",
        "Der Betriebsrat will im kommenden Monat erneut mit dem Management verhandeln.",
        "Der Konzern wies für das erste Halbjahr eine operative Marge von {pct2} Prozent aus.",
        "Die Batteriezellen sollen aus einem Gemeinschaftsunternehmen mit {supplier} kommen.",
        "Chinesische Wettbewerber gewinnen im Kompaktsegment weiter Marktanteile.",
        "Händler berichten von einem verbesserten Auftragseingang seit dem Frühjahr.",
        "Die Marke will bis zum Ende des Jahrzehnts die Hälfte ihres Absatzes elektrisch erzielen.",
        "Energiekosten und der Ausbau der Ladeinfrastruktur bleiben die größten Unsicherheiten.",
        "Ein Sprecher wollte sich zum Zeitplan weiterer Ankündigungen nicht äußern.",
        "Das Modell teilt sich die Plattform mit zwei weiteren Fahrzeugen des Konzerns.",
        "Die Kommunalpolitik begrüßte die Entscheidung und sagte Unterstützung bei der Ausbildung zu.",
    ),
}
BANKS = ("UBS", "Bernstein", "Jefferies", "Morgan Stanley", "Oddo BHF", "Deutsche Bank")
SUPPLIERS = ("Bosch", "Valeo", "Forvia", "Continental", "CATL", "LG Energy Solution", "ZF")
ORDINALS = {
    "ord": ("first", "second", "third"),
    "ord_fr": ("premier", "deuxième", "troisième"),
    "ord_de": ("ersten", "zweiten", "dritten"),
}
TITLES = {
    Lang.EN: "{op}: news from the {city} plant",
    Lang.FR: "{op} : du nouveau pour l'usine de {city}",
    Lang.DE: "{op}: Neuigkeiten aus dem Werk {city}",
}


def load_plants() -> list[dict[str, Any]]:
    plants = yaml.safe_load(PLANTS_FILE.read_text(encoding="utf-8"))
    return [p for p in plants if p.get("models") and p.get("city") and p.get("operator")]


@dataclass(frozen=True, slots=True)
class Story:
    lang: Lang
    title: str
    published: datetime
    paragraphs: tuple[str, ...]

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def write_story(lang: Lang, plants: Sequence[dict[str, Any]], rng: random.Random) -> Story:
    """200-500 words: 2-4 fact sentences about one plant (and a second for moves), filler."""
    plant, other = rng.sample(list(plants), 2)
    published = datetime(2024, 1, 1, 7, tzinfo=UTC) + timedelta(
        days=rng.randrange(700), minutes=rng.randrange(600)
    )
    year = published.year + rng.choice((0, 1, 1, 2))
    slots = {
        "op": plant["operator"],
        "model": rng.choice(plant["models"]),
        "city": plant["city"],
        "city2": other["city"],
        "country": _country(lang, plant["country"]),
        "wd": rng.choice(WEEKDAYS[lang].split()),
        "d1": _date_phrase(lang, year, rng),
        "d2": _date_phrase(lang, year + 1, rng),
        "cap": _number(lang, rng.randrange(60, 600) * 1000),
        "workers": _number(lang, rng.randrange(8, 120) * 100),
        "amount": _number(lang, rng.randrange(5, 200) * 10),
        "month": rng.choice(MONTHS[lang].split()),
        "person": rng.choice(PEOPLE),
        "pct": str(rng.randrange(3, 40)),
        "pct2": str(rng.randrange(2, 12)),
        "bank": rng.choice(BANKS),
        "supplier": rng.choice(SUPPLIERS),
        **{key: rng.choice(words) for key, words in ORDINALS.items()},
    }
    slots["d1_bare"] = _bare(slots["d1"])
    slots["d2_bare"] = _bare(slots["d2"])
    facts = [s.format(**slots) for s in rng.sample(FACTS[lang], rng.randint(2, 4))]
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    sentences = list(facts)
    fillers = list(FILLER[lang])
    rng.shuffle(fillers)
    count = sum(len(s.split()) for s in sentences)
    while count < target:
        if not fillers:
            fillers = list(FILLER[lang])
            rng.shuffle(fillers)
            slots["pct"], slots["bank"] = str(rng.randrange(3, 40)), rng.choice(BANKS)
        sentence = fillers.pop().format(**slots)
        if count + len(sentence.split()) > MAX_WORDS:
            break
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs: list[str] = []
    while sentences:
        size = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[:size]))
        del sentences[:size]
    return Story(lang, TITLES[lang].format(**slots), published, tuple(paragraphs))


def _country(lang: Lang, code: str) -> str:
    names = COUNTRIES.get(code)
    if names is None:
        return "" if lang is Lang.FR else code
    return (
        names[LANGS.index(lang) if lang is not Lang.EN else 0] if lang is not Lang.FR else names[1]
    )


def _bare(phrase: str) -> str:
    """A date phrase without its leading preposition ("in March 2026" → "March 2026")."""
    for prefix in ("in the ", "in ", "by ", "au ", "en ", "à ", "im ", "am "):
        if phrase.startswith(prefix):
            return phrase[len(prefix) :]
    return phrase


NAV_WORDS = ("Home", "News", "EV", "Industry", "Plants", "Suppliers", "Markets", "Opinion", "Jobs")
FOOTER_WORDS = ("About", "Contact", "Imprint", "Privacy", "Cookies", "Terms", "Advertise", "RSS")


def render_page(story: Story, *, site: str, n: int) -> bytes:
    """The story inside the boilerplate a news site wraps around it."""
    when = story.published.strftime("%Y-%m-%dT%H:%M:%SZ")
    title = escape(story.title)
    nav = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in NAV_WORDS)
    related = "".join(
        f'<li><a href="/news/{n}-{i}">Related story {i}: markets, plants and suppliers in brief</a></li>'
        for i in range(6)
    )
    body = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    footer = " · ".join(f'<a href="/{w.lower()}">{w}</a>' for w in FOOTER_WORDS)
    script = (
        "var dataLayer=window.dataLayer||[];" + f"dataLayer.push({{'event':'pv','s':{n}}});" * 30
    )
    return f"""<!DOCTYPE html>
<html lang="{story.lang}"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{when}">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "{title}", "datePublished": "{when}", "publisher": {{"@type": "Organization", "name": "{site}"}}}}</script>
<script>{script}</script>
<link rel="stylesheet" href="/static/site.css"></head>
<body>
<div class="cookie-banner" id="consent">We and our 812 partners use cookies to personalise content and ads.
<button>Accept all</button> <button>Settings</button></div>
<header class="site-header"><a class="logo" href="/">{site}</a><nav class="main-nav"><ul>{nav}</ul></nav>
<form class="search"><input name="q" placeholder="Search"></form></header>
<div class="ad-slot ad-leaderboard">Advertisement</div>
<main><article class="story">
<nav class="breadcrumbs"><a href="/">Home</a> › <a href="/industry">Industry</a></nav>
<h1>{title}</h1><p class="byline">By Newsroom staff · <time datetime="{when}">{story.published:%d.%m.%Y}</time></p>
<div class="article-body">{body}</div>
<div class="share">Share: <a href="#">LinkedIn</a> <a href="#">X</a> <a href="#">Email</a></div>
<div class="newsletter-box"><h3>Newsletter</h3><p>Get the industry briefing every morning in your inbox.</p>
<form><input name="email" placeholder="Email address"><button>Sign up</button></form></div>
</article>
<aside class="related"><h2>Related</h2><ul>{related}</ul></aside>
<section class="comments"><h2>Comments (2)</h2>
<div class="comment"><p>Good news for the region, finally some investment.</p></div>
<div class="comment"><p>Let's see whether the dates hold this time.</p></div></section>
</main>
<footer class="site-footer"><p>{footer}</p><p>© {site} {story.published.year}. All rights reserved.</p></footer>
</body></html>""".encode()


def feed_path(f: int) -> str:
    return f"/site{f}/feed.xml"


def feed_lang(f: int) -> Lang:
    return LANGS[f % len(LANGS)]


def build_routes(base: str, *, feeds: int, per_feed: int, seed: int) -> dict[str, Route]:
    """Every feed and page (links under `base`), and /__corpus: what was generated."""
    rng = random.Random(seed)
    plants = load_plants()
    routes: dict[str, Route] = {}
    words: list[int] = []
    for f in range(feeds):
        lang = feed_lang(f)
        site = f"Auto{('Presse', 'News', 'Zeitung')[LANGS.index(lang)]} {f}"
        items = []
        for i in range(per_feed):
            story = write_story(lang, plants, rng)
            words.append(story.words)
            path = f"/site{f}/articles/{i}-{story.published:%Y%m%d}"
            routes[path] = Route(render_page(story, site=site, n=f * per_feed + i), HTML_TYPE)
            items.append((story.title, base + path, story.paragraphs[0][:200], story.published))
        routes[feed_path(f)] = Route(
            rss_feed(title=site, link=f"{base}/site{f}/", items=items, lang=str(lang)),
            RSS_TYPE,
            etag=f'"feed-{f}-v1"',
        )
    pages = [len(r.body) for p, r in routes.items() if "/articles/" in p]
    info = {
        "pages": len(pages),
        "words_min": min(words),
        "words_median": sorted(words)[len(words) // 2],
        "words_max": max(words),
        "page_kb_median": round(sorted(pages)[len(pages) // 2] / 1024, 1),
        "html_mb": round(sum(len(r.body) for r in routes.values()) / 2**20, 1),
    }
    routes["/__corpus"] = Route(json.dumps(info).encode(), "application/json")
    return routes


# --------------------------------------------------------------------------- the run


class Timer:
    """Seconds per step, with the RSS at its end and the RSS high-water mark so far."""

    def __init__(self) -> None:
        self.steps: dict[str, float] = {}
        self.items: dict[str, int] = {}
        self.rss: dict[str, tuple[float, float]] = {}

    def add(self, name: str, started: float, *, items: int | None = None) -> float:
        now = time.perf_counter()
        self.steps[name] = self.steps.get(name, 0.0) + now - started
        if items is not None:
            self.items[name] = items
        self.rss[name] = (rss_mb(), peak_rss_mb())
        return now


WARM_UP = {
    Lang.FR: "Renault a annoncé que la production débutera à l'usine de Douai en 2026.",
    Lang.EN: "Ford said production will start at its Cologne plant in 2026.",
    Lang.DE: "BMW hat angekündigt, dass die Produktion im Werk Leipzig 2026 beginnt.",
}


async def phased_first_poll(
    sources: Sources, store: Store, fetcher: Fetcher, timer: Timer
) -> MonitorSummary:
    """run_once's steps, each timed (see the module doc)."""
    summary = MonitorSummary()
    mark = time.perf_counter()
    states = [store.feed_state(f.url) for f in sources.enabled]
    polls = await asyncio.gather(
        *(poll_feed(fetcher, f, s) for f, s in zip(sources.enabled, states, strict=True))
    )
    for poll in polls:
        summary.feeds += 1
        store.save_feed_state(poll.state)
        if poll.problem:
            summary.problems.append(poll.problem)
    mark = timer.add("feeds (GET + parse_feed + state)", mark)
    pending = [(poll.feed, e) for poll in polls for e in unseen_entries(store, poll.entries)]
    summary.new_entries = len(pending)
    mark = timer.add("seen (unseen_entries)", mark)

    gate = asyncio.Semaphore(PAGE_CONCURRENCY)

    async def get(url: str) -> Any:
        async with gate:
            try:
                return await fetcher.get(url, accept=HTML_TYPES)
            except FetchError as exc:
                return exc

    results = await asyncio.gather(*(get(e.url or "") for _, e in pending))
    mark = timer.add("fetch pages", mark)

    fetched: list[PageFetch] = []
    for (feed, entry), result in zip(pending, results, strict=True):
        if isinstance(result, FetchError):
            fetched.append(PageFetch(feed=feed, entry=entry, article=None, problem=str(result)))
            continue
        try:
            page = extract_page(
                result.body,
                url=result.url,
                content_type=result.content_type,
                selector=feed.selector,
            )
        except PageError as exc:
            fetched.append(PageFetch(feed=feed, entry=entry, article=None, problem=str(exc)))
            continue
        article = article_from_entry(
            feed, entry, text=page.text, title=page.title, published=page.published, lang=page.lang
        )
        fetched.append(PageFetch(feed=feed, entry=entry, article=article))
    del results
    summary.pages = len(fetched)
    summary.problems.extend(p.problem for p in fetched if p.problem)
    mark = timer.add("main text (extract_page)", mark)

    from extractors import extract

    for language, text in WARM_UP.items():
        warm = Source(published="2025-01-01", path="<warm-up>")
        extract(Article(text=text, source=warm, lang=str(language)))
    mark = timer.add("extractor load (first use)", mark)

    usable = [f for f in fetched if f.article is not None]
    articles = [f.article for f in usable if f.article is not None]
    # extract_articles batches per language anyway; one call per language times each
    extracted: list[list[Fact] | ArticleOutcome | None] = [None] * len(articles)
    for code in sorted({a.lang or "" for a in articles}):
        picked = [i for i, a in enumerate(articles) if (a.lang or "") == code]
        for i, result in zip(picked, extract_articles([articles[i] for i in picked]), strict=True):
            extracted[i] = result
        mark = timer.add(f"extraction {code or '?'}", mark, items=len(picked))

    for done, article, result in zip(usable, articles, extracted, strict=True):
        assert result is not None
        if isinstance(result, ArticleOutcome):
            outcome = result
            if outcome.skipped:
                store.record_unsupported(article, reason=outcome.problem or "unsupported")
        else:
            outcome = record_article(store, article, result)
        store.mark_entry_seen(
            canonical_url=done.entry.canonical_url,
            guid=done.entry.guid,
            content_hash=done.entry.content_hash,
            article_id=outcome.article_id,
        )
        if outcome.problem:
            summary.problems.append(outcome.problem)
        else:
            summary.articles += 1
            summary.duplicates += outcome.duplicate
            summary.changes.extend(outcome.changes)
    timer.add("store (diff + record + seen)", mark)
    return summary


def corpus_info(server: LoopbackServer) -> dict[str, Any]:
    with urllib.request.urlopen(server.url("/__corpus"), timeout=30) as answer:
        info: dict[str, Any] = json.loads(answer.read())
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--per-feed", type=int, default=10)
    parser.add_argument("--mode", choices=("phases", "run_once"), default="phases")
    parser.add_argument("--concurrency", type=int, default=16, help="per-host concurrency")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.feeds < 1 or args.per_feed < 1 or args.concurrency < 1:
        parser.error("--feeds, --per-feed and --concurrency must be >= 1")
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")

    builder = functools.partial(
        build_routes, feeds=args.feeds, per_feed=args.per_feed, seed=args.seed
    )
    policy = FetchPolicy(
        allow_private_hosts=True, default_crawl_delay=0.0, per_host_concurrency=args.concurrency
    )
    rss_before = rss_mb()
    with LoopbackServer(builder, lifetime=1800.0) as server, tempfile.TemporaryDirectory() as tmp:
        info = corpus_info(server)
        sources = Sources(
            path="<bench>",
            feeds=tuple(
                FeedSource(url=server.url(feed_path(f)), name=f"site-{f}", lang=feed_lang(f),
                           group=f"bench-{feed_lang(f)}")
                for f in range(args.feeds)
            ),
        )  # fmt: skip
        timer = Timer()
        with Store.open(f"sqlite:///{tmp}/first.db") as store:

            async def go() -> MonitorSummary:
                async with Fetcher(policy=policy) as fetcher:
                    if args.mode == "phases":
                        return await phased_first_poll(sources, store, fetcher, timer)
                    return await run_once(sources, store, fetcher=fetcher)

            started = time.perf_counter()
            summary = asyncio.run(go())
            total = time.perf_counter() - started
        stats = server.stats()

    peak = peak_rss_mb()
    print(
        f"monitor_first_poll ({args.mode}): {args.feeds} feeds x {args.per_feed} items "
        f"= {info['pages']} pages on 127.0.0.1, per-host concurrency {args.concurrency}, "
        f"page concurrency {PAGE_CONCURRENCY}"
    )
    print(
        f"corpus: words per article min/median/max {info['words_min']}/{info['words_median']}"
        f"/{info['words_max']}, median page {info['page_kb_median']} KB, {info['html_mb']} MB "
        f"of HTML; server answers {dict(sorted(stats.items()))}"
    )
    print(summary.to_text().splitlines()[0])
    kinds = Counter(str(c.kind) for c in summary.changes)
    types = Counter(str(c.fact.type) for c in summary.changes)
    print(f"changes by kind {dict(kinds.most_common())}; by fact type {dict(types.most_common())}")
    if summary.problems:
        print(f"{len(summary.problems)} problems, first: {summary.problems[:3]}")
    load = timer.steps.get("extractor load (first use)", 0.0)
    print(
        f"articles/s: {summary.articles / total:.1f} end to end ({summary.articles} articles "
        f"in {total:.1f} s; target >= 15)"
        + (f", {summary.articles / (total - load):.1f} without the extractor load" if load else "")
    )
    if timer.steps:
        print(
            f"{'step':<34}{'s':>8}{'share':>8}{'articles':>9}{'ms/article':>11}"
            f"{'RSS after MB':>13}{'peak so far':>12}"
        )
        for name, seconds in timer.steps.items():
            items = timer.items.get(name, summary.articles)
            after, peak_so_far = timer.rss[name]
            print(
                f"{name:<34}{seconds:>8.2f}{100 * seconds / total:>7.1f}%{items:>9}"
                f"{1000 * seconds / max(1, items):>11.1f}{after:>13.0f}{peak_so_far:>12.0f}"
            )
    print(f"RSS before the run {rss_before:.0f} MB; peak RSS {peak:.0f} MB (target <= 700 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
