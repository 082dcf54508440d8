/* test_facts_entity_firms.c — unit tests of how the facts stage types firms
 * (src/facts/entities.c): a firm's legal form ends its name, with or without
 * its dot, and a firm followed by its town stays a firm. The texts are
 * invented. */
#include "facts_items.h"
#include "test.h"

/* "Co", "AG", "AB", "NV", "SA" as news agencies write them make the name a
 * firm's, not a person's ("Tarnwell Co said", "Halvik AG said"); the short
 * form a later sentence uses is the firm's too ("Tarnwell said"). */
TEST(facts_entities_legal_form_ends_a_firm)
{
    CHECK_ENTITIES("Tarnwell Co said it would cut 300 jobs. Halvik AG said it agreed. Orsta "
                   "AB and Velden NV bid for Marlo SA on Monday. Tarnwell said sales fell.\n",
                   {"Tarnwell Co", "organization", NULL, 1}, {"Halvik AG", "organization", NULL, 1},
                   {"Orsta AB", "organization", NULL, 1}, {"Velden NV", "organization", NULL, 1},
                   {"Marlo SA", "organization", NULL, 1},
                   {"Tarnwell", "organization", "Tarnwell Co", 1},
                   {"Tarnwell Co", "person", NULL, 0});
}

/* A name followed by a comma and a place is a place ("Bravik, Norland")
 * unless it ends in an organisation's word: then the place is the firm's
 * town ("Ostler and Co, Bravik, said"). */
TEST(facts_entities_firm_followed_by_its_town)
{
    CHECK_ENTITIES("The notes were sold by Ostler and Co, Paris, on Monday. Talks were held in "
                   "Kerrow, Norway.\n",
                   {"Ostler and Co", "organization", NULL, 1}, {"Kerrow", "place", NULL, 1});
}

/* A legal form opens a firm's name ("NV Velden"), not a person's whose
 * initials are the same letters and whose role follows in apposition ("AB
 * Marr, the coach,"; then "Coach AB Marr" too). */
TEST(facts_entities_legal_form_opening_a_name)
{
    CHECK_ENTITIES("NV Velden said sales rose. AB Marr, the coach, said the team would win. "
                   "Later Coach AB Marr left.\n",
                   {"NV Velden", "organization", NULL, 1}, {"AB Marr", "person", NULL, 2},
                   {"coach", "person", "AB Marr", 1}, {"AB Marr", "organization", NULL, 0});
}
