"""Gold annotations: load and check the NAME.gold.yaml files of an evaluation corpus.

The format is the one tests/corpus/README.md defines. Every check names the file and
the line (taken from the YAML node marks, so the line is that of the offending item,
not of the document) and says what was expected and what came.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from graph.errors import GoldError

FAMILY_KINDS = ("child", "parent", "sibling", "spouse")
EVENT_KINDS = (
    "birth", "death", "wedding", "engagement", "divorce", "pregnancy-announcement",
    "pregnancy-loss", "funeral", "social-media-post", "interview", "statement",
    "publication", "appointment", "resignation", "acquisition", "signing", "game",
    "release", "premiere", "award", "arrest", "trial", "other",
)
TOP_KEYS = ("article", "genre", "people", "family", "quotations", "events", "organizations", "places")
GOLD_SUFFIX = ".gold.yaml"

_NULL_TAG = "tag:yaml.org,2002:null"
_DATE = re.compile(r"\A(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")

# Quote marks, apostrophes, dashes and odd spaces that editors and the builder may write
# differently from the article: mapped one character to one character, so a position in
# the mapped text is the same position in the original.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
})


def fold_chars(text: str) -> str:
    """Map quote marks, dashes and special spaces to ASCII, one character for one."""
    return text.translate(_FOLD)


def normalise_text(text: str) -> str:
    """Text for comparison: NFKC, ASCII quote marks and dashes, single spaces."""
    return " ".join(fold_chars(unicodedata.normalize("NFKC", text)).split())


def normalise_name(name: str) -> str:
    """A name for comparison: normalised text, case-folded."""
    return normalise_text(name).casefold()


def date_precision(value: str) -> str:
    """'day', 'month' or 'year' for a YYYY-MM-DD, YYYY-MM or YYYY string."""
    return {1: "year", 2: "month", 3: "day"}[len(value.split("-"))]


@dataclass(frozen=True)
class GoldPerson:
    """A person the article names: the fullest name and every other name it uses."""

    name: str
    aliases: tuple[str, ...]
    line: int

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldTie:
    """`a` is the `kind` of `b` (kind: child, parent, sibling, spouse); names as in people."""

    a: str
    kind: str
    b: str
    line: int

    @property
    def key(self) -> tuple[str, str, str]:
        """The tie with direction normalised: ('parent', P, C), ('spouse'|'sibling', X, Y) with X < Y."""
        return tie_key(self.kind, self.a, self.b)

    @property
    def label(self) -> str:
        return tie_label(self.key)


def tie_key(kind: str, a: str, b: str) -> tuple[str, str, str]:
    """Normalise "a is the kind of b": child becomes reversed parent; symmetric kinds sorted."""
    if kind == "child":
        return ("parent", b, a)
    if kind == "parent":
        return ("parent", a, b)
    x, y = sorted((a, b))
    return (kind, x, y)


def tie_label(key: tuple[str, str, str]) -> str:
    """A normalised tie as the gold format writes it: [A, parent, B] (A is the parent of B)."""
    kind, a, b = key
    return f"[{a}, {kind}, {b}]"


@dataclass(frozen=True)
class GoldQuotation:
    """Words a person spoke or wrote (a distinctive substring) and its speaker, or None; words said by
    several people together ("they always say", a joint statement) have a tuple of speakers."""

    text: str
    speaker: str | tuple[str, ...] | None
    line: int

    @property
    def speakers(self) -> frozenset[str]:
        if self.speaker is None:
            return frozenset()
        return frozenset(self.speaker) if isinstance(self.speaker, tuple) else frozenset({self.speaker})


@dataclass(frozen=True)
class GoldEvent:
    """A dated event: kind, date at the precision the text gives, main participants."""

    kind: str
    date: str
    participants: tuple[str, ...]
    line: int

    @property
    def precision(self) -> str:
        return date_precision(self.date)

    @property
    def label(self) -> str:
        who = f" [{', '.join(self.participants)}]" if self.participants else ""
        return f"{self.kind} {self.date}{who}"


@dataclass(frozen=True)
class GoldName:
    """An organisation or a place the article names."""

    name: str
    line: int


@dataclass(frozen=True)
class Gold:
    """One article's gold annotation, checked; every name in it is a `people` name."""

    article: str
    path: Path
    article_path: Path
    genre: str | None
    people: tuple[GoldPerson, ...]
    family: tuple[GoldTie, ...]
    quotations: tuple[GoldQuotation, ...]
    events: tuple[GoldEvent, ...]
    organizations: tuple[GoldName, ...]
    places: tuple[GoldName, ...]


