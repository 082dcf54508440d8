/* test_story_split.c — stories that split (src/stories/split.c): the vector
 * stored with each article, the checkpoints, the spectral bisection of a
 * story's articles and the two stories made from it. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stories/internal.h"
#include "stories/stories.h"
#include "test.h"

#define TERMS 20

/* A member whose vector is terms first..first+TERMS-1 but the ones in
 * `subject` (shared by every article of the test) first, equal weights. */
static sl_member member(int64_t article, uint64_t first, int64_t day, int counts)
{
    sl_member m = {.article = article, .day = day, .counts = counts};
    for (uint32_t i = 0; i < TERMS; i++)
        m.vector.terms[m.vector.n++] =
            (sl_weighted_term){i < 4 ? 1 + i : first + i, (float)(1.0 / sqrt(TERMS))};
    return m;
}

/* Members 1..n_a about one event (terms from 100, each article shifted by
 * one: neighbours share most words) and n_b about another (from 500). */
static size_t two_events(sl_member *m, size_t n_a, size_t n_b)
{
    size_t n = 0;
    for (size_t i = 0; i < n_a; i++, n++)
        m[n] = member((int64_t)n + 1, 100 + i, 19000 + (int64_t)i, 1);
    for (size_t i = 0; i < n_b; i++, n++)
        m[n] = member((int64_t)n + 1, 500 + i, 19100 + (int64_t)i, 1);
    return n;
}

TEST(split_member_packs_and_unpacks)
{
    sl_member m = member(7, 100, 19000, 0), back = {0};
    m.vector.terms[3].weight = 0.123456f;
    unsigned char packed[SL_MEMBER_PACK_MAX];
    size_t len = sl_member_pack(&m.vector, m.day, m.counts, packed);
    CHECK_INT(len, 10 + 10 * TERMS);
    CHECK_INT(sl_member_unpack(packed, len, &back), 0);
    CHECK(back.day == 19000 && back.counts == 0 && back.vector.n == TERMS);
    for (uint32_t i = 0; i < TERMS; i++) {
        CHECK(back.vector.terms[i].term == m.vector.terms[i].term);
        CHECK(fabsf(back.vector.terms[i].weight - m.vector.terms[i].weight) < 1e-4f);
    }
    CHECK_INT(sl_member_unpack(packed, len - 1, &back), SL_EUSAGE); /* cut short */
    CHECK_INT(sl_member_unpack(packed, 3, &back), SL_EUSAGE);
    sl_vector empty = {0};
    CHECK_INT(sl_member_pack(&empty, INT64_MIN, 1, packed), 10);
    CHECK_INT(sl_member_unpack(packed, 10, &back), 0);
    CHECK(back.vector.n == 0 && back.day == INT64_MIN && back.counts == 1);
}

TEST(split_is_due_at_checkpoint_sizes)
{
    sl_grouper *g = sl_grouper_new();
    int due[80] = {0};
    for (int64_t n = 1; n < 80; n++) {
        sl_story_state st = {.id = n, .first_day = INT64_MIN, .last_day = INT64_MIN,
                             .articles = n};
        CHECK_INT(sl_grouper_load_story(g, &st), 0);
        due[n] = sl_grouper_split_due(g, n);
    }
    for (int n = 1; n < 80; n++)
        CHECK_INT(due[n], n == 8 || n == 12 || n == 16 || n == 24 || n == 32 || n == 48 ||
                              n == 64);
    sl_grouper_free(g);
}

TEST(split_past_the_last_checkpoint)
{
    sl_grouper *g = sl_grouper_new();
    for (int64_t n = 63; n <= 67; n++) {
        sl_story_state st = {.id = n, .first_day = INT64_MIN, .last_day = INT64_MIN,
                             .articles = n};
        CHECK_INT(sl_grouper_load_story(g, &st), 0);
    }
    CHECK_INT(sl_grouper_split_past(g, 63), 0);
    CHECK_INT(sl_grouper_split_past(g, 64), 0);
    CHECK_INT(sl_grouper_split_past(g, 65), SL_SPLIT_PASSED);
    CHECK_INT(sl_grouper_split_past(g, 66), SL_SPLIT_PAST);
    CHECK_INT(sl_grouper_split_past(g, 67), SL_SPLIT_PAST);
    CHECK_INT(sl_grouper_split_past(g, 1000), 0); /* not a story */
    sl_grouper_free(g);
}

TEST(split_two_events_in_one_story_become_two_stories)
{
    sl_member m[9];
    unsigned char part[9];
    size_t n = two_events(m, 5, 4);
    sl_grouper *g = sl_grouper_new();
    CHECK_INT(sl_members_split(m, n, part), 1);
    for (size_t i = 0; i < n; i++)
        CHECK_INT(part[i], i >= 5); /* the first article's event stays */
    /* The story as the grouper held it before, then the split applied. */
    sl_story_state st = {.id = 3, .thread_id = 2, .first_day = 19000, .last_day = 19103,
                         .articles = 9};
    CHECK_INT(sl_grouper_load_story(g, &st), 0);
    CHECK_INT(sl_grouper_split_apply(g, 3, 10, m, n, part), 0);
    sl_story_state a, b;
    sl_grouper_story_state(g, 3, &a);
    CHECK(a.articles == 5 && a.first_day == 19000 && a.last_day == 19004 && a.thread_id == 2);
    sl_grouper_story_state(g, 10, &b);
    CHECK(b.articles == 4 && b.first_day == 19100 && b.last_day == 19103 && b.thread_id == 2);
    CHECK(b.title_score == 0);
    /* A new report of the second event joins the new story. */
    sl_member next = member(20, 503, 19104, 1);
    sl_placement p;
    sl_grouper_place(g, &next.vector, 19104, &p);
    CHECK_INT(p.story, 10);
    sl_grouper_free(g);
}

