/* test_stories.c — the story grouper (src/stories/): joining, starting,
 * date flags, near-empty articles, short texts, titles and the reload from
 * stored centroids (threads: test_story_threads.c; stories taken in and
 * merged: test_story_merges.c; story labels: test_story_labels.c). */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stories/stories.h"
#include "story_fixture.h"
#include "test.h"

TEST(grouper_joins_alike_and_splits_unlike)
{
    sl_grouper *g = sl_grouper_new();
    int64_t next = 1;
    sl_vector a = story_vec(quake, 8), b = story_vec(quake2, 8), c = story_vec(rehab, 8);
    int64_t s1 = story_put(g, &a, 100, &next, NULL);
    CHECK_INT(story_put(g, &b, 101, &next, NULL), s1);
    CHECK(story_put(g, &c, 101, &next, NULL) != s1);
    sl_grouper_free(g);
}

/* The join features of each pair (for eval/fit_stories.py): one line per
 * candidate within the window, its cosine the one the decision used, and
 * the decision the same with and without the trace; its thread line
 * follows (eval/fit_threads.py). */
TEST(grouper_trace_prints_the_pairs_features)
{
    sl_grouper *g = sl_grouper_new();
    int64_t next = 1;
    sl_vector a = story_vec(quake, 8), b = story_vec(quake2, 8), c = story_vec(rehab, 8);
    story_put(g, &a, 100, &next, NULL);
    story_put(g, &c, 100, &next, NULL);
    sl_placement plain, traced;
    sl_grouper_place(g, &b, 101, &plain);
    FILE *f = tmpfile();
    CHECK(f != NULL);
    sl_grouper_set_trace(g, f);
    sl_grouper_place(g, &b, 101, &traced);
    sl_grouper_set_trace(g, NULL);
    CHECK_INT(traced.story, plain.story);
    CHECK_INT(traced.story, 1);
    rewind(f);
    CHECK(fgetc(f) == 'W'); /* the vector (for the thread features), its kind, then the pair's */
    while (fgetc(f) != '\n' && !feof(f))
        ;
    CHECK(fgetc(f) == 'K');
    while (fgetc(f) != '\n' && !feof(f))
        ;
    unsigned story = 0;
    double x[11];
    int got = fscanf(f, "C\t%u\t%lf\t%lf\t%lf\t%lf\t%lf\t%lf\t%lf\t%lf\t%lf\t%lf\t%lf\n", &story,
                     &x[0], &x[1], &x[2], &x[3], &x[4], &x[5], &x[6], &x[7], &x[8], &x[9], &x[10]);
    CHECK_INT(got, 12);
    CHECK_INT(story, 1);
    CHECK(fabs(x[0] * exp(-1.0 / 30) - traced.similarity) < 1e-4); /* cosine, decayed by a day */
    CHECK(fabs(x[2] - x[0]) < 1e-6); /* no other candidate: the margin is the cosine */
    CHECK(fabs(x[3] - 7.0 / 8) < 1e-6); /* 7 of its 8 terms are in the story */
    CHECK(x[4] == 1 && x[7] == 1 && x[8] == 1); /* a day's gap, dated, short (8 terms) */
    /* ...and the same story as a candidate of the thread link */
    CHECK_INT(fscanf(f, "T\t%u\t", &story), 1);
    CHECK_INT(story, 1);
    while (fgetc(f) != '\n' && !feof(f))
        ;
    CHECK(fgetc(f) == EOF); /* the rehab story shares nothing: not a candidate */
    fclose(f);
    sl_grouper_free(g);
}

TEST(grouper_out_of_order_dates_join_by_publication_date)
{
    sl_grouper *g = sl_grouper_new();
    int64_t next = 1;
    sl_vector a = story_vec(quake, 8), b = story_vec(quake2, 8);
    int64_t s1 = story_put(g, &a, 200, &next, NULL);
    /* Arrives later but was published the day before: still the story. */
    CHECK_INT(story_put(g, &b, 199, &next, NULL), s1);
    /* Published two months before: not the same story. */
    CHECK(story_put(g, &b, 140, &next, NULL) != s1);
    sl_grouper_free(g);
}

