/* storyline/article.h — one stored article: its text, sentences, metadata and
 * the lines removed from it as page chrome. */
#ifndef STORYLINE_ARTICLE_H
#define STORYLINE_ARTICLE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Articles ----------------------------------------------------------- */

/* A line removed from an article as page chrome, with why. */
typedef struct sl_removed_line {
    uint32_t line;       /* 1-based line number in the input text */
    char *text;
    char *reason;        /* e.g. "no words", "interface text", "repeated in 12 articles" */
} sl_removed_line;

typedef struct sl_article {
    int64_t id;
    int64_t story_id;
    int version;              /* 1 for the first content seen under this URL/key/path */
    char *key, *path, *url, *source;
    char *published;          /* ISO-8601 or NULL */
    char *title;              /* NULL when the input has none; at most 1,000 bytes: a
                               * longer one is cut at a grapheme boundary and ends
                               * with "…" */
    char *text;               /* clean text, paragraphs separated by blank lines */
    char *lang;               /* ISO 639-1 code, "und" when unknown */
    unsigned bad_bytes;
    size_t n_sentences;
    sl_span *sentences;       /* offsets into text */
    size_t n_removed;
    sl_removed_line *removed;
} sl_article;

SL_API int sl_article_get(sl_engine *engine, int64_t id, sl_article **out);
SL_API void sl_article_free(sl_article *article);

#ifdef __cplusplus
}
#endif
#endif
