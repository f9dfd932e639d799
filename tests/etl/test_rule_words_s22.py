"""Session 22 (hR10): rule words out of code (issue 8). The word lists trigger_fold.py and
triggers.py read, the type folds and attack_targets.py's class sides are tables
(data/rules/trigger_words.csv, trigger_folds.csv, attack_targets.csv); the regular expressions
built from them are the ones the code held before the move, and a bad row is named by its
file and line."""

from __future__ import annotations

import re

import pytest

from etl import merge
from etl.extraction import (
    actors,
    attack_targets,
    carry,
    figures,
    flows,
    toll_labels,
    tolls,
    trigger_fold,
    triggers,
)
from etl.extraction.rules import read_lists
from etl.places import evidence, placing, routes
from etl.problems import InputError

#: the expressions as written in code before the move (main at 30615a1)
BEFORE = {
    "_BY_WEAPON": (
        r"\b(?:killed|died)\s+(?:by|in)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2}(?:bombs?|blasts?|"
        r"explosions?|IEDs?|mines?|strikes?|air ?strikes?|shells?|shelling|rockets?|missiles?|"
        r"mortars?|drones?|booby[- ]traps?)\b"
    ),
    "_CIVILIAN_VICTIMS": (
        r"\s+(?:[\w-]+\s+)?(?:civilians?|residents|villagers|farmers|worshippers|mourners|shoppers|"
        r"passengers|travell?ers|pupils|schoolchildren|children|women|fishermen|herders|shepherds|"
        # session 30 (hX18, 8a279f9): workers, firefighters, drivers, protesters unarmed
        r"workers|firefighters|drivers?|protesters)\b"
    ),
    "_ARMED": (
        r"\b(?:soldiers?|troops|police\w*|gendarmes?|fighters|militants|guards?|military|army|"
        r"base|post|detachment|checkpoint|barracks|militia\w*)\b"
    ),
    "_ONE_SIDED": (
        r"(?:attack(?:ed|s)?|storm(?:ed|s)?|ambush(?:ed|es)?|raid(?:ed|s)?|snipers?(?: fire)?)\Z"
    ),
    "_PASSIVE_AFTER": (
        r"\s*(?:[,;:.]|\Z|(?:outside|near|in|at|on|again|overnight|by|while|during|early|late|"
        r"last|yesterday|today|from)\b)"
    ),
    "_KILLING_AFTER": r"\b(?:killing|killed|kills|shot dead|shot|wounding)\b",
    "_EXECUTED": r"\b(?:executed|beheaded|hanged)\b",
    "_EXECUTION": r"execut|behead|hang|hung",
    "_ATTACKERS": r"attackers?|assailants?",
    "_ATTACK_VERB": r"(?:attack(?:ed|s)?|storm(?:ed|s)?|raid(?:ed|s)?)\b",
    "_BY_BEFORE": r"\b(?:killed|wounded|injured|hit|shot)\s+by\s+(?:the\s+)?\Z",
    "_NOMINAL": r"snipers?",
    "_OF_BEFORE": (
        r"\b(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|some|many|most|all|several|each|"
        r"none|any|dozens|scores|hundreds|bod(?:y|ies)|\d+)\s)[\w-]+\s+of\s+"  # session 32 (hN22): body
        r"(?:(?:an?|the|their|its|his|her)\s+)?"
        r"(?:[\w-]+\s+)?\Z"
    ),
}


@pytest.mark.parametrize("name", sorted(BEFORE))
def test_the_expressions_built_from_the_table_are_those_of_the_code(name):
    assert getattr(trigger_fold, name).pattern == BEFORE[name]