TEST(grouper_near_empty_articles_are_not_merged_into_everything)
{
    sl_grouper *g = sl_grouper_new();
    int64_t next = 1;
    sl_vector a = story_vec(quake, 8), c = story_vec(rehab, 8), empty = {0};
    const uint64_t one[] = {11};
    sl_vector single = story_vec(one, 1);
    int64_t s1 = story_put(g, &a, 100, &next, NULL);
    story_put(g, &c, 100, &next, NULL);
    int64_t e1 = story_put(g, &empty, 100, &next, NULL);
    CHECK(e1 != s1);
    /* A second empty article does not join the first (nothing in common). */
    CHECK(story_put(g, &empty, 100, &next, NULL) != e1);
    /* One word shared with a story of eight is too little to join it. */
    CHECK(story_put(g, &single, 100, &next, NULL) != s1);
    sl_grouper_free(g);
}

TEST(grouper_short_texts_join_on_fewer_shared_words)
{
    /* Two headlines of three words sharing one (cosine 0.33): one shared
     * term is enough for a short text (a full article needs two). */
    const uint64_t head1[] = {11, 61, 62}, head2[] = {11, 71, 72};
    sl_grouper *g = sl_grouper_new();
    int64_t next = 1;
    sl_vector a = story_vec(head1, 3), b = story_vec(head2, 3);
    int64_t s1 = story_put(g, &a, INT64_MIN, &next, NULL);
    CHECK_INT(story_put(g, &b, INT64_MIN, &next, NULL), s1);
    sl_grouper_free(g);
    /* Full articles sharing 3 of 16 terms (cosine 0.19) stay apart. */
    uint64_t long1[16], long2[16];
    for (uint64_t k = 0; k < 16; k++) {
        long1[k] = 100 + k;
        long2[k] = k < 3 ? 100 + k : 200 + k;
    }
    g = sl_grouper_new();
    next = 1;
    sl_vector c = story_vec(long1, 16), d = story_vec(long2, 16);
    s1 = story_put(g, &c, INT64_MIN, &next, NULL);
    CHECK(story_put(g, &d, INT64_MIN, &next, NULL) != s1);
    sl_grouper_free(g);
}

TEST(centroid_packed_at_twelve_bytes_a_term)
{
    const sl_weighted_term terms[] = {{1, 0.5f}, {UINT64_MAX, -0.25f}, {42, 1e-30f}};
    unsigned char packed[3 * SL_CENTROID_TERM_BYTES + 1];
    CHECK_INT(sl_centroid_pack(terms, 3, packed), 36);
    sl_weighted_term back[SL_CENTROID_TERMS];
    CHECK_INT(sl_centroid_unpack(packed, 36, back), 3);
    for (int k = 0; k < 3; k++)
        CHECK(back[k].term == terms[k].term && back[k].weight == terms[k].weight);
    /* a blob's last partial term is not read */
    CHECK_INT(sl_centroid_unpack(packed + 1, 35, back), 2);
}

/* Whether `v` joins a story of `articles` articles whose centroid is `centroid`. */
static int joins_story_of(const sl_vector *centroid, int64_t articles, const sl_vector *v)
{
    sl_grouper *g = sl_grouper_new();
    unsigned char packed[SL_VECTOR_TERMS * SL_CENTROID_TERM_BYTES];
    sl_story_state st = {.id = 1, .first_day = INT64_MIN, .last_day = INT64_MIN,
                         .centroid = packed,
                         .len = sl_centroid_pack(centroid->terms, centroid->n, packed),
                         .articles = articles};
    CHECK_INT(sl_grouper_load_story(g, &st), 0);
    sl_placement p;
    sl_grouper_place(g, v, INT64_MIN, &p);
    sl_grouper_free(g);
    return p.story == 1;
}

