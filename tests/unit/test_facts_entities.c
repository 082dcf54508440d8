/* test_facts_entities.c — unit tests of the facts stage's names
 * (src/facts/entities.c): types from the text's own evidence, roles, short
 * forms and aliases resolved to one name, what is not a name. The texts are
 * invented (tests/fixtures/facts/). */
#include <string.h>

#include "facts/facts.h"
#include "facts_items.h"
#include "test.h"

TEST(facts_entities_roles_and_short_forms)
{
    sl_fact_items *items = facts_of_file("tests/fixtures/facts/harbour.txt", NULL);
    const sl_fact_item *e = NULL;
    size_t varnholt = 0, places = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++) {
        if (e->about && !strcmp(e->about, "Ilse Varnholt")) {
            varnholt++;
            CHECK_STR(e->detail, "person");
        }
        if (!strcmp(e->text, "Velmar"))
            places += !strcmp(e->detail, "place");
    }
    CHECK(varnholt >= 3); /* "Ilse Varnholt" then "Varnholt" twice, resolved */
    CHECK_INT(places, 2); /* "the port of Velmar", and "Velmar harbour" in the headline */
    sl_fact_items_free(items);
    items = facts_of_text("Talks in Norway and Chile went on. Defense Minister Aurel Vintch "
                         "arrived late; Vintch said little.\n", NULL);
    size_t norway = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++) {
        if (!strcmp(e->text, "Norway") || !strcmp(e->text, "Chile"))
            norway += !strcmp(e->detail, "place"); /* iso-codes gazetteer */
        if (!strcmp(e->text, "Aurel Vintch"))
            CHECK_STR(e->role, "Defense Minister");
        if (!strcmp(e->text, "Vintch"))
            CHECK_STR(e->about, "Aurel Vintch");
    }
    CHECK_INT(norway, 2);
    sl_fact_items_free(items);
}

/* A country no gazetteer knows is a place by what only a state has
 * ("Dravenia's water minister", "Oskany's parliament"), also at a sentence's
 * start and then wherever it is named; a person's possessive is no cue. */
TEST(facts_entities_state_possessive_is_a_place)
{
    sl_fact_items *items = facts_of_text(
        "Dravenia's water minister, Ines Holt, arrived on Monday. Talks with Dravenia resume "
        "in May, and Oskany's parliament will vote first. Mira Tallis's lawyer said nothing.\n",
        NULL);
    const sl_fact_item *e = NULL;
    size_t dravenia = 0, oskany = 0, tallis = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++) {
        dravenia += !strcmp(e->text, "Dravenia") && !strcmp(e->detail, "place");
        oskany += !strcmp(e->text, "Oskany") && !strcmp(e->detail, "place");
        tallis += !strcmp(e->text, "Mira Tallis") && !strcmp(e->detail, "person");
    }
    CHECK_INT(dravenia, 2);
    CHECK_INT(oskany, 1);
    CHECK_INT(tallis, 1);
    sl_fact_items_free(items);
}

/* Entities come from the one name finder: a possessive ends a name, aliases
 * and names in capitals are listed under one name, short forms resolve. */
TEST(facts_entities_from_the_name_finder)
{
    sl_fact_items *items = facts_of_text(
        "Rockets fired by Lebanon's Hezbollah fell near the border, officials in the United "
        "States said. Secretary of State Antony Blinken flew to TEL AVIV. The U.S. envoy "
        "met him in Tel Aviv, and the US said Blinken would stay.\n", NULL);
    const sl_fact_item *e = NULL;
    size_t us = 0, tel_aviv = 0, blinken = 0, hezbollah = 0, lebanon = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++) {
        CHECK(!strstr(e->text, "Lebanon's Hezbollah")); /* no person "Lebanon's Hezbollah" */
        hezbollah += !strcmp(e->text, "Hezbollah") && !strcmp(e->detail, "organization");
        lebanon += !strcmp(e->text, "Lebanon") && !strcmp(e->detail, "place");
        if (!strcmp(e->text, "U.S.") || !strcmp(e->text, "US") || !strcmp(e->text, "United States"))
            us += e->about && !strcmp(e->about, "United States");
        if (!strcmp(e->text, "TEL AVIV") || !strcmp(e->text, "Tel Aviv"))
            tel_aviv += e->about && !strcmp(e->about, "Tel Aviv");
        if (!strcmp(e->text, "Blinken"))
            blinken += e->about && !strcmp(e->about, "Antony Blinken");
    }
    CHECK_INT(us, 3);
    CHECK_INT(tel_aviv, 2);
    CHECK_INT(blinken, 1);
    CHECK_INT(hezbollah, 1); /* a country's possessive before one word: an organisation */
    CHECK_INT(lebanon, 1);
    sl_fact_items_free(items);
}

/* A title without a full stop and the line after it make one sentence:
 * the title's capitals still say nothing ("Checks Into Rehab" is no name),
 * its names are the body's, and a name stops at the line's end. */
TEST(facts_entities_title_lines)
{
    sl_fact_items *items = facts_of_text(
        "Karin Holm Checks Into Rehab at Lakeside Clinic\n"
        "Karin Holm checked into the Lakeside Clinic on Thursday , her lawyer said .\n"
        "Her manager spoke to the Oscars\nFri Aug 2 .\n", NULL);
    const sl_fact_item *e = NULL;
    size_t holm = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++) {
        CHECK(!strstr(e->text, "Checks") && !strchr(e->text, '\n'));
        holm += !strcmp(e->text, "Karin Holm") && !strcmp(e->detail, "person");
    }
    CHECK_INT(holm, 2);
    sl_fact_items_free(items);
    /* a person by its name's shape ("Harbour Rovers" before "said") that
     * another mention shows an organisation ("the Rovers") is one */
    items = facts_of_text("Harbour Rovers said the match would go ahead. The fans of the Rovers "
                         "were pleased.\n", NULL);
    size_t k = 0;
    for (; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++)
        CHECK_STR(e->detail, "organization");
    CHECK_INT(k, 2);
    sl_fact_items_free(items);
}

