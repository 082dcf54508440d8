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

/* A firm's name ends in "Communications", "Holdings", "Pharmaceuticals",
 * "Partners" as in "Motors": a body, and its first word stands for it. */
TEST(facts_entities_firm_words_end_a_body) {
  CHECK_ENTITIES(
      "Talvor Communications cut prices on Monday. Talvor said sales rose, "
      "and Brenmar Holdings agreed.\n",
      {"Talvor Communications", "organization", NULL, 1},
      {"Talvor", "organization", "Talvor Communications", 1},
      {"Brenmar Holdings", "organization", NULL, 1});
  CHECK_ENTITIES("Loans came from Kessing Partners and Osterby Pharmaceuticals.\n",
                 {"Kessing Partners", "organization", NULL, 1},
                 {"Osterby Pharmaceuticals", "organization", NULL, 1});
}

/* "and" joins two names into one body's before its word ("the Food and
 * Fuel Agency"), not where the second is a whole name by its "Bank of". */
TEST(facts_entities_bank_of_after_and_is_its_own_body) {
  CHECK_ENTITIES(
      "Lenders included the Bank of Varna and Bank of Communications.\n",
      {"Bank of Varna", "organization", NULL, 1},
      {"Bank of Communications", "organization", NULL, 1});
  CHECK_ENTITIES("The Food and Fuel Agency said prices rose.\n",
                 {"Food and Fuel Agency", "organization", NULL, 1});
}
