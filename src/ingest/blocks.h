/* blocks.h — the HTML extractor's learned block decision: each paragraph of
 * a page (a block) with what html.c measured of its element, the features
 * made of that, and the shallow trees that keep or drop it (blocks.c).
 * Internal to the extractor and to eval/extraction_features.c. */
#ifndef SL_INGEST_BLOCKS_H
#define SL_INGEST_BLOCKS_H

#include <stdint.h>

#include "ingest/htmltree.h"
#include "ingest/ingest.h"

/* What holds the paragraph's text (its nearest block element). */
enum { SL_KIND_P, SL_KIND_LI, SL_KIND_HEADING, SL_KIND_CELL, SL_KIND_QUOTE, SL_KIND_OTHER };

/* Where the paragraph sits: the element or one of its ancestors is ... */
enum {
    SL_PATH_INSIDE = 1 << 0,    /* the container the scores chose (html.c) */
    SL_PATH_WRITTEN = 1 << 1,   /* ... and the container writer kept it: not removed, not links */
    SL_PATH_REMOVED = 1 << 2,   /* dropped by a tag, role or class/id cue */
    SL_PATH_COMMENTS = 1 << 3,  /* a comment thread by its class or id */
    SL_PATH_SOFT = 1 << 4,      /* carries a furniture cue */
    SL_PATH_FURNITURE = 1 << 5, /* header, footer, nav, aside */
    SL_PATH_FORM = 1 << 6,
    SL_PATH_SEMANTIC = 1 << 7,  /* article, main, itemprop=articleBody */
    SL_PATH_LIST = 1 << 8,      /* li, dt, headings: text but not prose */
    SL_PATH_TABLE = 1 << 9,
    SL_PATH_LENIENT = 1 << 10   /* the page was read without soft cues */
};

/* Class/id word groups (blocks.c), as bits of sl_block.cues. */
#define SL_CUE_GROUPS 12

#define SL_BLOCK_FEATURES 49

typedef struct sl_block {
    size_t start, len;      /* the paragraph's bytes in sl_blocks.text */
    uint32_t owner;         /* its element: paragraphs of one element share it */
    unsigned kind, path, cues;
    float link_share;       /* of the element's loose text, inside links */
    float score_share;      /* best content score of the element and two ancestors, over the page's best */
    float x[SL_BLOCK_FEATURES];
    double score;
    int keep;
} sl_block;

typedef struct sl_blocks {
    sl_buf text;            /* the paragraphs, back to back */
    SL_VEC(sl_block) items; /* in document order */
} sl_blocks;

void sl_blocks_free(sl_blocks *b);
/* The class/id cue groups of an element (either may be NULL). */
unsigned sl_block_cues(const char *cls, const char *id);
/* Makes every block's features (its own, its neighbours') and decides
 * which to keep; SL_ENOMEM when memory ran out. */
int sl_blocks_decide(sl_blocks *b);
/* The kept blocks joined by blank lines; the container's blocks when the
 * model keeps none; every block without a furniture or comment cue when
 * the container has none; every block not mostly links when all carry a
 * cue (a page with text never comes out empty). *out is NULL when the page
 * has no such text. */
int sl_blocks_text(const sl_blocks *b, char **out);

/* page.c: a page's blocks with their facts and decision (for the fit). */
int sl_html_blocks(const char *html, size_t len, const char *charset, sl_blocks *out, sl_buf *why);
/* page.c: a page's title candidates (titles.c; malloc'd, NULL when absent;
 * the caller frees each) and what it says of itself, for the fit. */
int sl_html_titles(const char *html, size_t len, const char *charset, char *titles[SL_TITLE_SOURCES],
                   sl_title_page *page, sl_buf *why);

#endif
