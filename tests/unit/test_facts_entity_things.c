/* test_facts_entity_things.c — unit tests of names that are no person's
 * nor place's (src/facts/entities.c, entity_cues.c, entity_words.c): a
 * work's title in quotes after a noun of works or before a noun of its
 * people, a ship's name, a paper's or a channel's title before its noun,
 * and the last words that make a name a body's. The texts are invented. */
#include "facts_items.h"
#include "test.h"

/* A title in quotation marks before "star", "actress", "sequel" is a
 * work's, with every mention of it in the text ("the `` Velvet Harbor ''
 * star" ... "in Velvet Harbor"); a person named in quotes before another
 * noun stays a person. */
TEST(facts_entities_quoted_title_before_its_star_is_a_work)
{
    CHECK_ENTITIES("The `` Velvet Harbor '' star Mira Odell has joined a new film. Odell "
                   "first played in Velvet Harbor Lane in 2004.\n",
                   {"Velvet Harbor", "person", NULL, 0}, {"Mira Odell", "person", NULL, 1});
    CHECK_ENTITIES("The \xE2\x80\x9C" "Copper Lanterns\xE2\x80\x9D actress was seen on Friday.\n",
                   {"Copper Lanterns", "person", NULL, 0});
    CHECK_ENTITIES("Fans of \"Dorian Vale\" wrote to the studio about its sequel.\n",
                   {"Dorian Vale", "person", NULL, 1});
}

/* A title in quotation marks after a noun of works ("the sequel `` Salt
 * Meridian ''", "the song "Harlan Moss"") is a work's, and so is its
 * mention without quotes. */
TEST(facts_entities_quoted_title_after_a_work_noun_is_a_work)
{
    CHECK_ENTITIES("Talks went on over the sequel `` Salt Meridian '' on Monday. Salt Meridian "
                   "opens next year.\n",
                   {"Salt Meridian", "person", NULL, 0});
    CHECK_ENTITIES("She sang the song \"Harlan Moss\" twice.\n",
                   {"Harlan Moss", "person", NULL, 0});
}

/* A name before "magazine", "newspaper", "network" in lower case is that
 * title's, a body, not a place after "from" ("from Orchid magazine"). */
TEST(facts_entities_press_noun_makes_a_title)
{
    CHECK_ENTITIES("Word came from Orchid magazine on Friday. The Brannock Ledger newspaper "
                   "said the same.\n",
                   {"Orchid", "organization", NULL, 1}, {"Orchid", "place", NULL, 0});
}

/* A prefix in capitals before a name makes it a ship's ("INS Tarangi",
 * "USS Merrow"), not a person's; a title after the prefix does not ("INS
 * Commissioner Ada Brell": the person Ada Brell). */
TEST(facts_entities_ship_prefix_makes_a_vessel)
{
    CHECK_ENTITIES("The frigate INS Tarangi stopped two boats on Thursday. The warship USS "
                   "Merrow was sent to help.\n",
                   {"INS Tarangi", "person", NULL, 0}, {"USS Merrow", "person", NULL, 0},
                   {"Merrow", "person", NULL, 0});
    CHECK_ENTITIES("On Monday INS Commissioner Ada Brell said the rules would change.\n",
                   {"Ada Brell", "person", NULL, 1});
}

/* "Command", "Survey", "Weekly", "Entertainment", "Advisors", "Rescue" end
 * a body's name: "Northern Naval Command" is no place, "Coastal Survey",
 * "Garden Weekly", "Kestrel Entertainment", "Dunmore Advisors" no persons,
 * and "Fenmoor Fire and Rescue" one body, no person "Fenmoor Fire". */
TEST(facts_entities_body_words_end_a_name)
{
    CHECK_ENTITIES("The ship sailed under the control of the Northern Naval Command on "
                   "Tuesday. A report by the Coastal Survey was read. Garden Weekly and "
                   "Kestrel Entertainment confirmed it. He was fired from Dunmore Advisors.\n",
                   {"Northern Naval Command", "place", NULL, 0},
                   {"Northern Naval Command", "organization", NULL, 1},
                   {"Coastal Survey", "person", NULL, 0}, {"Garden Weekly", "person", NULL, 0},
                   {"Kestrel Entertainment", "person", NULL, 0},
                   {"Dunmore Advisors", "place", NULL, 0});
    CHECK_ENTITIES("Crews from Fenmoor Fire and Rescue put out the blaze.\n",
                   {"Fenmoor Fire", "person", NULL, 0},
                   {"Fenmoor Fire and Rescue", "organization", NULL, 1});
}

/* "weekly" after a name is a paper only as a noun: after an article ("the
 * Harlow weekly") or before the paper's name ("Harlow weekly Le Fil"); an
 * adverb after a person's name leaves the person a person ("visited Ana
 * Ruiz weekly at her home", "called Tom Hale weekly."). */
TEST(facts_entities_weekly_as_an_adverb_is_no_paper)
{
    CHECK_ENTITIES("The nurse visited Ana Ruiz weekly at her home.\n",
                   {"Ana Ruiz", "person", NULL, 1}, {"Ana Ruiz", "organization", NULL, 0});
    CHECK_ENTITIES("Her son called Tom Hale weekly.\n",
                   {"Tom Hale", "person", NULL, 1}, {"Tom Hale", "organization", NULL, 0});
    CHECK_ENTITIES("The Harlow weekly said so on Friday. It told Orlen weekly Le Fil the same.\n",
                   {"Harlow", "organization", NULL, 1}, {"Orlen", "organization", NULL, 1});
}
