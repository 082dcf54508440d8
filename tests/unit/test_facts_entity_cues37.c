/* test_facts_entity_cues37.c — unit tests of the thirty-seventh names
 * round (src/facts/entities.c, entity_cues.c, entity_shapes.c,
 * entity_known.c): a day between a firm's "said" and its "it", a
 * nationality before a person's names, a report's source, "Mar", dotted
 * initials before a currency, "Motor", a firm's word before "of", two
 * places joined before a body's word. The texts are invented. */
#include <stdio.h>
#include <string.h>

#include "facts_items.h"
#include "test.h"

/* "said on Monday it would" is a body's as "said it would" is; a person
 * saying "he" after the day stays a person. */
TEST(facts_entities_day_between_said_and_it) {
  CHECK_ENTITIES("Talvorex said on Monday it would cut 300 jobs. Shares fell.\n",
                 {"Talvorex", "organization", NULL, 1});
  CHECK_ENTITIES("Brenmarix said late on Tuesday its profit rose.\n",
                 {"Brenmarix", "organization", NULL, 1});
  CHECK_ENTITIES("Kessing said on Monday he would stay.\n",
                 {"Kessing", "person", NULL, 1});
}

/* A nationality before a person's two names, whose surname stands alone
 * later, is no part of the name; a body's name after a nationality keeps
 * it ("European Monetary System"), as does a name whose last word stands
 * nowhere alone. */
TEST(facts_entities_nationality_before_a_person) {
  CHECK_ENTITIES(
      "He beat the Canadian Tomas Velkor in the third round. Velkor, 38, "
      "said he would fight again.\n",
      {"Tomas Velkor", "person", NULL, 1}, {"Canadian Tomas Velkor", NULL, NULL, 0});
  CHECK_ENTITIES(
      "Ministers spoke of the European Monetary System on Monday. The System "
      "held.\n",
      {"Monetary System", NULL, NULL, 0});
  CHECK_ENTITIES("Shares of American Home Products rose.\n",
                 {"Home Products", NULL, NULL, 0});
}

/* A name closing its sentence after a comma as the source of a report is
 * an outlet's; a person reporting something, or a surname alone, stays a
 * person. */
TEST(facts_entities_press_source_closing_a_sentence) {
  CHECK_ENTITIES(
      "The singer left the clinic on Monday, Celebrity Pulse has confirmed. "
      "Ann Roe reported him missing.\n",
      {"Celebrity Pulse", "organization", NULL, 1}, {"Ann Roe", "person", NULL, 1});
  CHECK_ENTITIES("The deal was signed, Harbour Weekly Online reported.\n",
                 {"Harbour Weekly Online", "organization", NULL, 1});
}

/* "Mar" before a table's figure is the month, as "May" is; a currency
 * after a country's dotted initials is no name; "Motor" ends a firm's name,
 * whose first word then stands for it. */
TEST(facts_entities_months_currencies_and_motor) {
  CHECK_ENTITIES("Exports: Feb 32.9, Mar 6.8, Apr 6.3, total 46.0.\n",
                 {"Mar", NULL, NULL, 0});
  CHECK_ENTITIES("Reserves fell to 7.15 billion N.Z. Dlrs in January.\n",
                 {"N.Z. Dlrs", NULL, NULL, 0});
  CHECK_ENTITIES("Kestrova Motor Corp cut prices. Later Kestrova said sales rose.\n",
                 {"Kestrova Motor Corp", "organization", NULL, 1},
                 {"Kestrova", "organization", NULL, 1});
}

/* A body's or a firm's word before a name's first "of" makes the whole a
 * body's ("Talvor Group of Japan"); a person "of" a bank stays none. */
TEST(facts_entities_firm_word_before_of) {
  CHECK_ENTITIES("Talvor Group of Japan is expected to win the contract.\n",
                 {"Talvor Group of Japan", "organization", NULL, 1});
  CHECK_ENTITIES("The Farmers National Bank of Ostend was closed on Friday.\n",
                 {"Farmers National Bank of Ostend", "organization", NULL, 1});
}

/* Two places joined by "and" before a body's word are one body's name
 * ("Devon and Cornwall Police"); a place and another's whole body stay
 * two. */
TEST(facts_entities_two_places_joined_before_a_body_word) {
  CHECK_ENTITIES("He joined Devon and Cornwall Police in 1990.\n",
                 {"Devon and Cornwall Police", "organization", NULL, 1}, {"Devon", NULL, NULL, 0});
}

/* The surname test scans the text: a text's first 64 names after a
 * nationality are tested (each once, whichever pass asks), the rest keep
 * their nationality, as before the test (1 MB of them took 12.5 s). */
TEST(facts_entities_nationality_surnames_tested_64_a_text)
{
    char text[8192] = "", round[64];
    for (int k = 0; k < 65; k++) {
        snprintf(round, sizeof round, "Fans saw the Canadian Tomas Velkor win round %d. ", k);
        strcat(text, round);
    }
    strcat(text, "Velkor, 38, said he would fight again.\n");
    CHECK_ENTITIES(text, {"Tomas Velkor", "person", NULL, 64},
                   {"Canadian Tomas Velkor", "person", NULL, 1});
}
