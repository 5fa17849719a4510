"""What articles of genres the rules had not met (a fashion show, a military funeral, a hurling final,
a family reunion, a governor's concession) showed them doing wrong: a possessive full name read as no
name, a kinship noun's gender lost to a job's rule, an apposition without a determiner, compound military
ranks and the forms of address of other languages read as names, a firm of "Associates" made a person,
Irish surname particles, and a name after a fronted phrase read as the relative it follows.

Each case is a small invented article, extracted on its own.
"""

from __future__ import annotations

from conftest import build_articles, extract_body as read, inner_speakers, named, speakers, ties
from graph.load import load_article
from graph.match.extract import extract
from graph.rdf.vocab import SDO


def test_a_possessive_full_name_is_a_name(tmp_path, rules):
    # the bare surname after it is hers, not that of the brother named in full later
    x = read(tmp_path, rules, "The first look came out, and Céleste Vautrin’s new collection began.\n\n"
                              "“I didn’t want to make a museum,” Vautrin said.\n\n"
                              "Her brother, the photographer Matthieu Vautrin, shot the invitations.\n")
    assert "Céleste Vautrin" in named(x)
    assert speakers(x, "make a museum") == {"Céleste Vautrin"}


def test_a_kinship_noun_tells_the_gender_of_a_name_a_job_rule_takes(tmp_path, rules):
    # "her husband, the architect Idris Benali": Idris is no given name of the list, but the husband is a man
    x = read(tmp_path, rules, "Marta Oyelaran opened the show on Wednesday.\n\n"
                              "The set was the work of her husband, the architect Idris Benali, who lined one wall "
                              "with mirrors. “He told me the room was too beautiful,” she said.\n")
    assert speakers(x, "too beautiful") == {"Marta Oyelaran"}


def test_an_apposition_without_a_determiner_names_the_speaker_of_the_next_quotation(tmp_path, rules):
    x = read(tmp_path, rules, "The brief, according to Laurent Dufresne, the house’s chief executive, was clear.\n\n"
                              "Ngozi Adeyemi-Ward, fashion director of the department store Halden & Pryce, said she "
                              "had begun placing orders. “I haven’t done that in years,” she said.\n")
    assert "Ngozi Adeyemi-Ward" in named(x)
    assert speakers(x, "done that in years") == {"Ngozi Adeyemi-Ward"}


def test_compound_military_ranks_are_titles_not_names(tmp_path, rules):
    x = read(tmp_path, rules, "Inside the church, Navy Lt. Cmdr. Jerome Abernathy, the battalion chaplain, spoke. "
                              "At the graveside, Lt. Col. Renata Sallis, commanding officer of Combat Logistics "
                              "Battalion 14, knelt.\n")
    assert {"Jerome Abernathy", "Renata Sallis"} <= named(x)
    assert not {"Cmdr", "Col", "Lt"} & named(x)
    assert "Combat Logistics Battalion 14" in named(x, "Organization")


def test_a_form_of_address_of_another_language_is_an_honorific(tmp_path, rules):
    x = read(tmp_path, rules, "Hélène Ardelle founded the house in 1952.\n\n"
                              "“Madame Ardelle dressed women who were going somewhere,” the designer said.\n")
    assert named(x) == {"Hélène Ardelle"}


def test_a_firm_of_associates_is_no_person(tmp_path, rules):
    x = read(tmp_path, rules, "A final poll by Kessler Ward Associates had shown the race essentially tied.\n")
    assert "Kessler Ward Associates" not in named(x)
    assert "Kessler Ward Associates" in named(x, "Organization")


def test_irish_surname_particles(tmp_path, rules):
    x = read(tmp_path, rules, "Máire Ní Bhriain, chairwoman of the county board, presented the cup at Páirc Uí "
                              "Bhriain. Colm Ó Riada, the team’s captain, scored twice.\n\n“It was a great day,” Ó Riada said.\n")
    assert {"Máire Ní Bhriain", "Colm Ó Riada"} <= named(x)
    assert not {"Bhriain", "Riada", "Ó Riada", "Ní Bhriain"} & named(x)
    assert speakers(x, "great day") == {"Colm Ó Riada"}


def test_a_name_after_a_fronted_phrase_is_the_subject_not_the_relative(tmp_path, rules):
    x = read(tmp_path, rules, "Deborah Avery met her half-brother, Wade Hollenbeck, on Saturday.\n\n"
                              "Standing beside her half-brother, Avery looked at him. “We spent half a century as "
                              "strangers,” she said.\n")
    assert not any(a == b for a, _, b in ties(x))
    assert speakers(x, "half a century") == {"Deborah Avery"}


def test_an_office_after_a_port_is_no_part_of_the_place(tmp_path, rules):
    x = read(tmp_path, rules, "The vote cleared the way for former Port Ardis Mayor Ellis Grant to take office.\n")
    assert "Port Ardis" in named(x, "Place")
    assert "Port Ardis Mayor" not in named(x, "Place")


def test_a_he_after_a_surname_two_people_bear_follows_no_one(tmp_path):
    # the nephew and the manager are each named once before "Ó Súilleabháin said": the text does not say
    # which of them speaks, so neither that quotation nor the one of the he after it is credited to the
    # nephew, the first named (the graph, after the person sieve, is what a user reads)
    g = build_articles(tmp_path, {"final.txt": (
        " date 2024-10-07\nA headline of no one\n\nSeán Breathnach lifted the cup on Sunday.\n\n"
        "Two goals went over goalkeeper Ruairí Ó Súilleabháin, the manager’s nephew.\n\n"
        "Diarmuid Ó Súilleabháin, who took charge in 2021, admitted the closing quarter had taken years off him.\n\n"
        "“It’s not about 1998,” Ó Súilleabháin said, “but you’d be lying if you said the lads didn’t know every "
        "name in that photograph.” He added that his half-time message had been simple: “Hurl like it’s "
        "nil-all. The minute you start minding a lead, you lose it.”\n")})
    credited = {str(name) for q, text in g.subject_objects(SDO.text) if "nil-all" in str(text) or "1998" in str(text)
                for p in g.objects(q, SDO.creator) for name in g.objects(p, SDO.name)}
    assert "Ruairí Ó Súilleabháin" not in credited


def test_the_surname_of_the_one_named_most_is_theirs(tmp_path, rules):
    # newborn twins bear their father's name once each; the father is the one the article keeps naming
    x = read(tmp_path, rules, "Jessa Marlowe and her husband, chef Derek Ansel, have welcomed twins. Harper June "
                              "Ansel and Theo Alexander Ansel arrived on Monday. Derek Ansel cried.\n\n"
                              "Ansel, 42, posted a photo on Instagram. He added in a second post, “Send coffee.”\n")
    assert speakers(x, "Send coffee") == {"Derek Ansel"}


def test_a_noun_of_a_gender_right_before_a_name_outweighs_the_given_name_list(tmp_path, rules):
    # Dessie is mostly a woman's name, but the text says he is a man: the he is him, not the other man named
    x = read(tmp_path, rules, "The old man is Dessie Harlow, 61, who has coached the club since 1990.\n\n"
                              "Dessie, who lost to Vic Marron in the 1994 final, could barely speak. "
                              "“It was the best night of my life,” he said.\n")
    assert speakers(x, "best night") == {"Dessie Harlow"}


def test_a_tabloids_verbs_of_saying_and_a_trainers_apposition(tmp_path, rules):
    x = read(tmp_path, rules, "Bogdan Kravets lost his title on Saturday.\n\n"
                              "“The referee stopped it too early,” fumed his trainer, Ostap Melnyk.\n\n"
                              "“I have waited my whole life for this,” a tearful Tom Hale roared into the microphone.\n")
    assert "Ostap Melnyk" in named(x)
    assert speakers(x, "too early") == {"Ostap Melnyk"}
    assert speakers(x, "whole life") == {"Tom Hale"}


def test_an_attribution_may_begin_after_a_quoted_title(tmp_path, rules):
    # the title in quote marks is no quotation: the words after it name the speaker of the next one
    x = read(tmp_path, rules, "Tobias Varga is the more guarded of the siblings. Asked about “Wrench,” a six-minute "
                              "song, he puts it bluntly: “I didn’t want to write about him.”\n")
    assert speakers(x, "write about him") == {"Tobias Varga"}


def test_west_african_and_maritime_forms_of_address_are_no_part_of_a_name(tmp_path, rules):
    x = read(tmp_path, rules, "The babies' grandmother, Madam Efua Mensah, 61, arrived from Kumasi on Friday.\n\n"
                              "Skipper Rui Antunes, 54, said the crew had tied themselves together.\n")
    assert {"Efua Mensah", "Rui Antunes"} <= named(x)
    assert not {"Madam Efua Mensah", "Skipper Rui Antunes"} & named(x)


def test_one_persons_surname_and_anothers_given_name_is_neither(tmp_path, rules):
    # Farhan is the girl's surname and her father's given name: the he after a bare Farhan is in doubt
    x = read(tmp_path, rules, "Zoya Farhan, 12, won the national title on Sunday. Her father, Farhan Qureshi, "
                              "watched from the back.\n\n"
                              "Farhan, a software engineer, insists the family never pushed her. “We bought her a "
                              "cricket bat too,” he said.\n")
    assert "Zoya Farhan" not in speakers(x, "cricket bat")


def test_a_description_is_not_whoever_is_named_most_when_the_lede_is_about_another(tmp_path, rules):
    # "the actress" is the star the lede names, not the woman named a little more often further on
    x = read(tmp_path, rules, "Celeste Marquand walked the red carpet on Monday with her mother, Yvonne Marquand.\n\n"
                              "Asked who she was wearing, the actress laughed: “My mother’s earrings.”\n\n"
                              "Mireille Dufresne, a choreographer, came with her fiancé. “He cried first,” Dufresne "
                              "told reporters. Dufresne laughed. “Put that in writing,” Dufresne said.\n")
    assert "Mireille Dufresne" not in speakers(x, "earrings")


def test_words_that_end_an_organisation_or_a_place_or_are_no_name_make_no_person(tmp_path, rules):
    # a record label, an asset company, a court of a magistrate, a ballroom, a hospital's wing, the deity
    x = read(tmp_path, rules, "The band released its album on Halfmoon Recordings in 2019. The handover to the "
                              "owner, Island Vessel Assets, was delayed. Dale Kettering appeared Monday in Harlan "
                              "County Magistrate Court before Judge Leonard Pruitt, and neighbours met on Aspen "
                              "Court. The tour opens at Kelvin Ballroom on March 3. The baby arrived in the "
                              "Harcourt Wing of St Aldhelm's Hospital.\n\n"
                              "“My husband, God rest him, always said I'd have made a good cop,” said Ruth Feeney.\n")
    assert named(x) == {"Dale Kettering", "Leonard Pruitt", "Ruth Feeney"}
    assert not ties(x)