TEST(facts_entities_types_from_context)
{
    sl_fact_items *items = facts_of_text(
        "Blinken's Long Push for a Truce in Gaza\n\n"
        "Officials of the Biden administration flew in on Sunday. Talks between Israel and "
        "Hamas resumed. Hamas has rejected the draft, and Hamas fighters stayed in the north. "
        "Egyptian President Abdel Fattah el-Sissi met the envoy in Cairo. President Joe Biden "
        "called the Israeli cabinet. The envoy's visit to Tel Aviv was brief.\n", NULL);
    const sl_fact_item *e = NULL;
    size_t hamas = 0, biden = 0, sissi = 0, tel_aviv = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++) {
        CHECK(strcmp(e->text, "Israeli") && !strstr(e->text, "Push")); /* no entity */
        if (!strcmp(e->text, "Hamas"))
            hamas += !strcmp(e->detail, "organization");
        if (!strcmp(e->text, "Biden"))
            biden += e->about && !strcmp(e->about, "Joe Biden") && !strcmp(e->detail, "person");
        if (strstr(e->text, "Abdel Fattah")) {
            sissi++;
            CHECK_STR(e->about, "Abdel Fattah el-Sissi");
            CHECK_STR(e->role, "Egyptian President");
        }
        if (!strcmp(e->text, "Tel Aviv"))
            tel_aviv += !strcmp(e->detail, "place");
    }
    CHECK_INT(hamas, 3);
    CHECK_INT(biden, 1);
    CHECK_INT(sissi, 1);
    CHECK_INT(tel_aviv, 1);
    sl_fact_items_free(items);
}

/* "of" belongs to a title only after a title word: "Governor of Alaska",
 * not "Bank of England"; a place word before "of" names a place; a compass
 * word before an organisation word is no place ("Northern Football League");
 * a weekday ends a name ("Coach Ruth Okafor Saturday"), "Early Friday" is none. */
TEST(facts_entities_of_compass_and_weekdays)
{
    sl_fact_items *items = facts_of_text(
        "The Bank of England held rates, the Governor of Alaska said. Ships sailed into the "
        "Gulf of Aden. Smith joined the Northern Football League in Denver. The club fired "
        "Coach Ruth Okafor Saturday after a loss. Early Friday, the road was closed.\n", NULL);
    const sl_fact_item *e = NULL;
    size_t bank = 0, alaska = 0, gulf = 0, conference = 0, okafor = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++) {
        CHECK(strcmp(e->text, "England")); /* not "England" with the role "Bank of" */
        bank += !strcmp(e->text, "Bank of England") && !strcmp(e->detail, "organization");
        alaska += !strcmp(e->text, "Alaska") && e->role && !strcmp(e->role, "Governor of");
        gulf += !strcmp(e->text, "Gulf of Aden") && !strcmp(e->detail, "place");
        conference += !strcmp(e->text, "Northern Football League") && !strcmp(e->detail, "organization");
        okafor += !strcmp(e->text, "Ruth Okafor") && !strcmp(e->detail, "person");
        CHECK(!strstr(e->text, "Early") && !strstr(e->text, "Friday"));
    }
    CHECK_INT(bank, 1);
    CHECK_INT(alaska, 1);
    CHECK_INT(gulf, 1);
    CHECK_INT(conference, 1);
    CHECK_INT(okafor, 1);
    sl_fact_items_free(items);
}

/* A lone word opening a sentence is a person's name before a verb of
 * speech ("Okafor said"), not before any verb ("Flooding is", "Entry
 * will"); a full name's generational suffix does not keep its surname from
 * standing for it ("Okafor" for "Ruth Okafor Jr."), nor counts as a word. */
TEST(facts_entities_sentence_starts_and_suffixes)
{
    sl_fact_items *items = facts_of_text(
        "Flooding is feared along the coast. Entry will be free for all residents. Okafor "
        "said the dam held. Police named the driver as Ruth Okafor Jr. of Denver. Okafor was "
        "in court on Monday. Team President Ada King spoke. Tomas Lee Brandt Jr was there. "
        "Ada R. Moss Jr, a judge, ruled.\n", NULL);
    const sl_fact_item *e = NULL;
    size_t okafor = 0, king = 0, brandt = 0, moss = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++) {
        CHECK(strcmp(e->text, "Flooding") && strcmp(e->text, "Entry"));
        king += !strcmp(e->text, "Ada King") && e->role && !strcmp(e->role, "Team President");
        brandt += !strcmp(e->text, "Tomas Lee Brandt Jr") && !strcmp(e->detail, "person");
        moss += !strcmp(e->text, "Ada R. Moss Jr") && !strcmp(e->detail, "person");
        okafor += !strcmp(e->text, "Okafor") && e->about && !strcmp(e->about, "Ruth Okafor Jr");
    }
    CHECK_INT(okafor, 2);
    CHECK_INT(king, 1);   /* "King" last after a name is its surname */
    CHECK_INT(brandt, 1); /* four words opening a sentence, the suffix not counted */
    CHECK_INT(moss, 1);   /* an initial's dot and a suffix are no words of it */
    sl_fact_items_free(items);
}

/* Types from a name's words and neighbours: an organisation's name holding a
 * title word is no title ("Orlen General Hospital"), a place word opening a
 * name ("Port Velmar", "Lake Varna"), a newspaper's word, the holder after a
 * copyright sign; "in May" is the month, "Ada May said" a person. */
