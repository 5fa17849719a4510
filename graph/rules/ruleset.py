"""Load the extraction rules from `schema/rules/*.yaml`, validate them, compile them.

Rules are data. Each file holds one kind of rule under `rules:`, every rule with a
stable `id`; some files carry a settings section (event kinds, month names, quote
marks). Anything wrong (YAML syntax, an unknown or missing key, a duplicate id, a
bad or empty-matching regex, a type the ontology does not know) fails on load with
file, line, rule id and what was expected, before anything is written.

Patterns may use macros, `{NAME}`, defined in macros.yaml; a macro name is
upper-case so it never clashes with a regex quantifier like `{2,3}`. A macro marked
`shared` is compiled once per pattern and called where it is written (see `Macros`).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
import yaml

from graph.rules import given_genders
from graph.rules.anchors import anchors, finder
from graph.rules.compiled import compile_pattern
from graph.rules.guard import cheapest_first, fast_form, first_guard, first_guard_shape
from graph.rules.catalogue import (DATE_VALUES, EVENT_DATE, EVENT_ROLES, GENDER_WORD_KINDS, GENDERS, INFERENCES,
                                   NAME_EVIDENCE, QUOTE_PARAGRAPH, QUOTE_WHERE, REFERS, RELATIONS, TENSE_MARKERS,
                                   TITLE_KINDS)
from graph.errors import RuleError
from graph.rdf.vocab import Ontology
from graph.resources import rules_dir

MACRO_REF = regex.compile(r"(?<!\\[pPN])\{([A-Z][A-Z0-9_]*)\}")

# Every rule with a pattern may carry its own unit tests: sentences it must match (with what
# named groups capture) and sentences it must not; loading the rules checks them.
EXAMPLE_KEYS = frozenset({"examples", "counter_examples"})
# A pack is a file KIND.PACK.yaml beside KIND.yaml: rules of one story or domain, kept apart
# from the general ones so a reader sees which are which. `applies_when` lists words one of
# which an article must contain for the pack's rules to run on it.
PACK_KINDS = frozenset({"names", "roles", "relations", "events", "quotes", "dates"})
PACK_SECTIONS = {"events": frozenset({"kinds", "applies_when"})}
GENERAL = "general"

# name of file -> (allowed keys of a rule, required keys, settings sections allowed)
FILE_SPECS: dict[str, tuple[frozenset, frozenset, frozenset]] = {
    "macros": (frozenset({"id", "pattern", "description", "shared"}), frozenset({"id", "pattern"}), frozenset()),
    "gazetteer": (
        frozenset({"id", "type", "name", "aliases", "wikidata", "gender", "description"}),
        frozenset({"id", "type", "name"}),
        frozenset(),
    ),
    "names": (
        # evidence: how much a match proves (graph/match/names.py); title: the kind of its `title` group
        frozenset({"id", "pattern", "type", "gender", "description", "evidence", "title", "claims", "drops_first_word", "byline_alone", "everywhere"}) | EXAMPLE_KEYS,
        frozenset({"id", "pattern", "type"}),
        frozenset({"given_names"}),
    ),
    "roles": (
        frozenset({"id", "pattern", "refers", "gender", "speaker", "description"}) | EXAMPLE_KEYS,
        frozenset({"id", "pattern", "refers"}),
        frozenset(),
    ),
    "relations": (
        frozenset({"id", "pattern", "relation", "gender", "pronoun", "description"}) | EXAMPLE_KEYS,
        frozenset({"id", "pattern", "relation"}),
        frozenset({"inferences", "gender_words"}),
    ),
    "events": (
        frozenset({"id", "pattern", "kind", "date", "attributes", "implied_about", "implied_recent", "generic",
                   "description"}) | EXAMPLE_KEYS,
        frozenset({"id", "pattern", "kind"}),
        frozenset({"kinds"}),
    ),
    "quotes": (
        frozenset({"id", "pattern", "where", "paragraph", "description"}) | EXAMPLE_KEYS,
        frozenset({"id", "pattern", "where"}),
        frozenset({"settings"}),
    ),
    "dates": (
        frozenset({"id", "pattern", "value", "description"}) | EXAMPLE_KEYS,
        frozenset({"id", "pattern", "value"}),
        frozenset({"months", "numbers", "named_days", "tense"}),
    ),
}



@dataclass(frozen=True)
class Rule:
    """One rule: its id, kind (the file), where it was written, its fields and compiled pattern."""

    id: str
    kind: str
    path: str
    line: int
    fields: tuple[tuple[str, Any], ...]
    source: str | None = None  # the pattern as compiled: macros expanded, in its fast form (graph/rules/guard.py)
    anchors: tuple[tuple[str, ...], ...] | None = None  # sets of literals every match holds one of each (graph/rules/anchors.py)
    pack: str = GENERAL  # "general", or the PACK of the file KIND.PACK.yaml it was written in

    @functools.cached_property
    def pattern(self):
        """The compiled pattern, made on first use: a build compiles only the rules whose anchors
        its articles hold, and compiling is most of what loading hundreds of rules costs."""
        return None if self.source is None else compile_pattern(self.source)

    def get(self, key: str, default: Any = None) -> Any:
        for k, v in self.fields:
            if k == key:
                return v
        return default


# the initials of given names that open a name (V. Lakshmi, K. V. Raman)
_INITIALS = regex.compile(r"(?:\p{Lu}\.\s?)*")


def fold_accents(word: str) -> str:
    """The word without its combining marks: Tomás -> Tomas, Zoë -> Zoe, Inés -> Ines."""
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def _capitalised(folded: str) -> str:
    """A folded name as news prints it: kirsty -> Kirsty, jean-luc -> Jean-Luc."""
    return "-".join(part[:1].upper() + part[1:] for part in folded.split("-"))


class GivenNames(dict):
    """Given name -> gender, looked up with and then without accents: a list of given names is kept
    in one spelling, and news prints "Tomás", "José" or "Zoë" where the list has Tomas, Jose, Zoe. Two
    given names joined by a hyphen are one (Jean-Pierre, Mary-Kate, Kari-Anne), of the first one's gender
    (Jean-Marie is a man's name)."""

    def __missing__(self, word: str):
        folded = fold_accents(word)
        if folded != word and dict.__contains__(self, folded):
            return dict.__getitem__(self, folded)
        parts = word.split("-")
        if len(parts) == 2 and all(p[:1].isupper() and "-" not in p and p in self for p in parts):
            return self[parts[0]]
        raise KeyError(word)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        try:
            self[word]
        except KeyError:
            return False
        return True

    def get(self, word, default=None):
        try:
            return self[word]
        except KeyError:
            return default


@dataclass(frozen=True)
class RuleSet:
    """All rules, by kind, in file order; plus each file's settings and the rules' hash."""

    by_kind: dict[str, tuple[Rule, ...]]
    settings: dict[str, dict[str, Any]]
    digest: str
    ontology: Ontology
    source_dir: str
    gazetteer_pattern: Any = None  # one alternation over every gazetteer name and alias
    gazetteer_index: dict[str, tuple[str, str]] = field(default_factory=dict)  # surface -> (id, type)
    pack_guards: dict[str, Any] = field(default_factory=dict)  # pack -> pattern an article must contain, or None
    pack_words: dict[str, Any] = field(default_factory=dict)  # pack -> its applies_when words, or None
    _active: dict = field(default_factory=dict, compare=False, repr=False)

    def active(self, text: str) -> "RuleSet":
        """The rules that run on `text`: the general ones, and each pack whose `applies_when`
        words the text contains. A story's rules never run on another story's articles."""
        on = frozenset(p for p, guard in self.pack_guards.items() if guard is None or guard.search(text))
        if len(on) == len(self.pack_guards):
            return self
        cached = self._active.get(on)
        if cached is None:
            kept = {k: tuple(r for r in rules if r.pack == GENERAL or r.pack in on) for k, rules in self.by_kind.items()}
            cached = self._active[on] = dataclasses.replace(self, by_kind=kept, _active={})
        return cached

    @property
    def shipped(self) -> bool:
        """Whether these are the rules shipped with the package (not a user's --rules DIR)."""
        return Path(self.source_dir).resolve() == default_rules_dir().resolve()

    @functools.cached_property
    def anchor_finder(self):
        """One automaton over every anchor word of these rules: an article is scanned for all of them at once."""
        return finder(self.anchor_words)

    @functools.cached_property
    def anchor_words(self) -> frozenset[str]:
        """Every anchor word of these rules."""
        return frozenset(w for rules in self.by_kind.values() for r in rules if r.anchors for words in r.anchors for w in words)

    @functools.cached_property
    def given_names(self) -> GivenNames:
        """Each first word that makes a full name a person's (evidence `given`), with the gender the name
        mostly has (f, m), or None where it has either: names.yaml `given_names`, and the rows of the world
        table (given_genders.tsv) marked `given`; names.yaml's list wins where both have a word."""
        world = {_capitalised(n): g for n, (g, given) in self.world_names.items() if given}
        return GivenNames({**world, **self.listed_names})

    @functools.cached_property
    def listed_names(self) -> GivenNames:
        """names.yaml `given_names` alone: a given name surer than one of the world table only, which may as
        well begin a place's or a firm's name (Sagar Vihar, Harlow Vale)."""
        lists = self.settings["names"].get("given_names", {})
        return GivenNames({n: (g if g in GENDERS else None) for g in sorted(lists) for n in lists[g]})

    @functools.cached_property
    def world_names(self) -> dict[str, tuple[str | None, bool]]:
        """given_genders.tsv: folded first name -> (the gender it is mostly borne by, whether it is a given name)."""
        return given_genders.read(Path(self.source_dir) / given_genders.FILE_NAME)

    def given_gender(self, name: str) -> str | None:
        """The gender the first word of a full name mostly has: names.yaml `given_names`, else the world
        table; None for a single word, which may as well be a surname, and for a first word the census
        list gives either gender, the world table finds borne by either, or neither table has. A name
        written after the initials of the given names, as South Indian copy writes it (V. Lakshmi,
        K. V. Raman), is its one given name."""
        words = name.split()
        if len(words) == len(_INITIALS.match(name).group().split()) + 1 and len(words) > 1:
            words = words[-1:] * 2  # the one word after the initials is the given name
        if len(words) < 2:
            return None
        world = self.world_names.get(fold_accents(words[0]).lower())
        if words[0] in self.listed_names and (world is None or world[0] is not None):
            return self.listed_names[words[0]]
        # a name the world table finds borne by either gender (Darcy, Vivian) tells none, whatever
        # one country's list says: a he or she then goes by what the text tells
        return world[0] if world else None

    def __getitem__(self, kind: str) -> tuple[Rule, ...]:
        return self.by_kind.get(kind, ())

    def all(self) -> list[Rule]:
        return [r for kind in sorted(self.by_kind) for r in self.by_kind[kind]]

    def find(self, rule_id: str) -> Rule | None:
        for r in self.all():
            if r.id == rule_id:
                return r
        return None

    def timeout(self) -> float:
        return float(self.settings.get("quotes", {}).get("settings", {}).get("regex_timeout_seconds", 2.0))


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping (as `__line__`)."""


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise RuleError(path, None, None, f"not UTF-8 ({err.reason})") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as err:
        problem, context = err.problem_mark, err.context_mark
        # a construct left open (a quote never closed) is found only at the end of the file:
        # the line where it began is the one to fix
        at_end = problem is not None and not text[problem.index:].strip()
        mark = context if (context is not None and (at_end or problem is None)) else (problem or context)
        line = mark.line + 1 if mark else None
        what = err.problem or str(err)
        if context is not None and err.context:
            what = f"{err.context} (line {context.line + 1}), {what}"
        raise RuleError(path, line, _rule_near(text, line), f"YAML syntax error: {what}",
                        "check indentation and quoting; regexes are safest in single quotes") from None
    except yaml.YAMLError as err:
        raise RuleError(path, None, None, f"YAML error: {err}") from None


def _rule_near(text: str, line: int | None) -> str | None:
    """The id of the rule written at or before `line` of a file that does not parse."""
    if not line:
        return None
    for row in reversed(text.splitlines()[:line]):
        m = regex.match(r"\s*-?\s*id:\s*['\"]?([\w.\-]+)", row)
        if m:
            return m.group(1)
    return None


@dataclass(frozen=True)
class Macros:
    """The macros by name, and which of them are shared.

    A macro is written into a pattern in full wherever it is used, except a `shared` one: that
    is defined once at the end of the pattern, `(?(DEFINE)(?<_NAME>...))`, and called where it
    is used, `(?&_NAME)`. The regex module parses and optimises in Python, so a long closed list
    written into every name of every rule (STOP: 1,200 times over the rules) was most of the
    rules' compile time (10 s of 12); called, it is parsed once per pattern, and matching,
    which runs it only inside a lookahead at a capital letter, is 2% slower. A called macro is
    opaque to the engine's optimiser, so a macro that starts or anchors a match stays written in
    full. The group name's underscore keeps it apart from the rules' own groups (`roles_of`)."""

    patterns: dict[str, str]
    shared: frozenset[str] = frozenset()

    def for_analysis(self, pattern: str, path, line, rule_id) -> str:
        """The pattern for the anchor analysis: macros written in full, a shared one as `\\w+`.

        The analysis reads the literals every match needs; a shared macro is a closed list
        used where a word is refused or allowed, so a stand-in that needs no literal can
        only cost an anchor, never give a wrong one, and spares parsing the list each time."""
        return self._expand(pattern, path, line, rule_id, (), None)

    def compiled_source(self, pattern: str, path, line, rule_id) -> str:
        """The pattern as compiled: shared macros called, their definitions appended."""
        defined: dict[str, str] = {}
        body = self._expand(pattern, path, line, rule_id, (), defined)
        if not defined:
            return body
        return body + "(?(DEFINE)" + "".join(f"(?<_{n}>{v})" for n, v in sorted(defined.items())) + ")"

    def _expand(self, pattern, path, line, rule_id, seen, defined: dict[str, str] | None) -> str:
        def sub(m):
            name = m.group(1)
            if name in seen:
                raise RuleError(path, line, rule_id, f"macro {{{name}}} refers to itself")
            if name not in self.patterns:
                raise RuleError(path, line, rule_id, f"unknown macro {{{name}}}",
                                f"define it in macros.yaml; known: {', '.join(sorted(self.patterns)) or 'none'}")
            body = lambda: self._expand(self.patterns[name], path, line, rule_id, seen + (name,), defined)  # noqa: E731
            if name not in self.shared:
                return "(?:" + body() + ")"
            if defined is None:
                return r"(?:\w+)"
            if name not in defined:
                defined[name] = ""  # claimed before expanding, so a shared macro inside it is defined once
                defined[name] = body()
            return f"(?&_{name})"

        return MACRO_REF.sub(sub, pattern)


def roles_of(compiled) -> list[str]:
    """The named groups a rule's pattern captures with, shared macros' definitions aside."""
    return [g for g in compiled.groupindex if not g.startswith("_")]


def _check_written(pattern: str, path, line, rule_id) -> None:
    """A syntax error reported where the user wrote it, not in the macro-expanded regex: each
    {MACRO} is read as a literal of the same length, so positions are the pattern's own."""
    try:
        regex.compile(MACRO_REF.sub(lambda m: "x" * len(m.group(0)), pattern))
    except regex.error as err:
        where = f" at position {err.pos} of the pattern: {pattern[max(0, err.pos - 20):err.pos]}⟨here⟩{pattern[err.pos:err.pos + 20]}" \
            if err.pos is not None else ""
        raise RuleError(path, line, rule_id, f"invalid regex: {err.msg}{where}",
                        "test it with python -c 'import regex; regex.compile(...)'") from None


def _check_groups(kind: str, item: dict, compiled, path) -> None:
    """A relation rule's groups must be the roles of its relation: a misspelt group (`kid` for
    `child`) would be accepted and never fire."""
    if kind != "relations":
        return
    roles = RELATIONS[item["relation"]]
    wrong = sorted(set(roles_of(compiled)) - set(roles))
    if wrong:
        raise RuleError(path, item["__line__"], item["id"],
                        f"group {wrong[0]!r} is not a role of relation {item['relation']!r}",
                        f"name the groups {' and '.join(roles)}")
    if not roles_of(compiled):
        raise RuleError(path, item["__line__"], item["id"], "captures no one",
                        f"name the groups {' and '.join(roles)}")


def _compile(source: str, path, line, rule_id):
    try:
        pattern = compile_pattern(source)
    except regex.error as err:
        raise RuleError(path, line, rule_id, f"invalid regex: {err}", "test it with python -c 'import regex; regex.compile(...)'") from None
    for probe in ("", " ", "a", "\n"):
        m = pattern.search(probe)
        if m is not None and m.end() == m.start():
            raise RuleError(path, line, rule_id, "pattern can match the empty string",
                            "make at least one part of it required (use + rather than *)")
    return pattern


def _check_keys(item, allowed, required, path, kind):
    line = item.get("__line__")
    rid = item.get("id")
    if not isinstance(rid, str) or not rid:
        raise RuleError(path, line, None, "rule has no 'id'", "give every rule a stable id: a short kebab-case name")
    unknown = sorted(k for k in item if k != "__line__" and k not in allowed)
    if unknown:
        raise RuleError(path, line, rid, f"unknown key {unknown[0]!r}",
                        f"a {kind} rule takes: {', '.join(sorted(allowed))}")
    missing = sorted(k for k in required if k not in item)
    if missing:
        raise RuleError(path, line, rid, f"missing key {missing[0]!r}",
                        f"a {kind} rule needs: {', '.join(sorted(required))}")
    for key, value in item.items():
        # names and descriptions reach the graph, and a NUL cuts a string short in raptor
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and "\x00" in v for v in values):
            raise RuleError(path, line, rid, f"{key!r} holds a NUL character",
                            "remove it (in YAML it is written \\0 inside double quotes)")


