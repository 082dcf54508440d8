/* test_story_names.c — unit tests of names typed by their story
 * (src/facts/story_names.c): a role-less person becomes an organisation
 * where the story's other articles say so more than a quarter as often as
 * a person; a role, persons four times as many or a story of one article
 * keep the person; a place no gazetteer knows becomes an organisation
 * where they say so more than twice as often as a place. Items are made by
 * hand. */
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"
#include "test.h"
#include "util/alloc.h"

/* One entity item of article `article`, its strings owned (sl_fact_items_free). */
static sl_fact_item entity(int64_t article, const char *name, const char *type, const char *role)
{
    return (sl_fact_item){.article_id = article, .kind = SL_FACT_ENTITY, .text = sl_strdup(name),
                          .about = sl_strdup(name), .detail = sl_strdup(type),
                          .role = role ? sl_strdup(role) : NULL};
}

/* The story of the items `list` (taken over), typed by sl_facts_type_by_story. */
static sl_fact_items *typed_story(const sl_fact_item *list, size_t n)
{
    sl_fact_items *items = calloc(1, sizeof *items);
    items->items = calloc(n, sizeof *items->items);
    items->n = n;
    memcpy(items->items, list, n * sizeof *list);
    CHECK_INT(sl_facts_type_by_story(items->items, items->n), 0);
    return items;
}

TEST(story_names_other_reports_say_organisation)
{
    sl_fact_item list[] = {
        entity(1, "Corvel Marsh", "person", NULL),       /* a firm shaped like a person */
        entity(1, "Corvel Marsh", "person", NULL),
        entity(2, "Corvel Marsh", "organization", NULL),
        entity(3, "Corvel Marsh", "organization", NULL),
        entity(3, "Ada Quill", "person", NULL),
        entity(1, "Ada Quill", "person", NULL),
        {.article_id = 1, .kind = SL_FACT_QUOTE, .text = sl_strdup("we will appeal"),
         .about = sl_strdup("Corvel Marsh"), .detail = sl_strdup("said")},
    };
    sl_fact_items *items = typed_story(list, sizeof list / sizeof *list);
    CHECK_STR(items->items[0].detail, "organization");
    CHECK_STR(items->items[1].detail, "organization");
    CHECK_STR(items->items[4].detail, "person");
    CHECK_STR(items->items[5].detail, "person");
    CHECK_STR(items->items[6].detail, "said"); /* a quote is no name */
    sl_fact_items_free(items);
}

TEST(story_names_role_or_many_persons_keep_person)
{
    sl_fact_item list[] = {
        entity(1, "Brin Tallow", "person", "chief executive"), /* a role in its article */
        entity(1, "Brin Tallow", "person", NULL),
        entity(2, "Brin Tallow", "organization", NULL),
        entity(2, "Brin Tallow", "organization", NULL),
        entity(3, "Oda Fenn", "person", NULL),                  /* one against four */
        entity(4, "Oda Fenn", "organization", NULL),
        entity(5, "Oda Fenn", "person", NULL),
        entity(5, "Oda Fenn", "person", NULL),
        entity(6, "Oda Fenn", "person", NULL),
        entity(6, "Oda Fenn", "person", NULL),
        entity(7, "Lute Harrow", "person", NULL),               /* a story of one article */
        entity(7, "Lute Harrow", "organization", NULL),
    };
    sl_fact_items *items = typed_story(list, sizeof list / sizeof *list);
    CHECK_STR(items->items[0].detail, "person");
    CHECK_STR(items->items[1].detail, "person");
    CHECK_STR(items->items[4].detail, "person");
    CHECK_STR(items->items[6].detail, "organization"); /* article 5: one against three */
    CHECK_STR(items->items[10].detail, "person");
    CHECK_INT(sl_facts_type_by_story(NULL, 0), 0);
    sl_fact_items_free(items);
}

TEST(story_names_one_body_against_three_persons)
{
    sl_fact_item list[] = {
        entity(1, "Pell Garrick", "person", NULL),
        entity(2, "Pell Garrick", "organization", NULL),
        entity(3, "Pell Garrick", "person", NULL),
        entity(3, "Pell Garrick", "person", NULL),
        entity(4, "Pell Garrick", "person", NULL),
    };
    sl_fact_items *items = typed_story(list, sizeof list / sizeof *list);
    CHECK_STR(items->items[0].detail, "organization"); /* 1 > 0.25 x 3 */
    CHECK_STR(items->items[2].detail, "organization"); /* 1 > 0.25 x 2 */
    CHECK_STR(items->items[4].detail, "organization"); /* 1 > 0.25 x 3 */
    sl_fact_items_free(items);
}

