/* story_sources.c — which articles of a story are independent sources
 * (sl_story_source_ids): a copy counts as its original, the root of its
 * copy chain within the story, and an outlet's own articles count as one,
 * its first that copies no one (an outlet repeating or following up its
 * report does not confirm it). The cross-check, the summary, the timeline
 * and `quotes` count sources this way (docs/facts.md "Sources"). */
#include <strings.h>

#include "engine.h"

/* The index of article `id` in the story, n when it is not there. */
static size_t index_of(const sl_story *story, int64_t id)
{
    size_t k = 0;
    while (k < story->n_articles && story->articles[k].id != id)
        k++;
    return k;
}

/* The article at the root of i's copy chain, within the story when it is
 * there (chains are short; 32 steps guard against a cycle). */
static int64_t copy_root(const sl_story *story, size_t i)
{
    int64_t id = story->articles[i].id, orig = story->articles[i].copy_of;
    for (int steps = 0; orig && steps < 32; steps++) {
        id = orig;
        size_t k = index_of(story, id);
        orig = k < story->n_articles ? story->articles[k].copy_of : 0;
    }
    return id;
}

bool sl_same_outlet(const char *a, const char *b)
{
    return a && b && *a && *b && strcasecmp(a, b) == 0;
}

void sl_story_source_ids(const sl_story *story, int64_t *out)
{
    for (size_t i = 0; i < story->n_articles; i++) {
        out[i] = copy_root(story, i);
        size_t r = index_of(story, out[i]);
        if (r == story->n_articles)
            continue;   /* its original is in another story */
        const char *outlet = story->articles[r].source;
        for (size_t k = 0; k < story->n_articles; k++)   /* in publication order */
            if (sl_same_outlet(story->articles[k].source, outlet) && !story->articles[k].copy_of) {
                out[i] = story->articles[k].id;
                break;
            }
    }
}
