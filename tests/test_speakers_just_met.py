"""Speakers read as a reader does, and the words that begin no name.

Among people of one surname: the title of office one of them was introduced with ("The Rev Helen Marsden … Rev
Marsden said"; never a degree, which an article may give another bearer later), the bearer just met speaking ("club
manager Lorne Friesen … said" then "Friesen said"; "Luca Benedetti … told the court" then "Mr Benedetti said"), and
never one the text says has died. Attributions read more widely: letters after a name (SC), more verbs of reporting,
"according to" an office and a name, "X told me once, '…'". Words that begin no name: a number hyphened to a word
("Third-generation Rawal"), church titles, Mama, Pop, Pa, Atty, Puan, Encik, Datuk; the last two of a list are no
couple; a title and surname before two bearers are named is neither alone.

Each case is a small invented article, read on its own; where the merge decides, its facts are read, so the
merge, not only the match step, must credit the words.
"""

from __future__ import annotations

from conftest import extract_body as read, inner_speakers, named, speakers
from rdflib import Namespace

from graph.resolve.resolve import resolve

SDO = Namespace("https://schema.org/")


def creators(tmp_path, rules, body: str, words: str) -> set[str]:
    """The names of whom the merge credits with the quotation holding `words` (the build's facts, unwritten)."""
    facts = resolve([read(tmp_path, rules, body, date="2025-04-10")], rules).facts
    quotes = {s for (s, p, o) in facts if p == SDO.text and words in str(o)}
    people = {o for (s, p, o) in facts if p == SDO.creator and s in quotes}
    return {str(o) for (s, p, o) in facts if p == SDO.name and s in people}


LEDE = "Chloe Haworth, 27, was due to marry at the church in May.\n\n"


def test_a_title_of_office_names_the_bearer_introduced_with_it(tmp_path, rules):
    body = (LEDE + "The Rev Helen Marsden, the vicar, was at the scene. Her husband, Martin Marsden, helped carry "
            "hymn books out.\n\nRev Marsden said: \"I have spoken to Chloe and we will help.\"")
    assert creators(tmp_path, rules, body, "I have spoken") == {"Helen Marsden"}


def test_a_degree_names_no_one_by_introduction(tmp_path, rules):
    # the bride is a doctor too, though only her mother was introduced as one
    body = ("Priya Raghunathan and Tadhg Mulcahy were married on Saturday.\n\nShe is the daughter of Dr. Lakshmi "
            "Raghunathan and Venkat Raghunathan. The couple met when Mr. Mulcahy brought a student into the "
            "emergency room where Dr. Raghunathan was finishing her residency.\n\nDr. Raghunathan remembered it "
            "differently. \"He was pacing like he was the patient's father,\" she said.")
    assert "Lakshmi Raghunathan" not in creators(tmp_path, rules, body, "He was pacing")


def test_a_bare_surname_calls_back_the_bearer_just_met_speaking(tmp_path, rules):
    body = ("Skip Darcy Friesen won the final in Regina on Sunday. Friesen, 34, has now won twice.\n\n"
            "Back in Carrow Lake, club manager Lorne Friesen — no relation to the skip — said more than 100 people "
            "packed in to watch.\n\n\"It was louder in here than the night the Riders won the Cup,\" Friesen said.")
    assert creators(tmp_path, rules, body, "It was louder") == {"Lorne Friesen"}


def test_a_bearer_named_inside_another_clause_is_not_just_met_speaking(tmp_path, rules):
    # "who, she says," gives the verb its own subject: Ole is spoken of, not speaking
    body = ("Ingrid Aasheim won the prize on Tuesday. Aasheim, 51, leads a lab in Hallingvik.\n\n"
            "Aasheim has dedicated the prize to her father, Ole Aasheim, a trawler captain who died in 2023 and who, "
            "she says, \u201cnever understood a word of our papers.\u201d \u201cHe used to tap the barometer every "
            "morning,\u201d Aasheim says.")
    assert creators(tmp_path, rules, body, "He used to tap") == {"Ingrid Aasheim"}


