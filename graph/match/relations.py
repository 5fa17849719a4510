"""Relations step: the family ties the relation rules find between the people of an article.

A pronoun ("his wife, Claire Ashgrove", "she married George Hardesty") is read in the manner of
the pronoun pass of Stanford's coreference sieve: the nearest person named before it outside
quotation marks whose gender does not clash with it, the subject when a sentence before it
names several; when that still leaves two people, no tie (a wrong tie is worse than none).
A pronoun that opens a sentence before any name continues a chain back to its antecedent
(`_People.antecedent`); a sentence opening with an age ("The 24-year-old said") stands for the
person the article is about where they were the last one named, and for nobody where the text gave
that age to someone unnamed ("a 24-year-old man"). "their" is the nearest pair of people written
together ("Nia Brooks and Cal Ortiz"), else what the role rules say, never a person the
match itself names as a child; "my" inside a quotation is its speaker, which the merge knows.
A possessive opening an item of a list of survivors ("He is survived by his son, Tom Reyes; his
daughter, Ann Lee") is the list's subject (its he or she read as any pronoun, or as the person the
article is about where that reading is one of the survivors), never an earlier item of the list
(`_People.survivor_subject`); "the couple" (role-couple) is two people the text ties as partners,
else nobody (`_People.the_couple`). A sentence opening with an unnamed titled person ("The Duke
succeeded … his father") makes its possessive nobody named before.
Two role rules of roles.yaml are read here: "the bride", "the groom" (role-wedding-partner) is one
of the couple the article is about, told apart by a relative's surname or the gender the text
tells (a he or she after a sentence opening with "The groom" is the groom too); "the brothers",
"the twins" (role-siblings) are the siblings the sibling rules found before. "her father" as the
person of a tie ("her father married Dana") is the one named as her father before.
"""

from __future__ import annotations

import bisect

import regex

from graph.match.context import Context
from graph.match.names import MAIDEN_NAME, PERSON, Names, counted_words, surname
from graph.match.references import (CHILDREN_BEFORE, POSSESSOR_AFTER, THEIR_ORDER, Capture, group_refs,
                                    introduced_name, speaker_settings, titled_name)
from graph.records import Mention, Ref, Relation, Span
from graph.rules.catalogue import RELATIONS
from graph.rules.ruleset import roles_of

_PRONOUN_GENDER = {"his": "m", "her": "f", "he": "m", "she": "f", "him": "m"}
SUBJECT_PRONOUNS = {w: g for w, g in _PRONOUN_GENDER.items() if w in ("he", "she")}  # what an event's people may be
POSSESSIVE_PRONOUNS = {w: g for w, g in _PRONOUN_GENDER.items() if w in ("his", "her")}
_SUBJECT_PRONOUN = regex.compile(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is)\b")
_PARAGRAPHS_BACK = 2  # how far back a pronoun looks: its paragraph and the two before
# a word, and a capitalised one: what a paragraph of quotation alone holds none of outside its marks
_WORD = regex.compile(r"\p{L}+")
_CAPITALISED_WORD = regex.compile(r"(?<![\p{L}’'-])\p{Lu}[\p{L}’'-]*")
# a possessive followed by "own": his own father, her own mother
_OWN_AFTER = regex.compile(r"(?:[Hh]is|[Hh]er)\s+own\b")
# a possessive that opens a sentence with the relative or associate it names: "Her twin brother, Josh Marchbank"
_POSSESSIVE_APPOSED = {g: regex.compile(p + r"\s+(?!own\b)(?:\p{Ll}[\p{Ll}-]*\s+){0,2}\p{Ll}[\p{Ll}-]*,\s+(?:the\s+late\s+)?\p{Lu}")
                       for g, p in (("f", "Her"), ("m", "His"))}
# a he or she opening a quotation with a verb of saying: She said: “…
_SAYS_QUOTATION = regex.compile(r"(?:[Hh]e|[Ss]he)\s+(?:said|says|added|adds|wrote|writes|told\s+\p{L}+)\s*[:,]\s*[“\"‘]")
# the closing mark and comma of a quotation right before a speaker pronoun: “…,” he said
_ATTRIBUTION_BEFORE = regex.compile(r"(?:[,.!?][”\"’']|[”\"’'],)[^\S\n]+$")
_CHAIN = 4  # pronouns standing for one another, followed back at most this far
_CHAIN_PARAGRAPHS_BACK = 1  # a chain of pronouns looks no further back than the paragraph before its first
_SAME_GENDER = {"f": regex.compile(r"\b(?:[Ss]he|[Hh]er)\b"), "m": regex.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im)\b")}
# between a person and the pronoun coordinated with them: "X and his", "X, a foreman at the mill, and his"
# a verb of naming before its object ("called her Bea", "nicknamed him Sonny")
_NAMING_VERB = regex.compile(r"(?<![\p{L}])(?:called|calls|call|named|nicknamed|dubbed|christened)\s+$")
_COORDINATED = regex.compile(r"(?:,\s+[^,;.“”\"]{1,80},)?\s+and\s+")
# a capitalised word right before "and" and a pronoun: the person the pronoun is joined to ("to Kaitlyn and her
# husband"), a name of the sentence though no name rule may have found it (not "Tuesday and his")
_NAME_AND_BEFORE = regex.compile(r"(?<=[\p{Ll},;]\s)(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                                  r"January|February|March|April|May|June|July|August|September|October|November|"
                                  r"December)\b)\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?\s+and\s+$")
# the words between a name and a pronoun inside a relative clause that name describes ("Nora
# Marsh, who lives in Ellery with her husband"): the pronoun is hers
# a relative clause right after a name, its age between ("Arne Halvorsen, 81, who co-founded it with his late wife")
_AGE_GAP = regex.compile(r",\s+(?:aged\s+)?\d{1,3}")
# ... or a short description between ("Noel Caballes, 41, a tricycle driver from Bantilan, who lost his wife")
_BEFORE_WHO = regex.compile(f"(?:{_AGE_GAP.pattern})?" + r"(?:,\s+(?:an?|the)\s[^,;.“”\"]{1,80})?")
_RELATIVE = regex.compile(_BEFORE_WHO.pattern + r",\s+who\s+[^,;.“”\"]{0,160}")
# a kinship noun before a couple in its sentence: the pair are someone's parents or grandparents
_COUPLE_AS_KIN = regex.compile(r"\b(?:daughter|son|child|children|granddaughter|grandson|grandchild|grandchildren|parents|"
                               r"grandparents|great-grandparents|sons|daughters)\b")
# a kinship noun of blood or a newborn
_BLOOD_KIN = regex.compile(r"(?i)\b(?:sons?|daughters?|child|children|kids?|baby|babies|newborn|infant|twins?|triplets|"
                           r"father|mother|dad|mum|mom|parents?|brothers?|sisters?|siblings?|grand\p{L}+|nephew|niece|"
                           r"uncle|aunt|cousin)\b")
_THAT = regex.compile(r"\bthat\b")
# a dead person named ("the late Tan Ah Kow")
_LATE_NAME = regex.compile(r"\b[Tt]he\s+late\s+\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,3}")
# someone described, not named, as owning something ("the hawker's estate"), but for a time ("the day's end")
_UNNAMED_POSSESSOR = regex.compile(r"\b[Tt]he\s+(?:late\s+)?(?!(?:day|week|month|year|season|night|morning|"
                                   r"evening|decade|century|country|nation|world|city|town|state|company|club|"
                                   r"team|family|court|government|party|group|firm|board|school|church)[’'])"
                                   r"\p{Ll}[\p{Ll}-]+[’']s\s")
# two people written as blood kin of each other anywhere in the article ("Father and son have shared the coaches'
# box"): the lede's two of one surname are then no couple
_KIN_PAIR = regex.compile(r"(?i)\b(?:father|mother|dad|mum|mom|brothers?|sisters?|siblings|twins?)\s+(?:and|&)\s+"
                          r"(?:sons?|daughters?|brothers?|sisters?)\b")
# the end of a sentence inside a paragraph
_SENTENCE_END = regex.compile(r"[.!?][”\"’]?\s")
# "the couple" or "the pair" as a clause's subject, written before a "their" of its sentence
_COUPLE_SUBJECT = regex.compile(r"(?<![\p{L}’'])[Tt]he\s+(?:couple|pair)\b(?![’'])")
# a sentence opening with "the couple" as its subject ("The couple married in 1981."), for a "their" after it
_COUPLE_OPENER = regex.compile(r"\s*(?P<couple>" + _COUPLE_SUBJECT.pattern + r")(?!\s+of\b)")
# a phrase put before the subject, holding a pronoun that looks ahead to it ("In her acceptance speech, Mrs
# Ramsden thanked her husband"): up to the comma, then at most three words of title before the name
_FRONTED_PHRASE = regex.compile(
    r"\s*(?:In|At|On|During|After|Before|Throughout|Through|Despite|Since|Upon|Under|With|For)\s+[^,;:.“”\"]{1,60}?,\s+"
    r"(?:\p{Lu}[\p{L}.]*\s+){0,3}")
# a participle about the subject opening a sentence, up to the subject pronoun after its comma: "Born March 3, 1934,
# in El Paso, Texas, to Ignacio Quintero, a railroad machinist, and Mercedes Quintero, a seamstress, "
_SUBJECT_OF = {"f": regex.compile(r"she\b"), "m": regex.compile(r"he\b")}
_BORN_PHRASE = regex.compile(r"(?:Born|Raised|Brought\s+up|Adopted|Orphaned)\s[^;:.!?“”\"]{1,300},\s+")
# a possessive 's right after a noun ("The actor's mother")
_POSSESSIVE_S = regex.compile(r"[’']s\b")
# a relative named by birth order: after a possessive pronoun ("His younger son", "her eldest daughter"), after a
# name it describes ("Nitin, the couple's elder son"), before the name ("his elder son, Nitin")
_BIRTH_ORDER = r"(?:elder|older|younger|eldest|oldest|youngest|middle)\s+(?P<noun>son|daughter|brother|sister|child)\b"
_BIRTH_ORDER_KIN = regex.compile(r"(?:[Hh]is|[Hh]er)\s+" + _BIRTH_ORDER)
_BIRTH_ORDER_AFTER = regex.compile(r",\s+(?:[\p{L}’'-]+\s+){0,3}?" + _BIRTH_ORDER)
_BIRTH_ORDER_BEFORE = regex.compile(r"\b" + _BIRTH_ORDER + r",?\s+(?:\p{Lu}\p{L}*\.?\s+)?\Z")
# between a possessive that opens a sentence and the name of the relative it describes: "Dragan's late father, "
_SAYING_BETWEEN = regex.compile(r"\b(?:said|says|told|tells|added|recalled|believes|believed|thought|thinks|felt|feels|knew|knows|hoped|hopes|wanted|wants)\b")
_KIN_APPOSED = regex.compile(r"[’']s\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,2}\p{Ll}+,\s+(?:the\s+late\s+)?")
# the same clause right before a pronoun, whatever it hangs on ("His father, who lost his wife")
_RELATIVE_BEFORE_PRONOUN = regex.compile(r",\s+who\s+[^,;.“”\"]{0,80}$")
# a name in apposition to a kinship word and a pronoun joined by "and" alone ("her father,
# Josef Moravec, and his brother"); a plain name so joined leaves the doubt ("Tom met Ben, and his wife")
_JOINED = regex.compile(r",?\s+and\s+")
# a bracket opened by "and" right after a name: "Richard Quayle (and his wife, Anneliese Moreau)" is Richard's wife
_BRACKETED_AND = regex.compile(r"\s*\(\s*and\s+")
# what joins the two people of a pair: "and", or "and her husband," with a few words of description,
# or ", whose first husband," ("Helen Whitlow, whose first husband, Daniel Whitlow, ... their daughter")
# an age may stand after the first of them ("Margaret Dwyer (61) and Noreen Ryan"; "Hartigan, aged 63, and
# his younger brother")
_AGE_AFTER = r"(?:\s+\((?:aged\s+)?\d{1,3}\)|,\s+(?:aged\s+|now\s+)?\d{1,3},)?"
_PAIR_GLUE = regex.compile(_AGE_AFTER + r"\s+and\s+(?:(?:his|her)\s+(?:[\p{Ll}-]+\s+)?(?:wife|husband|partner),?\s+"
                           r"(?:(?!(?:and|or|the|their|his|her|of|with|who)\b)[\p{Ll}-]+\s+){0,3})?"
                           r"|,\s+whose\s+(?:late\s+|first\s+|former\s+)?(?:wife|husband),\s+")
