"""Who said a quotation, in constructions the rules were not written against: a title and a surname two
people share, a pronoun after someone unnamed spoke, a pronoun said before the name it stands for, a
quote within a quote, and attributions that give the words to someone else ("… read:", "to ask,").

Each article is small and invented, built together with the others (every name is its own article's).
A quotation whose speaker the text leaves in doubt keeps no speaker: a wrong speaker is worse than none.
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from graph.match.references import _is_title
from tests.conftest import build_articles
from tests.test_quotes_general import speakers_of

ARTICLES = {
    # "Ms Quill" (a title without its period) when only one Quill has been named so far is that one, though a
    # Quill of the same gender is named later; and the title tells her gender, for a "she" further on
    "shared-surname": """ date 2024-03-02
Nora Quill opens a bookshop on Mill Lane

Nora Quill opened the Lantern bookshop on Mill Lane on Saturday.

“I wanted a shop where nobody rushes you,” Ms Quill said.

Her cousin, Tessa Quill, painted the sign. The shop sells new and second-hand books.

Ms Quill plans a reading club for children. “They will choose the books,” she said.
""",
    # the article is about someone else, and two Hardestys are named: "Ms Hardesty" is the one the title's
    # gender allows, and the merge keeps her rather than reading the bare surname again as no one
    "not-the-lead": """ date 2024-05-02
Co-op marks its anniversary

Mara Quill has run the Westfield food co-op since 2004. Ellen Hardesty and her brother, George Hardesty, joined in 2010.

“We never planned to stay this long,” Ms Hardesty said on Tuesday.
""",
    # "Mr Brannock" after two Brannocks: the one the title's gender allows, named in the paragraph before;
    # a role phrase inside the quotation ("the ferryman") is the speaker's own, not someone he speaks of
    "title-gender": """ date 2023-08-19
Harbour ferry changes hands

Dora Brannock sold the harbour ferry on Friday to her nephew, Colm Brannock, who has crewed it since he was twelve.

“I’m only the ferryman,” Mr Brannock said. “She is the one who built the business.”
""",
    # a sentence giving words to someone unnamed ("A spokesman for …") leaves the next "he said" in doubt
    "unnamed-speaker": """ date 2024-01-15
Singer Jonah Pellow cancels winter tour

Jonah Pellow cancelled the rest of his winter tour on Monday after a throat injury.

A spokesman for Redfern Records confirmed that the dates would be moved to the spring. “Everyone here wishes him well,” he said.
""",
    # "Asked whether he …, Victor Hale laughed": the he is Victor Hale, said before his name; not the man
    # named before him
    "participle": """ date 2022-11-30
Hale Boats marks fifty years

Victor Hale founded Hale Boats in 1972. His son, Paul Reed, runs the yard now.

Asked whether he would ever retire, Victor Hale laughed. “Not this year,” he said.
""",
    # "the Bishop" no one was introduced as: the "he" after it is not the last man named
    "unnamed-title": """ date 2024-02-25
Village church reopens after repairs

The church of St Brede reopened on Sunday after two years of repairs paid for by the builder Owen Tarrant.

In a short sermon, the Bishop reminded the congregation of the fire. “We rebuild because we remember,” he said.
""",
    # words the subject reports someone else saying: "X said that when …, Y looked up and said, “…”" is Y's;
    # "to ask, “…”" is the asker's; "… message read: “…”" is the message's
    "reported": """ date 2024-04-11
Two men charged after warehouse fire

Detective Carla Munro said the suspects were arrested on Tuesday.

Munro said that when officers arrived, Rory Fulbright looked up and said, "I was only keeping warm."

Munro recalled one reporter standing up at the briefing to ask, "Was anyone hurt?" The answer, she said, was no.

Grace Pelham said her brother's last text message read: "Home soon, don't wait up."
""",
    # a quote within a quotation nobody is credited with keeps no speaker either
    "nested-unknown": """ date 2023-05-05
Flood waters recede in Ashby

Water levels fell on Thursday in Ashby, where Ruth Calder runs the village shop.

“The river came up in an hour. She said, ‘Leave the stock, take the cat.’ So we did.”
""",
    # "Judge Harriet Lind asked Thomas Reyes": the judge is the subject, though one lower-case word stands
    # between two names (no "Marlow State coach Renee Whitcombe"); the text tells neither gender, the
    # given names do, for a pronoun: "he" is Reyes, "she" the judge
    "given-name-gender": """ date 2025-03-14
Roofer convicted

Thomas Reyes, a roofer, was found guilty on Thursday.

Before dismissing the jurors, Judge Harriet Lind asked Reyes whether he understood the verdict. “I understand, Your Honor,” he said quietly. “Then we are adjourned,” she said.
""",
    # one a "he said" was just found to be is not the "she" of the next quotation, whatever the name says
    "he-then-she": """ date 2025-02-12
Sleep study

Her co-author, Prof. Benedek Oyelowo, and Dr. Oluwaseun Pike were careful about what the findings show. “We are not telling anyone to stop seeing a doctor,” he said. “We are telling doctors to ask a better question,” she said.
""",

    # an office with its county before the name, after the quotation; "put it simply:" after a long
    # description of the speaker
    "office-and-put-it": """ date 2025-07-09
Flood hits campground

"It came down the canyon like a train," Harlow County Sheriff Dwayne Okoro said Tuesday.

