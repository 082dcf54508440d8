/* quotes.c — `storyline quotes`: who said what in a story, speaker by
 * speaker, each quote once with the articles that carry it and how many
 * independent sources they are (sl_story_source_ids: a copy counts as its
 * original, an outlet's articles as one). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util/alloc.h"

/* Letters and digits of a quote, lower case: the same words however quoted. */
static char *wording(const char *s)
{
    char *w = sl_malloc(strlen(s) + 1), *o = w;
    for (; w && *s; s++)
        if (isalnum((unsigned char)*s) || ((unsigned char)*s & 0x80))
            *o++ = (char)tolower((unsigned char)*s);
    if (w)
        *o = '\0';
    return w;
}

/* The source article `id` counts as (sl_story_source_ids), itself when it
 * is not among the story's articles. */
static int64_t source_of(const sl_story *story, const int64_t *sources, int64_t id)
{
    for (size_t k = 0; k < story->n_articles; k++)
        if (story->articles[k].id == id)
            return sources[k];
    return id;
}

static int by_speaker(const void *a, const void *b)
{
    const sl_fact_item *x = a, *y = b;
    int c = strcmp(x->about ? x->about : "", y->about ? y->about : "");
    return c ? c : (x->article_id > y->article_id) - (x->article_id < y->article_id);
}

/* Quote k of items[lo, hi) unless an earlier one has the same words, with
 * every article of the group that carries those words and the number of
 * independent sources among them; NULL when it repeats an earlier quote. */
static json_t *quote_json(const sl_fact_items *q, size_t lo, size_t hi, size_t k, char **words,
                          const sl_story *story, const int64_t *sources)
{
    for (size_t j = lo; j < k; j++)
        if (words[j] && words[k] && !strcmp(words[j], words[k]))
            return NULL;
    int64_t seen[64];
    size_t n_sources = 0;
    json_t *articles = json_array();
    for (size_t j = k; articles && j < hi; j++) {
        if (!words[j] || !words[k] || strcmp(words[j], words[k]))
            continue;
        json_array_append_new(articles, json_integer(q->items[j].article_id));
        int64_t o = source_of(story, sources, q->items[j].article_id);
        size_t s = 0;
        while (s < n_sources && seen[s] != o)
            s++;
        if (s == n_sources && n_sources < 64)
            seen[n_sources++] = o;
    }
    return json_pack("{s:s?,s:s?,s:o,s:I}", "text", q->items[k].text, "cue", q->items[k].detail,
                     "articles", articles, "sources", (json_int_t)n_sources);
}

/* The speakers of items sorted by speaker, each with its distinct quotes. */
static json_t *speakers_json(const sl_fact_items *q, char **words, const sl_story *story,
                             const int64_t *sources)
{
    json_t *speakers = json_array();
    for (size_t lo = 0; speakers && lo < q->n;) {
        size_t hi = lo + 1;
        const char *who = q->items[lo].about;
        while (hi < q->n && !strcmp(q->items[hi].about ? q->items[hi].about : "", who ? who : ""))
            hi++;
        const char *role = NULL;
        for (size_t k = lo; k < hi && !role; k++)
            role = q->items[k].role;
        json_t *quotes = json_array();
        for (size_t k = lo; quotes && k < hi; k++) {
            json_t *one = quote_json(q, lo, hi, k, words, story, sources);
            if (one)
                json_array_append_new(quotes, one);
        }
        json_array_append_new(speakers, json_pack("{s:s?,s:s?,s:o}", "speaker", who, "role",
                                                  role, "quotes", quotes));
        lo = hi;
    }
    return speakers;
}

static void print_speakers(const json_t *speakers)
{
    size_t i, k, j;
    json_t *sp, *quote, *id;
    json_array_foreach(speakers, i, sp) {
        const char *who = json_string_value(json_object_get(sp, "speaker"));
        const char *role = json_string_value(json_object_get(sp, "role"));
        printf("%s%s%s%s\n", who ? who : "(unknown speaker)", role ? " (" : "", role ? role : "",
               role ? ")" : "");
        json_array_foreach(json_object_get(sp, "quotes"), k, quote) {
            printf("    [");
            json_array_foreach(json_object_get(quote, "articles"), j, id)
                printf("%s%lld", j ? " " : "", (long long)json_integer_value(id));
            json_int_t n = json_integer_value(json_object_get(quote, "sources"));
            const char *cue = json_string_value(json_object_get(quote, "cue"));
            printf("] %s, %lld %s:\n", cue ? cue : "", (long long)n,
                   cli_noun(n, "source", "sources"));
            cli_print_wrapped(json_string_value(json_object_get(quote, "text")), 6);
        }
    }
}

static int run(cli *c)
{
    int64_t story;
    sl_engine *e;
    int rc = cli_one_story(&cmd_quotes, c, &story, &e);
    if (rc)
        return rc;
    sl_fact_items *q = NULL;
    sl_story *s = NULL;
    int64_t *sources = NULL;
    rc = sl_story_get(e, story, &s);
    if (!rc)
        rc = sl_story_fact_items(e, story, SL_FACT_QUOTE, &q);
    if (!rc && (sources = sl_calloc(s->n_articles + 1, sizeof *sources)))
        sl_story_source_ids(s, sources);
    char **words = q && sources ? sl_calloc(q->n ? q->n : 1, sizeof *words) : NULL;
    if (rc || !words) {
        free(words);
        free(sources);
        sl_fact_items_free(q);
        sl_story_free(s);
        return cli_fail(e, rc ? rc : SL_ENOMEM);
    }
    qsort(q->items, q->n, sizeof *q->items, by_speaker);
    for (size_t i = 0; i < q->n; i++)
        words[i] = wording(q->items[i].text);
    json_t *speakers = speakers_json(q, words, s, sources);
    int status = speakers ? EXIT_OK : cli_fail(e, SL_ENOMEM);
    if (speakers && c->json) {
        json_t *doc = cli_json_document();
        if (doc && (json_object_set_new(doc, "story", json_integer(story)) ||
                    json_object_set(doc, "speakers", speakers))) {
            json_decref(doc);
            doc = NULL;
        }
        status = cli_json_print(doc, 0);
    } else if (speakers) {
        print_speakers(speakers);
    }
    json_decref(speakers);
    for (size_t i = 0; i < q->n; i++)
        free(words[i]);
    free(words);
    free(sources);
    sl_fact_items_free(q);
    sl_story_free(s);
    return status;
}

const command cmd_quotes = {
    "quotes", "STORY_ID [--json]",
    "who said what in a story, and how many independent sources carry it",
    "Each speaker (with a role when an article gives one), then each quote once:\n"
    "the articles carrying it, the verb that cues it, and how many independent\n"
    "sources those articles are (a copy counts as its original, and the articles\n"
    "of one outlet as one).\n",
    1, run,
};