def _strip_lines(value):
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _freeze(value):
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def default_rules_dir() -> Path:
    return rules_dir()


def load_rules(rules_dir: Path | None = None, ontology: Ontology | None = None, cache: bool = True) -> RuleSet:
    """Every rule of `rules_dir` (default: the shipped rules), validated, examples checked.

    A rule set once checked is kept as data in the rules cache (see `rules_cache_dir`), keyed
    by the bytes of every rule file and the code that reads them; loading it again skips the
    parsing and the checks, and patterns compile when first used.
    """
    rules_dir = Path(rules_dir or default_rules_dir())
    if not rules_dir.is_dir():
        raise RuleError(rules_dir, None, None, "rules folder not found", "pass --rules DIR")
    key = _cache_key(rules_dir) if cache else None
    if key is not None:
        found = _read_cached(key, rules_dir, ontology)
        if found is not None:
            return found
    passed = _read_passed() if cache else {}
    rules = _load_checked(rules_dir, ontology or Ontology.load(), passed)
    if key is not None:
        _write_cached(key, rules)
        _write_passed(passed)
    return rules


def _load_checked(rules_dir: Path, ontology: Ontology, passed: dict | None = None) -> RuleSet:
    """Parse, validate and compile every rule file, checking each rule's examples.

    `passed` (rule check key -> its anchors, guard and order of assertions) holds the rules that passed their pattern checks
    before, as written now: those are not compiled or run on their examples again, and it
    is filled with this load's rules (see `_rule`)."""
    passed = {} if passed is None else passed
    before = dict(passed)
    passed.clear()
    docs, packs, digest = _read_files(rules_dir)
    raw = _collect_rules(docs, packs)
    macros = _macros(docs["macros"][0], raw.get("macros", []))
    settings = _settings(docs, packs, ontology)
    event_kinds = settings["events"].get("kinds", {})
    by_kind = {kind: tuple(_rule(kind, item, path, pack, macros, ontology, event_kinds, before, passed)
                           for item, path, pack in raw.get(kind, []))
               for kind in FILE_SPECS}
    gaz_pattern, gaz_index = _gazetteer_matcher(by_kind["gazetteer"])
    return RuleSet(by_kind=by_kind, settings=settings, digest=digest, ontology=ontology,
                   source_dir=str(rules_dir), gazetteer_pattern=gaz_pattern, gazetteer_index=gaz_index,
                   pack_guards={GENERAL: None, **{pack: _pack_guard(path, data) for _, pack, path, data in packs}},
                   pack_words={GENERAL: None, **{pack: data.get("applies_when") for _, pack, _, data in packs}})