def test_a_place_after_a_title_of_it_is_no_person_of_that_age(tmp_path, rules):
    x = read(tmp_path, rules, "Caroline is for her paternal grandmother, the Duchess of Kelmscott, 63, who was born "
                              "Caroline Trelawney.\n")
    assert "Kelmscott" not in named(x)
    assert "Caroline Trelawney" in named(x)


def test_according_to_a_person_the_quoted_words_are_theirs(tmp_path, rules):
    x = read(tmp_path, rules, "Margit Anselm has run the festival for a decade.\n\n"
                              "According to Anselm, Sunday’s ovation “was not the polite kind.”\n\n"
                              "According to police, the crowd “stayed calm.”\n")
    assert speakers(x, "not the polite kind") == {"Margit Anselm"}
    assert speakers(x, "stayed calm") == set()


def test_a_colon_after_a_clause_whose_own_subject_speaks_is_not_the_first_persons(tmp_path, rules):
    # "one courtier joked:" is the courtier's line, not the sentence's first subject's
    x = read(tmp_path, rules, "Lady Matilda Mountclair will be christened on July 19.\n\n"
                              "She is not expected to carry out any royal duties for some time yet — although one "
                              "courtier joked: \"Give her a week. She's already running the household!\"\n\n"
                              "Brandt, 66, was characteristically blunt: ‘She was always the cleverest on set.’\n")
    assert speakers(x, "Give her a week") == set()
    assert speakers(x, "cleverest on set") == {"Brandt"}


def test_a_title_of_the_other_gender_than_the_one_named_in_full_is_her_unnamed_husband(tmp_path, rules):
    # "Mrs MacPhail" and "Mr MacPhail": two people go by the surname and the text names only her in
    # full (Morven, a given name neither names.yaml nor the world table knows): Mr is her unnamed husband
    x = read(tmp_path, rules, "For Morven MacPhail, who runs a bakery in Balnacraig with her husband, the breakdown was "
                              "the final straw.\n\n"
                              "‘We threw out nearly £2,000 of stock,’ said Mrs MacPhail, 44.\n\n"
                              "Her husband said the uncertainty was driving young families away.\n\n"
                              "‘He comes home on a Friday if the boat’s running,’ Mr MacPhail said.\n")
    assert speakers(x, "He comes home") == set()


def test_a_surname_a_father_and_son_share_written_with_senior_is_neither(tmp_path, rules):
    x = read(tmp_path, rules, "Rāwiri Pōhatu named his father, Hēmi Pōhatu, as forwards coach in 2024.\n\n"
                              "Asked what he would say before Sydney, Pōhatu senior kept it short.\n\n"
                              "\"Kia kaha,\" he said.\n")
    assert speakers(x, "Kia kaha") == set()


def test_a_former_marriage_is_a_spouse_and_leaves_the_other_parent_open(tmp_path, rules):
    # the widow is no parent of the daughter: the painter's first marriage, to another woman, tells of a
    # union besides the one the article calls his wife
    g = build_articles(tmp_path, {"estate.txt": (
        " date 2025-11-19\nA headline of no one\n\nThe painter Thaddeus Kray died in 2023. His daughter, "
        "Dr. Nadia Kray-Halpern, 58, flew in from Cleveland for the sale.\n\n"
        "His widow, Solveig Kray, whom he married in 1994, wanted the paintings kept together. "
        "His two children from his first marriage, to Evelyn Marsh, favored a sale.\n")})
    def name(node):
        return str(g.value(node, SDO.name))
    parents = {(name(c), name(p)) for c, p in g.subject_objects(SDO.parent)}
    spouses = {(name(a), name(b)) for a, b in g.subject_objects(SDO.spouse)}
    assert ("Nadia Kray-Halpern", "Thaddeus Kray") in parents
    assert ("Nadia Kray-Halpern", "Solveig Kray") not in parents
    assert ("Thaddeus Kray", "Evelyn Marsh") in spouses


def test_a_couples_children_after_an_apposition_a_welcome_a_lad_and_a_divorce(tmp_path, rules):
    x = read(tmp_path, rules, "Ann Treadwell and her husband, Samuel Okoro, a ceramics instructor at Ridley College, "
                              "married in 2003 and have two children, Felix and Maya.\n\n"
                              "Nadia Brook and Omar Hale welcomed a son, Idris, in 2021.\n\n"
                              "Gary Fairweather and Denise Fairweather's younger lad, Mason, 17, plays for the Blues.\n\n"
                              "Rowan Castellane and Mila Vance are divorcing after 11 years.\n")
    found = ties(x)
    assert {("Felix", "parent", "Samuel Okoro"), ("Maya", "parent", "Ann Treadwell"),
            ("Idris", "parent", "Omar Hale"), ("Mason", "parent", "Denise Fairweather"),
            ("Rowan Castellane", "spouse", "Mila Vance")} <= found


def test_a_broadcaster_named_in_apposition_is_the_she_who_speaks_next(tmp_path, rules):
    x = read(tmp_path, rules, "Nell Farraday has won the prize for fiction.\n\n"
                              "The chair of judges, the broadcaster Priya Venkataraman-Holt, said the panel had "
                              "reached its decision after a four-hour meeting on Monday.\n\n"
                              "“It was not a unanimous decision, but it was not a close one,” she said.\n")
    assert speakers(x, "not a close one") == {"Priya Venkataraman-Holt"}


def test_a_note_read_out_is_not_the_readers_words(tmp_path, rules):
    x = read(tmp_path, rules, "Benjamin Chow argued for the estate on Monday.\n\n"
                              "He read out a handwritten note, which he said the elder Yip had given his son: "
                              "\"Vincent runs the company. Nothing changes after I am gone.\"\n")
    assert speakers(x, "Vincent runs the company") == set()


def test_a_common_word_opening_a_headline_is_no_given_name_of_a_known_surname(tmp_path, rules):
    from graph.load import load_article
    from graph.match.extract import extract

    path = tmp_path / "heist.txt"
    path.write_text(" date 2025-02-20\nStolen Vaelsmit masterpiece found in Dutch garage\n\n"
                    "A painting by Hendrik Vaelsmit stolen from the museum was found on Tuesday. Police identified "
                    "the suspect only as Dennis van R. His 29-year-old brother, Ricardo van R., was also detained, "
                    "police commissioner Joost Baarveld said.\n", encoding="utf-8")
    x = extract(load_article(path), rules)
    assert "Stolen Vaelsmit" not in named(x)
    assert "Dennis van R." in named(x)
    assert ("Joost Baarveld", "sibling") not in {t[:2] for t in ties(x)} | {(t[2], t[1]) for t in ties(x)}


def test_a_kinship_word_then_a_verb_is_no_name_after_it(tmp_path, rules):
    # "Husband and wife cop King and Queen titles": "cop" is a verb, not a word describing the wife
    x = read(tmp_path, rules, "Husband and wife cop King and Queen titles at the Carnival finals.\n\n"
                              "Lady Honoria gave birth to her own first child, a son named Felix, in August.\n")
    assert "King" not in named(x)
    assert "Felix" in named(x)


def test_a_he_after_a_title_two_of_a_surname_may_bear_follows_no_one_before(tmp_path, rules):
    # "Mr Doherty" may be the son or the father, but the text names the father in full after it first wrote "Mr
    # Doherty" (of the son), which sets him apart from the title: the he after it is the son, never the man
    # named before them
    x = read(tmp_path, rules, "Behind the wheel was Lachlan Doherty, a 27-year-old plumber and volunteer.\n\n"
                              "Mr Doherty joined the brigade at 16, in 2014, following in the footsteps of his father, "
                              "Graham Doherty, who was captain of the brigade for 20 years.\n\n"
                              "Graham Doherty died in 2019.\n\n"
                              "The Toohey children, Jasper, 8, and Ivy, 5, were at the ceremony on Saturday with their "
                              "mother and their father, Brendan Toohey, who flew home the day after the fire.\n\n"
                              "The Member for Kerrabee, Hamish Oyelaran, paid tribute to Mr Doherty in parliament.\n\n"
                              "Mr Doherty, who got engaged in February, said the medal would go on the wall of the fire "
                              "shed, next to his father's old helmet.\n\n"
                              "\"It belongs to the brigade,\" he said.\n")
    assert speakers(x, "belongs to the brigade") == {"Lachlan Doherty"}


def test_a_headman_is_a_title_and_a_financial_firm_no_person(tmp_path, rules):
    x = read(tmp_path, rules, "The dispute was first heard by Headman Mubvumbi (Mr Simon Gwatidzo) in March.\n\n"
                              "Brackwater Financial completed the takeover on Monday. Chief Financial Officer "
                              "Hideo Banerjee-Stroud said the company would pay down debt.\n")
    assert "Headman Mubvumbi" not in named(x)
    assert "Brackwater Financial" not in named(x)
    assert "Brackwater Financial" in named(x, "Organization")
    assert "Chief Financial" not in named(x, "Organization")


def test_words_another_promised_inside_what_a_speaker_said_are_not_the_speakers(tmp_path, rules):
    x = read(tmp_path, rules, "Graham Pellow and his son were rescued on Wednesday. His wife, Helen, flew out.\n\n"
                              "She said her husband had climbed in the Alps every summer since 1998 and had promised "
                              "her that this would be \"the last big one\" before his birthday.\n")
    assert speakers(x, "the last big one") == set()


def test_a_pair_with_one_surname_and_an_age_are_two_people_whatever_their_given_names(tmp_path, rules):
    # Imani is no given name of the list; the age after the pair says both are people, so the she after
    # "Imani went first" is hers, not the grandmother's named before
    x = read(tmp_path, rules, "Imani and Zora Whitfield, 22, graduated as co-valedictorians on Saturday. They live "
                              "with their grandmother, Ernestine Battiste.\n\n"
                              "\"They raised themselves,\" Ernestine Battiste said.\n\n"
                              "On Saturday the sisters delivered a single address. Imani went first.\n\n"
                              "\"People keep asking which one of us is the smart one,\" she told the graduates.\n")
    assert {"Imani Whitfield", "Zora Whitfield"} <= named(x)
    assert speakers(x, "the smart one") == {"Imani Whitfield"}


