"""Quotations in articles the rules were not written against: who said the words between quote marks.

Each article is small and invented, one per way a speaker is told (or not told), and is built
on its own. The speaker of a quotation is a person the text names: "he"/"she" go to the nearest
person before them whose gender the text does not contradict, never to whoever the article is
most about; a role noun ("the mayor") to the person the article introduced with it; "they" to a
group only where one is named. A quotation printed in parts is one quotation.
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from tests.conftest import build_articles
from tests.test_extraction import rows

ARTICLES = {
    # "she"/"he" after a quotation: the nearest person of that gender, not the protagonist
    "pronouns": """ date 2024-02-01
Harbor Bank names Lena Ortiz as its next chief executive

Lena Ortiz will lead Harbor Bank from March, the bank said on Monday. Ortiz, 51, ran its lending arm for a decade.

Her brother, Marco Ortiz, runs a bakery two streets from the head office. “She called me before she called our mother,” he said.

Ortiz spoke to staff on Tuesday. “I have asked every branch for one idea,” she said.
""",
    # how a speaker is named after the quotation: inverted verb, title before the name, a description
    # beside it, an age, a title alone, a role noun the article introduced
    "named": """ date 2023-10-02
Riverside beats Dunmore in the final seconds

Riverside College beat Dunmore 64-62 on Saturday, and Mayor Ruth Calloway was in the stands.

“We never stopped believing,” said Nora Fink, a junior guard.

“That last possession was drawn up in a napkin,” Riverside coach Owen Marsh said.

“I have seen forty finals and none like this,” Walter Pike, 88, said.

“The city will pay for the parade,” the mayor told reporters.

“This team plays for each other,” Petra Lindgren, the college’s athletic director, wrote in an email.
""",
    # speech verbs beyond said, and "according to"
    "verbs": """ date 2023-06-11
Chef Ada Moreau opens a second restaurant in Port Ellis

Ada Moreau opened her second restaurant in Port Ellis on Friday. The chef has cooked in the town for twelve years, most of them with her sous-chef, Felix Brandt. Brandt said the new kitchen was twice the size of the old one.

“I will never learn to make small plates,” Moreau joked.

“Ada tasted every sauce twice,” according to Felix Brandt, her sous-chef.

“The menu changes every week,” the chef said in a statement.
""",
    # words in quote marks inside a sentence of reported speech, and after a colon
    "fragments": """ date 2024-04-20
Council approves the Harbor Street plan

The council approved the Harbor Street plan on Tuesday by six votes to three.

Councilor Dina Webb, who voted against it, called the plan “a giveaway to developers” and said she would ask for a review.

Its author, Samuel Grier, described the vote as “a win for every renter in town.”

Asked when building would start, Grier answered in two words: “Next spring.”
""",
    # a quotation in two parts around its attribution, and one over two paragraphs
    "parts": """ date 2022-09-30
Novelist Iris Kade finishes her trilogy

Iris Kade finished the last book of her trilogy in a cabin without a telephone.

“I wrote the ending first,” she said, “and then spent three years walking toward it.”

What changed, Kade said, was a winter she spent copying her grandfather’s letters by hand.

“He wrote to my grandmother every day for forty years. Some letters are two lines long.

“I read them all in one month, and the book was finally there.”
""",
    # a quote inside a quote has its own speaker; "they" with no group named has none
    "nested": """ date 2021-05-14
Tomas Vey returns to the stage

The pianist Tomas Vey played his first concert in three years on Thursday. His teacher, Irena Salk, sat in the front row.

“She looked at me after the first bar and said, ‘Slower, Tomas,’ ” Vey said. “She was right.”

“At every rehearsal they say, ‘Play it like a lullaby,’ ” he added.
""",
    # titles of works and nicknames in quote marks are nobody's words
    "titles": """ date 2020-11-03
Author Maya Quill wins the Linden Prize