def _read_files(rules_dir: Path) -> tuple[dict[str, tuple[Path, Any]], list[tuple[str, str, Path, Any]], str]:
    """Each kind's file, the packs (kind, pack, path, data), and the digest of all their bytes."""
    digest = hashlib.sha256()
    docs: dict[str, tuple[Path, Any]] = {}
    packs: list[tuple[str, str, Path, Any]] = []
    for kind in FILE_SPECS:
        path = rules_dir / f"{kind}.yaml"
        if not path.is_file():
            raise RuleError(path, None, None, f"missing rule file {path.name}",
                            f"every rules folder has: {', '.join(k + '.yaml' for k in FILE_SPECS)}")
        digest.update(kind.encode() + b"\0" + path.read_bytes() + b"\0")
        docs[kind] = (path, _read_rule_file(path, FILE_SPECS[kind][2]))
        for pack_path in sorted(rules_dir.glob(f"{kind}.*.yaml")):
            pack = pack_path.name[len(kind) + 1 : -len(".yaml")]
            if kind not in PACK_KINDS or not regex.fullmatch(r"[a-z][a-z0-9-]*", pack):
                raise RuleError(pack_path, None, None, f"not a rule file: a pack is KIND.PACK.yaml with KIND one of "
                                f"{', '.join(sorted(PACK_KINDS))} and PACK in lower-case letters, digits and hyphens")
            digest.update(pack_path.name.encode() + b"\0" + pack_path.read_bytes() + b"\0")
            packs.append((kind, pack, pack_path,
                          _read_rule_file(pack_path, PACK_SECTIONS.get(kind, frozenset({"applies_when"})))))
    table = rules_dir / given_genders.FILE_NAME
    if table.is_file():
        digest.update(table.name.encode() + b"\0" + table.read_bytes() + b"\0")
        given_genders.read(table)  # a damaged table fails the load, with its line, not a later build
    return docs, packs, digest.hexdigest()


