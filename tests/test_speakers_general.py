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
from tests.test_quotes_general import said, speakers_of

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
    # a British title before the name (Lady, Sir) does not hide the speaker of reported words
    "british-titles": """ date 2024-06-01
Gardens of Brannagh House open

Lady Ysolde Vantreece opened the gardens of Brannagh House to visitors on Saturday.

Lady Ysolde, who has lived at the house since 1988, told a local paper that the roses had been “the best in a decade.”

Sir Radomir Arkwright, who chairs the garden trust, said the opening was “a relief for everyone who worked on it.”
""",
    # "After the match that night he wrote": no role phrase ends in a pronoun ("the match that night he")
    "pronoun-after-a-phrase": """ date 2024-10-06
Vollmark saves two penalties

Corvin Vollmark, a goalkeeper, and his wife, Anselma Vollmark, flew home on Sunday after the final.

After the match that night he wrote on Instagram: "Nothing gets past us in this town."
""",
    # "an arrangement the mayor called “…”": the words the one who called it said; "what Lee calls “…”" is a label
    "called-it": """ date 2024-03-21
Hall to be shared

Mayor Perpetua Brankstone met the choir and the chess club on Tuesday.

The two clubs will share the hall on alternate evenings, an arrangement the mayor called "a fair compromise for both."

Teodric Halvorsen, the chess club secretary, appears in the minutes as what Liesl Brankstone calls "the quiet one."
""",
    # "had urged … to “…”": the urger's words
    "urged": """ date 2024-05-14
Council delays vote

Councilman Jorund Halvorsen, who voted no, had urged his colleagues in a letter on Friday to "wait one more year and count the cars."
""",
    # “A,” X said after …, a long attribution of one sentence. “B.”: B is X's too; after two sentences of
    # narration, B is no one's
    "long-attribution": """ date 2024-07-02
Library stays open

"I have borrowed books here since I was a boy," Harwin Caskey, 71, said after the hearing, to applause from the forty or so neighbours who had filled the room. "Tonight I will sleep well."

"We asked for one more year," Solenne Pardew said after the hearing. The forty or so neighbours who had filled the small library room on a wet evening clapped for a long time. "Now we have it."
""",
    # an interview printed as questions and answers: the answers are the words of the one person the headline
    # names; with two people in the headline, nobody's
    "transcript": """ date 2024-09-10
Ottilie Quenneville on her first novel

Ottilie Quenneville wrote her first novel at the kitchen table in Port Aurick.

Q: When did you start writing?

A: At night, after the children slept. I wrote for an hour.

Q: What comes next?

A: A second book, slower than the first.
""",
    "transcript-two": """ date 2024-09-11
Demelza Rook and Aurick Penhallow on their duet

Demelza Rook and Aurick Penhallow recorded the duet in one take.

Q: Whose idea was it?

A: Nobody remembers, which is the best answer.
""",
    # the headline names someone as another's ("X's trainer"): the one answering is not X
    "transcript-possessive": """ date 2024-09-12
Wendrin Solvaag's trainer on the comeback

Wendrin Solvaag ran her first race in two years on Sunday. Her trainer has known her since she was twelve.

Q: Was she ready?

A: Readier than anyone I have coached, and I told her so.
""",
    "exchange": """ date 2025-03-14
Foreman testifies

Piet Ravel, the defense attorney, questioned the foreman on Tuesday.

“You never saw my client take the money, did you?” Ravel asked.

Gerald Fisk did not hesitate. “I saw him tell us to leave the shingles on the truck,” he said.

“That is not an answer to my question,” he said.

“I will answer it my way,” he added.
""",
    # "the son of Maeve Vellacott" tells the son's gender, not hers: the "she" after her is her
    "son-of": """ date 2024-10-06
Vellacott and Thornquist wed in Bexley

Ciaran Vellacott and Mirabel Thornquist were married on Saturday in Bexley. He is the son of Maeve Vellacott of Dunmarrow.

Maeve Vellacott baked the wedding cake herself. “Four tiers, and not one of them leaned,” she said.
""",
    # "Mr. Prendergast" among four Prendergasts: the brother is the only one the text says is a man, but the
    # father is named too and the text says nothing of him; the bride named inside someone's quotation is not
    # the one the paragraph before gave words to. No speaker
    "title-among-four": """ date 2024-05-19
Wren Prendergast and Dunstan Hesketh

Wren Prendergast and Dunstan Hesketh were married on Saturday. She is the daughter of Ilse Prendergast and Oskar Prendergast of Orrin Bay.

Tobin Prendergast, the bride's younger brother, was an usher.

“I told Wren the cake would hold,” Sunniva Hesketh said at the reception.

Mr. Prendergast, asked to sum up the day, said only: “Our girl chose well.”
""",
    # "Mr Quarrendon" after Lord Anselm Quarrendon and Mr Piers Quarrendon: the one introduced with that title
    "same-title": """ date 2023-06-02
Quarrendon estate opens its gardens

The Quarrendon estate opened its gardens to the public on Sunday. Lord Anselm Quarrendon welcomed the first visitors, with his younger brother, Mr Piers Quarrendon, who runs the nursery.

“We have eleven kinds of rose and one very patient gardener,” Mr Quarrendon said.
""",
    # a he inside a quotation after the speaker spoke of "my dad": the dad, whom no name stands for, not the
    # boy the narration named just before
    "nested-dad": """ date 2024-02-12
Rasmund Calder-Fenwright opens his campaign

Rasmund Calder-Fenwright opened his campaign on Monday, joined by his son, Aldo, 9.

“My dad mended every boat in this harbour,” Calder-Fenwright said. “He used to say, ‘Measure twice, then measure again.’ I still do.”
""",
    # "the veteran mentor shrugged": someone a description names spoke last, so the next "he" is not the player
    # named before; and "the veteran" is not a man the text calls a veteran only paragraphs later
    "described-subject": """ date 2025-01-21
Brackwater sign striker Ottoline Rasmund's brother

Brackwater manager Quillon Pellmore signed striker Jory Vantassel on Monday for a club record fee.

Vantassel scored 19 goals last season for Dunmarrow.

Asked whether the fee was too steep, the veteran mentor shrugged. “You pay for goals,” he said.

Vantassel will wear the shirt vacated by veteran Osgood Prell, who retired in December.
""",
    # an office before the name is no part of it: the speaker is Saraswati Kondapalli
    "office-title": """ date 2024-07-09
Inquiry ordered after wall collapse

District Collector Saraswati Kondapalli, who inspected the site on Tuesday, said an inquiry had been ordered. “Action will be taken against anyone who ignored the complaints,” she said.

Deputy Mayor Halvard Quist said pumps had been deployed. “The drain will be cleared by Friday,” he said.
""",
    # an interview printed with each speaker's name before their answer: the label's person speaks; a surname two
    # of them bear names nobody; a "she" in an answer is not the one answering
    "transcript-labels": """ date 2025-05-03
The Fenwright siblings on their first record

Liesbet Fenwright and her brother, Corran Fenwright, made their first record in a barn.

Q: How did it start?

Liesbet Fenwright: In our grandmother's barn, with one microphone and a borrowed drum.

Corran Fenwright: And a great deal of arguing about the drum.

Fenwright: Mostly about the drum.

Q: How is your grandmother, Hedda?

Liesbet Fenwright: She is well. She told me after the show, “You sang it too fast,” and then she laughed.
""",
    # "dismissed X as “…”" gives words as "called" does; "…, commenting: “…”" after an apposition; "The" holds
    # no "he"; "the elder Hollings" names one of two Hollings without saying which
    "attributions": """ date 2025-02-17
Harlow Vance launches his bid

Harlow Vance launched his bid for the council on Monday. His rival's spokesperson, Petronel Ashby, dismissed the launch as “a lot of noise and no plan.”

Vance's mother, Clemence Vance, could not hide her delight, commenting: “Proudest day of my life!”

Edwin Hollings and his son, Marten Hollings, run the print shop that made the posters. The elder Hollings shared a photo of the posters with the caption: “Printed with love, as always.”
""",
    # a paragraph opening with a name and a colon, with no question before it, is no answer
    "no-transcript": """ date 2025-05-04
Library reopens

Marit Ellesmere reopened the Dunmarrow library on Monday.

Marit Ellesmere: librarian, gardener and, since Monday, the town's only bookbinder.
""",

}


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    return build_articles(tmp_path_factory.mktemp("speakers"), {f"{k}.txt": v for k, v in ARTICLES.items()})


