/* story_names.c — an article's names typed by the evidence of its story:
 * the engine hands a story's stored items here when they are read, so
 * every reader (export, show, entities, the cross-check, the C API) sees
 * the same types, always from the story as it stands (no stored row is
 * rewritten when stories grow, split or merge). docs/facts.md, "Names
 * typed by their story". */
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"
#include "util/alloc.h"
#include "util/hash.h"
#include "util/sort.h"

/* How much of the other articles' person mentions their organisation
 * mentions must pass: chosen on ECB+ topics 1-20 by the mean F1 of two
 * readings, 0.25 (0.8865 on the names of one store, 0.8922 with topics as
 * stories; 0.8850 / 0.8907 for 0.5, 0.8835 / 0.8887 for 1, the majority
 * rule; docs/eval.md "The eighth names round"). */
#define ORGANISATION_SHARE 0.25
/* The same for a place no gazetteer knows (a name after "at", "from" or
 * "in": "a researcher at Baseball Quarterly"): its other articles'
 * organisation mentions must pass twice their place mentions. Chosen on
 * ECB+ topics 1-20 among 0.25, 1, 2, 4, 8 (F1 of the names of one store
 * 0.885, 0.887, 0.888, 0.888, 0.888: the smallest of the best; docs/eval.md
 * "The ninth names round"). */
#define PLACE_SHARE 2.0

/* One entity item, keyed by its name and article. */
typedef struct mention {
    uint64_t hash;
    const char *name;
    int64_t article;
    sl_fact_item *item;
} mention;

static bool mention_less(const mention *x, const mention *y)
{
    if (x->hash != y->hash)
        return x->hash < y->hash;
    int c = strcmp(x->name, y->name);
    return c ? c < 0 : x->article < y->article;
}
#define MENTION_LESS(x, y) mention_less(&(x), &(y))
SL_SORT_DEFINE(static, sort_mentions, mention, MENTION_LESS)

static bool same_name(const mention *x, const mention *y)
{
    return x->hash == y->hash && !strcmp(x->name, y->name);
}

/* Mentions typed person, organisation and place, and persons given a role. */
typedef struct type_counts { int persons, organizations, titled, places; } type_counts;

static type_counts count(const mention *m, size_t n)
{
    type_counts c = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        bool person = !strcmp(m[i].item->detail, "person");
        c.persons += person;
        c.titled += person && m[i].item->role;
        c.organizations += !strcmp(m[i].item->detail, "organization");
        c.places += !strcmp(m[i].item->detail, "place");
    }
    return c;
}

/* The article's role-less persons of one name [m, m + n) become
 * organisations where the story's other articles type the name an
 * organisation, more than ORGANISATION_SHARE times as often as a person.
 * A person by its name's shape alone is the weakest evidence: a firm's
 * name is typed a person wherever nothing in the article says otherwise.
 * Its places become organisations likewise (PLACE_SHARE) unless the
 * gazetteer knows the name: a preposition alone made most of them places. */
static int retype_article(mention *m, size_t n, type_counts story)
{
    type_counts own = count(m, n);
    int organizations = story.organizations - own.organizations;
    int persons = story.persons - own.persons;
    int places = story.places - own.places;
    bool gazetteer = sl_facts_is_place(m->name, strlen(m->name));
    bool persons_go = !own.titled && organizations && organizations > ORGANISATION_SHARE * persons;
    bool places_go = !gazetteer && organizations && organizations > PLACE_SHARE * places;
    for (size_t i = 0; i < n; i++) {
        sl_fact_item *it = m[i].item;
        if (!(persons_go && !strcmp(it->detail, "person")) &&
            !(places_go && !strcmp(it->detail, "place")))
            continue;
        char *type = sl_strdup("organization");
        if (!type)
            return SL_ENOMEM;
        free(it->detail);
        it->detail = type;
    }
    return 0;
}

/* Why this rule: chosen on ECB+ topics 1-20 among the majority rule (a
 * share of 1), the type `storyline entities` gives a name over the story,
 * and the most mentions' type (eval/entities_across_articles.py; docs/eval.md,
 * "The eighth names round"). A firm or a film that the shape of its name
 * makes a person in one report is often named a body in another report of
 * the same event; a role in the article itself keeps a person. */
int sl_facts_type_by_story(sl_fact_item *items, size_t n)
{
    int rc = sl_facts_story_aliases(items, n);
    if (rc)
        return rc;
    size_t n_mentions = 0;
    for (size_t i = 0; i < n; i++)
        n_mentions += sl_facts_named_entity(&items[i]);
    if (!n_mentions)
        return 0;
    mention *m = sl_calloc(n_mentions, sizeof *m);
    if (!m)
        return SL_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (sl_facts_named_entity(&items[i]))
            m[k++] = (mention){sl_hash64(items[i].about, strlen(items[i].about)), items[i].about,
                               items[i].article_id, &items[i]};
    sort_mentions(m, n_mentions);
    for (size_t a = 0, b; !rc && a < n_mentions; a = b) {
        for (b = a + 1; b < n_mentions && same_name(&m[a], &m[b]); b++) {
        }
        type_counts story = count(m + a, b - a);
        for (size_t x = a, y; !rc && x < b; x = y) {
            for (y = x + 1; y < b && m[y].article == m[x].article; y++) {
            }
            rc = retype_article(m + x, y - x, story);
        }
    }
    free(m);
    return rc;
}