def test_a_welsh_school_a_welsh_particle_a_headteacher_and_a_parent_governor(tmp_path, rules):
    x = read(tmp_path, rules, "Ysgol Llanfeirion will close on August 31, with pupils moving to Ysgol y Berllan.\n\n"
                              "Headteacher Eirlys Pritchard said staff were heartbroken. Local councillor Rhodri ap "
                              "Dafydd, who represents the ward, spoke against it. Residents of Kendupali said they "
                              "had written to the council. Under Mokoena, the estate has won awards.\n\n"
                              "Siân Prosser, a parent governor whose son Twm, eight, is in Year 3, said families felt "
                              "the outcome had been decided.\n\n"
                              "\"We turned up to every meeting,\" she said.\n")
    assert {"Ysgol Llanfeirion", "Ysgol y Berllan"} <= named(x, "Organization")
    assert named(x) == {"Eirlys Pritchard", "Rhodri ap Dafydd", "Siân Prosser", "Twm"}
    assert speakers(x, "every meeting") == {"Siân Prosser"}


def test_a_name_of_four_or_five_words_is_one_person(tmp_path, rules):
    x = read(tmp_path, rules, "Their daughter will be called Matilda Rose Caroline Fiona Mountclair, the palace said. "
                              "Her grandmother is Fiona Ashcombe-Pryce.\n")
    assert "Matilda Rose Caroline Fiona Mountclair" in named(x)
    assert not {"Mountclair", "Fiona Mountclair", "Matilda Rose Caroline"} & named(x)


def test_a_one_word_name_described_as_a_member_of_the_group_is_a_person(tmp_path, rules):
    # Rio is named once, at a sentence's start: the description says who he is, so the he after it is his
    x = read(tmp_path, rules, "Jay Park, who completed his own service in 2023, offered advice in a post.\n\n"
                              "Rio, the group's youngest member, appeared to struggle for words. \"I have nothing cool "
                              "to say,\" he wrote in a reply.\n")
    assert "Rio" in named(x)
    assert speakers(x, "nothing cool") == {"Rio"}


def test_a_chiefs_style_a_grill_a_galerie_and_a_common_word_opening_a_quotation_make_no_person(tmp_path, rules):
    x = read(tmp_path, rules, "The Omanhene, Nana Okatakyi Ampofo II, visited both candidates yesterday. The family "
                              "vows to rebuild Athena Grill after the fire. The painting disappeared from Galerie "
                              "Delvaux in 2023. Kevin L. (34) and his cousin Yannick L. deny the theft.\n\n"
                              "\"People said sympathy alone would not win this seat,\" Alhaji Mumuni Zakari said. "
                              "Young people voted in numbers.\n")
    assert named(x) == {"Okatakyi Ampofo II", "Kevin L.", "Yannick L.", "Mumuni Zakari"}
    assert {"Athena Grill", "Galerie Delvaux"} <= named(x, "Organization")


def test_a_said_clause_before_another_subjects_words_is_not_who_tells_them(tmp_path, rules):
    # "Getachew said, she held his face … and told him, “…”": the words are hers, as he tells it
    x = read(tmp_path, rules, "When Tesfaye reached her in the finish area, Getachew said, she held his face in both "
                              "hands and told him, \"Now you come home and eat.\" Getachew Alemu paced him.\n")
    assert speakers(x, "come home and eat") == set()


def test_titles_before_a_speaker_after_the_verb_are_no_part_of_the_name(tmp_path, rules):
    # a West African form of address, a deputy's office and a team's role, each after "said"
    x = read(tmp_path, rules, "Her grandmother, Adwoa Kyeiwaa, travelled from Ahenkro. \"Twins run in our family,\" "
                              "Madam Kyeiwaa told the Daily Torch.\n\n"
                              "\"The current was very strong,\" said Assistant Commandant Rajveer Singh Chauhan, who led "
                              "the team.\n\n\"We never stopped believing,\" said Ostral team principal Luca Bettarini.\n")
    assert speakers(x, "Twins run") == {"Adwoa Kyeiwaa"}
    assert speakers(x, "current was very strong") == {"Rajveer Singh Chauhan"}
    assert speakers(x, "never stopped believing") == {"Luca Bettarini"}


def test_a_role_the_words_predicate_is_no_one_the_quotation_names(tmp_path, rules):
    # "When you are the captain" speaks of no captain: Faizan, the captain, may still be the he who says it
    x = read(tmp_path, rules, "Pakistan Test captain Faizan Haider resigned on Tuesday. It was a third defeat since "
                              "Faizan took over from the veteran Rehan Afridi in 2023.\n\n"
                              "Faizan, who averaged 22.4 in the series, said the pressure had affected his form. "
                              "\"When you are the captain, you are thinking about ten other people,\" he said.\n")
    assert speakers(x, "ten other people") == {"Faizan Haider"}


def test_a_he_within_a_quotation_is_not_the_man_named_before_its_teller(tmp_path, rules):
    # "Usman said he had tried to talk his brother out of it": the chain of he's leads to Usman, who
    # quotes the words, and so to no one else; "his father's sayings": the narration spoke of the father
    x = read(tmp_path, rules, "Usman Haider grew up in Sialkot, where their late father, Tariq Haider, was the "
                              "groundsman.\n\nUsman said he had tried to talk his brother out of it on Monday.\n\n"
                              "“I told him, ‘Bhai, you are no bad captain,’ and he just laughed,” Usman said. “He said, "
                              "‘Abbu would have told me to score runs.’ That is the kind of person he is.”\n\n"
                              "Doug Pellerin said Malik Aderinto still repeats his father’s sayings to teammates.\n\n"
                              "“He used to say, ‘Gym opens at six,’” Aderinto said.\n")
    assert inner_speakers(x, "Abbu would") == set()
    assert inner_speakers(x, "Gym opens at six") == set()


def test_a_title_does_not_name_the_most_named_bearer_against_a_given_name(tmp_path, rules):
    # "Ms Mulvihill": of Cian, Declan and Siobhán Mulvihill, the given name says Siobhán is a woman; the
    # most named, Cian, whose gender the text does not tell, is no guess
    x = read(tmp_path, rules, "Cian Mulvihill was 17. A cup in Cian Mulvihill's name was played for on Sunday, and "
                              "Cian Mulvihill's friends wore green.\n\n"
                              "His parents, Declan and Siobhán Mulvihill, presented the cup.\n\n"
                              "Ms Mulvihill said the family had been overwhelmed. \"You'd think after seven months it "
                              "would get easier,\" she said.\n")
    assert "Cian Mulvihill" not in speakers(x, "seven months")


def test_words_someone_else_dismissed_are_not_the_reporters_subjects(tmp_path, rules):
    x = read(tmp_path, rules, "Yusuf Ibrahim-Kaura said over 5,000 members had registered, a figure the opposition "
                              "party dismissed as \"imaginary.\"\n")
    assert speakers(x, "imaginary") == set()


def test_a_man_first_named_in_a_paragraph_about_another_he_is_not_the_next_paragraphs_he(tmp_path, rules):
    x = read(tmp_path, rules, "Colonel Gervase Tolland-Hythe, who has died aged 89, won a Military Cross in 1964.\n\n"
                              "In 1976 he took command of the battalion. Father Liam Carrick, then a parish priest, "
                              "remembered those visits. \"He came without a flak jacket,\" said Carrick.\n\n"
                              "He was appointed OBE in 1978. His wife, Penelope Fairbairn, survives him. \"Fear is simply "
                              "information,\" he wrote in his memoir.\n")
    assert speakers(x, "simply information") == set()
    assert not any("Liam Carrick" in (a, b) for a, _, b in ties(x))


def test_a_given_name_after_a_first_name_the_article_gives_the_surname_is_a_middle_name(tmp_path, rules):
    x = read(tmp_path, rules, "Colonel Gervase Tolland-Hythe has died aged 89.\n\n"
                              "Gervase Anthony Tolland-Hythe was born on March 4 1936 at Little Ashcombe, Wiltshire, the "
                              "younger son of Brigadier Edmund Tolland-Hythe. A selection of his letters was published "
                              "in 2019 as Dear Penny.\n")
    assert named(x) == {"Gervase Tolland-Hythe", "Gervase Anthony Tolland-Hythe", "Edmund Tolland-Hythe"}


def test_a_work_that_is_out_and_a_district_named_for_a_place_are_no_people(tmp_path, rules):
    x = read(tmp_path, rules, "Porchlight Hymns is out Aug. 22 and available for pre-order now.\n\n"
                              "Ezekiel Ayinde, chairman of the party in Lagos State, spoke. \"Today, Lagos Coastal has "
                              "come home,\" Ayinde declared.\n")
    assert named(x) == {"Ezekiel Ayinde"}


def test_a_his_after_a_sentence_opening_with_an_unnamed_senator_is_nobodys(tmp_path, rules):
    # "The senator's defection …, when he stopped attending": the he may be the senator, not the man named before
    x = read(tmp_path, rules, "The senator representing Lagos Coastal, Sen. Olumide Adeyemi-Bakare, on Tuesday defected "
                              "to the ruling party.\n\nAdeyemi-Bakare, a two-term lawmaker, had notified the Senate in a "
                              "letter read by the Senate President, Sen. Garba Danladi, last Thursday.\n\n"
                              "The reading sparked a rowdy session as the Minority Leader, Sen. Hadiza Mohammed-Bello, "
                              "raised a point of order.\n\n\"There is no division,\" she told the chamber, before Danladi "
                              "ruled her out of order.\n\nThe senator's defection had been expected since May, when he "
                              "stopped attending the caucus. It also carries a personal twist. His late father, Chief "
                              "Samuel Adeyemi-Bakare, who died in 2021, was a founding member of the party.\n")
    assert not any("Garba Danladi" in (a, b) for a, _, b in ties(x))


def test_who_described_and_an_apposition_before_a_colon_name_the_speaker(tmp_path, rules):
    x = read(tmp_path, rules, "He was received at a rally at the Township Stadium, Agbado-Eti, by the chairman of the "
                              "party, Alhaji Yusuf Ibrahim-Kaura, who described the lawmaker as \"a bridge-builder.\"\n\n"
                              "His commanding officer, Lieutenant-Colonel Angus Strachan, put it less formally in a note "
                              "to brigade headquarters: \"He is the only officer who apologises to the enemy.\"\n")
    assert speakers(x, "bridge-builder") == {"Yusuf Ibrahim-Kaura"}
    assert speakers(x, "apologises to the enemy") == {"Angus Strachan"}


