"""References: the people a group of a match refers to, through a role phrase, a pronoun or a name already found.

A quotation's speaker is resolved with more care than a participant of an event, as the
deterministic quote attribution of Stanford CoreNLP does it (Muzny et al. 2017: quotation →
mention, then mention → speaker). A role rule may say, under `speaker:`, how its words
resolve when they name a quotation's speaker:

  nearest     a pronoun: the nearest person named before it, outside quotations (inside the
              enclosing quotation first, for a quote within a quote), whose gender agrees, the
              subject of its sentence preferred; a person of unknown gender only when no person
              of the right gender is as near; never someone the quotation itself names, nor the
              one who quotes it; nobody when that leaves a doubt. A he or she that opens the
              nearest sentence before anyone is named continues the person the text was about
              (centering), so the speaker pronoun is resolved as that one is.
  introduced  a role noun ("the judge", "her father"): the one person the article introduced
              with that noun ("Judge Ann Lee", "Ann Lee, the tournament director", "Her father,
              Tom Lee"); the rule's `refers` when the article introduced nobody so
  group       "they": the list of people ("Luna and Miles") named in the quotation's paragraph
              or the one before, else nobody
  none        nobody ("we" names the speaker and others)

A speaker written as a title and a surname two people of the article share ("Ms. Lee") is, of those
named so far whose gender the title allows (Mr., Mrs., Ms., Miss, Sir, Dame, Lord, Lady), the only one;
else the one introduced with that very title ("Mr Tom Lee"); else the one named since the paragraph
before (outside quotations) or the one the article names far more often, unless another is said to be of
the title's gender (nobody when these disagree); else the one the text says is of the title's gender when
it is the only one of them the text has had speak: bearers of unknown gender stay candidates. A pronoun
speaker is nobody when, since the person it would stand for was last named, a sentence gave words to
someone unnamed ("A spokesman for the club said") or had a description for its subject ("the veteran
mentor shrugged"); inside a quotation, after the speaker spoke of someone by a gendered noun ("my dad"),
a he or she of that gender is that one, whom no name stands for. A role phrase stands for the person
introduced with its noun only after that introduction. Gender comes from the text, never from a first name: a name
rule or the gazetteer, a title (Mr., Mrs., Ms.), a kinship or gendered noun next to the name
("her husband, Tom Hale", "Tom Hale and his wife"), or a sentence opening with He or She right
after a sentence whose only person is its subject. The lists are in quotes.yaml
(`settings.speakers`).

Further shapes of news copy: a "he said" the doubt of an exchange would leave unresolved is, in a
conversation printed a turn a paragraph, the speaker of the turn before the last (Muzny et al.'s
conversation rule); "the 24-year-old" opening a sentence is the person the text gave that age, else the
one subject of the paragraphs around it; "the bride" and "the groom" are the woman and the man of the
article's one wedding (quotes.yaml `event_roles`); a capitalised title of a place ("Prince Alaric, Duke of
Wexmoor") introduces "the Duke"; a name in a phrase opening a sentence up to its he or she ("In a letter
seen by Halden Wire, he wrote") is never that pronoun; inside a quotation, a he or she is the one the
narration around it (its paragraph or the one before) named or continued by a pronoun.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from graph.errors import RuleError
from graph.match.context import Context
from graph.match.names import (PERSON, SUFFIXES, Names, counted_words, family_name_first, generation_described,
                               name_tokens, name_uses, name_words, namesakes_of, speaker_set, suffix, suffix_after,
                               surname, title_abbreviations, title_forms, title_words_before)
from graph.records import Mention, Ref, Role, Span

_LIST_GLUE = regex.compile(r",?\s*(?:and\s+)?|\s*,\s*")
SPEAKER_MODES = ("nearest", "introduced", "group", "document", "none")

# A title written right before a name: "coach Tom Bray", "Judge Harriet Lomax", "Gov. Daniel Ashgrove".
_TITLE_BEFORE = regex.compile(r"(?:^|(?<=[\s(“\"‘—–]))(?P<t>\p{L}[\p{L}-]+\.?)[^\S\n]+$")
# A description after a name: "Dana Reyes, the tournament director", "Jonah Pierce, an analyst at …"; not
# a clause with a verb in the past ("Vikram Bhandari, the group announced on Monday").
_APPOS_AFTER = regex.compile(
    # "Farida Contractor, now chief engineer at the corporation": an office held now, without a determiner
    r",\s+(?:(?:the|a|an|his|her|its|their|\p{Lu}[\p{L}-]*(?:’s|'s))\s+|(?:now|currently)\s+(?:the\s+)?)"
    r"(?:[\p{L}’'-]+\s+){0,4}?(?P<head>\p{Ll}[\p{L}-]*(?<!ed))"
    r"(?=\s*[,.;)]|\s*$|\s+(?:of|at|for|in|on|with|from|who|whose|which|that|since|to)\b)")
# A description before a name: "Her daughter, Ellen Hardesty", "Its executive director, Paul Ferrante".
_APPOS_BEFORE = regex.compile(
    r"(?:^|(?<=[\s(“\"]))(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|\p{Lu}[\p{L}-]*(?:’s|'s))\s+"
    # the words after the noun ("the head of the club, …") hold no noun of someone else: "the actor to Nonsan along
    # with Kang's older brother, Kang Tae-hoon" introduces the brother, not an actor
    r"(?:[\p{L}’'-]+\s+){0,3}?(?P<head>\p{Ll}[\p{L}-]*)"
    r"(?:\s+(?:of|at|for|to|with)\s+(?:(?![’']s\b|\s(?:the|a|an|his|her|their|its|with)\s)[^,“”\"\n]){1,40}?)?,\s+"
    # a word between may be the name's own ("his coach, former striker …") or a title ("her late father, Opanyin Kofi
    # Amoako"), never a preposition that begins a phrase of its own ("The inquest, before Helen Ashdown, …": no
    # inquest she is)
    r"(?:(?!(?:before|after|by|from|with|to|for|at|in|on|of|under|over|about|against|like|than|as)\s)"
    r"\p{Ll}[\p{L}-]*\s+|\p{Lu}\p{Ll}{1,8}\.?\s+)?$")
# A capitalised title of a place beside a name: "Prince Alaric, Duke of Wexmoor", "the Bishop of Carrowmere, the Rt
# Revd Anselm Thorne"
_TITLE_OF_AFTER = regex.compile(r",\s+(?:the\s+)?(?P<head>\p{Lu}\p{Ll}+)\s+of\s+\p{Lu}")
_TITLE_OF_BEFORE = regex.compile(r"(?:^|(?<=[\s(“\"]))[Tt]he\s+(?P<head>\p{Lu}\p{Ll}+)\s+of\s+(?:\p{Lu}[\p{L}’'-]*\s+){0,2}"
                                 r"\p{Lu}[\p{L}’'-]*,\s+(?:the\s+)?(?:(?:Rt|Very|Most|Right)\.?\s+)?"
                                 r"(?:(?:Revd|Rev|Hon|Reverend|Honourable|Honorable)\.?\s+)?$")
# "the Duke", "the Bishop", "the CEO": a capitalised title or an acronym alone, standing for the one person the article gave it
_CAPITALISED_ROLE = regex.compile(r"(?<![\p{L}’'])(?P<det>[Tt]he)\s+(?P<noun>\p{Lu}\p{Ll}+|\p{Lu}{2,4})(?![\p{L}’'-])(?!\s+(?:of\b|\p{Lu}))")
# A role phrase standing for one person: "her teacher", "the tournament director".
_ROLE_PHRASE = regex.compile(r"(?<![\p{L}’'])(?P<det>[Tt]he|[Hh]er|[Hh]is|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur)\s+(?P<noun>\p{Ll}[\p{L}-]*)"
                          r"(?:\s+(?P<next>\p{Ll}[\p{L}-]*))?")
_WORD_BEFORE = regex.compile(r"(?<!\p{L})(\p{L}+)\s+$")
_WORD = regex.compile(r"\p{Ll}[\p{L}-]*")
# A name's gender from the words next to it.
# A title is looked up in quotes.yaml `honorifics`: a short word (Mr, Mrs, Mzee) by its shape, a longer one only
# when `long_titles` lists it (Father, Sister, Opanin).
# Any short capitalised word right before a name (Mrs, Dr, Lady) may be a title: enough to leave a surname to it.
_SHORT_TITLE = regex.compile(r"(?:^|(?<=[\s(“\"]))(?P<h>\p{Lu}\p{Ll}{1,3})\.?\s+$")


def _title_patterns(ctx: Context) -> tuple[regex.Pattern, regex.Pattern, int]:
    """(a title right before the end of a text, a title before a capitalised word, how many characters before a
    name the longest title reaches with its period and a space), for the article's rules."""
    found = ctx.memo.get("title_patterns")
    if found is None:
        long = sorted(speaker_settings(ctx).get("long_titles") or (), key=lambda w: (-len(w), w))
        word = r"\p{Lu}\p{Ll}{1,3}" + "".join("|" + regex.escape(w) for w in long)
        found = ctx.memo["title_patterns"] = (
            regex.compile(r"(?:^|(?<=[\s(“\"]))(?P<h>" + word + r")\.?\s+$"),
            regex.compile(r"(?<!\p{L})(?P<h>" + word + r")\.?\s+(?=\p{Lu})"),
            max([4, *map(len, long)]) + 3)
    return found
_NEXT_WORD = regex.compile(r"\p{Lu}\p{L}*(?:[’'-]\p{Lu}\p{L}*)*")  # O’Neill, Nsiah-Darko; never MacPhail’s
# the word between may be an adjective ("his late wife Ann Lee"), never a preposition: "the son of Ann Lee" tells
# the gender of the son, not of Ann Lee
_NOUN_BEFORE = regex.compile(r"(?<!\p{L})(?P<n>\p{Ll}+),?\s+(?:(?P<mid>\p{Ll}[\p{L}-]*)\s+)?$")
# the noun is the phrase's head, never a possessor before it: "Tom Lee, the bride's younger brother" is a brother
# a verb right after the name: after "her half-brother," the name is the sentence's subject, not the
# brother ("Standing beside her half-brother, Avery looked up"); the verbs of macros.yaml KINCOMMA
_VERB_AFTER = regex.compile(r"\s+(?:\p{Ll}+ed|said|says|told|tells|was|is|has|had|sat|sits|stood|stands|took|gave|"
                            r"wrote|went|came|made|spoke|began|ran|held|kept|left|got|saw|found|thought|sang|wept|looks)\b")
# A name after the noun is the one it describes: "The family — Chantal, her husband, Marc, and …" is a list
# whose husband is Marc, not Chantal.
_NOUN_AFTER = regex.compile(r",\s+(?:his|her|their|the|\p{Lu}[\p{L}-]*(?:’s|'s))\s+(?:\p{Ll}+(?:’s|'s)?\s+){0,2}"
                            r"(?P<n>\p{Ll}+)\b(?![’'])(?!,?\s+\p{Lu}\p{Ll})")
_AND_POSSESSIVE = regex.compile(r"\s+and\s+(?P<p>her|his)\b")
_OPENS_WITH_PRONOUN = regex.compile(r"[“\"‘]?(?P<p>He|She)\b")
# What may stand before a sentence's subject: clauses ending in a comma, then capitalised
# words and one title noun ("At the reception, Felix Lindqvist", "Westfield coach Tom Bray"); never a preposition,
# whose name is its object ("Speaking to Joe Finnerty on the radio, Tom said": Tom is the subject)
_SUBJECT_PREFIX = regex.compile(
    r"(?:[^,“”\"\n]{1,120},\s+){0,3}(?:(?:\p{Lu}[\p{L}.’'&-]*|\d[\d,.]*)\s+){0,4}"
    r"(?:(?!(?:to|with|from|of|by|for|about|at|in|on|into|against|beside|behind|near|than|like|after|before)\s)\p{Ll}[\p{L}-]*\s+)?")
_POSSESSIVE = ("’s", "'s", "’ ", "' ")
_ACCORDING_BEFORE = regex.compile(r"(?<![\p{L}])according\s+to\s+$")
_ACCORDING_TO = regex.compile(r"[Aa]ccording\s+to\s+(?:\p{Lu}\p{Ll}{0,3}\.?\s+)?")
_COMMA_BEFORE = regex.compile(r",\s*$")
_ONE_WORD_BETWEEN = regex.compile(r"\s+(?P<w>\p{Ll}[\p{L}-]*)\s+")
_CAPITALISED = regex.compile(r"(?<![\p{L}’'.-])\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){1,3}(?![\p{L}’'-])")
_COORDINATED = regex.compile(r",?\s+(?:and|or)\s+|,\s+")
_LIST_GLUE_BEFORE = regex.compile(r"(?:,?\s*(?:and\s+)?|\s*,\s*)")
# a reply's opening clause: "Asked whether he would stay, ", "Pressed on the deal, "
_QUESTION_OPENING = regex.compile(r"[“\"‘]?(?:Asked|Pressed|Questioned|Quizzed)\b[^,.;:!?“”\"\n]{1,120},\s+")
# A sentence opening with a participle clause, up to its comma ("Asked whether he would stay, "): the clause has no
# subject of its own, so a pronoun in it is the main clause's subject, named after it.
_PARTICIPLE_OPENING = regex.compile(r"[“\"‘]?\p{Lu}\p{Ll}{2,}(?:ed|ing)\b[^,.;:!?“”\"\n]{1,120},\s+")
# articles and demonstratives: capitalised words right after one are no person's name ("the Chicago Comets")
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_ARTICLE_BEFORE = regex.compile(r"(?<![\p{L}’'])(?:[Tt]he|an?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+$")
# a person named by a noun alone: "the girl", "a woman", "his son", "the young boy" (the noun, the first word or
# the second, is checked against the lists)
_GENDERED_PHRASE = regex.compile(r"(?<![\p{L}’'])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|[Aa]nother)\s+"
                                 r"(?P<w1>\p{Ll}[\p{L}-]*)(?:\s+(?P<w2>\p{Ll}+)(?![\p{L}-]))?")
_GOES_ON = regex.compile(r"\p{L}+\s+(?:also\s+|then\s+)?(?:added|adds|continued|continues|went\s+on)\b")
# a sentence whose subject is a description of someone: "The coach smiled", "Asked about it, the veteran mentor
# shrugged" (a clause, then the, a few words and the noun, then a verb)
# an opening clause may hold an apposition ("Speaking outside Kedia House, the group's headquarters, the patriarch was …")
_DESCRIBED_SUBJECT = regex.compile(r"(?:(?:[^,.;:!?“”\"‘’\n]{1,120},\s+){1,2}"
                                   # a time or place before the subject without a comma: "Last November the singer
                                   # revealed", "On Tuesday the coach said", "In Leeds the mayor"
                                   r"|(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate|[Oo]n|[Ii]n|[Aa]t)\s+"
                                   r"(?:\p{Lu}\p{Ll}+|week|month|year|season|spring|summer|autumn|fall|winter|night|weekend)\s+)?"
                                   # "The Morning Brew presenter, 34, revealed": a show's or a team's name may stand before the noun
                                   # "Her sister shook her head.": a relative, unnamed, is someone too
                                   r"(?:[Tt]he|[Hh]er|[Hh]is|[Tt]heir)\s+(?:[\p{L}\d][\p{L}\d’'-]*\s+){0,3}?"
                                   # "The match-winner, still wearing his medal, said": an aside may part the two
                                   r"(?P<noun>\p{Ll}[\p{L}-]*)(?:,\s+[^,.;:!?“”\"‘’\n]{1,100},)?\s+(?:\p{Ll}+ly\s+)?"
                                   r"(?P<verb>\p{Ll}+)\b")
# a description and its verb, with no aside between ("the witness replied", "the retired judge said")
_DESCRIPTION_VERB = (r"[Tt]he\s+(?:[\p{L}\d][\p{L}\d’'-]*\s+){0,3}?(?P<noun>\p{Ll}[\p{L}-]*)\s+"
                     r"(?:\p{Ll}+ly\s+)?(?P<verb>\p{Ll}+)\b")
# right after a quotation it is given ("“That is a lie,” the witness replied")
_QUOTE_DESCRIBED = regex.compile(r"\s+" + _DESCRIPTION_VERB)
# an opening clause cut by its comma after a word that begins a clause of its own ("that, he revealed,"): the words
# after the comma are not the sentence's subject
_CLAUSE_GOES_ON = regex.compile(r"(?<![\p{L}’'])(?:that|which|who|whom|whose|where|when|while|and|but|or)\s*,\s*$")
_SUBJECT_PRONOUN = {"f": regex.compile(r"\b[Ss]he\b"), "m": regex.compile(r"\b[Hh]e\b")}
# a relative pronoun right before a he or she ("the illness from which she died"): the pronoun is the subject of a
# relative clause about someone else's noun, not the one the story goes on about (centering's main-clause subject)
_RELATIVE_BEFORE = regex.compile(r"(?<![\p{L}’'])(?:which|whom|whose|where|when)\s+$")


@dataclass(frozen=True)
class Candidate:
    """A place where a person is named (or stands as a role phrase), as a pronoun may look back to it."""

    start: int
    end: int
    person: str  # the head name of the person
    quote: int | None  # the innermost quotation holding it; None outside quotations
    sentence: int
    paragraph: int
    subject: bool  # the subject of its sentence
    role: bool = False  # a role phrase ("the plumber"), not a name
    undecided: bool = False  # a bare surname two people named before it bear: `person` is only a guess


