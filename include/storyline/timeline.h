/* storyline/timeline.h — temporal expressions, and a set of texts told as one
 * story: its summary and its timeline. */
#ifndef STORYLINE_TIMELINE_H
#define STORYLINE_TIMELINE_H

#include "common.h"
#include "article.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Temporal expressions (docs/timeline.md) ---------------------------- */

/* TimeML's four kinds of temporal expression. */
typedef enum sl_timex_type {
    SL_TIMEX_DATE = 0,      /* a calendar day, week, month, quarter, year... */
    SL_TIMEX_TIME = 1,      /* a time of day, or a part of a day ("this morning") */
    SL_TIMEX_DURATION = 2,  /* a length of time ("10 months") */
    SL_TIMEX_SET = 3        /* a recurrence ("every week") */
} sl_timex_type;

/* One temporal expression of a text. */
typedef struct sl_timex {
    sl_span span;           /* byte offsets into the text */
    sl_span chars;          /* the same in Unicode code points */
    sl_timex_type type;
    /* TIMEX3 value, normalised against the reference date: "2024-08-20",
     * "2024-W34", "2024-08", "2024-Q3", "P3D", "PRESENT_REF", and X for what
     * the text and the reference do not tell ("XXXX-10-07"). */
    char value[32];
} sl_timex;

typedef struct sl_timex_list { size_t n; sl_timex *items; } sl_timex_list;

/* The temporal expressions of a text, in text order, not overlapping.
 * `reference` (ISO date, may be NULL) anchors relative expressions, normally
 * the publication date. Thread-safe. SL_ENOMEM, SL_ETOOLARGE (over 4 GB). */
SL_API int sl_timex_find(const char *text, size_t len, const char *reference,
                         sl_timex_list **out);
SL_API void sl_timex_list_free(sl_timex_list *list);
/* "DATE", "TIME", "DURATION" or "SET". */
SL_API const char *sl_timex_type_name(sl_timex_type type);
/* The same, one JSON object a line: {start, end, text, type, value} with
 * code-point offsets (docs/json.md), "input" before them when it is not
 * NULL (the file the text is from), in `form` (sl_json_form): each line
 * opens with the header in SL_JSON_DOCUMENT, as `timex --json` prints it. */
SL_API int sl_timex_json(const char *text, size_t len, const char *reference, const char *input,
                         sl_json_form form, sl_write_fn write, void *ctx);

/* ---- Summaries and timelines (docs/summary.md, docs/timeline.md) ---------- */

/* One article's text as the summary and the timeline read it: a set of
 * them is told as one story. */
typedef struct sl_story_text {
    const char *text;       /* UTF-8; hard-wrapped lines are joined */
    size_t len;
    int64_t source;         /* documents with the same non-zero source are one source
                               (a copy and its original); 0: a source of its own */
    const char *published;  /* ISO date or NULL: orders the summary's sentences */
} sl_story_text;

/* A stored story's articles as texts for sl_summarize and sl_timeline_build:
 * docs[i] is article ids[i]; a copy shares its original's source, so the
 * two count as one. */
typedef struct sl_story_texts {
    size_t n;
    sl_story_text *docs;
    int64_t *ids;
    sl_article **articles;  /* owning the texts */
} sl_story_texts;
/* Story `story_id`, or with `thread_id` > 0 every story of that thread, as
 * texts; freed with sl_story_texts_free (nothing to free after a failure).
 * SL_ENOTFOUND, SL_ENOMEM, SL_ESTORE. */
SL_API int sl_story_texts_get(sl_engine *engine, int64_t story_id, int64_t thread_id,
                              sl_story_texts **out);
SL_API void sl_story_texts_free(sl_story_texts *texts);

/* The budget: `words` or `bytes` (one of them > 0; bytes wins). With `cut`
 * the budget is filled to the last word: a final sentence is cut to fit (the
 * DUC convention); without it only whole sentences. */
typedef struct sl_summary_options {
    int words, bytes;
    int cut;
} sl_summary_options;

typedef struct sl_summary_sentence {
    char *text;             /* the sentence, white space runs made single spaces */
    size_t doc;             /* the document it was taken from (index into the docs) */
    sl_span span;           /* byte offsets into that document's text */
    size_t n_docs;
    size_t *docs;           /* every document stating it (indexes, ascending) */
    size_t n_sources;       /* independent sources among them */
    int cut;                /* 1 when cut to fit the budget (only ever the last) */
} sl_summary_sentence;

typedef struct sl_summary { size_t n; sl_summary_sentence *sentences; } sl_summary;

/* An extractive summary of `n` documents told as one story: the sentences
 * covering the most content that independent sources share, within the
 * budget, never two saying the same thing, in time then discourse order.
 * SL_EUSAGE for no budget, SL_ENOMEM, SL_ETOOLARGE. Thread-safe. */
SL_API int sl_summarize(const sl_story_text *docs, size_t n, const sl_summary_options *opts,
                        sl_summary **out);
SL_API void sl_summary_free(sl_summary *summary);
/* The summary as one JSON object {sentences: [{text, doc, start, end, docs,
 * sources}]} (docs/json.md) in `form` (sl_json_form); `ids` (may be NULL)
 * replaces document indexes by the caller's ids (article ids). */
SL_API int sl_summary_json(const sl_summary *summary, const int64_t *ids, sl_json_form form,
                           sl_write_fn write, void *ctx);

/* One entry of a timeline: an event on a date, with every document telling it. */
typedef struct sl_timeline_event {
    char value[32];         /* the date (TIMEX3): "2024-06-12", "2024-W23", "2024-06", "2024" */
    char *text;             /* the sentence telling it (from the first document) */
    size_t doc;             /* that document (index into the docs) */
    sl_span span;           /* the sentence: byte offsets into that document's text */
    size_t n_docs;
    size_t *docs;           /* every document telling it (indexes, ascending) */
    size_t n_sources;       /* independent sources among them */
    int from_published;     /* 1: the text states no date; its publication date is used */
} sl_timeline_event;

typedef struct sl_timeline { size_t n; sl_timeline_event *events; } sl_timeline;

/* The timeline of `n` documents told as one story (docs/timeline.md): each
 * sentence stating a calendar date is an event on it (relative dates
 * resolved against the document's `published`); a document whose first
 * sentence states no date gives that sentence on its publication date
 * (from_published). The same event from several documents (same date, a
 * sentence saying the same thing) is one entry. Oldest first; SL_ENOMEM,
 * SL_ETOOLARGE. Thread-safe. */
SL_API int sl_timeline_build(const sl_story_text *docs, size_t n, sl_timeline **out);
SL_API void sl_timeline_free(sl_timeline *timeline);
/* The timeline as one JSON object {events: [{date, text, doc, start, end,
 * docs, sources, from_published}]} in `form`; `ids` as for sl_summary_json. */
SL_API int sl_timeline_json(const sl_timeline *timeline, const int64_t *ids, sl_json_form form,
                            sl_write_fn write, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