def test_councillors_elders_and_tagalog_titles_are_no_part_of_a_name(tmp_path, rules):
    x = read(tmp_path, rules, "Cr Angela Petrakis chaired the meeting. \"I have never said that,\" Cr Petrakis said.\n\n"
                              "Coun Imran Hafeez spoke for the ward. Mzee Kiprop arap Sang led the delegation.\n\n"
                              "Mang Ernesto, 61, is a fisherman.\n")
    assert named(x) == {"Angela Petrakis", "Imran Hafeez", "Kiprop arap Sang", "Ernesto"}
    assert speakers(x, "never said that") == {"Angela Petrakis"}


def test_wine_estates_promoters_developers_and_police_are_organisations(tmp_path, rules):
    x = read(tmp_path, rules, "After 41 vintages at the head of Domaine Vautrin, Bernard Vautrin will retire. His "
                              "promoter, Sagip Sports Promotions, said a defence is likely. The tower was proposed by Teo "
                              "Harrow Developments; Teo Harrow had held two sessions.\n\n"
                              "Ellie was found in Leeds, Irwell Valley Police confirmed. Police said nobody else was "
                              "involved.\n")
    assert named(x) == {"Bernard Vautrin"}
    assert {"Domaine Vautrin", "Sagip Sports Promotions", "Teo Harrow Developments",
            "Irwell Valley Police"} <= named(x, "Organization")


def test_a_his_after_a_name_given_as_someones_parent_is_that_parents(tmp_path, rules):
    # "his parents, fisherman Ernesto Macaraeg and his wife, Corazon": the second his is Ernesto's
    x = read(tmp_path, rules, "Rodel Macaraeg won the title. In the crowd stood his parents, fisherman Ernesto Macaraeg "
                              "and his wife, Corazon, who had watched on a borrowed television.\n")
    assert ("Ernesto Macaraeg", "spouse", "Corazon") in ties(x)
    assert not any("Rodel Macaraeg" in (a, b) and p == "spouse" for a, p, b in ties(x))


def test_a_junior_is_not_the_father_of_his_name(tmp_path, rules):
    x = read(tmp_path, rules, "Rodel Macaraeg won the title. On the truck were his wife, Joanna, and their two children, "
                              "Rodel Jr., 7, and Mae, 4.\n")
    assert not any(a == "Rodel Macaraeg" and b == "Rodel Macaraeg" for a, _, b in ties(x))
    assert not any(p == "parent" and a == "Rodel Macaraeg" and b == "Joanna" for a, p, b in ties(x))


def test_a_title_says_which_of_a_father_and_daughter_a_tie_names(tmp_path, rules):
    # "Mzee Cheruiyot's wife" among Faith Cheruiyot, the bride, and Paul Cheruiyot, her father
    x = read(tmp_path, rules, "Marathon runner Faith Jepkemoi Cheruiyot married on Saturday. Faith Jepkemoi Cheruiyot "
                              "won in Berlin last year, and Faith Jepkemoi Cheruiyot trains in Kapkoros.\n\n"
                              "Her father, Mzee Paul Cheruiyot, received the delegation. The animals were delivered, "
                              "according to the bride's mother, Mrs Esther Chepkorir, Mzee Cheruiyot's wife.\n")
    spouses = {frozenset((a, b)) for a, p, b in ties(x) if p == "spouse"}
    assert frozenset(("Esther Chepkorir", "Faith Jepkemoi Cheruiyot")) not in spouses


def test_her_father_is_not_the_man_introduced_as_his_father(tmp_path, rules):
    # Huw is Osian's father; "her father" of Efa is Osian, so the he after it is not Huw's
    x = read(tmp_path, rules, "Osian Vaughan made his comeback on Saturday. Watching were his partner, Ffion Rees, and "
                              "his father, Huw Vaughan.\n\n"
                              "Efa Vaughan was born in July, while her father was still months away from full training, "
                              "and Vaughan says she changed the way he approached the grind.\n\n"
                              "\"Before she came along, every bad day felt like the end of the world,\" he said.\n\n"
                              "It was Huw, Vaughan says, who kept him going.\n\n"
                              "\"He texted me the same thing every week,\" he said.\n")
    assert "Huw Vaughan" not in speakers(x, "Before she came along")
    assert "Huw Vaughan" not in speakers(x, "texted me the same")


def test_portuguese_forms_of_address_and_names_ending_in_no_surname_make_no_person(tmp_path, rules):
    x = read(tmp_path, rules, "Marlene Moreira raised four sons. \"I am going to cook him rice and beans,\" Dona Marlene "
                              "told a local broadcaster. Seu Jairo Bezerra coached him as a boy.\n\n"
                              "He was called to the front of the Harlan State football meeting room.\n")
    assert named(x) == {"Marlene Moreira", "Jairo Bezerra"}
    assert speakers(x, "rice and beans") == {"Marlene Moreira"}


def test_the_elder_of_names_written_surname_first_is_nobody_for_sure(tmp_path, rules):
    # Wang Guoqiang, Wang Jianjun and Wang Xiaoyu: "the elder Wang" may be the grandfather or the father
    x = read(tmp_path, rules, "Wang Guoqiang drove steam engines for 30 years. His son, Wang Jianjun, drives the "
                              "express, and his granddaughter, Wang Xiaoyu, graduated in June.\n\n"
                              "\"In winter the coal froze into blocks,\" the elder Wang recalled.\n")
    assert speakers(x, "coal froze") == set()


def test_a_his_in_a_clause_about_an_unnamed_relative_is_not_the_last_man_named(tmp_path, rules):
    x = read(tmp_path, rules, "Wang Jianjun will retire next month. His father, who lost his wife, Zhang Guilan, in "
                              "2016, plans to ride the train.\n\n"
                              "Aarav Sehgal carried the bier with his brother-in-law, businessman Nikhil Kapoor. The "
                              "actor's mother, Sunita Sehgal, his elder sister Ishita Kapoor and his wife stood by.\n")
    assert not any("Zhang Guilan" in (a, b) and "Wang Jianjun" in (a, b) for a, _, b in ties(x))
    assert not any("Ishita Kapoor" in (a, b) and "Nikhil Kapoor" in (a, b) and p == "sibling" for a, p, b in ties(x))


def test_religious_forms_of_address_are_titles_and_say_which_of_two_bearers(tmp_path, rules):
    # a nun and a priest of one surname: "Father Dwyer" is the man, "Mother Agnes" the woman, neither a name
    x = read(tmp_path, rules, "Mother Agnes Dwyer, prioress of the convent, said the house had 30 sisters.\n\n"
                              "“We are few, but we are stubborn,” Mother Agnes said.\n\n"
                              "The chaplain, Father Liam Dwyer, no relation, said Mass.\n\n"
                              "“They pray louder than I preach,” Father Dwyer said.\n")
    assert {"Agnes Dwyer", "Liam Dwyer"} <= named(x)
    assert not {"Mother Agnes", "Father Dwyer", "Mother Agnes Dwyer", "Father Liam Dwyer"} & named(x)
    assert speakers(x, "we are stubborn") == {"Agnes Dwyer"}
    assert speakers(x, "louder than I preach") == {"Liam Dwyer"}


def test_akan_styles_of_elders_and_chiefs_are_titles(tmp_path, rules):
    x = read(tmp_path, rules, "The head of the family, Opanin Kojo Mensah Addo, 70, spoke first.\n\n"
                              "“The stool has waited long enough,” Opanin Mensah said.\n\n"
                              "The new chief takes the stool name Osabarima Kwame Ofosu II.\n")
    assert {"Kojo Mensah Addo", "Kwame Ofosu II"} <= named(x)
    assert not {"Opanin Mensah", "Opanin Kojo Mensah Addo", "Osabarima Kwame Ofosu II"} & named(x)
    assert speakers(x, "waited long enough") == {"Kojo Mensah Addo"}


def test_a_middle_initial_after_a_title_stays_in_the_name(tmp_path, rules):
    # "Sen. Harold J. Whitcombe" had been a Harold of its own, and Whitcombe another person
    x = read(tmp_path, rules, "The bill drew opposition from Sen. Harold J. Whitcombe (R-Dale), who spoke for an hour.\n\n"
                              "“It is a bad law,” Whitcombe said on the floor.\n")
    assert "Harold J. Whitcombe" in named(x)
    assert "Harold" not in named(x)
    assert speakers(x, "a bad law") == {"Harold J. Whitcombe"}


def test_a_title_case_headline_of_two_sentences_names_no_one(tmp_path, rules):
    from graph.load import load_article
    from graph.match.extract import extract

    path = tmp_path / "a.txt"
    path.write_text(" date 2025-03-14\nTwo Brothers Who Lived 30 Miles Apart Found Each Other At Last. "
                    "Their Uncle Never Said A Word.\n\nTom Vickery and Alan Price met on Monday.\n", encoding="utf-8")
    x = extract(load_article(path), rules)
    assert named(x) == {"Tom Vickery", "Alan Price"}


def test_a_given_name_alone_is_no_surname_of_the_word_before_it(tmp_path, rules):
    x = read(tmp_path, rules, "Dana Whitlock was adopted in 1986. Years later, Dana said she had always wondered.\n\n"
                              "“Finding Dana did not change that,” her sister said.\n")
    assert "Finding Dana" not in named(x)


def test_the_words_of_a_statement_read_out_are_its_writer_s(tmp_path, rules):
    # the prosecutor read them; the paragraph after says whose they were
    x = read(tmp_path, rules, "The car went through the front wall of the home of 80-year-old Joan Petty.\n\n"
                              "Prosecuting, Amy Cole told magistrates that the driver had left the scene.\n\n"
                              "'I heard a crash and thought the roof had come in.'\n\n"
                              "Those were the words of Mrs Petty in a statement read to the court by Ms Cole.\n")
    assert speakers(x, "thought the roof had come in") == {"Joan Petty"}


def test_a_message_that_began_with_words_is_not_its_reader_s(tmp_path, rules):
    x = read(tmp_path, rules, "Lena Ortiz sent off a DNA kit in 2023.\n\n"
                              "She was not expecting an email that began: “Hello, I think you are my cousin.”\n")
    assert speakers(x, "you are my cousin") == set()


