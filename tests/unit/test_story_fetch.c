/* test_story_fetch.c — the grouper reading its stories from a store as
 * articles need them (src/stories/story_fetch.c) places every article where
 * the grouper holding every story places it: kept through the run, and
 * opened afresh before a query. The "store" here is arrays kept in step
 * with each add and each story merge, as the engine keeps story_terms and
 * the stories' rows. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "stories/internal.h"
#include "stories/stories.h"
#include "test.h"

#define EVENTS 900
#define ARTICLES 1500
#define MAX_STORIES (ARTICLES + 1)

typedef struct fake_store {
    sl_story_state st[MAX_STORIES];
    unsigned char centroid[MAX_STORIES][SL_CENTROID_TERMS * SL_CENTROID_TERM_BYTES]; /* packed */
    int64_t n;          /* stories 1..n */
    int left;           /* terms that left a centroid */
} fake_store;

/* Story id's centroid weight of term, -1 when it lacks the term. */
static float weight_of(const fake_store *f, int64_t id, uint64_t term)
{
    sl_weighted_term terms[SL_CENTROID_TERMS];
    uint32_t n = sl_centroid_unpack(f->centroid[id], f->st[id].len, terms);
    for (uint32_t k = 0; k < n; k++)
        if (terms[k].term == term)
            return terms[k].weight;
    return -1;
}

static int holds(const fake_store *f, int64_t id, uint64_t term)
{
    return weight_of(f, id, term) >= 0;
}

/* A term's list with each story's weight of it (as story_terms' rows from
 * schema 26), or none (-1: the grouper reads the story) when `weighed` is 0. */
static int weighed;

static int fake_recent(void *ctx, uint64_t term, uint32_t limit, int64_t *ids, float *weights,
                       size_t *n)
{
    const fake_store *f = ctx;
    *n = 0;
    for (int64_t id = f->n; id >= 1 && *n < limit; id--)
        if (holds(f, id, term)) {
            weights[*n] = weighed ? weight_of(f, id, term) : -1;
            ids[(*n)++] = id;
        }
    return 0;
}

/* Story id's norm as story_norms holds it: the squares summed in double in
 * the centroid's order. */
static int fake_norm(void *ctx, int64_t id, double *norm)
{
    const fake_store *f = ctx;
    sl_weighted_term terms[SL_CENTROID_TERMS];
    uint32_t n = id >= 1 && id <= f->n ? sl_centroid_unpack(f->centroid[id], f->st[id].len, terms)
                                       : 0;
    *norm = 0;
    for (uint32_t k = 0; k < n; k++)
        *norm += (double)terms[k].weight * terms[k].weight;
    *norm = sqrt(*norm);
    return 0;
}

static int fake_state(void *ctx, int64_t id, int (*fn)(void *, const sl_story_state *), void *g)
{
    fake_store *f = ctx;
    return id >= 1 && id <= f->n ? fn(g, &f->st[id]) : 0;
}

/* Saves story id's centroid and state after an add, as the engine does. */
static void save(fake_store *f, int64_t id, int64_t thread, int64_t day, const void *c, size_t len)
{
    if (id > f->n) {
        f->n = id;
        f->st[id] = (sl_story_state){id, thread ? thread : id, day, day, 0, f->centroid[id], 0, 0, 0};
    }
    sl_weighted_term old[SL_CENTROID_TERMS], now[SL_CENTROID_TERMS];
    uint32_t n_old = sl_centroid_unpack(f->centroid[id], f->st[id].len, old);
    uint32_t n_now = sl_centroid_unpack(c, len, now);
    for (uint32_t k = 0; k < n_old; k++) {
        int kept = 0;
        for (uint32_t j = 0; j < n_now; j++)
            kept |= now[j].term == old[k].term;
        f->left += !kept;
    }
    f->st[id].articles++;
    memcpy(f->centroid[id], c, len);
    f->st[id].len = len;
}

/* Writes story id's state as the grouper holds it, as the engine's
 * sl_store_stories_merge writes the two stories of a merge. */
static void save_state(fake_store *f, sl_grouper *g, int64_t id)
{
    sl_story_state st;
    sl_grouper_story_state(g, id, &st);
    memcpy(f->centroid[id], st.centroid, st.len);
    st.centroid = f->centroid[id];
    f->st[id] = st;
}

/* Takes the story merges of the last add from both groupers (they must be
 * the same) into the store; returns how many there were, -1 when they differ. */
static int take_story_merges(fake_store *f, sl_grouper *whole, sl_grouper *lazy)
{
    int64_t from_w, into_w, from_l, into_l;
    int n = 0, same = 1;
    while (sl_grouper_take_story_merge(whole, &from_w, &into_w)) {
        same &= sl_grouper_take_story_merge(lazy, &from_l, &into_l) && from_w == from_l &&
                into_w == into_l;
        save_state(f, whole, from_w);
        save_state(f, whole, into_w);
        n++;
    }
    same &= !sl_grouper_take_story_merge(lazy, &from_l, &into_l);
    return same ? n : -1;
}