def test_title_and_shared_surname_is_the_one_named_so_far(graph):
    assert speakers_of(graph, "I wanted a shop where nobody rushes you") == {"Nora Quill"}


def test_title_after_two_bearers_is_not_guessed_from_the_last_one_named(graph):
    # "Ms Quill" once Nora and Tessa Quill are both named: Tessa was named last, but named in full after the text
    # first wrote "Ms Quill" (of Nora, the one Quill then), which sets her apart from the title: the "she" after
    # it is Nora, never Tessa by recency
    assert speakers_of(graph, "They will choose the books") == {"Nora Quill"}


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


def test_a_bare_pronoun_reply_in_an_exchange_is_the_turn_before_the_last(graph):
    assert speakers_of(graph, "You never saw my client") == {"Piet Ravel"}
    assert speakers_of(graph, "I saw him tell us") == {"Gerald Fisk"}
    # the third turn of the conversation (“…?” Ravel asked. / “…,” he said. / “…,” he said.) is the first one's
    assert speakers_of(graph, "That is not an answer") == {"Piet Ravel"}


def test_a_british_title_before_the_name_does_not_hide_the_speaker(graph):
    assert speakers_of(graph, "the best in a decade") == {"Ysolde Vantreece"}
    assert speakers_of(graph, "a relief for everyone who worked on it") == {"Radomir Arkwright"}