TEST(facts_entities_types_from_words)
{
    sl_fact_items *items = facts_of_text(
        "Two were taken to Orlen General Hospital on Friday. Ada May said the ferry sails "
        "from Port Velmar to Lake Varna in May. The Dessby Gazette printed it, and Orlen TV "
        "showed it. The ferry operator, Skerry Line, said nothing.\n\n"
        "\xC2\xA9 2026 Tarn Weekly Review. All rights reserved.\n", NULL);
    const char *want[][2] = {{"Orlen General Hospital", "organization"}, {"Ada May", "person"},
                             {"Port Velmar", "place"}, {"Lake Varna", "place"},
                             {"Dessby Gazette", "organization"},
                             {"Tarn Weekly Review", "organization"}, {"Orlen TV", "organization"},
                             {"Skerry Line", "organization"}};
    const sl_fact_item *e = NULL;
    size_t right = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++) {
        CHECK(strcmp(e->text, "May") && strcmp(e->text, "Hospital"));
        for (size_t w = 0; w < sizeof want / sizeof *want; w++)
            right += !strcmp(e->text, want[w][0]) && !strcmp(e->detail, want[w][1]) && !e->role;
    }
    CHECK_INT(right, 8);
    sl_fact_items_free(items);
}

/* A name of two or more words that qualifies a lower-case noun after "the"
 * is a thing's, not a person's, wherever the text names it; one word
 * ("the Varnholt family") says nothing. */
TEST(facts_entities_name_qualifying_a_noun)
{
    sl_fact_items *items = facts_of_text(
        "Fire crews reached the Orlen Tannery warehouse at dawn. Orlen Tannery employs 80 "
        "people. Ilse Varnholt said the Varnholt family was safe.\n", NULL);
    const sl_fact_item *e = NULL;
    size_t tannery = 0, varnholt = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++) {
        if (!strcmp(e->text, "Orlen Tannery"))
            tannery += !strcmp(e->detail, "organization"); /* the second mention */
        varnholt += !strcmp(e->text, "Ilse Varnholt") && !strcmp(e->detail, "person");
    }
    CHECK_INT(tannery, 1);
    CHECK_INT(varnholt, 1);
    sl_fact_items_free(items);
}

/* A run of words all in capitals that only its shape would make a person
 * is no entity; a quoted nickname stays a person. */
TEST(facts_entities_capitals_say_nothing)
{
    sl_fact_items *items = facts_of_text(
        "Fans call him \"Ola Brink\" at home. The banner read TARN WINS AGAIN in red.\n", NULL);
    const sl_fact_item *e = NULL;
    size_t brink = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++) {
        CHECK(!strstr(e->text, "WINS"));
        brink += !strcmp(e->text, "Ola Brink") && !strcmp(e->detail, "person");
    }
    CHECK_INT(brink, 1);
    sl_fact_items_free(items);
}

/* Person and place from the words around a lone name: an age between
 * commas ("Okafor, 49, ..." even opening a sentence), a noun of kin ("her
 * husband Tomas"), "hometown of"; a word of time after a place ending like
 * a nationality ("in Dubai today") leaves it a place. */
TEST(facts_entities_lone_names_in_context)
{
    sl_fact_items *items = facts_of_text(
        "Okafor, 49, took the keys. Ada Kell, her husband Tomas and friends left for her "
        "hometown of Velmar. The tremor was felt in Dubai today.\n", NULL);
    const char *want[][2] = {{"Okafor", "person"}, {"Tomas", "person"}, {"Velmar", "place"},
                             {"Dubai", "place"}};
    const sl_fact_item *e = NULL;
    size_t right = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++)
        for (size_t w = 0; w < sizeof want / sizeof *want; w++)
            right += !strcmp(e->text, want[w][0]) && !strcmp(e->detail, want[w][1]);
    CHECK_INT(right, 4);
    sl_fact_items_free(items);
}

/* A name qualifying premises after a preposition of place or motion and an
 * article is a place ("at a suburban Harlow accounting firm", "in an Eskby
 * courthouse", "from a Tornby jail"); one qualifying other nouns there is
 * none ("in a Brantvik interview"). */
TEST(facts_entities_premises_name_a_place)
{
    CHECK_ENTITIES("A clerk was hurt at a suburban Harlow accounting firm on Monday. The trial "
                   "opened in an Eskby courthouse, as Jun Ota said in a Brantvik interview. He "
                   "had fled from a Tornby jail.\n",
                   {"Brantvik", NULL, NULL, 0}, {"Harlow", "place", NULL, 1},
                   {"Eskby", "place", NULL, 1}, {"Tornby", "place", NULL, 1});
}

/* After "a" or "an" too ("a Golden Lantern nomination"), but not a name
 * that qualifies premises somewhere, which names a place ("outside a Pellam
 * Gardens apartment" beside "a Pellam Gardens gang member"), nor one a
 * mention shows to be a person's ("a Rhea Tolland tweet", "Tolland said"). */
TEST(facts_entities_name_qualifying_a_noun_after_a)
{
    CHECK_ENTITIES("Rhea Tolland earned a Golden Lantern nomination in May. Golden Lantern voters "
                   "met later. A Pellam Gardens gang member was charged on Monday. He was held "
                   "outside a Pellam Gardens apartment. Critics mocked a Rhea Tolland tweet. "
                   "Tolland said she was proud.\n",
                   {"Golden Lantern", "organization", NULL, 2},
                   {"Pellam Gardens", "organization", NULL, 0},
                   {"Rhea Tolland", "person", NULL, 2});
}

/* A name followed by ", which" is a thing's, as no person's is ("Marlow
 * Hale, which opened in 1990"), at every mention. */
TEST(facts_entities_name_before_which)
{
    CHECK_ENTITIES("Marlow Hale, which opened in 1990, treats 40 patients. Patients praised "
                   "Marlow Hale on Friday. Ines Marr, who runs it, was pleased.\n",
                   {"Marlow Hale", "organization", NULL, 2}, {"Ines Marr", "person", NULL, 1});
}

/* A street's abbreviation ends a place's name as the word does: "Dahlia
 * Ave.", "Orley Rd", "Kelso Blvd" (they had been persons by their shape). */
