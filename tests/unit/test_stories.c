/* test_stories.c — the story grouper (src/stories/): joining, starting,
 * threads, the date window, date flags, near-empty articles, titles and the
 * reload from stored centroids (story labels: test_story_labels.c). */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stories/stories.h"
#include "test.h"

/* A vector over terms 1..n of `ids` with equal weights, normalised. */
static sl_vector vec(const uint64_t *ids, uint32_t n)
{
    sl_vector v = {0};
    for (uint32_t i = 0; i < n; i++)
        v.terms[v.n++] = (sl_weighted_term){ids[i], (float)(1.0 / sqrt(n))};
    return v;
}

/* Places v and adds it; returns the story id (new ids from *next). */
static int64_t put(sl_grouper *g, const sl_vector *v, int64_t day, int64_t *next, int64_t *thread)
{
    sl_placement p;
    sl_grouper_place(g, v, day, &p);
    int64_t id = p.story ? p.story : (*next)++;
    const void *c;
    size_t len;
    CHECK_INT(sl_grouper_add(g, id, p.story ? 0 : p.thread, v, day, 1, &c, &len), 0);
    if (thread)
        *thread = p.story ? 0 : (p.thread ? p.thread : id);
    return id;
}

static const uint64_t quake[] = {11, 12, 13, 14, 15, 16, 17, 18};
static const uint64_t quake2[] = {11, 12, 13, 14, 15, 16, 17, 19};
static const uint64_t rehab[] = {31, 32, 33, 34, 35, 36, 37, 38};
/* Shares two words with the quake stories: a relative (thread), not the story. */
static const uint64_t quake_other[] = {11, 12, 41, 42, 43, 44, 45, 46,
                                       47, 48, 49, 50, 51, 52, 53, 54};

