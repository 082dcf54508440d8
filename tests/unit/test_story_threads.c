/* test_story_threads.c — threads of stories (src/stories/grouper.h's
 * thread rule, merges.c's links again): the thread trace, the date window,
 * sequels weeks later, the join similarity a thread needs across weeks and
 * between dated and undated stories, a grown story linked again. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stories/stories.h"
#include "story_fixture.h"
#include "test.h"

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
    sl_vector a = story_vec(quake, 8), c = story_vec(rehab, 8), near = story_vec(near_ids, 64);
    int64_t threads[2][3];
    FILE *f = tmpfile();
    CHECK(f != NULL);
    for (int traced = 0; traced < 2; traced++) {
        sl_grouper *g = sl_grouper_new();
        sl_grouper_set_trace(g, traced ? f : NULL);
        int64_t next = 1;
        story_put(g, &a, INT64_MIN, &next, &threads[traced][0]);
        story_put(g, &c, INT64_MIN, &next, &threads[traced][1]);
        story_put(g, &near, INT64_MIN, &next, &threads[traced][2]);
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
    sl_vector a = story_vec(quake, 8), b = story_vec(quake2, 8), far = story_vec(quake_other, 16);
    int64_t s1 = story_put(g, &a, 100, &next, NULL);
    /* Thirty days on, the same words make a new story, linked by its thread. */
    int64_t s2 = story_put(g, &b, 130, &next, &thread);
    CHECK(s2 != s1);
    CHECK_INT(thread, s1);
    /* Two shared words (a place name) make neither the story nor the thread. */
    int64_t s3 = story_put(g, &far, INT64_MIN, &next, &thread);
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
    sl_vector a = story_vec(quake, 8), b = story_vec(quake_sequel, 8);
    int64_t s1 = story_put(g, &a, 100, &next, NULL);
    /* Nine weeks on (cosine 0.625): a story of its own in the quake's thread.
     * With the similarity decayed by the gap (0.06), it was not linked. */
    int64_t s2 = story_put(g, &b, 163, &next, &thread);
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
    sl_vector a = story_vec(quake, 8), near = story_vec(ids, 64);
    int64_t s1 = story_put(g, &a, INT64_MIN, &next, NULL);
    int64_t s2 = story_put(g, &near, INT64_MIN, &next, &thread);
    CHECK(s2 != s1);
    CHECK_INT(thread, s1);
    sl_grouper *h = sl_grouper_new();
    next = 1;
    s1 = story_put(h, &a, 100, &next, NULL);
    s2 = story_put(h, &near, 150, &next, &thread);
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
    sl_vector a = story_vec(quake, 8), near = story_vec(ids, 64);
    for (int undated_first = 0; undated_first < 2; undated_first++) {
        sl_grouper *g = sl_grouper_new();
        int64_t next = 1, thread = 0;
        int64_t s1 = story_put(g, &a, undated_first ? INT64_MIN : 100, &next, NULL);
        int64_t s2 = story_put(g, &near, undated_first ? 100 : INT64_MIN, &next, &thread);
        CHECK(s2 != s1);
        CHECK_INT(thread, s2);
        sl_grouper_free(g);
    }
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
    sl_vector a = story_vec(quake, 8), b1 = story_vec(first, 16), b2 = story_vec(later, 16);
    sl_grouper *g = sl_grouper_new(), *h = sl_grouper_new();
    int64_t next = 1, thread = 0, from = 0, into = 0;
    CHECK_INT(story_put(g, &a, INT64_MIN, &next, NULL), 1);
    int64_t b = story_put(g, &b1, INT64_MIN, &next, &thread);
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
    sl_vector a = story_vec(quake, 8), b = story_vec(ids, 64);
    const int64_t days[] = {160, 300, INT64_MIN};
    for (int k = 0; k < 3; k++) {
        sl_grouper *g = sl_grouper_new();
        int64_t next = 1, thread = 0, from = 0, into = 0;
        CHECK_INT(story_put(g, &a, 100, &next, NULL), 1);
        CHECK_INT(story_put(g, &b, days[k], &next, &thread), 2);
        CHECK_INT(thread, 2); /* a thread of its own at its first article */
        for (int n = 2; n <= 5; n++) {
            CHECK_INT(story_put(g, &b, days[k], &next, NULL), 2);
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