@dataclass(frozen=True)
class People:
    """The people of one article as a quotation's speaker is found among them."""

    candidates: tuple[Candidate, ...]  # in text order
    genders: dict[str, str]  # person -> f/m, where the text tells
    roles: dict[str, frozenset[str]]  # role noun -> the people the article introduced with it
    unknown: tuple[int, ...] = ()  # where a name stands that the names step did not take (a person it missed?)
    unnamed: tuple[tuple[int, str], ...] = ()  # (offset, f/m) of a gendered noun no person stands for ("the girl")
    # (where, word) of a word of a person's full name the names step gave nobody ("Kessler says" beside Kessler
    # Paving): whoever it is, a pronoun after it may be them, unless the one it would be given bears the word
    unclaimed: tuple[tuple[int, str], ...] = ()
    # person -> f/m for a pronoun: where the text tells, else the gender the given name mostly has
    # (names.yaml given_names, f or m only where one is ten times the other). Without it a "she said"
    # after "Judge Harriet Lind asked Tom Ruiz …" could go to either, where a reader never hesitates.
    # Not for a title: "Ms. Lee" among an Ann Lee the text calls a daughter and a Grace Lee it says
    # nothing of is the daughter, the one the text has told of (see _titled_person)
    pronoun_genders: dict[str, str] = field(default_factory=dict)
    # (role noun, person) -> where the text first introduced the person with the noun ("The captain, Gregory Haskell")
    introduced: dict = field(default_factory=dict, compare=False)
    resolved: dict = field(default_factory=dict, compare=False)  # speaker pronoun offset -> whom it was found to be
    # person -> the genders of the he or she speaker pronouns found to be them so far: one a "he said" was
    # found to be is no "she" of the next quotation (“…,” he said. “…,” she said.), whatever the name says
    resolved_as: dict = field(default_factory=dict, compare=False)
    # paragraph -> the people its top-level quotations were credited to so far (quotes.py fills it, in text
    # order): the turns of a conversation, for a reply whose "he said" leaves a doubt (see `_alternation`)
    turns: dict = field(default_factory=dict, compare=False)

    def pronoun_gender(self, person: str) -> str | None:
        """The gender a he or she may take the person for: pronoun_genders, else the one gender
        of the speaker pronouns found to be them so far."""
        return self.pronoun_genders.get(person) or _one(self.resolved_as.get(person))


@dataclass(frozen=True)
class Speaking:
    """A quotation whose speaker is being resolved: who may be meant, and who may not."""

    people: People
    outer: int | None = None  # the enclosing quotation, for a quote within a quote
    outer_known: bool = True  # whether the enclosing quotation has a speaker (a pronoun in it is theirs to mean)
    outer_start: int | None = None  # where the first part of the enclosing quotation starts
    exclude: frozenset[str] = frozenset()  # named in the quotation, or the enclosing quotation's speaker
    groups: tuple[Ref, ...] = ()  # the group "they" stood for in the quotation this one continues
    found_groups: list = field(default_factory=list, compare=False)  # groups resolved here, for the caller


class Capture:
    """One capture of a repeated group, seen as a match of its own by `group_refs`."""

    def __init__(self, m, group: str, a: int, b: int):
        self.re, self._group, self._span = m.re, group, (a, b)

    def spans(self, group: str):
        return [self._span] if group == self._group else []


# the word before a maiden name ("Edith, née Barlow")
_MAIDEN_BEFORE = regex.compile(r"(?<![\p{L}’'-])(?:née|nee|Née|Nee)\s+$")
# a possessive right after a name, of one ending in s too ("Darren's wife", "Voss' ex-wife"); relations.py reads it too
POSSESSOR_AFTER = regex.compile(r"[’']s\b|(?<=s)[’'](?![\p{L}’'])")


def group_refs(ctx: Context, names: Names, m, group: str, outer=(), speaking: Speaking | None = None) -> list[tuple[Ref, Span]]:
    """What each capture of a group of match m refers to, with the words that say so; none if m has no such group."""
    if group not in m.re.groupindex:
        return []
    out = []
    for a, b in m.spans(group):
        for ref in resolve_ref(ctx, names, a, b, outer, speaking):
            out.append((ref, ctx.span(a, b)))
    return out


def resolve_ref(ctx: Context, names: Names, a: int, b: int, outer: tuple[Role, ...] = (),
                speaking: Speaking | None = None) -> list[Ref]:
    """The story nodes the words text[a:b] refer to: a role phrase, a pronoun or a name.

    `outer` are the speakers of the quotation these words are quoted in, for "outer-speaker" roles;
    `speaking`, when the words name a quotation's speaker, is what a rule's `speaker:` resolves against.
    """
    words = ctx.text[a:b]
    if _MAIDEN_BEFORE.search(ctx.text, max(0, a - 6), a):
        return []  # "Mrs. Funmilayo Adeyemi-Cole, née Adeyemi, said": a maiden name is the person's before it, no one's
    if speaking is not None:
        mention = _mention_at(names, a, b)
        if (mention is not None and mention.titles and mention.ref.type == PERSON and " " in mention.ref.value
                and (mention.span.start, mention.span.end) == (a, b) and " " not in words
                and len(_full_bearers(ctx, names).get(words, ())) > 1):
            # "Mrs Ashworth" of several Ashworths, which the names step read by the title (his wife, not his
            # daughter); a surname one person bears is `titled`'s to weigh (Mr MacPhail may be her husband)
            return [mention.ref]
        if (mention is not None and " " not in words and generation_described(ctx.text, a, b)
                and len(_full_bearers(ctx, names).get(words, ())) > 1):
            # "said Pritchard senior" of Owen Pritchard and his father Gareth: which bearer is the elder the
            # text leaves to the reader; the names step gave the word to the first named
            return []
        found = titled(ctx, speaking, a, b)
        if found is not None:
            return found
        found = _just_introduced(ctx, speaking, names, a, b)
        if found is not None:
            return found
    for rule in ctx.rules["roles"]:
        m = ctx.run(rule, "fullmatch", words)
        if not m:
            continue
        ctx.hits[rule.id] += 1
        mode = rule.get("speaker")
        if speaking is not None and mode is not None:
            found = _as_speaker(ctx, names, rule, mode, m, a, speaking)
            if found is not None:
                return found
        return _as_refers(ctx, names, rule, m, a, outer, speaking)
    mention = _mention_at(names, a, b)
    if mention is not None:
        end = suffix_after(ctx.text, b)
        if end != b and SUFFIXES.get(ctx.text[b:end].strip()) != suffix(mention.ref.value):
            return []  # "their children, Rodel Jr., 7": the son, not the father the names step took Rodel for
        return [mention.ref]
    return []


def _as_refers(ctx: Context, names: Names, rule, m, a: int, outer, speaking: Speaking | None = None) -> list[Ref]:
    """What the words of a role rule refer to by its `refers`."""
    refers = rule.get("refers")
    if refers == "protagonist":
        # the rule's gender, else the one its noun tells ("the actress" is whom the article is about of hers)
        gender = rule.get("gender") or noun_genders(ctx).get((_WORD.findall(m.group()) or [""])[-1])
        owner = _clause_owner(ctx, names, a, gender)
        if owner is not None:
            return [owner]
        told = _told_genders(ctx, names) if gender else None
        name = protagonist(names, gender, told)
        lead = _lede_person(ctx, names)
        if name and lead and lead != name and names.counts[name] < 2 * names.counts[lead] \
                and (gender is None or (told or {}).get(lead, names.genders.get(lead)) in (None, gender)):
            return []  # the most named, not by far, and the one the lede is about differ: "the actress" may be either
        return [Ref("name", name, PERSON)] if name else []
    if refers == "protagonist-and-spouse":
        name = protagonist(names, None)
        if not name:
            return []
        me = Ref("name", name, PERSON)
        return [me, Ref("spouse-of", name, PERSON, inner=me)]
    if refers == "spouse-of":
        if "of" not in m.re.groupindex:
            return []
        oa, ob = m.span("of")
        inner = resolve_ref(ctx, names, a + oa, a + ob)
        return [Ref("spouse-of", r.value, PERSON, inner=r) for r in inner]
    if refers == "recent-group":
        return sorted({mm.ref for mm in _recent_group(ctx, names, a)})
    if refers == "paragraph-couple":
        return _paragraph_couple(ctx, names, a)
    if refers == "outer-speaker":
        if speaking is not None:
            # a speaker named by a bare surname the text leaves to several people is no one the I can be either
            undecided = {(c.start, c.end) for c in speaking.people.candidates if c.undecided}
            return [r.ref for r in outer if (r.span.start, r.span.end) not in undecided]
        return [r.ref for r in outer]
    return []


_WHO_CLAUSE = regex.compile(r",\s+who\s+[^,;.!?“”\"\n]{0,120}")


def _lede_person(ctx: Context, names: Names) -> str | None:
    """The person the lede names first in full: whom the article is about (worked out once per article)."""
    key = ("lede", id(names))
    if key not in ctx.memo:
        headline = ctx.article.meta.headline
        body = headline.end if headline is not None else 0
        ctx.memo[key] = next((m.ref.value for m in sorted(names.mentions, key=lambda m: m.span.start)
                              if m.span.start >= body and m.ref.kind == "name" and m.ref.type == PERSON
                              and len(counted_words(m.span.exact)) >= 2 and len(counted_words(m.ref.value)) >= 2),
                             None)
    return ctx.memo[key]


def _clause_owner(ctx: Context, names: Names, a: int, gender: str | None) -> Ref | None:
    """"Mayor Ann Lee, who has backed it since she was elected": a he or she inside a who-clause stands
    for the person the clause describes, not the one the article is about; None when a is in no such
    clause, or its person is of the other gender as the text tells it."""
    comma = ctx.text.rfind(", who ", max(0, a - 130), a)
    if comma < 0 or not _WHO_CLAUSE.fullmatch(ctx.text, comma, a):
        return None
    named = _mention_at(names, comma - 1, comma)  # the name that ends where the clause begins
    if named is None or named.span.end != comma or named.ref.type != PERSON or named.ref.kind != "name":
        return None
    told = _told_genders(ctx, names).get(named.ref.value) if gender else None
    return named.ref if told in (None, gender) else None


def _as_speaker(ctx: Context, names: Names, rule, mode: str, m, a: int, speaking: Speaking) -> list[Ref] | None:
    """Who a role rule's words name as a quotation's speaker, by its `speaker:`; None to fall back on `refers`."""
    if mode == "none":
        return []
    if mode == "nearest":
        person = antecedent(ctx, speaking, a, rule.get("gender"))
        speaking.people.resolved[a] = person
        if person and rule.get("gender"):
            speaking.people.resolved_as.setdefault(person, set()).add(rule.get("gender"))
        return [Ref("name", person, PERSON)] if person else []
    if mode == "group":
        group = named_group(ctx, names, speaking, a) or list(speaking.groups)
        speaking.found_groups.extend(group)
        return group
    if mode == "introduced":
        noun = m.group("noun") if "noun" in m.re.groupindex else (_WORD.findall(m.group()) or [""])[-1]
        key = _role_noun(ctx, noun)
        people = speaking.people.roles.get(key, frozenset())
        if len(people) > 1:
            # of several, the one introduced so far: "the county attorney said" after County Attorney Dana
            # Whitcomb is hers, whoever the article calls an attorney later ("Kimbrough's attorney, Mitchell
            # Greer"); one alone may be introduced after (“My dad told me …”, then "his father, Dennis")
            people = set(known_by_noun(ctx, speaking.people.roles, speaking.people.introduced, noun, a))
        elif people and key not in speaker_settings(ctx).get("kin_ties", {}) and not known_by_noun(
                ctx, speaking.people.roles, speaking.people.introduced, noun, a):
            # an office or a job is someone the reader has met: "the chairman said" before the article introduces
            # the works council's chairman is not his (a kinship noun may look ahead: "my dad", then "his father")
            return []
        before = ctx.text[a:a + (m.start("noun") if "noun" in m.re.groupindex else 0)].lower().split()
        office = speaker_words(ctx, "office_qualifiers")
        qualifiers = office | _TIME_QUALIFIERS
        said = [w for w in before if w in _TIME_QUALIFIERS]
        qualifier = [w for w in before if w in office]
        if len(people) > 1 and not qualifier:
            qualified = {p: _introduced_qualified(ctx, speaking.people.introduced, key, p, qualifiers) for p in people}
            if said:
                # "the former governor said", a former and a sitting one introduced: the one introduced as
                # a former one ("former Gov. Harold Whitcomb")
                people = {p for p in people if qualified[p] == said[-1]}
                return [Ref("name", next(iter(people)), PERSON)] if len(people) == 1 else []
            # "the mayor said" after "Mayor Ann Lee" and "then deputy mayor Tom Hale": the one who holds the
            # office itself, not a deputy, a former or an acting one
            people = {p for p in people if qualified[p] is None} or people
        if qualifier:
            # "the assistant coach said", where the article introduced a head coach: only one introduced with those
            # very words ("Vice President Sara Duterte … the vice president said")
            people = {p for p in people if _introduced_as(ctx, qualifier[-1], noun, p)}
            return [Ref("name", next(iter(people)), PERSON)] if len(people) == 1 else []
        if (len(people) == 1 and speaking.outer is not None and key in speaker_settings(ctx).get("kin_ties", {})
                and m.group().split(None, 1)[0].lower() not in ("her", "his", "their", "the")):
            # “When Mum rang and said, ‘…’” quoted from Emma: Emma's mother, not the woman the article introduced
            # as another's ("Ellie's mother, Michelle Tasker"), unless that other is the one quoting ("Her father
            # used to say" names its owner: the introduction may be of that one)
            owner = _named_possessor(ctx, speaking.people.introduced.get((key, next(iter(people)))), noun)
            if owner is not None and not any(owner in name_words(p) for p in speaking.exclude):
                return []
        if len(people) == 1:
            only = next(iter(people))
            if key in speaker_settings(ctx).get("kin_ties", {}) and _other_possessor(
                    ctx, speaking.people.introduced, m.group().split(None, 1)[0], noun, only):
                return []  # "his father says" of the one introduced as "her father, Ramón Delgado": another's father
            return [Ref("name", only, PERSON)]
        if not people and rule.get("refers") == "protagonist" and _described_another(ctx, names, noun, a):
            return []  # "Singer-actor Noel … “…,” the singer wrote": the singer the text introduced, not the star
        return [] if people else None
    if mode == "document":
        author = _document_author(ctx, speaking.people, m.group("noun") if "noun" in m.re.groupindex else m.group(), a)
        return [Ref("name", author, PERSON)] if author else []
    raise RuleError(rule.path, rule.line, rule.id, f"speaker must be one of {', '.join(SPEAKER_MODES)}, got {mode!r}")


_ANY_WORD = regex.compile(r"(?<![\p{L}’'])\p{L}[\p{L}-]*\.?")


def _introduced_qualified(ctx: Context, introduced: dict, key: str, person: str, qualifiers: frozenset[str]) -> str | None:
    """The word (quotes.yaml `office_qualifiers`, or one of time: former, late, then …) right before the role noun
    where the text first introduced the person with it ("then deputy mayor Tom Hale", "Ann Lee, the former
    coach", "former Gov. Harold Whitcomb"); None where none stands there."""
    at = introduced.get((key, person))
    if at is None:
        return None
    w = _WORD_BEFORE.search(ctx.text, max(0, at - 30), at)
    prev = w.group(1).lower() if w else None
    for word in _ANY_WORD.finditer(ctx.text, at, min(len(ctx.text), at + 160)):
        if _role_noun(ctx, word.group()) == key:
            return prev if prev in qualifiers else None
        prev = word.group().rstrip(".").lower()
    return None


# words of a sentence that tell of someone who reads out or passes on a document, not who wrote it
_NOT_THE_AUTHOR = regex.compile(r"(?<![\p{L}’'])(?:read|reads|reading|on\s+behalf\s+of|quoted|quoting|"
                                r"received|receives|got|sent\s+to|seen\s+by|obtained)(?![\p{L}’'-])", regex.I)


def _document_author(ctx: Context, people: People, noun: str, pos: int) -> str | None:
    """Who wrote "the statement" (a letter, an email) a quotation is credited to: the one person the nearest
    sentence before pos that speaks of such a document names, outside quotations, in the quotation's paragraph
    or the one before ("In a statement on Wednesday, Quintero said …"; "Marchetti issued a statement"), the
    sentence's subject of several; nobody where that sentence names no one, or tells of someone who reads out,
    passes on or receives it rather than wrote it ("Ann Lee read a statement from the family")."""
    here = paragraph_at(ctx, pos)
    if here < 0:
        return None
    start = ctx.paragraphs[max(here - 1, 0)][0]
    word = regex.compile(r"(?<![\p{L}’'-])" + regex.escape(noun.lower()) + r"s?(?![\p{L}’'-])", regex.I)
    told = [w for w in word.finditer(ctx.text, start, pos) if not ctx.in_quote(w.start())]
    if not told:
        return None
    sa, sb = ctx.sentence_of(told[-1].start())
    if _NOT_THE_AUTHOR.search(ctx.text, sa, sb):
        return None
    named = [c for c in people.candidates if sa <= c.start and c.end <= sb and c.quote is None]
    persons = {c.person for c in named}
    if len(persons) > 1:
        persons = {c.person for c in named if c.subject}
    if len(persons) != 1 or any(c.undecided for c in named if c.person in persons):
        return None
    return next(iter(persons))