TEST(facts_entities_street_abbreviations)
{
    CHECK_ENTITIES("Police closed the shop at 325 E. Dahlia Ave. on Friday. A crash shut Orley "
                   "Rd on Monday, and traffic on Kelso Blvd was slow.\n",
                   {"E. Dahlia Ave", "place", NULL, 1}, {"Orley Rd", "place", NULL, 1},
                   {"Kelso Blvd", "place", NULL, 1});
}

/* A headline in capitals takes the body's names as any headline does, its
 * capitals read as the name's ("MIRA TALLIS" is "Mira Tallis", "OKONJO"
 * the short form of "Ben Okonjo"). */
TEST(facts_entities_headline_in_capitals)
{
    CHECK_ENTITIES("MIRA TALLIS SIGNS WITH OKONJO FOR THREE FILMS\n"
                   "Mira Tallis has signed with the producer Ben Okonjo , her agent said .\n",
                   {"MIRA TALLIS", "person", "Mira Tallis", 1},
                   {"OKONJO", "person", "Ben Okonjo", 1});
}

/* Titles of police and sports ranks before a name are its role: "Senior
 * Trooper", "Harbour Rovers GM"; "senior" alone is none ("a senior Brenn
 * campaign aide" gives Ada Brenn no role). */
TEST(facts_entities_ranks_are_roles)
{
    sl_fact_items *items = facts_of_text(
        "Senior Trooper Ada Brenn , a bomb technician , was hurt . Harbour Rovers GM Tomas Ek "
        "confirmed the offer . Lena Brenn , her sister , spoke to a senior Brenn family friend .\n",
        NULL);
    const sl_fact_item *e = NULL;
    size_t right = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++) {
        CHECK(!e->role || strcmp(e->role, "senior"));
        right += !strcmp(e->text, "Ada Brenn") && !strcmp(e->detail, "person") &&
                 e->role && !strcmp(e->role, "Senior Trooper");
        right += !strcmp(e->text, "Tomas Ek") && !strcmp(e->detail, "person") && e->role &&
                 !strcmp(e->role, "Harbour Rovers GM");
    }
    CHECK_INT(right, 2);
    sl_fact_items_free(items);
}

/* A place's name qualifying a noun of people says where they are from:
 * still a place of the story ("a Texas inmate", as "in Texas"). */
TEST(facts_entities_origin_of_people)
{
    CHECK_ENTITIES("A Texas inmate fled on Monday , and the Ohio police chief said the search "
                   "goes on .\n",
                   {"Texas", "place", NULL, 1}, {"Ohio", "place", NULL, 1});
}

/* A lone name paired with a country is a group ("talks between Norway and
 * Tarqa") unless the text also places something in it ("in Velmora"); a
 * place's word in lower case after a name makes it a place ("Qorvik
 * island", "Dessby county"). */
TEST(facts_entities_places_by_their_words)
{
    CHECK_ENTITIES("The tremor was felt in Velmora . It shook the land between Norway and "
                   "Velmora . Talks between Norway and Tarqa failed . The quake struck Qorvik "
                   "island and shook Dessby county on Sunday .\n",
                   {"Velmora", "place", NULL, 2}, {"Tarqa", "organization", NULL, 1},
                   {"Qorvik", "place", NULL, 1}, {"Dessby", "place", NULL, 1});
}

/* A country's name is no short form of a name that only its shape made a
 * person ("Quake Jolts Chile", a short title line); a person's surname that
 * is a country's name still is ("Coach Ada Jordan" ... "Jordan said"). */
TEST(facts_entities_country_is_no_short_form)
{
    CHECK_ENTITIES("Quake Jolts Chile\nThe quake hit Chile on Sunday . Coach Ada Jordan left ; "
                   "Jordan said little .\n",
                   {"Chile", "place", NULL, 1}, {"Jordan", "person", "Ada Jordan", 1});
}

/* A short form in capitals is no acronym of a person's name ("KOVAC
 * said" after "Andrej Kovac"), and a name a state's possessive makes a
 * place is no short form of one only its shape made a person ("Veldoria's
 * prime minister" beside "Forward Veldoria"). */
TEST(facts_entities_short_forms_keep_their_kind)
{
    CHECK_ENTITIES("Veldoria's prime minister, Andrej Kovac, resigned . Kovac's rival leads "
                   "Forward Veldoria , which won . In an address , KOVAC said he had done his "
                   "best .\n",
                   {"Veldoria", "place", "Veldoria", 1}, {"Andrej Kovac", "person", NULL, 1},
                   {"KOVAC", "person", "Andrej Kovac", 1});
}

/* A firm is shortened to its first words and to its initials: "Kestrel"
 * and "Tannhill Foods" stand for "Kestrel Motors" and "Tannhill Foods
 * Inc", "FTC" for "Federal Trade Commission"; a town is no short form of
 * its police ("Harlow" of "Harlow Police Department"). */
TEST(facts_entities_firms_short_forms_and_initials)
{
    CHECK_ENTITIES("Kestrel Motors said on Tuesday it would build a plant . Shares of Kestrel "
                   "fell . Tannhill Foods lost in court , and Tannhill said it would appeal the "
                   "ruling against Tannhill Foods Inc . The Federal Trade Commission sued too , "
                   "and the FTC's chair was pleased . The Harlow Police Department said a man "
                   "was held in Harlow .\n",
                   {"Kestrel", "organization", "Kestrel Motors", 1},
                   {"Tannhill Foods", "organization", "Tannhill Foods Inc", 1},
                   {"Tannhill", "organization", "Tannhill Foods Inc", 1},
                   {"FTC", "organization", "Federal Trade Commission", 1},
                   {"Harlow", "place", "Harlow", 1});
}

/* One body's name over "and" before an organisation word ("the Food and
 * Drug Administration") or over an ampersand ("Brandt & Sons", not the
 * place "Brandt" after "at"); a possessive after "the" is a name, not a
 * qualifier ("the FDA's decision"). */
