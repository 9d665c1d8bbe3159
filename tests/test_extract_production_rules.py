"""Production facts from invented sentences: status, dates and plant of each pattern.

Each case is a short made-up article in French, English or German written to the
pattern a rule serves (never a dev or held-out article's wording). A case names the
model and plant city (or country) a reader would look for, and the status, start and
end the alert would show; None means the fact must not be there at all.
"""

from __future__ import annotations

import pytest

from extractors import extract
from factwatch.articles import article_from_text
from factwatch.model import Fact


def _production(text: str) -> dict[tuple[str, str], Fact]:
    article = article_from_text(text, path="<test>")
    out = {}
    for fact in extract(article):
        if fact.type.value != "production" or fact.plant is None:
            continue
        place = fact.plant.city or fact.plant.country or ""
        out[(fact.model or "", place)] = fact
    return out


def _label(date: object) -> str | None:
    return getattr(date, "label", None)


CASES = [
    # a past range of years: made then, ended (start = first year, end = last)
    (
        "date 2024-03-01 (Test) — Dans l'usine de Sochaux, la Peugeot 307 a été assemblée "
        "de 2001 à 2008, avant de céder la place à la 308.",
        "Peugeot 307",
        "Sochaux",
        "ended",
        "2001",
        "2008",
    ),
    (
        "date 2024-03-01 (Test) — Im Werk Kassel wurden in drei Jahren (2015/2016 und "
        "2018/2019) 4 000 Volkswagen Phaeton montiert.",
        "Volkswagen Phaeton",
        "Kassel",
        "ended",
        "2015",
        "2019",
    ),
    # a weekday at the end of the clause of a start verb dates the start, not the telling
    (
        "date 2025-06-11 (Test) — Kia began production of the EV9 at its West Point, Georgia "
        "plant on Monday, ahead of schedule.",
        "Kia EV9",
        "West Point",
        "started",
        "2025-06-09",
        None,
    ),
    (
        "date 2025-06-11 (Test) — Kia started building the EV9 at its West Point plant last "
        "year, the company said on Monday.",
        "Kia EV9",
        "West Point",
        "started",
        "2024",
        None,
    ),
    # an adverb between the auxiliary and the participle ("a officiellement lancé")
    (
        "date 2025-03-06 (Test) — Renault a discrètement lancé mardi 4 mars la fabrication de "
        "la nouvelle Clio dans son usine de Bursa.",
        "Renault Clio",
        "Bursa",
        "started",
        "2025-03-04",
        None,
    ),
    (
        "date 2025-02-04 (Test) — Dacia a donné lundi le coup d'envoi de la production du "
        "Bigster dans son usine de Mioveni.",
        "Dacia Bigster",
        "Mioveni",
        "started",
        "2025-02-03",
        None,
    ),
    # the verb after the model: "production of the X began", "la production de la X a démarré"
    (
        "date 2025-02-21 (Test) — Production of the new Kia EV4 began at the Hwaseong plant "
        "last month.",
        "Kia EV4",
        "Hwaseong",
        "started",
        "2025-01",
        None,
    ),
    (
        "date 2025-02-21 (Test) — La production de la nouvelle Peugeot 208 a démarré en "
        "janvier dans l'usine de Trnava.",
        "Peugeot 208",
        "Trnava",
        "started",
        "2025-01",
        None,
    ),
    # the last one off the line dates the end more closely than "later this year"
    (
        "date 2025-06-11 (Test) — Ford will end production of the Edge at its Oakville plant "
        "later this year. The last Edge should leave the line in October.",
        "Ford Edge",
        "Oakville",
        "ongoing",
        None,
        "2025-10",
    ),
    # German: the participle closes the sentence after a list of models
    (
        "date 2025-10-10 (Test) — Im Werk Kragujevac werden der Kleinwagen Grande Panda, "
        "der Fiat 600 und die Limousine Giulia für den europäischen Markt montiert.",
        "Fiat Grande Panda",
        "Kragujevac",
        "ongoing",
        None,
        None,
    ),
    # the next model on the same lines; "next year" is next year even after a past tense
    (
        "date 2024-11-20 (Test) — Kia began production of the EV3 at its Gwangmyeong plant on "
        "Monday, the first small electric SUV Kia has ever built in Korea. The EV4 will follow "
        "in the first quarter of next year, the company said.",
        "Kia EV4",
        "Gwangmyeong",
        "planned",
        "2025-Q1",
        None,
    ),
    # a model by an ordinary word, of the brand the article is about, with an article before
    (
        "date 2024-06-12 (Test) — Ford hat in Valencia die Produktion des neuen Kuga gestartet. "
        "Ford investiert dort 500 Mio. Euro. Im Herbst soll als zweites Modell der neue "
        "Capri folgen.",
        "Ford Capri",
        "Valencia",
        "planned",
        "2024-autumn",
        None,
    ),
    # the model left "as the only one" goes on; the end is the other model's
    (
        "date 2025-01-23 (Test) — Nissan's Sunderland plant will stop making the Leaf at the "
        "end of 2025, leaving the Qashqai as the only model built there.",
        "Nissan Qashqai",
        "Sunderland",
        "ongoing",
        None,
        None,
    ),
    # the relative clause tells the model's past, the main verb after it the plant's present
    (
        "date 2025-02-20 (Test) — L'usine de Cassino, qui assemblait jusqu'en juin 2024 "
        "l'Alfa Romeo Giulia, est à l'arrêt depuis l'été.",
        "Alfa Romeo Giulia",
        "Cassino",
        "ended",
        None,
        "2024-06",
    ),
    # pre-series cars first, the series later: the later date is the start
    (
        "date 2023-06-27 (Test) — Stellantis assemblera la future Opel Frontera dans son usine "
        "de Trnava. Des véhicules de présérie y seront montés dès cet automne, mais la production "
        "en série ne démarrera qu'au premier trimestre de l'année prochaine.",
        "Opel Frontera",
        "Trnava",
        "planned",
        "2024-Q1",
        None,
    ),
    # "ist … abgeschlossen": the production is over
    (
        "date 2025-03-01 (Test) — Die Produktion des Sportwagens Emira im Werk Hethel ist seit "
        "Ende 2024 abgeschlossen.",
        "Lotus Emira",
        "Hethel",
        "ended",
        None,
        "2024-late",
    ),
    # the first cars off the line, in the next sentence, date the start just told
    (
        "date 2025-03-06 (Test) — Škoda hat im Werk Kvasiny die Serienproduktion des neuen "
        "Kodiaq aufgenommen. Am Dienstag lief dort das erste Kundenfahrzeug vom Band.",
        "Škoda Kodiaq",
        "Kvasiny",
        "started",
        "2025-03-04",
        None,
    ),
    (
        "date 2024-09-12 (Test) — Ford has started production of the new Explorer at its "
        "Chicago Assembly Plant. The first customer vehicles rolled off the line on Monday.",
        "Ford Explorer",
        "Chicago",
        "started",
        "2024-09-09",
        None,
    ),
    # a model of letters and digits ends a German sentence ("… und den Q2. Die Produktion …")
    (
        "date 2024-09-12 (Test) — Das Werk Ingolstadt fertigt den A3 und den Q2. Die "
        "Produktion des A3 endet Ende 2025.",
        "Audi Q2",
        "Ingolstadt",
        "ongoing",
        None,
        None,
    ),
    # a weekday times the event its own segment tells
    (
        "date 2025-06-06 (Test) — Mazda began building the CX-50 at its Huntsville, "
        "Alabama plant on Wednesday.",
        "Mazda CX-50",
        "Huntsville",
        "started",
        "2025-06-04",
        None,
    ),
    # German modal bracket: "soll … gebaut werden" is planned
    (
        "date 2025-02-10 (Test) — Ab Mitte 2027 soll im Werk Eisenach der neue elektrische "
        "Opel Grandland gebaut werden.",
        "Opel Grandland Electric",
        "Eisenach",
        "planned",
        "2027-mid",
        None,
    ),
    # since a past date: started then
    (
        "date 2025-05-20 (Test) — Im Werk Kvasiny läuft der Škoda Karoq seit Frühjahr 2024 "
        "in neuer Ausführung vom Band.",
        "Škoda Karoq",
        "Kvasiny",
        "started",
        "2024-spring",
        None,
    ),
    # "no longer made here since …": ended, the date is the end
    (
        "date 2024-09-01 (Test) — La Peugeot 5008 n'est plus fabriquée à Rennes depuis "
        "la fin de l'année 2023.",
        "Peugeot 5008",
        "Rennes",
        "ended",
        None,
        "2023-late",
    ),
    (
        "date 2024-09-01 (Test) — The Nissan Rogue is no longer built at the Smyrna plant "
        "in Tennessee.",
        "Nissan Rogue",
        "Smyrna",
        "ended",
        None,
        None,
    ),
    # models a new one is built beside are made there already
    (
        "date 2024-06-01 (Test) — Renault a confirmé que le Symbioz sera assemblé dans son "
        "usine de Bursa à partir de 2025, aux côtés de la Clio.",
        "Renault Clio",
        "Bursa",
        "ongoing",
        None,
        None,
    ),
    (
        "date 2024-06-01 (Test) — Renault a confirmé que le Symbioz sera assemblé dans son "
        "usine de Bursa à partir de 2025, aux côtés de la Clio.",
        "Renault Symbioz",
        "Bursa",
        "planned",
        "2025",
        None,
    ),
    # a superseded plan stands with the start the article gives anew
    (
        "date 2024-01-15 (Test) — Electric vans will not roll out of Ford's Kansas City "
        "Assembly Plant before mid-2026, the company said.\n\nUnder the original schedule, "
        "the plant was to begin building the Ford E-Transit there in 2025.",
        "Ford E-Transit",
        "Kansas City",
        "planned",
        "2026-mid",
        None,
    ),
    # a former plan alone is no fact
    (
        "date 2024-01-15 (Test) — Ford had originally planned to build the Ford E-Transit at "
        "its Kansas City Assembly Plant in 2025.",
        "Ford E-Transit",
        "Kansas City",
        None,
        None,
        None,
    ),
    # "initially …, finally …": the revised date is the start
    (
        "date 2021-06-01 (Test) — La production du Toyota C-HR dans l'usine de Burnaston "
        "était repoussée. Alors que le démarrage devait initialement intervenir début 2022, "
        "il se fera finalement en septembre 2022.",
        "Toyota C-HR",
        "Burnaston",
        "planned",
        "2022-09",
        None,
    ),
    (
        "date 2023-01-10 (Test) — Production of the Ford Explorer EV in Cologne was originally "
        "due to start in 2023, but will now begin in mid-2024.",
        "Ford Explorer EV",
        "Cologne",
        "planned",
        "2024-mid",
        None,
    ),
    (
        "date 2023-01-10 (Test) — Die Produktion des Opel Astra in Rüsselsheim sollte "
        "ursprünglich Anfang 2024 beginnen, nun ist der Start für Ende 2024 geplant.",
        "Opel Astra",
        "Rüsselsheim",
        "planned",
        "2024-late",
        None,
    ),
    # "no longer here: made there now", told with a colon
    (
        "date 2024-09-01 (Test) — La Renault Clio n'est plus assemblée à Flins : elle sort "
        "désormais de l'usine de Bursa, en Turquie.",
        "Renault Clio",
        "Bursa",
        "ongoing",
        None,
        None,
    ),
    # a motor-show unveiling is no production at the show's city
    (
        "date 2025-09-09 (Test) — Auf der IAA in München enthüllte BMW den neuen iX3, der "
        "im kommenden Jahr auf den Markt kommen soll.",
        "BMW iX3",
        "Munich",
        None,
        None,
        None,
    ),
    # "until now" and "at the end of <year>" are no end
    (
        "date 2025-04-24 (Test) — Until now, the Tesla Model Y has been built at Giga Texas "
        "in Austin on a single line.\n\nThe Tesla Cybercab will start production there at the "
        "end of 2026.",
        "Tesla Model Y",
        "Austin",
        "ongoing",
        None,
        None,
    ),
    (
        "date 2025-04-24 (Test) — Until now, the Tesla Model Y has been built at Giga Texas "
        "in Austin on a single line.\n\nThe Tesla Cybercab will start production there at the "
        "end of 2026.",
        "Tesla Cybercab",
        "Austin",
        "planned",
        "2026-late",
        None,
    ),
    # a dropped plan that would have left a plant "only" a model presupposes it is made there
    (
        "date 2025-09-01 (Test) — Nach dem ursprünglichen Plan hätte das Werk Kassel ab 2027 "
        "nur noch den Volkswagen ID.4 gebaut.",
        "Volkswagen ID.4",
        "Kassel",
        "ongoing",
        None,
        None,
    ),
    # a successor of a model is not that model
    (
        "date 2025-11-28 (Test) — Einen Nachfolger für den Ford Kuga wird es nicht in "
        "Saarlouis geben: Ford baut seine neuen Elektroautos im Werk Valencia.",
        "Ford Kuga",
        "Valencia",
        None,
        None,
        None,
    ),
    # the last car for one market is not the model's end
    (
        "date 2024-07-11 (Test) — Im Werk Zuffenhausen lief am Mittwoch der letzte Porsche "
        "718 Boxster für den europäischen Markt vom Band.",
        "Porsche 718 Boxster",
        "Zuffenhausen",
        "ongoing",
        None,
        None,
    ),
    # a pronoun subject right after a sentence about a plant is that plant
    (
        "date 2024-05-02 (Test) — Stellantis agrandit son usine de Kenitra, au Maroc. Elle "
        "accueillera à partir du second semestre 2026 la production de la Citroën C3 Aircross.",
        "Citroën C3 Aircross",
        "Kenitra",
        "planned",
        "2026-H2",
        None,
    ),
    # not here but there
    (
        "date 2024-04-01 (Test) — La future Dacia Bigster ne sera pas fabriquée à Mioveni "
        "mais en Turquie, à Bursa, à partir de 2026.",
        "Dacia Bigster",
        "Bursa",
        "planned",
        "2026",
        None,
    ),
    (
        "date 2024-04-01 (Test) — La future Dacia Bigster ne sera pas fabriquée à Mioveni "
        "mais en Turquie, à Bursa, à partir de 2026.",
        "Dacia Bigster",
        "Mioveni",
        None,
        None,
        None,
    ),
    (
        "date 2024-12-05 (Test) — Der Škoda Kodiaq wird seit Ende 2023 nicht mehr in "
        "Kvasiny gebaut, sondern im Volkswagen-Werk Bratislava.",
        "Škoda Kodiaq",
        "Bratislava",
        "ongoing",
        "2023-late",
        None,
    ),
    # "the year when …" takes the date just before
    (
        "date 2020-11-01 (Test) — Le plan s'étalera entre 2021 et 2023, année où Renault "
        "devrait arrêter la production de la Twingo à Novo Mesto.",
        "Renault Twingo",
        "Novo Mesto",
        "ongoing",
        None,
        "2023",
    ),
    # a statement the company will not confirm is no fact
    (
        "date 2024-02-01 (Test) — Stellantis will move production of the Fiat Panda to "
        "Kragujevac, according to reports; the company declined to comment.",
        "Fiat Panda",
        "Kragujevac",
        None,
        None,
        None,
    ),
    # an upper-case short model name is found as written
    (
        "date 2025-05-07 (Test) — Mercedes-Benz baut den GLB künftig auch im Werk Kecskemét.",
        "Mercedes-Benz GLB",
        "Kecskemét",
        "planned",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "model", "place", "status", "start", "end"), CASES)
def test_production_pattern(
    text: str, model: str, place: str, status: str | None, start: str | None, end: str | None
) -> None:
    facts = _production(text)
    fact = facts.get((model, place))
    if status is None:
        assert fact is None, f"unexpected {fact}"
        return
    assert fact is not None, f"no {model} at {place} in {sorted(facts)}"
    assert fact.status is not None and fact.status.value == status
    assert _label(fact.start) == start
    assert _label(fact.end) == end