# ------------------------------------------------------------------ the people of an article


def speaker_settings(ctx: Context) -> dict:
    return ctx.rules.settings["quotes"].get("settings", {}).get("speakers", {}) or {}


def article_people(ctx: Context, names: Names, events=()) -> People:
    """Where each person is named, their gender as the text tells it, and the roles it introduced them with;
    `events` (the article's, events.py) introduce the two people of an event by the nouns its kind gives them
    (quotes.yaml `event_roles`: the bride and the groom of the article's one wedding)."""
    settings = speaker_settings(ctx)
    mentions = sorted((m for m in names.mentions if m.ref.kind == "name" and m.ref.type == PERSON),
                      key=lambda m: (m.span.start, -m.span.end))
    introduced: dict[tuple[str, str], int] = {}
    roles = _introductions(ctx, mentions, settings, introduced)
    people = _people(ctx, names, mentions, roles, introduced, settings)
    extra = _event_roles(people, events, settings)
    if any(noun not in roles for noun, _, _ in extra):
        for noun, person, at in extra:
            if noun not in roles:
                _introduce(roles, introduced, noun, person, at)
        people = _people(ctx, names, mentions, roles, introduced, settings)
    return people


def _people(ctx: Context, names: Names, mentions: list[Mention], roles: dict[str, set[str]],
            introduced: dict[tuple[str, str], int], settings: dict) -> People:
    spots = [(m.span.start, m.span.end, m.ref.value) for m in mentions]
    ambiguous: list[tuple[int, int, str]] = []
    role_spots = _role_mentions(ctx, roles, spots, introduced, ambiguous)
    # a role phrase two people were introduced with is someone all the same: undecided, like a bare surname two bear
    role_spots += ambiguous
    spots = sorted(spots + role_spots)
    candidates = _candidates(ctx, spots, {(a, b) for a, b, _ in role_spots})
    age_spots = _age_mentions(ctx, mentions, candidates, _unknown_names(ctx, names, settings))
    if age_spots:
        role_spots += age_spots
        spots = sorted(spots + age_spots)
        candidates = _candidates(ctx, spots, {(a, b) for a, b, _ in role_spots})
    genders = _genders(ctx, names, mentions, candidates, settings)
    candidates = _retitled(ctx, candidates, genders)
    undecided = _undecided_surnames(ctx, mentions) | {(a, b) for a, b, _ in ambiguous}
    if undecided:
        candidates = [dataclasses.replace(c, undecided=True) if (c.start, c.end) in undecided else c
                      for c in candidates]
    by_name = {p: ctx.rules.given_gender(p) for p in {c.person for c in candidates}}
    pronoun_genders = {**{p: g for p, g in by_name.items() if g}, **genders}
    return People(tuple(candidates), genders, {k: frozenset(v) for k, v in roles.items()},
                  _unknown_names(ctx, names, settings), _unnamed_people(ctx, candidates, settings),
                  _unclaimed_name_words(ctx, names), pronoun_genders=pronoun_genders, introduced=dict(introduced))


def _event_roles(people: People, events, settings: dict) -> list[tuple[str, str, int]]:
    """(noun, person, where) for the nouns an event kind gives its people by gender (`event_roles`: a wedding's
    bride and groom): only when the article's events of that kind are all of the same two people, named, one
    a woman and one a man as the text (else the given name) tells; where: the first such event."""
    out = []
    for kind, nouns in (settings.get("event_roles", {}) or {}).items():
        told = [e for e in events if e.kind == kind]
        pairs = {frozenset(r.ref.value for r in e.roles if r.ref.type == PERSON and r.ref.kind == "name"
                           and r.role in ("attendee", "organizer")) for e in told}
        if len(pairs) != 1:
            continue
        pair = next(iter(pairs))
        by_gender = {people.pronoun_gender(p): p for p in pair}
        if len(pair) != 2 or set(by_gender) != {"f", "m"}:
            continue
        at = min(e.span.start for e in told)
        out.extend((noun, by_gender[g], at) for noun, g in nouns.items() if g in by_gender)
    return out


# "The 24-year-old", "the 61-year-old actor" opening a sentence (after a clause, perhaps): a person by their age
_AGE_SUBJECT = regex.compile(r"(?:[“\"‘]?[^,.;:!?“”\"‘’\n]{1,80},\s+)?(?P<phrase>[Tt]he\s+(?P<age>\d{1,3})-year-old"
                             r"(?:\s+(?P<noun>\p{Ll}[\p{L}-]*))?)(?![\p{L}-])")
# an age given with a name: "Ann Lee, 24," "Ann Lee (24)" / "24-year-old Ann Lee"
_AGE_AFTER = regex.compile(r"(?:,\s+|\s+\()(?P<age>\d{1,3})(?:,|\)|\s*$)")
_AGE_BEFORE = regex.compile(r"(?<![\d\p{L}])(?:(?:an?|the)\s+)?(?P<age>\d{1,3})-year-old\s+(?:(?P<noun>\p{Ll}[\p{L}-]*)\s+)?$")


def _age_mentions(ctx: Context, mentions: list[Mention], candidates: list[Candidate],
                  unknown: tuple[int, ...] = ()) -> list[tuple[int, int, str]]:
    """"The 24-year-old" as a sentence's subject, outside quotations: the one person the article gave that age
    ("Ann Lee, 24,", "24-year-old Ann Lee"); when it gave it to nobody, the one person that is the subject of
    the last sentence before, in its paragraph or the one before, that has a subject, unless the article gave
    that person another age. The news convention of naming again by age whom the text was just about."""
    text = ctx.text
    verbs = set(speaker_settings(ctx).get("reporting_verbs", ()))

    def noun(m) -> bool:  # the word after "-year-old" is a noun ("striker"), never the sentence's verb ("said")
        w = m.group("noun")
        return w is None or not (w in verbs or w.endswith("ed"))

    ages: dict[str, set[str]] = defaultdict(set)  # age -> people the text gives it
    told: dict[str, set[str]] = defaultdict(set)  # person -> ages the text gives them
    for m in mentions:
        a = _AGE_AFTER.match(text, m.span.end, min(len(text), m.span.end + 8))
        b = _AGE_BEFORE.search(text, max(0, m.span.start - 40), m.span.start)
        for found in (a, b if b and noun(b) else None):
            if found:
                ages[found.group("age")].add(m.ref.value)
                told[m.ref.value].add(found.group("age"))
    taken = [(c.start, c.end) for c in candidates]
    out = []
    for k, (s0, _) in enumerate(ctx.sentences):
        if ctx.in_quote(s0):
            continue
        m = _AGE_SUBJECT.match(text, s0, ctx.sentences[k][1])
        if not m:
            continue
        a, b = m.span("phrase") if noun(m) else (m.start("phrase"), m.end("age") + len("-year-old"))
        if ctx.in_quote(a) or any(x < b and a < y for x, y in taken):
            continue
        age = m.group("age")
        person = next(iter(ages[age])) if len(ages[age]) == 1 else None
        if person is None and not ages[age]:
            # the one person that is a subject, outside quotations, from the paragraph before up to the phrase,
            # where the text names nobody the names step missed (who might be the subject it means)
            here = paragraph_at(ctx, a)
            lo = ctx.paragraphs[here - 1][0] if here > 0 else ctx.paragraphs[here][0]
            subjects = {c.person for c in candidates if lo <= c.start and c.end <= a and c.quote is None and c.subject}
            if (len(subjects) == 1 and not (told.get(next(iter(subjects))) or {age}) - {age}
                    and not any(lo <= u < a for u in unknown)):
                person = next(iter(subjects))
        if person:
            out.append((a, b, person))
    return out


def noun_genders(ctx: Context) -> dict[str, str]:
    """Noun -> the gender it tells of whom it names ("son", "woman"): quotes.yaml's gendered_nouns and
    unnamed_nouns, made once per article."""
    table = ctx.memo.get("noun_genders")
    if table is None:
        settings = speaker_settings(ctx)
        table = ctx.memo["noun_genders"] = {w: g for k in ("gendered_nouns", "unnamed_nouns")
                                            for g, ws in settings.get(k, {}).items() for w in ws}
    return table


def _unnamed_people(ctx: Context, candidates: list[Candidate], settings: dict) -> tuple[tuple[int, str], ...]:
    """Where a gendered noun stands outside quotations for someone the text does not name ("the girl’s calm",
    "a woman in the crowd", "his son"): a person a he or she after it may mean, whom we cannot name."""
    nouns = noun_genders(ctx)
    taken = sorted((c.start, c.end) for c in candidates)
    prepositions = {w.lower() for w in settings.get("prepositions", ())}
    out = []
    for m in _GENDERED_PHRASE.finditer(ctx.text):
        noun = "w1" if m.group("w1") in nouns else "w2"
        gender = nouns.get(m.group(noun) or "")
        if gender is None or ctx.in_quote(m.start()):
            continue
        w = _WORD_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
        if w is not None and w.group(1).lower() in prepositions:
            continue  # "a birthday gift for his mother": the object of a preposition is nobody who speaks next
        end = m.end(noun)
        k = bisect.bisect_right(taken, (end, end)) - 1
        if any(a < end and m.start() < b for a, b in taken[max(0, k - 2):k + 1]):
            continue  # a role phrase the article introduced someone with ("her father, Tom Lee" ... "her father")
        out.append((m.start(), gender))
    return tuple(out)


def _unknown_names(ctx: Context, names: Names, settings: dict) -> tuple[int, ...]:
    """Where two or three capitalised words stand outside quotations that no mention covers ("His assistant,
    Sam Ray, agreed" when the names step missed Sam Ray): a person a pronoun may mean, whom we cannot name."""
    skip = {w.lower() for w in (*settings.get("prepositions", ()), *settings.get("function_words", ()))}
    # a date the date rules read ("Last November", "Christmas Eve") names no one
    covered = sorted([(m.span.start, m.span.end) for m in names.mentions] + _date_spans(ctx))
    months = {str(k) for k in (ctx.rules.settings.get("dates", {}) or {}).get("months", {}) or {}}
    out = []
    for m in _CAPITALISED.finditer(ctx.text):
        words = m.group().split()
        # "the Chicago Comets", "this Christmas Eve": a name after an article is a thing's, not a person's
        if _ARTICLE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()) or words[0].lower() in _ARTICLES:
            continue
        while words and words[0].lower() in skip:
            words.pop(0)
        if any(w in months for w in words[1:]) or (words and words[0] in months and _DIGIT_AFTER.match(ctx.text, m.end())):
            continue  # "Last November", "Early March 2024": a time (dates.yaml months), no person ("April Lee" may be)
        start = m.end() - len(" ".join(words)) if words else m.end()
        if len(words) < 2 or ctx.in_quote(start):
            continue
        i = bisect.bisect_right(covered, (m.end(), m.end())) - 1
        if any(a < m.end() and start < b for a, b in covered[max(0, i - 3):i + 1]):
            continue
        out.append(start)
    return tuple(out)


def _unclaimed_name_words(ctx: Context, names: Names) -> tuple[tuple[int, str], ...]:
    """Where a word of a person's full name stands alone, outside quotations, and no mention covers it: a
    surname the names step left to nobody, as both a person's and a firm's ("Kessler says" of Linda Kessler,
    in an article of Kessler Paving) or several people's. Someone is named there, whom we cannot tell:
    (where, the word)."""
    covered = sorted((m.span.start, m.span.end) for m in names.mentions)
    words = {w for m in names.mentions if m.ref.type == PERSON and len(counted_words(m.ref.value)) >= 2
             for w in name_words(m.ref.value) if " " not in w}
    text, out = ctx.text, []
    for start, end in name_uses(text, sorted(words)):
        # a word of its own: not after an initial's full stop or a hyphen, nor before a possessive or a hyphen
        if text[start - 1:start] in (".", "-") or text[end:end + 1] in ("’", "'", "-") or ctx.in_quote(start):
            continue
        i = bisect.bisect_right(covered, (end, end)) - 1
        if any(a < end and start < b for a, b in covered[max(0, i - 3):i + 1]):
            continue
        out.append((start, text[start:end]))
    return tuple(out)


_DIGIT_AFTER = regex.compile(r"\s+\d")


def _date_spans(ctx: Context) -> list[tuple[int, int]]:
    """Where the date rules (dates.yaml) match: words that tell a time, not a person."""
    out = ctx.memo.get("date_spans")
    if out is None:
        out = ctx.memo["date_spans"] = [(m.start(), m.end()) for rule in ctx.rules["dates"] for m in ctx.finditer(rule)]
    return out


def _role_noun(ctx: Context, word: str) -> str:
    """A title or role word as the noun it stands for: Gov. -> governor, Judge -> judge."""
    plain = word.rstrip(".").lower()
    settings = speaker_settings(ctx)
    plain = settings.get("familiar_kin", {}).get(plain, plain)  # Dad -> father
    return str(settings.get("title_abbreviations", {}).get(plain, plain))


def _introductions(ctx: Context, mentions: list[Mention], settings: dict,
                   first: dict[tuple[str, str], int] | None = None) -> dict[str, set[str]]:
    """Role noun -> the people named with it: a title before the name, a description beside it. `first`, when
    given, gets (noun, person) -> where the text first introduced the person with the noun."""
    if first is None:
        first = {}
    honorifics = {h.lower() for h in settings.get("honorifics", {})}
    abbreviations = {w.lower() for w in settings.get("title_abbreviations", {})}
    prepositions = set(settings.get("prepositions", ()))
    function_words = prepositions | set(settings.get("function_words", ()))
    kin = {w for ws in settings.get("gendered_nouns", {}).values() for w in ws}
    kin_titles = frozenset(settings.get("kin_title_words", ()))
    person_nouns = kin | set(settings.get("person_nouns", ())) | set(noun_genders(ctx))
    roles: dict[str, set[str]] = defaultdict(set)
    text = ctx.text
    # a joint name ("his daughter, Theresa (Marcus) Boateng") is one span of two people's mentions: the
    # words around it introduce the one it begins with, not the partner
    shared = Counter((m.span.start, m.span.end) for m in mentions)
    for m in mentions:
        s, e = m.span.start, m.span.end
        if shared[(s, e)] > 1 and not m.span.exact.startswith(m.ref.value.split()[0]):
            continue
        before = text[max(0, s - 100):s]
        near = before[-40:]
        t = _TITLE_BEFORE.search(near)
        if t and t.group("t").rstrip(".").lower() in honorifics:
            # "board chairperson Ms Hellen Gachanja", "Coach Mr Tom Hale": the office stands before the courtesy title
            t = _TITLE_BEFORE.search(near, 0, t.start())
        if t and _is_title(t.group("t"), honorifics, function_words, abbreviations):
            _introduce(roles, first, _role_noun(ctx, t.group("t")), m.ref.value, s - len(near) + t.start())
        d = _APPOS_BEFORE.search(before)
        # "Her daughter, Ellen Hardesty" introduces; "In the video, Chrissy" does not; after a preposition
        # only a kinship noun does ("founded by her father, Tom Lee")
        w = _WORD_BEFORE.search(before, 0, d.start()) if d else None
        # "Asked whether that was the deal, Teo sighed": the noun ends the question a reply opens with, and the
        # name after it is the one who answers, never in apposition ("Sitting beside him was his coach, Ito" is)
        opening = d is not None and _QUESTION_OPENING.fullmatch(text, ctx.sentence_of(s)[0], s) is not None
        # "It was their mother, Josette said, who first pushed": a name the attribution set in the clause says the
        # words, and is no one's mother
        aside = _SAID_ASIDE.match(text, e) is not None
        titled_kin = d is not None and d.group("head") in kin and not kin_titles.isdisjoint(
            w.lower() for w in before[d.start():d.start("head")].split())
        if d and not opening and not aside and not titled_kin and \
                not (w and w.group(1).lower() in prepositions and d.group("head") not in kin):
            _introduce(roles, first, _role_noun(ctx, d.group("head")), m.ref.value, s - len(before) + d.start())
        a = _APPOS_AFTER.match(text, e, min(len(text), e + 120))
        if a:
            _introduce(roles, first, _role_noun(ctx, a.group("head")), m.ref.value, s)
        # a title of a place, capitalised: "Prince Alaric, Duke of Wexmoor," / "the Bishop of Carrowmere, the Rt
        # Revd Anselm Thorne": "the Duke", "the Bishop" after it (a title that names a person, settings' nouns)
        for found in (_TITLE_OF_AFTER.match(text, e, min(len(text), e + 80)), _TITLE_OF_BEFORE.search(before)):
            if found and found.group("head").lower() in person_nouns:
                _introduce(roles, first, _role_noun(ctx, found.group("head")), m.ref.value, s)
    return roles


# a name, then a verb of saying and a comma: the attribution set inside a sentence ("…, Josette said, who …")
_SAID_ASIDE = regex.compile(r"\s+(?:said|says|recalled|recalls|added|adds|explained|explains|insisted|insists)\s*,")


def _introduce(roles: dict[str, set[str]], first: dict[tuple[str, str], int], noun: str, person: str, at: int) -> None:
    roles[noun].add(person)
    first[(noun, person)] = min(at, first.get((noun, person), at))