def _collect_rules(docs, packs) -> dict[str, list[tuple[dict, Path, str]]]:
    """kind -> (rule, its file, its pack), keys checked and ids unique across every file."""
    seen: dict[str, tuple[Path, int]] = {}
    raw: dict[str, list[tuple[dict, Path, str]]] = {}
    for kind, pack, path, data in [(kind, GENERAL, path, data) for kind, (path, data) in docs.items()] + packs:
        allowed, required, _ = FILE_SPECS[kind]
        for item in data["rules"]:
            if not isinstance(item, dict):
                raise RuleError(path, data.get("__line__"), None, f"expected a rule (a mapping), got {item!r}")
            _check_keys(item, allowed, required, path, kind)
            rid = item["id"]
            if rid in seen:
                p0, l0 = seen[rid]
                raise RuleError(path, item["__line__"], rid, f"duplicate id (first defined at {p0.name}:{l0})",
                                "rule ids are unique across all rule files")
            seen[rid] = (path, item["__line__"])
            raw.setdefault(kind, []).append((item, path, pack))
    return raw


def _macros(mpath: Path, items) -> Macros:
    """The macros by name, each of which must expand and compile on its own."""
    patterns: dict[str, str] = {}
    shared = set()
    for item, _, _ in items:
        if not regex.fullmatch(r"[A-Z][A-Z0-9_]*", item["id"]):
            raise RuleError(mpath, item["__line__"], item["id"], "a macro id is UPPER_CASE (it is written {ID} in patterns)")
        if item.get("shared", False) not in (True, False):
            raise RuleError(mpath, item["__line__"], item["id"], f"'shared' is true or false, got {item['shared']!r}")
        patterns[item["id"]] = str(item["pattern"])
        if item.get("shared"):
            shared.add(item["id"])
    macros = Macros(patterns, frozenset(shared))
    for item, _, _ in items:
        _compile(macros.compiled_source(patterns[item["id"]], mpath, item["__line__"], item["id"]),
                 mpath, item["__line__"], item["id"])
    return macros