Dr. Mirela Stanca, a hydrologist at the University of Pellworth who was not involved in the rescue, put it simply: "Nobody could have outrun it."
""",
    # British single quotes with a plural possessive inside ("hours’ sleep"): one quotation, not two
    "plural-possessive": """ date 2025-09-28
Late winner for Kelby

Ama Quist scored twice on Saturday. Quist had not slept much.

‘I’ve had about four hours’ sleep all week,’ Quist said. ‘The players’ lounge was loud.’
""",
    # "The 24-year-old said Henning had taken him aside": the one who speaks next is the 24-year-old, whom
    # the sentence does not name; the name after "said" is no subject for the next "he"
    "unnamed-subject-reports": """ date 2025-09-28
Derby win

Kofi Ansah scored the winner on Saturday for Kelby Town. Manager Brede Henning watched from the bench.

The 24-year-old said Henning had taken him aside at half-time. ‘Go and get the ball,’ he told reporters.
""",

    # a cross-examination: two men, each reply in its own paragraph with a bare "he said"; which one
    # says the third is the words' to tell, not the pronoun's. "he added" goes on in the same voice
    "exchange": """ date 2025-03-14
Foreman testifies

Piet Ravel, the defense attorney, questioned the foreman on Tuesday.

“You never saw my client take the money, did you?” Ravel asked.

Gerald Fisk did not hesitate. “I saw him tell us to leave the shingles on the truck,” he said.

“That is not an answer to my question,” he said.

“I will answer it my way,” he added.
""",

}


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    return build_articles(tmp_path_factory.mktemp("speakers"), {f"{k}.txt": v for k, v in ARTICLES.items()})


def test_title_and_shared_surname_is_the_one_named_so_far(graph):
    assert speakers_of(graph, "I wanted a shop where nobody rushes you") == {"Nora Quill"}


def test_title_after_two_bearers_is_not_guessed_from_the_last_one_named(graph):
    # "Ms Quill" once Nora and Tessa Quill are both named: Tessa was named last, Nora more often; the
    # text leaves a doubt, so the "she" after it has no speaker (never Tessa by recency alone)
    assert speakers_of(graph, "They will choose the books") == set()


def test_a_title_decided_speaker_is_kept_by_the_merge(graph):
    assert speakers_of(graph, "never planned to stay") == {"Ellen Hardesty"}


def test_title_gender_picks_among_people_sharing_a_surname(graph):
    assert speakers_of(graph, "I’m only the ferryman") == {"Colm Brannock"}


def test_pronoun_after_an_unnamed_speaker_keeps_no_speaker(graph):
    assert speakers_of(graph, "Everyone here wishes him well") == set()


def test_pronoun_in_a_participle_clause_is_the_subject_after_it(graph):
    assert speakers_of(graph, "Not this year") == {"Victor Hale"}


def test_pronoun_after_an_unintroduced_title_keeps_no_speaker(graph):
    assert speakers_of(graph, "We rebuild because we remember") == set()


def test_reported_words_go_to_the_one_who_said_them(graph):
    assert speakers_of(graph, "I was only keeping warm") == {"Rory Fulbright"}
    assert speakers_of(graph, "Was anyone hurt?") == set()
    assert speakers_of(graph, "Home soon, don't wait up") == set()


def test_quote_within_an_unattributed_quotation_keeps_no_speaker(graph):
    assert speakers_of(graph, "Leave the stock, take the cat") == set()


def test_the_last_word_of_a_sentence_is_no_title():
    # "… of the rescue. Ann Lee": "rescue." ends a sentence; "Gov." and "coach" stand before a name as titles
    assert not _is_title("rescue.", set(), set(), {"gov"})
    assert _is_title("Gov.", set(), set(), {"gov"})
    assert _is_title("coach", set(), set(), {"gov"})


def test_a_given_name_tells_a_pronoun_the_gender_the_text_does_not(graph):
    assert speakers_of(graph, "I understand, Your Honor") == {"Thomas Reyes"}
    assert speakers_of(graph, "Then we are adjourned") == {"Harriet Lind"}


def test_a_she_is_not_the_one_a_he_was_just_found_to_be(graph):
    assert speakers_of(graph, "We are not telling anyone") == {"Benedek Oyelowo"}
    assert speakers_of(graph, "We are telling doctors") == {"Oluwaseun Pike"}


def test_an_office_and_its_county_before_the_name_and_put_it_simply(graph):
    assert speakers_of(graph, "It came down the canyon like a train") == {"Dwayne Okoro"}
    assert speakers_of(graph, "Nobody could have outrun it") == {"Mirela Stanca"}


def test_a_plural_possessive_inside_single_quotes_does_not_close_them(graph):
    assert speakers_of(graph, "four hours’ sleep all week") == {"Ama Quist"}
    assert speakers_of(graph, "The players’ lounge was loud") == {"Ama Quist"}


def test_a_name_reported_by_an_unnamed_subject_is_not_the_next_he(graph):
    assert speakers_of(graph, "Go and get the ball") == set()  # the 24-year-old, unnamed here: no one


def test_a_bare_pronoun_reply_in_an_exchange_keeps_no_speaker(graph):
    assert speakers_of(graph, "You never saw my client") == {"Piet Ravel"}
    assert speakers_of(graph, "I saw him tell us") == {"Gerald Fisk"}
    assert speakers_of(graph, "That is not an answer") == set()  # Ravel's, in truth: no guess either way