def test_a_bearer_named_after_the_one_just_met_leaves_it_to_the_other_readings(tmp_path, rules):
    body = ("Skip Darcy Friesen won the final in Regina on Sunday. Friesen, 34, has now won twice.\n\n"
            "Club manager Lorne Friesen said 100 people came. Darcy Friesen waved to them.\n\n"
            "\"It was loud,\" Friesen said.")
    assert "Lorne Friesen" not in creators(tmp_path, rules, body, "It was loud")


def test_a_number_hyphened_to_a_word_is_no_given_name(tmp_path, rules):
    x = read(tmp_path, rules, "Third-generation Rawal walked into the Assembly on Monday. Two-time champion Ana "
                              "Ruiz was there. Ishaan Rawal, 34, said he was ready.\n")
    people = named(x)
    assert not {p for p in people if p.startswith(("Third", "Two"))}
    assert {"Ana Ruiz", "Ishaan Rawal"} <= people


def test_church_titles_are_no_part_of_a_name(tmp_path, rules):
    x = read(tmp_path, rules, "According to the founder's wife of 58 years, Deaconess Victoria Akintola, whom he "
                              "married in 1968, the secret was prayer. His son, Reverend Tunde Akintola, agreed. "
                              "Evangelist Grace Okoro sang.\n")
    assert {"Victoria Akintola", "Tunde Akintola", "Grace Okoro"} <= named(x)
    assert not {p for p in named(x) if p.startswith(("Deaconess", "Reverend", "Evangelist"))}


def test_the_last_two_of_a_list_are_no_couple(tmp_path, rules):
    x = read(tmp_path, rules, "The agent, Kofi Boateng, said several clubs in France, Turkey and Saudi Arabia had "
                              "shown interest.\n")
    assert not {"Turkey", "Saudi Arabia"} & named(x)


def test_a_title_and_surname_before_two_bearers_are_named_is_neither_alone(tmp_path, rules):
    facts = resolve([read(tmp_path, rules, "It was Mrs Cheetham who went home with the seat on Thursday night.\n\n"
                               "Helen Cheetham won the ward by 85 votes, beating her husband, Martin Cheetham.\n",
                         date="2026-03-06")], rules).facts
    persons = {s for (s, p, o) in facts if o == SDO.Person}
    people = {str(o) for (s, p, o) in facts if p == SDO.name and s in persons}
    assert {"Helen Cheetham", "Martin Cheetham"} <= people
    assert "Cheetham" not in people


def test_letters_after_a_name_and_more_verbs_of_reporting(tmp_path, rules):
    x = read(tmp_path, rules, "Ms Nguyen’s barrister, Siobhan McAlister SC, told the court: “My client does not seek to "
                              "minimise what she did.”\n\nCounsel for the respondent, Barrister Mehreen Lodhi, countered "
                              "that the document was \"never registered with any sub-registrar\" and had been "
                              "superseded.\n\nDarlene Carraway, reached by phone, confirms she drove the four hours to "
                              "the studio \"with my good earrings on.\"\n")
    assert speakers(x, "My client does not seek") == {"Siobhan McAlister"}
    assert speakers(x, "never registered") == {"Mehreen Lodhi"}
    assert speakers(x, "good earrings") == {"Darlene Carraway"}


def test_according_to_a_person_written_after_their_office(tmp_path, rules):
    x = read(tmp_path, rules, "According to club secretary Bríd Ní Riain, the executive had accepted the resignation "
                              "\"with great reluctance and even greater gratitude\".\n\nFather Anselmo Quiroga led the "
                              "Mass. In his homily, Quiroga reminded the pair that \"fame is a guest, but love must live "
                              "in the house.\"\n")
    assert "Bríd Ní Riain" in named(x)
    assert speakers(x, "great reluctance") == {"Bríd Ní Riain"}
    assert speakers(x, "fame is a guest") == {"Anselmo Quiroga"}