def _settings(docs, packs, ontology: Ontology) -> dict[str, dict[str, Any]]:
    """Every file's sections other than its rules, checked; event kinds of the packs merged in."""
    settings = {kind: _strip_lines({k: v for k, v in data.items() if k != "rules"}) for kind, (_, data) in docs.items()}
    _validate_timeout(docs["quotes"][0], docs["quotes"][1].get("settings"))
    _validate_event_kinds(docs["events"][0], docs["events"][1].get("kinds", {}), ontology)
    for kind, _, path, data in packs:
        if kind == "events" and data.get("kinds"):
            _validate_event_kinds(path, data["kinds"], ontology)
            known = settings["events"].setdefault("kinds", {})
            for name, spec in _strip_lines(data["kinds"]).items():
                if name in known:
                    raise RuleError(path, data["kinds"][name].get("__line__"), name,
                                    "event kind declared twice", "declare each kind in one file")
                known[name] = spec
    _validate_tense(docs["dates"][0], docs["dates"][1].get("tense"))
    _validate_given_names(docs["names"][0], docs["names"][1])
    _validate_family_settings(docs["relations"][0], docs["relations"][1])
    return settings


def _validate_given_names(path: Path, data: dict) -> None:
    """names.yaml `given_names`: f, m and any, each a list of capitalised words."""
    if "given_names" not in data:
        return
    lists = data["given_names"]
    if not isinstance(lists, dict) or not set(k for k in lists if k != "__line__") <= {"f", "m", "any"}:
        raise RuleError(path, data.get("__line__"), None, "given_names maps f, m and any to lists of given names",
                        "e.g. given_names: {f: [Anna], m: [Tom], any: [Alex]}")
    for key, names in lists.items():
        if key == "__line__":
            continue
        bad = next((n for n in names if not isinstance(n, str) or not regex.fullmatch(r"\p{Lu}\p{Ll}+", n)), None) \
            if isinstance(names, list) else names
        if bad is not None:
            raise RuleError(path, lists.get("__line__"), None,
                            f"given_names.{key} is a list of capitalised words, got {bad!r}", "e.g. f: [Anna, Maria]")


def _rule(kind: str, item: dict, path: Path, pack: str, macros, ontology: Ontology, event_kinds,
          before: dict | None = None, passed: dict | None = None) -> Rule:
    """One rule, its fields validated, its pattern expanded, compiled and tested on its examples.

    Compiling is most of the cost of loading rules (the regex module parses in Python): a rule
    whose check key is in `before` passed these very checks before and is not compiled until
    first used, so a curator who edits one rule waits for that rule's checks alone."""
    line, rid = item["__line__"], item["id"]
    _validate_fields(kind, item, path, ontology, event_kinds)
    compiled = found_anchors = source = None
    if "pattern" in item and kind != "macros":
        if not isinstance(item["pattern"], str) or not item["pattern"]:
            raise RuleError(path, line, rid, "'pattern' must be a non-empty string")
        expanded = macros.compiled_source(item["pattern"], path, line, rid)
        key = _check_key(kind, item, expanded)
        if before is not None and key in before:
            found_anchors, guard, order = before[key]
        else:
            _check_written(item["pattern"], path, line, rid)
            guard, order = first_guard(expanded), cheapest_first(expanded)
            compiled = _compile(fast_form(expanded, guard, order), path, line, rid)
            _check_groups(kind, item, compiled, path)
            found_anchors = anchors(macros.for_analysis(item["pattern"], path, line, rid))
            _check_examples(item, compiled, path)
        if passed is not None:
            passed[key] = (found_anchors, guard, order)
        source = fast_form(expanded, guard, order)
    fields = tuple((k, _freeze(_strip_lines(v))) for k, v in sorted(item.items()) if k != "__line__")
    rule = Rule(id=rid, kind=kind, path=str(path), line=line, fields=fields,
                source=source, anchors=found_anchors, pack=pack)
    if compiled is not None:
        rule.__dict__["pattern"] = compiled  # compiled already, to be checked: keep it
    return rule


def _check_key(kind: str, item: dict, source: str) -> str:
    """What a rule's pattern checks depend on: its kind, every field as written (line numbers
    aside), the pattern as compiled (its macros expanded or defined), and the code that checks them."""
    fields = json.dumps(_strip_lines(item), sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.sha256(f"{RULES_CACHE_FORMAT}\0{_code()}\0{kind}\0{source}\0{fields}".encode()).hexdigest()


@functools.lru_cache(maxsize=1)
def _code() -> str:
    """The code a rule's checks ran: the package's and the regex engine's (its version)."""
    from graph.runtime.cache import code_digest

    return f"{code_digest()}\0{regex.__version__}"


def _read_rule_file(path: Path, sections: frozenset) -> dict:
    """A rule file's mapping, with its `rules:` list; any other top-level key must be in `sections`."""
    data = _read_yaml(path)
    if data is None:
        data = {"rules": []}
    if not isinstance(data, dict) or "rules" not in data:
        raise RuleError(path, 1, None, "expected a mapping with a 'rules:' list at the top")
    extra = sorted(k for k in data if k not in sections and k not in ("rules", "__line__"))
    if extra:
        raise RuleError(path, data.get("__line__"), None, f"unknown section {extra[0]!r}",
                        f"{path.name} takes: rules{''.join(', ' + s for s in sorted(sections))}")
    if not isinstance(data["rules"], list):
        raise RuleError(path, data.get("__line__"), None, "'rules' must be a list of rules")
    return data


def _pack_guard(path: Path, data: dict):
    """The pattern of a pack's `applies_when` words (whole words), or None when it applies everywhere."""
    words = data.get("applies_when")
    if words is None:
        return None
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise RuleError(path, data.get("__line__"), None, "applies_when must be a list of words or names",
                        "e.g. applies_when: [Teigen, Legend]")
    return _guard_pattern(words)


def _guard_pattern(words: list[str]):
    return regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
                         + r")(?!\w)")