def test_a_saint_s_name_begins_no_person(tmp_path, rules):
    x = read(tmp_path, rules, "Sister Ruth Agnew still prays each day from the community’s St. Anne Residence, "
                              "where she has lived since 2018.\n")
    assert "Anne Residence" not in named(x)


def test_a_title_before_initials_and_a_name_names_a_person(tmp_path, rules):
    x = read(tmp_path, rules, "Minister R. Thangavelu announced the relief. Dr. K. V. Raman said the trial had "
                              "ended.\n")
    assert {"R. Thangavelu", "K. V. Raman"} <= named(x)


def test_a_shop_named_for_its_owner_is_an_organisation(tmp_path, rules):
    # the shop had been its founder's mention, and "His younger sister" his sister
    x = read(tmp_path, rules, "Gary Nolan bought the ticket at Dobson's Newsagency in Ryde on Friday. He used his "
                              "mother's numbers.\n\n"
                              "His younger sister, Tracey Vickers, says half of it is hers.\n\n"
                              "The shop was founded by the late Neil Dobson in 1981.\n")
    assert "Dobson's Newsagency" in named(x, "Organization")
    assert not {t for t in ties(x) if "Neil Dobson" in (t[0], t[2])}


def test_a_byline_and_a_credit_line_name_people_who_speak_no_quotation(tmp_path, rules):
    # the writer is a person of the article, but the story's "she" is never the writer
    x = read(tmp_path, rules, "By Helen Marsh\n\n"
                              "“Mormor always said a house should smell of coffee,” she says, pouring a cup.\n\n"
                              "Ingrid Dahl, 71, has lived in the house since 1970.\n\n"
                              "(Reporting by Nora Lind in Oslo; Editing by Tom Ashe)\n")
    assert {"Helen Marsh", "Nora Lind", "Tom Ashe"} <= named(x)
    assert "Helen Marsh" not in speakers(x, "smell of coffee")


def test_another_before_a_surname_is_no_given_name(tmp_path, rules):
    x = read(tmp_path, rules, "Councilor Tomas Reyes won the mayoralty on Monday. Reyes, 41, thanked the voters.\n\n"
                              "\"Sabi ng iba, 'Isa na namang Reyes.' Okay lang (Some people say, 'Another Reyes.' "
                              "That's fine),\" his wife told reporters.\n")
    assert "Another Reyes" not in named(x)


def test_a_watchdog_named_without_a_determiner_is_an_organisation(tmp_path, rules):
    x = read(tmp_path, rules, "Election watchdog Bantay Balota Laguna said it logged 37 reports of vote buying.\n")
    assert "Bantay Balota Laguna" in named(x, "Organization")
    assert not {"Bantay Balota Laguna", "Laguna"} & named(x)


def test_a_photograph_credit_names_the_photographer_whole(tmp_path, rules):
    # "Dean" is no title here: the credit names Dean Marlowe
    x = read(tmp_path, rules, "The court in Sydney. Photograph: Dean Marlowe/The Guardian\n\n"
                              "Justice Miriam Okonkwo heard the matter on 12 February.\n")
    assert "Dean Marlowe" in named(x)
    assert "Marlowe" not in named(x)


def test_that_was_then_a_name_says_whose_the_quotation_before_was(tmp_path, rules):
    x = read(tmp_path, rules, "“You don’t expect anyone to steal 40 dozen doughnuts,” co-owner Ingrid Halvorsen, 46, said.\n\n"
                              "“Honestly? My first thought was the church deliveries.”\n\n"
                              "That was Ingrid's younger sister and business partner, Maren Tate.\n")
    assert speakers(x, "church deliveries") == {"Maren Tate"}


def test_a_firm_or_a_shop_named_with_a_known_surname_is_no_person(tmp_path, rules):
    # two founders' surnames; a noodle shop in an article that writes "pho" in lower case too
    x = read(tmp_path, rules, "Julian Stroud and Anika Petrakis co-founded the firm in 2014.\n\n"
                              "Petrakis Stroud said on Monday that revenue had doubled.\n\n"
                              "Mrs Tam has made pho for 60 years. Every morning she tastes the broth at Pho Ba Tam.\n")
    assert not {"Petrakis Stroud", "Pho Ba Tam"} & named(x)


def test_a_word_opening_a_sentence_before_a_named_person_is_no_first_name_of_theirs(tmp_path, rules):
    x = read(tmp_path, rules, "Rescuers are still trying to reach the miner Sibusiso, 34, whose wife, Thandeka Khumalo, "
                              "waits at the gate.\n\n"
                              "“Bringing Sibusiso Khumalo home is now our only priority,” the company said.\n")
    assert "Bringing Sibusiso Khumalo" not in named(x)


def test_the_paragraph_after_a_quotation_says_whom_the_words_came_from(tmp_path, rules):
    x = read(tmp_path, rules, "Nurses walked out on Tuesday, said their union leader, Aoife Keane.\n\n"
                              "“We simply cannot keep staffing wards with agency workers.”\n\n"
                              "That assessment came not from the union but from the agency’s own director, "
                              "Tom Hale, in evidence last week.\n")
    assert speakers(x, "staffing wards") == {"Tom Hale"}


def test_that_was_a_bare_role_and_a_name_says_whose_the_quotation_before_was(tmp_path, rules):
    x = read(tmp_path, rules, "The coach, Simone Laurent, said the pair had fitted in at once.\n\n"
                              "“Nobody on this roster thinks of them as a novelty anymore.”\n\n"
                              "That was team captain Ravi Deshmukh, speaking after Sunday's win.\n")
    assert speakers(x, "as a novelty") == {"Ravi Deshmukh"}


def test_a_games_developer_is_an_organisation(tmp_path, rules):
    x = read(tmp_path, rules, "The series is run by the game's developer Kestrel Interactive, and Hartwell Gaming "
                              "won it.\n")
    assert {"Kestrel Interactive", "Hartwell Gaming"} <= named(x, "Organization")
    assert not {"Kestrel Interactive", "Hartwell Gaming"} & named(x)


def test_a_pull_quote_set_as_a_subhead_is_not_the_last_speaker_s(tmp_path, rules):
    # the display line repeats words said further down, by someone else than the paragraph before it quotes
    x = read(tmp_path, rules, "“I had a speech ready about keeping family out of it,” said the coach, Simone Laurent.\n\n"
                              "“Two of our best five”\n\n"
                              "“They are two of our best five, most nights,” said the captain, Ravi Deshmukh.\n")
    assert "Simone Laurent" not in {s.ref.value for q in x.quotes if q.text.startswith("Two of our best five")
                                   for s in q.speakers}


def test_dona_is_a_title_and_the_words_were_those_of_names_a_speaker(tmp_path, rules):
    x = read(tmp_path, rules, "Camila Ferreyra, 29, and her husband won the title on Tuesday.\n\n"
                              "“I cried like a little girl.”\n\n"
                              "The words were those of Doña Elvira Acosta, 86, Camila's grandmother, who watched at home.\n")
    assert "Elvira Acosta" in named(x)
    assert "Doña Elvira Acosta" not in named(x)
    assert speakers(x, "like a little girl") == {"Elvira Acosta"}


def test_armed_groups_and_a_state_broadcaster_are_no_people(tmp_path, rules):
    x = read(tmp_path, rules, "Armed groups linked to al Qaeda and Islamic State have expanded their operations.\n\n"
                              "Issa Mahamadou, a spokesman, told state broadcaster Tele Sahel that she appeared "
                              "\"tired but lucid.\"\n")
    assert not {"Qaeda", "Islamic State", "Tele Sahel"} & named(x)
    assert {"al-qaeda", "islamic-state", "Tele Sahel"} <= named(x, "Organization")  # gazetteer entries by their id
    assert speakers(x, "tired but lucid") == {"Issa Mahamadou"}


def test_a_family_workshop_named_by_an_apposition_is_an_organisation(tmp_path, rules):
    x = read(tmp_path, rules, "Both danced in shoes made by Ghiglione, a family workshop founded in 1961 by the late "
                              "Ernesto Ghiglione.\n")
    assert "Ghiglione" in named(x, "Organization")


def test_one_who_writes_code_is_no_speaker_of_the_next_paragraph(tmp_path, rules):
    x = read(tmp_path, rules, "Maya drives the robot during matches. Nora writes most of the code that runs it.\n\n"
                              "“I grabbed Nora's arm so hard that she still has a bruise.”\n")
    assert "Nora" not in speakers(x, "grabbed Nora's arm")


def test_a_middle_initial_ends_no_sentence_and_his_wife_is_the_initialled_man_s(tmp_path, rules):
    # "Mr. K." had ended a sentence, so the "his" of "and his wife" went to the son the sentence began with
    x = read(tmp_path, rules, "Arun Ramesh tied the thaali as his parents, Mr. K. Ramesh and his wife Latha Ramesh, "
                              "looked on.\n")
    assert ("K. Ramesh", "spouse", "Latha Ramesh") in ties(x)
    assert not {t for t in ties(x) if t[1] == "spouse" and "Arun Ramesh" in (t[0], t[2])}


def test_a_title_tells_apart_two_of_one_surname_by_given_names_of_other_countries(tmp_path, rules):
    # Kirsty and Ewan are no names of the census list; the wider given-gender table knows them
    x = read(tmp_path, rules, "Kirsty Baird and Ewan Baird have run the Glenmorie croft since 2009.\n\n"
                              "“We never planned to farm,” Mr Baird said.\n")
    assert speakers(x, "never planned to farm") == {"Ewan Baird"}
    y = read(tmp_path, rules, "Priya Nair thanked Matthias Vogel for the loan of the hall.\n\n"
                              "“It was the only room big enough,” she said.\n")
    assert speakers(y, "only room big enough") == {"Priya Nair"}


def test_the_world_table_makes_a_given_name_only_where_it_is_sure(rules):
    # Kirsty is common in many countries' sources and rare as an English word: a given name and a gender;
    # Ruaridh is too rare in the sources to make a person, but says a gender; Jean is borne by either
    assert rules.given_gender("Kirsty Baird") == "f" and "Kirsty" in rules.given_names
    assert rules.given_gender("Ruaridh Munro") == "m" and "Ruaridh" not in rules.given_names
    assert rules.given_gender("Ciarán Murphy") == "m"
    assert rules.given_gender("Jean Roy") is None
    assert rules.given_gender("Kirsty") is None  # one word may as well be a surname


