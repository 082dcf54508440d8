/* languages.c — the collection's language: the language most of the stored
 * articles are in, by what each text alone says. It is the prior for a text
 * too short to tell its own (a headline, a caption; sl_lang_detect_prior),
 * so that one story's headlines are stemmed alike. Each language is counted
 * as the document frequency of a pseudo-term of its own, so the counts are
 * stored, loaded and saved in batches as the terms' are: the prior is the
 * same whatever the batches (docs/stories.md "The collection's language"). */
#include "internal.h"

#include <string.h>

#include "util/hash.h"

/* The pseudo-term counting the articles in language `code` (a prefix no
 * word's stem has). */
uint64_t sl_language_term(const char *code)
{
    char key[16] = "\x01lang:";
    size_t len = strlen(code);
    if (len > sizeof key - 7)
        len = sizeof key - 7;
    memcpy(key + 6, code, len);
    return sl_hash64(key, 6 + len);
}

static uint32_t votes_of(const sl_grouper *g, const char *code)
{
    const uint32_t *n = sl_df_cell(g, sl_language_term(code), 0);
    return n ? *n : 0;
}

/* The most counted language (the first in code order on a tie), NULL when none. */
static void find_leader(sl_grouper *g)
{
    size_t n;
    const char *const *codes = sl_lang_codes(&n);
    g->language = NULL;
    g->language_votes = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t votes = votes_of(g, codes[k]);
        if (votes > g->language_votes)
            g->language = codes[k], g->language_votes = votes;
    }
    g->language_known = 1;
}

const char *sl_grouper_language(sl_grouper *g)
{
    if (!g->language_known)
        find_leader(g);
    return g->language;
}

int sl_grouper_count_language(sl_grouper *g, const char *code)
{
    if (!code || !strcmp(code, "und"))
        return 0;
    if (sl_count_term(g, sl_language_term(code)))
        return SL_ENOMEM;
    if (!g->language_known)
        return 0;
    uint32_t votes = votes_of(g, code);
    if (votes > g->language_votes ||
        (votes == g->language_votes && g->language && strcmp(code, g->language) < 0))
        g->language = code, g->language_votes = votes;
    return 0;
}