def test_a_pronoun_after_a_phrase_of_time_is_the_speaker_not_the_phrase(graph):
    assert speakers_of(graph, "Nothing gets past us in this town") == {"Corvin Vollmark"}


def test_what_someone_called_a_thing_is_their_words_and_a_label_is_nobodys(graph):
    assert speakers_of(graph, "a fair compromise for both") == {"Perpetua Brankstone"}
    assert speakers_of(graph, "the quiet one") == set()


def test_words_someone_had_urged_are_theirs(graph):
    assert speakers_of(graph, "wait one more year and count the cars") == {"Jorund Halvorsen"}


def test_a_long_attribution_of_one_sentence_carries_to_the_next_part(graph):
    assert speakers_of(graph, "Tonight I will sleep well") == {"Harwin Caskey"}
    assert speakers_of(graph, "We asked for one more year") == {"Solenne Pardew"}
    assert speakers_of(graph, "Now we have it") == set()


def test_transcript_answers_are_the_words_of_the_one_person_the_headline_names(graph):
    assert speakers_of(graph, "At night, after the children slept") == {"Ottilie Quenneville"}
    assert speakers_of(graph, "A second book, slower than the first") == {"Ottilie Quenneville"}
    assert speakers_of(graph, "When did you start writing") == set()  # the question is the interviewer's
    assert speakers_of(graph, "Nobody remembers, which is the best answer") == set()  # two in the headline
    assert speakers_of(graph, "Readier than anyone I have coached") == set()  # the headline's X's trainer


def test_a_son_of_someone_tells_the_sons_gender_not_theirs(graph):
    assert speakers_of(graph, "Four tiers, and not one of them leaned") == {"Maeve Vellacott"}


def test_a_title_names_nobody_when_a_bearer_the_text_says_nothing_of_may_be_meant(graph):
    assert speakers_of(graph, "Our girl chose well") == set()
    assert speakers_of(graph, "I told Wren the cake would hold") == {"Sunniva Hesketh"}