def test_a_quote_within_a_quote_is_the_nearest_subject_s_who_said_it_to_me(tmp_path, rules):
    x = read(tmp_path, rules, "Tessa Halvorsen skips the rink Arne Halvorsen coaches.\n\n"
                              "\"At the fifth-end break, Arne looked right at me and said, 'Throw it like you mean it.' "
                              "So I did,\" Tessa Halvorsen said.\n\n"
                              "Jürgen Kessler took over from his father, Heinrich Kessler, in 1998.\n\n"
                              "\"When I took this job, my father said to me: 'Never sell the name on the gate.' I never "
                              "have,\" Jürgen Kessler said.\n\n"
                              "\"He comes home on a Friday. Twice this term he hasn't. One of the crew said to me on the "
                              "pier, 'Not till Christmas.' That's where we are,\" Tessa Halvorsen said.\n")
    inner = {q.text: {s.ref.value for s in q.speakers} for q in x.quotes}  # the nested ones, by their own words
    assert inner["Throw it like you mean it."] == {"Arne Halvorsen"}
    assert inner["Never sell the name on the gate."] == {"Heinrich Kessler"}
    assert inner.get("Not till Christmas.", set()) == set()  # one of the crew, and no "he" of the sentence before


def test_pt_is_a_title_and_a_title_goes_before_a_surname_not_a_given_name(tmp_path, rules):
    x = read(tmp_path, rules, "He received his first lessons from his father, Pt. Raghunath Kelkar, a vocalist.\n\n"
                              "Rev Rhys Llewelyn led the service. Local councillor Aled Rhys said the closure was part of "
                              "a wider pattern. According to Cllr Rhys, 14 chapels have closed.\n")
    assert {"Raghunath Kelkar", "Rhys Llewelyn", "Aled Rhys"} <= named(x) and "Pt" not in named(x)
    assert {m.ref.value for m in x.mentions if m.span.exact == "Rhys"} == {"Aled Rhys"}


def test_a_world_given_name_yields_to_an_address_a_firm_and_a_prize(tmp_path, rules):
    x = read(tmp_path, rules, "Their house on Juniper Court was burglarized on Sept. 14. Sophie Lautner, a partner at "
                              "Keane Marlowe LLP, said nothing. Priya Castellanos took the Cine Gaurav Award in 2019 "
                              "at the Ellison Space Center.\n")
    assert named(x) == {"Sophie Lautner", "Priya Castellanos"}
    assert "Juniper Court" in named(x, "Place") and "Keane Marlowe LLP" in named(x, "Organization")


def test_bylines_in_capitals_and_of_other_words_name_their_writers_in_title_case(tmp_path, rules):
    x = read(tmp_path, rules, "By SEAN MCALLISTER and AOIFE O'BRIEN\n\nThe ferry sailed on Tuesday.\n\n"
                              "Written by Manasi Deo\n\nEdited by: Sarah Hofmann\n\nBY STAFF REPORTER\n\nBY THE NUMBERS\n\n"
                              "by Mariko Sato\n\nThe list was compiled\nby Peter Hale, a retired teacher.\n")
    credited = {m.ref.value for m in x.mentions if m.rule == "byline"}
    assert credited == {"Sean McAllister", "Aoife O'Brien", "Manasi Deo", "Sarah Hofmann", "Mariko Sato"}
    assert "Peter Hale" in named(x)  # a hard-wrapped line's "by" is no byline: he may speak in the story


def test_a_thing_he_described_as_quotes_him_and_all_begins_no_name(tmp_path, rules):
    x = read(tmp_path, rules, "All Blacks head coach Hemi Paraone, who sat beside the captain, paid tribute to a player "
                              "he described as \"the heartbeat of the forward pack\".\n")
    assert speakers(x, "heartbeat of the forward pack") == {"Hemi Paraone"}
    assert named(x) == {"Hemi Paraone"}


def test_a_paternal_surname_and_an_article_joined_surname_are_the_person_s(tmp_path, rules):
    g = build_articles(tmp_path, {"a.txt": (
        " date 2025-12-02\nA headline of no one\n\n"
        "The jury was chaired by ethnomusicologist Hilario Bastidas Nájera of the National School of Music.\n\n"
        "Bastidas said the jury was unanimous.\n\n"
        "\"The cones alone will keep us busy,\" said Mostafa el-Shazly, an inspector. \"It was robbed more than "
        "once,\" el-Shazly added.\n")})
    names = {str(o) for o in g.objects(None, SDO.name)}
    assert {"Hilario Bastidas Nájera", "Mostafa el-Shazly"} <= names and not {"Bastidas", "el-Shazly"} & names


def test_that_is_the_warning_from_names_the_speaker_of_the_paragraph_before(tmp_path, rules):
    x = read(tmp_path, rules, "Club president Phil Bradbury said the rescue was textbook.\n\n"
                              "\"Rips here are sneaky on a rising tide.\"\n\n"
                              "That's the warning from duty officer Craig Mullins, who says the boys were fine.\n")
    assert speakers(x, "sneaky on a rising tide") == {"Craig Mullins"}


def test_a_nested_quotation_is_never_its_verb_s_object_s_and_a_title_of_given_names_names_no_surname(tmp_path, rules):
    x = read(tmp_path, rules, "“Mark Jones hugged Tom Brown and said, ‘We did it,’” Erik Dahl recalled.\n\n"
                              "Father Thomas Kurian arrived at noon. Dylan Thomas had written of the chapel. "
                              "Father Thomas said mass.\n")
    inner = {q.text: {s.ref.value for s in q.speakers} for q in x.quotes}
    assert inner["We did it,"] == {"Mark Jones"}
    assert {m.ref.value for m in x.mentions if m.span.exact == "Thomas"} == {"Thomas Kurian"}


def test_capitals_a_heading_and_a_locality_make_no_person(tmp_path, rules):
    x = read(tmp_path, rules, "BY ASSOCIATED PRESS\n\nBY ROYAL APPOINTMENT\n\nUniversal Credit: Payment Dates\n\n"
                              "The royal appointment came on Tuesday. The bus from Anand Vihar reached Rajiv Chowk at "
                              "noon, and the All Progressives Congress met in Abuja.\n")
    assert named(x) == set()


def test_the_son_of_two_given_names_after_an_age_and_never_of_a_possessive(tmp_path, rules):
    x = read(tmp_path, rules, "Spyros Marangos is suing his brother Andreas Marangos and sister-in-law Eleni Marangou.\n\n"
                              "Kostas Marangos, 31, the son of Andreas and Eleni, heads the desk. Matthias Marangos, 45, "
                              "the son of Spyros's late brother, joined the board.\n")
    assert {("Kostas Marangos", "parent", "Andreas Marangos"), ("Kostas Marangos", "parent", "Eleni Marangou")} <= ties(x)
    assert not {t for t in ties(x) if t[0] == "Matthias Marangos"}


def test_a_first_nation_is_an_organisation(tmp_path, rules):
    x = read(tmp_path, rules, "A northwestern Ontario First Nation has elected Sheila Wabason as chief of Kinoje Lake "
                              "First Nation.\n")
    assert named(x) == {"Sheila Wabason"}
    assert "Kinoje Lake First Nation" in named(x, "Organization")


def test_a_rugby_position_before_a_name_is_a_job_not_part_of_it(tmp_path, rules):
    x = read(tmp_path, rules, "Lock Ruan Kotzé was one of the first players to post about the news. The prop Thabo "
                              "Nkosi agreed.\n")
    assert named(x) == {"Ruan Kotzé", "Thabo Nkosi"}


def test_a_title_the_name_sources_hold_as_a_first_name_begins_no_name(tmp_path, rules):
    x = read(tmp_path, rules, "Emir Tunde Bakare arrived at the palace on Friday.\n")
    assert named(x) == {"Tunde Bakare"}
    assert rules.given_gender("Captain Ann") is None and "Emir" not in rules.given_names


def test_a_title_of_a_gender_names_the_bearer_of_that_gender_and_a_family_name_may_come_first(tmp_path, rules):
    # Singapore copy: the family name first, "Mr Lim" and "Ms Lim" told apart by the title alone, the given name
    # alone is the same person; "Jun" is a given name here, not June
    x = read(tmp_path, rules, "SINGAPORE - When Mr Lim Jun Hao and his younger sister, Ms Lim Hui Min, set up the "
                              "firm in 2018, nobody expected a court case.\n\n"
                              "Ms Lim, 33, accused her brother of bad faith. Mr Lim, 36, denied it.\n\n"
                              "\"My brother has treated the company as his own,\" she said.\n\n"
                              "\"Hui Min wrote the first version herself,\" said Mr Daniel Khoo, an investor.\n")
    assert {"Lim Jun Hao", "Lim Hui Min"} <= named(x)
    assert "Lim" not in named(x) and "Hui Min" not in named(x)
    assert speakers(x, "as his own") == {"Lim Hui Min"}
    titled = {(t[1], m.ref.value) for m in x.mentions if m.span.exact == "Lim" for t in m.titles}
    assert titled == {("Ms", "Lim Hui Min"), ("Mr", "Lim Jun Hao")}


def test_a_title_whose_gender_fits_no_bearer_is_nobody_of_them(tmp_path, rules):
    # "Mr. Srinivasaraghavan" after only his widow was named in full is not her
    g = build_articles(tmp_path, {"a.txt": " date 2025-03-14\nUmpire dies\n\n"
                                  "The board sent its sympathies to Mrs. Kamala Srinivasaraghavan on Tuesday.\n\n"
                                  "\"He never complained,\" said Anil Khanna. Mr. Srinivasaraghavan umpired 40 Tests.\n"})
    labels = {str(o) for s, o in g.subject_objects(SDO.name)}
    assert "Kamala Srinivasaraghavan" in labels
    kamala = next(s for s, o in g.subject_objects(SDO.name) if str(o) == "Kamala Srinivasaraghavan")
    assert not {str(o) for o in g.objects(kamala, SDO.alternateName)} & {"Srinivasaraghavan"}


def test_a_byline_over_a_job_line_and_a_name_never_runs_over_a_line_break(tmp_path, rules):
    x = read(tmp_path, rules, "Goh Yan Ting\nCorrespondent\n\nSINGAPORE - The firm said on Monday it would appeal.\n")
    assert not any("\n" in n for n in named(x))
    assert "Correspondent" not in " ".join(named(x))


