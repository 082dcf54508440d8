/* test_facts_entity_roles.c — unit tests of the roles and initials of the
 * names the facts stage lists (src/facts/entities.c, role_mentions.c,
 * entity_known.c): a role reads as written with its blanks folded, a
 * title's "of the" opening a name keeps its object, and two capitals stand
 * for a name only where the text gives them one. The texts are invented. */
#include <string.h>

#include "facts_items.h"
#include "test.h"

/* The role of the entity whose text is `text`, NULL when none has one. */
static const char *role_of(const sl_fact_items *items, const char *text)
{
    const sl_fact_item *e;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++)
        if (!strcmp(e->text, text) && e->role)
            return e->role;
    return NULL;
}

/* A role wrapped over a wire's line end reads with one space, as the name
 * does, both before the name and standing alone for it ("the minister"). */
TEST(facts_entities_wrapped_role_reads_with_one_space)
{
    sl_fact_items *items = facts_of_text(
        "The talks on the new quota were opened in the capital by Velmoran Agriculture\n"
        "Minister Tarek Osswald, who asked the buyers for a longer contract.\n"
        "The minister said the harvest would be good.\n",
        NULL);
    const char *role = role_of(items, "Tarek Osswald");
    CHECK(role && !strcmp(role, "Velmoran Agriculture Minister"));
    role = role_of(items, "minister");
    CHECK(role && !strcmp(role, "minister"));
    sl_fact_items_free(items);
}

/* A title the finder leaves apart before "of the" (opening its sentence):
 * the run after "the" is the title's object and the person's two names,
 * typed a person with the whole title as role, and the surname is hers;
 * no organisation's word may end the run ("the Veldor Grain Board"). */
TEST(facts_entities_opening_title_of_the_keeps_its_object)
{
    const char *text = "Governor of the Bank of Veldor Anna Castellan said rates would hold.\n"
                       "Castellan spoke after the meeting. Chairman of the Veldor Grain Board said "
                       "nothing.\n";
    CHECK_ENTITIES(text, {"Anna Castellan", "person", "Anna Castellan", 1},
                   {"Castellan", "person", "Anna Castellan", 1},
                   {"Bank of Veldor Anna Castellan", NULL, NULL, 0},
                   {"Grain Board", NULL, NULL, 0});
    sl_fact_items *items = facts_of_text(text, NULL);
    const char *role = role_of(items, "Anna Castellan");
    CHECK(role && !strcmp(role, "Governor of the Bank of Veldor"));
    sl_fact_items_free(items);
}