TEST(grouper_joins_alike_and_splits_unlike)
{
    sl_grouper *g = sl_grouper_new();
    int64_t next = 1;
    sl_vector a = vec(quake, 8), b = vec(quake2, 8), c = vec(rehab, 8);
    int64_t s1 = put(g, &a, 100, &next, NULL);
    CHECK_INT(put(g, &b, 101, &next, NULL), s1);
    CHECK(put(g, &c, 101, &next, NULL) != s1);
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
    sl_vector a = vec(quake, 8), b = vec(quake2, 8), c = vec(rehab, 8);
    put(g, &a, 100, &next, NULL);
    put(g, &c, 100, &next, NULL);
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

/* The "term:weight:name" cells of a trace's W line (after its tag) whose
 * term is one of ids[0..n) (in order), whose weight is an equal share and
 * whose name flag is `name`; -1 when a cell is of another term. */
static int trace_terms(const char *line, const uint64_t *ids, int n, int name)
{
    int found = 0;
    for (const char *at = strchr(line, '\t'); at; at = strchr(at + 1, '\t')) {
        unsigned long long term = 0;
        double weight = 0;
        int flag = -1;
        if (sscanf(at, "\t%llu:%lf:%d", &term, &weight, &flag) != 3 || found >= n ||
            term != ids[found])
            return -1;
        found += fabs(weight - 1 / sqrt(n)) < 1e-5 && flag == name;
    }
    return found;
}

/* The thread decisions' inputs (for eval/fit_threads.py's replay): a new
 * story's candidates from its first article ("T"), each add with its
 * story's count and the thread it was given ("A"), the candidates of its
 * centroid ("R"), the vector placed ("W") and its event kind ("K", none
 * here: no text), and the centroid after each add ("V"); the placements and threads the same with and without the trace. */
TEST(grouper_thread_trace_prints_what_the_thread_rule_reads)
{
    uint64_t near_ids[64]; /* four words of the quake's: cosine 0.177, a relative */
    for (int i = 0; i < 64; i++)
        near_ids[i] = i < 4 ? quake[i] : 300 + (uint64_t)i;
    sl_vector a = vec(quake, 8), c = vec(rehab, 8), near = vec(near_ids, 64);
    int64_t threads[2][3];
    FILE *f = tmpfile();
    CHECK(f != NULL);
    for (int traced = 0; traced < 2; traced++) {
        sl_grouper *g = sl_grouper_new();
        sl_grouper_set_trace(g, traced ? f : NULL);
        int64_t next = 1;
        put(g, &a, INT64_MIN, &next, &threads[traced][0]);
        put(g, &c, INT64_MIN, &next, &threads[traced][1]);
        put(g, &near, INT64_MIN, &next, &threads[traced][2]);
        sl_grouper_free(g);
    }
    CHECK_INT(threads[1][2], threads[0][2]);
    CHECK_INT(threads[1][2], 1); /* the third story goes into the quake's thread */
    rewind(f);
    char line[4096]; /* a W line: 64 terms of up to 32 bytes */
    int adds = 0, links = 0, relinks = 0, vectors = 0, kinds = 0, centroids = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned story = 0, shared = 0, articles = 0;
        long long count = 0, thread = -1, gap = -1;
        int day_dated = -1, story_dated = -1;
        double cosine = 0, names = -1;
        if (line[0] == 'A') {
            CHECK_INT(sscanf(line, "A\t%u\t%lld\t%lld", &story, &count, &thread), 3);
            CHECK_INT(story, adds + 1);
            CHECK_INT(count, 1);
            CHECK_INT(thread, adds == 2 ? 1 : 0); /* the thread given: the quake's, else its own */
            adds++;
        } else if (line[0] == 'T') {
            CHECK_INT(sscanf(line, "T\t%u\t%lf\t%lf\t%u\t%lld\t%d\t%d\t%u", &story, &cosine,
                             &names, &shared, &gap, &day_dated, &story_dated, &articles), 8);
            CHECK_INT(adds, 2); /* printed when the third article is placed */
            CHECK_INT(story, 1);
            CHECK(fabs(cosine - 4 / sqrt(8.0 * 64)) < 1e-5);
            CHECK_INT(shared, 4);
            CHECK(gap == 0 && day_dated == 0 && story_dated == 0 && articles == 1);
            links++;
        } else if (line[0] == 'R') {
            CHECK_INT(sscanf(line, "R\t%u\t%lf\t%u\t%u\t%lld\t%d\t%d", &story, &cosine, &shared,
                             &articles, &gap, &day_dated, &story_dated), 7);
            CHECK(gap == 0 && day_dated == 0 && story_dated == 0);
            CHECK_INT(adds, 3); /* the third story's centroid finds the quake's */
            CHECK_INT(story, 1);
            CHECK_INT(shared, 4);
            relinks++;
        } else if (line[0] == 'W') {
            /* the vector placed: its terms, none a name (no names found) */
            CHECK_INT(adds, vectors);
            const uint64_t *ids = vectors == 0 ? quake : vectors == 1 ? rehab : near_ids;
            CHECK_INT(trace_terms(line, ids, vectors == 2 ? 64 : 8, 0), vectors == 2 ? 64 : 8);
            vectors++;
        } else if (line[0] == 'K') {
            CHECK_INT(kinds, vectors - 1); /* after its W line */
            CHECK(!strchr(line, '\t'));
            kinds++;
        } else if (line[0] == 'V') {
            /* the centroid after the add: one article's, the story's own */
            long long id = 0;
            CHECK_INT(sscanf(line, "V\t%lld", &id), 1);
            CHECK_INT(id, adds);
            CHECK_INT(centroids, adds - 1);
            int cells = 0;
            for (const char *at = strchr(line, ':'); at; at = strchr(at + 1, ':'))
                cells++;
            CHECK_INT(cells, adds == 3 ? 64 : 8); /* the article's terms, all kept */
            centroids++;
        } else {
            CHECK(line[0] == 'C'); /* the join's features (above) */
        }
    }
    CHECK_INT(adds, 3);
    CHECK_INT(links, 1);
    CHECK_INT(relinks, 1);
    CHECK_INT(vectors, 3);
    CHECK_INT(kinds, 3);
    CHECK_INT(centroids, 3);
    fclose(f);
}

