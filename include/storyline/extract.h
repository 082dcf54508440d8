/* storyline/extract.h — web article extraction without a store, and the readers
 * of one input as prose (binary, refused, UTF-16, HTML). */
#ifndef STORYLINE_EXTRACT_H
#define STORYLINE_EXTRACT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Web: article extraction ------------------------------------------------
 * One HTML page (any charset, at most 50 MB) to its article, without a store:
 * metadata from JSON-LD, OpenGraph, <meta>, <time> and the page's <h1>/<title>;
 * the body found by text and link density and tag/class cues, then cleaned as
 * ingest cleans it (docs/extraction.md). Plain text is cleaned line by line as
 * ingest cleans it (its chrome rules, without the store's repeated lines). */

typedef struct sl_extractor sl_extractor;

/* What a page holds. Strings are malloc'd, NULL when not found; text never
 * NULL after a successful extraction, NULL for an HTML page without article
 * text (its metadata kept: see sl_extract_page). */
typedef struct sl_page {
    char *title;
    char *author;
    char *published;  /* as the page states it (ISO-8601 mostly) */
    char *lang;       /* ISO 639-1 from <html lang>, else detected from the body */
    char *text;       /* body paragraphs separated by blank lines */
} sl_page;

SL_API int sl_extractor_new(sl_extractor **out);
SL_API void sl_extractor_free(sl_extractor *x);
/* URLs given to sl_extract_each may reach loopback, private and link-local
 * addresses (refused by default, as in ingest). */
SL_API void sl_extractor_allow_private(sl_extractor *x, int allow);
/* Extracts one page or plain text (recognised by content) into `out`
 * (cleared first). Returns 0, SL_EBADINPUT (no article text; empty, binary,
 * a feed or JSONL, WARC data: give its file to sl_extract_each),
 * SL_ETOOLARGE (over the cap) or SL_ENOMEM. On
 * SL_EBADINPUT for an HTML page without article text, `out` still holds the
 * page's title, author, published and lang ("und" unless stated), text NULL:
 * a page without article body (ingest rejects such a page). On any other
 * failure `out` is left cleared. Call sl_page_clear after any result. */
SL_API int sl_extract_page(sl_extractor *x, const char *html, size_t len, sl_page *out);
/* 1 when `data` is binary by the rule ingest and extract refuse an input
 * with (NUL bytes, a binary format's magic bytes, mostly bytes that are no
 * text: docs/formats.md, "Detection"), else 0. */
SL_API int sl_input_is_binary(const char *data, size_t len);
/* Why a reader of one text (timex, summarize, facts --text, compare)
 * refuses `data`, by the detection ingest reads it with: "empty" (white
 * space only), "binary data, not text" (sl_input_is_binary), or "a feed,
 * JSON or JSONL file holds many articles: use ingest" (as extract says);
 * NULL for a text or a page. A static string. */
SL_API const char *sl_input_refused(const char *data, size_t len);
/* `data` in UTF-8 as ingest reads it, for a reader of prose: an HTML page in
 * UTF-16 (with its byte-order mark) is decoded by the page decoder ingest
 * and extract use, into *out (its length in *out_len; free it with free());
 * any other input needs no decoding, *out NULL. 0, or SL_ENOMEM. */
SL_API int sl_input_utf8(const char *data, size_t len, char **out, size_t *out_len);
/* The prose of `data` for a reader of text, as ingest reads it: an HTML
 * page (UTF-8 or UTF-16) gives the article text sl_extract_page extracts,
 * into *out (its length in *out_len; free it with free()); any other input
 * is its own prose, *out NULL. 0, SL_EBADINPUT for a page without article
 * text, SL_ETOOLARGE or SL_ENOMEM. */
SL_API int sl_input_prose(const char *data, size_t len, char **out, size_t *out_len);
/* The same with what ingest reads from a page besides its text: for an HTML
 * page, `out` (cleared first) holds the extracted page (text, title, author,
 * language) and its publication date as ingest keeps it (`published` NULL
 * when the page states none or none ingest reads as a date), so that a
 * reader of prose resolves "on Tuesday" as ingest does; any other input is
 * its own prose, `out` left cleared (text NULL). 0, SL_EBADINPUT for a page
 * without article text, SL_ETOOLARGE or SL_ENOMEM. Call sl_page_clear
 * after any result. */
SL_API int sl_input_article(const char *data, size_t len, sl_page *out);
/* sl_input_refused and sl_input_article in one, by one detection of the
 * input's format: *refused is what sl_input_refused says (a static string,
 * or NULL); when it is not NULL, `out` is left cleared and the result is 0,
 * else the result and `out` are sl_input_article's. Call sl_page_clear
 * after any result. */
SL_API int sl_input_read(const char *data, size_t len, sl_page *out, const char **refused);
/* Called once per page of a file: `page` on success, else `error` says why
 * (one line); both for an HTML page without article text (`page` holds its
 * metadata, text NULL). `name` is the file, or FILE#RECORD (URI) inside a
 * WARC file. */
typedef void (*sl_page_fn)(void *ctx, const char *name, const sl_page *page, const char *error);
/* Every page of a file: the file itself when it is a page or text (plain or
 * gzip), or every HTML response of a WARC file (streamed). "-" reads standard
 * input; an http(s) URL is fetched (robots.txt, time-outs, the size cap, no
 * private addresses unless allowed). Returns 0, or SL_ENOMEM; pages that
 * fail go to `on_page` with their reason. */
SL_API int sl_extract_each(sl_extractor *x, const char *path, sl_page_fn on_page, void *ctx);
SL_API void sl_page_clear(sl_page *page);
/* The page as one JSON object {input, title, author, published, lang,
 * status, text} (docs/json.md), `input` naming where it came from (left out
 * when NULL), in `form` (sl_json_form); status "ok", or "no_body" with text
 * null for a page without article text. */
SL_API int sl_page_json(const sl_page *page, const char *input, sl_json_form form,
                        sl_write_fn write, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
