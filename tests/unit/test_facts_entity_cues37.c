/* test_facts_entity_cues37.c — unit tests of the thirty-seventh names
 * round (src/facts/entities.c, entity_cues.c): a day between a firm's
 * "said" and its "it", a nationality before a person's names. The texts
 * are invented. */
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