def _is_title(word: str, honorifics: set[str], function_words: set[str], abbreviations: set[str] = frozenset()) -> bool:
    """Whether the word right before a name is a title or role ("Judge", "coach", "Gov."), not a word of the
    sentence ("and", "by", "married"), nor the last word of the sentence before ("… of the rescue. Ann Lee")."""
    plain = word.rstrip(".").lower()
    if plain in honorifics or plain in function_words:
        return False
    if word.endswith(".") and plain not in abbreviations:
        return False
    return word[:1].isupper() or not plain.endswith("ed")


def _role_mentions(ctx: Context, roles: dict[str, set[str]], spots,
                   introduced: dict[tuple[str, str], int] | None = None,
                   ambiguous: list | None = None) -> list[tuple[int, int, str]]:
    """Role phrases that stand for the one person introduced with their noun ("her father", "the mayor"):
    the noun right after the determiner, or after one word more; never before the text introduced them so
    ("the veteran shrugged" when "veteran Ann Lee" comes paragraphs later: a reader cannot know it is her).
    `ambiguous`, when given, gets those outside quotations whose noun the text introduced several people
    with before it ("The governor" after Gov. Ramon dela Cruz Jr. and Gov. Ramon dela Cruz Sr.), each with
    the first of them: someone a pronoun after it may mean, whom we cannot tell."""
    out = []
    for m in _CAPITALISED_ROLE.finditer(ctx.text):
        if ctx.in_quote(m.start()) or any(a < m.end() and m.start() < b for a, b, _ in spots):
            continue
        people = known_by_noun(ctx, roles, introduced, m.group("noun"), m.start())
        if len(people) == 1:
            out.append((m.start(), m.end(), people[0]))
        elif people and ambiguous is not None:
            ambiguous.append((m.start(), m.end(), people[0]))
    for m in _ROLE_PHRASE.finditer(ctx.text):
        for g in ("noun", "next"):
            if m.start(g) < 0:
                break
            people = known_by_noun(ctx, roles, introduced, m.group(g), m.start())
            if not people:
                continue
            end = m.end(g)
            free = not any(a < end and m.start() < b for a, b, _ in spots)
            if _names_next(ctx, spots, end):
                break  # "The younger actor Tom Ashdown": the phrase describes the name after it, no one before
            if len(people) == 1:
                # inside a quotation "my brother" is the speaker's: the narration's roles do not hold there
                own = m.group("det").lower() in ("my", "our") and ctx.in_quote(m.start())
                if free and not own and not _other_possessor(ctx, introduced, m.group("det"), m.group(g), people[0]):
                    out.append((m.start(), end, people[0]))
                break
            # "the governor", not "her mother": a kinship noun is whose relative, which the introductions do not keep
            if ambiguous is not None and free and m.group("det").lower() == "the" and not ctx.in_quote(m.start()):
                ambiguous.append((m.start(), end, people[0]))
                break
    return out


_POSSESSIVE_AT = regex.compile(r"(?i)(?:his|her)(?![\p{L}’'])")


def _names_next(ctx: Context, spots, end: int) -> bool:
    """Whether a person's name begins right after text[:end], past one space: the words before end describe it."""
    nxt = end + 1
    return ctx.text[end:nxt] in (" ", "\u00a0") and any(a == nxt for a, _, _ in spots)


# a named possessor before a kinship noun: "Ellie's mother", "Ellie’s proud mother"
_NAMED_POSSESSOR = regex.compile(r"(?P<owner>\p{Lu}[\p{L}-]+)[’']s?\s+(?:[\p{Ll}-]+\s+)?(?P<noun>\p{Ll}+)")


def _named_possessor(ctx: Context, at: int | None, noun: str) -> str | None:
    """The name whose kin the introduction at `at` calls the person ("Ellie" of "Ellie's mother, Michelle
    Tasker"); None when a pronoun or nothing owns it there."""
    if at is None:
        return None
    key = _role_noun(ctx, noun)
    for m in _NAMED_POSSESSOR.finditer(ctx.text, max(0, at - 40), min(len(ctx.text), at + 60)):
        if _role_noun(ctx, m.group("noun")) == key and m.end() > at:
            return m.group("owner")
    return None


def _other_possessor(ctx: Context, introduced: dict | None, det: str, noun: str, person: str) -> bool:
    """Whether "her father" is another's father than the one introduced as "his father, Huw Vaughan": the
    possessives of the phrase and of the introduction tell two people's kin ("Efa was born while her father
    was away" of Efa's father Osian, whose own father is Huw)."""
    if introduced is None or det.lower() not in ("his", "her"):
        return False
    at = introduced.get((_role_noun(ctx, noun), person))
    told = _POSSESSIVE_AT.match(ctx.text, at) if at is not None else None
    return told is not None and told.group().lower() != det.lower()


def known_by_noun(ctx: Context, roles: dict[str, set[str]], introduced: dict | None, noun: str, pos: int) -> list[str]:
    """The people the text introduced with a role noun before pos, sorted: a reader knows no other ("the
    chairman of the committee, Gov. Ibrahim Dankaro": the phrase is his introduction, not a mention after it)."""
    key = _role_noun(ctx, noun)
    people = roles.get(key, ())
    return sorted(p for p in people if introduced is None or introduced.get((key, p), -1) <= pos)


def _candidates(ctx: Context, spots, roles: set[tuple[int, int]] = frozenset()) -> list[Candidate]:
    """Each place a person is named, with its quotation, sentence and paragraph, and whether it is a subject:
    the first person of its sentence in a subject's place, with those coordinated with them ("Ann Lee and her
    husband, Tom Hale, spoke"): a pronoun then picks among them by gender."""
    text = ctx.text
    starts = ctx.sentence_starts
    verbs = set(speaker_settings(ctx).get("reporting_verbs", ()))
    out: list[Candidate] = []
    run: tuple[int, int | None] | None = None  # (sentence, quotation) whose subject run is open
    seen: set[tuple[int, int | None]] = set()
    for k, (s, e, person) in enumerate(spots):
        quote = innermost_quote(ctx, s)
        si = bisect.bisect_right(starts, s) - 1
        sent_start = ctx.sentences[si][0] if si >= 0 else 0
        key = (si, quote)
        nxt = spots[k + 1] if k + 1 < len(spots) else None
        prev = spots[k - 1] if k > 0 else None
        # "Marlow State coach Renee Whitcombe": the first name only qualifies the second
        # (a name, not a role phrase: "Luis Vega recalled their father's advice" has Luis Vega for its subject)
        # The word between is a noun there, never a verb: "Judge Ann Lee asked Tom Ruiz" has Ann Lee for
        # its subject (a past tense, or a reporting verb, is the sentence's verb)
        between = _ONE_WORD_BETWEEN.fullmatch(text, e, nxt[0]) if nxt is not None else None
        modifier = (between is not None and nxt[2] != person and (nxt[0], nxt[1]) not in roles
                    and not _COORDINATED.fullmatch(text, e, nxt[0])
                    and not between.group("w").endswith("ed") and between.group("w") not in verbs)
        joined = prev is not None and _COORDINATED.fullmatch(text, prev[1], s) is not None
        if run == key and joined and text[e:e + 2] in _POSSESSIVE:
            # "Tama and Peg's daughter, Anahera, flew home": the pair owns the subject, neither is it
            out = [dataclasses.replace(c, subject=False) if (c.sentence, c.quote) == key and c.subject else c
                   for c in out]
            seen.discard(key)
            run, subject = None, False
        elif run == key and joined:
            subject = True  # coordinated with the subject before it
        else:
            run = None
            subject = (key not in seen and not modifier and not text[e:e + 2] in _POSSESSIVE
                       and (_SUBJECT_PREFIX.fullmatch(text, sent_start, s) is not None
                            # "According to Ronan, the idea came …": the one the sentence's words come from is whom
                            # it is about, and whom a he after it goes on with
                            or _ACCORDING_TO.fullmatch(text, sent_start, s) is not None and text[e:e + 1] == ",")
                       and not _described_next(ctx, e) and not _PRONOUN_CLAUSE_NEXT.match(text, e))
            # "Jack plays Aussie rules, according to Damien. “He reckons …,” he said": the one the sentence's words
            # come from stands beside its subject; a he after it may be either
            subject = subject or _ACCORDING_BEFORE.search(text, max(0, s - 16), s) is not None
        if subject:
            seen.add(key)
            run = key
        out.append(Candidate(s, e, person, quote, si, paragraph_at(ctx, s), subject, (s, e) in roles))
    return out


# a pronoun and its verb right after a name and its comma: "Speaking from the home of the couple's daughter, Sharon
# Pruitt, she said": the name ends the phrase before the subject, which is the pronoun, someone else
_PRONOUN_CLAUSE_NEXT = regex.compile(r",\s+(?P<p>he|she|they|I|we)\s+\p{Ll}")
# a description and its verb right after a name and its comma: "Led in evidence by counsel, Barrister Ann Lee, the
# witness said": the name ends the phrase before the subject, which is the description
_DESCRIBED_NEXT = regex.compile(r",\s+" + _DESCRIPTION_VERB)
_LOWER_WORDS = regex.compile(r"(?:\s+\p{Ll}[\p{L}’'-]*){1,3}")
_DESCRIBED_NEXT_WORDS = regex.compile(r",\s+[Tt]he\s+(?P<words>[\p{L}\d][\p{L}\d’'-]*(?:\s+[\p{L}\d][\p{L}\d’'-]*){0,5})")


def _described_next(ctx: Context, end: int) -> bool:
    """Whether a description and a verb follow the name ending at `end` (see _DESCRIBED_NEXT); not a
    preposition or a function word after the noun ("Ann Lee, the coach of the year"). The noun may be any of the
    first words after "the": "…, Okyeame Kwaku Danso, the new chief pledged" has "chief" for its noun, not "new"."""
    if _DESCRIBED_NEXT.match(ctx.text, end) is None:
        return False
    words = _DESCRIBED_NEXT_WORDS.match(ctx.text, end).group("words").split()  # matches where _DESCRIBED_NEXT does
    verbs, prepositions = speaker_words(ctx, "reporting_verbs"), speaker_words(ctx, "prepositions")
    for i in range(1, len(words)):
        verb = words[i + 1] if words[i].endswith("ly") and i + 1 < len(words) else words[i]
        if not (words[i - 1][:1].islower() and verb[:1].islower()):
            continue
        if verb in verbs or (verb.endswith("ed") and verb not in prepositions):
            return True
    return False


def paragraph_at(ctx: Context, pos: int) -> int:
    """ctx.paragraph_of by bisection: the quotes step asks it for every person, event and quotation."""
    i = bisect.bisect_right(ctx.paragraphs, (pos, float("inf"))) - 1
    return i if i >= 0 and pos <= ctx.paragraphs[i][1] else -1


def innermost_quote(ctx: Context, pos: int) -> int | None:
    """The deepest quotation around pos, by bisection (asked for every person named in the article).

    Quotations nest (scan_quotes closes a quotation only with everything opened inside it), so those
    around pos are one chain, each deeper than the one it sits in; and the innermost of them is, of the
    quotation starting last at or before pos, itself or the first one it sits in that reaches past pos.
    """
    if not ctx.in_quote(pos):
        return None
    index = ctx.memo.get("innermost_quote")
    if index is None:
        order = sorted(range(len(ctx.quotes)), key=lambda i: ctx.quotes[i].start)
        around: dict[int, int | None] = {}  # quotation -> the one it sits in, by their spans
        open_: list[int] = []
        for i in order:
            while open_ and ctx.quotes[open_[-1]].end <= ctx.quotes[i].start:
                open_.pop()
            around[i] = open_[-1] if open_ else None
            open_.append(i)
        index = ctx.memo["innermost_quote"] = ([ctx.quotes[i].start for i in order], order, around)
    starts, order, around = index
    k = bisect.bisect_right(starts, pos) - 1
    best = order[k] if k >= 0 else None
    while best is not None and not ctx.quotes[best].start <= pos < ctx.quotes[best].end:
        best = around[best]
    return best


def _genders(ctx: Context, names: Names, mentions: list[Mention], candidates: list[Candidate], settings) -> dict[str, str]:
    """Person -> f/m where the text tells; a person the text gives both is left without."""
    text = ctx.text
    honorifics = {k.lower(): v for k, v in settings.get("honorifics", {}).items()}
    nouns = {w: g for g, ws in settings.get("gendered_nouns", {}).items() for w in ws}
    # "The old man is Dessie Driscoll": a noun of a person of a gender right before the name tells it too
    before_nouns = {**{w: g for g, ws in settings.get("unnamed_nouns", {}).items() for w in ws}, **nouns}
    possessive = {"her": "f", "his": "m"}
    prepositions = set(settings.get("prepositions", ()))
    told: dict[str, set[str]] = defaultdict(set)  # by a title or a noun beside the name
    shared = _shared_surnames(mentions)
    for m in mentions:
        s, e = m.span.start, m.span.end
        before = text[max(0, s - 40):s]
        h = _title_patterns(ctx)[0].search(before)
        # "Ms. Halloran" tells a gender only of the one Halloran it can be: the only one, or the only
        # one named so far (a reader cannot mean a Halloran the text has not introduced yet)
        if h and h.group("h").lower() in honorifics:
            titled_one = m.ref.value if m.span.exact not in shared else _only_bearer_so_far(mentions, m.span.exact, s)
            if titled_one:
                told[titled_one].add(honorifics[h.group("h").lower()])
        n = _NOUN_BEFORE.search(before)
        # a possessor after the noun is someone else ("their mother, Darren's wife Shelley": not Darren)
        if n and n.group("n") in before_nouns and n.group("mid") not in prepositions \
                and not ("," in n.group(0) and _VERB_AFTER.match(text, e)) and not POSSESSOR_AFTER.match(text, e):
            told[m.ref.value].add(before_nouns[n.group("n")])
        n = _NOUN_AFTER.match(text, e, min(len(text), e + 60))
        if n and n.group("n") in nouns:
            told[m.ref.value].add(nouns[n.group("n")])
        p = _AND_POSSESSIVE.match(text, e, min(len(text), e + 12))
        if p:
            told[m.ref.value].add(possessive[p.group("p")])
    guessed = _pronoun_genders(ctx, candidates)
    out: dict[str, str] = {}
    for person in {c.person for c in candidates}:
        for source in (({names.genders[person]} if person in names.genders else set()), told.get(person, set()),
                       guessed.get(person, set())):
            if len(source) == 1:
                out[person] = next(iter(source))
                break
            if source:
                break  # the text says both: unknown
    return out


def _undecided_surnames(ctx: Context, mentions: list[Mention]) -> set[tuple[int, int]]:
    """Where a bare surname stands that two people named in full before it bear, neither of them the one
    the article names in full first: the text does not say which of them it is ("Ruairí Ó Súilleabháin, the
    manager's nephew ... Diarmuid Ó Súilleabháin, who took charge in 2021 ... Ó Súilleabháin said"), and
    the person sieve (graph/resolve/people.py) leaves it to no one; a he or she after it then follows no one.
    """
    fulls = [(m.span.start, m.span.end, m.ref.value) for m in mentions
             if len(counted_words(m.alias or m.span.exact)) >= 2]
    headline = ctx.article.meta.headline
    body = headline.end if headline is not None else 0
    # the person the article is about: the first named in full after the headline (a dateline's
    # abbreviation, "SILVERTON CREEK, Calif. — Theo Lindqvist and ...", may end a sentence before them)
    lead = next((v for a, _, v in sorted(fulls) if a >= body), None)
    # people named at once with another ("Twin sisters Maddie and Ruby Ashcombe"): a bare surname means neither alone
    spans: dict[tuple[int, int], set[str]] = defaultdict(set)
    for a, b, v in fulls:
        spans[(a, b)].add(v)
    paired = {v for vs in spans.values() if len(vs) > 1 for v in vs}
    if lead in paired:
        lead = None
    out = set()
    # a bare name a father and his son bear that the names step left bare: nothing said which of them
    namesakes = namesakes_of(v for _, _, v in fulls)
    out.update((m.span.start, m.span.end) for m in mentions if m.ref.value in namesakes)
    first: dict[str, bool] = {}  # a surname keeps what its first use was (the sieve's "established")
    for m in sorted(mentions, key=lambda m: m.span.start):
        surface = counted_words(m.alias or m.span.exact)
        if len(surface) != 1 or _SHORT_TITLE.search(ctx.text[max(0, m.span.start - 12):m.span.start]):
            continue  # "Mrs Haddad": a title says which of them it is (_retitled)
        if generation_described(ctx.text, m.span.start, m.span.end):
            # "Pōhatu senior", "the elder Pōhatu" among a father and son named in full: which of them is
            # older the text leaves to the reader (names.py reads it only of a Sr. and a Jr.)
            if len({v for a, b, v in fulls if counted_words(v)[-1:] == surface}) > 1:
                out.add((m.span.start, m.span.end))
                continue
        givers = {v for a, b, v in fulls if b <= m.span.start and counted_words(v)[:1] == surface}
        if givers and any(b <= m.span.start and counted_words(v)[-1:] == surface and v not in givers
                          for a, b, v in fulls):
            out.add((m.span.start, m.span.end))  # her surname, her father's given name (Zoya Farhan, Farhan Qureshi)
            continue
        if surface[0] not in first:
            bearers = {v for a, b, v in fulls if b <= m.span.start and counted_words(v)[-1:] == surface}
            if not bearers:
                continue  # somebody of their own until a full name of them comes
            # one of them named more often so far is the one the article keeps returning to (the father
            # of newborn twins of his name, not the twins): the names step's choice stands when it is that one
            seen = Counter(x.ref.value for x in mentions if x.span.end <= m.span.start and x.ref.value in bearers)
            top = seen.most_common(2)
            kept = (len(top) == 1 or (len(top) == 2 and top[0][1] > top[1][1])) and top[0][0] not in paired
            first[surface[0]] = len(bearers) > 1 and lead not in bearers and not (kept and top[0][0] == m.ref.value)
        if first[surface[0]]:
            out.add((m.span.start, m.span.end))
            continue
        # "Vice President Kayla Brooks, who is not related to the senator, presided. … Brooks told senators": a
        # bearer named in full as a subject in the bare name's paragraph, and the names step gave it to another,
        # who is not the one the article is about: the text does not say which
        p = paragraph_at(ctx, m.span.start)
        named = [(b, a, v) for a, b, v in fulls if b <= m.span.start and counted_words(v)[-1:] == surface]
        recent = max((n for n in named if paragraph_at(ctx, n[1]) == p), default=None)
        if recent is not None and recent[2] != m.ref.value and m.ref.value != lead and \
                _OPENING_TITLES.fullmatch(ctx.text, ctx.sentence_of(recent[1])[0], recent[1]):
            out.add((m.span.start, m.span.end))  # (named as a sentence's subject, not in passing: "her husband, Dr. Sam Dunn")
            continue
        # "“…,” said Erik Halvorsen." then a paragraph opening "Halvorsen said …": the one who just spoke, named in
        # full as the last of the bearers, not another the names step chose (the founder, Nils Halvorsen)
        last = max(named, default=None)
        if last is not None and last[2] != m.ref.value and paragraph_at(ctx, last[1]) == p - 1 \
                and ctx.paragraphs[p][0] == m.span.start and _SAID_BEFORE.search(ctx.text, max(0, last[1] - 12), last[1]):
            out.add((m.span.start, m.span.end))
    return out