def _check_examples(item: dict, compiled, path: Path) -> None:
    """A rule's examples must match (each named group capturing what the example says) and its
    counter-examples must not: the rule's unit tests, run whenever the rules load."""
    line, rid = item["__line__"], item["id"]
    examples, counters = item.get("examples", []), item.get("counter_examples", [])
    if not isinstance(examples, list) or not isinstance(counters, list):
        raise RuleError(path, line, rid, "examples and counter_examples must be lists",
                        "e.g. examples: [\"Maya Lopez, who is married to Daniel Reed\"]")
    for example in examples:
        text, groups = (example, {}) if isinstance(example, str) else (
            (example.get("text"), {k: v for k, v in example.items() if k not in ("text", "__line__")})
            if isinstance(example, dict) else (None, {}))
        if not isinstance(text, str) or not all(isinstance(v, (str, list)) for v in groups.values()):
            raise RuleError(path, line, rid, f"an example is a sentence, or text: plus group: value pairs; got {example!r}")
        m = _search(compiled, text, path, line, rid)
        if m is None:
            raise RuleError(path, line, rid, f"does not match its example {text!r}",
                            "fix the pattern, or the example if the rule should not match it")
        for group, want in groups.items():
            if group not in compiled.groupindex:
                raise RuleError(path, line, rid, f"example names group {group!r}, which the pattern does not have")
            got = [c for c in m.captures(group)]
            wanted = want if isinstance(want, list) else [want]
            if got != wanted:
                raise RuleError(path, line, rid, f"on its example {text!r} group {group!r} captures {got!r}, "
                                f"the example says {wanted!r}")
    for text in counters:
        if not isinstance(text, str):
            raise RuleError(path, line, rid, f"a counter-example is a sentence; got {text!r}")
        m = _search(compiled, text, path, line, rid)
        if m is not None:
            raise RuleError(path, line, rid, f"matches its counter-example {text!r} (at {m.group(0)!r})",
                            "tighten the pattern, or drop the counter-example if the rule should match it")


def _search(compiled, text: str, path: Path, line: int, rid: str):
    try:
        return compiled.search(text, timeout=1.0)
    except TimeoutError:
        raise RuleError(path, line, rid, f"ran over a second on its example {text[:60]!r}",
                        "the pattern backtracks too much: anchor it or make its repetitions possessive") from None


def _validate_family_settings(path, data: dict) -> None:
    """relations.yaml: each inference names what it computes; gender_words maps f and m to word lists."""
    inferences = data.get("inferences") or []
    if not isinstance(inferences, list):
        raise RuleError(path, data.get("__line__"), None, "inferences must be a list of {id, infer}")
    for item in inferences:
        line = item.get("__line__") if isinstance(item, dict) else None
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or "infer" not in item:
            raise RuleError(path, line, None, "an inference needs an id and infer:")
        if item["infer"] not in INFERENCES:
            raise RuleError(path, line, item["id"], f"unknown inference {item['infer']!r}",
                            f"infer: is one of {', '.join(INFERENCES)}")
    words = data.get("gender_words")
    if words is None:
        return
    line = words.get("__line__") if isinstance(words, dict) else None
    genders = {k: v for k, v in words.items() if k != "__line__"} if isinstance(words, dict) else None
    if not genders or not set(genders) <= set(GENDERS):
        raise RuleError(path, line, None, f"gender_words maps each of {', '.join(GENDERS)} to its words")
    for gender, kinds in genders.items():
        ok = isinstance(kinds, dict) and all(k == "__line__" or (k in GENDER_WORD_KINDS and isinstance(v, list)
                                             and all(isinstance(w, str) and w.strip() for w in v))
                                             for k, v in kinds.items())
        if not ok:
            raise RuleError(path, line, None, f"gender_words.{gender} takes {' and '.join(GENDER_WORD_KINDS)}, "
                            "each a list of words", "e.g. f: {titles: [Mrs, Ms], kin: [wife, mother]}")


def _validate_tense(path, tense) -> None:
    """dates.yaml `tense:` holds the four marker regexes; a bad one fails here, not mid-build."""
    if tense is None:
        return
    if not isinstance(tense, dict):
        raise RuleError(path, None, None, f"tense must map each of {', '.join(TENSE_MARKERS)} to a regex")
    line = tense.get("__line__")
    unknown = sorted(k for k in tense if k != "__line__" and k not in TENSE_MARKERS)
    missing = [k for k in TENSE_MARKERS if k not in tense]
    if unknown or missing:
        raise RuleError(path, line, None, f"tense: {'unknown marker ' + repr(unknown[0]) if unknown else 'missing ' + missing[0]}",
                        f"tense takes exactly: {', '.join(TENSE_MARKERS)}")
    for k in TENSE_MARKERS:
        if not isinstance(tense[k], str) or not tense[k]:
            raise RuleError(path, line, None, f"tense.{k} must be a non-empty regex")
        _check_written(tense[k], path, line, f"tense.{k}")
        _compile(tense[k], path, line, f"tense.{k}")


def _validate_timeout(path, settings) -> None:
    if not isinstance(settings, dict) or "regex_timeout_seconds" not in settings:
        return
    limit = settings["regex_timeout_seconds"]
    if isinstance(limit, bool) or not isinstance(limit, (int, float)) or not 0 < limit <= 600:
        raise RuleError(path, settings.get("__line__"), None,
                        f"settings.regex_timeout_seconds must be a number of seconds above 0 and at most 600, got {limit!r}",
                        "e.g. regex_timeout_seconds: 2.0")


def _validate_event_kinds(path, kinds, ontology: Ontology):
    if not isinstance(kinds, dict):
        raise RuleError(path, None, None, "'kinds' must map an event kind to its class and label")
    for name, spec in kinds.items():
        if name == "__line__":
            continue
        line = spec.get("__line__") if isinstance(spec, dict) else None
        if not isinstance(spec, dict) or "class" not in spec or "label" not in spec:
            raise RuleError(path, line, name, "an event kind needs 'class' and 'label'")
        unknown = sorted(k for k in spec if k not in ("class", "label", "key", "quotable", "within", "__line__", "description",
                                                      "apart_by_date", "read_as", "persons_only", "told_in"))
        if unknown:
            raise RuleError(path, line, name, f"unknown key {unknown[0]!r}",
                            "an event kind takes: class, label, key, quotable, within, apart_by_date, read_as, "
                            "persons_only, told_in, description")
        _validate_read_as(spec.get("read_as", []), kinds, path, line, name)
        told_in = spec.get("told_in", [])
        if not isinstance(told_in, list) or any(not isinstance(k, str) or k not in kinds or k == "__line__"
                                                    for k in told_in):
            raise RuleError(path, line, name, f"told_in must be a list of declared event kinds, got {told_in!r}",
                            f"e.g. told_in: [social-media-post]; declared: {', '.join(sorted(k for k in kinds if k != '__line__'))}")
        for flag in ("apart_by_date", "persons_only"):
            if not isinstance(spec.get(flag, False), bool):
                raise RuleError(path, line, name, f"{flag} must be true or false")
        label = spec["label"]
        if not (isinstance(label, str) or (isinstance(label, list) and label and all(isinstance(x, str) for x in label))):
            raise RuleError(path, line, name, "label must be a template string or a list of them",
                            'e.g. label: ["Pregnancy loss of {about}", "Pregnancy loss of {attendee}"]')
        if not ontology.is_class(spec["class"]):
            raise RuleError(path, line, name, f"unknown class {spec['class']!r}",
                            f"use a class of schema/ontology.ttl, e.g. {', '.join(ontology.event_classes()[:4])}")
        if spec.get("within", "written") not in ("written", "spoken"):
            raise RuleError(path, line, name, "within must be written or spoken")
        if spec.get("quotable", "written") not in ("written", "spoken"):
            raise RuleError(path, line, name, "quotable must be written or spoken")
        if spec.get("key", "organizer") not in EVENT_ROLES:
            raise RuleError(path, line, name, f"key must be one of {', '.join(sorted(EVENT_ROLES))}")