def test_a_title_and_surname_is_the_one_introduced_with_that_title(graph):
    assert speakers_of(graph, "eleven kinds of rose") == {"Piers Quarrendon"}


def test_a_he_in_a_quotation_after_my_dad_is_the_dad_not_someone_named_before(graph):
    # no quotation of its own with a speaker: the shortest holding the words is the father's son's, around it
    assert speakers_of(graph, "Measure twice, then measure again") == {"Rasmund Calder-Fenwright"}
    assert not any(text.startswith("Measure twice") for text in said(graph))


def test_a_pronoun_after_a_described_subject_is_not_the_person_named_before(graph):
    assert speakers_of(graph, "You pay for goals") == set()


def test_an_office_before_a_name_is_no_part_of_the_speakers_name(graph):
    assert speakers_of(graph, "Action will be taken against anyone") == {"Saraswati Kondapalli"}
    assert speakers_of(graph, "The drain will be cleared by Friday") == {"Halvard Quist"}


def test_transcript_labels_credit_the_named_person_and_a_shared_surname_nobody(graph):
    assert speakers_of(graph, "with one microphone and a borrowed drum") == {"Liesbet Fenwright"}
    assert speakers_of(graph, "And a great deal of arguing") == {"Corran Fenwright"}
    assert speakers_of(graph, "Mostly about the drum") == set()
    assert "Liesbet Fenwright" not in speakers_of(graph, "You sang it too fast")
    assert speakers_of(graph, "the town's only bookbinder") == set()


def test_dismissed_as_and_commenting_give_words_and_the_holds_no_he(graph):
    assert speakers_of(graph, "a lot of noise and no plan") == {"Petronel Ashby"}
    assert speakers_of(graph, "Proudest day of my life") == {"Clemence Vance"}
    assert speakers_of(graph, "Printed with love, as always") == set()  # the elder of two Hollings: which, unsaid


# ---------------------------------------------------------------- attribution shapes of wire, court and society copy