TEST(facts_entities_joined_bodies)
{
    CHECK_ENTITIES("The Food and Drug Administration approved the drug on Monday . Analysts at "
                   "Brandt & Sons said the FDA's decision was early .\n",
                   {"Food and Drug Administration", "organization", NULL, 1},
                   {"Brandt & Sons", "organization", NULL, 1},
                   {"FDA", "organization", "Food and Drug Administration", 1},
                   {"Food", NULL, NULL, 0}, {"Brandt", NULL, NULL, 0});
}

/* A body named in apposition to its noun is an organisation: "the journal
 * Nature Orbit", "his party, Forward Veldoria,", "Novexa, a Swiss
 * company,", staff "at Goldman Pryce"; not "Ada Holt, a company
 * spokeswoman". */
TEST(facts_entities_bodies_in_apposition)
{
    CHECK_ENTITIES("The study appeared in the journal Nature Orbit on Friday . Mirkovic's party , "
                   "Forward Veldoria , leads the polls . Harwell competes with Novexa , a Swiss "
                   "company , and analysts at Goldman Pryce like it . Ada Holt , a company "
                   "spokeswoman , said so .\n",
                   {"Nature Orbit", "organization", NULL, 1},
                   {"Forward Veldoria", "organization", NULL, 1},
                   {"Novexa", "organization", NULL, 1}, {"Goldman Pryce", "organization", NULL, 1},
                   {"Ada Holt", "person", NULL, 1});
}

/* Role words joined by a hyphen are a role ("Secretary-General Ade
 * Okafor"); a plural noun of people opening a sentence is no name
 * ("Prosecutors said", "Witnesses said"). */
TEST(facts_entities_hyphenated_roles_and_plural_people)
{
    const char *text = "Secretary-General Ade Okafor flew in on Monday . Prosecutors said the "
                       "deal was a bribe . Witnesses said they saw it .\n";
    CHECK_ENTITIES(text, {"Prosecutors", NULL, NULL, 0}, {"Witnesses", NULL, NULL, 0});
    CHECK_INT(entities_with_role(text, "Ade Okafor", "person", "Secretary-General"), 1);
}

/* Role words before a comma are the role of the name in apposition after
 * it ("Britain's foreign secretary, Helen Marsh, called"), with up to two
 * lower-case words after a possessive or a determiner ("Belmora's water
 * minister"); a description headed by a body's noun after "the" makes an
 * organisation ("World Athletics, the sport's governing body,"); a
 * pronoun before "said" is no name. */
TEST(facts_entities_roles_and_bodies_by_apposition)
{
    const char *text = "Britain's foreign secretary, Helen Marsh, called on Thursday. World "
                       "Athletics, the sport's governing body, must ratify the record. Belmora's "
                       "water minister, Ines Caldor, spoke. Defense minister Yoav Gallant spoke. He "
                       "said minister Ada Holt was late.\n";
    CHECK_ENTITIES(text, {"World Athletics", "organization", NULL, 1}, {"He", NULL, NULL, 0});
    CHECK_INT(entities_with_role(text, "Helen Marsh", "person", "foreign secretary"), 1);
    CHECK_INT(entities_with_role(text, "Ines Caldor", "person", "water minister"), 1);
}

/* A short given name stands for the one full name it opens ("Tom",
 * "Thomas" of "Thomas Reilly"), none where two fit; a city the gazetteer
 * knows as "London, City of" is a place, also before "said". */
TEST(facts_entities_given_names_and_cities)
{
    CHECK_ENTITIES("Thomas Reilly , a shipping agent , called the vote a mistake . Later Tom "
                   "said the ships would go . London said it would review the plan .\n",
                   {"Thomas Reilly", "person", NULL, 1},
                   {"Tom", "person", "Thomas Reilly", 1}, {"London", "place", NULL, 1});
    CHECK_ENTITIES("Thomas Reilly and Thomas Brann met on Monday . Later Tom said no .\n",
                   {"Tom", "person", "Tom", 1});
}

/* A name a preposition alone made a place ("went to Laura Marsh") is a
 * person where a mention of it speaks ("Marsh said"); a place met after
 * "in" and never speaking stays one. */
TEST(facts_entities_spoken_name_is_no_place)
{
    CHECK_ENTITIES("The letter went to Laura Marsh on Monday . Ivo Grant lives in Santa Lira . "
                   "\" We will not wait , \" Marsh said .\n",
                   {"Laura Marsh", "person", NULL, 1}, {"Marsh", "person", "Laura Marsh", 1},
                   {"Santa Lira", "place", NULL, 1});
}

/* A name after a noun of owning a firm and "in", "of" or "with" is a firm
 * ("a stake in Lumeris Capital"), and so wherever the article names it;
 * "a unit in Harlow" says no such thing. */
TEST(facts_entities_owned_firms)
{
    CHECK_ENTITIES("Lumeris Capital bought the club on Monday . A rival had sought a stake in "
                   "Lumeris Capital , and the takeover of Baxley Works failed . The inmate was "
                   "moved to a unit in Harlow .\n",
                   {"Lumeris Capital", "organization", NULL, 2},
                   {"Baxley Works", "organization", NULL, 1}, {"Harlow", "place", NULL, 1});
}

/* A lone word after "the" is an organisation ("the Herald") unless the
 * text writes it before a place word elsewhere: "the Varrow" beside "the
 * Varrow River" or "the Varrow estuary" is the river, a place. */
TEST(facts_entities_river_after_the)
{
    CHECK_ENTITIES("Boats left the Varrow estuary at dawn . Farmers say the Varrow runs low in "
                   "August , and the Courier reported that the Varrow River fell again .\n",
                   {"Varrow", "place", NULL, 2}, {"Courier", "organization", NULL, 1},
                   {"Varrow River", "place", NULL, 1});
}