Maya Quill won the Linden Prize on Monday for her novel “The Glass Orchard.” She began “The Glass Orchard” in 2015.

Her friend Jonas “Jojo” Bell said the book was “the best thing she has written.”
""",
    # who a pronoun may not be: a person the quotation names, the subject a parenthetical interrupts,
    # a person named before someone the names step may have missed
    "not-them": """ date 2024-03-04
Lawmakers reject the budget of Gov. Tom Hale

Rep. Dana Fox criticized the budget of Gov. Tom Hale on Monday. “It is a tax on families,” Fox said.

Hale's office did not respond. “The governor is wrong about this,” she added.

Her children, Ava and Noah, she added, know “every line of it by heart.”

“We lost this round,” Hale said on Tuesday.

His budget director, Sam Ray, agreed. “We were outvoted,” he said.
""",
    # a he or she that opens a sentence before anyone is named continues whom the text was about;
    # "Ms. Wells" when two people share the surname is the one of that gender
    "centering": """ date 2024-05-06
Singer Ruth Wells returns with a new album

Ruth Wells and her husband, Carl Wells, spoke to fans on Friday about their daughter, Lily. As she pointed out, Lily is already writing songs.

“I am just thinking about the tour,” she said.

Carl Wells played piano on two songs. “She never needed lessons,” Ms. Wells said of her daughter.
""",
    # an attribution that names nobody the article knows: the quotation is nobody's, not the last speaker's
    "unnamed": """ date 2024-06-07
Ann Cole and Peter Lind end their marriage

Ann Cole and Peter Lind have separated after twelve years, her publicist said on Sunday. “We remain friends,” Cole said.

