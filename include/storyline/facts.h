/* storyline/facts.h — facts: entities, quotes, numbers and dates found in a text
 * or a story, and a story's cross-check of them. */
#ifndef STORYLINE_FACTS_H
#define STORYLINE_FACTS_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Facts: entities, quotes, numbers, dates and their cross-check ------- */

/* What one extracted item is (docs/facts.md). */
typedef enum sl_fact_kind {
    SL_FACT_ENTITY = 0,   /* a person, organisation or place */
    SL_FACT_QUOTE = 1,    /* a direct quote */
    SL_FACT_NUMBER = 2,   /* a number with what it counts */
    SL_FACT_DATE = 3      /* an absolute or relative date */
} sl_fact_kind;

/* One item found in one article. Spans are byte offsets into the text the
 * item was found in (sl_article.text for stored articles).
 * - entity: text = the mention, about = the full name it resolves to,
 *   detail = "person" | "organization" | "place" | "group" (a country's
 *   people: "Americans"), role = title or role (or NULL)
 * - quote: text = the quoted words, about = the speaker (NULL when unknown),
 *   detail = the cue verb, role = the speaker's role when stated
 * - number: text = the words stating it, value (value_hi for a range's upper
 *   end, else = value), approx, about = what it counts, detail = its unit
 *   ("percent", "dollar", "year", ... or NULL), role = "ordinal" for ordinals
 * - date: text as written, about = ISO date (YYYY-MM-DD, or YYYY-MM, YYYY),
 *   detail = "absolute" | "relative" */
typedef struct sl_fact_item {
    int64_t article_id;       /* 0 when extracted from a bare text */
    sl_fact_kind kind;
    sl_span span;             /* the item */
    sl_span sentence;         /* the sentence holding it */
    sl_span source;           /* quote: the speaker's mention as written ({0,0} when none) */
    double value, value_hi;
    char approx;              /* '=' exact, '~' about, '>' over/at least, '<' under/up to */
    char *text, *about, *detail, *role;
} sl_fact_item;

typedef struct sl_fact_items { size_t n; sl_fact_item *items; } sl_fact_items;

/* Extracts the facts of a bare text (not stored). `published` (ISO date, may
 * be NULL) anchors relative dates. Thread-safe; each calling thread keeps
 * one text analyser between calls (its word memos, up to 4 MB for each
 * language it has read), freed when the thread ends. */
SL_API int sl_facts_extract(const char *text, size_t len, const char *published,
                            sl_fact_items **out);
/* The stored items of kind `kind` (-1: all) of every article of story
 * `story_id`, in article then text order; entities typed by the story (a
 * person named without a role in its article is an organisation where the
 * story's other articles type the name so more than a quarter as often as
 * a person, and a place no gazetteer knows where they do so more than twice
 * as often as a place: docs/facts.md). */
SL_API int sl_story_fact_items(sl_engine *engine, int64_t story_id, sl_fact_kind kind,
                               sl_fact_items **out);
SL_API void sl_fact_items_free(sl_fact_items *items);

/* One value stated for a fact, with who states it. */
typedef struct sl_fact_value {
    double value, value_hi;
    char approx;
    char *text;               /* the words of the first statement */
    size_t n_articles;
    int64_t *articles;        /* articles stating it */
    sl_span *sentences;       /* the sentence stating it, per article */
    size_t n_sources;
    int64_t *sources;         /* independent sources: a copy counts as its original,
                                 an outlet's articles as one (sl_story_source_ids) */
} sl_fact_value;

/* One fact of a story: a thing counted (or a date, or a speaker's words)
 * and the values stated for it. */
typedef struct sl_fact {
    char *about;              /* "deaths", "injured", "date: war began", ... */
    char *unit;               /* NULL when none */
    size_t n_values;
    sl_fact_value *values;    /* most sources first */
    int conflict;             /* values that cannot all be true (beyond rounding and "over"/"about") */
    int agreement;            /* one value, stated by two or more independent sources (a copy
                                 and its original are one source) */
    double confidence;        /* how sure the grouping is, in [0,1] */
} sl_fact;

typedef struct sl_fact_table { int64_t story_id; size_t n; sl_fact *items; } sl_fact_table;

/* The cross-check of a story: its facts stated by more than one source, and
 * any conflicting ones. `conflicts_only` keeps only conflicts. */
SL_API int sl_story_facts(sl_engine *engine, int64_t story_id, int conflicts_only,
                          sl_fact_table **out);
SL_API void sl_fact_table_free(sl_fact_table *table);

/* The same as JSON (docs/json.md, "Facts"); sl_facts_extract_json writes a
 * bare text's items, one document on one line, opening with "input" (the
 * file the text is from) after the header when `input` is not NULL. */
SL_API int sl_story_facts_json(sl_engine *engine, int64_t story_id, int conflicts_only,
                               sl_write_fn write, void *ctx);
SL_API int sl_facts_extract_json(const char *text, size_t len, const char *published,
                                 const char *input, sl_write_fn write, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