TEST(grouper_thread_trace_flags_the_name_features_of_a_vector)
{
    /* The W line says which of the vector's features are names, so that a
     * replay can tell shared actors from a shared subject. */
    const char *text = "The ferry captain Odile Marchetti docked at the old quay.\n"
                       "Crews praised Odile Marchetti for the calm crossing.";
    sl_analyzer *an = sl_analyzer_new();
    sl_analysis body = {0};
    CHECK(an != NULL);
    CHECK_INT(sl_analyze_as(an, text, strlen(text), "en", &body), 0);
    sl_grouper *g = sl_grouper_new();
    CHECK_INT(sl_grouper_find_entities(g, &body, text, NULL, NULL, NULL), 0);
    sl_vector v;
    sl_grouper_vectorize(g, &body, NULL, &v);
    FILE *f = tmpfile();
    CHECK(f != NULL);
    sl_grouper_set_trace(g, f);
    sl_placement p;
    sl_grouper_place(g, &v, INT64_MIN, &p);
    rewind(f);
    char line[8192];
    int names = 0, terms = 0, cells = 0;
    CHECK(fgets(line, sizeof line, f) && line[0] == 'W');
    for (const char *at = strchr(line, '\t'); at; at = strchr(at + 1, '\t')) {
        unsigned long long term = 0;
        float weight = 0;
        int name = -1;
        CHECK_INT(sscanf(at, "\t%llu:%f:%d", &term, &weight, &name), 3);
        CHECK_INT(term, v.terms[cells].term);
        names += name == 1;
        terms += name == 0;
        cells++;
    }
    CHECK_INT(cells, v.n);
    CHECK_INT(names, 3); /* "odile", "marchetti", and the pair */
    CHECK(terms >= 6);   /* ferry, captain, dock, quay, crew, crossing... */
    fclose(f);
    sl_grouper_free(g);
    sl_analysis_free(&body);
    sl_analyzer_free(an);
}

TEST(grouper_date_window_starts_a_story_in_the_same_thread)
{
    sl_grouper *g = sl_grouper_new();
    int64_t next = 1, thread = 0;
    sl_vector a = vec(quake, 8), b = vec(quake2, 8), far = vec(quake_other, 16);
    int64_t s1 = put(g, &a, 100, &next, NULL);
    /* Thirty days on, the same words make a new story, linked by its thread. */
    int64_t s2 = put(g, &b, 130, &next, &thread);
    CHECK(s2 != s1);
    CHECK_INT(thread, s1);
    /* Two shared words (a place name) make neither the story nor the thread. */
    int64_t s3 = put(g, &far, INT64_MIN, &next, &thread);
    CHECK(s3 != s1);
    CHECK_INT(thread, s3);
    sl_grouper_free(g);
}

/* Shares its main actors and subject (five of eight words) with the quake
 * stories, not the rest: a sequel weeks later. */
static const uint64_t quake_sequel[] = {11, 12, 13, 14, 15, 61, 62, 63};

TEST(grouper_thread_links_a_sequel_weeks_later)
{
    sl_grouper *g = sl_grouper_new();
    int64_t next = 1, thread = 0;
    sl_vector a = vec(quake, 8), b = vec(quake_sequel, 8);
    int64_t s1 = put(g, &a, 100, &next, NULL);
    /* Nine weeks on (cosine 0.625): a story of its own in the quake's thread.
     * With the similarity decayed by the gap (0.06), it was not linked. */
    int64_t s2 = put(g, &b, 163, &next, &thread);
    CHECK(s2 != s1);
    CHECK_INT(thread, s1);
    sl_grouper_free(g);
}