TEST(grouper_short_text_joins_a_larger_story_more_readily)
{
    /* A headline sharing one word of five with a story's centroid (cosine
     * 0.2) does not join a story of one headline, and joins the same
     * centroid when the story holds eight: a short text's similarity
     * counts the story's size (n^0.3: 0.37). A full article is judged
     * by its cosine alone (3 of 16 terms, 0.19: apart at any size). */
    const uint64_t head1[] = {11, 61, 62, 63, 64}, head2[] = {11, 71, 72, 73, 74};
    sl_vector story = story_vec(head1, 5), headline = story_vec(head2, 5);
    CHECK_INT(joins_story_of(&story, 1, &headline), 0);
    CHECK_INT(joins_story_of(&story, 8, &headline), 1);
    uint64_t long1[16], long2[16];
    for (uint64_t k = 0; k < 16; k++) {
        long1[k] = 100 + k;
        long2[k] = k < 3 ? 100 + k : 200 + k;
    }
    sl_vector full_story = story_vec(long1, 16), article = story_vec(long2, 16);
    CHECK_INT(joins_story_of(&full_story, 8, &article), 0);
    CHECK_INT(joins_story_of(&full_story, 100, &article), 0);
}

TEST(grouper_short_text_weighs_a_story_size_by_what_it_holds_of_the_headline)
{
    /* A headline of five words: a story of 40 holds one of them (cosine
     * 0.2), a story of 3 two (cosine 0.4). By size alone (n^0.3) the large
     * story wins, 0.60 to 0.56; with the part of the headline each lacks
     * (n^(0.3 - 0.2 * 0.8) and n^(0.3 - 0.2 * 0.6)) the small one does,
     * 0.34 to 0.49. Each alone, the headline joins it (above 0.252). */
    const uint64_t large[] = {11, 61, 62, 63, 64}, small[] = {11, 12, 71, 72, 73},
                   head[] = {11, 12, 81, 82, 83};
    unsigned char c1[5 * SL_CENTROID_TERM_BYTES], c2[5 * SL_CENTROID_TERM_BYTES];
    sl_story_state stored[] = {stored_story(1, large, 5, 40, c1), stored_story(2, small, 5, 3, c2)};
    sl_vector h = story_vec(head, 5), a = story_vec(large, 5), b = story_vec(small, 5);
    size_t len;
    sl_grouper_free(article_joins(stored, 2, &h, 2, &len));
    CHECK_INT(joins_story_of(&a, 40, &h), 1);
    CHECK_INT(joins_story_of(&b, 3, &h), 1);
}

TEST(grouper_title_words_count_four_more_times)
{
    /* "harbour" in the title and once in the body, "crane" once in the
     * body, past the lead: with no document counts (equal idf), the title
     * word weighs 1 + ln 5 times the body word. */
    sl_term body_terms[] = {{101, 1, 5}, {102, 1, 5}}, title_terms[] = {{101, 1, 0}};
    sl_analysis body = {0}, title = {0};
    body.terms.items = body_terms;
    body.terms.n = 2;
    title.terms.items = title_terms;
    title.terms.n = 1;
    sl_grouper *g = sl_grouper_new();
    sl_vector v;
    sl_grouper_vectorize(g, &body, &title, &v);
    CHECK_INT(v.n, 2);
    CHECK(v.terms[0].term == 101 && v.terms[1].term == 102);
    CHECK(fabs(v.terms[0].weight / v.terms[1].weight - (1 + log(5.0))) < 1e-4);
    sl_grouper_free(g);
}

TEST(grouper_granularity_scales_the_threshold)
{
    const uint64_t half[] = {11, 12, 13, 14, 51, 52, 53, 54};
    sl_vector a = story_vec(quake, 8), b = story_vec(half, 8);
    int64_t joined[2];
    for (int k = 0; k < 2; k++) {
        sl_grouper *g = sl_grouper_new();
        sl_grouper_set_granularity(g, k ? 4.0 : 1.0);
        int64_t next = 1;
        int64_t s1 = story_put(g, &a, INT64_MIN, &next, NULL);
        joined[k] = story_put(g, &b, INT64_MIN, &next, NULL) == s1;
        sl_grouper_free(g);
    }
    CHECK_INT(joined[0], 1); /* cosine 0.5 joins by default */
    CHECK_INT(joined[1], 0); /* not when four times the similarity is asked */
}

