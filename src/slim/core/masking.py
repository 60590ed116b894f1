"""Masking names and numbers in a client's statement before anyone outside the case reads it.

Used by the labelling studies (issue 19): professionals label what a client said, not who said it.
Replaced: BSN and other long digit runs, phone numbers, e-mail addresses, Dutch postcodes, dates,
house numbers after a street name, and capitalised words that are not at the start of a sentence
(most often names). This is a pattern-based safeguard, not a guarantee: the study only samples
statements of clients who consented, and a team leader reads the sample before it is labelled.
"""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\w)(?:\+31|0031|0)[\s-]?(?:\d[\s-]?){8,9}(?!\w)")
POSTCODE = re.compile(r"\b\d{4}\s?[A-Z]{2}\b")
DATE = re.compile(
    r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"
    r"|\b\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?:\s+\d{4})?\b"
    r"|\b(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
NUMBER = re.compile(r"\b\d{5,}\b")  # BSN (9 digits) and any other long number
STREET_NUMBER = re.compile(r"\b([A-Z][a-z]+(?:straat|laan|weg|plein|gracht|kade|dijk|singel|hof|pad))\s+\d+\s?[a-zA-Z]?\b")
HOUSE_NUMBER = re.compile(r"\b(nummer|nr\.?|huisnummer)\s*\d+\s?[a-zA-Z]?\b", re.IGNORECASE)
# A capitalised word that does not open a sentence. 'Ik' and a few common words are left alone.
CAPITALISED = re.compile(r"(?<![.!?:]\s)(?<!^)(?<=\s)([A-Z][a-zà-ÿ]+(?:[-'][A-Za-zà-ÿ]+)*)")
KEEP = frozenset({"Ik", "UWV", "WMO", "Wmo", "God", "Nederland", "Nederlands"})


def mask(text: str) -> str:
    """The statement with names and numbers replaced by [e-mail], [telefoon], [postcode], [datum],
    [nummer], [adres] and [naam]."""
    text = EMAIL.sub("[e-mail]", text)
    text = PHONE.sub("[telefoon]", text)
    text = POSTCODE.sub("[postcode]", text)
    text = DATE.sub("[datum]", text)
    text = NUMBER.sub("[nummer]", text)
    text = STREET_NUMBER.sub("[adres]", text)
    text = HOUSE_NUMBER.sub(lambda m: f"{m.group(1)} [nummer]", text)
    text = CAPITALISED.sub(lambda m: m.group(1) if m.group(1) in KEEP else "[naam]", text)
    return text