“The children come first,” a source close to the couple told reporters.
""",
}


def _build(tmp_path_factory, name: str) -> Graph:
    return build_articles(tmp_path_factory.mktemp(f"quotes-{name}"), {f"{name}.txt": ARTICLES[name]})


@pytest.fixture(scope="module")
def graphs(tmp_path_factory):
    built: dict[str, Graph] = {}

    def get(name: str) -> Graph:
        if name not in built:
            built[name] = _build(tmp_path_factory, name)
        return built[name]

    return get


def said(g: Graph) -> dict[str, set[str]]:
    """The words of each quotation -> the names of its speakers (empty when it has none)."""
    out: dict[str, set[str]] = {}
    for text, speaker in rows(g, """
            SELECT ?text ?name WHERE { ?q a schema:Quotation ; schema:text ?text .
              OPTIONAL { ?q schema:creator ?c . ?c schema:name ?name } }"""):
        out.setdefault(text, set())
        if speaker:
            out[text].add(speaker)
    return out


def speakers_of(g: Graph, words: str) -> set[str]:
    """The speakers of the shortest quotation holding these words (a nested one before the one around it)."""
    holding = sorted((len(text), text) for text in said(g) if words in text)
    return said(g)[holding[0][1]] if holding else set()


def test_pronoun_after_a_quotation_is_the_nearest_person_of_its_gender(graphs):
    g = graphs("pronouns")
    # the article is about Lena Ortiz, but "he" after her brother's quotation is her brother
    assert speakers_of(g, "She called me before she called our mother") == {"Marco Ortiz"}
    assert speakers_of(g, "I have asked every branch for one idea") == {"Lena Ortiz"}


def test_speaker_named_after_the_quotation_in_every_usual_way(graphs):
    g = graphs("named")
    assert speakers_of(g, "We never stopped believing") == {"Nora Fink"}
    assert speakers_of(g, "That last possession was drawn up in a napkin") == {"Owen Marsh"}
    assert speakers_of(g, "I have seen forty finals and none like this") == {"Walter Pike"}
    assert speakers_of(g, "This team plays for each other") == {"Petra Lindgren"}


def test_role_noun_speaker_is_the_person_introduced_with_it(graphs):
    g = graphs("named")
    # "Mayor Ruth Calloway" introduced her; "the mayor told reporters" is she
    assert speakers_of(g, "The city will pay for the parade") == {"Ruth Calloway"}


def test_speech_verbs_beyond_said_and_according_to(graphs):
    g = graphs("verbs")
    assert speakers_of(g, "I will never learn to make small plates") == {"Ada Moreau"}
    assert speakers_of(g, "Ada tasted every sauce twice") == {"Felix Brandt"}
    # "Chef Ada Moreau" in the headline, "The chef has cooked …": the chef is she
    assert speakers_of(g, "The menu changes every week") == {"Ada Moreau"}


def test_quoted_fragments_go_to_the_subject_who_reports_them(graphs):
    g = graphs("fragments")
    assert speakers_of(g, "a giveaway to developers") == {"Dina Webb"}
    assert speakers_of(g, "a win for every renter in town.") == {"Samuel Grier"}
    assert speakers_of(g, "Next spring.") == {"Samuel Grier"}


def test_quotation_in_two_parts_is_one_quotation(graphs):
    g = graphs("parts")
    texts = [t for t in said(g) if "I wrote the ending first" in t]
    assert len(texts) == 1 and "spent three years walking toward it" in texts[0]
    assert speakers_of(g, "I wrote the ending first") == {"Iris Kade"}


def test_quotation_over_two_paragraphs_is_one_quotation(graphs):
    g = graphs("parts")
    texts = [t for t in said(g) if "He wrote to my grandmother every day" in t]
    assert len(texts) == 1 and "the book was finally there" in texts[0]
    assert speakers_of(g, "He wrote to my grandmother every day") == {"Iris Kade"}


def test_quote_inside_a_quote_has_its_own_speaker(graphs):
    g = graphs("nested")
    assert speakers_of(g, "Slower, Tomas") == {"Irena Salk"}
    outer = rows(g, """SELECT ?name WHERE { ?q schema:text ?t ; schema:isPartOf ?o . ?o schema:creator/schema:name ?name .
                       FILTER(CONTAINS(?t, "Slower, Tomas")) }""")
    assert {r[0] for r in outer} == {"Tomas Vey"}


def test_they_without_a_named_group_is_nobody(graphs):
    g = graphs("nested")
    assert not [names for text, names in said(g).items() if text.startswith("Play it like a lullaby") and names]
    assert speakers_of(g, "At every rehearsal they say") == {"Tomas Vey"}


def test_titles_and_nicknames_in_quote_marks_are_nobodys_words(graphs):
    g = graphs("titles")
    assert not [t for t in said(g) if t.strip(".,") in ("The Glass Orchard", "Jojo")]
    assert speakers_of(g, "the best thing she has written") == {"Jonas “Jojo” Bell"}


def test_a_person_the_quotation_names_is_not_its_speaker(graphs):
    g = graphs("not-them")
    # "the governor" in the quotation is Hale, named just before: the she who says it is Fox
    assert speakers_of(g, "The governor is wrong about this") == {"Dana Fox"}


def test_the_subject_a_parenthetical_attribution_interrupts_is_not_the_speaker(graphs):
    g = graphs("not-them")
    assert speakers_of(g, "every line of it by heart") == {"Dana Fox"}


def test_a_pronoun_does_not_reach_past_someone_named_just_before(graphs):
    g = graphs("not-them")
    # Sam Ray, named in the sentence before, is who "he" is; never Hale, named further back
    assert "Tom Hale" not in speakers_of(g, "We were outvoted")


def test_a_sentence_opening_with_she_continues_whom_the_text_was_about(graphs):
    g = graphs("centering")
    assert speakers_of(g, "I am just thinking about the tour") == {"Ruth Wells"}


def test_a_title_and_a_shared_surname_is_the_one_of_that_gender(graphs):
    g = graphs("centering")
    # Ruth and Lily are women, Carl a man: "Ms. Wells" is Ruth or Lily, the text does not say which
    assert "Carl Wells" not in speakers_of(g, "She never needed lessons")


def test_an_attribution_to_someone_unnamed_leaves_the_quotation_without_speaker(graphs):
    g = graphs("unnamed")
    assert speakers_of(g, "We remain friends") == {"Ann Cole"}
    assert not [names for text, names in said(g).items() if "The children come first" in text and names]


def test_a_quotation_printed_in_two_parts_says_its_text_joins_them(tmp_path):
    from rdflib import RDF, Literal

    from graph.build import build
    from graph.rdf.vocab import KG, OA, SDO

    text = (' date 2024-05-02\nMara Quill, the harbour master, said on Tuesday that the wait was over. '
            '"We waited a long time," Quill said, "and we are ready now."\n')
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    build(folder, tmp_path / "out", cache_dir=None)
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    (q,) = list(g.subjects(RDF.type, SDO.Quotation))
    assert str(g.value(q, SDO.text)) == "We waited a long time, and we are ready now."
    assert g.value(q, KG.joinedParts) == Literal(2)
    parts = {str(g.value(g.value(st, OA.hasSelector), OA.exact)) for st in g.subjects(RDF.subject, q)
             if g.value(st, RDF.predicate) == SDO.text}
    assert parts == {"We waited a long time,", "and we are ready now."}, "each part is printed as its selector says"
    assert {str(text).find(p) >= 0 for p in parts} == {True}


def test_words_credited_to_a_company_give_no_person_a_quotation_and_the_graph_conforms(tmp_path):
    from rdflib import RDF

    from graph.analyse.validate import validate
    from graph.build import build
    from graph.rdf.vocab import SDO

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(' date 2024-05-02\n"We are proud of the result," Corvane Systems said in a statement '
                                  'on Monday.\n\nAcme Corp said: "Sales doubled."\n', encoding="utf-8")
    build(folder, tmp_path / "out", cache_dir=None)
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    for q in g.subjects(RDF.type, SDO.Quotation):
        for creator in g.objects(q, SDO.creator):
            assert (creator, RDF.type, SDO.Person) in g
    assert validate(tmp_path / "out" / "graph.ttl", None).conforms


def test_a_title_picks_between_two_of_one_surname_by_the_gender_of_their_given_names(tmp_path):
    """"Mr. Ambrose" after Corinne and Curtis Ambrose, the text telling neither's gender: Curtis."""
    g = build_articles(tmp_path, {"store.txt": (
        " date 2024-04-18\n\nRaymond Hale has one child, Corinne Ambrose. He is selling the store to "
        "Curtis Ambrose.\n\n\"I married into a hardware store,\" Mr. Ambrose said.\n")})
    assert speakers_of(g, "I married into a hardware store") == {"Curtis Ambrose"}


def test_a_title_leaves_two_of_one_surname_and_one_gender_unattributed(tmp_path):
    """"Mr. Ambrose" after Curtis and Lyle Ambrose: either may be meant, so no speaker."""
    g = build_articles(tmp_path, {"store.txt": (
        " date 2024-04-18\n\nLyle Ambrose and Curtis Ambrose fixed the wiring.\n\n"
        "\"I married into a hardware store,\" Mr. Ambrose said.\n")})
    assert speakers_of(g, "I married into a hardware store") == set()


def test_a_term_in_quote_marks_after_a_determiner_is_no_quotation(tmp_path):
    """"its own marketing calls the “ambient home”": a term; "called it “a giveaway”": words said."""
    g = build_articles(tmp_path, {"terms.txt": (
        " date 2024-11-06\n\nGideon Pratt, an analyst, said Brightwave had to move beyond what its marketing "
        "calls the “ambient home.” Dana Reyes called it “a giveaway.”\n")})
    got = said(g)
    assert not [t for t in got if "ambient home" in t]
    assert speakers_of(g, "a giveaway") == {"Dana Reyes"}