TEST(grouper_reload_gives_the_same_placements)
{
    sl_grouper *g = sl_grouper_new(), *h = sl_grouper_new();
    int64_t next = 1;
    /* What the store would hold after each add: the last centroid and days per story. */
    sl_weighted_term saved[8][SL_CENTROID_TERMS];
    sl_story_state st[8] = {{0}};
    sl_vector in[] = {story_vec(quake, 8), story_vec(rehab, 8), story_vec(quake2, 8), story_vec(quake_other, 16)};
    for (int i = 0; i < 4; i++) {
        sl_placement p;
        int64_t day = 100 + i;
        sl_grouper_place(g, &in[i], day, &p);
        int64_t id = p.story ? p.story : next++;
        const void *c;
        size_t len;
        CHECK_INT(sl_grouper_add(g, id, p.story ? 0 : p.thread, &in[i], day, 1, &c, &len), 0);
        memcpy(saved[id], c, len);
        if (!st[id].id)
            st[id] = (sl_story_state){id, p.thread ? p.thread : id, day, day, 0, saved[id], 0, 0, 0};
        st[id].articles++;
        st[id].last_day = day;
        st[id].len = len;
    }
    for (int64_t id = 1; id < next; id++)
        CHECK_INT(sl_grouper_load_story(h, &st[id]), 0);
    sl_vector probes[] = {story_vec(quake2, 8), story_vec(rehab, 8), story_vec(quake_other, 16), story_vec(quake, 8)};
    for (int i = 0; i < 4; i++) {
        sl_placement a, b;
        sl_grouper_place(g, &probes[i], 101, &a);
        sl_grouper_place(h, &probes[i], 101, &b);
        CHECK_INT(a.story, b.story);
        CHECK_INT(a.thread, b.thread);
        CHECK(fabs(a.similarity - b.similarity) < 1e-6);
    }
    sl_grouper_free(g);
    sl_grouper_free(h);
}

/* Saves one pending document-frequency increment into a grouper (as the
 * store does, and the next open loads). */
static int save_into(void *ctx, uint64_t term, uint32_t inc)
{
    return sl_grouper_load_df(ctx, term, inc);
}

TEST(grouper_language_is_the_most_counted_and_reloads)
{
    sl_grouper *g = sl_grouper_new(), *h = sl_grouper_new(), *r = sl_grouper_new();
    CHECK(sl_grouper_language(g) == NULL);
    CHECK_INT(sl_grouper_count_language(g, "und"), 0);
    CHECK_INT(sl_grouper_count_language(g, NULL), 0);
    CHECK(sl_grouper_language(g) == NULL);
    const char *order[] = {"sco", "en", "fy", "en", "sco", "en"};
    for (int i = 0; i < 6; i++)
        CHECK_INT(sl_grouper_count_language(g, order[i]), 0);
    CHECK_STR(sl_grouper_language(g), "en");
    /* the same counts in another order: the same language, ties to the first code */
    for (int i = 5; i >= 0; i--)
        CHECK_INT(sl_grouper_count_language(h, order[i]), 0);
    CHECK_STR(sl_grouper_language(h), "en");
    CHECK_INT(sl_grouper_count_language(r, "sco"), 0);
    CHECK_INT(sl_grouper_count_language(r, "en"), 0);
    CHECK_STR(sl_grouper_language(r), "en");
    /* saved and loaded (a new process, another batch): the same language */
    sl_grouper_free(r);
    r = sl_grouper_new();
    CHECK_INT(sl_grouper_take_pending(g, save_into, r), 0);
    CHECK_STR(sl_grouper_language(r), "en");
    CHECK_INT(sl_grouper_count_language(r, "sco"), 0);
    CHECK_INT(sl_grouper_count_language(r, "sco"), 0);
    CHECK_STR(sl_grouper_language(r), "sco");
    sl_grouper_free(g);
    sl_grouper_free(h);
    sl_grouper_free(r);
}