/* The gazetteer's table is made at build time (scripts/places_table.c):
 * sorted, and answering as the iso-codes files read at run time did:
 * countries, subdivisions, the name before a comma, the short forms, any
 * ASCII case. Needs the iso-codes package, as the build does. */
TEST(facts_places_table_from_iso_codes)
{
    CHECK(sl_facts_n_places > 5000);
    for (size_t i = 1; i < sl_facts_n_places; i++)
        if (sl_facts_places[i - 1] >= sl_facts_places[i]) {
            CHECK(!"the table is sorted, without repeats");
            break;
        }
    const char *known[] = {"France", "FRANCE", "Bayern", "Korea", "U.S.", "Britain", "Ontario"};
    for (size_t k = 0; k < sizeof known / sizeof *known; k++)
        CHECK(sl_facts_is_place(known[k], strlen(known[k])));
    const char *unknown[] = {"Tuesday", "Minister", "Velmar", ""};
    for (size_t k = 0; k < sizeof unknown / sizeof *unknown; k++)
        CHECK(!sl_facts_is_place(unknown[k], strlen(unknown[k])));
}

/* A country's people named by the demonym table's plural ("Zambians",
 * "Britons") are a group, no person; its adjective ("German") is no name
 * of its own before a lower-case word, as the shapes "-ian", "-ese" were. */
TEST(facts_entities_peoples_are_groups)
{
    CHECK_ENTITIES("Zambians queued for hours in Lusaka, and Britons living there joined them. "
                   "The German delegation said Olga Brandt would speak.\n",
                   {"Zambians", "group", "Zambians", 1}, {"Britons", "group", NULL, 1},
                   {"German", NULL, NULL, 0}, {"Olga Brandt", "person", NULL, 1});
    bool plural = true;
    CHECK_STR(sl_facts_demonym_country("Greek", 5, &plural), "Greece");
    CHECK(!plural);
    CHECK_STR(sl_facts_demonym_country("Americans", 9, &plural), "United States");
    CHECK(plural);
    CHECK(sl_facts_demonym_country("Laos", 4, &plural) == NULL);
    CHECK(sl_facts_demonym_country("Grace", 5, &plural) == NULL);
}

int sl_facts_demonyms_sorted(void);

/* The demonym table answers a word exactly, case and all: every word of
 * it (the first and the last too), none twice, no prefix, no other case. */
TEST(facts_demonyms_found_by_their_exact_word)
{
    CHECK(sl_facts_demonyms_sorted());
    bool plural = true;
    CHECK_STR(sl_facts_demonym_country("Afghan", 6, &plural), "Afghanistan");
    CHECK_STR(sl_facts_demonym_country("Zimbabweans", 11, &plural), "Zimbabwe");
    CHECK(plural);
    const char *not[] = {"AMERICAN", "american", "Americ", "Americanss", "AMERICANS", "A", "s", ""};
    for (size_t k = 0; k < sizeof not / sizeof *not; k++)
        CHECK(sl_facts_demonym_country(not[k], strlen(not[k]), &plural) == NULL);
    CHECK_STR(sl_facts_demonym_country("Egyptian president", 8, &plural), "Egypt");
}

/* A title keeps the nationality before it ("the Peruvian trade minister
 * Rosa Quispe": role "Peruvian trade minister", the full name kept). */
TEST(facts_entities_role_across_a_nationality)
{
    sl_fact_items *items = facts_of_text(
        "The talks stalled until the Peruvian trade minister Rosa Quispe arrived.\n", NULL);
    const sl_fact_item *e = fact_nth(items, SL_FACT_ENTITY, 0);
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->text, "Rosa Quispe");
        CHECK_STR(e->detail, "person");
        CHECK_STR(e->role, "Peruvian trade minister");
    }
    sl_fact_items_free(items);
}

/* A name with a model number in it or right after it is a product's,
 * typed a thing (organisation), never a person: "Vantor K90", "Heller
 * 480 XR"; a year or a score after a name is no model ("Tessel 2031",
 * "Rovers 3-1"). */
TEST(facts_entities_products_by_model_number)
{
    CHECK_ENTITIES("On Monday pilots tested Vantor K90 over the sea. Orders for Heller 480 XR jets "
                   "rose, said Ada Voss. Ken Holt 2031 was printed on the poster.\n",
                   {"Vantor K90", "organization", NULL, 1},
                   {"Heller 480 XR", "organization", "Heller 480 XR", 1},
                   {"Ada Voss", "person", NULL, 1}, {"Ken Holt", "person", NULL, 1});
}

/* A title alone stands for the one person the article gives it ("the
 * Peruvian trade minister said" after "the Peruvian trade minister Rosa
 * Quispe"), under that person's name; not where two persons hold it, nor
 * a title qualifying a noun by its possessive ("the mayor's office"), nor
 * one of another nationality or country ("the Chilean trade minister", "the
 * Chilean president" beside "US President Ada Rook"). */
TEST(facts_entities_titles_standing_for_a_person)
{
    CHECK_ENTITIES("The Peruvian trade minister Rosa Quispe arrived late. The Peruvian trade "
                   "minister said the deal was near, and the mayor's office agreed. Mayor Ivo "
                   "Brant and Mayor Lena Sors spoke. The mayor left. The Chilean trade "
                   "minister was silent.\n",
                   {"Peruvian trade minister", "person", "Rosa Quispe", 1},
                   {"mayor", NULL, NULL, 0}, {"Chilean trade minister", NULL, NULL, 0});
    CHECK_ENTITIES("US President Ada Rook flew in. The Chilean president stayed home.\n",
                   {"Ada Rook", "person", NULL, 1}, {"Chilean president", NULL, NULL, 0});
}

/* The demonym table names each country by one word of a text: the last
 * word of a two-word nationality ("Sri Lankan": "Lankan"), never its
 * first ("Sri" is no nationality); a plural noun is the group. */
