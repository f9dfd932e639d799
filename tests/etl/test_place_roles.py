"""The role of a place name in its sentence (data/rules/place_*.csv through etl.places.roles):
governments, names inside group and outlet names, reporting places, districts of a larger
place, reference points, and region phrases with their precision and radius. Sentences are
the tests' own."""

from __future__ import annotations

import pytest

from etl.places import roles
from etl.problems import InputError


def _role(sentence: str, name: str) -> str | None:
    start = sentence.index(name)
    return roles.role_of(sentence, start, start + len(name))


def _region(sentence: str, name: str) -> roles.Region | None:
    start = sentence.index(name)
    return roles.region_of(sentence, start, start + len(name), name)


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # a capital or a country standing for its government
        ("Baghdad has repeatedly denied any role in the raid.", "Baghdad", "government"),
        ("Tehran warned that it would respond.", "Tehran", "government"),
        ("Beirut's foreign ministry summoned the envoy.", "Beirut", "government"),
        ("Amman’s army closed the crossing.", "Amman", "government"),
        ("Washington, which backs the SDF, sent more troops.", "Washington", "government"),
        # part of the name of a group or an outlet
        ("Fighters of the Homs Liberation Front withdrew.", "Homs", "name_part"),
        ("Activists of the Raqqa Media Center reported shelling.", "Raqqa", "name_part"),
        ("The local outlet Hasakah 24 published photos.", "Hasakah", "name_part"),
        ("A unit of Jaish al-Idlib moved north.", "Idlib", "name_part"),
        # ... or of an aid or rescue group
        ("Nine died, according to the White Helmets rescue service.", "White", "name_part"),
        ("Two were hurt, the Idlib Civil Defence rescue service said.", "Idlib", "name_part"),
        ("Food came from the Sham Relief Society on Monday.", "Sham", "name_part"),
        ("Rescue workers reached Douma on Monday.", "Douma", None),
        # where the news was given
        ("The minister told reporters in Ankara that talks went on.", "Ankara", "reporting"),
        ("Journalists spoke in Aden about the blockade.", "Aden", "reporting"),
        ("The health ministry in Aden said 4 people died.", "Aden", "government"),  # dropped
        ("Six were killed, a surgeon at the Binnish hospital said.", "Binnish", "reporting"),
        ("Shelling went on, our correspondent in Qamishli reported.", "Qamishli", "reporting"),
        ("Medics at Saraqib field hospital counted 11 wounded.", "Saraqib", "reporting"),
        # an area named with the larger place it lies in (a district so named is C14's since
        # session 30: the district, Homs only locating it, tests/etl/test_places_s30.py)
        ("Shells fell on the Bab Amr area of Homs on Friday.", "Bab Amr", "subarea"),
        # ordinary event places
        ("Clashes broke out in Homs on Friday.", "Homs", None),
        ("Homs was shelled again.", "Homs", None),
        ("Troops entered Raqqa media offices.", "Raqqa", None),  # lower case: no outlet name
        ("12 people were killed in Hasakah 24 hours after the raid.", "Hasakah", None),
    ],
)
def test_roles(sentence, name, role):
    assert _role(sentence, name) == role


@pytest.mark.parametrize(
    ("sentence", "name", "label", "precision", "radius"),
    [
        (
            "Shelling hit villages in the southern countryside of Homs.",
            "Homs",
            "southern countryside of Homs",
            3,
            40,
        ),
        ("Rockets fell across the countryside of Daraa.", "Daraa", "countryside of Daraa", 3, 40),
        ("Clashes in the western Raqqa countryside went on.", "Raqqa", "Raqqa countryside", 3, 40),
        ("A mine exploded north-west of Tadmur.", "Tadmur", "north-west of Tadmur", 2, 20),
        ("Troops advanced east of the town of Sukhnah.", "Sukhnah", "east of Sukhnah", 2, 20),
        ("A shepherd died near Taftanaz.", "Taftanaz", "near Taftanaz", 2, 10),
        ("Fighting on the outskirts of Deraa went on.", "Deraa", "outskirts of Deraa", 2, 10),
        (
            "Gunfire in the Sanamayn area and its vicinity.",
            "Sanamayn",
            "Sanamayn and its vicinity",
            2,
            10,
        ),
        ("Raids on hideouts in the Hamrin area.", "Hamrin", "Hamrin area", 2, 10),
        ("Strikes hit hilltops around Kabani.", "Kabani", "villages around Kabani", 2, 10),
        ("Strikes on Maarat district.", "Maarat", "Maarat district", 3, 25),
        ("Clashes in Hajjah province.", "Hajjah", "Hajjah province", 3, 60),
    ],
)
def test_region_phrases(sentence, name, label, precision, radius):
    region = _region(sentence, name)
    assert region == roles.Region(label, precision, float(radius))


