/* quotes.c — `storyline quotes`: who said what in a story, speaker by
 * speaker, each quote once with the articles that carry it and how many
 * independent sources they are (copies count as their original). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Letters and digits of a quote, lower case: the same words however quoted. */
static char *wording(const char *s)
{
    char *w = malloc(strlen(s) + 1), *o = w;
    for (; w && *s; s++)
        if (isalnum((unsigned char)*s) || ((unsigned char)*s & 0x80))
            *o++ = (char)tolower((unsigned char)*s);
    if (w)
        *o = '\0';
    return w;
}

static int64_t original_of(const sl_copy_list *copies, int64_t id)
{
    for (int depth = 0; depth < 8; depth++) {
        size_t k = 0;
        while (k < copies->n && copies->items[k].article_id != id)
            k++;
        if (k == copies->n)
            break;
        id = copies->items[k].of_id;
    }
    return id;
}

static int by_speaker(const void *a, const void *b)
{
    const sl_fact_item *x = a, *y = b;
    int c = strcmp(x->about ? x->about : "", y->about ? y->about : "");
    return c ? c : (x->article_id > y->article_id) - (x->article_id < y->article_id);
}

/* Prints quote k of items[lo, hi) unless an earlier one has the same words,
 * with every article of the group that carries those words. */
static void print_quote(const sl_fact_items *q, size_t lo, size_t hi, size_t k, char **words,
                        const sl_copy_list *copies)
{
    for (size_t j = lo; j < k; j++)
        if (words[j] && words[k] && !strcmp(words[j], words[k]))
            return;
    int64_t sources[64];
    size_t n_sources = 0;
    printf("    [");
    for (size_t j = k, first = 1; j < hi; j++) {
        if (!words[j] || !words[k] || strcmp(words[j], words[k]))
            continue;
        printf("%s%lld", first ? "" : " ", (long long)q->items[j].article_id);
        first = 0;
        int64_t o = original_of(copies, q->items[j].article_id);
        size_t s = 0;
        while (s < n_sources && sources[s] != o)
            s++;
        if (s == n_sources && n_sources < 64)
            sources[n_sources++] = o;
    }
    printf("] %s, %zu source%s:\n", q->items[k].detail ? q->items[k].detail : "",
           n_sources, n_sources == 1 ? "" : "s");
    cli_print_wrapped(q->items[k].text, 6);
}

static int run(cli *c, sl_engine *e)
{
    if (c->argc != 1 || !cli_id(c->argv[0]))
        return cli_usage(&cmd_quotes, "quotes wants one story id");
    sl_fact_items *q = NULL;
    sl_copy_list *copies = NULL;
    int rc = sl_story_fact_items(e, cli_id(c->argv[0]), SL_FACT_QUOTE, &q);
    if (!rc)
        rc = sl_copies_list(e, 0, &copies);
    char **words = q ? calloc(q->n ? q->n : 1, sizeof *words) : NULL;
    if (rc || !words) {
        free(words);
        sl_fact_items_free(q);
        sl_copy_list_free(copies);
        return cli_fail(e, rc ? rc : SL_ENOMEM);
    }
    qsort(q->items, q->n, sizeof *q->items, by_speaker);
    for (size_t i = 0; i < q->n; i++)
        words[i] = wording(q->items[i].text);
    for (size_t lo = 0; lo < q->n;) {
        size_t hi = lo + 1;
        const char *who = q->items[lo].about;
        while (hi < q->n && !strcmp(q->items[hi].about ? q->items[hi].about : "", who ? who : ""))
            hi++;
        const char *role = NULL;
        for (size_t k = lo; k < hi && !role; k++)
            role = q->items[k].role;
        printf("%s%s%s%s\n", who ? who : "(unknown speaker)", role ? " (" : "",
               role ? role : "", role ? ")" : "");
        for (size_t k = lo; k < hi; k++)
            print_quote(q, lo, hi, k, words, copies);
        lo = hi;
    }
    for (size_t i = 0; i < q->n; i++)
        free(words[i]);
    free(words);
    sl_fact_items_free(q);
    sl_copy_list_free(copies);
    return EXIT_OK;
}

const command cmd_quotes = {
    "quotes", "STORY_ID",
    "who said what in a story: each speaker's quotes, the articles and sources carrying them",
    "", 1, run,
};
