/* report.h — every JSON document and view built from query results
 * (docs/json.md): plain rows in, JSON out through the streaming writer.
 * Nothing here reads the store; the engine reads and hands the rows over. */
#ifndef SL_REPORT_H
#define SL_REPORT_H

#include <stdint.h>

#include "storyline.h"
#include "util/buf.h"
#include "util/json_out.h"

/* ---- document.c ---- */
/* Starts a storyline document: init, the opening brace, and the "storyline"
 * and "json_version" members every document begins with (docs/json.md). */
void sl_json_begin_document(sl_json *j, sl_write_fn write, void *ctx, int pretty);

/* ---- articles.c ---- */
/* One article object, with its sentences and removed lines. */
void sl_report_article(sl_json *j, const sl_article *a);
/* An array of the lines taken out of an article as page chrome. */
void sl_report_removed(sl_json *j, const sl_removed_line *removed, size_t n);

/* ---- stories.c ---- */
/* The fields of one story line, inside an object the caller opened. */
void sl_report_story_line(sl_json *j, const sl_story_line *line);
/* One story with its articles (show --json, export of one story). */
void sl_report_story(sl_json *j, const sl_story *story);
/* One story of a listing: its line and the ids of its articles; in an export
 * also its summary and timeline (NULL: left out), their document indexes
 * replaced by `ids`. */
void sl_report_story_entry(sl_json *j, const sl_story_line *line, const int64_t *articles,
                           size_t n_articles, const sl_summary *summary,
                           const sl_timeline *timeline, const int64_t *ids);
/* The threads document's "threads" member. */
void sl_report_threads(sl_json *j, const sl_thread_list *list);

/* ---- copies.c ---- */
/* One copy relation; each piece of evidence quotes its sentences from
 * `copy_text` (the copy's text) and `of_text` (the original's); a span
 * outside its text is written empty. */
void sl_report_copy(sl_json *j, const sl_copy *c, const sl_buf *copy_text, const sl_buf *of_text);

/* ---- search.c ---- */
/* The search document's "query" and "hits" members. */
void sl_report_search(sl_json *j, const char *query, const sl_search_hits *hits);

/* ---- json.c ---- */
/* A summary and a timeline as JSON objects (docs/json.md); `ids` (may be
 * NULL) replaces document indexes by article ids. */
void sl_report_summary(sl_json *j, const sl_summary *summary, const int64_t *ids);
void sl_report_timeline(sl_json *j, const sl_timeline *timeline, const int64_t *ids);

/* ---- facts.c ---- */
void sl_facts_json_item(sl_json *j, const sl_fact_item *it);
/* An array of the items of kind `kind` (-1: all). */
void sl_facts_json_items(sl_json *j, const sl_fact_item *items, size_t n, int kind);
void sl_facts_json_fact(sl_json *j, int64_t story, const sl_fact *f);

#endif