def test_the_fighters_deaths_and_the_casualties_read_the_table():
    died = trigger_fold._COMBATANTS_DIED.pattern
    # session 30: hX18 (8a279f9) added members of a force and commanders after 'rangers?';
    # hC19 (C16) members of named forces and 'elements', 'assassinated' among the passives;
    # session 31: hX21 (7d35cb0) an armed group's members by its name after 'elements' (this
    # assertion was not updated with it), hN21 a security branch's members after that
    assert "|gendarmes?|rangers?|members? of (?:an? |the |their |its )?" in died
    # session 33 (hX23): the group's name in capitals ('IS') and its men by rank, quoted too
    assert "|elements?|(?:Daesh|ISIS|ISIL|(?-i:IS)|Islamic State|" in died
    assert (
        "(?:members?|operatives?|emirs?|leaders?|commanders?|officials?|walis?)\\b|members? of "
        "(?:an? |the |their |its )?" in died
    )
    # session 32 (hN22): a force's member by its initials after 'of' ('a member of the SDF')
    assert "security\\b|members? of (?:the )?(?!(?:UN|NGO|ICRC|" in died
    assert "(?-i:[A-Z]{2,6})\\b(?![-'’])|(?-i:[A-Z]{2,6})\\s+(?:members?|commanders?))" in died
    assert "(?:killed|shot dead|shot and killed|gunned down|assassinated)|died)" in died
    assert "(?:killed|martyred)\\b" in died
    assert triggers._CASUALTIES_AFTER.pattern.startswith(
        r"\b(?:dead|wounded|injured|bodies|casualties)\b[^.;:]*?\b(?:after|following)\s+"
    )
    assert frozenset({"explosion", "airstrike", "shelling"}) == triggers._WEAPONS
    assert {
        "killing": {"airstrike", "shelling", "explosion", "clash"},
        "deaths": {"airstrike", "shelling", "explosion", "clash", "killing"},
        "siege": {"clash", "killing"},
        "displacement": {"evacuation"},
    } == trigger_fold.SUBSUMED_BY
    assert list(trigger_fold.SUBSUMED_BY) == ["killing", "deaths", "siege", "displacement"]
    # the tally's plain words find what its expression finds
    assert set(trigger_fold._TALLY_WORDS) >= {"stand", "stood", "rose", "risen", "climbed"}


def test_the_class_sides_and_whole_sides_come_from_attack_targets_csv():
    assert attack_targets._CLASS_SIDE == {
        "civilians": "unarmed", "fighters": "armed", "troops": "armed", "families": "unarmed"
    }  # fmt: skip (families: session 24)
    assert (
        frozenset({"forces", "force", "police", "personnel", "commander", "commanders"})
        == attack_targets._SIDE_NAMES
    )
    assert attack_targets.SIDES["soldiers"] == "armed"  # a class's word
    assert attack_targets.SIDES["market"] == "unarmed"  # a target word
    assert "forces" not in attack_targets.ARMED_MEN and "forces" in attack_targets.SIDES


