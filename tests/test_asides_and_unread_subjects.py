"""Readings that keep a family tie, a quotation or an event from the wrong person: a sentence opened by a name no
rule read, a name inside an aside set off by dashes, a sentence about someone named by age, a noun that describes
the next name of a list, a he that says whom a bare surname stands for, titles that tell a gender (Sir, Dame) or
go before a name (the Yoruba Pa); and names that are no one (a family, words of an exclaimed title-case headline),
a death told of the name right before the verb, one event of one telling.

The articles of the development corpus are read whole by the extraction step, as the rules see them; the shorter
cases are inline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, Namespace, RDF

from tests.conftest import build_articles, extract_body, inner_speakers, named, speakers, ties

CORPUS = Path(__file__).parent / "corpus"
KG = Namespace("https://w3id.org/kg-news/ontology#")
SDO = Namespace("https://schema.org/")

RUGBY = "fresh58-b-za-rugby-sevens"
HOCKEY = "fresh58-c-ca-hockey-mother"
TYCOON = "fresh9-hk-family-feud"
TWINS = "fresh51-ng-society-twins-60th-birthday"
RALLY = "fresh58-a-ng-campaign-rally"
VINEYARD = "fresh58-c-nz-vineyard-sale"
SENATOR = "fresh58-b-us-senator-dui"
CRICKET = "fresh59-a-au-twins-fifties"
MARATHON = "fresh59-b-ke-marathon-uncle"
CENTENARIAN = "fresh59-c-jm-centenarian-birthday"
INQUEST = "fresh60-a-gb-tractor-inquest"
CONGLOMERATE = "fresh60-b-ng-conglomerate-founder-death"


def test_a_sentence_opened_by_a_name_no_rule_read_stops_a_pronoun_going_further_back(read_corpus):
    # "Yip Kwok-leung built Grandmount from a single tenement block he bought in 1968 … His first wife, Lau Mei-chu"
    # after paragraphs quoting the family's lawyer, Benjamin Chow: the wife is not the lawyer's
    x = read_corpus(TYCOON)
    assert not {t for t in ties(x) if "Benjamin Chow Tze-kin" in (t[0], t[2])}


def test_an_unread_subject_leaves_the_pronoun_to_no_one(rules, tmp_path):
    body = ("Marcus Dahl, the family's lawyer, spoke first.\n\n"
            "Ngata Hemi-rua built the firm from a single truck he bought in 1968. His first wife, Aroha Tane, "
            "died in 1988.\n")
    x = extract_body(tmp_path, rules, body)
    assert not {t for t in ties(x) if "Marcus Dahl" in (t[0], t[2])}


def test_a_name_inside_an_aside_set_off_by_dashes_is_not_the_pronoun_after_it(read_corpus):
    # "Hennie’s wife, Annelie – mother of Ruan and Dewald – watched … alongside his father, Koos"
    x = read_corpus(RUGBY)
    assert ("Hennie Swanepoel", "parent", "Oom Koos") in ties(x)
    assert not {t for t in ties(x) if t[1] == "parent" and t[2] == "Oom Koos" and t[0] != "Hennie Swanepoel"}
    assert {("Ruan Swanepoel", "parent", "Annelie"), ("Dewald Swanepoel", "parent", "Annelie")} <= ties(x)


def test_a_sentence_about_someone_named_by_age_keeps_the_next_he_from_a_name_inside_it(read_corpus):
    # "The 48-year-old … took over as head coach in 2021 when his predecessor, Gert Fourie, left …" / "He admitted …"
    # / "‘There were selection meetings …,’ he said": not Fourie's words
    assert "Gert Fourie" not in speakers(read_corpus(RUGBY), "There were selection meetings")


def test_a_noun_after_a_name_that_describes_the_next_name_tells_nothing_of_the_first(read_corpus):
    # "The family — Chantal, her husband, Marc, …": Marc is the husband; Chantal stays a she, whose words these are
    x = read_corpus(HOCKEY)
    assert speakers(x, "People ask me how I did it") == {"Chantal Arsenault"}
    assert speakers(x, "just made the under-16 ringette team") == {"Chantal Arsenault"}


def test_a_he_right_after_a_bare_surname_and_sir_before_a_name_say_whose_father_it_is(read_corpus):
    # "… the band of highlife legend, Sir Shina Ayoola, and his band …" / "In his toast, Chief Ezeudu recalled the
    # day he went to seek her hand from her late father, Pa Joseph Adebowale": neither the chief's nor the
    # bandleader's father, but the celebrant's
    x = read_corpus(TWINS)
    fathered = {t[0] for t in ties(x) if t[1] == "parent" and t[2] == "Joseph Adebowale"}
    assert fathered == {"Kehinde Ezeudu"}


def test_an_exclaimed_title_case_headline_makes_no_name_of_its_verb(rules, tmp_path):
    from graph.load import load_article
    from graph.match.extract import extract

    path = tmp_path / "a.txt"
    path.write_text(" date 2025-05-01\n‘Lake Days’ Stars Dana Lorne and Cole Varga Welcome Baby Girl — See the "
                    "First Photos!\n\nDana Lorne and Cole Varga are parents. Varga, 31, said so.\n", encoding="utf-8")
    assert "Cole Varga Welcome" not in named(extract(load_article(path), rules))


def test_one_telling_read_as_an_interview_is_not_also_a_statement(rules, tmp_path):
    body = ('"We could not touch the bottom," Kylie Brennan told the Tindarra Coast Courier on Monday.\n')
    x = extract_body(tmp_path, rules, body)
    kinds = [e.kind for e in x.events if any(r.ref.value == "Kylie Brennan" for r in e.roles)]
    assert kinds == ["interview"]


@pytest.fixture(scope="module")
def three_built(tmp_path_factory):
    """The graph of three articles of the corpus built together, as a user builds them."""
    return build_articles(tmp_path_factory.mktemp("three"), {
        f"{n}.txt": (CORPUS / f"{n}.txt").read_text(encoding="utf-8") for n in (RALLY, VINEYARD, SENATOR)})


def _people_named(g) -> set[str]:
    return {str(o) for s in g.subjects(RDF.type, SDO.Person) for o in g.objects(s, SDO.name)}


def _dead(g) -> set[str]:
    """The names of the people the graph's deaths are about."""
    deaths = [e for e in g.subjects(KG.eventKind, Literal("death"))]
    return {str(n) for e in deaths for p in g.objects(e, SDO.about) for n in g.objects(p, SDO.name)}


