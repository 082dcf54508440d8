/* test_copies_follow.c — follow.c's chain over aligned sentence pairs: a
 * sentence split in two, two neighbours swapped, and the names and figures
 * a text's sentences meet in their partners. Texts are invented; the pairs
 * and their similarities are given, so only the chain is tested. */
#include <math.h>

#include "copies_texts.h"
#include "test.h"

/* Three sentences, and a telling in four: the second split in two. */
static const char *const BRIDGE =
    "Mayor Ilse Varga opened the Lindholt bridge on Tuesday. "
    "The bridge cost 40 million crowns and took three years to build. "
    "Traffic will start on 12 May.";
static const char *const BRIDGE_SPLIT =
    "On Tuesday Mayor Ilse Varga opened the bridge in Lindholt. "
    "It cost 40 million crowns. Building it took three years. "
    "Cars may cross from 12 May.";

static const double ONES[4] = {1, 1, 1, 1};

typedef struct followed {
    sketched a, b;
    sl_sentence_sets sets_a, sets_b;
    sl_follow *follow;
} followed;

static void follow_open(followed *f)
{
    sketch_of(&f->a, BRIDGE);
    sketch_of(&f->b, BRIDGE_SPLIT);
    CHECK_INT(sl_sentence_sets_build(&f->a.sketch, &f->sets_a), 0);
    CHECK_INT(sl_sentence_sets_build(&f->b.sketch, &f->sets_b), 0);
    CHECK_INT(sl_sentence_sets_n(&f->sets_a), 3);
    CHECK_INT(sl_sentence_sets_n(&f->sets_b), 4);
    f->follow = sl_follow_new();
    CHECK(f->follow != NULL);
}

static void follow_close(followed *f)
{
    sl_follow_free(f->follow);
    sl_sentence_sets_free(&f->sets_a);
    sl_sentence_sets_free(&f->sets_b);
    sketched_free(&f->a);
    sketched_free(&f->b);
}

static sl_comparison measured(followed *f, const sl_aligned_pair *pairs, size_t n)
{
    sl_comparison cmp = {0};
    sl_follow_texts t = {&f->sets_a, &f->sets_b, ONES, ONES, 3, 4};
    CHECK_INT(sl_follow_measure(f->follow, pairs, n, &t, &cmp), 0);
    return cmp;
}

TEST(follow_takes_a_sentence_split_in_two)
{
    followed f = {0};
    follow_open(&f);
    /* a's second sentence is b's second and third: a one-to-one chain
     * covers b's four sentences at (0.9 + 0.6 + 0.9) / 4 at most */
    const sl_aligned_pair split[] = {{0, 0, 0.9f}, {1, 1, 0.6f}, {1, 2, 0.6f}, {2, 3, 0.9f}};
    sl_comparison cmp = measured(&f, split, 4);
    CHECK(fabs(cmp.follow_cover - (0.9 + 0.6 + 0.6 + 0.9) / 4) < 1e-5);
    CHECK(cmp.follow_kept == 1);
    CHECK(cmp.follow_anchors == 1);   /* each sentence's names and figures met */
    /* without the last pair a's last sentence (its date) meets nothing */
    cmp = measured(&f, split, 3);
    CHECK(cmp.follow_kept < 1);
    CHECK(cmp.follow_anchors < 1);
    follow_close(&f);
}

TEST(follow_takes_two_neighbours_swapped)
{
    followed f = {0};
    follow_open(&f);
    /* a's 2nd and 3rd sentences told in the other order, b's last unpaired */
    const sl_aligned_pair swapped[] = {{0, 0, 0.9f}, {1, 2, 0.6f}, {2, 1, 0.6f}};
    sl_comparison cmp = measured(&f, swapped, 3);
    CHECK(fabs(cmp.follow_cover - (0.9 + 0.6 + 0.6) / 4) < 1e-5);   /* b's share, the lower */
    CHECK(cmp.follow_kept == 1);
    /* no pairs: nothing covered, nothing kept */
    cmp = measured(&f, swapped, 0);
    CHECK(cmp.follow_cover == 0 && cmp.follow_kept == 0);
    follow_close(&f);
}