@pytest.mark.parametrize(
    "sentence",
    [
        "Clashes broke out in Tadmur on Friday.",
        "Tadmur residents fled.",
        "The town of Tadmur fell.",
    ],
)
def test_the_town_itself_is_no_region(sentence):
    assert _region(sentence, "Tadmur") is None


@pytest.mark.parametrize(
    ("between", "reference"),
    [
        (", a village north-east of ", True),
        (", south of ", True),
        (", a Kurdish town near ", True),
        (", some 20 km west of ", True),
        (" and ", False),
        (" on Monday, then shelled villages east of ", False),
    ],
)
def test_reference_points(between, reference):
    assert roles.is_reference(between) is reference


def test_locative_slots_skip_modifiers_and_stop_at_other_words():
    text = "Clashes in rebel-held northern Idlib"
    assert roles.locative(text, text.index("Idlib"))
    text = "Government troops pounded downtown Saraqib"
    assert roles.locative(text, text.index("Saraqib"))
    text = "Residents of Idlib"
    assert roles.locative(text, text.index("Idlib"))  # 'of' is a place slot
    text = "Rebels led by Idlib"
    assert not roles.locative(text, text.index("Idlib"))


def test_titles_and_never_places():
    text = "SDF spokesman Kino Gabriel said"
    assert roles.after_title(text, text.index("Kino"))
    assert roles.never_a_place("october") and not roles.never_a_place("hama")


