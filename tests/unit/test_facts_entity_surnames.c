/* test_facts_entity_surnames.c — unit tests of the short forms of a
 * person's name (src/facts/entities.c, entity_known.c, entity_cues.c): a
 * surname opened by a particle, the middle word of a three-part Spanish
 * name, a person's initials before "said" (no ship's prefix), and a
 * country's short form written as a word ("Us"). The texts are invented. */
#include "facts_items.h"
#include "test.h"

/* A particle opening a surname is part of it, not a role, at a sentence's
 * start as after a title ("De Varga said" of "Tomas de Varga"; "Van Holt"
 * of "Lena Van Holt"). */
TEST(facts_entities_particle_opens_a_surname) {
  const char *text =
      "Mayor Tomas de Varga met the council on Monday. De Varga said the "
      "budget would pass.\n";
  CHECK_ENTITIES(text, {"De Varga", "person", "Tomas de Varga", 1},
                 {"Varga", NULL, NULL, 0});
  CHECK_INT(entities_with_role(text, "De Varga", NULL, "De"), 0);
  CHECK_ENTITIES(
      "The singer Lena Van Holt left the band. Van Holt will tour alone.\n",
      {"Van Holt", "person", "Lena Van Holt", 1}, {"Holt", NULL, NULL, 0});
}

/* A later one-word form that is the middle word of a three-part name is
 * that person ("Ms. Ibarra" of "Carla Ibarra Solis"); the middle initial
 * of an English name is no such word. */
TEST(facts_entities_middle_word_of_a_spanish_name) {
  CHECK_ENTITIES(
      "Carla Ibarra Solis, the agency's director, met lenders on Tuesday. "
      "Ms. Ibarra said the talks went well.\n",
      {"Ibarra", "person", "Carla Ibarra Solis", 1});
}

/* A ship's prefix is a person's initials where the name says something
 * ("MV Ravi Menon said"); a ship's name is still a ship's. */
TEST(facts_entities_initials_before_said_are_no_ship) {
  CHECK_ENTITIES("MV Ravi Menon said the party would contest the seat.\n",
                 {"MV Ravi Menon", "person", NULL, 1});
  CHECK_ENTITIES("The ferry MV Corran Star sank near the coast.\n",
                 {"MV Corran Star", "person", NULL, 0});
}

/* "Us" in title case (a magazine's name, a word of a headline) is no
 * United States; "US" in capitals is. */
TEST(facts_entities_title_case_us_is_no_country) {
  CHECK_ENTITIES(
      "Trust Us Again\n\nThe story ran first in Us before the US government "
      "replied.\n",
      {"Us", NULL, "United States", 0}, {"US", "place", "United States", 1});
}
