/* test_facts_entity_kinds.c — unit tests of names typed as a reader types
 * them on any news text (src/facts/entities.c, demonyms.c): a continent's
 * adjective after a compass word is no place. The texts are invented. */
#include "facts_items.h"
#include "test.h"

/* "East Asian", "Central African" qualify the noun after them as "North
 * Korean" does: no place; the continent named, a body named after it and
 * its people stay what they were. */
TEST(facts_entities_continent_adjective_is_no_place) {
  CHECK_ENTITIES(
      "Exports from the East Asian economies fell, and the Central African "
      "republic of Varnia asked for aid.\n",
      {"East Asian", NULL, NULL, 0}, {"Central African", NULL, NULL, 0},
      {"Varnia", "place", NULL, 1});
  CHECK_ENTITIES(
      "Ministers of the African Union met in Asia on Friday, and Europeans "
      "watched.\n",
      {"African Union", "organization", NULL, 1}, {"Asia", "place", NULL, 1},
      {"Europeans", "group", NULL, 1});
}
