/* test_facts_role_ties.c — the persons src/facts/role_ties.c ties a role
 * speaker mention to: another role used again later is no new first use,
 * a qualifier ("the state", the "foreign" of "the foreign minister") is no
 * role, and a role first used in apposition is the person beside it, also
 * beside a name whose capital is not ASCII ("Émile Roux"). */
#include <string.h>

#include "facts/facts.h"
#include "facts_items.h"
#include "test.h"

/* The entities of `text` (as src/facts/extract.c lists them before the
 * quotes) and the ties of the last "the minister" or "the senator" in it
 * (`mention`), checked by `check`. */
static void ties_of(const char *text, const char *mention,
                    void (*check)(const sl_role_ties *t))
{
    facts_doc_fixture f;
    sl_facts_doc *d = &f.d;
    if (!facts_doc_open(&f, text)) {
        sl_facts_entities(d);
        sl_facts_role_mentions(d);
        uint32_t at = 0;
        for (const char *p = strstr(text, mention); p; p = strstr(p + 1, mention))
            at = (uint32_t)(p - text);
        size_t first = 0;
        while (first < d->toks.n && d->toks.items[first].start < at)
            first++;
        CHECK(first + 1 < d->toks.n && sl_facts_is(d, first, "the"));
        sl_role_ties t;
        sl_role_ties_find(d, first, first + 2, &t);
        check(&t);
    }
    facts_doc_close(&f);
}

static void senator_twice(const sl_role_ties *t)
{
    CHECK(sl_role_ties_other(t, "Tom Hale"));
    CHECK(sl_role_ties_other(t, "Ana Ruiz"));
    CHECK(!sl_role_ties_other(t, "Mia Lee"));
    CHECK_INT(t->n_others, 2);
}

/* "the senator" first used for Hale, "the governor" for Ruiz: the senator
 * again after Lee is Hale's role still, so Lee holds no other role. */
TEST(facts_role_ties_role_used_again)
{
    ties_of("Tom Hale toured the docks. The senator praised the crews.\n\nAna Ruiz came "
            "later. The governor brought the money.\n\nMia Lee spoke next. The senator "
            "agreed.\n\n\"We will build the cranes this year,\" the minister said.\n",
            "the minister", senator_twice);
}

static void qualifiers_no_roles(const sl_role_ties *t)
{
    CHECK(!sl_role_ties_other(t, "Ana Ruiz"));
    CHECK(sl_role_ties_other(t, "Tom Hale"));
    CHECK_INT(t->n_others, 1);
}

/* "The state appealed" uses no role (Ruiz holds none); "the foreign
 * minister" uses one, "minister", not "foreign" as well. */
TEST(facts_role_ties_qualifier_is_no_role)
{
    ties_of("Ana Ruiz lost in court. The state appealed the ruling.\n\nTom Hale met the "
            "foreign minister on Monday.\n\n\"We will appeal again,\" the senator said.\n",
            "the senator", qualifiers_no_roles);
}

static void anchored_by_apposition(const sl_role_ties *t)
{
    CHECK_STR(t->anchor, "Ines Caldor");
}

/* A role first used in apposition to a name ("the finance minister, Ines
 * Caldor,") is that person's, not the one named before it (Ola Brandt). */
TEST(facts_role_ties_apposition_anchors)
{
    ties_of("Ola Brandt opened the meeting. The finance minister, Ines Caldor, spoke next.\n\n"
            "\"We will find the money for the cranes,\" the minister said.\n",
            "the minister", anchored_by_apposition);
}

/* A name whose capital is not ASCII is a person named like any other
 * (sl_facts_named_person): "Émile Roux, the finance minister," gives him
 * the role, and the quote's "the finance minister" is his, with the role
 * (before: no role, the quote's role null). */
TEST(facts_role_ties_accented_name_apposed)
{
    static const char text[] =
        "Émile Roux, the finance minister, met Ola Brandt on Monday in Velm.\n\n"
        "Ola Brandt said the port needed money.\n\n"
        "\"We will find the money for the cranes,\" the finance minister said.\n";
    sl_fact_items *items = NULL;
    CHECK_INT(sl_facts_extract(text, strlen(text), NULL, &items), 0);
    int roux_role = 0, quote_role = 0;
    for (size_t i = 0; items && i < items->n; i++) {
        const sl_fact_item *it = &items->items[i];
        if (it->kind == SL_FACT_ENTITY && it->about && !strcmp(it->about, "Émile Roux") &&
            it->role && !strcmp(it->role, "finance minister"))
            roux_role++;
        if (it->kind == SL_FACT_QUOTE && it->about && !strcmp(it->about, "Émile Roux") &&
            it->role && !strcmp(it->role, "finance minister"))
            quote_role++;
    }
    CHECK_INT(roux_role, 3); /* the name, the apposition, the quote's speaker */
    CHECK_INT(quote_role, 1);
    sl_fact_items_free(items);
}