def test_a_surname_left_to_nobody_stands_between_a_pronoun_and_an_earlier_woman(tmp_path, rules):
    # "Kessler" is Linda's, Dale's, Walt's and Kessler Paving's: the names step gives the bare word to nobody,
    # and the "she" after it is not the student named before
    x = read(tmp_path, rules, "Much of the anger was aimed at board President Linda Kessler and board member Beth "
                              "Amundsen, who are sisters-in-law. Kessler is married to Dale Kessler, who runs Kessler "
                              "Paving, the company founded by their father, Walt Kessler, in 1978.\n\n"
                              "Ava Torres, 16, a junior, read a statement from the student council as her mother stood "
                              "behind her.\n\n"
                              "Kessler repeatedly gaveled the crowd to order.\n\n"
                              "In a phone interview late Tuesday, Kessler says the board followed state ethics rules.\n\n"
                              "\"Beth and I stepped out of that vote,\" she said.\n")
    assert "Ava Torres" not in speakers(x, "stepped out")


def test_a_title_of_a_work_after_a_preposition_is_no_quotation(tmp_path, rules):
    x = read(tmp_path, rules, "Kang's co-star in \"Moonlit Pharmacy,\" actor Seo Ji-an, posted a photo on Sunday.\n")
    assert not any("Moonlit" in q.text for q in x.quotes)


def test_two_jobs_joined_begin_no_name_and_the_singer_so_introduced_is_not_the_star(tmp_path, rules):
    x = read(tmp_path, rules, "Actor Kang Tae-joon began his military service on Monday.\n\n"
                              "Singer-actor Noel, who played his colleague, shared a message on Monday.\n\n"
                              "\"Eat well, sleep well,\" the singer wrote.\n")
    assert not any("Singer" in n for n in named(x))
    assert "Kang Tae-joon" not in speakers(x, "Eat well")
    # a star the article calls a singer only afterwards is still the singer
    x = read(tmp_path, rules, "Pop star Dua Lipa announced a world tour on Monday. \"I cannot wait to see you all,\" "
                              "the singer wrote on Instagram.\n")
    assert speakers(x, "cannot wait") == {"Dua Lipa"}


def test_the_assistant_coach_is_not_the_coach_the_article_introduced(tmp_path, rules):
    x = read(tmp_path, rules, "He was spotted by Coach Yaw Boateng, who runs the academy.\n\n"
                              "Black Stars assistant coach Mr Isaac Mensah said the team was watching him.\n\n"
                              "\"He is on our list,\" the assistant coach said.\n")
    assert "Yaw Boateng" not in speakers(x, "on our list")


def test_places_joined_by_and_after_from(tmp_path, rules):
    x = read(tmp_path, rules, "A group of seven tourists from Osaka and Tokyo said they had booked flights.\n")
    assert {"Osaka", "Tokyo"} <= named(x, "Place")
    # after fans, "from" names clubs as often as places; the word after "and" is no person either way
    x = read(tmp_path, rules, "Police said fans from Arsenal and Chelsea clashed outside the ground. Fans from "
                              "Osaka and Tokyo said they had booked flights.\n")
    assert not {"Arsenal", "Chelsea"} & named(x, "Place")
    assert "Tokyo" not in named(x)


def test_a_months_abbreviation_alone_is_no_name_and_no_place(tmp_path, rules):
    x = read(tmp_path, rules, "Core inflation eased in Jan, rose in Jun and fell in Sept. Jan and Feb were the "
                              "worst months, he said.\n")
    assert not {"Jan", "Jun", "Sept", "Feb"} & (named(x) | named(x, "Place"))


def test_a_title_of_the_other_gender_than_a_given_name_names_no_one_of_it(tmp_path, rules):
    x = read(tmp_path, rules, "David Clarke, 61, and his wife have lived on Orchard Road for 30 years.\n\n"
                              "\"Nobody from the council has ever come,\" Mrs Clarke said.\n")
    assert "David Clarke" not in speakers(x, "Nobody from the council")
    x = read(tmp_path, rules, "Vice President Sara Duterte spoke. \"I have nothing to hide,\" the vice president "
                              "said.\n\nCoach Tom Reed was blunt. \"We were simply not good enough,\" said the coach "
                              "afterwards.\n\nThe club is in \"a bad way,\" said chairman Tom Reed.\n\n"
                              "\"We want it,\" said his younger brother, Sam Reed.\n")
    assert speakers(x, "nothing to hide") == {"Sara Duterte"}
    assert speakers(x, "good enough") == {"Tom Reed"}
    assert speakers(x, "a bad way") == {"Tom Reed"}
    assert speakers(x, "We want it") == {"Sam Reed"}


def test_a_title_word_before_a_known_surname_begins_no_new_person(tmp_path, rules):
    x = read(tmp_path, rules, "Margaret Thatcher's former home in Chelsea has been sold.\n\n"
                              "Baroness Thatcher lived at the house on Chester Square.\n\n"
                              "Connie Nielsen, 59, first became famous for her part in \"Gladiator,\" she told the "
                              "magazine. Zhang Jun, 45, a teacher, agreed.\n")
    assert "Baroness Thatcher" not in named(x)
    assert not any("Gladiator" in q.text for q in x.quotes)
    assert "Zhang Jun" in named(x)


def test_a_possessive_of_an_unnamed_owner_is_no_namesakes(tmp_path, rules):
    x = read(tmp_path, rules, "Retired firefighter Tom Reed, 71, has spoken of his pride after his grandson joined "
                              "the service.\n\nThe teenager's mother, Ann Reed, and his sister, Kate Reed, watched the "
                              "parade.\n")
    assert not any("Tom Reed" in (a, b) and p == "sibling" for a, p, b in ties(x))


def test_a_relative_in_the_reported_clause_may_be_the_speaker(tmp_path, rules):
    x = read(tmp_path, rules, "Morag Lindsay won the seat on Friday.\n\n"
                              "She recalled that her husband, whom she married in 1991, liked to tell activists: "
                              "\"The glen needs a plumber.\"\n")
    assert "Morag Lindsay" not in speakers(x, "needs a plumber")


def test_a_role_of_two_words_after_the_verb_and_a_title_before_the_name(tmp_path, rules):
    x = read(tmp_path, rules, "\"We are delighted to welcome him,\" said the club's sporting director, "
                              "Mr Pieter Vandenbroucke.\n\n"
                              "\"It is often an afterthought,\" said Associate Professor Teo Mei Xin.\n")
    assert speakers(x, "delighted") == {"Pieter Vandenbroucke"}
    assert speakers(x, "afterthought") == {"Teo Mei Xin"}


def test_a_peers_title_is_no_given_name(tmp_path, rules):
    x = read(tmp_path, rules, "His father, Hugo Pellew-Dacre, succeeded to the title as the 7th Baron Carrowmore "
                              "in 2011.\n\n\"He rang us,\" said Lady Carrowmore.\n")
    assert "Baron Carrowmore" not in named(x)


def test_a_bare_name_titled_as_a_man_and_as_a_woman_is_two_people_and_neither_a_node(tmp_path, rules):
    x = read(tmp_path, rules, "The couple's elder son, Edward Pellew-Dacre, married in 2022.\n\n"
                              "\"He takes his time,\" said Lady Carrowmore.\n\n"
                              "Lord Carrowmore was said to be delighted, although he declined to comment.\n")
    assert {m.ref.value for m in x.mentions if "Carrowmore" in m.span.exact} == {"Lady Carrowmore", "Lord Carrowmore"}
    g = build_articles(tmp_path / "b", {"a.txt": " date 2025-03-14\nAn engagement\n\n"
                                        "\"He takes his time,\" said Lady Carrowmore.\n\n"
                                        "Lord Carrowmore was said to be delighted.\n"})
    assert not {str(o) for o in g.objects(None, SDO.name)} & {"Carrowmore", "Lady Carrowmore", "Lord Carrowmore"}


def test_a_title_of_the_other_gender_than_the_first_named_is_the_wife_among_daughters_else_nobody(tmp_path, rules):
    x = read(tmp_path, rules, "Neil Ashworth, 54, ran the marathon. His daughter, Ellie Ashworth, died in 2022.\n\n"
                              "His wife, Joanne Ashworth, 52, waited at the finish.\n\n"
                              "\"We came into this with nothing left,\" Mrs Ashworth said.\n")
    assert speakers(x, "nothing left") == {"Joanne Ashworth"}
    x = read(tmp_path, rules, "Ernest Vandermeer and Joan Vandermeer married in 1965. Their son, Rob Vandermeer, "
                              "farms with his wife, Susan Vandermeer.\n\n"
                              "\"It was a good year,\" Mrs. Vandermeer said.\n")
    assert not speakers(x, "good year") & {"Ernest Vandermeer", "Rob Vandermeer"}
    x = read(tmp_path, rules, "Padraig Gallagher and his son Ciaran Gallagher were rescued. Local councillor Anthony "
                              "Gallagher, who is not related, spoke.\n\n"
                              "\"This is a small community,\" Cllr Gallagher said.\n")
    assert speakers(x, "small community") == {"Anthony Gallagher"}


def test_her_daughter_is_nobodys_when_the_woman_the_pronoun_reaches_is_far_back_and_no_namesake(tmp_path, rules):
    # the spokeswoman is the most named woman, but not whom the article opens with, and two paragraphs of
    # someone else stand between
    x = read(tmp_path, rules, "Nurses at the county hospital walked out for a third day on Wednesday as talks over "
                              "staffing failed again.\n\n"
                              "\"Our members did not take this lightly,\" union spokeswoman Grainne Morrissey said.\n\n"
                              "According to Ms Morrissey, some wards are short of staff.\n\n"
                              "Health minister Fergal Dunne said the door was open.\n\n"
                              "On the picket line, Siobhan Keane, 54, a nurse manager, said she never expected to "
                              "strike twice.\n\n"
                              "\"My mother nursed here, and she would be heartbroken,\" she said.\n\n"
                              "\"It frightens me.\"\n\n"
                              "Her daughter, Aoife Keane, 22, is a nursing student.\n")
    assert not any(r.object.value == "Grainne Morrissey" or r.subject.value == "Grainne Morrissey" for r in x.relations)