TEST(grouper_thread_across_weeks_needs_a_story_join_similarity)
{
    sl_grouper *g = sl_grouper_new();
    int64_t next = 1, thread = 0;
    /* Four of 64 words shared (cosine 0.177 with the quake): a relative
     * when both are undated (thread threshold 0.09), not across weeks (0.225). */
    uint64_t ids[64];
    for (int i = 0; i < 64; i++)
        ids[i] = i < 4 ? quake[i] : 100 + (uint64_t)i;
    sl_vector a = vec(quake, 8), near = vec(ids, 64);
    int64_t s1 = put(g, &a, INT64_MIN, &next, NULL);
    int64_t s2 = put(g, &near, INT64_MIN, &next, &thread);
    CHECK(s2 != s1);
    CHECK_INT(thread, s1);
    sl_grouper *h = sl_grouper_new();
    next = 1;
    s1 = put(h, &a, 100, &next, NULL);
    s2 = put(h, &near, 150, &next, &thread);
    CHECK(s2 != s1);
    CHECK_INT(thread, s2);
    sl_grouper_free(g);
    sl_grouper_free(h);
}

/* An undated story in a collection with dates may be from any week: a dated
 * story links to it only as closely as across weeks (the demo's undated
 * treaty talks and its dated mill fire share place names, cosine 0.10), and
 * an undated one to a dated story likewise. */
TEST(grouper_thread_between_dated_and_undated_needs_a_story_join_similarity)
{
    uint64_t ids[64];
    for (int i = 0; i < 64; i++)
        ids[i] = i < 4 ? quake[i] : 100 + (uint64_t)i;
    sl_vector a = vec(quake, 8), near = vec(ids, 64);
    for (int undated_first = 0; undated_first < 2; undated_first++) {
        sl_grouper *g = sl_grouper_new();
        int64_t next = 1, thread = 0;
        int64_t s1 = put(g, &a, undated_first ? INT64_MIN : 100, &next, NULL);
        int64_t s2 = put(g, &near, undated_first ? 100 : INT64_MIN, &next, &thread);
        CHECK(s2 != s1);
        CHECK_INT(thread, s2);
        sl_grouper_free(g);
    }
}

TEST(grouper_out_of_order_dates_join_by_publication_date)
{
    sl_grouper *g = sl_grouper_new();
    int64_t next = 1;
    sl_vector a = vec(quake, 8), b = vec(quake2, 8);
    int64_t s1 = put(g, &a, 200, &next, NULL);
    /* Arrives later but was published the day before: still the story. */
    CHECK_INT(put(g, &b, 199, &next, NULL), s1);
    /* Published two months before: not the same story. */
    CHECK(put(g, &b, 140, &next, NULL) != s1);
    sl_grouper_free(g);
}

TEST(grouper_near_empty_articles_are_not_merged_into_everything)
{
    sl_grouper *g = sl_grouper_new();
    int64_t next = 1;
    sl_vector a = vec(quake, 8), c = vec(rehab, 8), empty = {0};
    const uint64_t one[] = {11};
    sl_vector single = vec(one, 1);
    int64_t s1 = put(g, &a, 100, &next, NULL);
    put(g, &c, 100, &next, NULL);
    int64_t e1 = put(g, &empty, 100, &next, NULL);
    CHECK(e1 != s1);
    /* A second empty article does not join the first (nothing in common). */
    CHECK(put(g, &empty, 100, &next, NULL) != e1);
    /* One word shared with a story of eight is too little to join it. */
    CHECK(put(g, &single, 100, &next, NULL) != s1);
    sl_grouper_free(g);
}