static unsigned draw(unsigned *seed, unsigned n)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) % n;
}

/* An article of event e: 16 of the event's 24 words (of 3,000) and 16
 * common words, from 400 where low ids are far more common (the square of
 * a uniform draw), weighted at random, the common words half as much (at
 * full weight, a grown story's centroid reaches those of other events'
 * small stories, and takes them in): stories share many words, and the
 * commonest words' lists of stories outgrow what the grouper reads. */
static sl_vector article(int e, unsigned *seed)
{
    sl_vector v = {0};
    unsigned event_seed = 1000u + (unsigned)e;
    uint64_t own[24];
    for (int k = 0; k < 24; k++)
        own[k] = 401 + draw(&event_seed, 3000);
    for (int k = 0; k < 32; k++) {
        uint64_t t = k < 16 ? own[draw(seed, 24)] : 1 + draw(seed, 400) * draw(seed, 400) / 400;
        uint32_t at = 0;
        while (at < v.n && v.terms[at].term < t)
            at++;
        if (at < v.n && v.terms[at].term == t)
            continue;
        memmove(v.terms + at + 1, v.terms + at, (v.n - at) * sizeof *v.terms);
        float w = 0.05f + (float)draw(seed, 100) / 100;
        v.terms[at] = (sl_weighted_term){t, k < 16 ? w : w / 2};
        v.n++;
    }
    double norm = 0;
    for (uint32_t i = 0; i < v.n; i++)
        norm += (double)v.terms[i].weight * v.terms[i].weight;
    for (uint32_t i = 0; i < v.n; i++)
        v.terms[i].weight = (float)(v.terms[i].weight / sqrt(norm));
    return v;
}

/* Whether every story of the lazy grouper's lists of v's terms has the
 * weight the whole grouper's list gives it, to the bit: the scores are then
 * the same floats. */
static int same_postings(sl_grouper *whole, sl_grouper *lazy, const sl_vector *v)
{
    for (uint32_t i = 0; i < v->n; i++) {
        const sl_postings *l = sl_index_get(&lazy->index, v->terms[i].term);
        const sl_postings *w = sl_index_get(&whole->index, v->terms[i].term);
        const sl_posting *li = l ? sl_postings_items(l) : NULL, *wi = w ? sl_postings_items(w) : NULL;
        for (uint32_t k = 0, j = 0; l && k < l->n; k++) {
            while (w && j < w->n && wi[j].story < li[k].story)
                j++;
            if (!w || j == w->n || wi[j].story != li[k].story ||
                memcmp(&wi[j].weight, &li[k].weight, sizeof(float)))
                return 0;
        }
    }
    return 1;
}

static int same_place(const sl_placement *a, const sl_placement *b)
{
    return a->story == b->story && a->thread == b->thread && a->similarity == b->similarity;
}

/* Places ARTICLES articles with a grouper holding every story and one
 * reading them through `source` (from `f`), and with one opened afresh
 * every 25th; checks that every placement is the same. */