# what joins two siblings: "Nadia Okafor and her twin brother, Samuel Okafor"
_SIBLING_GLUE = regex.compile(_AGE_AFTER + r"\s+and\s+(?:his|her)\s+(?:[\p{Ll}-]+\s+)?(?:half-)?(?:brother|sister),?\s+"
                              r"(?:(?!(?:and|or|the|their|his|her|of|with|who)\b)[\p{Ll}-]+\s+){0,3}")
# the groups in which "their" is two children of one family ("their father", "their half-brother"),
# not a couple ("their son")
_THEIR_SIBLINGS = frozenset({"child", "sibling"})
# role rules of roles.yaml this step reads itself: one of the couple the article is about ("the
# bride", "the groom"); the siblings the article named ("the brothers", "the twins")
_WEDDING_PARTNER = "role-wedding-partner"
# "her father" as a person of a tie ("her father married Dana Moravec"): the one the article named
# as the father of whom the same pronoun stands for ("her father, Josef Moravec")
# a sentence opening with a role ("The groom, 33, teaches", "WESTPORT — The bride wore"), for role-wedding-partner
_OPENING_ROLE = regex.compile(r"\s*(?:\p{Lu}[\p{Lu}\s,.]*\s[—–-]+\s*)?(?P<role>[Tt]he\s+\p{Ll}+)(?![\p{L}’'-])")
_PARENT_OF_PRONOUN = regex.compile(r"(?P<p>[Hh]er|[Hh]is)\s+(?P<noun>father|mother)")
_PARENT_INTRODUCED = regex.compile(r"(?<![\p{L}’'])(?P<p>[Hh]er|[Hh]is)\s+(?:own\s+|late\s+)?(?P<noun>father|mother),?\s+"
                                   r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")
_SIBLINGS_ROLE = "role-siblings"
# how many sentences back a he or she may find "The bride" or "The groom" opening one, through
# sentences that open with the same pronoun ("The groom, 33, teaches. He graduated from X. He is the son of")
_WEDDING_CHAIN = 3
_PRONOUN_OPENING = regex.compile(r"\s*(?P<p>[Hh]e|[Ss]he)(?![\p{L}’'-])")
# "the couple", "the pair" (role-couple) as a person of a tie: two people the text ties as partners
_COUPLE_ROLE = "role-couple"
# the order the rules run in: spouse ties first ("their" after a marriage is that couple), then
# sibling ties ("the brothers' mother"), then the rest
_ORDER = {"spouse": 0, "sibling": 1}
# the words of a sibling tie that make the two no full siblings ("her half-brother", "stepsister")
_TWIN = regex.compile(r"\btwins?\b", regex.IGNORECASE)
_NOT_FULL = regex.compile(r"\b(?:half|step)[-\s]?(?:brother|sister|sibling)", regex.IGNORECASE)
# a sentence opening with an unnamed person described by age ("The 24-year-old said"), of either gender
_AGED_OPENER = regex.compile(r"\s*(?:\p{Lu}[\p{Lu}\s,.]*\s[—–-]+\s*)?[Tt]he\s+(?P<age>\d{1,3})-year-old(?![\p{L}’'-])")
# a list of the relatives someone is survived by (or predeceased by, or leaves): its subject, a he or
# she or a name opening the sentence, and the verb; a possessive opening an item of the list (right
# after the verb, or after a semicolon) is that subject's, never an earlier item's ("He is survived by
# his son, Tom Reyes of Dunmore; his daughter, Ann": Ann is his, not Tom's)
_SURVIVOR_VERB = regex.compile(r"\s+(?:(?:is|was)\s+(?:also\s+)?(?:survived|predeceased|preceded\s+in\s+death)\s+by"
                               r"|leaves(?:\s+behind)?(?=\s+(?:his|her)\s))\s+")
_SURVIVOR_ITEM = regex.compile(r"(?:;\s+(?:and\s+)?(?:by\s+)?(?:also\s+)?)$")
_SUBJECT_OPENING = regex.compile(r"\s*(?P<p>[Hh]e|[Ss]he)")
# A sentence that opens with a capitalised name no rule read, its verb after it ("Yip Kwok-leung built Grandmount
# from a tenement block he bought"): the he or she after it is most likely that unread person's, not one named
# before. The opening words are no determiner, preposition or other word that opens sentences capitalised.
_UNREAD_NAME_SUBJECT = regex.compile(
    r"\s*(?!(?:The|A|An|In|On|At|By|For|From|To|Of|With|After|Before|Since|During|Last|Next|This|That|These|Those|"
    r"His|Her|Their|Its|Our|My|Your|When|While|But|And|Or|So|Yet|As|If|Then|Now|Every|Each|Some|Many|Most|All|"
    r"Both|Other|Another|Such|No|Only|Even|Early|Late|Later|Here|There|Under|Over|Across|Among|Despite|Like|"
    r"Following|According)\s)"
    r"(?:\p{Lu}\p{Ll}+(?:-\p{Ll}+)?\s+){1,3}\p{Lu}\p{Ll}+(?:-\p{Ll}+)?\s+"
    r"(?!(?:and|or|of|the|a|an|in|on|at|to|for|with|from|by|de|del|da|van|von|der|la|le|du|bin|binti|al)\s)\p{Ll}")
# a sentence opening with an unnamed person by a capitalised title ("The Duke succeeded to the title on
# the death of his father", "The Senator, 61, said"): a possessive after it, no one named between, may
# be that person's
_TITLED_OPENER = regex.compile(r"\s*[Tt]he\s+\p{Lu}\p{Ll}+(?:\s+of\s+\p{Lu}\p{Ll}+)?(?=,|\s+\p{Ll})")
# a half-sibling just named: "a half-brother, " before a name
_HALF_BEFORE = regex.compile(r"\bhalf[-\s]?(?:brother|sister|sibling)s?,?\s+(?:\p{Ll}+\s+){0,2}$", regex.IGNORECASE)


def _article_people(ctx: Context, names: Names) -> "_People":
    """The article's people as the relation rules read them, made once per article (the events step
    reads a he or she by the same antecedent)."""
    people = ctx.memo.get("relation_people")
    if people is None:
        people = ctx.memo["relation_people"] = _People(ctx, names)
    return people


def pronoun_antecedent(ctx: Context, names: Names, a: int, b: int) -> Mention | None:
    """Whom a subject "he" or "she" at text[a:b] stands for, read as a family tie's pronoun is: the
    nearest person named before it whose gender does not clash, or nobody when the text leaves a doubt;
    None too for words that are no such pronoun."""
    gender = SUBJECT_PRONOUNS.get(ctx.text[a:b].casefold())
    if gender is None:
        return None
    return _article_people(ctx, names).antecedent(a, gender)


def find_relations(ctx: Context, names: Names) -> list[Relation]:
    """Every tie a relation rule states between two distinct people, sorted."""
    people = _article_people(ctx, names)
    out: list[Relation] = []
    # spouse rules first: "their" after a sentence that states a marriage is that couple's
    for rule in sorted(ctx.rules["relations"], key=lambda r: _ORDER.get(r.get("relation"), 2)):
        kind = rule.get("relation")
        roles = RELATIONS[kind]
        child_first = roles == ("parent", "child")
        for m in ctx.finditer(rule):
            span = ctx.span(m.start(), m.end())
            # a tie is between people only: words the names step found to be a place or an
            # organisation ("Born in Grenner Township, he was the son of ...") are nobody's kin
            groups = [[r for r in people.refs(m, g, rule.get("pronoun")) if r[0].type == PERSON] for g in roles]
            named = {r.value for refs in groups for r, _, implied in refs if not implied}
            if kind == "sibling":
                refs = _plain(groups[0], named)
                pairs = [(x, y) for x in refs for y in refs if x != y and not _half_apart(ctx, m, x[1], y[1])]
            else:
                left, right = _plain(groups[0], named), _plain(groups[1], named)
                pairs = [(x, y) for x in left for y in right if x != y]
                if child_first:
                    said_couple = any(_COUPLE_WORDS.match(w) for w in m.captures(roles[0]))
                    couple = {r for r, _, implied in groups[0] if implied} if said_couple else set()
                    pairs = [(x, y) for x, y in pairs if not (x[0] in couple and _of_another_family(people, y[0], couple))]
            for (x, xat), (y, yat) in pairs:
                if child_first:  # a parent tie, or a step-parent one, is told as (child, parent)
                    out.append(Relation(kind, y, x, span, rule.id, yat, xat, _speaker_side(yat, xat)))
                else:
                    out.append(Relation(kind, x, y, span, rule.id, xat, yat, _speaker_side(xat, yat)))
                    if kind == "spouse":
                        people.married.append(out[-1])
                    elif kind == "sibling":
                        people.sisters.append(out[-1])
            if pairs:
                ctx.hits[rule.id] += 1
    return sorted(set(out))


# "the couple", "the pair": a reading of the article's one couple, which may be the wrong one
_COUPLE_WORDS = regex.compile(r"[Tt]he\s+(?:couple|pair|duo)\b")


def _of_another_family(people: "_People", child: Ref, couple: set[Ref]) -> bool:
    """Whether a child named in full is no child of the couple "the couple" was read as: neither of them bears a
    part of the child's surname, and someone else the article names in full does ("The couple's son, Mr Kwame
    Nsiah-Darko" read as the Boateng-Ofori couple's, where the article names Kofi Nsiah-Darko): the reading
    found the wrong couple. A child whose surname nobody else bears may be theirs (a mother's surname)."""
    words = child.value.split()
    if len(words) < 2:
        return False
    parts = set(words[-1].split("-"))

    def bears(name: str) -> bool:
        names = name.split()
        return len(names) > 1 and bool(parts & set(names[-1].split("-")))

    if any(bears(p.value) for p in couple):
        return False
    # the child's spouse bears the name the child married into ("The couple's daughter, Kayla Brandt" beside her
    # husband, Nate Brandt): no other family
    spouses = {r.object.value if r.subject.value == child.value else r.subject.value
               for r in people.married if child.value in (r.subject.value, r.object.value)}
    return any(bears(m.ref.value) for m in people.mentions
               if m.ref.value != child.value and m.ref not in couple and m.ref.value not in spouses)


def _half_apart(ctx: Context, m, x: Span, y: Span) -> bool:
    """Whether two relatives a sibling match lists after its first person are no siblings of each
    other as far as it says: one of them is a half-sibling ("survived by a sister, Maude; a
    half-brother, August": August is Maude's brother only if they share the parent he shares with
    the subject, which the list does not say)."""
    first = m.spans("sibling")[0][0]

    def listed(at: Span) -> bool:
        return m.start() <= at.start < m.end() and at.start != first

    def half(at: Span) -> bool:
        return bool(_HALF_BEFORE.search(ctx.text, max(m.start(), at.start - 40), at.start))

    return listed(x) and listed(y) and (half(x) or half(y))


def _speaker_side(subject_at: Span, object_at: Span) -> str | None:
    """Which side of a tie is "my" (the speaker of the quotation it is written in), if one is."""
    for side, at in (("subject", subject_at), ("object", object_at)):
        if at.exact.casefold() == "my":
            return side
    return None


def _plain(refs: list[tuple[Ref, Span, bool]], named: set[str]) -> list[tuple[Ref, Span]]:
    """The people of a group, a pronoun's or description's reading dropped where it is a person
    the match names outright ("their children, Ivy, Teo and Max": "their" is not Ivy)."""
    return sorted({(r, at) for r, at, implied in refs if not (implied and r.value in named)})


_CLAUSE_BETWEEN = regex.compile(r"[,;:“”\"()–—]|\b(?:who|whom|whose|which|that|and|but|or|as|when|while|because|after|before)\b")
_DASH = regex.compile(r"\s[–—]\s")


def _in_closed_aside(text: str, start: int, x: Mention, pos: int) -> bool:
    """Whether the mention x stands between two spaced dashes of its sentence (from start), the second before pos."""
    opened = [d.start() for d in _DASH.finditer(text, start, x.span.start)]
    closed = _DASH.search(text, x.span.end, pos)
    return len(opened) % 2 == 1 and closed is not None


class _People:
    """The people of one article as the relation rules need them: who each group names, and genders."""

    def __init__(self, ctx: Context, names: Names):
        self.ctx, self.names = ctx, names
        # a maiden name after "née" is a name of the one just named, no one a pronoun could go back to
        self.mentions = sorted((m for m in names.mentions if m.ref.kind == "name" and m.ref.type == PERSON
                                and not ctx.in_quote(m.span.start) and m.rule != MAIDEN_NAME),
                               key=lambda m: m.span.start)
        self.genders = _genders(ctx, names, self.mentions)
        # "His son, Tom Pruett, ... and his daughter, Ellen Greer": a person named as the relative
        # of a pronoun is not what the next pronoun of the sentence stands for
        self._kin_of_pronoun = _kin_of_pronoun(ctx.rules)
        # "The groom, 33, teaches history. His mother, ...": a sentence whose subject is an unnamed
        # person of the pronoun's gender; the pronoun is more likely theirs than a name further back
        self._described = _described_subject(ctx.rules)
        # "… which their father still runs with his wife, Brigitte": an unnamed relative of the pronoun's
        # gender is the subject of the clause the pronoun is in; the pronoun is theirs
        self._kin_clause = _kin_clause_subject(ctx.rules)
        # the spouse ties found so far (the spouse rules run first), for "their" (`couple`)
        self.married: list[Relation] = []
        # the sibling ties found so far (the sibling rules run next), for "the brothers"
        self.sisters: list[Relation] = []
        self._roles = {r.id: r for r in ctx.rules["roles"] if r.id in (_WEDDING_PARTNER, _SIBLINGS_ROLE, _COUPLE_ROLE)}

    def refs(self, m, group: str, pronoun: str | None = None) -> list[tuple[Ref, Span, bool]]:
        """(person, the words it was read from, whether a pronoun or description stood for them)
        for each capture of a group of match m. pronoun: the rule's `pronoun`; "protagonist" reads
        a he or she as the person the article is about, not the nearest name."""
        if group not in m.re.groupindex:
            return []
        out = []
        for a, b in m.spans(group):
            words = self.ctx.text[a:b].casefold()
            gender = _PRONOUN_GENDER.get(words)
            if gender:
                if self._joined_to_unnamed(a):
                    continue
                wed = self._wedding_subject(m, group, a, gender)
                if wed is not None:
                    out.extend((ref, at, True) for ref, at in wed)
                    continue
                if pronoun == "protagonist":
                    found = self._protagonist_reading(a, gender)
                    if found is not None:
                        out.append((found.ref, found.span, True))
                    continue
                listed = self.survivor_subject(a, gender)
                if listed is not None:  # an item of a list of survivors: the list's subject, or nobody
                    if listed:
                        out.append((listed[0].ref, listed[0].span, True))
                    continue
                parallel = self._parallel_owner(a, b, gender)
                if parallel is not None:
                    out.append((parallel.ref, parallel.span, True))
                    continue
                surnames = _relatives_surnames(self.ctx, m, (a, b)) | self._named_before_surnames(m, (a, b))
                found = self.antecedent(a, gender, surnames=surnames)
                if found is not None and m.start() <= found.span.start < a:
                    # "Pavel, her half-brother,": the pronoun is not the name it describes; it is
                    # whom it would stand for before that name
                    inside = found
                    found = self.antecedent(m.start(), gender, surnames=surnames)
                    if found is not None and inside.span.start == m.start() and found.ref.value == inside.ref.value:
                        found = None  # "Lucia is her daughter": her is not Lucia, named before too
                relatives = frozenset(x.ref.value for x in self.mentions if m.start() <= x.span.start < m.end())
                found = self._family_name_reading(found, gender, surnames, m.start(), words in ('his', 'her'),
                                                  relatives)
                if found is not None:
                    out.append((found.ref, found.span, True))
                continue
            if words == "my":
                if self.ctx.in_quote(a):  # whoever says the quotation: the merge knows the speaker
                    out.append((Ref("name", "my", PERSON), self.ctx.span(a, b), True))
                continue
            if words == "their" and group in _THEIR_SIBLINGS:
                out.extend((ref, at, True) for ref, at in self.siblings(a, of_sibling=group == "sibling"))
                continue  # never the couple the role rules would read "their" as
            if words == "their":
                pair = self.couple(a)
                subject = None if pair else _COUPLE_SUBJECT.search(self.ctx.text, self.ctx.sentence_of(a)[0], a)
                if subject:
                    # "The couple, who married in 1998, were supported by their son": the couple's, as "the
                    # couple" is read, never the protagonist and a spouse by default
                    pair = self.the_couple(m, group, subject.start())
                if pair or subject:
                    out.extend((ref, at, True) for ref, at in pair)
                    continue
                if a == self.ctx.paragraphs[self.ctx.paragraph_of(a)][0]:
                    # "Their son, Mateo" opening a paragraph, no pair written before: the one person the text
                    # continues only where a spouse tie of the article takes them (that couple's son, whom the
                    # merge gives the spouse too); else nobody (one unmarried man named last is no father)
                    spouses = {ref for r in self.married if r.speaker is None for ref in (r.subject, r.object)}
                    spouses |= self._paired_before(a)  # "Gus and Eleni Papadakis stood …", a pair written as one
                    out.extend((ref, self.ctx.span(a, b), True)
                               for ref, _ in group_refs(self.ctx, self.names, Capture(m, group, a, b), group)
                               if ref in spouses)
                    continue
            kin = _PARENT_OF_PRONOUN.fullmatch(self.ctx.text, a, b)
            if kin:
                out.extend((ref, at, True) for ref, at in self.parent_of_pronoun(a, kin.group("p"), kin.group("noun")))
                continue
            role = self._role(a, b)
            if role is not None:
                out.extend((ref, at, True) for ref, at in role(m, group, a))
                continue
            titled = titled_name(self.ctx, self.names, a, b)
            if titled is not None:  # "Mzee Cheruiyot's wife" of a father and a daughter: the one the title names
                if titled:
                    out.append((Ref("name", titled, PERSON), self.ctx.span(a, b), False))
                continue
            named = _mention_inside(self.mentions, a, b)
            found = [(ref, self.ctx.span(a, b), not named)
                     for ref, _ in group_refs(self.ctx, self.names, Capture(m, group, a, b), group)]
            if not found and not named:
                # "The defendant's mother, Sharon Merriweather": the one the article introduced as the defendant
                who = introduced_name(self.ctx, self.names, a, b)
                if who is not None:
                    found = [(Ref("name", who, PERSON), self.ctx.span(a, b), True)]
            out.extend(found)
        return out

    def _parallel_owner(self, a: int, b: int, gender: str) -> Mention | None:
        """Whose relative a "his" or "her" before a kinship noun names where its sentence named another relative
        of someone by name just before, past "and" or a clause's "while" or "but" ("Akshay's father, Dattatray
        Bhosale, lit the pyre, while his mother, Vandana Bhosale, …"; "Pallavi's parents and her younger sister,
        Komal"): that someone, as the parallel says, not the relative named between (the nearest by distance)."""
        text = self.ctx.text
        joint = _PARALLEL_BREAK.search(text, max(0, a - 12), a)
        if not joint or not _KIN_AFTER.match(text, b):
            return None
        start = self.ctx.sentence_of(a)[0]
        owners = list(_OWNER_KIN.finditer(text, start, a))
        if not owners:
            return None
        if not joint.group("clause") and any(owners[-1].end() <= x.span.start < a for x in self.mentions):
            return None  # "Greta's father, Per Solberg, and his sister": the relative just named, joined by "and"
        at = owners[-1].start("owner")
        found = next((x for x in self.mentions if x.span.start <= at < x.span.end), None)
        if found is None or self._gender(found) not in (None, gender):
            return None
        return found

    def _family_name_reading(self, found: Mention | None, gender: str, surnames: frozenset[str],
                             before: int, possessive: bool, relatives: frozenset[str] = frozenset()) -> Mention | None:
        """"Dr. Raman said … / Her daughter, Joanna Marwick, said": where the relative bears the surname of the
        article's protagonist of that gender and not that of the person the pronoun's nearness gives, the
        family name outweighs the nearness: the protagonist's relative. Else, for a possessive ("his wife,
        Mrs …"; never "she married …", whose bride did not yet bear the name), the last one of that surname
        named shortly before (two paragraphs), outside quotations, is
        ("“…,” Adeyanju said. … Seated beside him were his wife, Mrs Funmilayo Adeyanju": not the rival
        named nearer), unless their given name or the text says they are of the other gender. Nobody found
        stays nobody: the doubt was the pronoun reader's to settle ("Ivy Lusk is her daughter"; "The teenager's
        mother, Ann Reed, and his sister, Kate Reed": not Tom Reed's sister, though no one else is a Reed)."""
        if found is None:
            return None
        if not surnames or surnames & set(regex.split(r"[\s-]+", found.ref.value)):
            # any word of the name: a maiden name kept inside it ("Grace Okafor Brandt", "Folasade Oyelaran-Ekpo")
            return found
        lead = self.protagonist(gender)
        if lead is not None and _surname(lead) in surnames:
            return lead
        if not possessive:
            return found
        para = self.ctx.paragraph_of(before)
        bearers = [x for x in self.mentions if x.span.end <= before and surname(x.ref.value) in surnames
                   and x.ref.value not in relatives
                   and not self.ctx.in_quote(x.span.start) and self.ctx.paragraph_of(x.span.start) >= para - 2
                   and self._gender(x) in (None, gender)]
        if bearers:
            return bearers[-1]
        # "Her daughter, Aoife Keane" where the one the pronoun reached is no Keane, was not named in the last two
        # paragraphs, and is not whom the article opens with (its most named woman, a spokeswoman): the text does
        # not say whose daughter; an obituary's subject, named in its first paragraph, is the "her" of its end
        first = self._lede_end()
        named = any(x.ref.value == found.ref.value and not self.ctx.in_quote(x.span.start) and (
            x.span.start < first or self.ctx.paragraph_of(x.span.start) >= para - 2)
            for x in self.mentions if x.span.end <= before)
        return found if named else None

    def _lede_end(self) -> int:
        """Where the headline and the lede, the first paragraph of a dozen words or more after it, end."""
        ctx = self.ctx
        headline = ctx.article.meta.headline
        start = headline.end if headline is not None else 0
        return next((b for a, b in ctx.paragraphs if a >= start and len(ctx.text[a:b].split()) >= 12), start)

    def _protagonist_reading(self, pos: int, gender: str) -> Mention | None:
        """Whom a he or she at pos stands for under a rule's `pronoun: protagonist`: the person the
        article is about (`about`), unless the pronoun reads plainly as someone else the text tells
        is of its gender; a relative the same list of survivors names is never that someone ("He is
        survived by his son, Tom; ...": the he is not Tom, however near Tom was named)."""
        found = self.about(pos, gender)
        near = self.antecedent(pos, gender) if found is not None else None
        if near is not None and near.ref.value != found.ref.value and self.genders.get(_key(near)) == gender \
                and near.ref.value not in self._survivors_named(pos):
            return None
        return found

    def _survivors_named(self, pos: int) -> set[str]:
        """The people named after a survivor verb ("is survived by") following pos in its sentence; a
        bare surname there is none ("his son, Tom (Ann) Reyes": the names step may read "Reyes" as
        the one the article is about, who is no survivor of his own)."""
        a, b = self.ctx.sentence_of(pos)
        verb = _SURVIVOR_VERB.search(self.ctx.text, pos, b)
        if verb is None or self.ctx.text[pos:verb.start()].strip() not in ("he", "He", "she", "She"):
            return set()
        return {x.ref.value for x in self.mentions if verb.end() <= x.span.start and x.span.end <= b
                and not (len(x.span.exact.split()) == 1 and x.span.exact == _last_word(x.ref.value))}

    def survivor_subject(self, pos: int, gender: str) -> list[Mention] | None:
        """Whom a possessive at pos stands for where it opens an item of a list of survivors ("He is
        survived by his son, Tom Reyes; his daughter, Ann Lee"): the list's subject (a he or she read
        as any pronoun, or as the person the article is about where that reading is one of the
        survivors; a name opening the sentence that name), as one mention; [] for nobody; None where
        the possessive opens no such item, or is of the other gender than the subject (the pronoun
        is read as any other)."""
        ctx = self.ctx
        start, _ = ctx.sentence_of(pos)
        verb = next((v for v in _SURVIVOR_VERB.finditer(ctx.text, start, pos)), None)
        if verb is None or ctx.in_quote(pos):
            return None
        if not (verb.end() == pos or _SURVIVOR_ITEM.search(ctx.text, verb.end(), pos)):
            return None
        if ctx.text[verb.end():pos].count(";") != ctx.text[start:pos].count(";"):
            return None  # a semicolon before the verb: not one list
        opening = _SUBJECT_OPENING.fullmatch(ctx.text, start, verb.start())
        if opening:
            if _PRONOUN_GENDER[opening.group("p").casefold()] != gender:
                return None
            # the he or she as any other pronoun, unless that is one of the survivors: then the one
            # the article is about, unless that is one of them too
            at, listed = opening.start("p"), self._survivors_named(opening.start("p"))
            found = [x for x in (self.antecedent(at, gender), self.about(at, gender)) if x is not None]
            return [x for x in found if x.ref.value not in listed][:1] if found else []
        subject = [x for x in self.mentions if start <= x.span.start and x.span.end <= verb.start()]
        if len(subject) != 1 or not _is_subject(ctx, (start, verb.start()), subject[0]) \
                or not regex.fullmatch(r"(?:,\s+\d{1,3},)?", ctx.text[subject[0].span.end:verb.start()]):
            return None
        if self.genders.get(_key(subject[0])) not in (None, gender):
            return None
        return subject

    def _role(self, a: int, b: int):
        """How to read words text[a:b] that a role rule this step reads itself matches: a function
        of (match, group, position), with the role's noun bound; None when no such rule matches."""
        words = self.ctx.text[a:b]
        for rule_id, read in ((_WEDDING_PARTNER, self.partner), (_SIBLINGS_ROLE, self.named_siblings),
                              (_COUPLE_ROLE, self.the_couple)):
            rule = self._roles.get(rule_id)
            found = self.ctx.run(rule, "fullmatch", words) if rule is not None else None
            if found:
                noun = found.group("noun") if "noun" in found.re.groupindex else None
                return lambda m, group, pos, read=read, noun=noun: read(m, group, pos, noun)
        return None

    def _wedding_subject(self, m, group: str, pos: int, gender: str) -> list[tuple[Ref, Span]] | None:
        """Whom a pronoun at pos stands for when its sentence, or the one before where its own names
        nobody before it, opens with "The groom" or "The bride" and names nobody ("The groom, 33,
        teaches history. His mother, ..."): that partner (role-wedding-partner), of the pronoun's
        gender; also a few sentences back where each between opens with the same he or she and names
        nobody ("The bride, 31, is a nurse. She graduated from X. She is the daughter of"); None where
        no such sentence opens so (the pronoun is read as any other)."""
        rule = self._roles.get(_WEDDING_PARTNER)
        if rule is None:
            return None
        for k, sentence in enumerate(self._sentences_back(pos)):
            end = min(sentence[1], pos)
            named = any(sentence[0] <= x.span.start and x.span.end <= end for x in self.mentions)
            opener = _OPENING_ROLE.match(self.ctx.text, sentence[0], end)
            if opener and not named:
                found = self.ctx.run(rule, "fullmatch", opener.group("role"))
                if not found or _kin_gender(self.ctx.rules, found.group("noun")) != gender:
                    return None
                return self.partner(m, group, pos, found.group("noun"))
            if named or k >= _WEDDING_CHAIN:
                return None
            if k >= 1 and not self._opens_with_pronoun(sentence, gender):
                return None  # only sentences opening with the same he or she carry the role on
        return None

    def _opens_with_pronoun(self, sentence: tuple[int, int], gender: str) -> bool:
        """Whether a sentence opens with a he or she of gender outside quotation marks ("The bride, 31,
        is a nurse. She graduated from …": the she of the second goes on being the bride)."""
        p = _PRONOUN_OPENING.match(self.ctx.text, sentence[0], sentence[1])
        return bool(p) and not self.ctx.in_quote(p.start("p")) and _PRONOUN_GENDER[p.group("p").casefold()] == gender

    def partner(self, m, group: str, pos: int, noun: str | None) -> list[tuple[Ref, Span]]:
        """Whom "the bride" or "the groom" at pos stands for: of the couple the article is about
        (its most mentioned person and their one spouse tie), the one of the surname of the
        relative match m names (the other not), unless the text tells that one's gender as the
        other's; failing a surname, the one of the noun's gender where the text tells the gender
        of one of them; nobody otherwise."""
        ranked = sorted(self.names.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked:
            return []
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            # two named as often as each other, and more than anyone else: the couple the article is
            # about where a spouse rule ties those two ("Priya Rao and Tom Hale were married")
            pair = {ranked[0][0], ranked[1][0]}
            couples = {} if len(ranked) > 2 and ranked[2][1] == ranked[0][1] else {
                frozenset((r.subject, r.object)): r for r in self.married
                if r.speaker is None and {r.subject.value, r.object.value} == pair}
        else:
            top = ranked[0][0]
            couples = {frozenset((r.subject, r.object)): r for r in self.married
                       if r.speaker is None and top in (r.subject.value, r.object.value)}
        if len(couples) != 1:
            # a page of several announcements: the couple whose marriage the text told last, in this paragraph
            # or the one before ("A and B were married May 18 … The bride is the daughter of …")
            couples = self._last_couple(pos)
        if len(couples) != 1:
            return []
        (r,) = couples.values()
        sides = [(r.subject, r.subject_at), (r.object, r.object_at)]
        told = [self.genders.get(ref.value) for ref, _ in sides]
        gender = _kin_gender(self.ctx.rules, noun or "")
        if gender is None:
            return []
        fit = [side for side, g in zip(sides, told) if g in (None, gender)]
        sure = [side for side, g in zip(sides, told) if g == gender]
        surnames = {_last_word(self.ctx.text[a:b]) for g in roles_of(m.re) for a, b in m.spans(g) if a != pos}
        # a double-barrelled surname shares each of its parts ("the groom's sister, Niamh Hale-Oduya")
        parts = {p for name in surnames if name for p in name.split("-") if p}
        kin = [side for side in sides if set((_last_word(side[0].value) or "").split("-")) & parts]
        if len(kin) == 1:  # a blood relative's surname, where the gender the text tells does not clash
            return kin if kin[0] in fit else []
        if len(fit) == 1 or (len(fit) == 2 and len(sure) == 1):
            return sure or fit
        return []

    def _last_couple(self, pos: int) -> dict:
        """The couple of the announcement pos stands in: the spouse tie told last before pos in the first
        sentence of a paragraph (each announcement opens so; "Her grandparents, who were married in 1958"
        later in a paragraph is no bride and groom)."""
        text = self.ctx.text
        told = [r for r in self.married if r.speaker is None and r.span.end <= pos
                and not _SENTENCE_END.search(text, self.ctx.paragraphs[self.ctx.paragraph_of(r.span.start)][0], r.span.start)
                # "The bride is the daughter of Gerald and Patrice Whitcomb": someone's relatives, not the couple
                and not _COUPLE_AS_KIN.search(text, self.ctx.sentence_of(r.span.start)[0], _first_person_at(r))]
        if not told:
            return {}
        r = max(told, key=lambda r: (r.span.end, r.span.start))
        return {frozenset((r.subject, r.object)): r}

    def parent_of_pronoun(self, pos: int, pronoun: str, noun: str) -> list[tuple[Ref, Span]]:
        """Whom "her father" at pos stands for: the one person named before it as "her father, X"
        where that "her" stands for the same person as this one; nobody otherwise."""
        gender = _PRONOUN_GENDER[pronoun.casefold()]
        whose = self.antecedent(pos, gender)
        if whose is None:
            return []
        found = {}
        for x in self.mentions:
            if x.span.start >= pos:
                break
            intro = _PARENT_INTRODUCED.search(self.ctx.text, max(0, x.span.start - 40), x.span.start)
            if not intro or intro.group("noun") != noun or intro.group("p").casefold() != pronoun.casefold():
                continue
            theirs = self.antecedent(intro.start(), gender)
            if theirs is not None and _key(theirs) == _key(whose):
                found.setdefault(x.ref, x.span)
        return list(found.items()) if len(found) == 1 else []

    def named_siblings(self, m, group: str, pos: int, noun: str | None = None) -> list[tuple[Ref, Span]]:
        """Whom "the brothers" or "the twins" at pos stands for: the people the sibling ties found
        before pos join (for "the twins", the ties that call them twins), when they are one group
        of full siblings; nobody otherwise."""
        ties = [r for r in self.sisters if r.speaker is None and r.span.end <= pos]
        if noun == "twins":  # the twins: those the article called twins, whatever other siblings it names
            ties = [r for r in ties if _TWIN.search(r.span.exact)]
        if not ties or any(_NOT_FULL.search(r.span.exact) for r in ties):
            return []
        groups: list[set] = []
        for r in ties:
            joined = [g for g in groups if {r.subject, r.object} & g]
            merged = {r.subject, r.object}.union(*joined)
            groups = [g for g in groups if g not in joined] + [merged]
        if len(groups) != 1:
            return []
        at = {}
        for r in ties:
            at.setdefault(r.subject, r.subject_at)
            at.setdefault(r.object, r.object_at)
        # "the brothers" are no sisters the ties found ("Her younger sister, Poppy" before "the brothers' late
        # father", of the groom and his brother): a noun of a gender names no group the text gives the other one
        other = {"brothers": "f", "boys": "f", "sisters": "m", "girls": "m"}.get(noun or "")
        if other and any((self.genders.get(ref.value) or self.ctx.rules.given_gender(ref.value)) == other
                         for ref in groups[0]):
            return []
        return sorted((ref, at[ref]) for ref in groups[0])

    def _paragraphs_back(self, pos: int, n: int) -> int:
        """The paragraph n paragraphs before pos's, not counting those that are quotation alone: a quotation
        printed over several paragraphs ("She said: “… / “… / “…”") is one step back to the one who said it."""
        ctx = self.ctx
        para = ctx.paragraph_of(pos)
        while n > 0 and para > 0:
            para -= 1
            if not self._quotation_alone(para):
                n -= 1
        return para

    def _quotation_alone(self, para: int) -> bool:
        """Whether a paragraph holds no word outside quotation marks."""
        found = self.ctx.memo.setdefault("quotation_paragraphs", {})
        if para not in found:
            found[para] = self._all_quoted(_WORD, *self.ctx.paragraphs[para])
        return found[para]

    def _all_quoted(self, words: regex.Pattern, a: int, b: int) -> bool:
        """Whether every match of `words` in text[a:b] stands inside quotation marks."""
        return all(self.ctx.in_quote(w.start()) for w in words.finditer(self.ctx.text, a, b))

    def _sentences_back(self, pos: int, first_paragraph: int | None = None):
        """The sentences from the one holding pos back to first_paragraph (default: the paragraph
        limit), nearest first."""
        ctx = self.ctx
        if first_paragraph is None:
            first_paragraph = self._paragraphs_back(pos, _PARAGRAPHS_BACK)
        i = bisect.bisect_right(ctx.sentence_starts, pos) - 1
        while i >= 0 and ctx.paragraph_of(ctx.sentences[i][0]) >= first_paragraph:
            yield ctx.sentences[i]
            i -= 1

    def _named_most(self) -> str | None:
        """The person the article names most, when no one else is named as often."""
        ranked = sorted(self.names.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def about(self, pos: int, gender: str) -> Mention | None:
        """For a rule with `pronoun: protagonist`: the person the article is about (named most, and
        more than anyone else), as last named in full before pos (a bare surname there may be any of
        the family an obituary names: "Kowalczyk hired on at the yard"), else as last named at all;
        nobody where the text gives them the other gender."""
        top = self._named_most()
        theirs = [x for x in self.mentions if x.ref.value == top and x.span.start < pos] if top else []
        told = {self.genders.get(_key(x)) for x in theirs} - {None}
        full = [x for x in theirs if len(x.span.exact.split()) > 1]
        return (full or theirs)[-1] if theirs and told <= {gender} else None

    def antecedent(self, pos: int, gender: str, depth: int = 0, first_paragraph: int | None = None,
                   surnames: frozenset[str] = frozenset()) -> Mention | None:
        """Whom "he", "she", "his" or "her" at pos stands for (`_antecedent`), but nobody for a person first named
        in an earlier paragraph that was about someone else of that gender when it named them ("In 1976 he took
        command … Father Liam Carrick remembered those visits … said Carrick." then "He was appointed OBE in 1978":
        the paragraph's he was not Carrick, and the next paragraph's may be either)."""
        ctx = self.ctx
        if not depth and self._joined_to_unnamed(pos):
            return None
        found = self._antecedent(pos, gender, depth, first_paragraph, surnames)
        if found is None or depth:
            return found
        if self._a_sibling_of(found, pos):
            return None
        para = ctx.paragraph_of(found.span.start)
        if para >= ctx.paragraph_of(pos):
            return found
        first = min(x.span.start for x in self.mentions if x.ref.value == found.ref.value or _key(x) == _key(found))
        a = ctx.paragraphs[para][0]
        if first >= a and any(not ctx.in_quote(p.start()) for p in _SAME_GENDER[gender].finditer(ctx.text, a, first)):
            return None
        return found

    def _bare_attribution(self, pos: int) -> bool:
        """Whether the he or she at pos attributes the quotation just before it, in a paragraph whose words before
        it are all quotation (no name, read or not, stands there for the pronoun to mean)."""
        ctx = self.ctx
        if not _ATTRIBUTION_BEFORE.search(ctx.text, max(0, pos - 6), pos):
            return False
        return self._all_quoted(_CAPITALISED_WORD, ctx.paragraphs[ctx.paragraph_of(pos)][0], pos)

    def _introduces_quotation(self, at: int, pos: int) -> bool:
        """Whether the he or she at `at` opens its paragraph as the speaker of a quotation ("She said: “…") whose
        paragraphs run up to the one of pos with nothing but quotation between."""
        ctx = self.ctx
        para = ctx.paragraph_of(at)
        if ctx.paragraphs[para][0] != at or not _SAYS_QUOTATION.match(ctx.text, at):
            return False
        return all(self._quotation_alone(p) for p in range(para + 1, ctx.paragraph_of(pos)))

    def _joined_to_unnamed(self, pos: int) -> bool:
        """Whether the pronoun at pos follows a capitalised word and "and" that no name rule read as a person:
        "born to Kaitlyn and her husband" is Kaitlyn's husband, whoever else the text names."""
        joined = _NAME_AND_BEFORE.search(self.ctx.text, max(0, pos - 40), pos)
        # a name read after its title ("Aunty Joan and her husband") is read: any mention inside the words counts
        return joined is not None and not any(x.span.start < joined.end() and joined.start() < x.span.end
                                              for x in self.mentions)

    def _antecedent(self, pos: int, gender: str, depth: int = 0, first_paragraph: int | None = None,
                    surnames: frozenset[str] = frozenset()) -> Mention | None:
        """Whom "he", "she", "his" or "her" at pos stands for: see the module's docstring.

        A pronoun of the same gender that a sentence opens with, before any name that fits,
        continues the chain: it stands for the same person, looked for from there, but only as
        far back as the paragraph before the first pronoun's. A chain that finds nobody there
        stands for the article's protagonist, where the article tells their gender.
        `surnames`: those of the relatives the same match names ("His daughter, Ines Vega"): of two
        people a sentence before names, the one of that surname, where only one has it.
        """
        ctx = self.ctx
        listed = self._listed_relative_before(pos, gender)
        if listed is not None:
            return self._antecedent(listed, gender, depth, None, surnames)
        here = ctx.sentence_of(pos)
        if here[0] < pos and _BORN_PHRASE.fullmatch(ctx.text, here[0], pos):
            # "Born in El Paso to Ignacio Quintero and Mercedes Quintero, he was …": the one born is the he, never
            # the parents the phrase names; whom the sentence before was about
            return self._antecedent(here[0], gender, depth, first_paragraph, surnames)
        same = _SAME_GENDER[gender]
        if first_paragraph is None:
            first_paragraph = self._paragraphs_back(pos, _PARAGRAPHS_BACK)
        for sentence in self._sentences_back(pos, first_paragraph):
            end = min(sentence[1], pos)
            born = _BORN_PHRASE.match(ctx.text, sentence[0], end) if sentence != here else None
            if born and _SUBJECT_OF[gender].match(ctx.text, born.end()):
                # the sentence's subject is a he or she the phrase is about: whom that one stands for (no step of a
                # chain: the search goes on from an earlier place, so it ends)
                return self._antecedent(born.end(), gender, depth, first_paragraph, surnames)
            agreeing = [x for x in self.mentions if sentence[0] <= x.span.start and x.span.end <= end
                        and self._gender(x) in (None, gender)
                        and not (sentence == here and (self._gender(x) is None or " " not in _key(x))
                                 and self._spoken_of_as_other(x, pos, gender))]
            # "Frances Quarles, Ms. Quarles's mother, served … until she died": the possessor inside an apposition
            # to the name before it describes that one, and is no one a later pronoun goes on about
            agreeing = [x for x in agreeing if not (
                ctx.text[x.span.end:x.span.end + 2] in ("'s", "’s")
                and any(_APPOSED_POSSESSOR.fullmatch(ctx.text, y.span.end, x.span.start) for y in agreeing if y is not x))]
            # "Hennie's wife, Annelie – mother of Ruan and Dewald – watched … alongside his father": a name inside an
            # aside set off by dashes, closed before the pronoun, is no one the sentence goes on about
            agreeing = [x for x in agreeing if not (sentence == here and _in_closed_aside(ctx.text, sentence[0], x, pos))]
            last = agreeing[-1] if agreeing else None
            if sentence == here and last is not None and _OWN_AFTER.match(ctx.text, pos):
                # "Her mother, Janet Haworth, said her own mother, Doreen": "own" binds the possessive to the
                # clause's subject just named, even one named as someone's kin
                return last
            if sentence == here:
                clause = _RELATIVE_BEFORE_PRONOUN.search(ctx.text, sentence[0], pos)
                if clause and not any(x.span.end <= clause.start() and _BEFORE_WHO.fullmatch(ctx.text, x.span.end, clause.start())
                                      for x in self.mentions):
                    return None  # "His father, who lost his wife, …": the pronoun is the unnamed father's
                kin_clause = self._kin_clause.get(gender)
                if kin_clause is not None and kin_clause.search(ctx.text, sentence[0], pos):
                    return None  # "which their father still runs with his wife": the unnamed father's
                opener = _role_opener(ctx).match(ctx.text, sentence[0], pos)
                if not agreeing and opener and _POSSESSIVE_S.match(ctx.text, opener.end()):
                    return None  # "The actor's mother, Sunita Sehgal, his elder sister …": the unnamed actor's
            if sentence == here and last is not None and (
                    _RELATIVE.fullmatch(ctx.text, last.span.end, pos)
                    or self._named_as_kin(last) and _JOINED.fullmatch(ctx.text, last.span.end, pos)
                    or _BRACKETED_AND.fullmatch(ctx.text, last.span.end, pos)):
                # "Nora Marsh, who lives with her husband"; "her father, Josef Moravec, and his brother"; "their children
                # Richard Quayle (and his wife, Anneliese Moreau)": the pronoun belongs to the name its clause hangs
                # on, even one named as someone's kin
                return last
            aged = _AGED_OPENER.match(ctx.text, sentence[0], end)
            if aged:  # "The 24-year-old said …": the one just named, if the article is about them
                return self._aged(sentence[0], aged.group("age"), gender)
            opener = self._described.get(gender)
            if opener is not None and opener.match(ctx.text, sentence[0], end):
                return None  # the pronoun may stand for the unnamed person the sentence is about
            if sentence == here and not any(sentence[0] <= x.span.start < end for x in self.mentions) \
                    and _TITLED_OPENER.match(ctx.text, sentence[0], end):
                return None  # "The Duke succeeded … his father": the titled one, whom the text does not name here
            # "His father, Hugo, succeeded …, with his wife": the relative the sentence opens with is its
            # subject, whom a later "his" stands for; not a "his" that opens a clause of its own ("His son,
            # Tom, has run it since 2011, and his daughter, Ellen, …": both are the same man's)
            # A "their" or "my" before the relative is no one a singular his or her after "and" goes on with:
            # "Their daughter, Monique, has been chief executive since 2016, and her younger brother, Luc": hers
            subject = sentence == here and not _AND_BEFORE.search(ctx.text, max(0, pos - 8), pos)
            fits = [x for x in agreeing if not (sentence == here and self._named_as_kin(x, gender)
                                                and not ((subject or self._kin_possessive(x)[1] is None)
                                                         and self._kin_subject(x)))]
            first = fits[0].span.start if fits else end
            # a sentence before whose subject is such a relative ("His brother, Ernest, ran the mill. He died
            # in 2015"): the he is that relative, not whom the opening His stood for
            opener = fits and self._kin_subject(fits[0]) and (subject or sentence != here)
            if sentence == here and fits and _COORDINATED.fullmatch(ctx.text, fits[-1].span.end, pos):
                # "the son of Walter Kettlewell, a dyer's foreman, and his wife": the one joined to it by "and",
                # not whom a pronoun opening the sentence stands for
                return fits[-1]
            if not fits and sentence != here and self._unread_subject(sentence[0], end):
                return None  # the pronoun may stand for the person the sentence opens with, whom no rule read
            if not fits and self._unread_late(sentence[0], end):
                # "… in 1958, when the late Tan Ah Kow began selling toast from his cart. His sons": the dead man
                # named there, whom no rule read, is whom the pronoun stands for as likely as anyone before
                return None
            chain = None if opener else next(
                (p for p in same.finditer(ctx.text, sentence[0], first) if not ctx.in_quote(p.start())
                 and not self._named_so(p, first)), None)
            if chain is not None and sentence == here and fits and _FRONTED_PHRASE.fullmatch(ctx.text, sentence[0], first) \
                    and not _POSSESSIVE_S.match(ctx.text, fits[0].span.end):
                chain = None  # the pronoun of a phrase before the subject is the subject's, not an earlier one's
            if chain is not None:
                if depth >= _CHAIN or _role_opener(ctx).match(ctx.text, sentence[0], chain.start()):
                    # "The senator's defection had been expected since May, when he stopped attending …": the he
                    # may be the unnamed one the sentence opens with, whom the chain cannot follow
                    return None
                back = max(first_paragraph, self._paragraphs_back(pos, _CHAIN_PARAGRAPHS_BACK))
                if self._bare_attribution(chain.start()) or self._introduces_quotation(chain.start(), pos):
                    # "“…,” he said" in a paragraph of quotation alone, or "She said: “…" opening a quotation that
                    # runs up to pos: the speaker, whom the reader follows to the paragraph before the quotation's
                    back = min(back, ctx.paragraph_of(chain.start()) - _CHAIN_PARAGRAPHS_BACK)
                return self.antecedent(chain.start(), gender, depth + 1, back, surnames)
            if not fits:
                continue
            reported = _THAT.search(ctx.text, fits[-1].span.end, pos) if sentence == here and fits else None
            if reported and _UNNAMED_POSSESSOR.search(ctx.text, reported.end(), pos):
                # "Mr Teo's lawyer argued that the brand formed part of the hawker's estate and should be shared among
                # his three children and his widow": in the clause reported, the his may be the one it describes,
                # whom no name reads
                return None
            people = list(dict.fromkeys(_key(x) for x in fits))
            # the pronoun opens its sentence, and the people found stand in an earlier one
            opens_next = sentence != here and here[0] == pos
            if len(people) == 1:
                if opens_next and all(self._named_as_kin_of(x, gender) for x in fits):
                    # "… accompanied by her husband and her mother, Mrs. Yetunde Oyelaran, the new chairman said …" /
                    # "Her younger brother, …": the her before the mother is another woman's, whom the His or Her
                    # opening the next sentence goes on with as likely as the mother
                    return None
                return fits[0]
            if sentence == here and _COORDINATED.fullmatch(ctx.text, fits[-1].span.end, pos):
                return fits[-1]  # "Harold Ellis, a foreman, and his wife": the one joined to it by "and"
            sure = [x for x in fits if self.genders.get(_key(x)) == gender]
            # "Chelimo is coached by his maternal uncle, Joseph Kiprop. His mother, …": a relative named as the kin
            # of a his is told a man by the noun, while the his says there is another man in the sentence, whose
            # gender the names may not tell; the noun is no ground to prefer the relative for the His that opens
            # the next sentence (one inside it may go on with someone the sentence opened with: "The senior …")
            if opens_next and any(self._named_as_kin_of(x, gender) for x in sure):
                sure = []
            if len({_key(x) for x in sure}) == 1:
                return sure[0]
            kin = [x for x in fits if _family_marks(x) & surnames]
            if len({_key(x) for x in kin}) == 1:
                return kin[0]
            if sentence != here and _is_subject(ctx, sentence, fits[0]):
                return fits[0]
            if len(fits) > 1 and _KIN_APPOSED.fullmatch(ctx.text, fits[0].span.end, fits[1].span.start) \
                    and _opens(ctx, sentence, fits[0]) and (sentence != here or not any(
                        x.span.start > fits[1].span.start for x in fits[2:])
                        and not _SAYING_BETWEEN.search(ctx.text, fits[1].span.end, pos)):
                # "Dragan's late father, Milan Vukovic, rowed …": the relative is the subject, whom a pronoun later in
                # the same sentence goes on with too ("… was coxswain from 1971 until he retired"), unless a verb of
                # saying or thinking comes between ("… said he was proud": the pronoun may be the son)
                return fits[1]
            return None  # two people it may stand for: no tie
        return self.protagonist(gender) if depth else None

    def _named_before_surnames(self, m, pronoun: tuple[int, int]) -> frozenset[str]:
        """The surnames of relatives match m names by one word that the names step read as someone the article
        wrote in full before ("Her son, Paul" after "her son, Paul Whitcombe"): their family name, which the
        written word does not show."""
        out = set()
        for other in roles_of(m.re):
            for a, b in m.spans(other):
                if (a, b) == pronoun or " " in self.ctx.text[a:b]:
                    continue
                for x in self.mentions:
                    if x.span.start == a and x.span.end == b and (last := _surname(x)) is not None and any(
                            y.ref.value == x.ref.value and y.span.end <= m.start() and _key(y) == y.ref.value
                            for y in self.mentions):
                        out.add(last)
        return frozenset(out)

    def _named_so(self, pronoun, name_at: int) -> bool:
        """Whether a pronoun is the object of a verb of naming, the name right after it ("Everyone at the
        church called her Bea"): it is that name's person, no link of a chain back to someone before."""
        text = self.ctx.text
        return (_NAMING_VERB.search(text, max(0, pronoun.start() - 16), pronoun.start()) is not None
                and not text[pronoun.end():name_at].strip())

    def _spoken_of_as_other(self, x: Mention, pos: int, gender: str) -> bool:
        """Whether, before pos, the text goes on from x with a he or she of the other gender before it names anyone
        else ("Chief Ezeudu recalled the day he went to seek her hand from her late father"): x is that one, and no
        her of the same sentence, where the names leave x's gender untold or x is a bare surname (which a wife, "Mrs
        Ezeudu", may share)."""
        other = "m" if gender == "f" else "f"
        p = _SAME_GENDER[other].search(self.ctx.text, x.span.end, pos)
        return (p is not None and not self.ctx.in_quote(p.start())
                and _SUBJECT_OF[other].fullmatch(self.ctx.text, p.start(), p.end()) is not None
                # x's own verb, then the pronoun, with no clause between ("Marike, whom he married": he is another)
                and not _CLAUSE_BETWEEN.search(self.ctx.text, x.span.end, p.start())
                and not any(x.span.end <= m.span.start < p.start() for m in self.mentions))

    def _unread_subject(self, start: int, end: int) -> bool:
        """Whether the sentence at start opens with a capitalised name that no rule read as anyone or anything,
        followed by its verb (`_UNREAD_NAME_SUBJECT`)."""
        opened = _UNREAD_NAME_SUBJECT.match(self.ctx.text, start, end)
        return opened is not None and not any(start <= m.span.start < opened.end() for m in self.names.mentions)

    def _unread_late(self, start: int, end: int) -> bool:
        """Whether text[start:end] names someone "the late" that no rule read as anyone or anything."""
        return any(not any(m.span.start < late.end() and late.start() < m.span.end for m in self.names.mentions)
                   for late in _LATE_NAME.finditer(self.ctx.text, start, end))

    def _listed_relative_before(self, pos: int, gender: str) -> int | None:
        """Where a sentence opening "Her twin brother, Josh Marchbank" follows one opening the same way ("Her
        mother, Robyn Marchbank, played …"), the offset of that sentence's pronoun: a run of sentences that each
        name a relative or an associate of "her" is one list of the same woman's, not of the relative named
        last. None where the pronoun at pos opens no such sentence or the one before opens otherwise."""
        ctx = self.ctx
        if not _POSSESSIVE_APPOSED[gender].match(ctx.text, pos):
            return None
        i = bisect.bisect_right(ctx.sentence_starts, pos) - 1
        if i < 1 or ctx.sentences[i][0] != pos:
            return None
        before = ctx.sentences[i - 1][0]
        if not _POSSESSIVE_APPOSED[gender].match(ctx.text, before) or ctx.in_quote(before):
            return None
        return before

    def _a_sibling_of(self, found: Mention, pos: int) -> bool:
        """Whether "his younger son" at pos is told of someone the text described as a son by birth order too
        ("Nitin, the couple's elder son, …" then "His younger son Ashutosh"): the two are brothers, and the his
        is their parent's, not the elder's."""
        ctx = self.ctx
        phrase = _BIRTH_ORDER_KIN.match(ctx.text, pos)
        if phrase is None:
            return False
        noun = phrase.group("noun")

        def told(d) -> bool:
            return d is not None and d.group("noun") == noun

        return any(told(_BIRTH_ORDER_AFTER.match(ctx.text, m.span.end, min(m.span.end + 60, phrase.start())))  # not the phrase
                   or told(_BIRTH_ORDER_BEFORE.search(ctx.text, max(0, m.span.start - 40), m.span.start))
                   for m in self.mentions if m.ref.value == found.ref.value and m.span.end <= phrase.start())

    def _aged(self, start: int, age: str, gender: str) -> Mention | None:
        """Whom a sentence at start opening with "The 24-year-old" is about, for a pronoun of gender
        after it: the person the article is about (`about`), when they are the last person named
        before it; nobody when the text introduced someone by that age before ("a 24-year-old man
        was arrested": the unnamed one)."""
        if regex.search(r"\b[Aa]n?\s+(?:\p{Ll}+\s+)?" + age + r"-year-old\b", self.ctx.text[:start]):
            return None
        found = self.about(start, gender)
        before = [x for x in self.mentions if x.span.end <= start]
        if found is None or not before or before[-1].ref.value != found.ref.value:
            return None
        return found

    def _gender(self, x: Mention) -> str | None:
        """A person's gender as the text tells it; where it tells none, as their given name mostly is
        (names.yaml given_names: "Thomas Quill" is no "she")."""
        key = _key(x)
        told = self.genders.get(key)
        if told is not None and key != x.ref.value and " " in x.ref.value:
            # a surname alone the names step gave to one full name, which several people of the article bear: what
            # the text tells of the surname may be of another bearer ("Mrs Asante-Mensah" is his wife, and
            # "Rev. Asante-Mensah" is he), so a given name of the other gender says more
            given = self.ctx.rules.given_gender(x.ref.value)
            if given is not None and given != told and len(
                    {m.ref.value for m in self.mentions if m.ref.value.split()[-1] == key}) > 1:
                return given
        if told is not None:
            return told
        return self.ctx.rules.given_gender(x.ref.value)

    def protagonist(self, gender: str) -> Mention | None:
        """The most mentioned person, when the article tells their gender and it is `gender`; where it tells
        none (a bare surname that a wife shares, "Mr Fairbrother" and "Mrs Fairbrother", tells no one's), when
        their given name is mostly borne by that gender (`_gender`)."""
        top = self._named_most()
        if top is None:
            return None
        theirs = [x for x in self.mentions if x.ref.value == top]
        told = ({self.genders.get(_key(x)) for x in theirs} | self._told_of_nickname_form(top)) - {None}
        if not told:
            told = {self.ctx.rules.given_gender(top)} - {None}
        return theirs[0] if told == {gender} else None

    def _told_of_nickname_form(self, name: str) -> set[str]:
        """The genders the text tells of the same person written with or without a nickname in
        quotes ("Wilhelmina “Billie” Doyle" and "Billie Doyle"), which the names step keeps apart."""
        return {g for other, g in self.genders.items()
                if other != name and (name in _nickname_forms(other) or other in _nickname_forms(name))}

    def couple(self, pos: int) -> list[tuple[Ref, Span]]:
        """Whom "their" at pos stands for: the nearest two people written as a pair before it
        ("Nia Brooks and Cal Ortiz", "Brooks and her husband, Cal Ortiz"), else the one couple a
        spouse rule found there ("he married Ines Calloway"; "His former wife, Ruth Keller"), in
        the nearest sentence that names anyone; none when that sentence names no pair ("her
        father married Dana Moravec, and their son": the pair is not written as one, and an
        earlier pair is someone else). A "their" that places a child among the children ("Their younger
        child, Anna") is the pair of the one before it in its paragraph that did ("Their eldest, Jerome,
        flew home with his wife, Camille"), never the eldest and his wife."""
        if THEIR_ORDER.match(self.ctx.text, pos):
            earlier = [m.start() for m in THEIR_ORDER.finditer(self.ctx.text, self.ctx.text.rfind("\n", 0, pos) + 1, pos)]
            if earlier:
                return self.couple(earlier[0])
        for sentence in self._sentences_back(pos):
            end = min(sentence[1], pos)
            inside = [x for x in self.mentions if sentence[0] <= x.span.start and x.span.end <= end]
            for x, y in reversed(list(zip(inside, inside[1:]))):
                # a joint name only as the last people named before the "their": "Tom and Ann Farrow sat in front,
                # and Ruth Keller read. Their daughter" is no child of the Farrows
                joint = _joint(x, y) and y is inside[-1]
                if _key(x) != _key(y) and (joint or _PAIR_GLUE.fullmatch(self.ctx.text, x.span.end, y.span.start)):
                    if CHILDREN_BEFORE.search(self.ctx.text, max(0, x.span.start - 40), x.span.start):
                        return []  # "and their children Jhon Rey and Princess. / Their daughter": not the children's
                    return [(x.ref, x.span), (y.ref, y.span)]
            if inside:
                return self._married_in(sentence[0], end)
            opener = _COUPLE_OPENER.match(self.ctx.text, sentence[0], end)
            if opener and sentence[1] <= pos:
                # "The couple married in 1981. / Their daughter, Amy Lund": the pair the sentence before is about
                return self.the_couple(None, "", opener.start("couple"))
        return []

    def _paired_before(self, pos: int) -> set[Ref]:
        """The people written as a pair before pos: two mentions in a row joined as "A and B" ("Brooks and her
        husband, Cal Ortiz"), or one joint name the names step read as both ("Harold and June Pettibone"); never
        children named so ("and their children Jhon Rey and Princess")."""
        before = [x for x in self.mentions if x.span.end <= pos]
        out: set[Ref] = set()
        for x, y in zip(before, before[1:]):
            if _key(x) != _key(y) and (_joint(x, y) or _PAIR_GLUE.fullmatch(self.ctx.text, x.span.end, y.span.start)) \
                    and not CHILDREN_BEFORE.search(self.ctx.text, max(0, x.span.start - 40), x.span.start):
                out |= {x.ref, y.ref}
        return out

    def the_couple(self, m, group: str, pos: int, noun: str | None = None) -> list[tuple[Ref, Span]]:
        """Whom "the couple" or "the pair" at pos stands for: two people the text ties as partners. The
        pair "their" would be (`couple`: written as a pair, or married, in the nearest sentence naming
        anyone) where a spouse rule ties them; else the one spouse tie of the article's most mentioned
        person; else that pair where no sibling rule ties them ("Luna and Miles" are no couple);
        nobody otherwise (the one the article is about may be a newborn: "the couple's son" is no
        child of hers)."""
        pair = self.couple(pos)
        who = frozenset(ref for ref, _ in pair)
        if pair and who in {frozenset((r.subject, r.object)) for r in self.married if r.speaker is None}:
            return pair
        top = self._named_most()
        couples = {frozenset((r.subject, r.object)): r for r in self.married
                   if r.speaker is None and top in (r.subject.value, r.object.value)}
        if top is not None and len(couples) == 1:
            (r,) = couples.values()
            return [(r.subject, r.subject_at), (r.object, r.object_at)]
        every = {frozenset((r.subject, r.object)): r for r in self.married if r.speaker is None}
        if not couples and len(every) == 1 and _COUPLE_SUBJECT.match(self.ctx.text, pos):
            # "The couple, who married in 1998": the one married pair the article states, whoever it is mostly about
            (r,) = every.values()
            return [(r.subject, r.subject_at), (r.object, r.object_at)]
        if pair and who not in {frozenset((r.subject, r.object)) for r in self.sisters} and not CHILDREN_BEFORE.search(
                self.ctx.text, max(0, pair[0][1].start - 40), pair[0][1].start):
            return pair
        lede = self._lede_pair(pos)
        if lede and not any({r.subject, r.object} & {ref for ref, _ in lede} for r in every.values()):
            return lede
        return []

    def _lede_pair(self, pos: int) -> list[tuple[Ref, Span]]:
        """The two people the lede names, where it names no one else (and, says the caller, no spouse tie of the
        article takes either of them): a man and a woman (as far as the text tells) of one surname whom no sibling
        rule ties ("Ernest Vandermeer has a story … and Joan Vandermeer has …", then "The couple were married in
        1965")."""
        end = self._lede_end()
        if pos < end:
            return []
        lede = self.ctx.paragraph_of(max(0, end - 1))
        first: dict[str, Mention] = {}
        for x in self.mentions:
            if self.ctx.paragraph_of(x.span.start) == lede:
                first.setdefault(x.ref.value, x)
        if len(first) != 2:
            return []
        pa, pb = self.ctx.paragraphs[lede]
        if _BLOOD_KIN.search(self.ctx.text, pa, pb) or _KIN_PAIR.search(self.ctx.text):
            # a lede that tells of a child, a parent or a sibling may name two of one family, no couple; and so
            # does an article that calls two of its people "father and son" or "brothers"
            return []
        a, b = first.values()
        if len(counted_words(a.ref.value)) < 2 or len(counted_words(b.ref.value)) < 2 \
                or _last_word(a.ref.value) != _last_word(b.ref.value):
            return []
        if {self.genders.get(_key(a)), self.genders.get(_key(b))} in ({"f"}, {"m"}):
            return []
        if frozenset((a.ref, b.ref)) in {frozenset((r.subject, r.object)) for r in self.sisters}:
            return []
        return [(a.ref, a.span), (b.ref, b.span)]

    def siblings(self, pos: int, of_sibling: bool = False) -> list[tuple[Ref, Span]]:
        """Whom "their" at pos stands for as two children ("their father", "their half-brother"):
        the two people written as siblings ("Nadia Okafor and her twin brother, Samuel Okafor") in
        the nearest sentence before it that names anyone, else the one group a sibling tie of that
        sentence joins ("Bríd Cassidy is suing her brother, Seán Dolan, who inherited the farm under a
        will their father made"); none otherwise (a couple has no one father). Before a brother or
        sister (`of_sibling`), a pair written as one that no spouse tie joins is theirs too ("Margaret
        Dwyer and Noreen Ryan are suing their brother": a couple's brother is his or hers)."""
        for sentence in self._sentences_back(pos):
            end = min(sentence[1], pos)
            inside = [x for x in self.mentions if sentence[0] <= x.span.start and x.span.end <= end]
            for x, y in reversed(list(zip(inside, inside[1:]))):
                if _key(x) != _key(y) and _SIBLING_GLUE.fullmatch(self.ctx.text, x.span.end, y.span.start):
                    return [(x.ref, x.span), (y.ref, y.span)]
            if not inside:
                continue
            tied = self._siblings_in(sentence[0], end)
            if tied or not of_sibling:
                return tied
            pair = self.couple(pos)
            married = {frozenset((r.subject, r.object)) for r in self.married}
            if pair and frozenset(ref for ref, _ in pair) not in married and all(
                    sentence[0] <= at.start < end for _, at in pair):
                return pair
            return []
        return []

    def _siblings_in(self, start: int, end: int) -> list[tuple[Ref, Span]]:
        """The people of the one group of full siblings that the sibling ties stated between start and
        end join (none when they join two groups, call anyone a half- or step-sibling, or one side is "my")."""
        ties = [r for r in self.sisters if start <= r.span.start and r.span.end <= end and r.speaker is None]
        if not ties or any(_NOT_FULL.search(r.span.exact) for r in ties):
            return []
        groups: list[dict] = []
        for r in ties:
            joined = [g for g in groups if {r.subject, r.object} & g.keys()]
            merged = {r.subject: r.subject_at, r.object: r.object_at}
            for g in joined:
                merged.update(g)
            groups = [g for g in groups if g not in joined] + [merged]
        return sorted(groups[0].items()) if len(groups) == 1 else []

    def _married_in(self, start: int, end: int) -> list[tuple[Ref, Span]]:
        """The two people of the one spouse tie stated between start and end (none when there
        are several couples, or one side is "my")."""
        couples = {frozenset((r.subject, r.object)): r for r in self.married
                   if start <= r.span.start and r.span.end <= end and r.speaker is None}
        if len(couples) != 1:
            return []
        (r,) = couples.values()
        return [(r.subject, r.subject_at), (r.object, r.object_at)]

    def _kin_possessive(self, mention: Mention) -> tuple[bool, str | None]:
        """Whether a mention is named as the relative of a possessive ("His son, Tom Pruett"), and the gender that
        possessive tells (none for "their" or "my")."""
        before = self.ctx.text[max(0, mention.span.start - 60) : mention.span.start]
        found = self._kin_of_pronoun.search(before) if self._kin_of_pronoun else None
        if found is None:
            return False, None
        return True, _PRONOUN_GENDER.get(found.group().split()[0].casefold())

    def _named_as_kin(self, mention: Mention, gender: str | None = None) -> bool:
        """Whether a mention is named as the relative of a possessive ("His son, Tom Pruett"); given
        a gender, only of a possessive that may be of that gender ("her husband, Neil" is named as
        a woman's kin, and may be whom a later "his" stands for)."""
        named, told = self._kin_possessive(mention)
        return named and (gender is None or told is None or told == gender)

    def _named_as_kin_of(self, mention: Mention, gender: str) -> bool:
        """Whether a mention is named as the relative of a possessive of that very gender ("his maternal uncle,
        Joseph Kiprop" of a his; not "their father, Ally Rennie"), other than as the subject its sentence opens
        with ("His brother, Ernest Hale, ran the mill. He died in 2015": Ernest's death)."""
        return not self._kin_subject(mention) and self._kin_possessive(mention) == (True, gender)

    def _kin_subject(self, mention: Mention) -> bool:
        """Whether a relative named after a possessive opens its sentence (or a clause of it) and then does
        something ("His father, Hugo Pellew-Dacre, succeeded to the title … with his wife"): the subject,
        whom a later "his" of it stands for, not the "His" before it."""
        a = self.ctx.sentence_of(mention.span.start)[0]
        return bool(_KIN_OPENER.fullmatch(self.ctx.text, a, mention.span.start)
                    and _DOES_NEXT.match(self.ctx.text, mention.span.end))


# a relative named by someone's possessive, and a pronoun's relative in parallel past "and" or a clause's
# "while" or "but" (`_People._parallel_owner`)
_KIN_NOUNS = r"(?:father|mother|parents|brother|sister|son|daughter|husband|wife|dad|mum|mom)"
_OWNER_KIN = regex.compile(r"(?P<owner>\p{Lu}[\p{L}’'-]*)[’']s\s+(?:[\p{Ll}-]+\s+)?" + _KIN_NOUNS + r"\b")
_PARALLEL_BREAK = regex.compile(r"(?:,\s+(?P<clause>while|whereas|but)|,?\s+and)\s+$")
_KIN_AFTER = regex.compile(r"\s+(?:[\p{Ll}-]+\s+)?" + _KIN_NOUNS + r"\b")
_AND_BEFORE = regex.compile(r"(?:^|[,;]?\s)and\s+$")
# the relative opens the sentence, or a clause a subordinating word opens ("… in 2011, shortly after her
# mother, Kathleen Dolan, had been diagnosed with the illness from which she died")
_KIN_OPENER = regex.compile(r"(?:[^;]*?\b(?:after|before|when|while|because|since|until|although|though|once|which|that|where)\s+(?:his|her|their)"
                            r"|His|Her|Their)\s+(?:[\p{Ll}-]+\s+)?\p{Ll}+,?\s+(?:the\s+late\s+)?")
# the verb after an appositive name (", succeeded", ", who lives"): not a list going on (", and his …")
_DOES_NEXT = regex.compile(r",?\s+(?!(?:and|or|but|nor|his|her|their|its|the|a|an|of|in|on|at|to|from|with|by|for|as|who|whose|which|that|aged|now|then|both|also|too|once|still|himself|herself)\b)\p{Ll}+\b(?!-)")


_NICKNAME = regex.compile(r"^(?P<first>\S+)\s+[“\"](?P<nick>[^”\"\s]+)[”\"]\s+(?P<rest>\S.*)$")


def _nickname_forms(name: str) -> frozenset[str]:
    """The two ways of writing a name with a nickname in quotes without it: "Wilhelmina “Billie”
    Doyle" is "Wilhelmina Doyle" and "Billie Doyle"; none for a name without one."""
    m = _NICKNAME.match(name)
    if not m:
        return frozenset()
    return frozenset({f"{m.group('first')} {m.group('rest')}", f"{m.group('nick')} {m.group('rest')}"})


def _relatives_surnames(ctx: Context, m, pronoun: tuple[int, int]) -> frozenset[str]:
    """The last words of the names match m captures besides the pronoun at text[pronoun] (in any group:
    a sibling rule captures both siblings in one)."""
    out = set()
    for other in roles_of(m.re):
        for a, b in m.spans(other):
            words = ctx.text[a:b].split()
            if (a, b) != pronoun and len(words) >= 2 and words[-1][:1].isupper():
                out.add(words[-1])
                if _INITIALS_NAME.fullmatch(" ".join(words)):
                    out.add(" ".join(words[:-1]))  # V. of V. Srinivasan: his father's name, which his sisters bear
    return frozenset(out)


# a name after the initials of its given names, as South Indian copy writes it (V. Srinivasan): the
# initials are the father's name, which his children bear alike (V. Lakshmi is his sister)
_INITIALS_NAME = regex.compile(r"(?:\p{Lu}\.\s?)+\S+")


def _family_marks(m: Mention) -> set[str]:
    """The words a mention's name shares with kin: its surname, and the initials that open it, if any."""
    marks = {_surname(m)} - {None}
    if _INITIALS_NAME.fullmatch(m.ref.value):
        marks.add(" ".join(m.ref.value.split()[:-1]))
    return marks


def _last_word(name: str) -> str | None:
    """The last word of a name of two words or more (its surname)."""
    words = name.split()
    return words[-1] if len(words) >= 2 else None


def _first_person_at(r: Relation) -> int:
    """Where the first of a tie's two people is written (its span may begin at a kinship noun)."""
    return min([at.start for at in (r.subject_at, r.object_at) if at is not None], default=r.span.start)


def _kin_gender(rules, noun: str) -> str | None:
    """The gender relations.yaml's gender_words give a kinship noun ("bride": f), if one."""
    for g, spec in sorted(rules.settings["relations"].get("gender_words", {}).items()):
        if isinstance(spec, dict) and noun in spec.get("kin", []):
            return g
    return None


def _surname(m: Mention) -> str | None:
    """The surname of a mention's full name, when it has two words or more."""
    return surname(m.ref.value) if len(counted_words(m.ref.value)) >= 2 else None


def _mention_inside(mentions: list[Mention], a: int, b: int) -> bool:
    return any(a <= x.span.start and x.span.end <= b for x in mentions)


def _joint(x: Mention, y: Mention) -> bool:
    """Whether two mentions are one joint name the names step read as both people: "Harold and June
    Pettibone", or an obituary's couple with the spouse in parentheses, "Susan (Mark) Oyelaran"."""
    return (x.span.start, x.span.end) == (y.span.start, y.span.end) and (
        " and " in x.span.exact or " & " in x.span.exact or "(" in x.span.exact)


def _key(m: Mention) -> str:
    """Who a mention is, as far as this step can tell: its full name, or the single name as
    written (the merge decides which full name a single name joins; a guess here would mix
    the genders of two people of one surname)."""
    surface = m.alias or m.span.exact
    return m.ref.value if len(surface.split()) >= 2 else surface


def _is_subject(ctx: Context, sentence: tuple[int, int], mention: Mention) -> bool:
    """Whether a mention is its sentence's subject: it opens it, and is no possessive ("Dragan's late father,
    Milan Vukovic, rowed …": the father is)."""
    return not _POSSESSIVE_S.match(ctx.text, mention.span.end) and _opens(ctx, sentence, mention)


def _opens(ctx: Context, sentence: tuple[int, int], mention: Mention) -> bool:
    """Whether a mention opens its sentence (a title, a dateline or a short opening phrase before it aside)."""
    before = ctx.text[sentence[0] : mention.span.start]
    return not regex.search(r"\p{Ll}", before.replace("Mrs.", "").replace("Mr.", "").replace("Ms.", "")) \
        or bool(regex.search(r"\s[—–-]+\s*$", before)) or bool(_OPENING_PHRASE.fullmatch(before))


# a short phrase of time or place the sentence opens with, then its subject ("In the video, Chrissy is seen …")
_OPENING_PHRASE = regex.compile(r"(?:In|On|At|During|After|Before|Since|Later|Earlier|Last|This|That|Then|Now|Today|"
                                r"Yesterday|Meanwhile|Afterwards?|By|From|Until|Within|Over|Throughout)\s[^,;“”\"]{0,50},\s+")


_PATTERNS: dict = {}  # (what, id of a rule set's gender_words) -> (those words, their compiled patterns)


def _gender_patterns(rules) -> tuple:
    """(gender, pattern of a title just before a name, pattern of a kinship word just before a
    name) for each gender of relations.yaml's gender_words, compiled once per rule set."""
    words = rules.settings["relations"].get("gender_words", {})
    key = ("genders", id(words))
    if key not in _PATTERNS:
        out = []
        for g, spec in sorted(words.items()):
            titles, kin = spec.get("titles", []), spec.get("kin", [])
            title_re = regex.compile(r"\b(?:" + "|".join(map(regex.escape, titles)) + r")\.?\s+$") if titles else None
            # the words between are the kin's own description ("her father and coach"), never a preposition or a
            # clause: the name after "mother of" is her child's ("Bhateri Devi, mother of Rajbir and Jagdish"), and
            # after "Claire's mother, who married" her husband's
            kin_re = regex.compile(r"\b(?:" + "|".join(map(regex.escape, kin)) + r")(?:\s+of\s+\d{1,2}\s+years)?,?\s+"
                                   r"(?:(?!(?:of|to|for|with|from|by|about|at|in|on|who|whom|whose|which|that|when|where|while|as)\s)[\p{Ll}-]+\s+){0,3}$") if kin else None
            out.append((g, title_re, kin_re))
        _PATTERNS[key] = (words, tuple(out))  # the settings kept alive, so their id stays theirs
    return _PATTERNS[key][1]


def _per_gender(rules, what: str, build) -> dict:
    """For each gender of relations.yaml's gender_words, the pattern `build` makes of the alternation of its kinship
    words, compiled once per rule set and kept under `what`."""
    words = rules.settings["relations"].get("gender_words", {})
    key = (what, id(words))
    if key not in _PATTERNS:
        out = {}
        for g, spec in sorted(words.items()):
            kin = spec.get("kin", []) if isinstance(spec, dict) else []
            if kin:
                out[g] = regex.compile(build("(?:" + "|".join(map(regex.escape, kin)) + ")"))
        _PATTERNS[key] = (words, out)  # the settings kept alive, so their id stays theirs
    return _PATTERNS[key][1]


def _described_as_kin(rules) -> tuple:
    """(gender, pattern of a kinship noun of gender_words describing the name just before it: ", the
    daughter of", " is the son of", " grew up in Halden Bay, the daughter of") for each gender."""
    return tuple(_per_gender(rules, "described-as-kin", lambda kin: (
        r"(?![\p{L}’'-])(?:,\s+\d{1,3})?(?:,|\s+(?:is|was)|\s+(?:grew\s+up|was\s+raised|was\s+born)\b[^,;.“”\"]{0,80},)"
        r"\s+the\s+(?:(?:only|eldest|oldest|youngest|younger|older|elder|middle|second|third)\s+)?" + kin + r"\s+of\b")).items())

# kinship words that tell no gender: "his parents, Ernesto Macaraeg and his wife, Corazon" names Ernesto as kin
_KIN_OF_EITHER = ("parents", "grandparents", "children", "grandchildren", "siblings", "kids", "twins")


def _kin_of_pronoun(rules):
    """The pattern of "his son, " / "her sister and co-founder, " / "his parents, fisherman " just before a name."""
    words = rules.settings["relations"].get("gender_words", {})
    key = ("kin-of-pronoun", id(words))
    if key not in _PATTERNS:
        kin = [w for spec in words.values() for w in spec.get("kin", [])]
        kin += [w + "s" for w in kin] + list(_KIN_OF_EITHER)
        pattern = regex.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y)\s+(?:\p{Ll}+\s+)?(?:" + "|".join(map(regex.escape, kin))
                                + r"),?[^\S\n]+(?:\p{Ll}+\s+){0,2}(?:\p{Lu}\p{Ll}{1,3}\.?\s+)?$") if kin else None  # never across a
        # blank line; a courtesy title may stand before the name ("her mother, Mrs. Yetunde Oyelaran")
        _PATTERNS[key] = (words, pattern)
    return _PATTERNS[key][1]


def _described_subject(rules) -> dict:
    """For each gender, the pattern of a sentence that opens with an unnamed person of that gender
    named by a kinship word of gender_words ("The groom, 33, ...", "The widow said"), not a possessive
    ("The groom's father" is about the father)."""
    return _per_gender(rules, "described", lambda kin: (
        r"\s*(?:\p{Lu}[\p{Lu}\s,.]*\s[—–-]+\s*)?[Tt]he\s+(?:[\p{Ll}-]+\s+)?" + kin + r"(?![\p{L}’'-])"))

# words that never follow a clause's subject as its verb: "for his father before he was killed" is no father's clause
_NO_VERB = (r"(?:before|after|when|while|as|until|since|because|if|and|or|but|to|for|with|of|in|on|at|by|from|"
            r"who|whom|whose|which|that|about|during|than)")


# between a name and a possessor set in apposition to it: ", " and a courtesy title ("Frances Quarles, Ms. Quarles's")
# (the apposition may tell another tie first: "Teresa Valadares, the prime minister's wife and Duarte's mother")
_APPOSED_POSSESSOR = regex.compile(r",\s+(?:[^,;.“”\"]{1,60}?\s(?:and|&)\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+)?")


def _kin_clause_subject(rules) -> dict:
    """For each gender, the pattern of an unnamed relative of that gender (a kinship word of gender_words after
    a possessive or "the") as the subject of a clause, at the sentence's start or after a word that opens a
    clause, then its verb, ending where a pronoun follows: "which their father still runs with [his wife]",
    "and Tom Hale's mother then sold [her house]". Not an object ("thanked her mother and [her husband]", "for
    his father before [he] was killed": the subject's)."""
    return _per_gender(rules, "kin-clause", lambda kin: (
        r"(?:\A\s*|(?<![\p{L}’'-])(?:which|that|where|when|while|as|because|after|before|since|until|and|but|so)\s+)"
        r"(?:[Tt]heir|[Hh]is|[Hh]er|[Ii]ts|[Tt]he|\p{Lu}\p{L}+[’']s)\s+(?:[\p{Ll}-]+\s+)?" + kin
        + r"\s+(?!" + _NO_VERB + r"\s)(?:(?!(?:and|or|but|nor)\s)\p{Ll}[\p{Ll}-]*\s+){1,8}\Z"))


def _role_opener(ctx: Context) -> regex.Pattern:
    """The pattern of a sentence that opens with someone unnamed, described by a noun for a person (quotes.yaml
    `speakers.person_nouns`: "The senator's defection …", "The coach said"), possessive or not."""
    nouns = speaker_settings(ctx).get("person_nouns", [])
    key = ("role-opener", id(nouns))
    if key not in _PATTERNS:
        _PATTERNS[key] = (nouns, regex.compile(r"\s*(?:\p{Lu}[\p{Lu}\s,.]*\s[—–-]+\s*)?[Tt]he\s+(?:[\p{Ll}-]+\s+)?(?:"
                                               + "|".join(map(regex.escape, sorted(set(nouns)))) + r")(?![\p{L}-])"))
    return _PATTERNS[key][1]


def _told_as_other(ctx: Context, sentence: tuple[int, int], gender: str) -> bool:
    """Whether a sentence's own words (not its quotations) use pronouns of the other gender than `gender`
    only: none of `gender` ("out of his pocket ... for his mother" against a "she" after it)."""
    def used(g: str) -> bool:
        return any(not ctx.in_quote(p.start()) for p in _SAME_GENDER[g].finditer(ctx.text, *sentence))

    return used("m" if gender == "f" else "f") and not used(gender)


def _genders(ctx: Context, names: Names, mentions: list[Mention]) -> dict[str, str]:
    """Each person's gender where the article tells it: a name rule or the gazetteer, a title
    (Mrs., Mr.), a kinship word naming them (her father, Daniel Nwosu), a pronoun opening the
    next sentence when the sentence before names only them. Conflicting evidence: unknown."""
    seen: dict[str, set[str]] = {}

    def tell(name: str, g: str) -> None:
        seen.setdefault(name, set()).add(g)

    for name, g in names.genders.items():
        tell(name, g)
    # a full name the text gives no gender, whose surname alone the names step read after a title as theirs
    # ("Shri Lohiwal" of Harishchandra Lohiwal, in an article naming a Smt. Kamla Devi Lohiwal too, where the
    # surname's own gender is in doubt): that title's, where they are the one bearer of the surname named in
    # full before it, so the title can be no one else's ("Mr Kereama" after Mere, Tama and Rawiri Kereama
    # tells nothing of any of them)
    titled: dict[str, set[str]] = {}
    for g, title_re, kin_re in _gender_patterns(ctx.rules):
        for m in mentions:
            before = ctx.text[max(0, m.span.start - 40) : m.span.start]
            # a kinship noun before a possessor names someone else: "Denise, Graham's wife of 34 years, Liam's
            # mother" tells nothing of Liam; a title before one does ("Mrs Hale's car")
            by_title = title_re is not None and title_re.search(before) is not None
            if by_title or (kin_re and kin_re.search(before) and not POSSESSOR_AFTER.match(ctx.text, m.span.end)):
                tell(_key(m), g)
            if by_title and " " in m.ref.value and _key(m) != m.ref.value \
                    and {x.ref.value for x in mentions if x.span.end <= m.span.start and _key(x) == x.ref.value
                         and " " in x.ref.value and surname(x.ref.value) == surname(m.ref.value)} == {m.ref.value}:
                titled.setdefault(m.ref.value, set()).add(g)
    for name, gs in sorted(titled.items()):
        if name not in seen and len(gs) == 1:
            tell(name, next(iter(gs)))
    # a kinship noun describing them right after the name ("Lena Moss, the daughter of", "Moss is the
    # son of", "Moss grew up in Halden Bay, the daughter of")
    described = _described_as_kin(ctx.rules)
    for m in mentions:
        for g, kin_after in described:
            if kin_after.match(ctx.text, m.span.end):
                tell(_key(m), g)
    # each sentence's people and its first mention, in one pass over the mentions (in order):
    # a scan of all mentions for each sentence is quadratic in a long article
    named_in: dict[tuple[int, int], set[str]] = {}
    first_in: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        sentence = ctx.sentence_of(m.span.start)
        named_in.setdefault(sentence, set()).add(_key(m))
        first_in.setdefault(sentence, m)
    for i, (a, b) in enumerate(ctx.sentences):
        previous = ctx.sentences[i - 1] if i else None
        if previous not in named_in or len(named_in[previous]) != 1:
            continue
        subject = first_in[previous]
        if not _is_subject(ctx, previous, subject):
            continue
        # the sentence opens with the pronoun, or with a quotation and then the pronoun ("“…,” she said")
        p = _SUBJECT_PRONOUN.search(ctx.text, a, b)
        if p and not ctx.in_quote(p.start()) and all(
                c.isspace() or not c.isalnum() or ctx.in_quote(a + k) for k, c in enumerate(ctx.text[a : p.start()])):
            g = "f" if p.group().casefold() in ("she", "her") else "m"
            if _told_as_other(ctx, previous, g):
                # "Ruiz took the card out of his pocket and gave it to his mother. She read it": the sentence
                # before speaks of its subject as the other gender, so the she is another (his mother)
                continue
            tell(_key(subject), g)
    # a given name alone and the full name it opens tell one gender ("her father and coach Rajbir Kadian …
    # Rajbir, 51, said he …"), where the word opens one full name only
    given: dict[str, set[str]] = {}
    for m in mentions:
        surface = m.alias or m.span.exact
        if " " not in surface and " " in m.ref.value and m.ref.value.split()[0] == surface:
            given.setdefault(surface, set()).add(m.ref.value)
    for word, fulls in given.items():
        if len(fulls) != 1:  # "Lim" of Lim Jun Hao and Lim Hui Min: a family name written first, two people's
            continue
        full = next(iter(fulls))
        told = seen.get(word, set()) | seen.get(full, set())
        if told:
            seen[word] = seen[full] = told
    return {name: next(iter(gs)) for name, gs in seen.items() if len(gs) == 1}