# the verb of an attribution written before the speaker's name, after the quotation: "…,” said Erik Halvorsen
_SAID_BEFORE = regex.compile(r"[,?!—–-][”\"’]?\s+(?:said|says|added|adds|explained|recalled)\s+$")
# the capitalised words (titles, offices) that may open a sentence before its subject's name
_OPENING_TITLES = regex.compile(r"[“\"‘]?(?:\p{Lu}[\p{L}.’'-]*\s+){0,4}")


def _shared_surnames(mentions: list[Mention]) -> set[str]:
    """Single names that end the full names of two or more people of the article (Walter and Tom Pruett)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if len(counted_words(m.ref.value)) >= 2:
            owners[surname(m.ref.value)].add(m.ref.value)
    return {w for w, people in owners.items() if len(people) > 1}


def _only_bearer_so_far(mentions: list[Mention], word: str, pos: int) -> str | None:
    """The one person named in full before pos whose surname is word; None when none or several."""
    bearers = {m.ref.value for m in mentions
               if m.span.end <= pos and len(counted_words(m.ref.value)) >= 2 and surname(m.ref.value) == word}
    return next(iter(bearers)) if len(bearers) == 1 else None


def titled(ctx: Context, speaking: Speaking, a: int, b: int) -> list[Ref] | None:
    """A speaker written with a title and a surname the article gives two people ("Ms. Hardesty" after Ellen
    and George Hardesty): the one `_by_title` picks, nobody when it picks none. None when the words are no
    such name."""
    found = _titled_person(ctx, speaking.people.candidates, speaking.people.genders, a, b)
    if found is None:
        return None
    return [Ref("titled", found, PERSON)] if found else []


def titled_name(ctx: Context, names: Names, a: int, b: int) -> str | None:
    """`_titled_person` for words outside a quotation's attribution (a family tie's "Mzee Cheruiyot's wife"): the
    article's people are worked out once, and only where a title stands before the words."""
    if not _title_before(ctx, a):
        return None
    people = _narrated_people(ctx, names)
    return _titled_person(ctx, people.candidates, people.genders, a, b)


def _narrated_people(ctx: Context, names: Names) -> People:
    """The article's people (`article_people`) for words read outside a quotation's attribution, worked out once."""
    people = ctx.memo.get("titled_people")
    if people is None:
        people = ctx.memo["titled_people"] = article_people(ctx, names)
    return people


# words that set an office's holder apart from the one the article introduced with it ("the late governor")
_TIME_QUALIFIERS = frozenset({"late", "former", "ex", "previous", "outgoing", "incoming", "new", "acting", "interim", "then"})
# "the defendant", "the new mayor": a role phrase whose last word is the noun an article introduces someone with
_INTRODUCED_PHRASE = regex.compile(r"[Tt]he\s+(?:[\p{Ll}-]+\s+){0,2}(?P<noun>\p{Ll}[\p{Ll}-]+)")


def introduced_name(ctx: Context, names: Names, a: int, b: int) -> str | None:
    """Whom a role phrase text[a:b] outside an attribution stands for ("the defendant's mother, Sharon
    Merriweather"): the one person the article introduced before it with the phrase's noun ("defendant Travis
    Merriweather", "Travis Merriweather, the defendant"); None when it introduced nobody or several so, or
    the words are no such phrase. The speaker's `introduced` reading, for a family tie's possessor."""
    m = _INTRODUCED_PHRASE.fullmatch(ctx.text, a, b)
    if m is None:
        return None
    before = set(ctx.text[a:m.start("noun")].lower().split()[1:])
    if before & _TIME_QUALIFIERS or before & speaker_words(ctx, "office_qualifiers"):
        return None  # "the late governor's widow" after Governor Ochola: his predecessor, whom the text did not introduce so
    people = _narrated_people(ctx, names)
    found = known_by_noun(ctx, people.roles, people.introduced, m.group("noun"), a)
    return found[0] if len(found) == 1 else None


def _bears_surname(ctx: Context, person: str, word: str) -> bool:
    """Whether `word` is the surname of the full name `person`: its last word, or the first of a name written
    family name first ("Madam Goh" of Goh Lay Hoon), as the names step reads such names."""
    return surname(person) == word or (
        family_name_first(person, ctx.rules.given_names) and name_tokens(person)[0] == word)


def _titled_person(ctx: Context, candidates, genders: dict[str, str], a: int, b: int) -> str | None:
    """For text[a:b] a surname two people of the article bear, written after a title: the one person it names
    ("" when the text leaves a doubt); None when the words are no such name."""
    honorifics = {k.lower(): v for k, v in speaker_settings(ctx).get("honorifics", {}).items()}
    h = _title_before(ctx, a)
    word = ctx.text[a:b]
    if h and " " not in word and h.group("h").lower() not in honorifics:
        return _by_office_title(ctx, candidates, h.group("h"), word, a)
    if not h or h.group("h").lower() not in honorifics or " " in word:
        return None
    owners = {c.person for c in candidates if " " in c.person and _bears_surname(ctx, c.person, word)}
    gender = honorifics[h.group("h").lower()]
    if len(owners) == 1:
        # "Mrs MacPhail" and "Mr MacPhail" where one MacPhail only is named in full: two people go by the
        # surname, and the title names the one named in full only where the text (else the given name)
        # says that one is of the title's gender
        (owner,) = owners
        if len(_title_genders(ctx, honorifics).get(word, ())) < 2:
            return None
        told = genders.get(owner) or ctx.rules.given_gender(owner)
        return owner if told == gender else ""
    if not owners:
        return None
    # a reader knows only the people named so far ("Ms. Lee said" never means an Ann Lee introduced later),
    # and a title does not name one the text, or failing it the given name, says is of the other gender
    named = [c for c in candidates if c.person in owners and c.end <= a and ctx.text[c.start:c.end] != word
             and genders.get(c.person, ctx.rules.given_gender(c.person)) in (None, gender)]
    fits = sorted({c.person for c in named})
    # one the article says has died ("Madam Lim's late husband, Mr Teo Ah Huat, who died in 2011") says nothing now,
    # where a living bearer may be the one
    living = [p for p in fits if not _told_dead(ctx, [c for c in named if c.person == p])]
    if living and len(living) < len(fits):
        fits = living
        named = [c for c in named if c.person in living]
    if len(fits) > 1:
        # "Mr Gallagher was discharged yesterday. Ciarán Gallagher remains in hospital": one the text names in full
        # after it first wrote the title and the surname is set apart from them, so the title is someone else's
        first = _titled_word(h.group("h"), word).search(ctx.text, 0, a)
        if first is not None:
            apart = {c.person for c in named if c.start > first.end() and c.quote is None and not c.role
                     and " " in ctx.text[c.start:c.end]}
            # unless the reader has just met one of them speaking ("Luca Benedetti, the couple's son, told the
            # court …" then "Mr Benedetti said"): the title calls back that one (of the title's gender or of none
            # the text tells, as every one of `fits`)
            just_met = _met_speaking(ctx, candidates, [c for c in named if c.person in apart], a)
            if len(just_met) == 1:
                return next(iter(just_met))
            rest = [p for p in fits if p not in apart]
            if len(rest) == 1 and not just_met:
                return rest[0]
    if len(fits) == 1:
        return fits[0]
    if not fits:  # "Mr Thwaite" where only his daughters were named before: a man the text has not named
        return ""
    # "Mr. Lee" after "Mr. Tom Lee" and a Lord Hugh Lee: the one the article introduced with that very title
    same = {c.person for c in named if " " in ctx.text[c.start:c.end] and _same_title(ctx, c.start, h.group("h"))}
    if len(same) == 1:
        return next(iter(same))
    # "Mrs Ashworth" after "Fiona Ashworth" and her daughter "Ellie, 22": a title and a surname call back the
    # one the reader has seen written with that surname, not one so far named only by her given name
    written = {c.person for c in named if surname(ctx.text[c.start:c.end]) == word}
    if len(written) == 1:
        return next(iter(written))
    # the one named since the paragraph before ("Her mother, Grace Lee, said …"), and the one the article names
    # far more often than the others (news calls its subject "Mr. Lee", his relatives by their full names):
    # each is a reader's guess; when they disagree the title names nobody for sure
    # (a name inside a quotation is someone the quotation speaks of: never the one named as speaking)
    recent = {c.person for c in named if c.quote is None and paragraph_at(ctx, c.start) >= paragraph_at(ctx, a) - 1}
    counts: dict[str, int] = defaultdict(int)
    for c in candidates:
        if not c.role and ctx.text[c.start:c.end] != word:
            counts[c.person] += 1
    ranked = sorted(fits, key=lambda p: -counts[p])
    salient = {ranked[0]} if counts[ranked[0]] >= max(3, 2 * counts[ranked[1]]) else set()
    def told(p: str) -> str | None:  # what the text says, else the given name
        return genders.get(p) or ctx.rules.given_gender(p)

    if salient and told(ranked[0]) != gender:
        # the most named, of a gender neither the text nor the given name tells, against one that is of the
        # title's ("Ms Mulvihill" after a son Cian and his parents Declan and Siobhán Mulvihill) or may be
        # ("Mrs Qotyana" after Nosipho Qotyana, then her sons, the elder named most)
        salient = set()
    if len(recent) == 1 and not salient:
        # named last, and named most often or as someone speaking ("Her mother, Grace Lee, said …"); named
        # last only ("Her cousin, Tessa Lee, painted the sign"), a guess against the article's habit
        last = next(iter(recent))
        if told(last) is None:
            # named last, but of a gender neither the text nor the given name tells, against others who may
            # be of the title's ("Mrs Qotyana" after Nosipho Qotyana and then her son Lwando): a guess
            return ""
        speaking = any(c.person == last and c.quote is None and _reports(ctx, c) for c in named)
        return last if speaking or all(counts[last] >= counts[p] for p in fits) else ""
    if len(recent) == 1 or salient:
        guesses = (recent if len(recent) == 1 else set()) | salient
        return next(iter(guesses)) if len(guesses) == 1 else ""
    # one already given words (the subject of a verb of reporting, outside quotations): the one a title may
    # name when the text also says it is of the title's gender
    spoke = {c.person for c in named if c.quote is None and c.subject and not c.role and _reports(ctx, c)}
    return _by_title(ctx, fits, gender, genders, spoke) or ""


_LATE_BEFORE = regex.compile(r"(?<![\p{L}])(?:the\s+)?late\s+(?:[\p{Ll}’'-]+\s+){0,2}?(?:[\p{Ll}]+,\s+)?(?:\p{Lu}\p{Ll}{1,3}\.?\s+)?$")
# "X, who died in 2011"; "Cian Moloney (24), from Rathcullen, on the outskirts of Cork, died at Kilcrennan Strand"
_DIED_AFTER = regex.compile(r"(?:\s*\(\d{1,3}\)|,\s*\d{1,3}(?=,))?(?:,\s*(?:from|of)\s[^.;:“”\"]{1,80}?,)?,?\s*"
                            r"(?:(?:who|which)\s+(?:had\s+)?)?(?:died|drowned|passed\s+away)\b")


def _told_dead(ctx: Context, named: list) -> bool:
    """Whether the text, where it names a person in full, says they have died: "the late X", "her late husband,
    Mr X", "X, who died in 2011"."""
    for c in named:
        if " " not in ctx.text[c.start:c.end]:
            continue
        if _LATE_BEFORE.search(ctx.text, max(0, c.start - 40), c.start) or _DIED_AFTER.match(ctx.text, c.end):
            return True
    return False


def _by_office_title(ctx: Context, candidates, title: str, word: str, a: int) -> str | None:
    """A surname after a title of office of no gender ("Rev Marsden", "Cllr Rhys"), where two or more people named in
    full before bear it: the one of them the article introduced with that very title or its long form ("The Rev
    Helen Marsden … Her husband, Martin Marsden … Rev Marsden said"); None where no one or several were, for the
    other readings to weigh. A degree is no such title: the article may give it later to another bearer, whom it
    never introduced with it ("Dr. Raghunathan was finishing her residency" of the bride, after her mother, Dr.
    Lakshmi Raghunathan)."""
    forms = _office_forms(ctx, title)
    if not forms:
        return None
    owners = {c.person for c in candidates if " " in c.person and surname(c.person) == word and c.end <= a}
    if len(owners) < 2:
        return None
    same = {c.person for c in candidates if c.person in owners and c.end <= a and " " in ctx.text[c.start:c.end]
            and forms & title_words_before(ctx, c.start)}
    return next(iter(same)) if len(same) == 1 else None


def _office_forms(ctx: Context, title: str) -> frozenset[str]:
    """A title of office of quotes.yaml that goes before a surname alone, with its long or short form (rev,
    reverend), lower-cased; empty for a word that is no such title, and for a degree (Dr, Prof)."""
    short = title_abbreviations(ctx)
    degrees = speaker_set(ctx, "degree_titles")
    t = title.lower()
    if t not in speaker_set(ctx, "surname_titles") and t not in short or t in degrees or short.get(t) in degrees:
        return frozenset()
    return title_forms(ctx, t)


def _title_genders(ctx: Context, honorifics: dict[str, str]) -> dict[str, set[str]]:
    """Each word the article writes after a title (Mr, Mrs, Lady …) -> the genders of those titles, read once."""
    found = ctx.memo.get("title_genders")
    if found is None:
        found = ctx.memo["title_genders"] = defaultdict(set)
        for t in _title_patterns(ctx)[1].finditer(ctx.text):
            if t.group("h").lower() in honorifics:
                w = _NEXT_WORD.match(ctx.text, t.end())
                if w:
                    found[w.group()].add(honorifics[t.group("h").lower()])
    return found


def _title_before(ctx: Context, pos: int):
    """The title (an honorific of the rules) standing right before the name at pos, as a match; None if none."""
    before, _, reach = _title_patterns(ctx)
    return before.search(ctx.text, max(0, pos - reach), pos)


@lru_cache(maxsize=256)
def _titled_word(title: str, word: str):
    """A title and a surname written together ("Mr Gallagher", "Mr. Gallagher"), compiled once for the pair."""
    return regex.compile(r"(?<![\p{L}’'-])" + regex.escape(title) + r"\.?\s+" + regex.escape(word) + r"(?![\p{L}’'-])")


def _same_title(ctx: Context, pos: int, title: str) -> bool:
    """Whether the title (an honorific: Mr, Ms, Lady) stands right before the name at pos, with or without its period."""
    h = _title_before(ctx, pos)
    return h is not None and h.group("h").lower() == title.lower()


def speaker_words(ctx: Context, key: str) -> frozenset[str]:
    """A list of quotes.yaml `speakers` (reporting_verbs, prepositions …) as a set, read once per article."""
    words = ctx.memo.get(("speaker_words", key))
    if words is None:
        words = ctx.memo[("speaker_words", key)] = frozenset(speaker_settings(ctx).get(key, ()))
    return words


def _says_next(ctx: Context, c: Candidate) -> bool:
    """Whether the person c is the subject of a parenthetical attribution: a verb of reporting right after them,
    then a comma ("It was Huw, Vaughan says, who kept him going")."""
    w = _WORD.match(ctx.text, c.end + 1) if ctx.text[c.end:c.end + 1] == " " else None
    return w is not None and ctx.text[w.end():w.end() + 1] == "," and w.group() in speaker_words(ctx, "reporting_verbs")