TEST(story_names_place_by_a_preposition_is_a_body_elsewhere)
{
    sl_fact_item list[] = {
        entity(1, "Harlan Quarterly", "place", NULL), /* "a writer at Harlan Quarterly" */
        entity(2, "Harlan Quarterly", "organization", NULL),
        entity(3, "Harlan Quarterly", "organization", NULL),
        entity(3, "Harlan Quarterly", "organization", NULL),
        entity(4, "Harlan Quarterly", "place", NULL),
        entity(1, "Corvel Bay", "place", NULL),       /* places twice as often as bodies */
        entity(2, "Corvel Bay", "organization", NULL),
        entity(3, "Corvel Bay", "place", NULL),
        entity(4, "Corvel Bay", "place", NULL),
        entity(1, "France", "place", NULL),           /* the gazetteer's: a place always */
        entity(2, "France", "organization", NULL),
        entity(3, "France", "organization", NULL),
    };
    sl_fact_items *items = typed_story(list, sizeof list / sizeof *list);
    CHECK_STR(items->items[0].detail, "organization"); /* 3 > 2 x 1 */
    CHECK_STR(items->items[4].detail, "organization"); /* 3 > 2 x 1 */
    CHECK_STR(items->items[5].detail, "place");        /* 1 against 2 */
    CHECK_STR(items->items[7].detail, "place");
    CHECK_STR(items->items[9].detail, "place");
    sl_fact_items_free(items);
}

/* One name per entity across the story: a role-less person named by the
 * surname alone in one article takes the story's one full name ending
 * with it, a name in capitals the story's name in another case, with its
 * type; none where two full names fit, nor for a person with a role. */
TEST(story_names_short_forms_take_the_full_name)
{
    sl_fact_item list[] = {
        entity(1, "Marit Vollan", "person", "minister"),
        entity(2, "Vollan", "person", NULL),         /* "Vollan said" alone */
        entity(1, "Dorsk", "place", NULL),
        entity(2, "DORSK", "organization", NULL),    /* "officials in DORSK" */
        entity(1, "Ansel Brede", "person", NULL),
        entity(2, "Tove Brede", "person", NULL),
        entity(3, "Brede", "person", NULL),          /* two fit: none */
        entity(3, "Vollan", "person", "judge"),      /* a role: another person */
        entity(3, "NATO", "organization", NULL),     /* no other case: stays */
    };
    sl_fact_items *items = typed_story(list, sizeof list / sizeof *list);
    CHECK_STR(items->items[1].about, "Marit Vollan");
    CHECK_STR(items->items[1].detail, "person");
    CHECK_STR(items->items[3].about, "Dorsk");
    CHECK_STR(items->items[3].detail, "place");
    CHECK_STR(items->items[6].about, "Brede");
    CHECK_STR(items->items[7].about, "Vollan");
    CHECK_STR(items->items[8].about, "NATO");
    sl_fact_items_free(items);
}

/* A name in capitals the story writes more often than its other form is an
 * acronym and keeps it ("VELCOR" three times, "Velcor" once), counted as
 * written, not as named; an organisation's capitals never take a person's
 * name ("KARN", "Karn"). */
TEST(story_names_acronym_keeps_its_capitals)
{
    sl_fact_item list[] = {
        entity(1, "VELCOR", "organization", NULL),
        entity(1, "VELCOR", "organization", NULL),
        entity(2, "VELCOR", "organization", NULL),
        entity(2, "Velcor", "organization", NULL),
        entity(3, "KARN", "organization", NULL),
        entity(4, "Karn", "person", NULL),
        entity(5, "BTUS", "organization", NULL),
        entity(5, "BTUS", "organization", NULL),
        entity(5, "BTUS", "organization", NULL),
        entity(6, "BTUs", "organization", NULL),
    };
    free(list[7].text); /* "the BTUs" that its article named by its first "BTUS" */
    list[7].text = sl_strdup("BTUs");
    free(list[8].text);
    list[8].text = sl_strdup("BTUs");
    sl_fact_items *items = typed_story(list, sizeof list / sizeof *list);
    CHECK_STR(items->items[0].about, "VELCOR");
    CHECK_STR(items->items[2].about, "VELCOR");
    CHECK_STR(items->items[3].about, "Velcor");
    CHECK_STR(items->items[4].about, "KARN");
    CHECK_STR(items->items[4].detail, "organization");
    CHECK_STR(items->items[6].about, "BTUs"); /* written "BTUs" three times, "BTUS" once */
    CHECK_STR(items->items[8].about, "BTUs");
    sl_fact_items_free(items);
}