TEST(facts_entities_demonyms_by_one_word)
{
    bool plural = true;
    CHECK_STR(sl_facts_demonym_country("Lankan", 6, &plural), "Sri Lanka");
    CHECK(!plural);
    CHECK(sl_facts_demonym_country("Sri", 3, &plural) == NULL);
    CHECK_STR(sl_facts_demonym_country("Egyptians", 9, &plural), "Egypt");
    CHECK(plural);
}

/* A title in apposition to a name is that person's ("Jon Petrak, the
 * finance minister,"; "the trade minister, Ola Brandt,"), even beside
 * another minister ("Foreign Minister Ana Ruiz"), and the name takes it as
 * its role; a later "the minister" is the one minister the text gives, none
 * where two differ. */
TEST(facts_entities_title_in_apposition)
{
    const char *text = "Jon Petrak, the finance minister, met the unions on Monday. Foreign "
                       "Minister Ana Ruiz stayed away.\n";
    CHECK_ENTITIES(text, {"finance minister", "person", "Jon Petrak", 1});
    CHECK_INT(entities_with_role(text, "Jon Petrak", "person", "finance minister"), 1);
    CHECK_ENTITIES("Jon Petrak, the finance minister, met the unions on Monday. Dockers led by "
                   "Ivo Grant cheered. The minister left at noon.\n",
                   {"minister", "person", "Jon Petrak", 1});
    CHECK_ENTITIES("The trade minister, Ola Brandt, flew in. Jon Petrak, the finance minister, "
                   "met her. The minister left at noon.\n",
                   {"trade minister", "person", "Ola Brandt", 1},
                   {"finance minister", "person", "Jon Petrak", 1},
                   {"minister", NULL, NULL, 0});
}

/* "Jan" is January before a day's number, a year or its dot, and a given
 * name before a family name. */
TEST(facts_entities_jan_is_a_month_or_a_name)
{
    CHECK_ENTITIES("The strike began on Jan. 12 and ended in Jan 2024. Jan Novak drove a crane "
                   "then.\n",
                   {"Jan", NULL, NULL, 0}, {"Jan Novak", "person", NULL, 1});
}

/* A dateline in capitals opening the text is no name of its own, yet the
 * name in capitals that repeats it later is the place the text names in
 * another case ("In DARMOOR," after "met in Darmoor"), not an acronym. */
TEST(facts_entities_case_variant_after_a_dateline)
{
    CHECK_ENTITIES("DARMOOR (Wire) - Envoys met in Darmoor on Tuesday, officials said.\n\n"
                   "In DARMOOR, crowds gathered outside the hall.\n",
                   {"DARMOOR", "place", "Darmoor", 1}, {"DARMOOR", "organization", NULL, 0},
                   {"Darmoor", "place", "Darmoor", 1});
}

/* A name paired with a country by "and" is a group's ("between Israel and
 * Hamas") unless the text says it is a state: "Velmora's prime minister";
 * then the paired mention is the place too (none was listed there before
 * branch names13). */
TEST(facts_entities_paired_state_is_a_place)
{
    CHECK_ENTITIES("Delegates from the United States and Velmora met on Monday. Velmora's prime "
                   "minister, Ilse Brann, said the talks went well. Aid reached Velmora later.\n",
                   {"Velmora", "organization", NULL, 0}, {"Velmora", "place", NULL, 3});
}

/* "International" ends an organisation's name, after a preposition of
 * place too: "protesters from Clearwell Rights International" is no place. */
TEST(facts_entities_international_ends_a_body)
{
    CHECK_ENTITIES("Protesters from Clearwell Rights International gathered in Tolsk on Friday.\n",
                   {"Clearwell Rights International", "organization", NULL, 1},
                   {"Tolsk", "place", NULL, 1});
}

/* A title joined by "of" to a body's name is no part of the name, and the
 * body's first words before "International" stand for it ("Fenwick"; a
 * person by its shape before, and "Chairman of ..." the name). */
TEST(facts_entities_title_of_a_body_and_its_short_form)
{
    CHECK_ENTITIES("\"The talks went well,\" said Marta Quill, Chairman of Fenwick International "
                   "Corp, in Orlov on Monday.\nFenwick said the plant would close.\n",
                   {"Chairman of Fenwick International Corp", NULL, NULL, 0},
                   {"Fenwick International Corp", "organization", "Fenwick International Corp", 1},
                   {"Fenwick", "organization", "Fenwick International Corp", 1});
}

/* A name whose chain's head was no name ("Norway's talks" opening the text)
 * takes no entity from a mention joined to the name after it ("Norway's
 * National Bank"): it stays the place. */
TEST(facts_entities_joined_name_heads_no_chain)
{
    CHECK_ENTITIES("Norway's talks in Orlov were frank, a banker was quoted as saying.\n"
                   "Ana Pell, head of Norway's National Bank, said the talks went well.\n"
                   "She said Norway would meet its obligations.\n",
                   {"Norway's National Bank", "organization", NULL, 1},
                   {"Norway", "place", "Norway", 1});
}

/* A titled person's "of Place" tail is the place, not part of the name
 * ("Prime Minister Tomas Brell of Velmora": the person Tomas Brell, whose
 * surname "Brell" earlier is his; the place Velmora), and a name paired
 * with a country that nothing else types there is the place the text
 * names later ("the US and Velmora"); the tail stays a place where
 * "said" follows it ("in Velmora" before "... Brell of Velmora said"). A
 * title's own "of" stays ("Secretary of State", whole where it opens the
 * sentence too); a firm's name after a titled person is the firm. */