def test_a_bad_trigger_words_row_is_named_by_its_line(tmp_path):
    (tmp_path / "words.csv").write_text(
        "# a comment\nlist,pattern\nweapon,bombs?\nwepon,mines?\nweapon,rock(ets\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_lists("words", ["weapon", "sniper"], tmp_path)
    text = str(caught.value)
    assert "words.csv:5" in text and "bad pattern" in text  # the regex that does not compile
    (tmp_path / "names.csv").write_text(
        "list,pattern\nweapon,bombs?\nwepon,mines?\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        read_lists("names", ["weapon", "sniper"], tmp_path)
    text = str(caught.value)
    assert "names.csv:3" in text and "'wepon'" in text  # a list no code reads
    assert "'sniper' has no row" in text  # a list the code needs, empty
    (tmp_path / "ok.csv").write_text("list,pattern\nweapon,bombs?\nweapon,mines?\n", "utf-8")
    assert read_lists("ok", ["weapon"], tmp_path) == {"weapon": ("bombs?", "mines?")}


def test_a_bad_fold_or_side_row_is_named_by_its_line(tmp_path):
    (tmp_path / "trigger_folds.csv").write_text(
        "relation,event_type,other\nsubsumed_by,killing,clash\nsubsumes,deaths,clash\n", "utf-8"
    )
    with pytest.raises(ValueError, match=r"trigger_folds.csv:3: relation must be"):
        trigger_fold._folds(tmp_path)
    (tmp_path / "attack_targets.csv").write_text(
        "side,word,kind\nunarmed,house\narmed,fighters,class\narmed,soldiers,klass\n", "utf-8"
    )
    with pytest.raises(ValueError, match=r"attack_targets.csv:4: kind must be"):
        attack_targets._table(tmp_path)
    other = tmp_path / "other"  # (tables are read once a path)
    other.mkdir()
    (other / "attack_targets.csv").write_text(
        "side,word,kind\nunarmed,house\narmed,fightres,class\n", "utf-8"
    )
    with pytest.raises(ValueError, match=r"attack_targets.csv:3: 'fightres' is no class"):
        attack_targets._table(other)


def test_the_place_words_build_the_expressions_the_code_held():
    assert triggers._TOLD.pattern == (
        r"\s+(?:(?:that|which)\s+(?:[\w'’-]+\s+){0,3}?)?(?:struck|hit|exploded|went off|detonated|"
        r"killed|ripped through|tore through|brought down|destroyed|flattened|levell?ed)\b"
    )
    assert triggers._SPEECH.pattern == "announced|declared|pledged|warned|said|stated|added"
    assert evidence._SPONSOR_END.pattern == (
        r"-(?:backed|led|supported|sponsored|allied|funded|trained)$"
    )
    assert evidence._AIR_POWER_AFTER.pattern == (
        r"\s+(?:(?:war)?planes?|jets?|aircraft|air\s+force|drones?|bombers?|helicopters?|gunships?|"
        r"missiles?|air\s*strikes?|air\s+raids?|advisers|advisors|mercenaries|contractors)\b"
    )
    assert evidence._MISSION_AFTER.pattern == (
        r"(?:\s+|['’]s\s+)(?:consulates?|embass(?:y|ies)|ambassadors?|legations?|consul)\b"
    )
    assert evidence._ADMIN_AFTER.pattern == r" (region|province|state|governorate|district)\b"
    assert (
        frozenset("lake gulf river sea bay mount basin desert strait valley of".split())
        == evidence._FEATURES
    )
    assert flows.DESTINATION.pattern.startswith(
        r"\b(?:taken|bused|bussed|trucked|ferried|moved|transferred|evacuated|whisked|brought|"
        r"sent|driven|relocated|fled|escaped|transported|headed)\b[^.;:!?]{0,60}?\bto\s+"
    )


def test_the_third_moves_keep_their_words_and_expressions():
    # (toll labels, casualty triggers, a killing's manner, merge's toll triggers, the name
    # suffixes and road words)
    assert tolls._MANNER.pattern == (
        r"\b(?:shot dead|shoots? dead|gunned down|guns? down|executed|executes?|beheaded|beheads?|"
        r"hanged|to death)\b"
    )
    assert (
        frozenset(
            "killed killing kills died dies dead death deaths fatality fatalities toll perished "
            "slain casualties lost".split()
        )
        == tolls.CASUALTY_WORDS
    )
    assert (
        frozenset({"killed", "died", "shot dead", "gunned down", "killing", "killings"})
        == merge._TOLL_WORDS
    )
    assert placing._SUFFIX.pattern == (
        r"[\s,]*(?:province|governorate|city|town|village|camp|district|region|"
        r"countryside|outskirts|suburbs?|area)\b|,\s*(?:Syria|Iraq)\b"
        # (session 25: the area a name lies in, place_words.csv area_after; session 31 hR21:
        # the article's prefix is place_words.csv's 'article', evidence.ARTICLE_PREFIX)
        r"|\s*[(,]\s*(?:(?:a[lnrsdtz]|e[lnrsdtz])-)?(?-i:[A-Z])[\w'’-]*(?:\s+[\w'’-]+){0,2}?\s+"
        r"(?:province|governorate|district|sub-?district|region|neighbou?rhood|quarter)\b"
    )
    assert placing._ADMIN_END.pattern == r"\s(?:province|governorate|city|district|region)$"
    assert routes._ROAD_AFTER.pattern == r"\s+(?:road|rd|highway|motorway|route)\b"
    assert len(toll_labels.LABELS) == 31  # (session 35: 'bodies', 'bodies received', ...)
    assert list(toll_labels.LABELS.items())[:3] == [
        ("fat", "killed"), ("fat.", "killed"), ("fatal", "killed")
    ]  # fmt: skip
    assert toll_labels.LABELS["killed in action"] == "killed"
    assert toll_labels.LABELS["evac."] == "people_evacuated"
    assert toll_labels._STEMS == (
        "fat", "dead", "death", "kill", "kia", "lives", "toll", "inj", "wound", "wia", "displ",
        "idp", "evac", "victim", "martyr",
        "bodies",  # (session 35: a label's own first word, as the table's newer labels gate)
    )  # fmt: skip


def test_a_label_of_an_unknown_quantity_is_named_by_its_line(tmp_path):
    (tmp_path / "figure_labels.csv").write_text(
        "label,quantity\nfat,killed\nkia,kiled\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"figure_labels.csv:3: quantity 'kiled' is none of"):
        toll_labels._labels(tmp_path)


def test_the_fourth_moves_keep_their_expressions():
    assert actors._VERB.pattern == (
        r"\s(?:said|says|told|reported|tweeted|announced|stated|added|claimed|confirmed|estimated|"
        r"counted|warned|wrote|noted|explained|insisted|acknowledged|alleged)\b"
    )
    assert actors._TITLE_END.pattern == (
        r"\b(?:spokesman|spokeswoman|spokesperson|official|chief|head|commander|minister|secretary|"
        r"director|leader|envoy)$"
    )
    assert actors._SAID_WHO.pattern.startswith(r"[,”\"]\s*(?:said|says|added|told reporters)\s+")
    assert actors._SAID_WHO.pattern.endswith(
        r"(?:,\s*(?:adding|saying|noting|citing)\b[^;]*)?[.”\"]*\s*$"
    )
    # (session 32, hX22: 'infiltrators', 'their dead' added to trigger_words.csv attacker_noun)
    assert carry._OTHER_GROUP.pattern == (
        r"\b(?:attackers?|assailants?|gunm[ae]n|militants|jihadists|insurgents|bombers|terrorists"
        r"|infiltrators?|their dead)\b"
    )
    assert frozenset({"left", "departed", "exited"}) == carry.LEAVING
    assert tolls._VERB_BEFORE.pattern == (
        r"\b(?:killing|killed|kills|neutrali[sz]ing|neutrali[sz]ed|slaying|slew)\s+\Z"
    )
    assert tolls._WHOLE.pattern == (
        r"\b(?:people|persons|individuals|fatalities|deaths|lives|casualties|victims)\b"
    )


def test_the_restated_toll_words_are_the_tables():
    """carry.add_other_side's words of a toll told again moved to trigger_words.csv
    (restates_toll, session 32 hR22): the same expression, read from the table."""
    words = trigger_fold.WORDS["restates_toll"]
    # the same expression as the table's words as whole words (written letter first since
    # session 36's hS26: `alternation.word_start_pattern`), matched on each word and no other
    whole = re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b", re.IGNORECASE)
    probes = [*words, *(w.capitalize() for w in words), *(w + "s" for w in words),
              *("a" + w for w in words), "the toll rose to 12", "totally", "rosette"]  # fmt: skip
    for text in probes:
        found = [m.group() for m in carry._RESTATES.finditer(text)]
        assert found == [m.group() for m in whole.finditer(text)], text
    assert tuple(words[:2]) == ("toll", "total") and "bringing" in words


def test_the_participles_phrase_end_words_are_the_tables():
    """The words ending a participle's phrase between a count and its verb moved from
    figures._AFTER to figure_subject_words.csv (phrase_end, session 32 hR22)."""
    assert tuple(figures._SUBJECT_WORDS["phrase_end"]) == (
        "and", "but", "when", "as", "while", "after", "before",
    )  # fmt: skip
    assert r"ing(?:\s+(?!(?:and|but|when|as|while|after|before)\b)" in figures._AFTER.pattern


def test_the_parts_follow_words_are_the_tables():
    """carry._added's words after a whole's count that say its parts follow moved to
    trigger_words.csv (parts_follow, session 32 hR22): the same expression."""
    assert carry._PARTS.pattern == r"\b(?:among|including|of\s+(?:them|whom))\b"
    assert tuple(trigger_fold.WORDS["parts_follow"])[:2] == ("among", "including")