def test_pa_before_a_name_of_two_words_is_a_title(three_built):
    # "my late father, Pa Joseph Adebanjo, used to tell me" / "Pa Adebanjo, a cocoa farmer and church elder, died in
    # 2009": the candidate's father, not the candidate, died
    assert "Joseph Adebanjo" in _people_named(three_built)
    assert "Pa Joseph Adebanjo" not in _people_named(three_built)
    assert "Oluwaseun Adebanjo" not in _dead(three_built)


def test_a_surname_before_family_is_no_person(three_built):
    # "… ending nearly four decades of Whitcombe family ownership." before anyone of the family is named
    assert "Whitcombe" not in _people_named(three_built)


def test_a_death_is_the_named_relatives_not_the_speakers(three_built):
    # "Her husband, Paul Achterberg, a retired high school principal, said in a statement Tuesday that his wife had
    # been struggling since her younger brother, Neil Hadley, died of cancer in 2022."
    assert "Paul Achterberg" not in _dead(three_built)
    assert "Neil Hadley" in _dead(three_built)


def test_a_sport_before_a_job_before_a_name_is_no_person(rules, tmp_path):
    body = "Watching from the boundary was their father, former Test batter Greg Ashcombe, who played 14 Tests.\n"
    x = extract_body(tmp_path, rules, body)
    assert "Test" not in named(x)
    assert "Greg Ashcombe" in named(x)


def test_a_bare_surname_of_twins_named_together_is_neither_twins_nor_their_fathers_for_sure(read_corpus):
    # "Twin sisters Maddie and Ruby Ashcombe …" / "their father, former Test batter Greg Ashcombe …" / "Ashcombe
    # said: “… ‘Watch the ball, not the bowler.’ …”": whose the I is the text leaves open, so the words within are
    # nobody's, not Maddie's
    x = read_corpus(CRICKET)
    assert not {s for s in inner_speakers(x, "Watch the ball, not the bowler") if s != "Greg Ashcombe"}
    first = (CORPUS / f"{CRICKET}.txt").read_text(encoding="utf-8").index("Twin sisters")
    assert not {m for m in x.mentions if m.span.start < first and m.span.exact == "Ashcombe"}  # "Ashcombe twins"