TEST(facts_entities_titled_person_of_a_place)
{
    CHECK_ENTITIES("Envoys of the US and Velmora met on Monday. Brell thanked the mediators. "
                   "Prime Minister Tomas Brell of Velmora said the deal would hold.\n",
                   {"Tomas Brell", "person", "Tomas Brell", 1},
                   {"Brell", "person", "Tomas Brell", 1},
                   {"Velmora", "place", "Velmora", 2},
                   {"Tomas Brell of Velmora", NULL, NULL, 0});
    /* the speech verb after the tail is the person's: no person of the place */
    CHECK_ENTITIES("The envoys met in Velmora. Prime Minister Tomas Brell of Velmora said the "
                   "deal would hold.\n",
                   {"Velmora", "place", NULL, 2}, {"Velmora", "person", NULL, 0});
    CHECK_ENTITIES("On Monday, Secretary of State Marian Coldwell met Chairman Ann Roe of "
                   "Fenwick Corp.\n",
                   {"Marian Coldwell", "person", NULL, 1}, {"Ann Roe", "person", NULL, 1},
                   {"Fenwick Corp", "organization", NULL, 1});
    CHECK_ENTITIES("Analyst Rhea Dunmore of Ingle and Marsh said the General Accord of Ports and "
                   "Docks was at risk.\n",
                   {"Rhea Dunmore", "person", NULL, 1}, {"Ingle", "organization", NULL, 1},
                   {"Ingle", "place", NULL, 0}, {"Accord", NULL, NULL, 0});
    /* a title with its "of" opening the sentence: the finder leaves "Secretary" apart */
    CHECK_INT(entities_with_role("Secretary of State Marian Coldwell met the envoys in Orlov on "
                                 "Monday.\n",
                                 "Marian Coldwell", "person", "Secretary of State"),
              1);
}

/* A lone surname opening a sentence before a verb other than of speech is
 * the person the text names in full later ("Drescovic thanked" before
 * "Foreign Minister Lena Drescovic"), or one a role in apposition follows
 * ("Coldwell, the secretary of state, called"); not a common word so
 * followed ("Arson, a crime of rage, is rare"), nor an opening word before
 * the subject ("Undaunted, the minister pressed on") or before a role
 * whose name follows it ("Separately, the finance minister, Ann Roe,"). */
TEST(facts_entities_lone_surname_opening_a_sentence)
{
    CHECK_ENTITIES("Drescovic thanked the envoys on Monday. Foreign Minister Lena Drescovic said "
                   "the accord would hold.\n",
                   {"Drescovic", "person", "Lena Drescovic", 1});
    CHECK_ENTITIES("Coldwell, the American secretary of state, called it historic. Arson, a "
                   "crime of rage, is rare. Undaunted, the minister pressed on.\n",
                   {"Coldwell", "person", NULL, 1}, {"Arson", NULL, NULL, 0},
                   {"Undaunted", NULL, NULL, 0});
    CHECK_ENTITIES("Separately, the finance minister, Ann Roe, told reporters the budget was "
                   "closed.\n",
                   {"Separately", NULL, NULL, 0}, {"Ann Roe", "person", NULL, 1});
}

/* An adverb in -ly opening a sentence is no part of the name after it,
 * where the text writes that name without it ("Ironically Brede" beside
 * "producer Ansel Brede"); a word in -ing is not asked, as firms' names
 * open so ("Dorling Freight Co has been awarded"), nor a word the text
 * writes as a name elsewhere ("actress Beverly Ames"). */
TEST(facts_entities_adverb_opening_a_sentence)
{
    CHECK_ENTITIES("The studio hired producer Ansel Brede. Ironically Brede had turned it down "
                   "before. Internationally Recognised Shipping Lanes were closed.\n",
                   {"Ironically Brede", NULL, NULL, 0}, {"Brede", "person", "Ansel Brede", 1},
                   {"Recognised Shipping Lanes", NULL, NULL, 0});
    CHECK_ENTITIES("Dorling Freight Co has been awarded a contract. The firm hired Freight Co "
                   "veterans. Beverly Ames starred. The studio praised actress Beverly Ames.\n",
                   {"Dorling Freight Co", NULL, NULL, 1}, {"Beverly Ames", "person", NULL, 2});
}

/* The adverb test scans the text: a text's first 64 openings are tested
 * (each once, whichever pass asks), the rest keep their word. */
TEST(facts_entities_adverb_openings_tested_64_a_text)
{
    char text[8192] = "The studio hired producer Ansel Brede.";
    for (int k = 0; k < 65; k++)
        strcat(text, " Ironically Brede had turned it down.");
    strcat(text, "\n");
    CHECK_ENTITIES(text, {"Brede", "person", "Ansel Brede", 64},
                   {"Ironically Brede", NULL, NULL, 1});
}

/* A name ending in a word of premises after "at", "in", "inside",
 * "outside", "near" or "into" is the place where something happens ("a
 * fire at Marfell Hotel"); staff at it make it the body ("analysts at
 * Kestrel Bank"). */
TEST(facts_entities_premises_where_it_happened)
{
    CHECK_ENTITIES("Three people died in a fire at Marfell Hotel on Monday. Analysts at Kestrel "
                   "Bank expect a cut. The suspect was held inside the Eskby County Courthouse.\n",
                   {"Marfell Hotel", "place", NULL, 1}, {"Kestrel Bank", "organization", NULL, 1},
                   {"Eskby County Courthouse", "place", NULL, 1});
    /* a bank, a market or a club is the body as often as its building
     * ("talks at the World Bank", "sales in the U.S. Market"), and the
     * premises' word alone a body's short name ("passed in the House"):
     * each stays an organisation, as before the premises rule */
    CHECK_ENTITIES("Ministers met at the Orlen Development Bank on Monday. Sales rose in the "
                   "Norvik Market. Debt was rescheduled at the Tarvik Club. The tax bill passed "
                   "in the House.\n",
                   {"Orlen Development Bank", "place", NULL, 0}, {"Norvik Market", "place", NULL, 0},
                   {"Tarvik Club", "place", NULL, 0}, {"House", "place", NULL, 0});
}