SHAPES = {
    # inside a quotation, a "she" the teller uses for someone the narration just spoke of as "she" (never named
    # in the paragraph before): the narration's she, whom the text named further back
    "nested-she": """ date 2024-05-02
Cellist Mira Tallow wins the Dunmore prize

Mira Tallow won the Dunmore Cello Prize on Sunday.

Her teacher, Anton Krell, has taught her since she was eight. He remembers the day she walked in with a cello taller than herself.

“She looked up at me and said, ‘I only want to play the loud pieces,’ ” Krell said.
""",
    # a name in a phrase that opens the sentence ("In a memo seen by Corvane Wire, he wrote") is never its he,
    # nor whom the next "he" continues
    "fronted-phrase": """ date 2024-06-03
Tarrow Foods founder Oduya Banner-Reece to retire

Tarrow Foods said on Monday that its founder, Oduya Banner-Reece, will retire in June.

Banner-Reece, who started the company in 1994, said he was ready to rest. In a memo to staff seen by Corvane Wire, he wrote that the board had "chosen well and chosen early."

"It is time I learned to cook," he wrote.
""",
    # a month opening a sentence is no person a "she" may mean
    "month-opening": """ date 2024-07-09
Pia Lorne returns to the stage

Pia Lorne played her first concert in a year on Saturday.

Last November she cancelled a tour of fourteen cities.

"I needed to sleep for a month," she said.
""",
    # "Last November the singer revealed": a description is the subject, so the "she" after it is not the
    # person of unknown gender named before it
    "time-then-description": """ date 2024-07-10
Sela Quint expecting again

Sela Quint is expecting her second child.

Her partner, Tovi Marr, plays drums in her band.

Last November the singer revealed she had lost a pregnancy.

"I could not get out of bed," she told a podcast host.
""",
    # a conversation a turn a paragraph: the third turn, "he said" after the witness's "he said", is the lawyer's
    "alternation": """ date 2024-03-14
Roofer's trial hears from foreman

Defense lawyer Hugo Ravel questioned the foreman, Soren Pike, for two hours on Wednesday.

“Did you ever see my client take the money?” Ravel asked.

Pike did not blink. “I saw him send the shingles back,” he said.

“That is not what I asked,” he said. “Did you see it?”
""",
    # "the 24-year-old" after a paragraph with two subjects: which one, the text does not say
    "age-two-subjects": """ date 2024-10-11
Kelby Town win the derby

Jonah Reyes scored the winner for Kelby Town on Saturday, and Tomas Bright made two saves late on.

The 24-year-old said the dressing room was loud. "Nobody slept on the bus," he said.
""",
    # a court's "Justice Meera Kalani" is "the judge"
    "justice": """ date 2024-04-11
Driver sentenced in Kessel

Justice Meera Kalani of the High Court sentenced Owen Brask to six years on Thursday.

"The second decision was the worse one," the judge said.
""",
    # an adjective between "a" and the name: "a distraught Rafiq Noor told reporters"
    "adjective-before-name": """ date 2024-08-01
Wall collapse kills two in Kessel

Two people died when a wall fell on a row of houses in Kessel on Monday.

"There was only mud and water," a distraught Rafiq Noor told reporters.
""",
    # British copy: "Prince Edric, Duke of Dunmere" and "the Bishop of Lanfell, the Rt Revd Colm Ashby" are "the Duke"
    # and "the Bishop" after, as a speaker and for the "he" after them
    "capitalised-titles": """ date 2023-06-12
Prince Edric opens the Harrowgate bridge

Prince Edric, Duke of Dunmere, opened the new Harrowgate bridge on Monday with the Bishop of Lanfell, the Rt Revd Colm Ashby, who blessed it. Among the guests was the Duke's cousin, Sir Piers Wendle.

In his address, the Bishop reminded the crowd that the old bridge had stood for two centuries. “Bridges outlive the people who build them,” he said.

Later, the Duke said: “I have crossed this river by ferry all my life.”
""",
    # "she put it more plainly in an email:" gives the words after the colon to her
    "put-it": """ date 2024-11-02
Band splits after a decade

The Gannet Sisters will play their last show in December, the band said on Friday.

Drummer Kay Rowe, who joined in 2016, was not at the announcement, but she put it more plainly in an email later that day: "Ten years is a long time to share a van."
""",
    # an obituary tells a life in "she" for paragraphs: a "she" in her son's quotation is her, however long the chain
    "long-chain": """ date 2024-02-20
Ferry captain Edda Vorn dies at 91

Edda Vorn, who captained the Kessel ferry for forty years, died on Sunday. She grew up on the quay. She left school at 16. She passed the master's examination in 1958. She married a harbour pilot. She retired in 1999. She rowed until last spring.

Her son, Aron Aalto, spoke at the quay. “She used to say, ‘A calm sea teaches nobody,’ ” he said.
""",
    # the same turns with someone else named before the reply: the words do not tell whose it is
    "alternation-broken": """ date 2024-03-15
Roofer's trial hears from driver

Defense lawyer Aldo Renn questioned the driver, Piet Olsen, on Thursday, while Judge Bram Hollis listened.

“Did you ever see my client take the money?” Renn asked.

Olsen did not blink. “I saw him load the truck,” he said.

Hollis called a recess. “We will resume at two,” he said.
""",
    # "the 24-year-old" opening a sentence is whom the sentence before was about (no age given to anyone)
    "age-subject": """ date 2024-10-09
Singer Ivy Lark is expecting her first child

Singer Ivy Lark is going to be a mother.

The 31-year-old announced on Monday that she and her husband were expecting a child. The baby is due in May, she wrote, adding a line under the photo: "Our loudest song yet."
""",
    # an age the text gave someone else is no description of the subject before it
    "age-other": """ date 2024-10-10
Singer Rosa Fenn is expecting

Singer Rosa Fenn is going to be a mother. Her sister, Lidia Fenn, 24, will be the godmother.

Rosa Fenn announced the news on Monday. The 24-year-old wrote on her page that the family was thrilled, adding one line: "Best news of the year."
""",
    # "the bride said" in an article whose one wedding is of a woman and a man: the woman
    "bride": """ date 2024-09-22
Ada Brook and Tomas Vale marry in Harwick

Ada Brook and Tomas Vale were married on Saturday at the Harwick boathouse.

They met at a rowing club in 2018. He proposed on a pier last June.

"He dropped the ring between two planks," the bride said.

"She told me confetti is litter," the groom said.
""",
    # two brides of one wedding: "the bride" is either
    "two-brides": """ date 2024-09-23
Ada Quell and Maria Dunn marry in Harwick

Ada Quell and Maria Dunn were married on Saturday at the Harwick boathouse.

"We wanted the river in the photos," the bride said.
""",
}