TEST(split_keeps_one_event_whole)
{
    sl_member m[12];
    unsigned char part[12];
    size_t n = two_events(m, 12, 0);
    sl_grouper *g = sl_grouper_new();
    CHECK_INT(sl_members_split(m, n, part), 0);
    sl_grouper_free(g);
}

TEST(split_needs_three_full_reports_on_each_side)
{
    sl_member m[12];
    unsigned char part[12];
    sl_grouper *g = sl_grouper_new();
    size_t n = two_events(m, 7, 2); /* two reports of another event: too few to tell */
    CHECK_INT(sl_members_split(m, n, part), 0);
    n = two_events(m, 5, 4);
    for (size_t i = 5; i < 7; i++)
        m[i].vector.n = 10; /* headlines: they do not weigh, and follow their nearest */
    CHECK_INT(sl_members_split(m, n, part), 0);
    n = two_events(m, 5, 5);
    m[9].counts = 0; /* an exact copy of article 9: goes with it */
    m[9].vector = m[8].vector;
    CHECK_INT(sl_members_split(m, n, part), 1);
    CHECK(part[8] == 1 && part[9] == 1 && part[0] == 0);
    sl_grouper_free(g);
}

/* Members of two events whose articles share fewer words the further they
 * are from the first (each shifted by two terms, weights uneven), so that
 * the Fiedler vector's entries differ: the bisection reads that vector
 * from the rotations' product, and a weighed count of 7 or 11 takes the
 * odd remainder of each turned row. */
TEST(split_bisects_uneven_events_of_odd_and_even_sizes)
{
    static const size_t sizes[][2] = {{3, 4}, {4, 4}, {6, 3}, {3, 8}, {7, 6}};
    for (size_t t = 0; t < sizeof sizes / sizeof sizes[0]; t++) {
        sl_member m[16];
        unsigned char part[16];
        size_t n = two_events(m, sizes[t][0], sizes[t][1]);
        for (size_t i = 0; i < n; i++) {
            size_t at = i < sizes[t][0] ? i : i - sizes[t][0];
            for (uint32_t k = 4; k < TERMS; k++) {
                m[i].vector.terms[k].term += at;
                m[i].vector.terms[k].weight = (float)(0.1 + 0.3 * (double)((k * 7 + i) % 5) / 4);
            }
        }
        CHECK_INT(sl_members_split(m, n, part), 1);
        for (size_t i = 0; i < n; i++)
            CHECK_INT(part[i], i >= sizes[t][0]);
    }
}

/* n sorted distinct terms drawn from 1..range by a small LCG. */
static uint32_t random_terms(sl_weighted_term *t, uint32_t n, uint64_t range, uint64_t *seed)
{
    uint32_t m = 0;
    for (uint64_t term = 1; term <= range && m < n; term++) {
        *seed = *seed * 6364136223846793005u + 1442695040888963407u;
        if ((*seed >> 33) % range < n)
            t[m++] = (sl_weighted_term){term, (float)m};
    }
    return m;
}

/* The weighed members' cosines two by two from one table of all their
 * terms are the sums a merge of each pair's terms adds, in the order of
 * the terms, to the bit: members of 0 to 128 terms over narrow and wide
 * ranges (many shared, few), irregular weights, 2 to 64 of them, some
 * members left out of the weighed list. */
TEST(split_pair_cosines_as_merged_sums)
{
    static sl_member m[SL_SPLIT_MAX];
    double cos[SL_SPLIT_MAX * SL_SPLIT_MAX];
    uint64_t seed = 11;
    size_t rounds_shared = 0;
    for (int round = 0; round < 60; round++) {
        size_t n = 2 + (size_t)round % (SL_SPLIT_MAX - 1), weighed[SL_SPLIT_MAX], k = 0;
        for (size_t i = 0; i < n; i++) {
            sl_vector *v = &m[i].vector;
            v->n = random_terms(v->terms, (uint32_t)(round % 4 ? 128 : i % 129),
                                round % 3 ? 200 : 5000, &seed);
            for (uint32_t t = 0; t < v->n; t++)
                v->terms[t].weight = 1.0f / (float)(3 + (v->terms[t].term * 7 + i) % 97);
            if (i % 5 != 3)
                weighed[k++] = i;
        }
        memset(cos, 0xFF, sizeof cos); /* NaN: a cell not written shows */
        CHECK_INT(sl_split_pair_cosines(m, weighed, k, cos), 0);
        for (size_t i = 0; i < k; i++) {
            for (size_t j = i + 1; j < k; j++) {
                const sl_vector *a = &m[weighed[i]].vector, *b = &m[weighed[j]].vector;
                double dot = 0;
                for (uint32_t x = 0, y = 0; x < a->n && y < b->n;) {
                    if (a->terms[x].term < b->terms[y].term)
                        x++;
                    else if (a->terms[x].term > b->terms[y].term)
                        y++;
                    else
                        dot += (double)a->terms[x++].weight * b->terms[y++].weight;
                }
                if (!(cos[i * k + j] == dot && cos[j * k + i] == dot))
                    CHECK_INT(round * 10000 + (int)(i * 100 + j), -1);
                rounds_shared += dot > 0;
            }
        }
    }
    CHECK(rounds_shared > 1000); /* shared terms met, many times */
}