TEST(grouper_day_flags_undated_and_clamped)
{
    sl_grouper *g = sl_grouper_new();
    sl_day_flag flag;
    int64_t today = 20000;
    CHECK_INT(sl_grouper_day(19990, today, &flag), 19990);
    CHECK_INT(flag, SL_DAY_OK);
    CHECK_INT(sl_grouper_day(INT64_MIN, today, &flag), INT64_MIN);
    CHECK_INT(flag, SL_DAY_UNDATED);
    int64_t next = 1;
    sl_vector a = story_vec(quake, 8);
    story_put(g, &a, 19995, &next, NULL);
    /* Undated stays undated after a dated story: grouped by content, not arrival. */
    CHECK_INT(sl_grouper_day(INT64_MIN, today, &flag), INT64_MIN);
    CHECK_INT(sl_grouper_day(today + 4000, today, &flag), today);
    CHECK_INT(flag, SL_DAY_CLAMPED);
    CHECK(sl_grouper_day(-40000, today, &flag) > -40000);
    CHECK_INT(flag, SL_DAY_CLAMPED);
    sl_grouper_free(g);
}

TEST(grouper_retitle_keeps_the_best_match)
{
    sl_grouper *g = sl_grouper_new();
    int64_t next = 1;
    sl_vector a = story_vec(quake, 8);
    int64_t s = story_put(g, &a, 100, &next, NULL);
    CHECK_INT(sl_grouper_retitle(g, s, -1), SL_RETITLE_SCORE);   /* titled first article */
    CHECK_INT(sl_grouper_retitle(g, s, 0.6), SL_RETITLE_SCORE);  /* the second scores the first */
    CHECK_INT(sl_grouper_retitle(g, s, 0.5), SL_RETITLE_NONE);
    CHECK_INT(sl_grouper_retitle(g, s, 0.7), SL_RETITLE_TITLE);  /* a better match gives its title */
    CHECK(fabs(sl_grouper_title_score(g, s) - 0.7) < 1e-6);
    /* An untitled first article's fallback title goes to the first titled joiner. */
    int64_t u = story_put(g, &a, 300, &next, NULL);
    CHECK_INT(sl_grouper_retitle(g, u, 0.3), SL_RETITLE_TITLE);
    sl_grouper_free(g);
}

/* What a fake store of counts was asked: how many calls, and the terms of
 * the last (a term's count is ten times the term). */
typedef struct counts_asked {
    int calls;
    size_t n;
    uint64_t terms[8];
} counts_asked;

static int counts_of(void *ctx, const uint64_t *terms, size_t n, uint32_t *dfs)
{
    counts_asked *a = ctx;
    a->calls++;
    a->n = n;
    for (size_t i = 0; i < n; i++) {
        if (i < 8)
            a->terms[i] = terms[i];
        dfs[i] = (uint32_t)(terms[i] * 10);
    }
    return 0;
}

/* The grouper reads an article's new terms' counts by one call, each term
 * once (body, then title), and the next article's only the terms not in
 * memory yet. */
TEST(grouper_fetches_new_counts_by_one_call)
{
    sl_grouper *g = sl_grouper_new();
    CHECK(g != NULL);
    if (!g)
        return;
    sl_term body_terms[] = {{5, 1, 0}, {6, 2, 0}}, title_terms[] = {{6, 1, 0}, {7, 1, 0}};
    sl_analysis body = {0}, title = {0};
    body.terms.items = body_terms;
    body.terms.n = 2;
    title.terms.items = title_terms;
    title.terms.n = 2;
    counts_asked asked = {0};
    sl_grouper_set_df_source(g, counts_of, &asked);
    CHECK_INT(sl_grouper_fetch_df(g, &body, &title), 0);
    CHECK_INT(asked.calls, 1);
    CHECK_INT((int)asked.n, 4); /* 5, 6, 6, 7: the title's 6 is not in memory yet */
    CHECK(asked.terms[0] == 5 && asked.terms[1] == 6 && asked.terms[3] == 7);
    sl_term more[] = {{6, 1, 0}, {8, 1, 0}};
    body.terms.items = more;
    CHECK_INT(sl_grouper_fetch_df(g, &body, NULL), 0);
    CHECK_INT(asked.calls, 2);
    CHECK_INT((int)asked.n, 1);
    CHECK(asked.terms[0] == 8);
    CHECK_INT(sl_grouper_fetch_df(g, &body, &title), 0);
    CHECK_INT(asked.calls, 2); /* every term in memory: no call */
    sl_grouper_free(g);
}