def _reports(ctx: Context, c: Candidate) -> bool:
    """Whether a verb of reporting (quotes.yaml `reporting_verbs`) follows the person c in their sentence."""
    verbs = speaker_words(ctx, "reporting_verbs")
    _, b = ctx.sentences[c.sentence]
    return any(w in verbs for w in _WORD.findall(ctx.text, c.end, b))


def _by_title(ctx: Context, fits: list[str], gender: str, genders: dict[str, str],
              spoke: set[str] = frozenset()) -> str | None:
    """Of several people named so far who bear a surname and may be of a title's gender, the one it names: the
    one the text says is of that gender, when the text has also given them words and no other of them; else
    the only one whose given name is mostly borne by the title's gender while the others' are mostly borne by
    the other (names.yaml `given_names`); None when that leaves two."""
    known = [p for p in fits if genders.get(p) == gender]
    if known:
        # unlike a pronoun's, a title's bearers of unknown gender stay candidates: "Mr. Lee" after Arjun Lee, whom
        # the text calls a brother, and a Venkat Lee it says nothing of may be either; a wrong name is worse
        # than none, unless the one of known gender is the one of them the text has had speak
        return known[0] if len(known) == 1 and spoke & set(fits) == {known[0]} else None
    if not known:
        # the title tells the gender; of the same-surname people the text says nothing about, the
        # one whose given name alone is mostly borne by that gender (Mr. Ambrose: Curtis, not Corinne)
        by_name = [p for p in fits if ctx.rules.given_gender(p) == gender]
        if len(by_name) == 1 and all(ctx.rules.given_gender(p) not in (None, gender) for p in fits if p != by_name[0]):
            return by_name[0]
    return None


def _retitled(ctx: Context, candidates: list[Candidate], genders: dict[str, str]) -> list[Candidate]:
    """The candidates, each written as a title and a shared surname ("Mr Marchbank, a farmer, …") standing for the
    one person the title names among those named so far; undecided when it names no one for sure: a pronoun
    after it then stays in doubt rather than going to whoever the names step took the surname for, or to
    someone named before it."""
    out = []
    for c in candidates:
        person = None if c.role else _titled_person(ctx, candidates, genders, c.start, c.end)
        if person == "":  # undecided, like a bare surname two bear: a he or she after it follows no one
            out.append(dataclasses.replace(c, undecided=True))
            continue
        out.append(c if person is None or person == c.person else
                   Candidate(c.start, c.end, person, c.quote, c.sentence, c.paragraph, c.subject, c.role))
    return out


def _pronoun_genders(ctx: Context, candidates: list[Candidate]) -> dict[str, set[str]]:
    """A sentence that opens with He or She, after a sentence of the same paragraph whose only person is its subject."""
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)
    for c in candidates:
        if c.quote is None:
            by_sentence[c.sentence].append(c)
    out: dict[str, set[str]] = defaultdict(set)
    kin = noun_genders(ctx)
    for i in range(1, len(ctx.sentences)):
        a, _ = ctx.sentences[i]
        p = _OPENS_WITH_PRONOUN.match(ctx.text, a)
        if not p or ctx.in_quote(a + 1) or paragraph_at(ctx, a) != paragraph_at(ctx, ctx.sentences[i - 1][0]):
            continue
        before = by_sentence.get(i - 1, [])
        if len({c.person for c in before}) == 1 and before[0].subject:
            gender = "f" if p.group("p") == "She" else "m"
            # "Marsh said he found his grandmother sitting up in bed. She uses a walker": the sentence before
            # speaks of someone unnamed of that gender as someone of the other gender's ("his grandmother"), whom
            # the pronoun may be; not "his father" before a he, who may as well be the subject
            b0, b1 = ctx.sentences[i - 1]
            if any(_POSSESSOR_GENDER.get(w.group("det").lower()) not in (None, gender)
                   and gender in (kin.get(w.group(2)), kin.get(w.group(3)))
                   for w in _POSSESSED_NOUN.finditer(ctx.text, b0, b1)):
                continue
            # "Tommy finally takes the plane from her hand and shows her how to read the grain. She watches him":
            # a her or him its subject's verb takes is someone else, of that gender, whom the pronoun may be
            if any(not ctx.in_quote(o.start()) for o in _OBJECT_OF[gender].finditer(ctx.text, b0, b1)):
                continue
            out[before[0].person].add(gender)
    return out


_POSSESSED_NOUN = regex.compile(r"\b(?P<det>[Hh]is|[Hh]er)\s+(\p{Ll}+)(?:\s+(\p{Ll}+))?")
_POSSESSOR_GENDER = {"his": "m", "her": "f"}
# a her or him that is a verb's or a preposition's object, not a possessive: "shows her how", "asked him to"
_OBJECT_OF = {
    "f": regex.compile(r"\bher\b(?=\s*[,.;:!?]|\s+(?:to|that|if|about|for|with|again|and|the|a|an|how|why|what|when|"
                       r"where|in|on|at|from|into|back|out|up|down|off|once)\b)"),
    "m": regex.compile(r"\bhim\b"),
}


# ------------------------------------------------------------------ resolving a speaker


def antecedent(ctx: Context, speaking: Speaking, pos: int, gender: str | None) -> str | None:
    """The person a speaker pronoun at pos stands for, or None when the text leaves a doubt: also when,
    since that person was last named, a sentence gave the words to someone unnamed ("A spokesman for the
    club said …": the next "he said" is more likely the spokesman's)."""
    via: list[int] = []
    person = _antecedent(ctx, speaking, pos, gender, via=via)
    if person is None:
        return None
    if speaking.outer is not None:
        # “He said, ‘…’” within a quotation: the teller's he, whom the narration around the quotation names
        # (its paragraph or the one before), or speaks of there by a he or she the text resolves to them
        # (“Her teacher has heard her play since she was nine.” / “‘She looked at me and said, ‘…’’”); one
        # named further back and not spoken of since is the reader's guess, not the text's
        first = speaking.outer_start if speaking.outer_start is not None else ctx.quotes[speaking.outer].start
        p = paragraph_at(ctx, first)
        near = any(c.person == person and p - 1 <= c.paragraph and c.end <= pos for c in speaking.people.candidates)
        near = near or any(p - 1 <= paragraph_at(ctx, at) <= p and not ctx.in_quote(at) for at in via)
        if not near:
            return None
        # “Pellerin said Aderinto still repeats his father's sayings. … ‘He used to say, …’”: the narration spoke
        # of someone of that gender by a noun since it last named that person, whom the quotation does not name
        # before the pronoun; the he may be either
        inside = any(c.person == person and first <= c.start and c.end <= pos for c in speaking.people.candidates)
        last = max([c.end for c in speaking.people.candidates if c.person == person and c.quote is None and c.end <= first]
                   + [at for at in via if at <= first and not ctx.in_quote(at)], default=None)  # named, or a he or she of them
        if not inside and last is not None and gender is not None and _unnamed_narrated(ctx, last, first, gender):
            return None
        # “Whitford said the captain came on the intercom. ‘He said, …’”: the narration spoke of someone by what
        # they are since it last named that person, and not of that person (whom the article introduced with
        # another noun): the he is more likely the one described
        if not inside and last is not None and _other_described(ctx, last, first, speaking.people):
            return None
        return person
    last = max((c.end for c in speaking.people.candidates if c.person == person and c.quote is None and c.end <= pos),
               default=None)
    if last is not None and _unnamed_speaker(ctx, last, pos, speaking.people.roles):
        return None
    if last is not None and _described_subject(ctx, speaking.people, person, last, pos, gender):
        return None
    if last is not None:
        # "The Morning Brew presenter, 34, revealed the news … as their daughter Luna-Rose held up a scan. She
        # wrote: …": a description is the subject of the sentence that last named the person, who is not; or
        # it stands after the name, which a phrase before the subject holds ("Led in evidence by
        # counsel, Barrister Ann Lee, the witness said …")
        sa, se = ctx.sentence_of(max(0, last - 1))
        own = next((c for c in speaking.people.candidates if c.person == person and c.end == last), None)
        if own is not None and not own.subject and not _APPOSED_TO_DESCRIPTION.fullmatch(ctx.text, sa, own.start) \
                and _described_subject(ctx, speaking.people, person, sa, min(max(se, last), pos), gender,
                                       (own.start, own.end)):
            return None
    if gender is not None and _exchange(ctx, speaking.people, person, pos, gender):
        return _alternation(ctx, speaking.people, person, pos, gender)
    return person


def _alternation(ctx: Context, people: People, person: str, pos: int, gender: str) -> str | None:
    """The reply of a conversation printed a turn a paragraph (Muzny et al. 2017, conversation rule): “…?” Lee
    asked. / “…,” he said. / “…,” he said.: the third turn is the first speaker's when the two turns before were
    one person's each, the first one's a quotation opening its paragraph, of the pronoun's gender or one the text
    does not tell, and nobody else is named since; else nobody (the words do not tell)."""
    here = paragraph_at(ctx, pos)
    if here < 2:
        return None
    first, second = people.turns.get(here - 2, set()), people.turns.get(here - 1, set())
    if len(first) != 1 or second != {person} or first == second:
        return None
    other = next(iter(first))
    if people.pronoun_gender(other) not in (None, gender) or ctx.text[ctx.paragraphs[here - 2][0]] not in "“\"‘'":
        return None
    # nobody but the two is named, outside quotations, from the first turn on
    lo = ctx.paragraphs[here - 2][0]
    if any(c.quote is None and lo <= c.start < pos and c.person not in (person, other) for c in people.candidates):
        return None
    return other


def _exchange(ctx: Context, people: People, person: str, pos: int, gender: str) -> bool:
    """Whether the speaker pronoun at pos answers in an exchange: its paragraph opens with the quotation,
    the paragraph before gave words to the same person by a pronoun of the same gender, and someone else
    who may be of that gender spoke in the two paragraphs before ("…?” Lee asked. / “…,” he said. /
    “…,” he said.). Two "he said" in a row then read as one each, or both as one: only the words tell."""
    if _GOES_ON.match(ctx.text, pos):
        return False  # "he added": the same voice going on, by the writer's own word
    here = paragraph_at(ctx, pos)
    # the dialogue convention: a new paragraph opening with the reply, after a paragraph that gave words
    # to the same pronoun (a quotation going on in its own paragraph, or split by "she said", is no reply)
    if here < 1 or ctx.text[ctx.paragraphs[here][0]] not in "“\"‘'":
        return False
    again = any(p == person and at < pos and paragraph_at(ctx, at) == here - 1 and gender in people.resolved_as.get(p, ())
                for at, p in people.resolved.items())
    if not again:
        return False
    return any(c.person != person and c.quote is None and c.end <= pos and here - 2 <= c.paragraph and not c.role
               and people.pronoun_gender(c.person) in (None, gender)
               and _reports(ctx, c) for c in people.candidates)


def _unnamed_speaker(ctx: Context, a: int, b: int, roles) -> bool:
    """Whether a sentence starting in text[a:b], outside quotations, has an unnamed person speak: "A spokesman
    for the club said", "One neighbour, who asked not to be named, told reporters"."""
    verbs = speaker_settings(ctx).get("reporting_verbs", ())
    if not verbs:
        return False
    pattern = ctx.memo.get("unnamed_speaker")
    if pattern is None:
        verb = r"\s+(?:\p{Ll}+ly\s+|also\s+)?(?:" + "|".join(regex.escape(v) for v in verbs) + r")\b"
        # "A spokesman for the club said"; "In his address, the Bishop reminded": someone a description names
        pattern = ctx.memo["unnamed_speaker"] = regex.compile(
            r"[“\"‘]?(?:(?:A|An|One|Another)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}?\p{Ll}[\p{L}-]*"
            r"(?:\s+(?:for|of|at|from|with|in)\s+[^,.;:!?\n]{1,60}?)?(?:,\s+[^.;:!?\n]{1,100}?,)?"
            r"|(?:[^,.;:!?“”\"‘’\n]{1,80},\s+)?[Tt]he\s+(?P<title>\p{Lu}\p{Ll}+)(?:\s+of\s+\p{Lu}[\p{L}-]+)?"
            # "The 24-year-old said MacAskill had taken him aside": the one who said it is the
            # 24-year-old, whom the text does not name here; the name after the verb is no subject
            r"|[Tt]he\s+\d{1,3}-year-old(?:\s+\p{Ll}[\p{L}-]*)?)" + verb)
    k = bisect.bisect_left(ctx.sentence_starts, a)
    held = k - 1  # the sentence holding a (the person last named): unnamed words before the name count too
    if held >= 0 and not ctx.in_quote(ctx.sentence_starts[held]):
        m = pattern.match(ctx.text, ctx.sentence_starts[held], a)
        if m and m.start("title") < 0 and _name_after(ctx.text, m.end(), a):
            return True
    for start in ctx.sentence_starts[k:]:
        if start >= b:
            break
        m = None if ctx.in_quote(start) else pattern.match(ctx.text, start, b)
        # a title the article gave someone ("the Bishop" after "Bishop Ann Lee") is a role phrase, found already
        if m and not (m.start("title") >= 0 and _role_noun(ctx, m.group("title")) in roles):
            return True
    return False


# a description, then the name it describes ("The queen mother of Avenorkope, Mama Afiwa Dzreke II, told"): one person
_APPOSED_TO_DESCRIPTION = regex.compile(r"[Tt]he\s+[^,.;:!?“”\"\n]{1,80},\s+(?:\p{Lu}\p{Ll}*\.?\s+)?")


def _described_subject(ctx: Context, people: People, person: str, a: int, b: int, gender: str | None,
                       named: tuple[int, int] | None = None) -> bool:
    """Whether a sentence starting in text[a:b], outside quotations, has for its subject someone a description
    names ("Asked about the fee, the veteran mentor shrugged."; "The coach smiled."): the next he or she is
    more likely that one than a person named before. Not when the article introduced the person with the
    description's noun ("Tom Hale, the coach, …"): then the description is them; nor when the noun is of the
    other gender ("the waitress" before a "he"); nor when the name at `named` is an aside between the noun and
    its verb, apposed to the description ("The composer’s father, the retired judge Julián Ferrer, sat"); nor when the
    sentence opens with a quotation the paragraph gives to the person alone ("“…,” the coach said")."""
    gendered = noun_genders(ctx)
    if "described_subject" not in ctx.memo:
        settings = speaker_settings(ctx)
        ctx.memo["described_subject"] = (set(settings.get("person_nouns", ())) | set(gendered),
                        set(settings.get("prepositions", ())) | set(settings.get("function_words", ()))
                        - set(settings.get("reporting_verbs", ())))
    nouns, skip = ctx.memo["described_subject"]
    k = bisect.bisect_left(ctx.sentence_starts, a)
    for start in ctx.sentence_starts[k:]:
        if start >= b:
            break
        if ctx.in_quote(start + 1):
            # “That is a lie,” the witness replied.: a sentence that opens with a quotation and gives it to
            # someone the article introduced by a description ("Ann Lee, the second witness")
            q = innermost_quote(ctx, start + 1)
            while q is not None and ctx.quotes[q].parent is not None:
                q = ctx.quotes[q].parent
            if q is None or ctx.quotes[q].open < start or ctx.quotes[q].close + 1 >= b:
                continue
            if people.turns.get(paragraph_at(ctx, start)) == {person}:
                continue
            m = _QUOTE_DESCRIBED.match(ctx.text, ctx.quotes[q].close + 1, b)
        else:
            m = _DESCRIBED_SUBJECT.match(ctx.text, start, b)
        if not m or m.group("verb") in skip:
            continue
        if named is not None and m.end("noun") <= named[0] and named[1] <= m.start("verb"):
            continue
        noun = _role_noun(ctx, m.group("noun"))
        if noun not in nouns and noun not in people.roles:
            # "…, the new chief pledged": the shortest reading took the adjective for the noun and the noun for
            # the verb; the noun is a word after it, and the word after that its verb
            after = _LOWER_WORDS.match(ctx.text, m.end("noun"), b)
            words = [m.group("noun"), *(after.group().split() if after else ())]
            noun = next((_role_noun(ctx, w) for w, v in zip(words[1:], words[2:])
                         if (_role_noun(ctx, w) in nouns or _role_noun(ctx, w) in people.roles) and v not in skip), None)
            if noun is None or person in people.roles.get(noun, ()):
                continue  # "The former mayor said" of one the article introduced as a mayor: the words before
                # the noun ("former") may tell them from the others, which this reading leaves to the role rules
        if m.re is _QUOTE_DESCRIBED and noun not in people.roles:
            continue  # after a quotation, only a noun the article introduced someone with says who it is
        if gender is not None and gendered.get(noun, gender) != gender:
            continue  # "the waitress brought the eggs" is no "he"
        if people.roles.get(noun) != frozenset({person}):
            return True
    return False


def _name_after(text: str, verb_end: int, name_end: int) -> bool:
    """Whether only a few words stand between a reporting verb and the end of the name after it
    ("said MacAskill", "told reporters that Ann Lee"): the name is what the verb reports."""
    return name_end - verb_end <= 60 and not any(ch in text[verb_end:name_end] for ch in ".;!?“”\"")


# how many he or she in a row, each continuing the one before (centering), a speaker pronoun may follow back to a
# name: an obituary or a profile tells a life in "she" for paragraphs
_CHAIN = 8