static void lazy_places_as_whole(fake_store *f, sl_story_source source)
{
    memset(f, 0, sizeof *f);
    source.ctx = f;
    sl_grouper *whole = sl_grouper_new(), *lazy = sl_grouper_new();
    sl_grouper_set_source(lazy, &source);
    unsigned seed = 7;
    int same = 1, queries = 0, joins = 0, merges = 0, story_merges = 0;
    int64_t next = 1;
    for (int i = 0; i < ARTICLES; i++) {
        sl_vector v = article((i * 37) % EVENTS, &seed);
        sl_placement a, b, c;
        sl_grouper_place(whole, &v, INT64_MIN, &a);
        sl_grouper_place(lazy, &v, INT64_MIN, &b);
        same &= same_place(&a, &b) && sl_grouper_source_error(lazy) == 0;
        same &= same_postings(whole, lazy, &v);
        if (i % 25 == 0) {   /* a store opened now */
            sl_grouper *opened = sl_grouper_new();
            sl_grouper_set_source(opened, &source);
            sl_grouper_place(opened, &v, INT64_MIN, &c);
            same &= same_place(&a, &c) && same_postings(whole, opened, &v);
            sl_grouper_free(opened);
            queries++;
        }
        /* every tenth article a copy of an older story's: added, not weighed */
        int copy = i % 10 == 9;
        int64_t id = copy ? 1 + i % (next - 1) : a.story ? a.story : next++;
        joins += !copy && a.story;
        CHECK_INT(sl_grouper_fetch_story(lazy, id), 0);
        const void *cw, *cl;
        size_t lw, ll;
        int64_t thread = copy || a.story ? 0 : a.thread;
        CHECK_INT(sl_grouper_add(whole, id, thread, &v, INT64_MIN, !copy, &cw, &lw), 0);
        CHECK_INT(sl_grouper_add(lazy, id, thread, &v, INT64_MIN, !copy, &cl, &ll), 0);
        same &= lw == ll && !memcmp(cw, cl, lw);
        save(f, id, thread, INT64_MIN, cw, lw);
        int taken = take_story_merges(f, whole, lazy); /* small stories a grown one took in */
        same &= taken >= 0;
        story_merges += taken > 0 ? taken : 0;
        int64_t from_w, into_w, from_l, into_l; /* a grown story linked again */
        sl_grouper_take_merge(whole, &from_w, &into_w);
        sl_grouper_take_merge(lazy, &from_l, &into_l);
        same &= from_w == from_l && into_w == into_l;
        merges += from_w != 0;
        for (int64_t k = 1; from_w && k <= f->n; k++)
            if (f->st[k].thread_id == from_w)
                f->st[k].thread_id = into_w;
    }
    int with_first = 0;   /* stories holding a word every third event has */
    for (int64_t id = 1; id <= f->n; id++)
        with_first += holds(f, id, 1);
    CHECK(with_first > 2 * 128);   /* more than the grouper reads of a term */
    CHECK(f->left > 0);            /* and centroids lost terms */
    CHECK(joins > 100);
    CHECK_INT(queries, ARTICLES / 25);
    CHECK(merges > 0);
    CHECK(story_merges > 0);
    CHECK(same);
    sl_grouper_free(whole);
    sl_grouper_free(lazy);
}

static int state_reads;

static int counted_state(void *ctx, int64_t id, int (*fn)(void *, const sl_story_state *), void *g)
{
    state_reads++;
    return fake_state(ctx, id, fn, g);
}

TEST(grouper_reading_stories_lazily_places_as_the_whole_grouper_does)
{
    static fake_store f;
    weighed = 0;
    lazy_places_as_whole(&f, (sl_story_source){NULL, fake_recent, fake_state, NULL});
}

/* Lists with each story's weight and a norm by story (schema 26): the
 * listed stories are scored without being read, only the candidates are,
 * and every placement is the whole grouper's. */
TEST(grouper_scoring_listed_stories_from_their_rows_places_as_the_whole_grouper_does)
{
    static fake_store f;
    weighed = 1;
    state_reads = 0;
    lazy_places_as_whole(&f, (sl_story_source){NULL, fake_recent, counted_state, fake_norm});
    int with_weights = state_reads;
    weighed = 0;
    state_reads = 0;
    lazy_places_as_whole(&f, (sl_story_source){NULL, fake_recent, counted_state, NULL});
    CHECK(with_weights * 2 < state_reads); /* fewer stories read whole */
}

/* A term held by 300 stories: a search reads the states of the 128 the
 * grouper scans (the newest), not of older ones, and places the article
 * where the grouper holding every story does. */
TEST(grouper_reads_only_the_stories_it_scans_of_a_term)
{
    static fake_store f;
    memset(&f, 0, sizeof f);
    sl_grouper *whole = sl_grouper_new();
    for (int64_t id = 1; id <= 300; id++) {
        sl_vector v = {2, {{1, 0.6f}, {1000 + (uint64_t)id, 0.8f}}};
        const void *c;
        size_t len;
        CHECK_INT(sl_grouper_add(whole, id, 0, &v, INT64_MIN, 1, &c, &len), 0);
        save(&f, id, 0, INT64_MIN, c, len);
    }
    for (weighed = 0; weighed <= 1; weighed++) {
        sl_story_source source = {&f, fake_recent, counted_state, weighed ? fake_norm : NULL};
        sl_grouper *lazy = sl_grouper_new();
        sl_grouper_set_source(lazy, &source);
        sl_vector v = {2, {{1, 0.6f}, {1250, 0.8f}}};
        sl_placement a, b;
        state_reads = 0;
        sl_grouper_place(whole, &v, INT64_MIN, &a);
        sl_grouper_place(lazy, &v, INT64_MIN, &b);
        CHECK_INT(sl_grouper_source_error(lazy), 0);
        CHECK_INT(b.story, 250);
        CHECK(same_place(&a, &b));
        /* with weights in the lists, only the 16 candidates are read */
        CHECK_INT(state_reads, weighed ? 16 : 128);
        sl_grouper_free(lazy);
    }
    sl_grouper_free(whole);
}

/* Term counts of a store of 1,000 articles where terms 1 and 2 are in
 * every article and the others in one. */
static int common_counts(void *ctx, const uint64_t *terms, size_t n, uint32_t *dfs)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++)
        dfs[i] = terms[i] <= 2 ? 1000 : 1;
    return 0;
}

