"""What a set of articles in house styles the rules had not met showed them doing wrong: a surname that is also
a word of holidays (Day), British police ranks before a name, a title and a surname two women of a family bear,
a bride's pronoun never read by the surname she took, accented given names, and a date inside a
relative clause taken as the date of the sentence's own event.

Each case is a small invented article, extracted on its own.
"""

from __future__ import annotations

from conftest import extract_body as read, named, speakers, ties
from graph.rules.ruleset import fold_accents


def test_day_is_a_surname_and_the_end_of_a_holiday(tmp_path, rules):
    x = read(tmp_path, rules, "Ines is the daughter of Lucia Verhoeven and her husband, cinematographer Nathaniel "
                              "Day. Her uncle, Felix Day, edited the film.\n\n"
                              "On National Sons Day and on Mother's Day, Lucia Verhoeven posted a photo.\n")
    assert {"Nathaniel Day", "Felix Day"} <= named(x)
    assert not {"Nathaniel", "Felix", "Day", "Sons Day"} & named(x)
    assert ("Lucia Verhoeven", "spouse", "Nathaniel Day") in ties(x)


def test_neither_opens_no_name(tmp_path, rules):
    x = read(tmp_path, rules, "Rowan Castellane and Mila Vance are divorcing.\n\n"
                              "Neither Castellane nor Vance is expected to say more, a source said.\n")
    assert "Neither Castellane" not in named(x)


def test_a_british_police_rank_is_no_part_of_the_name_and_its_bearer_speaks(tmp_path, rules):
    x = read(tmp_path, rules, "Dr Simon Ashworth, 52, was struck by a lorry. He died at the scene.\n\n"
                              "PC Gareth Lumb, a collision investigator, told the inquest that the camera had failed. "
                              "According to PC Lumb, the connection was loose.\n\n"
                              "‘With a working camera, the driver would have seen him,’ he said.\n")
    assert "Gareth Lumb" in named(x)
    assert speakers(x, "With a working camera") == {"Gareth Lumb"}


def test_mrs_and_a_surname_call_back_the_one_written_with_it(tmp_path, rules):
    # Fiona and her daughter are both women of the surname; only Fiona has been written with it
    x = read(tmp_path, rules, "Dr Simon Ashworth, 52, died in September.\n\n"
                              "Dr Ashworth’s widow, Fiona Ashworth, said her husband loved the route. "
                              "The couple have two children, Ellie, 22, and Tom, 19.\n\n"
                              "‘He sent me a message from the car park that evening,’ Mrs Ashworth told the inquest.\n\n"
                              "Their daughter, Ellie Ashworth, read a statement.\n")
    assert speakers(x, "He sent me a message") == {"Fiona Ashworth"}


def test_a_bride_keeps_her_own_name_before_the_wedding(tmp_path, rules):
    # "she married George Hardesty": a subject pronoun is read by nearness, never by the surname she took
    x = read(tmp_path, rules, "Margaret Pruitt, 88, died on Sunday. She grew up on a farm.\n\n"
                              "In 1958 she married George Hardesty, a lineman. Their daughter, Ellen Hardesty, "
                              "lives in Dunmore.\n")
    assert ("Margaret Pruitt", "spouse", "George Hardesty") in ties(x) or \
        ("George Hardesty", "spouse", "Margaret Pruitt") in ties(x)
    assert not {("Ellen Hardesty", "spouse", "George Hardesty"), ("George Hardesty", "spouse", "Ellen Hardesty")} & ties(x)


def test_given_names_are_looked_up_without_their_accents(rules):
    assert fold_accents("Tomás") == "Tomas"
    assert rules.given_names.get("Tomás") == rules.given_names.get("Tomas") == "m"
    assert "Inés" in rules.given_names
    assert rules.given_names.get("Zzyzx") is None
    # so a pronoun's reader knows Dr. Tomás Echeverría is no "she" (the speaker-gender tests read the same table)
    assert rules.given_names.get("Tomás") != "f"


def test_a_date_in_a_relative_clause_dates_the_clause(tmp_path, rules):
    x = read(tmp_path, rules, "Mayor Dennis Albright, who was first elected in 2015, announced his resignation.\n",
             date="2025-03-06")
    resignations = [e for e in x.events if e.kind == "resignation"]
    assert resignations
    assert all(d.lexical != "2015" for e in resignations for d in e.dates)
    assert any(e.kind == "appointment" and [d.lexical for d in e.dates] == ["2015"] for e in x.events)