def _antecedent(ctx: Context, speaking: Speaking, pos: int, gender: str | None, depth: int = 0,
                via: list[int] | None = None) -> str | None:
    """antecedent(), before the check for an unnamed speaker. `via`, when given, gets the offsets of the he or
    she outside quotations the pronoun at pos was found to continue (centering), nearest first."""
    people = speaking.people
    if speaking.outer is not None and not speaking.outer_known:
        return None  # "She said, ‘…’" in words nobody is credited with: whom the teller meant is unknown
    if speaking.outer is not None and depth == 0:
        outer = ctx.quotes[speaking.outer]
        inside = [c for c in people.candidates if c.quote == speaking.outer and outer.start <= c.start and c.end <= pos]
        found = _pick(ctx, people, inside, gender, speaking.exclude, None, pos)
        if isinstance(found, int) and not isinstance(found, bool):
            return None  # a pronoun inside the quotation: its referent is the speaker's to know
        if found is False and any(c.person in speaking.exclude and people.pronoun_gender(c.person) in (None, gender)
                                  for c in inside):
            # “Oom Koos phoned me and all he said was, ‘…’” credited to Koos: the one the words name is the he, not
            # anyone named before; the quotation around it is someone else's, whom the text does not make plain
            return None
        if found is not False:
            return found
        if _unnamed_inside(ctx, speaking.outer_start if speaking.outer_start is not None else outer.start, pos, gender):
            return None  # “My dad wired the town. He used to say, ‘…’”: the he is the dad, whom the speaker does not name
        pos = _top_open(ctx, speaking.outer)
    outside = [c for c in people.candidates if c.quote is None and c.end <= pos]
    interrupted = _interrupted(ctx, outside, pos)
    outside = [c for c in outside if c not in interrupted]
    windows = _windows(ctx, [c for c in outside if c.person not in speaking.exclude], pos)
    found = _pick(ctx, people, outside, gender, speaking.exclude, windows, pos, missed=depth == 0)
    if isinstance(found, int) and not isinstance(found, bool):
        # centering: a he or she nearer than the people named continues the person the text is about,
        # and so does the speaker pronoun: whom that one was found to be, or is found to be
        if via is not None:
            via.append(found)
        if found in people.resolved:
            person = people.resolved[found]
        elif depth >= _CHAIN:
            person = None
        elif speaking.outer is not None:
            # that he or she is whoever it stands for, whether or not the quote within a quote may be theirs
            person = _antecedent(ctx, dataclasses.replace(speaking, exclude=frozenset()), found, gender, depth + 1, via)
        else:
            person = _antecedent(ctx, speaking, found, gender, depth + 1, via)
        if speaking.outer is not None and person in speaking.exclude:
            # one a quote within a quote may not be (the one quoting it) leaves nobody else ("Usman said he had
            # tried to talk his brother out of it. “… He said, ‘…’”: not their father, the man named before Usman)
            return None
        return person
    return found or None


# someone a speaker speaks of by a noun, not a name: "my dad", "our mother", "his coach", "the girl", "Mum"
_NOUN_PHRASE_INSIDE = regex.compile(r"(?<![\p{L}’'])(?:(?:[Mm]y|[Oo]ur|[Yy]our|[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+"
                                    r"(?:(?P<w1>\p{Ll}[\p{L}-]*)\s+)?(?P<w2>\p{Ll}+)|(?P<kin>\p{Lu}\p{Ll}+))(?![\p{L}’'-])")


def _unnamed_inside(ctx: Context, start: int, pos: int, gender: str | None) -> bool:
    """Whether, in the quotation's words from start to pos (its parts, at most a few sentences back), the speaker speaks of
    someone by a gendered noun ("my dad", "our mother", "Mum") of the pronoun's gender: a he or she after it
    inside the quotation is that person, whom no name stands for."""
    nouns = ctx.memo.get("nouns_inside")
    if nouns is None:  # and the familiar words for kin ("Mum": mother)
        nouns = ctx.memo["nouns_inside"] = dict(noun_genders(ctx))
        for word, kin in speaker_settings(ctx).get("familiar_kin", {}).items():
            if kin in nouns:
                nouns.setdefault(word, nouns[kin])
    for m in _NOUN_PHRASE_INSIDE.finditer(ctx.text, max(start, pos - 400), pos):
        if not ctx.in_quote(m.start()):
            continue  # the attribution between the parts of the quotation: the narration's words
        words = [m.group("kin").lower()] if m.group("kin") else [w for w in (m.group("w1"), m.group("w2")) if w]
        if any(nouns.get(w) is not None and gender in (None, nouns[w]) for w in words):
            return True
    return False


# someone the narration speaks of by a noun: "his father's sayings", "her mother", "a woman"
_NOUN_PHRASE_NARRATED = regex.compile(r"(?<![\p{L}’'])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+"
                                      r"(?:(?P<w1>\p{Ll}[\p{L}-]*)\s+)?(?P<w2>\p{Ll}+)(?![\p{L}-])")


def _unnamed_narrated(ctx: Context, start: int, end: int, gender: str) -> bool:
    """Whether the narration from start to end (outside quotations) speaks of someone of `gender` by a noun
    ("his father", "the woman") rather than by name."""
    nouns = noun_genders(ctx)
    for m in _NOUN_PHRASE_NARRATED.finditer(ctx.text, start, end):
        if ctx.in_quote(m.start()):
            continue
        if any(nouns.get(w) == gender for w in (m.group("w1"), m.group("w2")) if w):
            return True
    return False


_DESCRIBED = regex.compile(r"(?<![\p{L}’'])[Tt]he\s+(?:(?P<w1>\p{Ll}[\p{L}-]*)\s+)?(?P<w2>\p{Ll}+)(?![\p{L}’'-])")


def _other_described(ctx: Context, start: int, end: int, people: People) -> bool:
    """Whether the narration from start to end (outside quotations) speaks of someone by a person noun ("the
    captain", "the pilot") that no one named so far was introduced with, and not in apposition to a name
    ("Renee Gallo, the volunteer leading the pace group"): someone it has not named (yet)."""
    nouns = set(speaker_settings(ctx).get("person_nouns", ()))
    introduced = people.introduced
    named_ends = {c.end for c in people.candidates}
    for m in _DESCRIBED.finditer(ctx.text, start, end):
        if ctx.in_quote(m.start()):
            continue
        a = max(0, m.start() - 4)
        before = ctx.text[a:m.start()].rstrip()
        if before.endswith(",") and a + len(before) - 1 in named_ends:
            continue  # in apposition to the name just before it: that person
        for w in (m.group("w1"), m.group("w2")):
            if w and w in nouns and not any(n == _role_noun(ctx, w) and at <= m.start() for (n, _), at in introduced.items()):
                return True
    return False


def _interrupted(ctx: Context, candidates: list[Candidate], pos: int) -> set[Candidate]:
    """The people just before a parenthetical attribution, "Luna and Miles, she added, know …": the subject
    the attribution interrupts is not who speaks."""
    if not _COMMA_BEFORE.search(ctx.text, max(0, pos - 4), pos):
        return set()
    out: set[Candidate] = set()
    end = pos
    for c in reversed(candidates):
        if not _LIST_GLUE_BEFORE.fullmatch(ctx.text, c.end, end):
            break
        out.add(c)
        end = c.start
    return out


def _top_open(ctx: Context, i: int) -> int:
    """Where the top-level quotation holding quotation i opens."""
    while ctx.quotes[i].parent is not None:
        i = ctx.quotes[i].parent
    return ctx.quotes[i].open


def _windows(ctx: Context, candidates: list[Candidate], pos: int) -> tuple[int, int]:
    """The first paragraph a person of unknown gender may be named in, and the first for one whose gender agrees:
    counted back from pos in paragraphs that name someone."""
    settings = speaker_settings(ctx)
    here = paragraph_at(ctx, pos)
    named = sorted({c.paragraph for c in candidates if c.paragraph < here}, reverse=True)
    unknown_back = int(settings.get("unknown_gender_paragraphs", 1))
    known_back = int(settings.get("known_gender_paragraphs", 3))

    def first(back: int) -> int:
        return named[back - 1] if 0 < back <= len(named) else (named[-1] if named and back > 0 else here)

    return first(unknown_back), first(known_back)


# a relative clause opened before a name and not yet closed by a comma: ", whose father Themba Sithole"
_IN_RELATIVE = regex.compile(r",\s+(?:whose|who|whom|which)\b[^,;:“”\"]*$")


# the asker of a question that opens a sentence, up to the question's pronoun ("Asked by Insp Tarpey why he …")
_ASKED_BY = regex.compile(r"[“\"‘]?(?:Asked|Pressed|Questioned|Quizzed)\s+by\s+[^,.;:!?“”\"\n]{1,60}?(?=\s+(?:why|whether|if|how|what|when|where|about)\b)")


def _pick(ctx: Context, people: People, candidates: list[Candidate], gender: str | None, exclude, windows, pos: int,
          missed: bool = False):
    """The nearest sentence with someone who may be meant decides: a person whose gender agrees before one of
    unknown gender, the subject when there are several. Returns the person, None when in doubt, False when
    nobody may be meant, or the offset of a pronoun nearer than them all. `missed`: a name the names step did
    not take, just before pos, leaves a doubt."""
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)
    # "Asked by Insp Tarpey why he had not gone to a solicitor, he said: …": the one asking, named in the question
    # that opens the pronoun's sentence, is not the one who answers
    here = ctx.sentence_of(pos)
    asking = (_QUESTION_OPENING.match(ctx.text, here[0], pos) or _ASKED_BY.match(ctx.text, here[0], pos)) \
        if here[0] < pos else None
    for c in candidates:
        if c.person in exclude:
            continue
        if asking is not None and here[0] <= c.start and c.end <= asking.end():
            continue
        if c.end <= pos and (m := _PRONOUN_CLAUSE_NEXT.match(ctx.text, c.end)) and m.start("p") == pos:
            continue  # "… the home of the couple's daughter, Sharon Pruitt, she said": the she is not the name before it
        g = people.pronoun_gender(c.person)
        if gender is not None and g is not None and g != gender:
            continue
        by_sentence[c.sentence].append(c)
    # the sentence of pos and the one before it: where a name the names step missed would be the nearest
    sp = bisect.bisect_right(ctx.sentence_starts, pos) - 1
    near = ctx.sentences[max(sp - 1, 0)][0] if sp >= 0 else pos
    for si in sorted(by_sentence, reverse=True):
        here = by_sentence[si]
        para = here[0].paragraph
        if windows is not None and para < windows[1]:
            break
        known = [c for c in here if gender is None or people.pronoun_gender(c.person) == gender]
        # “Devin had asked her to help”: the her is someone else than its clause's subject (binding), so a
        # person of untold gender whose verb takes a her is no she (nor one taking a him a he)
        unknown = [c for c in here if c not in known and not _object_pronoun_after(ctx, c.end, gender)]
        if windows is not None and para < windows[0]:
            unknown = []
        aged = _AGE_SUBJECT.match(ctx.text, *ctx.sentences[si])
        if aged and all(aged.end("phrase") <= c.start for c in here):
            # "The 48-year-old … took over in 2021 when his predecessor, Gert Fourie, left": the sentence is about
            # the one it names by age, whom the reader could not tie to a name; a he after it is more likely theirs
            return None
        if known and any(_says_next(ctx, c) for c in unknown) and not any(_says_next(ctx, c) for c in known):
            return None  # "It was Huw, Vaughan says, who …": the one who says, of a gender untold, may be the he
        if known and any(c.subject for c in unknown) and all(
                _IN_RELATIVE.search(ctx.text, ctx.sentences[si][0], c.start) for c in known):
            # "Captain Karabo Sithole, 19, whose father Themba Sithole also played, said …": a name inside a clause
            # about the subject tells a gender, but the subject is whom the next he is about
            known = []
        for group in (known, unknown):
            if not group:
                continue
            # nearer than the group's last mention: a name of another gender named between them does not hide
            # an unread name just before pos ("Brenner was rarely its face — Raman handled press — but he spoke")
            after = max(max(c.end for c in group), near)
            if missed and any(after <= u < pos and not _after_subject(ctx, group, u)
                              and not _fronted_object(ctx, u) for u in people.unknown):
                return None  # someone the names step missed is named just before: maybe the one meant
            if missed and any(after <= u < pos and not _after_subject(ctx, group, u)
                              and not _fronted_object(ctx, u) and all(w not in name_words(c.person) for c in group)
                              for u, w in people.unclaimed):
                return None  # "Kessler says …" of a Linda Kessler the names step could not tell: maybe her
            if gender is not None and any(g == gender and ctx.sentences[si][1] <= u < pos for u, g in people.unnamed):
                return None  # "the girl’s calm …”: someone unnamed of that gender stands nearer
            earlier = _pronoun_between(ctx, group, gender, pos)
            if earlier is not None:
                return earlier  # "As she pointed out, Luna is …": the she, not Luna, continues the story
            persons = {c.person for c in group}
            if len(persons) == 1:
                found = None if any(c.undecided for c in group) else group[0].person
            else:
                subjects = {c.person for c in group if c.subject}
                if len(subjects) != 1 or any(c.undecided for c in group if c.subject):
                    return None
                found = next(iter(subjects))
            if found is not None and windows is not None and _about_another(ctx, people, found, para, gender, pos):
                return None
            return found
    return False


# the verb of a subject, then a her or him as its object: “asked her to”, “has told him that”, “thanked her.”
_OBJECT_PRONOUN = {
    "f": regex.compile(r"\s+(?:(?:had|has|have|then|also|later)\s+)?\p{Ll}+\s+her(?=\s+(?:to|that|if|whether|about|for|with|out|up|back|again|and)\b|\s*[,.;:!?])"),
    "m": regex.compile(r"\s+(?:(?:had|has|have|then|also|later)\s+)?\p{Ll}+\s+him(?![\p{L}’'-])"),
}


def _object_pronoun_after(ctx: Context, end: int, gender: str | None) -> bool:
    """Whether the person named up to `end` is the subject of a verb whose object is a pronoun of `gender`."""
    rx = _OBJECT_PRONOUN.get(gender)
    return rx is not None and rx.match(ctx.text, end, min(len(ctx.text), end + 40)) is not None


def _fronted_object(ctx: Context, u: int) -> bool:
    """Whether the name at u stands after a preposition in a phrase that opens its sentence, up to a comma and a he
    or she that is the sentence's subject ("In a letter seen by Halden Wire, he wrote"; "With Ann Lee beside him,
    he said"): the he or she is never the one the phrase names, and the subject, not that name, is whom a
    pronoun after it continues."""
    k = bisect.bisect_right(ctx.sentence_starts, u) - 1
    if k < 0:
        return False
    prepositions = ctx.memo.get("prepositions")
    if prepositions is None:
        prepositions = ctx.memo["prepositions"] = frozenset(speaker_settings(ctx).get("prepositions", ()))
    w = _WORD_BEFORE.search(ctx.text, max(0, u - 20), u)
    if not w or w.group(1).lower() not in prepositions or w.group(1).lower() in _SUBORDINATORS:
        return False  # "After Ann Lee arrived, she said": a clause of its own, whose subject the she may be
    m = _FRONTED.match(ctx.text, ctx.sentence_starts[k], ctx.sentences[k][1])
    return m is not None and u < m.end()


# prepositions that also open a clause with a subject of its own
_SUBORDINATORS = frozenset({"after", "before", "since", "until", "as", "like", "than", "despite", "without"})
# a phrase opening a sentence up to a comma, then a he or she, the subject ("In a letter to staff seen by Halden Wire, he")
_FRONTED = regex.compile(r"[“\"‘]?\p{Lu}\p{Ll}*\s+[^,.;:!?“”\"‘’\n]{1,150},\s+(?:[Hh]e|[Ss]he)(?![\p{L}’'-])")


def _one(genders: set[str] | None) -> str | None:
    """The gender of a set of one, else None (none found, or both)."""
    return next(iter(genders)) if genders and len(genders) == 1 else None


def _after_subject(ctx: Context, group: list[Candidate], u: int) -> bool:
    """Whether capitalised words at u stand in the sentence of a subject of the group, after it ("Ann Lee
    unlocks Northbound Bread"): an object or a place, never preferred to the subject by a pronoun."""
    a, b = ctx.sentences[group[0].sentence]
    return a <= u < b and any(c.subject and c.end <= u for c in group)


def _about_another(ctx: Context, people: People, person: str, para: int, gender: str | None, pos: int) -> bool:
    """Whether paragraph `para`, before the one of pos, was about someone else when it first named `person`: a he
    or she of `gender` stands in it, outside quotations, before the article ever names them ("In 1976 he took
    command … Father Liam Carrick remembered those visits … said Carrick." then "He was appointed OBE in 1978":
    the paragraph's he was not Carrick, and the next paragraph's may be either)."""
    if gender not in _SUBJECT_PRONOUN or para >= paragraph_at(ctx, pos):
        return False
    first = min((c.start for c in people.candidates if c.person == person), default=None)
    a = ctx.paragraphs[para][0]
    if first is None or first < a:
        return False
    return any(not ctx.in_quote(m.start()) and not _RELATIVE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
               for m in _SUBJECT_PRONOUN[gender].finditer(ctx.text, a, first))