def test_a_title_calls_back_the_bearer_just_met_speaking_before_any_set_apart(tmp_path, rules):
    body = ("The firm was founded in 1988 by Marco Benedetti, now 71, and his wife, Rosalind Benedetti. Mr Benedetti "
            "sat in the front row.\n\nLuca Benedetti, 31, the couple's son, told the court he first noticed the "
            "discrepancies in February.\n\nHe said he raised the matter with the bookkeeper. \u201cShe resigned a few "
            "days later,\u201d Mr Benedetti said.")
    assert creators(tmp_path, rules, body, "She resigned") == {"Luca Benedetti"}


def test_a_clause_of_its_own_after_the_name_is_no_one_just_met_speaking(tmp_path, rules):
    body = ("Pádraig Gallagher, 54, and his son Ciarán, 22, were taken from the water.\n\nMr Gallagher was discharged "
            "yesterday afternoon. Ciarán Gallagher remains in hospital, where his condition is described as stable.\n\n"
            "\"The sea was coming in over the stern,\" Mr Gallagher told RTÉ News.")
    assert "Ciarán Gallagher" not in creators(tmp_path, rules, body, "The sea was coming")


def test_a_title_names_no_bearer_the_text_says_has_died(tmp_path, rules):
    body = ("Ann Hale, 88, still makes the noodles every morning.\n\nThe stall was started by her late husband, Mr Tom "
            "Hale, who died in March 2011. Their son, Mr Ben Hale, 62, took over the wok in 1995.\n\nThe council "
            "praised the stall on Wednesday.\n\n\"My father told me the fire must be bigger than your fear,\" said Mr "
            "Hale.")
    assert creators(tmp_path, rules, body, "fire must be bigger") == {"Ben Hale"}


def test_mama_is_a_form_of_address_no_part_of_a_name(tmp_path, rules):
    x = read(tmp_path, rules, "The Queenmother of Dzodzeti, Mama Ablavi Dzatsui II, led the women. \"Mama says she is not "
                              "tired,\" her granddaughter said. Mama Dzatsui said the town would mourn for 40 days.\n")
    assert not {p for p in named(x) if p.startswith("Mama")}


def test_a_quote_inside_a_quote_after_a_name_told_me_once(tmp_path, rules):
    x = read(tmp_path, rules, "Wiremu Tawhai led the claim for 30 years. \"Wiremu told me once, 'If I am not there, you "
                              "hold the pen,'\" Mere Tawhai said.\n")
    assert inner_speakers(x, "If I am not there") == {"Wiremu Tawhai"}


def test_forms_of_address_and_titles_of_other_copy_begin_no_name(tmp_path, rules):
    x = read(tmp_path, rules, "Atty Ramil Sarmiento spoke for the family. Puan Rohana Ismail and Encik Azman Hashim "
                              "arrived with Datuk Seri Halim Osman. \"Pop said we'd win,\" she said. Pa said nothing.\n")
    people = named(x)
    assert "Ramil Sarmiento" in people
    assert not {p for p in people if p.split()[0] in ("Atty", "Puan", "Encik", "Datuk", "Pop", "Pa")}


def test_a_title_and_surname_name_no_bearer_the_text_says_died(tmp_path, rules):
    x = read(tmp_path, rules, "Cian Moloney (24), from Rathcullen, on the outskirts of Cork, died at Kilcrennan Strand "
                              "on August 3rd.\n\n"
                              "The inquest was told that Mr Moloney, who worked for Corrib Ridge Engineering, had been "
                              "swimming with two friends.\n\n"
                              "Mr Moloney's parents, Declan and Bernadette Moloney, sat in the front row. Mr Moloney said "
                              "his son had texted him at seven.\n\n"
                              "\"He was a strong swimmer,\" Mr Moloney told the coroner.\n")
    assert speakers(x, "strong swimmer") == {"Declan Moloney"}


def test_according_to_someone_the_message_is_not_theirs(tmp_path, rules):
    x = read(tmp_path, rules, "Sharon Chelagat won in Berlin on Sunday.\n\n"
                              "Her brother, Dennis Kiptoo, 19, said his sister had sent him a voice note from the finish. "
                              "According to Kiptoo, the message was short: \"Tell Mum I am coming home.\"\n\n"
                              "According to Sam Kirby, an analyst, the twins are the first to sign with the two schools, "
                              "and it was \"the story of the winter.\"\n")
    assert "Dennis Kiptoo" not in speakers(x, "coming home")
    assert speakers(x, "story of the winter") == {"Sam Kirby"}