def test_a_surname_before_family_and_a_capitalised_word_is_a_business_not_a_person(rules, tmp_path):
    body = ("Ridgeline has agreed to acquire Halvorsen Family Markets, a 41-store grocer.\n\n"
            "Nils Halvorsen opened the first store in 1958.\n")
    x = extract_body(tmp_path, rules, body)
    assert not {m for m in x.mentions if m.ref.type == "Person" and m.span.start < body.index("Nils")}


def test_initials_in_quotation_marks_after_a_determiner_are_no_ones_words(rules, tmp_path):
    body = "Coach Travis Odom said the team would wear a “RW” decal on its helmets next season.\n"
    assert not extract_body(tmp_path, rules, body).quotes


def test_a_his_opening_a_sentence_is_not_the_uncle_the_his_before_named(read_corpus):
    # "Chelimo is coached by his maternal uncle, Joseph Rotich Kiprop, … His mother, Esther Jeruto, is Kiprop’s
    # younger sister": Chelimo's mother, not the uncle's
    x = read_corpus(MARATHON)
    assert not {t for t in ties(x) if t[0] == "Joseph Rotich Kiprop" and t[1] == "parent"}
    assert ("Dennis Kipkemboi Chelimo", "parent", "Esther Jeruto") in ties(x)


def test_a_nickname_someone_is_known_by_is_no_other_person(read_corpus):
    # "Eulalee Hemmings, known across the district as 'Mama Lee', …" / "Mama Lee told her …"
    x = read_corpus(CENTENARIAN)
    assert not {p for p in named(x) if p in ("Lee", "Mama Lee")}


def test_a_phrase_set_off_after_a_noun_that_opens_with_a_preposition_introduces_no_one_by_the_noun(read_corpus):
    # "The inquest, before Helen Ashdown, senior coroner …, heard a statement from his widow, Margaret Pritchard" /
    # "'John had farmed that land since he was a boy,' she said": no "inquest" is the coroner, so not hers
    x = read_corpus(INQUEST)
    assert "Helen Ashdown" not in speakers(x, "John had farmed that land")
    assert "Wenlow" not in named(x)  # "St Michael's Church, Little Wenlow": a place, no "little" Wenlow


def test_a_malaysian_company_ends_in_sdn_bhd(rules, tmp_path):
    body = "Amirul, an architect with Kuala Lumpur firm Lanskap Reka Sdn Bhd, met Farhana in 2019.\n"
    x = extract_body(tmp_path, rules, body)
    assert "Lanskap Reka Sdn Bhd" in named(x, "Organization")
    assert not {p for p in named(x) if "Sdn" in p}


def test_a_month_last_year_is_that_month_of_the_year_before(rules, tmp_path):
    body = ("Mereana Walsh and her partner, Josh Henare, announced on Instagram in January last year that they "
            "were expecting their first child.\n")
    x = extract_body(tmp_path, rules, body, date="2024-05-02")
    dates = {d.lexical for e in x.events for d in e.dates}
    assert "2023-01" in dates and "2024-01" not in dates


def test_a_her_opening_a_sentence_is_not_the_mother_a_her_before_named(read_corpus):
    # "… accompanied by her husband, Bassey Ekpo, and her mother, Mrs. Yetunde Oyelaran, the new chairman said …" /
    # "Her younger brother, Mr. Kunle Oyelaran, …": the chairman's brother, not her mother's
    x = read_corpus(CONGLOMERATE)
    assert not {t for t in ties(x) if t[1] == "sibling" and "Yetunde Oyelaran" in (t[0], t[2])}


def test_a_name_before_a_noun_in_quotation_marks_after_the_is_a_term(rules, tmp_path):
    body = ('Anagha Deshmane, the district\'s chief executive, said 40 villages had been identified for the '
            '"Talegaon pattern" this year.\n')
    assert not extract_body(tmp_path, rules, body).quotes


def test_the_title_of_a_drama_before_said_is_no_ones_words(rules, tmp_path):
    body = ('Kaye Villaruel, who last appeared on the big screen in the romantic drama "Sa Dulo ng Ulan," said she '
            'would take a break from taping.\n')
    assert not extract_body(tmp_path, rules, body).quotes
