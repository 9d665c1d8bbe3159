"""German lexical classes (regular-expression fragments; see extractors.lexicon)."""

from __future__ import annotations

LEXICON: dict[str, str] = {
    "produce": (
        r"produ\w*|fertig\w*|gefertigt|baut|bauen|gebaut|baute|montier\w*|montage\w*|"
        r"zusammen\w*|herstell(?:en|t|te|ten|ung)|hergestellt|vom band|entsteh\w*|entstanden|fertigung\w*|"
        r"stückzahlen|\w*produktion|\w*fertigung|läuft|laufende|laufen|ablös\w*|ersetz\w*|"
        r"nachfolg\w*|verschoben|verschieb\w*|verzöger\w*|produktionsort|\w*montage|"
        r"einzige\w* (?:[\w-]+-)?modell\w* (?:des|im) (?:werk\w*|standort\w*)"
    ),
    "plant_noun": (
        r"werk|werke|werks|werkes|stammwerk|autowerk|autowerke|autowerks|fahrzeugwerk|standort|standorte|standortes|standorts|fabrik|fabriken|"
        r"gigafactory|manufaktur|fertigungsstätte|produktionsstätte|produktionsstandort|"
        r"batteriefabrik|montagewerk|autofabrik|elektroautofabrik|linie"
    ),
    "plant_anaphor": (
        r"das werk|dem werk|des werks|im werk|dort|hier|der standort|am standort|den standort|"
        r"die fabrik|der fabrik|das stammwerk|im stammwerk|vor ort|die linie"
    ),
    "future": (
        r"soll|sollen|sollte|will|wollen|ab|künftig|zukünftig|geplant\w*|plant|"
        r"vorgesehen\w*|zunächst|dann|bis spätestens|ziel|folgen|folgt|demnächst|"
        r"verschoben|verschieb\w*|verzöger\w*"
    ),
    "start": r"start\w*|beginn\w*|anlauf\w*|anlaufen|angelaufen|aufgenommen|aufnehm\w*|eröffn\w*|lief .{0,40}an",
    "started": (
        r"angelaufen|lief \w+ an|ha(?:t|ben) (?:\w+ ){0,3}begonnen|begann|gestartet|ist angelaufen|erstmals|"
        r"läuft seit|seit \w+ (?:gebaut|gefertigt|produziert)|hatte \w+ begonnen|startete|war angelaufen|"
        r"\w*(?:produktion|fertigung|montage) (?:\S+ ){0,5}?aufgenommen|"
        r"mit der \w*(?:produktion|fertigung|montage) .{0,80}?(?:begonnen|gestartet)|"
        r"erste[nrs]? (?:\S+ ){0,4}?(?:lief|liefen|rollte|rollten) (?:\S+ ){0,3}?vom band"
    ),
    "ongoing": (
        r"derzeit|heute|bereits|weiterhin|weiter|noch|laufende|läuft|baut|fertigt|produziert|"
        r"gefertigt werden|gebaut werden|entstehen|entsteht|bleibt|bleiben|auch künftig|"
        r"zurzeit|aktuell|schon bestehende|ergänzend"
    ),
    "ended": (
        r"zu ende|schluss|eingestellt|einstell\w*|letzte\w*|ausgelaufen|auslaufen|endet|abgeschlossen|"
        r"beendet|bis \d{4}|produktionsende|rollt das letzte|gebaut wurden|gefertigt wurden|"
        r"wurden .{0,90}(?:gebaut|gefertigt|produziert)|entstanden|bis \d{4} insgesamt|"
        r"aus dem (?:produktions)?(?:programm|sortiment) (?:gefallen|genommen|gestrichen)"
    ),
    "cancelled": r"streicht|gestrichen|abgesagt|absagen|verzicht\w*|storniert|aufgegeben",
    "paused": r"stilleg\w*|stillgeleg\w*|legt \w+ still|ruhen|pausier\w*|unterbroch\w*|herunterfahren|zwangspause|auf eis",
    "resumed": r"wieder (?:voll|vollständig|aufgenommen)|wieder in vollem umfang|wieder voll",
    "move": r"zieht\w* .{0,40}um|umzieh\w*|verlager\w*|wander\w*|wechsel\w*|abgezogen|abwander\w*|geben|umzug",
    "hedge": (
        r"könnte|könnten|möglicherweise|dem vernehmen nach|zufolge|demnach|angeblich|erwäg\w*|prüft|"
        r"spekul\w*|gerücht\w*|wohl|dürfte|denkbar|offen|unklar|hätte|hätten|würde|würden|"
        r"alternativen|untersucht|ob|optionen|im rennen|kandidaten|"
        r"in branchenkreisen|aus branchenkreisen|nicht kommentier\w*|nicht bestätigt|"
        r"(?:medien)?berichten zufolge|dementi\w*|zurückgewiesen"
    ),
    "negation": r"nicht|kein|keine|keinen|keiner|nie|niemals",
    "former": (
        r"ursprünglich\w*|zunächst geplant\w*|bisher vorgesehen\w*|hatte \w+ geplant|eigentlich|"
        r"früher\w*|damals|einst|hätte"
    ),
    "capacity_cue": r"\w*kapazität\w*|technische kapazität|ausgelegt|bis zu|maximal|kann|können|im vollbetrieb|unter volllast",
    "per_year": r"im jahr|pro jahr|jährlich\w*|jahresproduktion|jahreskapazität|je jahr|per anno",
    "per_day": r"am tag|pro tag|täglich|pro woche|pro monat",
    "vehicle_unit": r"\w*fahrzeuge|\w*fahrzeugen|\w*autos|e-autos|einheiten|pkw|wagen|stück|exemplare",
    "workforce_noun": r"beschäftigte\w*|mitarbeiter\w*|mitarbeitende\w*|menschen|arbeitsplätze|stellen|angestellte\w*|arbeiter\w*|belegschaft",
    "workforce_bad": r"wegfallen|abbau|streich\w*|schaffen|entstehen|neue|zusätzliche\w*|ziel|soll|sollen|sollte|sollten|geplant|bis zu \d|bis 20\d\d|versammelt\w*|demonstriert\w*|protestiert\w*|streikend\w*|vor rund \d|vor \d|weltweit|konzernweit|reservierung\w*|vorbestell\w*|besucher\w*|kunden|käufer|geschult|ausgebildet",
    # staff of other companies, after the count ("12.000 Menschen einschließlich Zulieferern")
    "workforce_partners": r"\w*zulieferer\w*|dienstleister\w*|fremdfirmen",
    "capacity_growth": (
        r"verdoppel\w*|verdreifach\w*|erhöh\w*|steiger\w*|ausbau\w*|aufstock\w*|"
        r"wachsen|wächst|ausweit\w*|erweiter\w*"
    ),
    "growth_from": r"von",
    "growth_to": r"auf|bis auf",
    "workforce_pronoun": (
        r"(?:sie (?:sind|waren|zählen|zählten)|(?:sind|waren) es)"
        r"(?: (?:nur noch|noch|heute|rund|etwa|knapp|gut|zuletzt|derzeit))*"
    ),
    "workforce_verb": r"beschäftigt|arbeiten|zählt|hat|sind|arbeitet",
    "invest_cue": (
        r"investi\w*|stecken|steckt|ausgegeben|ausgeben|aufgewendet|kosten\w*|milliarden-werk|"
        r"in die hand|fließ\w*|fliess\w*|bereitgestellt|stellt \w+ bereit"
    ),
    "invest_bad": (
        r"subvention\w*|förder\w*|zuschuss|zuschüsse\w*|einsparung\w*|sparen|arbeitskosten|"
        r"umsatz|gewinn\w*|verlust\w*|anteil\w*|aktien|preis\w*|kaufpreis|entlastung|"
        r"schätz\w*|geschätzt\w*|medienberichte\w*|"
        r"kredit\w*|darlehen|staatshilfe\w*|beihilfe\w*"
    ),
    # an amount that is a whole programme a share is taken from ("von den zehn Milliarden
    # Euro des Programms fließen drei Milliarden …"): before it, then after it
    "invest_total_before": r"von den|aus den",
    "invest_total_after": r"des programms|des plans|des investitionsprogramms",
    # "BYD investiert demnach …": reported from the source just named, not a rumour
    "hedge_sourced": r"demnach",
    # the subjunctive of reported speech after the company's own announcement ("Die
    # Geschäftsführung teilte mit, die Bänder würden ab Montag stillstehen"): no hedge
    "hedge_reported": r"würde|würden",
    "reporting_that": (
        r"(?:teilte|teilten|kündigte|kündigten|gab|gaben)(?: \S+){0,6}? (?:mit|an|bekannt)(?=,)|"
        r"(?:bestätigte|bestätigten|erklärte|erklärten|informierte|informierten)(?=,)"
    ),
    "condition": r"wenn|falls|sofern",
    "hedge_source": r"zufolge|berichten|berichtet|angeblich|kreisen",
    "ceo": r"vorsitzende[rn]? (?:der geschäftsführung|des vorstands)|sprecher(?:in)? (?:der geschäftsführung|des vorstands)|vorstandschef\w*|vorstandsvorsitzende\w*|konzernchef\w*|markenchef\w*|[\w-]*chef|ceo|geschäftsführer\w*|generaldirektor\w*|an der konzernspitze|gründer und chef(?:in)?",
    "chairman": (
        r"aufsichtsratschef\w*|aufsichtsratsvorsitzende\w*|chairman|verwaltungsratspräsident\w*|"
        r"konzernvorsitzende[rn]?|(?<!vize)(?<!vize-)präsident(?:in|en)?|"
        r"(?<=-)vorsitzende[rn]?(?! der geschäftsführung| des vorstands)"
    ),
    "plant_manager": (
        r"werkleiter\w*|werksleiter\w*|werkchef\w*|werkschef\w*|standortleiter\w*|standortverantwortlich\w*|"
        r"(?:leiter(?:in)?|chef(?:in)?) des (?:werks|werkes|standorts|standortes)"
    ),
    # a workforce named before its count ("eine Belegschaft von 7.000")
    "workforce_collective": r"belegschaft|stammbelegschaft|mitarbeiterzahl|beschäftigtenzahl",
    "workforce_verb_before": r"beschäftigt|beschäftigte",
    "other_role": r"[\w-]+vorstand|[\w-]+leiter(?:in)?|betriebsratschef\w*",
    # a title that was held ("Ex-VW-Chef", "der frühere Vorstandschef"): no current executive
    "former_title": r"ex|ehemalige\w*|frühere\w*|einstige\w*|damalige\w*",
    "not_exec": r"bundeskanzler\w*|ministerpräsident\w*|\w*staatspräsident\w*|bundespräsident\w*|us-präsident\w*|regierungschef\w*|staatschef\w*|parteichef\w*|premierminister\w*|kanzler\w*|minister\w*|bürgermeister\w*|sprecher(?!(?:in)? (?:der geschäftsführung|des vorstands))\w*|gewerkschaft\w*|betriebsrat\w*|ig metall|analyst\w*",
    "agreement": r"vereinbar\w*|vereinbart|\w*vertrag|\w*verträge|\w*vereinbarung\w*|\w*abkommen|einigung|beigelegt|unterzeichn\w*|joint venture|gemeinschaftsunternehmen|kooperation|partnerschaft|zusammenarbeit|fusion mit",
    # a government as the party of an agreement ("die türkische Regierung")
    "government": r"regierung|bundesregierung|staatsregierung",
    "agreement_bad": r"verhandl\w*|gespräche|gerüchte|im rahmen des tarifkompromisses",
    "opened": (
        r"eröffnet|eröffnete[nmrs]?|eröffnung|eingeweiht|in betrieb genommen|gegründet|in betrieb gegangen|"
        r"(?:das|die) \d{4} (?:die produktion aufnahm|in betrieb ging)"
    ),
    "construction": (
        r"grundstein|spatenstich|im bau|baubeginn|bauarbeiten|bau wieder aufgenommen|"
        r"mit dem bau (?:\w+ ){0,6}?(?:begonnen|begann|beginnt|gestartet|startet)|"
        r"bau (?:des|der|eines|einer) .{0,60}?(?:begann|hat begonnen|startete|beginnt|läuft|geht \w* ?weiter)|"
        r"baut ein (?:neues )?werk|errichtet ein (?:neues )?werk|treibt den bau (?:\w+ ){1,3}?voran|"
        r"entsteht (?:\w+ ){0,8}?(?:ein|eine) (?:\w+ )?(?:werk|fabrik)"
    ),
    # a plant status stated as still to come ("soll Ende 2025 eröffnet werden")
    "status_future": r"soll|sollen|sollte|wird|werden|geplant|voraussichtlich",
    "plant_planned": (
        r"soll \d{4} beginnen|soll \w+ eröffnen|soll \w+ in betrieb|produktion soll|eröffnen soll|"
        r"den betrieb aufnehmen soll|soll \d{4} den betrieb aufnehmen|"
        r"will ein (?:neues )?werk bauen|plant ein (?:neues )?werk"
    ),
    "closing": (
        r"wird geschlossen|soll geschlossen|schließung geplant|schließen|"
        r"schließung des (?:werks|werkes|standorts)|aus für das werk|wird dichtgemacht"
    ),
    "closed": r"geschlossen|dichtgemacht|stillgelegt",
    "sold": (
        r"verkauft\w*|übernommen|übernimmt|übernahm|gekauft\w*|trennt sich von|übergeben|übergab|"
        r"verkauf (?:der|des|seines|seiner|ihres|ihrer) (?:\w+ ){0,2}?(?:werks?|fabrik|standort\w*)"
    ),
    "sold_bad": r"zum verkauf|verkaufen will|verkaufen könnte|die leitung|die führung|den vorsitz",
    "plant_paused": (
        r"stilleg\w*|legt .{0,60}still|ruhen|ruht|herunterfahren|pausier\w*|stillstand|stillstehen|stillsteht|"
        r"(?:steh\w*|stand|standen) .{0,60}?still\b|produktionsstopp\w*|bandstillstand|"
        r"produktionspause|(?:wird|werden|ist|bleibt|bleiben) .{0,40}?unterbrochen|unterbricht|"
        r"(?:komplett|vollständig|vorübergehend|vorerst) gestoppt|"
        r"(?:hat|haben|hatte|hatten) kein(?:e|en)? (?:Auto|Autos|Fahrzeug|Fahrzeuge) (?:mehr )?(?:gebaut|produziert)"
    ),
    "operating": r"wieder vollständig|wieder in vollem umfang|wieder voll|(?:läuft|laufen|lief|liefen) (?:\w+ ){0,3}?normal(?: weiter)?",
    "start_cue": r"ab|seit|anlauf\w*|start\w*|beginn\w*|aufgenommen|folgte",
    "end_cue": r"bis|schluss|ende|endet|eingestellt|letzte\w*|zu ende",
    "export": r"export\w*|für den \w+ markt|für kunden",
    "sales_only": r"ausgeliefert|auslieferung\w*|verkauf\w*|kunden|zu den kunden|bestellungen",
    "past": r"\b(?:wurde|wurden|war|waren|hatte|hatten|hat|haben|ist|sind)\b",
    "iconic": r"kultmodelle|legendäre modelle|historische modelle|klassiker",
    "history": r"vor \d+ jahren|in den \d{2}er",
    "continues": r"heute|derzeit|zurzeit|aktuell|weiterhin|auch künftig|weiter|bleibt|bleiben|noch immer|nach wie vor|schon bestehende|bereits",
    "model_anaphor": (
        r"(?:das|des|dem) (?:elektroautos?|autos?|modells?|fahrzeugs?|e-modells?|suvs?)|"
        r"das kompakte e-modell|(?:der|den|dem|des) (?:wagens?|stromers?|suvs?)"
    ),
    "except": r"außer|ausgenommen|mit ausnahme|außerhalb",
    "component": (
        r"fahrgestelle|motoren|batterien|batteriezellen|zellen|komponenten|karosserien|teile|"
        r"achsen|sitze|monocoques"
    ),
    "hq": r"mit sitz in|sitz in|hauptsitz|zentrale in",
    "revised": r"nun|jetzt|nunmehr|stattdessen|inzwischen|mittlerweile|spätestens|letztlich|schließlich",
    "year_of": r"(?:dem|das|ein) jahr, in dem|in dem jahr",
    "no_longer": r"nicht mehr|kein\w* \w+ mehr|nicht länger",
    "unconfirmed": (
        r"heißt es in branchenkreisen|hieß es in branchenkreisen|aus branchenkreisen|"
        r"wollte (?:das|dies|die berichte|den bericht) nicht (?:kommentieren|bestätigen)"
    ),
    "unveiled": r"enthüll\w*|zeigte|zeigt|präsentier\w*|stellte \w+ (?:\w+ ){0,6}vor|vorgestellt|premiere|weltpremiere",
    # the first cars off the line: their date is the start of production
    "first_units": r"erste[nr]? (?:\w+ ){0,2}(?:\w*fahrzeuge?|autos?|exemplare?|einheiten)",
    # a model that comes next on the lines just told of ("The X will follow in Q1")
    "follows": r"folgen|folgt|soll folgen|sollen folgen|kommt \w+ hinzu|kommen \w+ hinzu",
}
