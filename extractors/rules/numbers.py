"""Numbers in French, English and German writing, counts and money amounts.

"2.000" / "2 000" / "2,000" → 2000; "1,8 milliard" / "1.8 billion" / "1,5 Mrd." → 1.5e9;
"zwei Milliarden", "eight billion" (a number word needs its scale) → 2e9 / 8e9; "2 trillion won"
/ "2 Billionen" → 2e12; Indian "4.3 lakh" → 430 000, "1,200 crore" → 1.2e10, "4,30,000" → 430 000;
"C$1.8 billion" → (1.8e9, CAD); "$4 billion" → USD unless stated; "€", "euros",
"Euro", "Mrd. Euro" → EUR; dirhams, yuans, wons, forints, zlotys, crowns with their
country… → their ISO code (a crown without its country is XXX, "no currency"). A separator followed by exactly three digits is a
thousands separator; otherwise it is the decimal mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "UNKNOWN_CURRENCY",
    "Amount",
    "Count",
    "find_amounts",
    "find_counts",
    "parse_number",
]

_NUM = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])"  # Indian grouping: 4,30,000 / 1,20,00,000
    r"|\d{1,3}(?:(?:[.,' ]|\u202f|\u00a0)\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
)
_SCALE = (
    r"trillions?|tn|trn|billionen|lakhs?|lacs?|crores?|cr\.?(?=\s)|"
    r"milliards?|milliarden?|mrd\.?|billions?|bn|bln|mds?|millions?|millionen|mio\.?|mn|"
    r"m(?![\w²])|b(?![\w])|k(?![\w])"
)
_WORD_NUMBERS = {
    "un": 1, "une": 1, "one": 1, "a": 1, "ein": 1, "eine": 1, "einer": 1, "deux": 2, "two": 2,
    "zwei": 2, "trois": 3, "three": 3, "drei": 3, "quatre": 4, "four": 4, "vier": 4,
    "cinq": 5, "five": 5, "fünf": 5, "six": 6, "sechs": 6, "sept": 7, "seven": 7,
    "sieben": 7, "huit": 8, "eight": 8, "acht": 8, "neuf": 9, "nine": 9, "neun": 9,
    "dix": 10, "ten": 10, "zehn": 10,
}  # fmt: skip
# a number word counts only with its scale ("acht Milliarden", "two million"): alone it is prose
_WORDS = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
SCALES = {
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "billionen": 1e12, "lakh": 1e5, "lac": 1e5,
    "crore": 1e7, "cr": 1e7,
    "milliard": 1e9, "milliarde": 1e9, "mrd": 1e9, "billion": 1e9, "bn": 1e9, "bln": 1e9,
    "md": 1e9, "b": 1e9, "million": 1e6, "millionen": 1e6, "mio": 1e6, "mn": 1e6, "m": 1e6,
    "k": 1e3,
}  # fmt: skip
_CUR_BEFORE = (
    r"C\$|CA\$|A\$|AU\$|R\$|MX\$|US\$|\$|€|£|¥|₩|₹|Rs\.?|(?-i:RM)(?=\d)|(?-i:R)(?=\d[\d.,]*[\s-]?(?:bn|billion|million|m)\b)|"
    r"(?-i:CAD|USD|AUD|BRL|EUR|GBP|RMB|CNY|JPY|KRW|INR|MAD|CHF|SEK|CZK|PLN|HUF|TRY|MXN|ZAR|THB|RON|MYR|IDR|VND)|"
    r"(?-i:NGN|GHS|KES|KSh|XOF|RUB|KZT|PHP|ARS|CLP|COP|PKR|BDT|EGP|SAR|AED|UAH|TWD|NZD|SGD|NOK|UZS)|"
    r"NT\$|NZ\$|S\$"
)
_CUR_AFTER = (
    # currencies of the long tail of plants (naira, cedi, CFA franc, rouble, tenge …)
    r"nairas?|cedis?|shillings? kényans?|kenyan shillings?|kenia-schilling|francs? cfa|"
    r"fcfa|cfa francs?|roubles?|rubles?|rubel|tenges?|pesos? philippins?|philippine pesos?|"
    r"pesos? argentins?|argentine pesos?|pesos? chiliens?|chilean pesos?|"
    r"pesos? colombiens?|colombian pesos?|roupies? pakistanaises?|pakistani rupees?|takas?|"
    r"livres? égyptiennes?|egyptian pounds?|ägyptische pfund|riyals? saoudiens?|"
    r"saudi riyals?|dirhams? (?:émiratis|des émirats)|uae dirhams?|rials? iraniens?|"
    r"iranian rials?|hryvnias?|dinars? algériens?|algerian dinars?|dinars? tunisiens?|"
    r"tunisian dinars?|soums?|dollars? taïwanais|new taiwan dollars?|"
    r"dollars? néo-zélandais|new zealand dollars?|dollars? de singapour|singapore dollars?|"
    r"couronnes? norvégiennes?|"
    r"dollars? canadiens?|canadian dollars?|dollars? américains?|us dollars?|"
    r"dollars? australiens?|australian dollars?|us-dollars?|dollars?|euros?|eur\b|€|livres? sterling|"
    r"livres?|pounds?(?: sterling)?|yuans?|renminbi|yen|wons?|dirhams?|roupies?|rupees?|"
    r"reais|réals?|real|forints?|zlotys?|zloty|złoty|lei|leu|lires? turques?|turkish lira|lira|"
    r"rands?|bahts?|baht|francs? suisses?|schweizer franken|swiss francs?|franken|ringgits?|"
    r"rupiahs?|roupies? indonésiennes?|dongs?|"
    r"couronnes? (?:tchèques?|suédoises?|norvégiennes?|danoises?)|"
    r"(?:tschechische|schwedische|norwegische|dänische)n? kronen|"
    r"czech korun(?:a|y)|korun(?:a|y)?|swedish kronor|kronor|norwegian kroner|danish kroner|"
    r"pesos? mexicains?|mexican pesos?|pesos?|d-mark|deutsche mark|mark(?![\w-])|"
    r"francs?|couronnes?|kronen|dollar"
)
_CURRENCIES = [
    (r"nairas?|ngn", "NGN"),
    (r"cedis?|ghs", "GHS"),
    (r"shillings? kényans?|kenyan shillings?|kenia-schilling|kes|ksh", "KES"),
    (r"francs? cfa|fcfa|cfa francs?|xof|xaf", "XOF"),
    (r"roubles?|rubles?|rubel|rub", "RUB"),
    (r"tenges?|kzt", "KZT"),
    (r"pesos? philippins?|philippine pesos?|php", "PHP"),
    (r"pesos? argentins?|argentine pesos?|ars", "ARS"),
    (r"pesos? chiliens?|chilean pesos?|clp", "CLP"),
    (r"pesos? colombiens?|colombian pesos?|cop", "COP"),
    (r"roupies? pakistanaises?|pakistani rupees?|pkr", "PKR"),
    (r"takas?|bdt", "BDT"),
    (r"livres? égyptiennes?|egyptian pounds?|ägyptische pfund|egp", "EGP"),
    (r"riyals? saoudiens?|saudi riyals?|sar", "SAR"),
    (r"dirhams? (?:émiratis|des émirats)|uae dirhams?|aed", "AED"),
    (r"rials? iraniens?|iranian rials?|irr", "IRR"),
    (r"hryvnias?|uah", "UAH"),
    (r"dinars? algériens?|algerian dinars?|dzd", "DZD"),
    (r"dinars? tunisiens?|tunisian dinars?|tnd", "TND"),
    (r"soums?|uzs", "UZS"),
    (r"dollars? taïwanais|new taiwan dollars?|nt\$|twd", "TWD"),
    (r"dollars? néo-zélandais|new zealand dollars?|nz\$|nzd", "NZD"),
    (r"dollars? de singapour|singapore dollars?|s\$|sgd", "SGD"),
    (r"couronnes? norvégiennes?|nok", "NOK"),
    (r"c\$|ca\$|cad|dollars? canadiens?|canadian dollars?", "CAD"),
    (r"a\$|au\$|aud|dollars? australiens?|australian dollars?", "AUD"),
    (r"r\$|brl|reais|réals?|real", "BRL"),
    (r"mx\$|mxn|pesos? mexicains?|mexican pesos?|pesos?", "MXN"),
    (r"us\$|usd|dollars? américains?|us[ -]dollars?|\$|dollars?|dollar", "USD"),
    (r"€|eur|euros?", "EUR"),
    (r"£|gbp|livres?(?: sterling)?|pounds?(?: sterling)?", "GBP"),
    (r"¥|jpy|yen", "JPY"),
    (r"yuans?|renminbi|rmb|cny", "CNY"),
    (r"wons?|₩|krw", "KRW"),
    (r"dirhams?|mad", "MAD"),
    (r"roupies?|rupees?|₹|rs\.?|inr", "INR"),
    (r"forints?|huf", "HUF"),
    (r"zlotys?|zloty|złoty|pln", "PLN"),
    (r"lei|leu|ron", "RON"),
    (r"lires? turques?|turkish lira|lira|try", "TRY"),
    (r"ringgits?|rm|myr", "MYR"),  # "RM82 million": the Malaysian ringgit
    (r"rupiahs?|roupies? indonésiennes?|idr", "IDR"),
    (r"dongs?|vnd", "VND"),
    (r"rands?|zar|r", "ZAR"),  # "R4.2bn": the South African rand
    (r"bahts?|baht|thb", "THB"),
    (r"francs? suisses?|schweizer franken|swiss francs?|franken|chf", "CHF"),
    (r"couronnes? tchèques?|tschechischen? kronen|czech korun(?:a|y)|korun(?:a|y)?|czk", "CZK"),
    (r"couronnes? suédoises?|schwedischen? kronen|swedish kronor|kronor|sek", "SEK"),
    (r"couronnes? norvégiennes?|norwegischen? kronen|norwegian kroner", "NOK"),
    (r"couronnes? danoises?|dänischen? kronen|danish kroner", "DKK"),
    (r"d-mark|deutsche mark|mark", "DEM"),
    (r"francs?", "FRF"),
]
UNKNOWN_CURRENCY = "XXX"  # ISO 4217 "no currency": a crown without its country
OBSOLETE_CURRENCIES = frozenset({"DEM", "FRF"})

_AMOUNT = re.compile(
    rf"(?<![\w$])(?P<pre>{_CUR_BEFORE})\s?(?P<n1>{_NUM})(?:[\s-]?(?P<s1>{_SCALE}))?(?![\w])"
    rf"|(?<![\w.,])(?P<n2>{_NUM}|{_WORDS})\s?(?:(?P<s2>{_SCALE})\s?(?:d'|de\s|of\s)?)?"
    rf"(?P<post>{_CUR_AFTER})(?![\w])",
    re.IGNORECASE,
)
_COUNT = re.compile(  # the lookahead first lets the engine jump from digit to digit
    rf"(?=\d)(?<![\w.,$€])(?P<n>{_NUM})"
    rf"(?:\s?(?P<s>millions?|millionen|mio\.?|milliards?|milliarden?|lakhs?|lacs?|crores?))?"
    rf"(?![\w]|[.,]\d)",
    re.IGNORECASE,
)
_WORD_MILLION = re.compile(
    rf"\b(?P<w>{_WORDS})\s+(?P<s>millions?|millionen|mio\.?|million)(?![\w])", re.I
)
_HALF_MILLION = re.compile(
    r"\b(?:half a million|a half million|un demi-million|un demi million|eine halbe million)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Amount:
    start: int
    end: int
    value: float
    currency: str


@dataclass(frozen=True, slots=True)
class Count:
    start: int
    end: int
    value: float


def parse_number(raw: str) -> float | None:
    """'2.000' → 2000, '1,8' → 1.8, '150,000' → 150000, '728.43' → 728.43."""
    text = re.sub(r"[\s\u202f\u00a0']", " ", raw.strip())
    if text.lower() in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[text.lower()])
    if re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}", text):  # Indian grouping
        return float(text.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:[ ]\d{3})+(?:[.,]\d+)?", text):
        text = text.replace(" ", "")
        return float(text.replace(",", "."))
    groups = re.fullmatch(r"\d{1,3}(?:([.,])\d{3})+", text)
    if groups:
        return float(re.sub(r"[.,]", "", text))
    mixed = re.fullmatch(r"(\d{1,3}(?:([.,])\d{3})+)([.,])(\d+)", text)
    if mixed and mixed.group(2) != mixed.group(3):
        return float(re.sub(r"[.,]", "", mixed.group(1)) + "." + mixed.group(4))
    if re.fullmatch(r"\d+[.,]\d+", text):
        return float(text.replace(",", "."))
    if re.fullmatch(r"\d+", text):
        return float(text)
    return None


def _scale(raw: str | None) -> float:
    if not raw:
        return 1.0
    key = raw.lower().rstrip(".")
    if key.endswith("s") and key not in SCALES:
        key = key[:-1]
    if key.endswith("n") and key not in SCALES and key[:-1] in SCALES:
        key = key[:-1]
    return SCALES.get(key, SCALES.get(key.rstrip("n"), 1.0))


def _currency(raw: str) -> str:
    low = raw.lower().strip()
    for pattern, code in _CURRENCIES:
        if re.fullmatch(pattern, low):
            return code
    return UNKNOWN_CURRENCY


def find_amounts(text: str) -> list[Amount]:
    """Money amounts in `text`, with ISO currency codes."""
    found: list[Amount] = []
    for m in _AMOUNT.finditer(text):
        raw = m.group("n1") or m.group("n2")
        value = parse_number(raw)
        if value is None:
            continue
        scale = _scale(m.group("s1") or m.group("s2"))
        currency = _currency(m.group("pre") or m.group("post"))
        if m.group("n2") and m.group("n2").lower() in _WORD_NUMBERS and scale == 1.0:
            continue
        found.append(Amount(m.start(), m.end(), round(value * scale, 2), currency))
    return found


_DIGIT = re.compile(r"\d")  # every _COUNT match begins with one
# every _WORD_MILLION and _HALF_MILLION match holds one
_MILLION_WORD = re.compile(r"mi(?:llion|o)", re.IGNORECASE)


def find_counts(text: str) -> list[Count]:
    """Plain counts ("2.000", "12 500", "eine Million", "half a million") with their spans."""
    found: list[Count] = []
    if _DIGIT.search(text):
        for m in _COUNT.finditer(text):
            value = parse_number(m.group("n"))
            if value is None:
                continue
            found.append(Count(m.start(), m.end(), round(value * _scale(m.group("s")), 2)))
    if not _MILLION_WORD.search(text):  # the word searches are slow: most sentences skip them
        return found
    halves = [Count(m.start(), m.end(), 5e5) for m in _HALF_MILLION.finditer(text)]
    found.extend(halves)
    for m in _WORD_MILLION.finditer(text):
        if not any(h.start <= m.start() < h.end for h in halves):  # "half a million"
            found.append(Count(m.start(), m.end(), _WORD_NUMBERS[m.group("w").lower()] * 1e6))
    return sorted(found, key=lambda c: c.start)