def _validate_read_as(items, kinds: dict, path, line, name) -> None:
    """An event kind's `read_as`: a list of {action, kind, role}, each action a pattern of the telling's
    kg:action words, each kind a declared one, each role an event role."""
    if not isinstance(items, list):
        raise RuleError(path, line, name, "read_as must be a list of {action, kind, role}")
    for item in items:
        if not isinstance(item, dict) or set(item) - {"action", "kind", "role", "__line__"} \
                or not {"action", "kind", "role"} <= set(item):
            raise RuleError(path, line, name, f"read_as items take action, kind and role; got {item!r}",
                            "e.g. {action: 'married\\b', kind: wedding, role: attendee}")
        where = item.get("__line__", line)
        if item["kind"] not in kinds or item["kind"] == "__line__":
            raise RuleError(path, where, name, f"read_as: unknown event kind {item['kind']!r}",
                            "declare it under 'kinds:' in events.yaml")
        if item["role"] not in EVENT_ROLES:
            raise RuleError(path, where, name, f"read_as: role must be one of {', '.join(sorted(EVENT_ROLES))}")
        try:
            regex.compile(item["action"])
        except (regex.error, TypeError) as err:
            raise RuleError(path, where, name, f"read_as: action {item['action']!r} is no valid pattern: {err}") from None


def _validate_fields(kind, item, path, ontology: Ontology, event_kinds):
    line, rid = item["__line__"], item["id"]

    def need(cond, message, hint=None):
        if not cond:
            raise RuleError(path, line, rid, message, hint)

    if "type" in item:
        need(ontology.is_class(item["type"]), f"unknown type {item['type']!r}",
             f"use a class of schema/ontology.ttl: {', '.join(ontology.entity_classes())}")
    if "gender" in item:
        need(item["gender"] in GENDERS, f"gender must be one of {', '.join(sorted(GENDERS))}, got {item['gender']!r}")
    if kind == "gazetteer":
        need(isinstance(item["name"], str) and item["name"].strip(), "'name' must be a non-empty string")
        aliases = item.get("aliases", [])
        need(isinstance(aliases, list) and all(isinstance(a, str) and a.strip() for a in aliases),
             "'aliases' must be a list of non-empty strings")
        if "wikidata" in item:
            need(isinstance(item["wikidata"], str) and regex.fullmatch(r"Q[1-9][0-9]*", item["wikidata"]),
                 f"wikidata must look like Q42, got {item['wikidata']!r}")
    if kind == "names":
        need(item.get("evidence", "context") in NAME_EVIDENCE,
             f"evidence must be one of {', '.join(NAME_EVIDENCE)}, got {item.get('evidence')!r}")
        need(item.get("title") is None or item["title"] in TITLE_KINDS,
             f"title must be one of {', '.join(TITLE_KINDS)}, got {item.get('title')!r}")
    if kind == "roles":
        need(item["refers"] in REFERS, f"refers must be one of {', '.join(sorted(REFERS))}, got {item['refers']!r}")
    if kind == "relations":
        need(item["relation"] in RELATIONS, f"relation must be one of {', '.join(sorted(RELATIONS))}, got {item['relation']!r}")
    if kind == "events":
        need(item["kind"] in event_kinds, f"unknown event kind {item['kind']!r}",
             f"declare it under 'kinds:' in events.yaml; known: {', '.join(sorted(event_kinds))}")
        implied = item.get("implied_about", [])
        implied = [implied] if isinstance(implied, str) else implied
        need(isinstance(implied, list) and all(k in event_kinds for k in implied),
             f"implied_about must name event kinds; got {item.get('implied_about')!r}",
             f"known kinds: {', '.join(sorted(event_kinds))}")
        need(item.get("date", "sentence") in EVENT_DATE, f"date must be one of {', '.join(sorted(EVENT_DATE))}")
        need(isinstance(item.get("generic", False), bool), "generic must be true or false")
        need(isinstance(item.get("implied_recent", False), bool), "implied_recent must be true or false")
        need(not item.get("implied_recent") or implied, "implied_recent needs implied_about",
             "name the kinds the telling follows in implied_about, or drop implied_recent")
        attrs = item.get("attributes", {})
        need(isinstance(attrs, dict), "'attributes' must map a property to a group name")
        for prop, group in attrs.items():
            if prop != "__line__":
                need(isinstance(group, str), f"attribute {prop!r} must name a group")
                close = ontology.similar_properties(prop)
                need(ontology.is_property(prop), f"unknown property {prop!r}",
                     (f"did you mean {' or '.join(close)}? " if close else "")
                     + "use a property of schema/ontology.ttl (kg:...) or of schema.org (schema:...)")
    if kind == "quotes":
        need(item["where"] in QUOTE_WHERE, f"where must be one of {', '.join(sorted(QUOTE_WHERE))}, got {item['where']!r}")
        paragraph = item.get("paragraph")
        need(paragraph is None or (item["where"] == "continues" and paragraph in QUOTE_PARAGRAPH),
             f"paragraph must be one of {', '.join(sorted(QUOTE_PARAGRAPH))} on a `continues` rule, got {paragraph!r}",
             "leave it out for the speaker of the previous paragraph's last quotation")
    if kind == "dates":
        need(item["value"] in DATE_VALUES, f"value must be one of {', '.join(sorted(DATE_VALUES))}, got {item['value']!r}")


