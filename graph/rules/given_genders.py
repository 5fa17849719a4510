"""The world given-name table (`schema/rules/given_genders.tsv`): first names of many countries that
the census list of names.yaml `given_names` lacks (Kirsty, Ewan, Ciarán, Matthias, Priya, Tunde),
with the gender each is mostly borne by and whether it is sure enough to be a given name at all.

names.yaml's list wins where both have a word. A row's gender tells two bearers of one surname
apart under a title ("Mr Baird" after Kirsty and Ewan Baird) and which of two people a he or she
may be. A row marked `given` also makes a full name that begins with it a person's (evidence
`given`, as names.yaml's list does): only names that many of the sources hold, borne by many, and
rare as English words, since the sources also hold surnames, places and words given as first
names (Whitfield, Brixton, Ember).

The table is made from the name data of the `nomquamgender` package (MIT licence), which pools
name-gender counts from many countries' sources, and the English word frequencies of `wordfreq`:

    python -m graph.rules.given_genders PATH/TO/nomquamgender/name_data.json > schema/rules/given_genders.tsv

A name has a gender when at least MIN_SOURCES of those sources and MIN_COUNT bearers have it and
the share of women among them is at least FEMALE_SHARE (f) or at most 1 - FEMALE_SHARE (m); names
borne by both (Jean, Andrea, Nikita) have none (-). It is `given` when at least GIVEN_SOURCES
sources and GIVEN_COUNT bearers have it and its Zipf frequency in English is under GIVEN_ZIPF. Words
that are titles before a name as often as names (TITLES: Emir, Sheikh, Captain) are left out.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import regex

from graph.errors import RuleError
from graph.rules.catalogue import GENDERS

FILE_NAME = "given_genders.tsv"
MIN_SOURCES = 5
MIN_COUNT = 50
FEMALE_SHARE = 0.95
GIVEN_SOURCES = 14
GIVEN_COUNT = 1000
GIVEN_ZIPF = 3.5
GIVEN = "given"
# words news writes as titles or ranks before a name, which the sources hold as first names too (Emir Tunde
# Bakare, Captain Ann Lee, Sheikh Hamad): left out of the table, for a name and for a gender alike
TITLES = frozenset({
    "adi", "admiral", "alhaja", "alhaji", "baron", "begum", "bibi", "bishop", "captain", "chief", "dame", "datuk",
    "deacon", "don", "dona", "duke", "earl", "elder", "emir", "general", "governor", "guru", "hon", "imam", "king",
    "lady", "lord", "major", "mullah", "pandit", "pastor", "prince", "princess", "queen", "rabbi", "raja", "rani",
    "ratu", "reverend", "sheikh", "sheriff", "sir", "sultan", "sultana", "swami", "tengku", "tunku", "ustad",
})
# the source's names are folded to ASCII and lower case; a name here is letters, maybe hyphened
_NAME = regex.compile(r"[a-z]+(?:[-'][a-z]+)*")

HEADER = f"""\
# Given name (folded: lower case, no accents), the gender it is mostly borne by (f, m, or - for
# either), and `given` where it is sure enough to make a full name a person's (else -).
# Made by graph/rules/given_genders.py from the name data of the nomquamgender package
# (version 0.1.4; https://github.com/ianvanbuskirk/nomquamgender): a gender where at least
# {MIN_SOURCES} of its sources and {MIN_COUNT} bearers hold the name, {FEMALE_SHARE:.0%} of them of one gender;
# `given` where at least {GIVEN_SOURCES} sources and {GIVEN_COUNT} bearers hold it and its English Zipf
# frequency (wordfreq 3.1) is under {GIVEN_ZIPF}. Words news writes as titles (Emir, Sheikh, Captain) are left out.
# nomquamgender: Copyright (c) 2022 Ian Van Buskirk. Permission is hereby granted, free of
# charge, to any person obtaining a copy of this software and associated documentation files
# (the "Software"), to deal in the Software without restriction, including without limitation
# the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so, subject to the
# following conditions: The above copyright notice and this permission notice shall be included
# in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS",
# WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES
# OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN
# ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE
# OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def read(path: Path) -> dict[str, tuple[str | None, bool]]:
    """The table at `path`: folded name -> (f, m or None, whether it is a given name); {} when the
    rules folder has none."""
    try:
        stat = path.stat()
    except OSError:
        return {}
    return _read(str(path), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _read(path: str, size: int, mtime: int) -> dict[str, tuple[str | None, bool]]:
    table: dict[str, tuple[str | None, bool]] = {}
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise RuleError(path, None, None, f"cannot read the given-name table: {err}",
                        f"restore {FILE_NAME} from the shipped rules, or delete it") from None
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if (len(fields) != 3 or not _NAME.fullmatch(fields[0]) or (fields[1] != "-" and fields[1] not in GENDERS)
                or fields[2] not in (GIVEN, "-") or fields[1:] == ["-", "-"]):
            raise RuleError(path, number, None, "expected a folded name, f, m or -, and given or - (tab-separated; "
                            f"not both -), got {line[:60]!r}", "e.g. kirsty<TAB>f<TAB>given")
        table[fields[0]] = (None if fields[1] == "-" else fields[1], fields[2] == GIVEN)
    return table


def derive(name_data: dict, zipf) -> list[tuple[str, str, str]]:
    """(name, gender, given) rows from nomquamgender's name data (name -> [sources, count, share of women,
    ...]); `zipf(word)` is the word's Zipf frequency in English."""
    rows = []
    for name, values in name_data.items():
        if not _NAME.fullmatch(name) or name in TITLES:
            continue
        sources, count, female = values[0], values[1], values[2]
        gender = "-"
        if sources >= MIN_SOURCES and count >= MIN_COUNT:
            gender = "f" if female >= FEMALE_SHARE else "m" if female <= 1 - FEMALE_SHARE else "-"
        given = GIVEN if sources >= GIVEN_SOURCES and count >= GIVEN_COUNT and zipf(name) < GIVEN_ZIPF else "-"
        if (gender, given) != ("-", "-"):
            rows.append((name, gender, given))
    return sorted(rows)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m graph.rules.given_genders PATH/TO/name_data.json > schema/rules/given_genders.tsv",
              file=sys.stderr)
        return 2
    from wordfreq import zipf_frequency  # only to make the table; never needed to read it

    with open(argv[0], encoding="utf-8") as handle:
        rows = derive(json.load(handle), lambda word: zipf_frequency(word, "en"))
    sys.stdout.write(HEADER + "".join("\t".join(row) + "\n" for row in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