def load_gold_dir(path: Path, seeds: Path | None = None) -> list[Gold]:
    """Every *.gold.yaml under `path` (recursively, sorted by path), or `path` itself if a file.

    An article is looked for as NAME.txt beside its gold file, then under `seeds`.
    Raises GoldError on the first invalid file, when there is none, or when two files
    annotate the same article.
    """
    path = Path(path)
    if path.is_file():
        return [load_gold_file(path, seeds)]
    if not path.is_dir():
        raise GoldError(path, None, "no such folder", "pass the folder holding the NAME.gold.yaml files")
    files = sorted(p for p in path.rglob(f"*{GOLD_SUFFIX}") if p.is_file())
    if not files:
        raise GoldError(path, None, f"no *{GOLD_SUFFIX} file in this folder or below",
                        "see tests/corpus/README.md for the gold format")
    golds, seen = [], {}
    for file in files:
        gold = load_gold_file(file, seeds)
        if gold.article in seen:
            raise GoldError(file, 1, f"article {gold.article!r} is annotated twice: also in {seen[gold.article]}",
                            "keep one gold file per article")
        seen[gold.article] = file
        golds.append(gold)
    return golds


def load_gold_file(path: Path, seeds: Path | None = None) -> Gold:
    """Parse and check one gold file; raise GoldError (file:line: expected..., got...) if invalid."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise GoldError(path, None, f"cannot read: {err.strerror}") from None
    except UnicodeDecodeError as err:
        raise GoldError(path, None, f"not UTF-8 (byte at offset {err.start})") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        what = err.problem or err.context or "unreadable"
        raise GoldError(path, mark.line + 1 if mark else None, f"invalid YAML: {what}") from None
    except yaml.YAMLError as err:
        raise GoldError(path, None, f"invalid YAML: {err}") from None
    if root is None:
        raise GoldError(path, 1, "empty file: expected a mapping with article, people, family, quotations, "
                                 "events, organizations, places")
    return _Reader(path, seeds).gold(root)


def load_articles(golds: list[Gold]) -> dict[str, str]:
    """The text of each gold's article, keyed by article id, read as the builder reads it."""
    return {g.article: g.article_path.read_text(encoding="utf-8") for g in golds}


def find_article(gold_path: Path, article: str, seeds: Path | None) -> Path | None:
    """NAME.txt beside the gold file, else the first (sorted) NAME.txt under `seeds`."""
    beside = gold_path.parent / f"{article}.txt"
    if beside.is_file():
        return beside
    if seeds is not None and Path(seeds).is_dir():
        # compared by name rather than globbed: an article id may hold glob characters
        hits = sorted(p for p in Path(seeds).rglob("*.txt") if p.name == f"{article}.txt" and p.is_file())
        if hits:
            return hits[0]
    return None


def _describe(node: Node | None) -> str:
    """What came, for an error message: a mapping, a list of n items, null or the value."""
    if node is None:
        return "nothing"
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return f"a list of {len(node.value)} item{'s' if len(node.value) != 1 else ''}"
    if node.tag == _NULL_TAG:
        return "null"
    value = node.value if len(node.value) <= 60 else node.value[:57] + "..."
    return repr(value)


def _line(node: Node) -> int:
    return node.start_mark.line + 1