def test_what_someone_called_it_is_their_words(tmp_path, rules):
    x = read(tmp_path, rules, "Curtis Whitcomb, Tyler's father, said the family was grateful but struggling with what he "
                              "called \"the why of it.\"\n\n"
                              "Ms Esther Owino resigned in 2023 to protest what she termed \"wanton wastage of public "
                              "funds\".\n\nThe plan passed. Locals opposed what the papers called \"a land grab\".\n")
    assert speakers(x, "the why of it") == {"Curtis Whitcomb"}
    assert speakers(x, "wanton wastage") == {"Esther Owino"}
    assert not speakers(x, "a land grab")


def test_a_reported_clause_after_an_office_or_a_clerics_title(tmp_path, rules):
    x = read(tmp_path, rules, "Minister for Health Fergal Dunne told the Dáil on Wednesday that the Government had "
                              "“bent over backwards” to avert the strike.\n\n"
                              "At a service on Sunday, the minister, the Reverend Aled Jenkins, told the congregation "
                              "that the Pritchards had \"carried this valley on their shoulders\".\n\n"
                              "The auctioneer, Declan Furlong of Furlong Hegarty, the Skibbereen firm founded by his "
                              "father, Jim Furlong, in 1971, said the sale had drawn \"every second person in Dublin\".\n")
    assert speakers(x, "bent over backwards") == {"Fergal Dunne"}
    assert speakers(x, "carried this valley") == {"Aled Jenkins"}
    assert "Jim Furlong" not in speakers(x, "every second person")


def test_the_caption_of_what_someone_posted_is_theirs(tmp_path, rules):
    x = read(tmp_path, rules, "On Sunday morning, Carrie Lindahl had posted a photo of the bags on social media, with the "
                              "caption \"Wheels up at noon.\"\n\n"
                              "The page run by Tom Hale ran with the caption \"Count them all.\"\n")
    assert speakers(x, "Wheels up at noon") == {"Carrie Lindahl"}
    assert "Tom Hale" not in speakers(x, "Count them all")


def test_a_name_in_a_clause_about_the_subject_is_not_the_next_he(tmp_path, rules):
    x = read(tmp_path, rules, "Captain Karabo Sithole, 19, whose father Themba Sithole also played for the club in the "
                              "early 2000s, said the players were not thinking about the draw.\n\n"
                              "\"We are going there to win,\" he said.\n")
    assert speakers(x, "going there to win") == {"Karabo Sithole"}


def test_a_paragraph_of_quotation_after_a_colon_ending_the_one_before(tmp_path, rules):
    x = read(tmp_path, rules, "Dennis Vanderhoek coached his last game on Saturday.\n\n"
                              "Dr. Sanjay Mistry, a family physician in town who played goal for Vanderhoek, put it simply:\n\n"
                              "\"Half the men in this town learned how to be men in that dressing room.\"\n\n"
                              "Tom Hale never forgot the first of them:\n\n"
                              "\"You play for the crest, not the name on the back.\"\n")
    assert speakers(x, "Half the men in this town") == {"Sanjay Mistry"}
    assert "Tom Hale" not in speakers(x, "play for the crest")


def test_a_description_and_a_name_after_the_first_name_make_the_second_the_speaker(tmp_path, rules):
    x = read(tmp_path, rules, "In a statement read to the inquest by the family's solicitor, Olivia Tierney-Walsh, the "
                              "dead man's wife, Bernadette Cullinane, said the family had been \"torn apart\".\n\n"
                              "Imogen Adebayo-Price, who is coached by her father, Gareth Price, said she was "
                              "\"devastated\" by the decision.\n")
    assert "Olivia Tierney-Walsh" not in speakers(x, "torn apart")
    assert speakers(x, "devastated") == {"Imogen Adebayo-Price"}
