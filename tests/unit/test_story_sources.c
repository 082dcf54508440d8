/* test_story_sources.c — which articles of a story count as independent
 * sources (sl_story_source_ids): copies as their original, an outlet's
 * articles as its first that copies no one, the rest as themselves. */
#include "storyline.h"
#include "test.h"

#define ART(i, outlet, of) {.id = (i), .source = (char *)(outlet), .copy_of = (of)}

static void sources_of(sl_story_article *arts, size_t n, int64_t *out)
{
    sl_story story = {.n_articles = n, .articles = arts};
    sl_story_source_ids(&story, out);
}

/* The sources of arts[0, n) are want[0, n) (0: not checked). */
static void check_sources(sl_story_article *arts, size_t n, const int64_t *want)
{
    int64_t out[8];
    sources_of(arts, n, out);
    for (size_t i = 0; i < n; i++)
        if (want[i])
            CHECK_INT(out[i], want[i]);
}

TEST(story_sources_copy_counts_as_its_original)
{
    /* 3 rewrites 1; 2 copies 3 (a chain); 4 stands alone */
    sl_story_article arts[] = {ART(1, NULL, 0), ART(3, NULL, 1), ART(2, NULL, 3), ART(4, NULL, 0)};
    check_sources(arts, 4, (const int64_t[]){1, 1, 1, 4});
}

TEST(story_sources_one_outlet_is_one_source)
{
    /* the Courier's report (5), another outlet's rewrite of it (6), the
     * Courier's follow-up (7, its outlet named in another case), another
     * outlet's own report (8), and an article of no named outlet (9) */
    sl_story_article arts[] = {ART(5, "Valley Courier", 0), ART(6, "Harbour Herald", 5),
                               ART(7, "valley courier", 0), ART(8, "Northwire", 0),
                               ART(9, "", 0)};
    check_sources(arts, 5, (const int64_t[]){5, 5, 5, 8, 9});
}

TEST(story_sources_outlet_first_that_copies_no_one)
{
    /* the Herald first reprints an agency story (11 copies 10), then files
     * its own (12): its own report is not the agency's */
    sl_story_article arts[] = {ART(10, "Agency", 0), ART(11, "Harbour Herald", 10),
                               ART(12, "Harbour Herald", 0), ART(13, "Harbour Herald", 0)};
    check_sources(arts, 4, (const int64_t[]){0, 10, 12, 12});
}

TEST(story_sources_original_outside_the_story)
{
    /* 21 copies 20, which is in another story; a copy cycle ends */
    sl_story_article arts[] = {ART(21, "Herald", 20), ART(22, NULL, 23), ART(23, NULL, 22)};
    int64_t out[3];
    sources_of(arts, 3, out);
    CHECK_INT(out[0], 20);
    CHECK(out[1] == 22 || out[1] == 23);
    CHECK(out[2] == 22 || out[2] == 23);
}
