"""Readings that news of several genres needs and that must not overreach: a speaker pronoun after a name no
rule could read, a reply's opening question, the bride and groom of a page of announcements, "the couple" of
a lede that names two people, a paragraph's opening "their", a he that attributes a quotation, and names that
are organisations.

Each case is a small invented article read by the extraction step (graph.match.extract), as the rules see
it; every case that reads something has a counter-case of the same shape where the reading must not hold.
"""

from __future__ import annotations

import pytest

from tests.conftest import article_reader, named, speakers, ties

ARTICLES = {
    # "Brenner" is two people's surname, so no rule reads it; it stands nearer than the man the he would
    # otherwise go back to, with a woman named between: the he is in doubt
    "unread-nearer": """Elliot Brenner, a founder of Brenner Labs, has died. His sister, Julia Brenner, shared the news. Kavya Raman, the chief executive, said she was heartbroken.

"Elliot had a rare gift," Owen Tate, a partner at the fund that backed the company, told reporters.

Brenner was rarely the public face of the company — Kavya Raman handled the press — but he spoke to reporters in 2023. "Grocers don't need AI," he said at the time.
""",
    # the same shape where the nearer name is read (Tate): the he is Owen Tate
    "read-nearer": """Elliot Brenner, a founder of Brenner Labs, has died. His sister, Julia Brenner, shared the news. Kavya Raman, the chief executive, said she was heartbroken.

"Elliot had a rare gift," Owen Tate, a partner at the fund that backed the company, told reporters.

Tate was rarely the public face of the fund — Kavya Raman handled the press — but he spoke to reporters in 2023. "Grocers don't need AI," he said at the time.
""",
    # the noun that ends a reply's opening question introduces nobody: "the deal" in the quotation is no
    # mention of Teo, who says it
    "question-opening": """Teo Ruiz is 17 and had to get a permission slip from his parents to play.

Asked whether that was actually the deal, Teo sighed.

“That was the deal,” he said.
""",
    # an inverted sentence's apposition still introduces: "the coach" is Ito Hale
    "inverted-apposition": """Teo Ruiz is 17 and had to get a permission slip from his parents to play.

Sitting beside him was his coach, Ito Hale.

“That was the deal,” the coach said.
""",
    # a page of two announcements: "the bride" and "the groom" are of the couple whose announcement they stand
    # in, never the grandparents married in the same paragraph, nor the bride's parents
    "announcements": """WEDDING

Meredith Whitcomb and Jonah Castellano were married May 18 at St. Columba Church in Ashby Falls.

The bride is the daughter of Gerald and Patrice Whitcomb of Ashby Falls. Her grandparents are the late Harold and Ruth Whitcomb, who were married in the same church in 1958. The groom is the son of Anthony Castellano of Brennock.

ENGAGEMENT

Allison Kessler and Devin Ostrander will marry in October in Tolland Ridge.

Allison Kessler is the daughter of Raymond and Lorraine Kessler.
""",
    # the lede names a man and a woman of one surname and no one else: "the couple" is those two
    "lede-pair": """Ernest Vandermeer has a story he likes to tell about the night he met his wife, and Joan Vandermeer has a story she likes to tell about the same night.

They do not match. He was 19 and she was 17 when he went down at the rink.

The couple were married on June 19, 1965, at St. Columba's Church in Kettle Lake.
""",
    # a lede that tells of a daughter may name a father and his daughter: no couple
    "lede-pair-kin": """Kwabena Mensah has a story he likes to tell about the night his daughter, Akua Mensah, was born in the back of a taxi.

They laugh about it now. He was 30 and she was a minute old.

The couple were married on June 19, 2019, at St. Columba's Church in Kettle Lake.
""",
    # a paragraph that opens with "Their son" after one naming two men, neither married nor written as a pair
    "their-unpaired": """Grant Whitaker, a chemistry teacher, has been knocking on doors for the campaign. He said Danny Solís had been best man at the wedding.

Their son, Mateo Whitaker, 19, posted a video on Sunday.
""",
    # the same after a pair written as one joint name
    "their-joint-name": """Among the dead were Harold and June Pettibone, a couple in their 70s whose truck was swept off Mill Creek Road.

Their daughter, Karen Lusk, said her parents had refused to leave.
""",
    # a he that attributes a quotation in a paragraph of quotation alone stands for the one named in the
    # paragraph before, and a "He and his wife" after it does too
    "attribution-chain": """Gwilym Pritchard, 88, his son Huw Pritchard, 59, and granddaughter Elin Pritchard, 27, were honoured on Saturday.

Huw, who took over the farm in 1998, said the award belonged to the whole valley.

"Farming up here has never been a one-family thing," he said. "The neighbours dug us out."

He and his wife, Siân Pritchard, now run the farm with their daughter Elin.
""",
    # where the quotation's paragraph speaks of someone unnamed before its he, the chain goes no further
    "attribution-chain-unnamed": """Gwilym Pritchard, 88, his son Huw Pritchard, 59, and granddaughter Elin Pritchard, 27, were honoured on Saturday.

Huw, who took over the farm in 1998, said the award belonged to the whole valley.

Outside the hall, the chairman of the show said the day had been long. "Farming up here has never been a one-family thing," he said. "The neighbours dug us out."

He and his wife, Siân Pritchard, now run the farm with their daughter Elin.
""",
    # a quotation printed over several paragraphs is one step back to the one who said it; "her own mother"
    # is the mother of the clause's subject, even one named as someone's relative
    "quotation-paragraphs": """The Rev Helen Marsden, who has been vicar of St Bartholomew's since 2017, said the congregation was devastated.

She said: "I got the call just before 11pm and by the time I got here you could see the flames.

"People were standing in the street in their dressing gowns, some of them in tears.

"But a church is its people, not its roof."

Her husband, Martin Marsden, who runs the youth club, was among the first at the scene.

Her mother, Janet Haworth, 54, said her own mother, Doreen Whittaker, 78, married at the church in 1969.
""",
    # names that end or begin with a word of a trade or a form: organisations, and what was founded is one
    "firms": """Delroy Chin Wholesale sponsored the final. Orbis International crowned her on Sunday. She told Rádio Serrana that she was tired.

Brennan was founded in 1998 by the late Declan Brennan, an Irish engineer.
""",
    # International before another word of the name is no end of it: a person's name before it stays one
    "international-inside": """Mira Lind won the Linden International Violin Competition in 2022. Mira Lind said she practised for years.
""",
}