TEST(grouper_short_texts_join_on_fewer_shared_words)
{
    /* Two headlines of three words sharing one (cosine 0.33): one shared
     * term is enough for a short text (a full article needs two). */
    const uint64_t head1[] = {11, 61, 62}, head2[] = {11, 71, 72};
    sl_grouper *g = sl_grouper_new();
    int64_t next = 1;
    sl_vector a = vec(head1, 3), b = vec(head2, 3);
    int64_t s1 = put(g, &a, INT64_MIN, &next, NULL);
    CHECK_INT(put(g, &b, INT64_MIN, &next, NULL), s1);
    sl_grouper_free(g);
    /* Full articles sharing 3 of 16 terms (cosine 0.19) stay apart. */
    uint64_t long1[16], long2[16];
    for (uint64_t k = 0; k < 16; k++) {
        long1[k] = 100 + k;
        long2[k] = k < 3 ? 100 + k : 200 + k;
    }
    g = sl_grouper_new();
    next = 1;
    sl_vector c = vec(long1, 16), d = vec(long2, 16);
    s1 = put(g, &c, INT64_MIN, &next, NULL);
    CHECK(put(g, &d, INT64_MIN, &next, NULL) != s1);
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
    sl_vector story = vec(head1, 5), headline = vec(head2, 5);
    CHECK_INT(joins_story_of(&story, 1, &headline), 0);
    CHECK_INT(joins_story_of(&story, 8, &headline), 1);
    uint64_t long1[16], long2[16];
    for (uint64_t k = 0; k < 16; k++) {
        long1[k] = 100 + k;
        long2[k] = k < 3 ? 100 + k : 200 + k;
    }
    sl_vector full_story = vec(long1, 16), article = vec(long2, 16);
    CHECK_INT(joins_story_of(&full_story, 8, &article), 0);
    CHECK_INT(joins_story_of(&full_story, 100, &article), 0);
}

/* A stored story of `articles` articles over `terms` (weights 0.5), for
 * sl_grouper_load_story; `centroid` holds its terms packed. */
static sl_story_state stored_story(int64_t id, const uint64_t *terms, uint32_t n, int64_t articles,
                                   unsigned char *centroid)
{
    sl_weighted_term t[SL_CENTROID_TERMS];
    for (uint32_t i = 0; i < n; i++)
        t[i] = (sl_weighted_term){terms[i], 0.5f};
    return (sl_story_state){.id = id, .first_day = INT64_MIN, .last_day = INT64_MIN,
                            .centroid = centroid, .len = sl_centroid_pack(t, n, centroid),
                            .articles = articles};
}

/* A grouper holding the n stored stories, and the article h (a headline or
 * a full report) placed in it and added to the story it joins (which must
 * be `joins`): its centroid's length in *len. */
static sl_grouper *article_joins(const sl_story_state *stored, size_t n, const sl_vector *h,
                                  int64_t joins, size_t *len)
{
    sl_grouper *g = sl_grouper_new();
    for (size_t i = 0; i < n; i++)
        CHECK_INT(sl_grouper_load_story(g, &stored[i]), 0);
    sl_placement p;
    sl_grouper_place(g, h, INT64_MIN, &p);
    CHECK_INT(p.story, joins);
    const void *centroid;
    CHECK_INT(sl_grouper_add(g, joins, 0, h, INT64_MIN, 1, &centroid, len), 0);
    return g;
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
    sl_vector h = vec(head, 5), a = vec(large, 5), b = vec(small, 5);
    size_t len;
    sl_grouper_free(article_joins(stored, 2, &h, 2, &len));
    CHECK_INT(joins_story_of(&a, 40, &h), 1);
    CHECK_INT(joins_story_of(&b, 3, &h), 1);
}

/* The last add made one story merge, of story `from` into story `into`. */
static void check_one_merge(sl_grouper *g, int64_t from, int64_t into)
{
    int64_t f, i;
    CHECK_INT(sl_grouper_take_story_merge(g, &f, &i), 1);
    CHECK(f == from && i == into);
    CHECK_INT(sl_grouper_take_story_merge(g, &f, &i), 0);
    CHECK(f == 0 && i == 0);
}