def _gazetteer_matcher(rules: tuple[Rule, ...]):
    """One alternation over every gazetteer surface form, longest first."""
    index: dict[str, tuple[str, str]] = {}
    for r in rules:
        for surface in (r.get("name"), *r.get("aliases", ())):
            index.setdefault(surface, (r.id, r.get("type")))
    if not index:
        return None, index
    forms = sorted(index, key=lambda s: (-len(s), s))
    pattern = regex.compile(r"(?<![\w])(?:" + "|".join(regex.escape(f) for f in forms) + r")(?![\w])")
    return pattern, index


# ------------------------------------------------------------------ the rules cache

RULES_CACHE_FORMAT = "4"


def rules_cache_dir() -> Path | None:
    """Where checked rule sets are kept: $KG_RULES_CACHE, else $XDG_CACHE_HOME/kg-news/rules
    (~/.cache/kg-news/rules); KG_RULES_CACHE set to an empty string turns the cache off."""
    env = os.environ.get("KG_RULES_CACHE")
    if env is not None:
        return Path(env) if env else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kg-news" / "rules"


def _cache_key(rules_dir: Path) -> str | None:
    """A digest of every rule file's name and bytes and of the package's code; None if unreadable."""
    from graph.runtime.cache import code_digest

    h = hashlib.sha256(f"{RULES_CACHE_FORMAT}\0{code_digest()}\0".encode())
    try:
        for path in sorted([*rules_dir.glob("*.yaml"), *rules_dir.glob(given_genders.FILE_NAME)]):
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return h.hexdigest()


PASSED_FILE = "passed.json"  # rule check key -> anchors, guard and order of assertions, for the rules of the last set loaded


def _read_passed() -> dict:
    """The rules that passed their checks in the last rule set checked; {} when absent or damaged."""
    folder = rules_cache_dir()
    if folder is None:
        return {}
    try:
        data = json.loads((folder / PASSED_FILE).read_text(encoding="utf-8"))
        payload = data["payload"]
        if data.get("checksum") != hashlib.sha256(payload.encode("utf-8")).hexdigest():
            return {}
        passed = json.loads(payload)
        if not isinstance(passed, dict):
            return {}
        return {k: _passed_entry(v) for k, v in passed.items()}  # TypeError where an entry is damaged
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _passed_entry(value) -> tuple[tuple[tuple[str, ...], ...] | None, str, tuple[int, ...]]:
    """A passed rule's anchor sets, guard and order of opening assertions (graph/rules/guard.py) as
    the cache keeps them; TypeError if damaged. An order that is no reordering of the pattern's
    assertions is not applied (`fast_form`)."""
    if not (isinstance(value, dict) and isinstance(value.get("guard"), str) and isinstance(value.get("order"), list)
            and all(type(i) is int for i in value["order"])):
        raise TypeError("passed rule: expected {anchors, guard, order}")
    guard = value["guard"]
    if guard and first_guard_shape(guard) is None:  # a guard is only ever a lookahead of one class
        raise TypeError("guard: expected (?=[...])")
    return _anchor_sets(value.get("anchors")), guard, tuple(value["order"])


def _anchor_sets(value) -> tuple[tuple[str, ...], ...] | None:
    """A rule's anchor sets as the cache keeps them (lists of lists of words); TypeError if damaged."""
    if value is None:
        return None
    if not (isinstance(value, list) and value and all(
            isinstance(s, list) and s and all(isinstance(w, str) and w for w in s) for s in value)):
        raise TypeError("anchors: expected a non-empty list of non-empty lists of words")
    return tuple(map(tuple, value))


def _write_passed(passed: dict) -> None:
    payload = json.dumps({k: {"anchors": None if a is None else [list(s) for s in a], "guard": g, "order": list(o)}
                          for k, (a, g, o) in passed.items()}, sort_keys=True)
    _write_entry(PASSED_FILE, json.dumps({"checksum": hashlib.sha256(payload.encode("utf-8")).hexdigest(),
                                          "payload": payload}))


def _read_cached(key: str, rules_dir: Path, ontology: Ontology | None) -> RuleSet | None:
    folder = rules_cache_dir()
    if folder is None:
        return None
    try:
        data = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        payload = data["payload"]
        if data.get("checksum") != hashlib.sha256(payload.encode("utf-8")).hexdigest():
            return None
        body = json.loads(payload)
        by_kind = {kind: tuple(Rule(id=r["id"], kind=kind, path=str(rules_dir / r["file"]), line=r["line"],
                                    fields=_freeze(r["fields"]),
                                    source=r["source"], anchors=_anchor_sets(r["anchors"]),
                                    pack=r["pack"]) for r in rules)
                   for kind, rules in body["by_kind"].items()}
        guards = {pack: None if words is None else _guard_pattern(words) for pack, words in body["packs"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return None  # absent or damaged: the rules are read and checked afresh
    gaz_pattern, gaz_index = _gazetteer_matcher(by_kind.get("gazetteer", ()))
    return RuleSet(by_kind=by_kind, settings=body["settings"], digest=body["digest"],
                   ontology=ontology or Ontology.load(), source_dir=str(rules_dir), gazetteer_pattern=gaz_pattern,
                   gazetteer_index=gaz_index, pack_guards=guards, pack_words=body["pack_words"])


def _write_cached(key: str, rules: RuleSet) -> None:
    """Keep a checked rule set as data; a failure to write only costs the next load its checks."""
    folder = rules_cache_dir()
    if folder is None:
        return
    try:
        payload = json.dumps({
            "digest": rules.digest, "settings": rules.settings, "pack_words": rules.pack_words,
            "packs": {pack: rules.pack_words.get(pack) for pack in rules.pack_guards},
            # a rule's file by its name: the same bytes may be loaded from another folder
            "by_kind": {kind: [{"id": r.id, "file": Path(r.path).name, "line": r.line, "fields": r.fields, "source": r.source,
                                "anchors": r.anchors, "pack": r.pack} for r in rs] for kind, rs in rules.by_kind.items()},
        }, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        return  # a setting JSON cannot hold (a YAML date): such rules are checked on every load
    _write_entry(f"{key}.json", json.dumps({"checksum": hashlib.sha256(payload.encode("utf-8")).hexdigest(),
                                            "payload": payload}))


def _write_entry(name: str, entry: str) -> None:
    """One file of the rules cache, whole or not at all; a failure only costs a later load its checks."""
    folder = rules_cache_dir()
    if folder is None:
        return
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(entry)
        os.replace(tmp, folder / name)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