def test_broken_tables_are_named_by_file_and_line(tmp_path):
    (tmp_path / "place_cues.csv").write_text(
        "word,role\nin,locative\nnear,nearby\n", encoding="utf-8"
    )
    (tmp_path / "place_roles.csv").write_text(
        'role,side,pattern\ngovernment,after,"^\\s+said"\ngovernment,inside,"x"\n', encoding="utf-8"
    )
    regions = tmp_path / "place_regions.csv"
    regions.write_text(
        "side,precision,radius_km,label,pattern\nbefore,2,5,x,(unclosed\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as error:  # every table checked before the error
        roles.place_rules(tmp_path)
    text = str(error.value)
    for where in ("place_cues.csv:3", "place_roles.csv:3", "place_regions.csv:2"):
        assert where in text
    regions.write_text(
        "side,precision,radius_km,label,pattern\nbefore,1,10,near {name},near\\s+$\n"
        "after,2,ten,{name} area,^\\s+area\n",
        encoding="utf-8",
    )
    roles.place_rules.cache_clear()
    with pytest.raises(InputError) as error:
        roles.place_rules(tmp_path)
    assert "place_regions.csv:2" in str(error.value) and "place_regions.csv:3" in str(error.value)


@pytest.mark.parametrize(
    ("sentence", "refers"),
    [
        ("Shells hit the old city on Monday.", True),
        ("Rockets hit the north of the city.", True),
        ("Gunmen stormed the town at dawn.", True),
        ("Residents of the besieged camp went hungry.", True),
        ("The UN warned of famine.", False),
        ("Citizens were told to leave.", False),
    ],
)
def test_sentences_that_point_back_to_a_place(sentence, refers):
    assert roles.refers_back(sentence) is refers


@pytest.mark.parametrize(
    ("sentence", "name", "slot"),
    [
        ("A mine went off in Serê Kaniyê (Ras al-Ain) on Monday.", "Ras al-Ain", True),
        ("Jets bombed a bakery in Kobanê (Ain al-Arab) overnight.", "Ain al-Arab", True),
        ("Jets bombed a bakery in Kobanê ( Ain al-Arab) overnight.", "Ain al-Arab", True),
        ("So said Hayat Tahrir al-Sham (HTS) on Monday.", "HTS", False),
        ("A car bomb went off in west Mosul.", "Mosul", True),  # a compass word before it
        ("The monitor (SOHR) said so.", "SOHR", False),
    ],
)
def test_a_places_other_name_in_brackets_shares_its_slot(sentence, name, slot):
    assert roles.locative(sentence, sentence.index(name)) is slot


def test_the_before_patterns_are_found_at_word_starts_by_one_search():
    """rules.before_words finds a 'before' pattern where the word-by-word loop does."""
    from etl.places.roles import _ends_with, place_rules

    rules = place_rules()
    words = ["told", "reporters", "in", "near", "the", "town", "of", "north", "Jaish", "al-",
             "countryside", "outskirts", "said", "\n", "\t", "", "x"]  # fmt: skip
    pieces = [" ".join(words[i : i + n]) for n in range(1, 5) for i in range(len(words))]
    pieces += ["xnorth of ", "-north of ", "(north of ", "staff at the ", "xJaish al-"]
    for before in pieces + [p + " " for p in pieces] + [" " + p for p in pieces]:
        plain = _ends_with(rules.any_before, before)
        assert _ends_with(rules.any_before, before, rules.before_words) == plain, before
        assert _ends_with(rules.before_at_word, before, rules.before_words) == plain, before
    assert _ends_with(rules.any_before, "fighting near ", rules.before_words)
    assert not _ends_with(rules.any_before, "fighting in Hama and ", rules.before_words)


def test_an_area_of_a_country_keeps_the_town_and_a_hamlet_in_a_towns_area_is_located_by_it(
    extractor,
):
    sentence = "Raiders burned the Tenenkou area of central Mali on Friday."
    # the table reads 'area of central Mali' as a subarea; the resolver sees that Mali is a
    # country, not a larger town, and keeps Tenenkou (etl.places.placing)
    hits, _ = extractor.resolver.find(sentence, 0, len(sentence), {"ML": 3}, ())
    assert [h.text for h in hits] == ["Tenenkou"]
    assert _role("Shells fell on the Bab Amr area of Homs.", "Bab Amr") == "subarea"
    # a compass word before the larger place: 'the al-Hamdaniya quarter of western Aleppo'
    assert _role("Rockets hit the Hamdaniya quarter of western Aleppo.", "Hamdaniya") == "subarea"
    # a district is C14's since session 30 (hP18): the larger place after it, a compass word
    # or a possessive before it too, only locates it (tests/etl/test_places_s30.py)
    assert _role("Shells fell on the Bab Amr district of Homs.", "Bab Amr") is None
    assert roles.is_reference(" district of western ")
    assert roles.is_reference(" sub-district of Yemen's ")
    assert roles.is_reference(", a Dogon hamlet in the ")
    assert not roles.is_reference(", in the ")  # ', in the Segou region': a region, not a town


@pytest.mark.parametrize(
    ("before", "quiet"),
    [
        ("Shells were fired from ", False),  # a keyed pattern ('from') that matches
        ("Rockets were launched at dawn from the town of ", False),
        ("Fighting raged in the villages near ", False),  # an unkeyed pattern matches
        ("Clashes erupted 10 km SE of ", False),
        ("The SDF said its fighters entered ", True),  # a keyed word ('said'), no match
        ("A quiet day in ", True),  # neither
        ("Clashes erupted 5 km ea\u017ft of ", False),  # a long s: 'east' only to re.I
        ("The officials told\nreporters at ", False),  # a line break read as a space
    ],
)
def test_the_quick_words_test_agrees_with_every_before_pattern(before, quiet):
    """_quiet tries only the 'before' patterns whose words the window holds: it must answer
    as all of them together do."""
    rules = roles.place_rules()
    every = rules.before_at_word or rules.any_before
    assert (not roles._ends_with(every, before, rules.before_words)) is quiet
    assert roles._quiet(rules, before, " was hit.") is quiet
