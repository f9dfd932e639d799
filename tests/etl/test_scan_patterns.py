"""The name scans are written to open with one character class (so the regex engine skips
to the letters a name can start with); they must find exactly what the plain patterns do."""

import re

from etl.places import evidence, scan

TRICKY = [
    "In Rann, al-Bab and Ash-Sham; ad-Dana, el-Bab, an-Nabk, ar-Raqqa, as-Suwayda.",
    "xal-Bab 1al-Bab _al-Bab éal-Bab -al-Bab al-bab an- al- Al Qaeda As Safira Ezraa",
    "The Aleppo Revolutionary Brigade shelled Deir ez-Zor; Abu Kamal (al-Bukamal) fell.",
    "GENEVA - UN agencies said Dar’a and Ma'arrat al-Nu'man camp were hit. Edlib, Aleppo",
    "ash-Shaddadi oil field, Kafr Nabl, Tal Abyad governorate, Ras al-Ain, Al-Omar oil field",
]
PLAIN_NAME = re.compile(r"\b" + scan._NAME.pattern)
PLAIN_RUN = re.compile(
    r"(?:\b(?:al|el|as|ash|an|ad|ar)-)?[A-Z][A-Za-z'’-]+"
    r"(?:\s+(?:(?:of\s+(?:the\s+)?|al-|el-)?)[A-Z][A-Za-z'’-]+)*"
)


def test_name_scan_finds_what_the_plain_pattern_finds():
    for text in TRICKY:
        for start in range(0, len(text), 7):
            plain = [m.span() for m in PLAIN_NAME.finditer(text, start)]
            assert [m.span() for m in scan._NAME_AT_START.finditer(text, start)] == plain


def test_country_run_scan_finds_what_the_plain_pattern_finds():
    for text in TRICKY:
        assert evidence._CAPITALISED_RUN.findall(text) == PLAIN_RUN.findall(text)
    assert evidence._CAPITALISED_RUN.findall(TRICKY[0])[:3] == ["In Rann", "al-Bab", "Ash-Sham"]