def test_titles_of_works_wire_slugs_and_descriptions_before_a_name_are_no_people(tmp_path, rules):
    x = read(tmp_path, rules, "The couple fell in love on the sets of their 2022 film Barsaat Ke Baad.\n\n"
                              "They married in 2014 at Seattle-based Bellweather Studios. He coached at St. "
                              "Bartholomew Prep. She reached the junior final at Roland Garros in 2023 and thanked "
                              "the Colombian newspaper El Vigia for its support.\n")
    assert not {"Barsaat Ke Baad", "Bartholomew Prep", "Roland Garros"} & named(x)
    assert "Seattle-based Bellweather Studios" not in named(x, "Organization")
    assert "Colombian" not in named(x, "Organization")
    # a wire headline's slug: the headline is its own line
    path = tmp_path / "wire.txt"
    path.write_text(" date 2025-05-28\nTennis-Qualifier Horvat stuns sixth seed\n\nMila Horvat won on Wednesday.\n",
                    encoding="utf-8")
    assert not any("Tennis" in n for n in named(extract(load_article(path), rules)))


def test_the_family_of_a_surname_is_none_of_its_people_and_a_hyphenated_nickname_is_one(tmp_path, rules):
    x = read(tmp_path, rules, "The cottage where the Mulcahy family lived has sold. Patrick \"Paddy\" Mulcahy kept the "
                              "light from 1961.\n\n"
                              "Councilor Rodolfo \"Jun-Jun\" Alcantara Jr. was proclaimed mayor.\n\n"
                              "\"This is the victory of all of us,\" Jun-Jun, 38, told supporters.\n\n"
                              "\"Mumbai is home,\" he had said.\n")
    first = min((m for m in x.mentions if "Mulcahy" in m.span.exact), key=lambda m: m.span.start)
    assert first.span.exact != "Mulcahy"
    assert speakers(x, "victory of all") == {'Rodolfo "Jun-Jun" Alcantara Jr.'}
    assert speakers(x, "Mumbai is home") == {'Rodolfo "Jun-Jun" Alcantara Jr.'}


def test_a_given_names_gender_breaks_a_tie_between_bearers_of_a_title(tmp_path, rules):
    x = read(tmp_path, rules, "The widow of the late MSP Alasdair Lindsay has won the by-election. Morag Lindsay, 58, "
                              "took the seat.\n\n"
                              "Speaking after the declaration, Mrs Lindsay said: \"I wanted Alasdair to be standing "
                              "here.\"\n")
    assert speakers(x, "wanted Alasdair") == {"Morag Lindsay"}


def test_a_heading_of_two_surnames_joined_by_a_dash_is_no_person(tmp_path, rules):
    x = read(tmp_path, rules, "Whitcomb–Castellano\n\nMeredith Anne Whitcomb and Jonah Peter Castellano were married "
                              "on Saturday at St. Columba Episcopal Church.\n")
    assert not any("–" in n or n in ("Whitcomb Castellano",) for n in named(x))
    assert {"Meredith Anne Whitcomb", "Jonah Peter Castellano"} <= named(x)


def test_a_ratings_class_a_form_of_address_in_afrikaans_and_a_town_named_like_a_person(tmp_path, rules):
    x = read(tmp_path, rules, "Petty Officer 2nd Class Jomar Tolentino of the Philippine Coast Guard said the boats "
                              "were out. The two met as students in Ann Arbor and married in 2003.\n\n"
                              "\"Meneer Smit said to me I was too small,\" Opperman recalled of Gielie Smit, his "
                              "first coach.\n")
    assert "Jomar Tolentino" in named(x)
    assert not {"Class Jomar Tolentino", "Ann Arbor", "Meneer Smit"} & named(x)
    assert "ann-arbor" in named(x, "Place")  # the gazetteer entry's id


def test_a_place_without_its_division_word_and_a_firm_of_a_profession_are_no_people(tmp_path, rules):
    x = read(tmp_path, rules, "The couple's house in Barangay Punta Linao was swept away on Monday.\n\n"
                              "\"Punta Linao is the hardest hit,\" Mayor Ferdinand Cabrera said.\n\n"
                              "Fiona Baird is a consultant with Drummond Baird, the Perth land agents founded by her "
                              "grandfather. Ho Mei-ling spoke through her solicitors, Ho, Lam & Partners, on Tuesday.\n")
    assert not {"Punta Linao", "Drummond Baird"} & named(x)
    assert "Drummond Baird" in named(x, "Organization")
    assert "Ho" not in named(x, "Organization")
    assert speakers(x, "hardest hit") == {"Ferdinand Cabrera"}


def test_a_term_after_a_noun_for_words_is_no_quotation_and_according_to_x_owns_the_quote_after(tmp_path, rules):
    x = read(tmp_path, rules, "Ryota Nishimura accepted the rank, using the set phrase \"fudo shin\" in the "
                              "customary speech.\n\n"
                              "His brother, Sam Carver, watched. Martin Carver stood and then, according to Sam, "
                              "\"had a little cry behind his sunglasses\".\n")
    assert not any("fudo shin" in q.text for q in x.quotes)
    assert speakers(x, "little cry") == {"Sam Carver"}


def test_bylines_without_by(tmp_path, rules):
    def people(text):
        path = tmp_path / "b.txt"
        path.write_text(text, encoding="utf-8")
        return named(extract(load_article(path), rules))
    assert "Lindiwe Sithole" in people(" date 2025-12-02\nSpringbok captain calls time on Test career\n\n"
                                       "Lindiwe Sithole\n\nThe captain announced his retirement on Monday.\n")
    assert "Ravi Menon" in people(" date 2025-12-04\nCarver hundred lifts New Zealand\n\nRavi Menon\nHamilton\n\n"
                                  "New Zealand closed on 318 for 5.\n")
    assert "Claire Okafor" in people(" date 2025-11-13\nHalvorsen taps founder's daughter\n\nCLAIRE OKAFOR\n"
                                     "MINING REPORTER\n\nThe board met on Monday.\n")
    assert "Carmela Bautista-Ronquillo" in people(
        " date 2025-10-22\nCouple rescued\n\nBy: Carmela Bautista-Ronquillo - Inquirer Visayas / 05:14 AM October "
        "22, 2025\n\nThe couple clung to a beam.\n")
    # a name alone as the last paragraph is no byline under the headline
    assert "Lindiwe Sithole" not in people(" date 2025-12-02\nSpringbok captain calls time\n\nThe captain announced "
                                           "his retirement.\n\nLindiwe Sithole\n")


def test_an_acronyms_possessive_before_a_role_names_the_person_after_it(tmp_path, rules):
    x = read(tmp_path, rules, "Responding, the APC's state publicity secretary, Abiodun Oyerinde, said the opposition "
                              "had lost.\n")
    assert "Abiodun Oyerinde" in named(x)


def test_what_the_new_rules_must_not_take(tmp_path, rules):
    # a place, a label or the story's subject alone under the headline is no writer
    def people(first, body):
        path = tmp_path / "c.txt"
        path.write_text(f" date 2025-12-02\nA headline here\n\n{first}\n\n{body}\n", encoding="utf-8")
        return named(extract(load_article(path), rules))
    assert "Cape Town" not in people("Cape Town", "Heavy rain lashed Cape Town on Monday as the town flooded.")
    assert "Breaking News" not in people("Breaking News", "The news broke on Monday.")
    assert "Lewis Hamilton" not in people("Lewis Hamilton", "Hamilton won the race on Sunday.")
    x = read(tmp_path, rules, "The paintings were valued by Tom Hale and Ann Lee, the auctioneers, in March.\n\n"
                              "FIFA's main sponsor, Adidas, said it was concerned.\n\n"
                              "Barangay Kagawad Maria Santos was among those injured, police said.\n\n"
                              "\"We are tired,\" Mevrou Smit said.\n\n"
                              "The deal is only a short-term \"band-aid,\" Senator Maria Lopez said on Tuesday.\n\n"
                              "According to Tom Hale, \"the vote was rigged,\" a spokesman for the council said.\n")
    assert {"Ann Lee", "Maria Santos"} <= named(x)
    assert "Adidas" not in named(x)
    assert "Ann Lee" not in named(x, "Organization")
    assert speakers(x, "We are tired") == {"Smit"}
    assert speakers(x, "band-aid") == {"Maria Lopez"}
    assert speakers(x, "vote was rigged") == set()
    y = read(tmp_path, rules, "Mayor Tom Hale opened the meeting.\n\nThe former mayor walked out, saying the plan "
                              "was \"a joke.\"\n")
    assert speakers(y, "a joke") == set()


def test_a_second_child_after_and_and_twins_are_children(tmp_path, rules):
    x = read(tmp_path, rules, "Helena Whitcomb testified on Tuesday. Her husband, David Whitcomb, sat between the "
                              "couple's daughter, Nora, 17, and son, Eli, 14.\n\n"
                              "Maria Lopez, 52, spoke on Monday. Her daughter, Ana, 17, and son, Luis, 14, sat behind her. "
                              "Her son, Tom, and daughter-in-law, Amy Ruiz, came too.\n\n"
                              "Schalk-Willem Opperman announced his retirement. His wife, Anri, and their twins, Mia and "
                              "Marnus, sat in the front row.\n")
    found = ties(x)
    assert {("Eli", "parent", "David Whitcomb"), ("Eli", "parent", "Helena Whitcomb"),
            ("Luis", "parent", "Maria Lopez"), ("Mia", "parent", "Schalk-Willem Opperman"),
            ("Marnus", "parent", "Anri")} <= found
    assert not any("Amy Ruiz" in (a, b) and p == "parent" for a, p, b in found)


def test_a_couple_who_are_parents_to_a_child(tmp_path, rules):
    x = read(tmp_path, rules, "Tom Hadley and Maddie Carraway married in May. The pair are already parents to "
                              "daughter June Ellery, who turned 2 in March.\n\n"
                              "Tom Reed and Ann Reed moved in 2001. The couple are parents of two.\n")
    found = ties(x)
    assert {("June Ellery", "parent", "Tom Hadley"), ("June Ellery", "parent", "Maddie Carraway")} <= found


def test_a_role_speaker_is_the_one_introduced_with_the_noun_so_far(tmp_path, rules):
    # an attorney introduced after the quotation is no one the reader could have meant
    x = read(tmp_path, rules, "County Attorney Dana Whitcomb said her office would review the case.\n\n"
                              "\"She was on the shoulder, where she had every right to be,\" the county attorney said.\n\n"
                              "Kimbrough's attorney, Mitchell Greer, said his client would plead not guilty.\n")
    assert speakers(x, "every right to be") == {"Dana Whitcomb"}
