/* doc.h — the analysed article: everything derived from one article, once,
 * as one value the pipeline hands to every stage (copies, stories, facts,
 * the store). Its strings live in a per-article arena and its buffers are
 * kept from article to article; sl_doc_reset empties it for the next one.
 * Every offset (sentences, tokens) is a byte offset into `text`. The route
 * of an article through the stages: docs/architecture.md. */
#ifndef SL_DOC_H
#define SL_DOC_H

#include <stdint.h>

#include "text/text.h"
#include "util/arena.h"
#include "util/buf.h"

typedef struct sl_doc {
    sl_arena arena;            /* this article's strings */
    /* the text, in the order it is derived */
    sl_buf raw;                /* the input repaired to valid UTF-8 */
    sl_buf normalized;         /* raw normalised: offsets of removed chrome lines point here */
    const char *text;          /* the clean body (page chrome out), in the arena */
    size_t text_len;
    const char *title;         /* repaired and normalised; NULL when none */
    const char *identity;      /* "url:…", "key:source/…", "path:…"; NULL when none */
    const char *published;     /* as given; NULL when undated or not a date we read */
    int64_t day;               /* days since 1970-01-01 of published, SL_NO_DAY when undated */
    int64_t hash;              /* content hash of text */
    unsigned bad_bytes;        /* invalid bytes repaired in the input */
    /* the analysis of text and title: sentences, tokens, stem hashes,
     * language, content terms */
    sl_analysis body;
    sl_analysis title_analysis; /* empty when there is no title */
    sl_text_names names;       /* the names of the body (sl_names_find), read by stories and facts */
    const char *own_lang;      /* the language the text alone says (body.lang may be the collection's) */
} sl_doc;


/* Empties the document for the next article, keeping its memory. */
void sl_doc_reset(sl_doc *d);
void sl_doc_free(sl_doc *d);

/* Repairs `len` bytes of input into raw and normalises them into
 * normalized; records the bad bytes. Errors: SL_ETOOLARGE, SL_ENOMEM. */
int sl_doc_read(sl_doc *d, const char *input, size_t len);
/* Sets the clean body (copied into the arena) and its content hash. */
int sl_doc_set_text(sl_doc *d, const char *text, size_t len);
/* Sets the title: caller-given text is repaired and normalised first;
 * `clean` text (already normalised, as chrome removal finds it) is copied.
 * An empty title leaves none; a long one is capped (sl_title_cap). Errors:
 * SL_ENOMEM, SL_ETOOLARGE. */
int sl_doc_set_title(sl_doc *d, const char *title, int clean);
/* A title is at most SL_TITLE_MAX bytes: a longer one (a page's 1 MB
 * <title>, a JSONL title field) is cut in place where a character ends as
 * a reader sees it (a grapheme boundary, sl_utf8_grapheme_cut) and ends
 * with "…" (docs/extraction.md): far above any headline, so the
 * extraction benchmarks' title figures do not move. */
#define SL_TITLE_MAX 1000
void sl_title_cap(char *title);
/* Sets the publication date when it is one we read (else: undated).
 * Errors: SL_ENOMEM. */
int sl_doc_set_published(sl_doc *d, const char *published);
/* Copies the identity into the arena (NULL: none). */
int sl_doc_set_identity(sl_doc *d, const char *identity);
/* The language of the text (sets body.lang and own_lang), `prior` (the
 * collection's, NULL when none) for a text too short to tell its own; call
 * before sl_doc_analyse. */
void sl_doc_detect_language(sl_doc *d, sl_analyzer *an, const char *prior);
/* Analyses the text and the title, both in the text's language (a title's
 * few words tell it less well; sentences, tokens, stems, terms), and finds
 * the body's names. `tokens`: the text's tokens when its cleaning made them
 * (sl_cleaned's), NULL to make them here. Errors: SL_ENOMEM. */
int sl_doc_analyse(sl_doc *d, sl_analyzer *an, const sl_token_vec *tokens);
/* A title made of the first sentence, cut near 90 bytes (at a space, else
 * where a reader sees a character end: sl_utf8_grapheme_cut) for a story
 * whose first article has none, in the arena; "" when there is no sentence. */
const char *sl_doc_fallback_title(sl_doc *d);
/* The same for a stored text and its sentences, appended to `out`
 * (nothing when there is no sentence). Errors: SL_ENOMEM. */
int sl_fallback_title(const char *text, const sl_span *sentences, size_t n, sl_buf *out);

#endif