@pytest.fixture(scope="module")
def read(tmp_path_factory, rules):
    return article_reader(tmp_path_factory, rules, ARTICLES)


def test_an_unread_name_nearer_than_the_person_leaves_the_pronoun_open(read):
    assert speakers(read("unread-nearer"), "Grocers") == set()
    assert speakers(read("read-nearer"), "Grocers") == {"Owen Tate"}


def test_the_noun_ending_a_reply_question_introduces_nobody(read):
    assert speakers(read("question-opening"), "That was the deal") == {"Teo Ruiz"}
    assert speakers(read("inverted-apposition"), "That was the deal") == {"Ito Hale"}


def test_the_bride_and_groom_are_of_the_announcement_they_stand_in(read):
    found = ties(read("announcements"))
    assert {("Meredith Whitcomb", "parent", "Gerald Whitcomb"), ("Meredith Whitcomb", "parent", "Patrice Whitcomb"),
            ("Jonah Castellano", "parent", "Anthony Castellano")} <= found
    assert not {t for t in found if t[1] == "parent" and t[2] in ("Harold Whitcomb", "Ruth Whitcomb")}
    assert not {t for t in found if t[0] in ("Gerald Whitcomb", "Patrice Whitcomb") and t[1] == "parent"}


def test_the_couple_is_the_lede_pair_only_where_the_lede_tells_of_no_blood_kin(read):
    assert ("Ernest Vandermeer", "spouse", "Joan Vandermeer") in ties(read("lede-pair"))
    assert not {t for t in ties(read("lede-pair-kin")) if t[1] == "spouse"}


def test_their_opening_a_paragraph_needs_a_pair(read):
    assert not {t for t in ties(read("their-unpaired")) if t[0] == "Mateo Whitaker"}
    assert {("Karen Lusk", "parent", "Harold Pettibone"), ("Karen Lusk", "parent", "June Pettibone")} \
        <= ties(read("their-joint-name"))


def test_trade_words_and_founding_make_organisations(read):
    x = read("firms")
    assert named(x) == {"Declan Brennan"}
    assert {"Delroy Chin Wholesale", "Orbis International", "Rádio Serrana", "Brennan"} <= named(x, "Organization")
    y = read("international-inside")
    assert "Mira Lind" in named(y)
    assert "Linden International" not in named(y, "Organization")


def test_a_quotations_he_is_followed_to_the_paragraph_before_only_through_quotation(read):
    assert {("Huw Pritchard", "spouse", "Siân Pritchard"), ("Elin Pritchard", "parent", "Huw Pritchard")} \
        <= ties(read("attribution-chain"))
    assert not {t for t in ties(read("attribution-chain-unnamed")) if "Siân Pritchard" in t}


def test_a_quotation_over_several_paragraphs_is_one_step_back(read):
    found = ties(read("quotation-paragraphs"))
    assert {("Helen Marsden", "spouse", "Martin Marsden"), ("Janet Haworth", "parent", "Doreen Whittaker")} <= found
    assert not {t for t in found if "Doreen Whittaker" in t and "Janet Haworth" not in t}