@pytest.fixture(scope="module")
def shapes(tmp_path_factory) -> Graph:
    return build_articles(tmp_path_factory.mktemp("shapes"), {f"{k}.txt": v for k, v in SHAPES.items()})


def test_a_she_inside_a_quotation_is_whom_the_narration_just_spoke_of_as_she(shapes):
    assert speakers_of(shapes, "I only want to play the loud pieces") == {"Mira Tallow"}


def test_a_name_in_a_phrase_opening_the_sentence_is_not_its_he(shapes):
    assert speakers_of(shapes, "chosen well and chosen early") == {"Oduya Banner-Reece"}
    assert speakers_of(shapes, "It is time I learned to cook") == {"Oduya Banner-Reece"}


def test_a_month_opening_a_sentence_is_no_one_a_pronoun_may_mean(shapes):
    assert speakers_of(shapes, "I needed to sleep for a month") == {"Pia Lorne"}


def test_a_description_after_a_time_phrase_leaves_the_pronoun_in_doubt(shapes):
    assert "Tovi Marr" not in speakers_of(shapes, "I could not get out of bed")


def test_the_third_turn_of_a_conversation_is_the_first_speakers(shapes):
    assert speakers_of(shapes, "I saw him send the shingles back") == {"Soren Pike"}
    assert speakers_of(shapes, "That is not what I asked") == {"Hugo Ravel"}


def test_turns_broken_by_someone_else_named_give_the_reply_to_nobody_by_alternation(shapes):
    assert "Aldo Renn" not in speakers_of(shapes, "We will resume at two")


def test_the_n_year_old_opening_a_sentence_is_the_subject_before(shapes):
    assert speakers_of(shapes, "Our loudest song yet") == {"Ivy Lark"}


def test_the_n_year_old_after_two_subjects_is_nobody(shapes):
    assert speakers_of(shapes, "Nobody slept on the bus") == set()


def test_the_n_year_old_is_not_the_subject_before_when_the_text_gave_that_age_to_someone_else(shapes):
    assert "Rosa Fenn" not in speakers_of(shapes, "Best news of the year")


def test_the_bride_and_the_groom_are_the_woman_and_the_man_of_the_wedding(shapes):
    assert speakers_of(shapes, "He dropped the ring between two planks") == {"Ada Brook"}
    assert speakers_of(shapes, "She told me confetti is litter") == {"Tomas Vale"}
    assert speakers_of(shapes, "We wanted the river in the photos") == set()



def test_a_justice_is_the_judge(shapes):
    assert speakers_of(shapes, "The second decision was the worse one") == {"Meera Kalani"}


def test_an_adjective_between_a_and_the_name_does_not_hide_the_speaker(shapes):
    assert speakers_of(shapes, "There was only mud and water") == {"Rafiq Noor"}