def test_names_written_with_the_initials_of_their_given_names(tmp_path, rules):
    """South Indian copy names people by the initials of their given names (the father's name first) and one
    name: such a name is a person where only a person can stand, no sentence ends at its initial, a bare
    "Venkataraman" is not the wife named in full, and a sister is the one who bears her brother's initial."""
    x = read(tmp_path, rules, (
        "The court dismissed an appeal filed by a son of the late S. Venkataraman, a T. Nagar silk merchant, "
        "and upheld his will.\n\nA Division Bench of Justices N. Sethuraman and Kavitha Ramprasad confirmed an "
        "order granting probate of the will to V. Lakshmi, 54. The will was executed in 2014. Her elder brother, "
        "V. Srinivasan, 61, had contended that the document was forged.\n\nVenkataraman died in 2019. His wife, "
        "Kamala Venkataraman, had died in 2011. Ms. Lakshmi and her husband, S. Ganesh, moved in with him."))
    assert {"S. Venkataraman", "V. Lakshmi", "V. Srinivasan", "S. Ganesh", "Kamala Venkataraman"} <= named(x)
    assert "Nagar" not in named(x) and "T. Nagar" not in named(x)
    got = ties(x)
    assert ("S. Venkataraman", "spouse", "Kamala Venkataraman") in got, got
    assert {("V. Lakshmi", "sibling", "V. Srinivasan"), ("V. Lakshmi", "spouse", "S. Ganesh")} <= got, got
    assert not [t for t in got if "Sethuraman" in t[0] or "Sethuraman" in t[2]], got


def test_the_younger_child_is_of_the_pair_whose_eldest_came_before(tmp_path, rules):
    """"Their eldest, Jerome, … flew home with his wife, Camille, … Their younger child, Anna": Anna is the
    child of the pair whose eldest Jerome is, not of Jerome and his wife."""
    x = read(tmp_path, rules, (
        "Teresita Villanueva taught for 40 years.\n\nVillanueva's husband, Romeo, 67, sat in the front row with "
        "their two children. The couple married in 1988.\n\nTheir eldest, Jerome Villanueva, 36, a nurse in "
        "Dubai, flew home with his wife, Camille, and their daughter, Bea. Their younger child, Anna Marie "
        "Villanueva-Castro, 33, followed her mother into the profession.\n"))
    got = ties(x)
    assert {("Jerome Villanueva", "parent", "Teresita Villanueva"), ("Jerome Villanueva", "parent", "Romeo"),
            ("Anna Marie Villanueva-Castro", "parent", "Teresita Villanueva")} <= got, got
    assert not [t for t in got if t[0] == "Anna Marie Villanueva-Castro" and t[2] in ("Jerome Villanueva", "Camille")]


def test_a_profile_s_ways_of_giving_words_to_their_speaker(tmp_path, rules):
    """A magazine profile: "a kitchen she describes as “…”", "as she puts it, “…”", the answer to a question the
    writer asked ("When I ask Aurelio about her, …" then a paragraph of quotation only), and the credits of words
    and photographs on one line parted by a dot."""
    x = read(tmp_path, rules, (
        "Words by Harriet Vell · Photographs by Osian Pryce\n\n"
        "Nina Castagna trained in Lyon and worked at Maison Ferrand in Paris, a kitchen she describes as "
        "“beautiful, brutal and very, very quiet.” She flew home for the funeral and went back a week later, "
        "because, as she puts it, “staying felt like admitting it had happened.”\n\n"
        "Her father, Aurelio Castagna, runs the stove. When I ask Aurelio about his late wife, he takes off his "
        "glasses and cleans them for a long time.\n\n"
        "“She was the restaurant. I was only the kitchen.”\n"))
    assert {"Harriet Vell", "Osian Pryce"} <= named(x)
    assert speakers(x, "beautiful, brutal") == {"Nina Castagna"}
    assert speakers(x, "staying felt like") == {"Nina Castagna"}
    assert speakers(x, "She was the restaurant") == {"Aurelio Castagna"}


def test_a_he_inside_a_quotation_after_the_narration_spoke_of_someone_unnamed_is_no_one_named_before(tmp_path, rules):
    """“He said, ‘Folks, …’” after "Whitford said the captain came on the intercom": the he is the captain, whom
    the text has not named, not her son named before; "Renee Gallo, the volunteer leading the pace group" names
    the volunteer, so the he of her quotation is still the man named before her."""
    x = read(tmp_path, rules, (
        "\"There was a bang,\" said Dana Whitford, 46, who was traveling with her 15-year-old son, Eli.\n\n"
        "Whitford said the captain came on the intercom within a couple of minutes. \"He said, 'Folks, we've lost "
        "our left engine, and we're going to take it into Denver,'\" she said.\n\n"
        "Daniel Ortega asked Renee Gallo, the volunteer leading the race's pace group, to carry the ring.\n\n"
        "\"He came up to me at the start corral, shaking, and said, 'I need you to hold something very "
        "important,'\" Gallo said.\n"))
    assert speakers(x, "Folks, we've lost") == {"Dana Whitford"}  # hers, the quotation around it; never Eli's
    assert {s.ref.value for q in x.quotes if q.text.startswith("I need") for s in q.speakers} == {"Daniel Ortega"}


def test_an_anniversary_to_come_dates_the_wedding_from_the_year_ahead(tmp_path, rules):
    x = read(tmp_path, rules, "Harold and Beverly Lindqvist were flying home. The couple, who will mark their 50th "
                              "wedding anniversary in June, were seated behind the wing.\n", date="2026-03-14")
    weddings = [str(d.lexical) for e in x.events if e.kind == "wedding" for d in e.dates]
    assert weddings == ["1976-06"], weddings