TEST(grouper_short_text_merges_the_story_it_grows_into_its_neighbour)
{
    /* Two stories sharing one word of four (centroid cosine 0.25), neither
     * small enough to be taken in. A headline joins the larger (100
     * articles against 4: 1.02 to 0.91 with their size priors, though it
     * shares 2 of its words with it and 3 with the other), and the grown
     * centroid reaches a cosine of 0.54 with the other, above the merge
     * threshold: the later story goes into the earlier, with its articles,
     * and leaves the index. */
    const uint64_t first[] = {1, 2, 3, 4}, second[] = {1, 5, 6, 7}, head[] = {2, 3, 4, 5, 6};
    unsigned char c1[4 * SL_CENTROID_TERM_BYTES], c2[4 * SL_CENTROID_TERM_BYTES];
    sl_story_state stored[] = {stored_story(1, first, 4, 4, c1), stored_story(2, second, 4, 100, c2)};
    sl_vector h = vec(head, 5);
    size_t len;
    sl_grouper *g = article_joins(stored, 2, &h, 2, &len);
    check_one_merge(g, 2, 1);
    CHECK_INT(len, 7 * SL_CENTROID_TERM_BYTES); /* story 1's centroid: the union of terms */
    sl_vector again = vec(second, 4);
    sl_placement p;
    sl_grouper_place(g, &again, INT64_MIN, &p);
    CHECK_INT(p.story, 1);
    sl_grouper_free(g);
}

/* The article v placed among the n stored stories joins story `into`,
 * which then takes in story `taken` alone: its centroid of `terms` terms,
 * its `articles` articles. */
static sl_grouper *takes_in_one(const sl_story_state *stored, size_t n, const sl_vector *v,
                                int64_t into, int64_t taken, size_t terms, int64_t articles)
{
    size_t len;
    sl_grouper *g = article_joins(stored, n, v, into, &len);
    check_one_merge(g, taken, into);
    CHECK_INT(len, terms * SL_CENTROID_TERM_BYTES);
    sl_story_state st;
    sl_grouper_story_state(g, into, &st);
    CHECK_INT(st.articles, articles);
    return g;
}

TEST(grouper_short_text_story_takes_in_the_small_stories_near_it)
{
    /* A story of 8 articles that a headline joins takes in the story of
     * one article whose centroid it reaches (cosine 0.56, times 9^0.3:
     * 1.09), not the one-article story that shares one word with it (0.12:
     * 0.22) nor the story of 4 articles, too large to be taken in, though
     * near (0.31: 0.60), and too far to merge with (0.36 after). */
    const uint64_t big[] = {1, 2, 3, 4}, near[] = {1, 2, 6}, far[] = {5, 7, 8, 9},
                   large[] = {1, 2, 10, 11, 12, 13, 14, 15, 16, 17}, head[] = {1, 2, 3, 4, 5};
    unsigned char c1[4 * SL_CENTROID_TERM_BYTES], c2[3 * SL_CENTROID_TERM_BYTES],
        c3[4 * SL_CENTROID_TERM_BYTES], c4[10 * SL_CENTROID_TERM_BYTES];
    sl_story_state stored[] = {stored_story(1, big, 4, 8, c1), stored_story(2, near, 3, 1, c2),
                               stored_story(3, far, 4, 1, c3), stored_story(4, large, 10, 4, c4)};
    sl_vector h = vec(head, 5);
    sl_grouper *g = takes_in_one(stored, 4, &h, 1, 2, 6, 10); /* terms 1-6 */
    const uint64_t again_near[] = {1, 2, 6}, again_far[] = {7, 8, 9};
    sl_vector a = vec(again_near, 3), b = vec(again_far, 3);
    sl_placement p;
    sl_grouper_place(g, &a, INT64_MIN, &p);
    CHECK_INT(p.story, 1);
    sl_grouper_place(g, &b, INT64_MIN, &p);
    CHECK_INT(p.story, 3);
    sl_grouper_free(g);
}