class _Reader:
    """Walks one composed YAML document, turning nodes into records or a GoldError."""

    def __init__(self, path: Path, seeds: Path | None):
        self.path = path
        self.seeds = seeds

    def fail(self, node: Node, message: str, hint: str | None = None):
        raise GoldError(self.path, _line(node), message, hint)

    # ------------------------------------------------------------ shapes

    def mapping(self, node: Node, where: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()):
        """A mapping's entries as {key: (key node, value node)}; unknown or repeated keys fail."""
        if not isinstance(node, MappingNode):
            self.fail(node, f"{where}: expected a mapping with keys {', '.join(allowed)}, got {_describe(node)}")
        out: dict[str, tuple[Node, Node]] = {}
        for knode, vnode in node.value:
            if not isinstance(knode, ScalarNode):
                self.fail(knode, f"{where}: expected a key ({', '.join(allowed)}), got {_describe(knode)}")
            key = knode.value
            if key not in allowed:
                self.fail(knode, f"{where}: unknown key {key!r}: expected one of {', '.join(allowed)}")
            if key in out:
                self.fail(knode, f"{where}: key {key!r} given twice (first on line {_line(out[key][0])})")
            out[key] = (knode, vnode)
        for key in required:
            if key not in out:
                self.fail(node, f"{where}: missing key {key!r}")
        return out

    def items(self, node: Node | None, where: str) -> list[Node]:
        """A list's items; an absent or null list is empty."""
        if node is None or (isinstance(node, ScalarNode) and node.tag == _NULL_TAG):
            return []
        if not isinstance(node, SequenceNode):
            self.fail(node, f"{where}: expected a list, got {_describe(node)}")
        return list(node.value)

    def text(self, node: Node, where: str, null_ok: bool = False) -> str | None:
        """A scalar's text as written (a name like `May` or `1984` stays text); null only if allowed."""
        if isinstance(node, ScalarNode) and node.tag == _NULL_TAG and null_ok:
            return None
        if not isinstance(node, ScalarNode) or node.tag == _NULL_TAG or not node.value.strip():
            self.fail(node, f"{where}: expected {'text or null' if null_ok else 'text'}, got {_describe(node)}")
        return node.value.strip()

    # ------------------------------------------------------------ sections

    def gold(self, root: Node) -> Gold:
        top = self.mapping(root, "gold file", TOP_KEYS, required=("article",))
        knode, anode = top["article"]
        article = self.text(anode, "article")
        if self.path.name.endswith(GOLD_SUFFIX) and self.path.name[: -len(GOLD_SUFFIX)] != article:
            self.fail(anode, f"article: expected {self.path.name[: -len(GOLD_SUFFIX)]!r} (the file's name), "
                             f"got {article!r}", "name the gold file ARTICLE.gold.yaml")
        article_path = find_article(self.path, article, self.seeds)
        if article_path is None:
            where = f" nor under {self.seeds}" if self.seeds else ""
            self.fail(anode, f"article: {article}.txt not found beside the gold file{where}",
                      "put the article beside its gold file, or pass the folder of articles (--seeds)")
        genre = self.text(top["genre"][1], "genre", null_ok=True) if "genre" in top else None

        people = self.people(top.get("people", (None, None))[1])
        names = _NameIndex(people)
        family = self.family(top.get("family", (None, None))[1], names)
        try:
            article_text = article_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            self.fail(anode, f"article: cannot read {article_path}: {err}")
        quotations = self.quotations(top.get("quotations", (None, None))[1], names, article_text, article_path)
        events = self.events(top.get("events", (None, None))[1], names)
        organizations = self.names(top.get("organizations", (None, None))[1], "organizations")
        places = self.names(top.get("places", (None, None))[1], "places")
        return Gold(article, self.path, article_path, genre, people, family, quotations, events,
                    organizations, places)

    def people(self, node: Node | None) -> tuple[GoldPerson, ...]:
        out: list[GoldPerson] = []
        first_line: dict[str, int] = {}
        for item in self.items(node, "people"):
            if isinstance(item, ScalarNode):
                # a bare name is shorthand for {name: ..., aliases: []}
                person = GoldPerson(self.text(item, "people entry"), (), _line(item))
            else:
                fields = self.mapping(item, "people entry", ("name", "aliases"), required=("name",))
                name = self.text(fields["name"][1], "people entry name")
                aliases = tuple(self.text(a, f"aliases of {name}")
                                for a in self.items(fields.get("aliases", (None, None))[1], f"aliases of {name}"))
                person = GoldPerson(name, tuple(dict.fromkeys(a for a in aliases if a != name)), _line(item))
            key = normalise_name(person.name)
            if key in first_line:
                self.fail(item, f"people: {person.name!r} is listed twice (first on line {first_line[key]})",
                          "list each person once, under the fullest name")
            first_line[key] = person.line
            out.append(person)
        return tuple(out)

    def person_ref(self, node: Node, where: str, names: "_NameIndex", null_ok: bool = False) -> str | None:
        """A name that must be listed in people; returns that person's full name."""
        value = self.text(node, where, null_ok=null_ok)
        if value is None:
            return None
        found = names.resolve(value)
        if found is None:
            self.fail(node, f"{where}: expected a name listed under people, got {value!r}",
                      "add the person to people, or write the name as people gives it")
        if found == "":
            self.fail(node, f"{where}: {value!r} is an alias of several people; expected one person's full name")
        return found

    def family(self, node: Node | None, names: "_NameIndex") -> tuple[GoldTie, ...]:
        out: dict[tuple, GoldTie] = {}
        for item in self.items(node, "family"):
            if not isinstance(item, SequenceNode) or len(item.value) != 3:
                self.fail(item, f"family entry: expected [NAME, KIND, NAME], got {_describe(item)}")
            anode, knode, bnode = item.value
            kind = self.text(knode, "family kind")
            if kind not in FAMILY_KINDS:
                self.fail(knode, f"family kind: expected one of {', '.join(FAMILY_KINDS)}, got {kind!r}")
            a = self.person_ref(anode, "family", names)
            b = self.person_ref(bnode, "family", names)
            if a == b:
                self.fail(item, f"family: a tie needs two different people, got {a!r} twice")
            tie = GoldTie(a, kind, b, _line(item))
            # [A, child, B] and [B, parent, A] are one tie: keep the first
            out.setdefault(tie.key, tie)
        return tuple(out.values())

    def quotations(self, node, names, article_text: str, article_path: Path) -> tuple[GoldQuotation, ...]:
        out = []
        haystack = normalise_text(article_text)
        for item in self.items(node, "quotations"):
            fields = self.mapping(item, "quotation", ("text", "speaker"), required=("text",))
            tnode = fields["text"][1]
            text = self.text(tnode, "quotation text")
            if normalise_text(text) not in haystack:
                self.fail(tnode, f"quotation text: expected words that occur in {article_path.name}, got {text!r}",
                          "copy a substring of the article exactly")
            snode = fields["speaker"][1] if "speaker" in fields else None
            if isinstance(snode, SequenceNode):  # several people who said it together
                group = tuple(sorted({self.person_ref(n, "quotation speaker", names) for n in snode.value}))
                if len(group) < 2:
                    self.fail(snode, "quotation speaker: a list names two or more people; write one name alone")
                speaker = group
            else:
                speaker = self.person_ref(snode, "quotation speaker", names, null_ok=True) if snode is not None else None
            out.append(GoldQuotation(text, speaker, _line(item)))
        return tuple(out)

    def events(self, node, names) -> tuple[GoldEvent, ...]:
        out = []
        for item in self.items(node, "events"):
            fields = self.mapping(item, "event", ("kind", "date", "participants"), required=("kind", "date"))
            knode = fields["kind"][1]
            kind = self.text(knode, "event kind")
            if kind not in EVENT_KINDS:
                self.fail(knode, f"event kind: expected one of {', '.join(EVENT_KINDS)}, got {kind!r}")
            dnode = fields["date"][1]
            date = self.date(dnode)
            participants = tuple(dict.fromkeys(
                self.person_ref(p, "event participant", names)
                for p in self.items(fields.get("participants", (None, None))[1], "event participants")))
            out.append(GoldEvent(kind, date, participants, _line(item)))
        return tuple(out)

    def date(self, node: Node) -> str:
        # the scalar as written: YAML would read 2024-06-15 as a date and 2024 as an integer
        if not isinstance(node, ScalarNode) or node.tag == _NULL_TAG:
            self.fail(node, f"event date: expected YYYY, YYYY-MM or YYYY-MM-DD, got {_describe(node)}")
        value = node.value.strip()
        m = _DATE.match(value)
        try:
            if not m:
                raise ValueError
            year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
            _dt.date(year, month, day)
        except ValueError:
            self.fail(node, f"event date: expected YYYY, YYYY-MM or YYYY-MM-DD (a real date), got {value!r}")
        return value

    def names(self, node, where: str) -> tuple[GoldName, ...]:
        out: dict[str, GoldName] = {}
        for item in self.items(node, where):
            name = self.text(item, f"{where} entry")
            out.setdefault(normalise_name(name), GoldName(name, _line(item)))
        return tuple(out.values())


class _NameIndex:
    """Resolves a name written in family/quotations/events to a person of `people`."""

    def __init__(self, people: tuple[GoldPerson, ...]):
        self.full = {normalise_name(p.name): p.name for p in people}
        self.alias: dict[str, set[str]] = {}
        for p in people:
            for a in p.aliases:
                self.alias.setdefault(normalise_name(a), set()).add(p.name)

    def resolve(self, value: str) -> str | None:
        """The full name; None when unknown; '' when the value is an alias of several people."""
        key = normalise_name(value)
        if key in self.full:
            return self.full[key]
        owners = self.alias.get(key, set())
        if len(owners) == 1:
            return next(iter(owners))
        return "" if owners else None