def _pronoun_between(ctx: Context, group: list[Candidate], gender: str | None, pos: int) -> int | None:
    """Where the nearest he or she of the speaker's gender stands, outside quotations, that comes before these
    people in their sentence or in a sentence after theirs, before pos: it continues whom the text is about.
    None if none does (a pronoun after them in their own sentence is theirs)."""
    if gender not in _SUBJECT_PRONOUN:
        return None
    si = group[0].sentence
    a, b = ctx.sentences[si]
    first = min(c.start for c in group)
    later = [m.start() for m in _SUBJECT_PRONOUN[gender].finditer(ctx.text, b, pos)
             if not ctx.in_quote(m.start()) and not _RELATIVE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())]
    if later:
        return later[-1]
    # "Speaking from the home of the couple's daughter, Sharon Pruitt, she said …": the she after the name ends the
    # phrase before it and is the sentence's subject, someone else, whom the text goes on about
    after = [m.start("p") for c in group if not c.subject and (m := _PRONOUN_CLAUSE_NEXT.match(ctx.text, c.end))
             and m.start("p") < pos and _SUBJECT_PRONOUN[gender].fullmatch(ctx.text, m.start("p"), m.end("p"))]
    if after:
        return max(after)
    # a participle clause that opens the sentence ("Asked …, ", "Closing the service, ") has no subject of its own;
    # the he or she right after its comma is the sentence's subject, whom the text goes on about. Not where the comma
    # parts a clause that goes on ("Dressed in a jacket that, he revealed, …")
    opening = _PARTICIPLE_OPENING.match(ctx.text, a, b)
    goes_on = opening is not None and _CLAUSE_GOES_ON.search(opening.group()) is not None
    subject = None if opening is None or goes_on else _SUBJECT_PRONOUN[gender].match(ctx.text, opening.end())
    if subject is not None and subject.start() < pos and all(c.end <= opening.end() for c in group):
        # "Asked what her grandmother would have made of it, she laughed": the people the clause names are not her
        return subject.start()
    if opening is not None and opening.end() <= first:
        # "Asked whether he would stay, Hale smiled": a he inside the clause is Hale, said before his name; the one
        # right after it goes on ("Closing the service, he told them he would hand over to his son"); any other before
        # the name may be either ("Dressed in a jacket that, he revealed, was his grandfather's, Dev walked on")
        return subject.start() if subject is not None and subject.start() < first else None
    return next((m.start() for m in _SUBJECT_PRONOUN[gender].finditer(ctx.text, a, first) if not ctx.in_quote(m.start())),
                None)


def named_group(ctx: Context, names: Names, speaking: Speaking, pos: int) -> list[Ref]:
    """The last list of two or more people named, outside quotations (or in the enclosing quotation before pos),
    in the quotation's paragraph or the one before."""
    top = _top_open(ctx, speaking.outer) if speaking.outer is not None else pos
    p = paragraph_at(ctx, top)
    lo = ctx.paragraphs[p - 1][0] if p > 0 else ctx.paragraphs[p][0] if p >= 0 else 0

    def allowed(m: Mention) -> bool:
        q = innermost_quote(ctx, m.span.start)
        return q is None or (speaking.outer is not None and q == speaking.outer)

    people = [m for m in names.mentions if m.ref.type == PERSON and lo <= m.span.start and m.span.end <= pos and allowed(m)]
    group = _last_list(ctx, people)
    return sorted({m.ref for m in group})


# ------------------------------------------------------------------ the roles of `refers`


def protagonist(names: Names, gender: str | None, told: dict[str, str] | None = None) -> str | None:
    """The person the article is about: most mentioned, headline weighing triple.

    With a gender (a "he" or "she"): the most mentioned person the text gives that gender;
    only when there is none, the most mentioned whose gender the text does not tell. A
    person of unknown gender never wins over one the text says is a "he" or a "she", or
    "he was born" would make a woman's birth of her son's.
    """
    ranked = [name for name, _ in sorted(names.counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    if gender is None:
        return ranked[0] if ranked else None
    known = {name: (told or {}).get(name, names.genders.get(name)) for name in ranked}
    return (next((n for n in ranked if known[n] == gender), None)
            or next((n for n in ranked if known[n] is None), None))


def _told_genders(ctx: Context, names: Names) -> dict[str, str]:
    """Each person's gender as the article's text tells it, worked out once per article."""
    key = ("genders", id(names))
    if key not in ctx.memo:
        ctx.memo[key] = article_people(ctx, names).genders
    return ctx.memo[key]


def _recent_group(ctx: Context, names: Names, pos: int) -> list[Mention]:
    """The last list of two or more people written before pos ("Luna and Miles")."""
    return _last_list(ctx, [m for m in names.mentions if m.ref.type == PERSON and m.span.end <= pos])


# a person named as the child of "their" ("Inés, their first child, was born …")
_CHILD_NOUNS = ("child", "son", "daughter", "baby", "kid", "girl", "boy")
_CHILD_PLURALS = tuple({"child": "children", "baby": "babies"}.get(n, n + "s") for n in _CHILD_NOUNS)
# a list of people written as children ("the pair's three kids — twin daughters Ottilie and Wren"; "and their
# children Jhon Rey, 7, and Princess, 4"): no couple, and no one's parents
CHILDREN_BEFORE = regex.compile(r"\b(?:daughters|sons|children|kids|twins|triplets|siblings|brothers|sisters|"
                                r"grandchildren|girls|boys)\s*[,:—–]?\s*$")
_THEIR_CHILD = regex.compile(r",\s+their\s+(?:[\p{Ll}-]+\s+){0,2}(?:" + "|".join(_CHILD_NOUNS) + r")\b")


# "their" and a child's place among the children ("Their younger child", "Their eldest, Jerome")
THEIR_ORDER = regex.compile(r"[Tt]heir\s+(?:eldest|oldest|elder|older|younger|youngest|middle|other)\b")
# "their" before a child ("Their daughter, Ivy", "their three sons"): the child of a couple, never of three or more
_THEIR_OFFSPRING = regex.compile(r"[Tt]heir\s+(?:[\p{Ll}\d-]+\s+){0,2}(?:"
                                 + "|".join(_CHILD_NOUNS + _CHILD_PLURALS) + r")\b")


def _paragraph_couple(ctx: Context, names: Names, pos: int) -> list[Ref]:
    """Whom "their" stands for: the last list of people written before it in its paragraph; else the
    protagonist and their spouse, when the protagonist is the last person named before it there
    ("Teigen ... their son") or nobody is ("He is survived by their daughter"); else nobody, since
    "their" after someone else may stand for any pair the text has left ("His former wife, Ruth
    Keller, ... Their three children"). A "their" that places a child among the children ("Their
    younger child, Anna") is the pair of the one before it in its paragraph that did ("Their eldest,
    Jerome …, flew home with his wife, Camille"): the children of one pair, not of the eldest's."""
    para = paragraph_at(ctx, pos)
    if THEIR_ORDER.match(ctx.text, pos):
        a = ctx.text.rfind("\n", 0, pos) + 1
        earlier = [m.start() for m in THEIR_ORDER.finditer(ctx.text, a, pos)]
        if earlier:
            return _paragraph_couple(ctx, names, earlier[0])
    before = [m for m in names.mentions if m.ref.type == PERSON and m.span.end <= pos
              and paragraph_at(ctx, m.span.start) == para]
    bracketed = _bracketed_pair(ctx, before)
    if bracketed:
        return bracketed
    group = _last_list(ctx, before)
    if group:
        members = {m.ref for m in group}
        if len(members) > 2 and _THEIR_OFFSPRING.match(ctx.text, pos):
            return []  # "Tom and Ann Farrow, and Ruth Keller … Their daughter": whose, of the three, is not said
        if any(m.ref not in members and m.span.start >= group[-1].span.end for m in before):
            # someone named after the list ("his son Marc and their children, Émilie and Jacob; his daughter,
            # Lise Kowalchuk, and their children, Noah and Sophie"): the list is not whom "their" calls back
            return []
        return sorted(members)
    if not before and para > 0:
        # "Among the dead were Harold and June Pettibone … / Their daughter, Karen Lusk, said": a paragraph
        # that names nobody before its "their" goes on with the pair the paragraph before ended on
        earlier = [m for m in names.mentions if m.ref.type == PERSON and paragraph_at(ctx, m.span.start) == para - 1]
        group = _last_list(ctx, earlier)
        if group and max(m.span.end for m in earlier) == max(m.span.end for m in group) \
                and not CHILDREN_BEFORE.search(ctx.text, max(0, group[0].span.start - 40), group[0].span.start):
            return sorted({m.ref for m in group})
    lead = protagonist(names, None)
    last = max(before, key=lambda m: m.span.end) if before else None
    if last is not None and _THEIR_CHILD.match(ctx.text, last.span.end):
        return []  # "Inés, their first child, … Their son, Tomás": she is the pair's child, not one of them
    if lead and (last is None or last.ref == Ref("name", lead, PERSON)):
        me = Ref("name", lead, PERSON)
        return [me, Ref("spouse-of", lead, PERSON, inner=me)]
    return []


_BRACKET_OPEN = regex.compile(r"\s*\(\s*")
_BRACKET_CLOSE = regex.compile(r"\s*\)")


def _bracketed_pair(ctx: Context, people: list[Mention]) -> list[Ref]:
    """The two people of "Lise Kowalchuk (Peter)" when they are the last named before "their": a survived-by
    list's way of writing a child and the child's spouse ("his daughter, Lise Kowalchuk (Peter), and their
    children, Noah and Sophie"); [] otherwise."""
    people = sorted(people, key=lambda m: m.span.start)
    if len(people) < 2:
        return []
    x, y = people[-2], people[-1]
    if x.ref == y.ref or not _BRACKET_OPEN.fullmatch(ctx.text, x.span.end, y.span.start):
        return []
    if not _BRACKET_CLOSE.match(ctx.text, y.span.end):
        return []
    return sorted({x.ref, y.ref})


def _last_list(ctx: Context, people: list[Mention]) -> list[Mention]:
    """The last run of two or more people written as a list ("Luna and Miles", "A, B and C")."""
    people = sorted(people, key=lambda m: m.span.start)
    best: list[Mention] = []
    i = 0
    while i < len(people):
        group = [people[i]]
        j = i + 1
        # a joint name ("Harold and June Pettibone") is one span of both people's mentions
        while j < len(people) and (people[j].span == group[-1].span
                                   or _LIST_GLUE.fullmatch(ctx.text[group[-1].span.end : people[j].span.start])):
            group.append(people[j])
            j += 1
        if len({m.ref for m in group}) >= 2:
            best = group
        i = j
    return best


def _described_another(ctx: Context, names: Names, noun: str, before: int) -> bool:
    """Whether the text, before `before`, writes the noun (alone or first of two joined jobs) right before a
    capitalised word that is no word of the article's protagonist's name: someone it introduced so whom the
    names step did not take ("Singer-actor Noel"); "Pop star Dua Lipa … the singer" describes no one else."""
    lead = protagonist(names, None)
    own = set(name_words(lead)) if lead else set()
    pattern = regex.compile(r"(?<![\p{L}-])(?i:" + regex.escape(noun) + r")(?:-\p{L}+)?\s+(\p{Lu}[\p{L}’'-]+)")
    return any(m.group(1) not in own for m in pattern.finditer(ctx.text, 0, before))


def _introduced_as(ctx: Context, qualifier: str, noun: str, person: str) -> bool:
    """Whether the text writes the qualifier and noun right before the person's name ("assistant coach Mr Isaac
    Mensah", "Vice President Sara Duterte"), in any case, a title maybe between."""
    first = person.split()[0]
    return regex.search(r"(?i:" + regex.escape(qualifier) + r"[\s-]+" + regex.escape(noun) + r")\s+"
                        r"(?:\p{Lu}\p{Ll}{1,3}\.?\s+)?" + regex.escape(first) + r"(?![\p{L}’'-])", ctx.text) is not None


def _full_bearers(ctx: Context, names: Names) -> dict[str, set[str]]:
    """Each word of a person's full name -> the people of the article named in full with it; worked out once."""
    found = ctx.memo.get("full_bearers")
    if found is None:
        found = ctx.memo["full_bearers"] = defaultdict(set)
        for m in names.mentions:
            if m.ref.type == PERSON and len(counted_words(m.ref.value)) >= 2:
                for w in counted_words(m.ref.value):
                    found[w].add(m.ref.value)
    return found


def _just_introduced(ctx: Context, speaking: Speaking, names: Names, a: int, b: int) -> list[Ref] | None:
    """A bare surname as a speaker ("…," Friesen said) where two or more people named before bear it, and the one
    of them named in full in this paragraph or the one before, as the subject of a verb of reporting, is not whom
    the names step gave it: that one, whom the reader has just met speaking ("Club manager Lorne Friesen — no
    relation to the skip — said …" then "Friesen said"), though the article's lead bears the surname too. None
    where no one, or more than one bearer, was named so; the other readings stand."""
    word = ctx.text[a:b]
    if " " in word or _title_before(ctx, a) is not None:
        return None
    mention = _mention_at(names, a, b)
    bearers = _full_bearers(ctx, names).get(word, set())
    if mention is None or (mention.span.start, mention.span.end) != (a, b) or len(bearers) < 2:
        return None
    named = [c for c in speaking.people.candidates if c.end <= a and c.person in bearers and c.quote is None
             and not c.role and surname(c.person) == word]
    recent = _met_speaking(ctx, speaking.people.candidates, named, a)
    # no other bearer named at all since the one just introduced: "Friesen" may call back no one else
    if len(recent) != 1 or mention.ref.value in recent:
        return None
    (person,) = recent
    last = max(c.start for c in named if c.person == person)
    if any(c.start > last and c.person != person for c in named):
        return None
    return [Ref("titled", person, PERSON)]


def _met_speaking(ctx: Context, candidates, named: list[Candidate], a: int) -> set[str]:
    """The people of `named` the reader has just met speaking at a: named in full in its paragraph or the one before,
    as the subject of a verb of reporting."""
    here = paragraph_at(ctx, a)
    return {c.person for c in named if here - 1 <= c.paragraph <= here and " " in ctx.text[c.start:c.end]
            and _reporting_subject(ctx, candidates, c)}


def _reporting_subject(ctx: Context, candidates, c: Candidate) -> bool:
    """Whether c is who a verb of reporting later in the sentence is said of: the first such verb after them
    comes before anyone else is named ("club manager Lorne Friesen — no relation to the skip — said")."""
    verbs = speaker_words(ctx, "reporting_verbs")
    _, end = ctx.sentences[c.sentence]
    if any(o.sentence == c.sentence and o.end <= c.start and _RELATIVE_OPENED.search(ctx.text, o.end, c.start)
           for o in candidates if o is not c):
        return False  # "Jamie Muise, 44, whose grandfather, Clovis Muise, helped pour it, said": the clause's, not the verb's
    verb = None
    for w in _WORD.finditer(ctx.text, c.end, end):
        if w.group().lower() in _OWN_SUBJECT:
            return False  # "her father, Ole Aasheim, a captain who died in 2023 and who, she says, …"
        if w.group() in verbs:
            verb = w.start()
            break
    # anyone named between may be the verb's subject, but not a role after a preposition ("— no relation to the
    # skip — said")
    return verb is not None and not _QUOTE_MARK.search(ctx.text, c.end, verb) and not any(
        c.end <= o.start < verb and not (o.role and _AFTER_PREPOSITION.search(ctx.text, max(0, o.start - 16), o.start))
        for o in candidates if o is not c)


# a relative clause opened after a name: a name inside it is not the subject of the verb after the clause
_RELATIVE_OPENED = regex.compile(r",\s+(?:\d{1,3},\s+)?(?:who|whose|whom)\b")


# words that give a verb after a name a subject of its own, or open a clause of their own ("Ciarán Gallagher
# remains in hospital, where his condition is described as stable")
_OWN_SUBJECT = frozenset({"who", "whom", "whose", "which", "that", "he", "she", "they", "it", "i", "we", "you", "where",
                          "when", "while", "because", "although", "though", "if", "his", "her", "their", "its"})
_QUOTE_MARK = regex.compile(r"[“”\"‘]")
_AFTER_PREPOSITION = regex.compile(r"\b(?:to|of|for|with|at|from|by)\s+(?:the|a|an|his|her|their)?\s*$")


def _mention_at(names: Names, a: int, b: int) -> Mention | None:
    """The mention inside [a, b) (the longest; of equal ones the first the names step gave), else the
    one that contains it ("Jack" within "baby Jack"): the one whose name begins with these words,
    else the shortest, for a joint name's evidence holds its partner's name too ("Gerald and
    Patrice Whitcomb" is Gerald's; "Patrice" within it is Patrice's; so are "Gregory" and "Linda"
    of "Gregory (Linda) Wieczorek")."""
    index = names.index
    inside = [i for i in index.overlapping(a, b) if a <= names.mentions[i].span.start and names.mentions[i].span.end <= b]
    if inside:
        return names.mentions[min(inside, key=lambda i: (-(names.mentions[i].span.end - names.mentions[i].span.start), i))]
    holding = [i for _, _, i in index.containing(a, b)]
    if not holding:
        return None
    first = names.mentions[holding[0]].span
    words = " ".join(first.exact[a - first.start : b - first.start].split())

    def begins(m: Mention) -> bool:
        return m.ref.value == words or m.ref.value.startswith(words + " ")

    # words of the span that are in no name it holds (the maiden name Vos of "Geertje (Vos) Brink") are nobody
    named = [i for i in holding if f" {words} " in f" {names.mentions[i].ref.value} "]
    if not named:
        return None
    return names.mentions[min(named, key=lambda i: (not begins(names.mentions[i]),
                                                    names.mentions[i].span.end - names.mentions[i].span.start, i))]