/* Stories 1 {1, 2, 3} of 2 articles and 2 {1, 2, 4} of 1 loaded into a
 * grouper of n_docs articles; the counts in memory (`counted`: as a
 * process that counted every article holds them) or only in the store. */
static sl_grouper *two_stories_sharing_common_terms(uint64_t n_docs, int counted)
{
    sl_grouper *g = sl_grouper_new();
    sl_grouper_set_docs(g, n_docs);
    for (uint64_t term = 1; counted && term <= 4; term++)
        CHECK_INT(sl_grouper_load_df(g, term, term <= 2 ? (uint32_t)n_docs : 1), 0);
    if (!counted)
        sl_grouper_set_df_source(g, common_counts, NULL);
    unsigned char packed[2][3 * SL_CENTROID_TERM_BYTES];
    for (int64_t id = 1; id <= 2; id++) {
        sl_weighted_term t[3] = {{1, 0.5f}, {2, 0.5f}, {(uint64_t)id + 2, 0.5f}};
        sl_story_state st = {.id = id, .first_day = INT64_MIN, .last_day = INT64_MIN,
                             .centroid = packed[id - 1],
                             .len = sl_centroid_pack(t, 3, packed[id - 1]), .articles = 3 - id};
        CHECK_INT(sl_grouper_load_story(g, &st), 0);
    }
    return g;
}

/* A story's search (its centroid the query: a merge, a take-in, a link
 * again) leaves out the terms common in the collection, also when no
 * article of this process met them: a grouper opened on a store decides
 * as the one that counted every article (docs/stories.md "Same result
 * whatever the batch"). The two stories' cosine, 2/3, is all common terms:
 * they merge only where the rule is off (100 articles or fewer). */
TEST(grouper_story_search_leaves_out_stored_common_terms)
{
    int64_t from, into;
    for (int counted = 0; counted <= 1; counted++) {
        sl_grouper *g = two_stories_sharing_common_terms(1000, counted);
        CHECK_INT(sl_grouper_merge_near(g, 1, 0.45), 0);
        CHECK_INT(sl_grouper_source_error(g), 0);
        CHECK_INT(sl_grouper_take_story_merge(g, &from, &into), 0);
        sl_grouper_free(g);
    }
    sl_grouper *g = two_stories_sharing_common_terms(100, 0);
    CHECK_INT(sl_grouper_merge_near(g, 1, 0.45), 0);
    CHECK_INT(sl_grouper_take_story_merge(g, &from, &into), 1);
    CHECK(from == 2 && into == 1);
    sl_grouper_free(g);
}

/* The store's term counts, failing from the `fail_from`th read on (0:
 * never), as a store whose read fails does. */
static int df_reads, fail_from;

static int failing_counts(void *ctx, const uint64_t *terms, size_t n, uint32_t *dfs)
{
    df_reads++;
    if (fail_from && df_reads >= fail_from)
        return SL_ESTORE;
    return common_counts(ctx, terms, n, dfs);
}

/* A read that fails in the story search an add makes (the merge of a
 * story a short text joined: its centroid's counts read from the store)
 * is the add's error, the article's that made it, not the next article's
 * search's; after it the grouper reads nothing until it is taken, so the
 * store's message stays that read's. */
TEST(grouper_add_answers_with_its_story_searchs_failed_read)
{
    sl_grouper *g = two_stories_sharing_common_terms(1000, 0);
    sl_grouper_set_df_source(g, failing_counts, NULL);
    df_reads = 0;
    fail_from = 1;
    sl_vector v = {2, {{1, 0.7f}, {3, 0.7f}}};   /* a short text joining story 1 */
    const void *c;
    size_t len;
    CHECK_INT(sl_grouper_add(g, 1, 0, &v, INT64_MIN, 1, &c, &len), SL_ESTORE);
    CHECK_INT(df_reads, 1);   /* the failed read, then none */
    CHECK_INT(sl_grouper_source_error(g), 0);   /* taken: the next article starts clean */
    fail_from = 0;
    CHECK_INT(sl_grouper_add(g, 1, 0, &v, INT64_MIN, 1, &c, &len), 0);
    CHECK_INT(sl_grouper_source_error(g), 0);
    /* and the merge's own search (a revisit's) answers alike */
    fail_from = df_reads + 1;
    sl_grouper *h = two_stories_sharing_common_terms(1000, 0);
    sl_grouper_set_df_source(h, failing_counts, NULL);
    CHECK_INT(sl_grouper_merge_near(h, 1, 0.45), SL_ESTORE);
    CHECK_INT(sl_grouper_source_error(h), 0);
    fail_from = 0;
    sl_grouper_free(h);
    sl_grouper_free(g);
}
