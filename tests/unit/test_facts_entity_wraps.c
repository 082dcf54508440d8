/* test_facts_entity_wraps.c — unit tests of the names the facts stage
 * lists (src/facts/entities.c, entity_known.c) as a reader writes them: a
 * name run over a wire's wrapped line reads with one space and matches its
 * short forms, a firm's initials may leave out its legal form, and a
 * title's "of the" keeps what it governs. The texts are invented. */
#include "facts_items.h"
#include "test.h"

/* A paragraph wrapped at about 65 columns, as wire copy is, naming "Ilse" /
 * "Varnholt" and "Korvath Mining" / "Ltd" across line ends; later sentences
 * use the short form and the firm's name on one line. */
static const char wrapped_text[] =
    "The sale of the plant to a unit of the regional lender Korvath Mining\n"
    "Ltd was approved on Tuesday after a long review, the official said,\n"
    "and the chief negotiator for the buyers, a lawyer named Ilse\n"
    "Varnholt, told the board that the terms would not change again.\n"
    "Varnholt said the sale would close in May. Korvath Mining Ltd said it agreed.\n";

/* The name is read with one space where the line broke, and its short form
 * ("Varnholt said") and its one-line form find it. */
TEST(facts_entities_wrapped_name_reads_with_one_space)
{
    CHECK_ENTITIES(wrapped_text, {"Ilse\nVarnholt", "person", "Ilse Varnholt", 1},
                   {"Varnholt", "person", "Ilse Varnholt", 1},
                   {"Korvath Mining\nLtd", "organization", "Korvath Mining Ltd", 1},
                   {"Korvath Mining Ltd", "organization", "Korvath Mining Ltd", 1},
                   {"Ilse\nVarnholt", NULL, "Ilse\nVarnholt", 0});
}

/* A firm's initials leave out its legal form ("VMI" of "Veltran Medical
 * International Inc") or give its initial ("CMC" of "Corvan Motors Corp"). */
TEST(facts_entities_initials_with_or_without_the_legal_form)
{
    CHECK_ENTITIES("Veltran Medical International Inc said sales rose. Corvan Motors Corp said "
                   "it would bid. Analysts said VMI would reject the offer from CMC.\n",
                   {"VMI", "organization", "Veltran Medical International Inc", 1},
                   {"CMC", "organization", "Corvan Motors Corp", 1});
}

/* "Chancellor of the Exchequer Tomas Verlind": the title governs "the
 * Exchequer", the name is the person's two names; an organisation named
 * after a title's "of the" stays whole ("the Federation of Grain Growers"). */
TEST(facts_entities_title_of_the_keeps_its_object)
{
    CHECK_ENTITIES("The analysts described Chancellor of the Exchequer Tomas Verlind's budget as "
                   "cautious. Verlind said rates would fall. He met the chairman of the Federation "
                   "of Grain Growers on Monday.\n",
                   {"Tomas Verlind", "person", "Tomas Verlind", 1},
                   {"Verlind", "person", "Tomas Verlind", 1},
                   {"Grain Growers", NULL, NULL, 0});
}

/* A title's "of the" before a place of three or more words keeps the place
 * whole: "President of the United Arab Emirates" is no person "Arab
 * Emirates", nor "Governor of the Korvan Pearl Islands" a place "Pearl
 * Islands" held by a "Governor of the Korvan". */
TEST(facts_entities_title_of_the_keeps_a_place_whole)
{
    CHECK_ENTITIES("Talks began after he met the President of the United Arab Emirates on Monday. "
                   "Later he met the Governor of the Korvan Pearl Islands and the President of "
                   "the Veldorian Far East.\n",
                   {"Arab Emirates", NULL, NULL, 0}, {"Pearl Islands", NULL, NULL, 0},
                   {"Far East", NULL, NULL, 0});
}

/* Initials that leave out a firm's legal form are no country's or body's
 * short name: "UK" after "Union Kraft Ltd" is still the United Kingdom,
 * "US" after "Ultra Sonics Inc" the United States. */
TEST(facts_entities_initials_without_the_legal_form_keep_an_alias)
{
    CHECK_ENTITIES("Union Kraft Ltd said exports to the UK rose. Ultra Sonics Inc said US demand "
                   "was firm.\n",
                   {"UK", "place", "United Kingdom", 1}, {"US", "place", "United States", 1},
                   {"UK", NULL, "Union Kraft Ltd", 0}, {"US", NULL, "Ultra Sonics Inc", 0});
}
