"""A synthetic corpus made from the seeds: every article different, every rule still firing.

Article n is seed n mod len(seeds) with, consistently through the text:
  - every word of every person name the rules find in the seed replaced by a name
    spelt from syllables, unique to the article (so the graph grows like a corpus
    of different stories, not like one story told ten thousand times);
  - platforms and places rotated among the gazetteer's own (Instagram, Twitter, ...);
  - every year shifted by the same offset, the date marker included, so relative
    dates ("last September", "a year ago") still resolve.
The rules see the same sentence shapes as in the seeds, so they fire as often.
Generation is deterministic: the same seeds and count give the same files.

    python -m tests.bench.synth --seeds seeds --out /tmp/corpus --count 1000
"""

from __future__ import annotations

import argparse
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from graph.errors import ArticleError
from graph.load import discover, load_article
from graph.match.extract import extract
from graph.match.names import name_tokens, nickname
from graph.rules.ruleset import RuleSet, load_rules

# Syllables that spell names: none is an English word's start the rules care about,
# and every combination is a capitalised word the name patterns accept.
CONSONANTS = "bdfgklmnprstvz"
VOWELS = "aeiou"
SYLLABLES = tuple(c + v for c in CONSONANTS for v in VOWELS)  # 70
ENDINGS = ("", "n", "l", "r", "s")
# Rotated through in the same order, so an article's platform is still a platform.
PLATFORMS = ("Instagram", "Twitter", "Facebook", "TikTok", "YouTube")
PUBLISHERS = ("Medium", "Substack")
PLACES = ("Hollywood", "Los Angeles")
YEAR = re.compile(r"(?<![\d-])(19|20)(\d\d)(?!\d)")
SLOTS = 16  # name words per article at most (the seeds have 11); article n uses n*SLOTS .. n*SLOTS+15
# Numbers below SPACE are scrambled (a bijection) so neighbouring articles get unlike names.
SPACE = len(ENDINGS) * len(SYLLABLES) ** 3
SCRAMBLE = 1_000_003  # prime, coprime with SPACE


@dataclass(frozen=True)
class Template:
    """A seed article and the words of it to substitute."""

    stem: str
    text: str
    names: tuple[str, ...]  # person-name words, longest first


def spell(number: int) -> str:
    """A pronounceable capitalised name for a number; different numbers, different names."""
    if number < SPACE:
        number = number * SCRAMBLE % SPACE
    ending = ENDINGS[number % len(ENDINGS)]
    number //= len(ENDINGS)
    parts = []
    for _ in range(3):
        parts.append(SYLLABLES[number % len(SYLLABLES)])
        number //= len(SYLLABLES)
    while number:
        parts.append(SYLLABLES[number % len(SYLLABLES)])
        number //= len(SYLLABLES)
    return ("".join(parts) + ending).capitalize()


def templates(seeds: Path, rules: RuleSet | None = None) -> list[Template]:
    """The seed articles with the person-name words the rules find in each."""
    rules = rules or load_rules(None)
    paths, _ = discover(Path(seeds))
    out = []
    for p in paths:
        try:
            article = load_article(p)
        except ArticleError:
            continue
        words: set[str] = set()
        for m in extract(article, rules).mentions:
            if m.ref.kind == "name" and m.ref.type == "Person":
                words.update(name_tokens(m.ref.value))
                nick = nickname(m.ref.value)
                if nick:
                    words.add(nick)
        out.append(Template(p.stem, article.text, tuple(sorted(words, key=lambda w: (-len(w), w)))))
    if not out:
        raise ArticleError(f"{seeds}: no usable seed articles to make a synthetic corpus from")
    return out


def _rotate(text: str, names: tuple[str, ...], shift: int) -> str:
    table = {n: names[(i + shift) % len(names)] for i, n in enumerate(names)}
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")
    return pattern.sub(lambda m: table[m.group()], text)


def article_text(template: Template, n: int) -> str:
    """The text of synthetic article n made from `template`."""
    text = template.text
    if template.names:
        table = {w: spell(n * SLOTS + i) for i, w in enumerate(template.names[:SLOTS])}
        pattern = re.compile(r"(?<![\w’'])(?:" + "|".join(re.escape(w) for w in table) + r")(?!\w)")
        text = pattern.sub(lambda m: table[m.group()], text)
    text = _rotate(text, PLATFORMS, n)
    text = _rotate(text, PUBLISHERS, n)
    text = _rotate(text, PLACES, n)
    offset = n % 11 - 8  # years 2012 .. 2022 for the seeds' 2020
    return YEAR.sub(lambda m: str(int(m.group()) + offset), text)


def corpus(seeds: Path, count: int, rules: RuleSet | None = None):
    """Yield (file name, text) for `count` synthetic articles, in order."""
    temps = templates(seeds, rules)
    for n in range(count):
        t = temps[n % len(temps)]
        text = article_text(t, n)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        yield f"{n:06d}_{digest}.txt", text


def generate(seeds: Path, out: Path, count: int, rules: RuleSet | None = None) -> list[Path]:
    """Write `count` synthetic articles into `out` (created); returns their paths, sorted."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in corpus(seeds, count, rules):
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic corpus made from the seed articles.")
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args(argv)
    paths = generate(args.seeds, args.out, args.count)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