def test_a_capitalised_title_of_a_place_introduces_the_duke_and_the_bishop(shapes):
    assert speakers_of(shapes, "Bridges outlive the people who build them") == {"Colm Ashby"}
    assert speakers_of(shapes, "I have crossed this river by ferry") == {"Edric"}


def test_put_it_more_plainly_in_an_email_then_a_colon(shapes):
    assert speakers_of(shapes, "Ten years is a long time to share a van") == {"Kay Rowe"}


def test_a_long_chain_of_she_reaches_the_woman_named_at_its_start(shapes):
    assert speakers_of(shapes, "A calm sea teaches nobody") == {"Edda Vorn"}


def test_a_title_no_bearer_named_so_far_can_take_names_nobody(tmp_path):
    """"Mr Lee" where only women of that surname were named before: a man the text has not named,
    so the quotation has no speaker (and the build goes on: this once stopped it)."""
    g = build_articles(tmp_path, {"a.txt": (
        "Miss Ann Lee, 29, is to marry Tom Hale. Her sister, Ivy Lee, will be a bridesmaid.\n\n"
        "Mr Lee, a retired doctor, said he was delighted. \"He asked me first,\" Mr Lee said.\n")})
    assert not speakers_of(g, "He asked me first") & {"Ann Lee", "Ivy Lee"}


def test_a_described_subject_after_an_opening_apposition_leaves_the_he_to_no_one_named(tmp_path):
    """"Speaking outside Kedia House, the group's headquarters, the patriarch was terse. “…,” he said.":
    the he is the patriarch (Hari Vora, named just before), never the brother introduced as "the late
    Om Vora" paragraphs back, whom "his late wife" would otherwise stand for: "the late" is no title."""
    g = build_articles(tmp_path, {"a.txt": (
        " date 2024-11-19\nHari Vora will hand the chairmanship to his elder son, Vik Vora, the group announced "
        "on Monday. Their cousin, Sid Vora, son of the late Om Vora, will retain the chemicals unit.\n\n"
        "Om Vora, Hari's younger brother, ran the chemicals business until his death in 2011.\n\n"
        "Meera Iyengar, a director, said the board agreed.\n\n"
        "Hari Vora will chair the Kamala Vora Foundation, named after his late wife, Kamala, who died in 2016. "
        "Speaking briefly outside Kedia House, the group's headquarters, the patriarch was terse. "
        "\"I have done my innings,\" he said.\n")})
    assert "Om Vora" not in speakers_of(g, "I have done my innings")


def test_a_speaker_after_a_role_of_several_words_and_a_said_with_its_own_object(tmp_path):
    """"…,” company spokeswoman Mara Quintero said: hers. “Where is the blank?” then "Greg Lusk said keeping
    him mattered": that said reports its own words, so the question is not his."""
    g = build_articles(tmp_path, {"a.txt": (
        " date 2024-05-10\nGrayson Electric is the largest utility. \"Crews cannot reach the substation,\" "
        "company spokeswoman Mara Quintero said in a statement Thursday.\n\n"
        "Professor Ada Marwick returned a chapter with a single comment: \"Where is the blank?\" "
        "Kingfishers head coach Greg Lusk said keeping the playmaker had been vital.\n")})
    assert speakers_of(g, "Crews cannot reach the substation") == {"Mara Quintero"}
    assert "Greg Lusk" not in speakers_of(g, "Where is the blank?")


def test_the_couple_of_someone_whose_spouse_no_article_names_credits_no_one(tmp_path):
    """"‘…,’ the couple said" of an engaged pair: the words are both people's, and the articles name no
    spouse of the bride-to-be, so crediting her alone would be wrong: no speaker."""
    g = build_articles(tmp_path, {"a.txt": (
        " date 2025-05-14\nMiss Isobel Thwaite is to marry Alexander Pell. Miss Thwaite, 29, is a specialist "
        "at an auction house. Thwaite studied art.\n\n"
        "\"We are both ridiculously happy,\" the couple said.\n")})
    assert "Isobel Thwaite" not in speakers_of(g, "We are both ridiculously happy")