TEST(grouper_full_report_story_takes_in_the_small_stories_near_it)
{
    /* A full report (16 terms) joins a story of 8 articles (cosine 0.89).
     * The grown story takes in the story of one article sharing 3 of its
     * 16 terms (cosine 0.18: below the join threshold, 0.225, above 0.6
     * times it, 0.135), not the one sharing 2 (0.12) nor the story of 5
     * articles sharing 3, too large to be taken in. */
    uint64_t big[20], near[16], far[16], large[16];
    for (uint64_t k = 0; k < 16; k++) {
        near[k] = k < 3 ? k + 1 : 100 + k;
        far[k] = k < 2 ? k + 1 : 200 + k;
        large[k] = k < 3 ? k + 1 : 300 + k;
    }
    for (uint64_t k = 0; k < 20; k++)
        big[k] = k + 1;
    unsigned char c1[20 * SL_CENTROID_TERM_BYTES], c2[16 * SL_CENTROID_TERM_BYTES],
        c3[16 * SL_CENTROID_TERM_BYTES], c4[16 * SL_CENTROID_TERM_BYTES];
    sl_story_state stored[] = {stored_story(1, big, 20, 8, c1), stored_story(2, near, 16, 1, c2),
                               stored_story(3, far, 16, 1, c3), stored_story(4, large, 16, 5, c4)};
    sl_vector report = vec(big, 16);
    /* terms 1-20 and story 2's 13 others */
    sl_grouper *g = takes_in_one(stored, 4, &report, 1, 2, 33, 10);
    sl_story_state st;
    sl_grouper_story_state(g, 3, &st);
    CHECK_INT(st.articles, 1);
    sl_grouper_story_state(g, 4, &st);
    CHECK_INT(st.articles, 5);
    sl_grouper_free(g);
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
    sl_vector a = vec(quake, 8), b = vec(half, 8);
    int64_t joined[2];
    for (int k = 0; k < 2; k++) {
        sl_grouper *g = sl_grouper_new();
        sl_grouper_set_granularity(g, k ? 4.0 : 1.0);
        int64_t next = 1;
        int64_t s1 = put(g, &a, INT64_MIN, &next, NULL);
        joined[k] = put(g, &b, INT64_MIN, &next, NULL) == s1;
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
    sl_vector in[] = {vec(quake, 8), vec(rehab, 8), vec(quake2, 8), vec(quake_other, 16)};
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
    sl_vector probes[] = {vec(quake2, 8), vec(rehab, 8), vec(quake_other, 16), vec(quake, 8)};
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

/* A story that opened its own thread (its first article shares too little
 * with the quake story) is linked again, story against story, at its fifth
 * article, when its grown centroid has come near the quake's: its whole
 * thread goes into the quake's, and a grouper reloaded with the stored
 * state (article count included) decides the same. */
TEST(grouper_grown_story_is_linked_again_into_a_thread)
{
    uint64_t first[16], later[16];
    for (int i = 0; i < 16; i++) {
        first[i] = i < 2 ? quake[i] : 200 + (uint64_t)i;
        later[i] = i < 6 ? quake[i] : 200 + (uint64_t)i;
    }
    sl_vector a = vec(quake, 8), b1 = vec(first, 16), b2 = vec(later, 16);
    sl_grouper *g = sl_grouper_new(), *h = sl_grouper_new();
    int64_t next = 1, thread = 0, from = 0, into = 0;
    CHECK_INT(put(g, &a, INT64_MIN, &next, NULL), 1);
    int64_t b = put(g, &b1, INT64_MIN, &next, &thread);
    CHECK(b != 1);
    CHECK_INT(thread, b); /* two shared words: a thread of its own */
    sl_weighted_term saved[SL_CENTROID_TERMS];
    sl_story_state st = {0};
    for (int k = 2; k <= 5; k++) {
        sl_placement p;
        sl_grouper_place(g, &b2, INT64_MIN, &p);
        CHECK_INT(p.story, b);
        const void *c;
        size_t len;
        CHECK_INT(sl_grouper_add(g, b, 0, &b2, INT64_MIN, 1, &c, &len), 0);
        sl_grouper_take_merge(g, &from, &into);
        if (k < 5) { /* the state stored before the fifth article, for the reload */
            CHECK_INT(from, 0);
            memcpy(saved, c, len);
            st = (sl_story_state){b, b, INT64_MIN, INT64_MIN, 0, saved, len, k, 0};
        }
    }
    CHECK_INT(from, b);
    CHECK_INT(into, 1);
    sl_placement p;
    sl_grouper_place(g, &b2, INT64_MIN, &p);
    CHECK_INT(p.thread, 1); /* the merge holds for what comes next */
    /* reloaded: the quake story and the story with its four articles */
    const void *c;
    size_t len;
    CHECK_INT(sl_grouper_add(h, 1, 0, &a, INT64_MIN, 1, &c, &len), 0);
    CHECK_INT(sl_grouper_load_story(h, &st), 0);
    CHECK_INT(sl_grouper_add(h, b, 0, &b2, INT64_MIN, 1, &c, &len), 0);
    sl_grouper_take_merge(h, &from, &into);
    CHECK_INT(from, b);
    CHECK_INT(into, 1);
    sl_grouper_free(g);
    sl_grouper_free(h);
}

/* Five reports of a story weeks after the (dated) quake, sharing four
 * of their 64 words with it (place names; cosine 0.177): a new story, not
 * threaded at its first article (beyond the story window, or with one of
 * the two undated, a link needs the join similarity, 0.225), nor at its
 * fifth, when it is linked again by the same rule: 60 days on, or
 * undated, it must still reach 0.225, and 200 days on (beyond
 * THREAD_WINDOW_DAYS) nothing links it. It used to be linked again at
 * 0.11 whatever its days. (Two stories both undated, or both dated within
 * the window, are linked again at 0.11:
 * grouper_grown_story_is_linked_again_into_a_thread.) */
TEST(grouper_grown_story_is_linked_again_by_the_rule_of_its_days)
{
    uint64_t ids[64];
    for (int i = 0; i < 64; i++)
        ids[i] = i < 4 ? quake[i] : 400 + (uint64_t)i;
    sl_vector a = vec(quake, 8), b = vec(ids, 64);
    const int64_t days[] = {160, 300, INT64_MIN};
    for (int k = 0; k < 3; k++) {
        sl_grouper *g = sl_grouper_new();
        int64_t next = 1, thread = 0, from = 0, into = 0;
        CHECK_INT(put(g, &a, 100, &next, NULL), 1);
        CHECK_INT(put(g, &b, days[k], &next, &thread), 2);
        CHECK_INT(thread, 2); /* a thread of its own at its first article */
        for (int n = 2; n <= 5; n++) {
            CHECK_INT(put(g, &b, days[k], &next, NULL), 2);
            sl_grouper_take_merge(g, &from, &into);
            CHECK_INT(from, 0);
            CHECK_INT(into, 0);
        }
        sl_placement p;
        sl_grouper_place(g, &b, days[k], &p);
        CHECK_INT(p.thread, 2); /* still its own thread */
        sl_grouper_free(g);
    }
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
    sl_vector a = vec(quake, 8);
    put(g, &a, 19995, &next, NULL);
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
    sl_vector a = vec(quake, 8);
    int64_t s = put(g, &a, 100, &next, NULL);
    CHECK_INT(sl_grouper_retitle(g, s, -1), SL_RETITLE_SCORE);   /* titled first article */
    CHECK_INT(sl_grouper_retitle(g, s, 0.6), SL_RETITLE_SCORE);  /* the second scores the first */
    CHECK_INT(sl_grouper_retitle(g, s, 0.5), SL_RETITLE_NONE);
    CHECK_INT(sl_grouper_retitle(g, s, 0.7), SL_RETITLE_TITLE);  /* a better match gives its title */
    CHECK(fabs(sl_grouper_title_score(g, s) - 0.7) < 1e-6);
    /* An untitled first article's fallback title goes to the first titled joiner. */
    int64_t u = put(g, &a, 300, &next, NULL);
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