TEST(split_shared_terms_as_a_plain_merge_finds_them)
{
    sl_weighted_term a[128], b[128];
    uint64_t seed = 7;
    sl_term_probe p;
    for (int round = 0; round < 300; round++) {
        /* full vectors (128 terms, a probe table half full), centroids, short texts */
        uint32_t na = random_terms(a, round % 2 ? 128 : 40, round % 5 ? 300 : 130, &seed);
        uint32_t nb = random_terms(b, round % 3 ? 64 : round % 7 ? 5 : 128, 300, &seed);
        uint32_t want[128], n_want = 0, got[128], n_got = 0;
        for (uint32_t i = 0, k = 0; i < na && k < nb;) { /* one side a step */
            if (a[i].term < b[k].term)
                i++;
            else if (a[i].term > b[k].term)
                k++;
            else
                want[n_want++] = i++ * 1000 + k++;
        }
        sl_term_probe_set(&p, a, na);
        uint32_t i = 0, k = 0;
        for (; sl_probe_next(&p, b, nb, &k, &i); k++)
            got[n_got++] = i * 1000 + k;
        CHECK_INT(k, nb);
        CHECK_INT(n_got, n_want);
        CHECK(!memcmp(got, want, n_want * sizeof *want));
    }
    uint32_t i = 0, k = 0;
    sl_term_probe_set(&p, a, 0);
    CHECK(!sl_probe_next(&p, b, 3, &k, &i)); /* an empty side shares nothing */
    CHECK_INT(k, 3);
    sl_term_probe_set(&p, a, 3);
    k = 0;
    CHECK(!sl_probe_next(&p, b, 0, &k, &i));
}

/* Terms that fall in one slot of the probe's table (their top 8 bits of
 * the product alike) are all found, each at its own index, and a term
 * beside them is not. */
TEST(split_probe_finds_terms_of_one_slot)
{
    sl_weighted_term a[SL_VECTOR_TERMS], b[2 * SL_VECTOR_TERMS];
    uint32_t n = 0, slot = sl_probe_slot(1);
    for (uint64_t t = 1; n < SL_VECTOR_TERMS; t++) /* ascending, every one in slot's run */
        if (sl_probe_slot(t) == slot)
            a[n++] = (sl_weighted_term){t, (float)n};
    sl_term_probe p;
    sl_term_probe_set(&p, a, n);
    uint32_t nb = 0;
    for (uint32_t i = 0; i < n; i++) { /* each term and its next, not in a */
        b[nb++] = a[i];
        b[nb++] = (sl_weighted_term){a[i].term + 1, 0};
    }
    uint32_t i = 0, k = 0, found = 0;
    for (; sl_probe_next(&p, b, nb, &k, &i); k++, found++) {
        CHECK_INT(k, 2 * found);
        CHECK_INT(i, found);
    }
    CHECK_INT(found, n);
}

/* Every column pair of random matrices of 1 to 13 rows (odd and even: the
 * pairs of rows and the odd one) turned by sl_split_rotate_columns and one
 * element at a time, as split.c did before it paired them: the same bits
 * (a paired row that changed a product or a sum's order would move the
 * Fiedler vector's last bits, and in a close case a member's side), and
 * the other columns untouched. */
TEST(split_columns_turn_as_one_element_at_a_time)
{
    enum { MAX = 13 };
    double a[MAX * MAX], want[MAX * MAX];
    uint64_t seed = 11;
    for (size_t n = 1; n <= MAX; n++)
        for (size_t p = 0; p < n; p++)
            for (size_t q = p + 1; q < n; q++) {
                for (size_t i = 0; i < n * n; i++) {
                    seed = seed * 6364136223846793005u + 1442695040888963407u;
                    a[i] = want[i] = (double)(seed >> 11) / 9007199254740992.0 - 0.5;
                }
                double t = a[p * n + q], c = 1 / sqrt(t * t + 1), s = t * c;
                for (size_t k = 0; k < n; k++) {
                    double akp = want[k * n + p], akq = want[k * n + q];
                    want[k * n + p] = c * akp - s * akq;
                    want[k * n + q] = s * akp + c * akq;
                }
                sl_split_rotate_columns(a, n, p, q, c, s);
                CHECK(!memcmp(a, want, n * n * sizeof *a));
            }
}
