/* extraction_features.c — prints the blocks of HTML pages with their
 * features, for fitting the block model in src/ingest/blocks.c
 * (eval/fit_extraction.py builds and runs it; not part of the library).
 *
 *   build/extraction-features PAGE.html[.gz]...
 *   -> one JSON object a page: {"input": PATH, "blocks": [{"x": [...],
 *      "path": N, "score": the shipped trees' score, "keep": the shipped
 *      decision, "text": "..."}, ...]}
 *      ("blocks": [] when the page fails)
 *   build/extraction-features --titles PAGE.html[.gz]...
 *   -> {"input": PATH, "titles": [{"text": "...", "x": [...]} or null, ...]},
 *      one entry per title source of titles.c (eval/fit_titles.py) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ingest/blocks.h"
#include "util/gzfile.h"

static json_t *block_json(const sl_blocks *b, const sl_block *k)
{
    json_t *x = json_array();
    for (int j = 0; j < SL_BLOCK_FEATURES; j++)
        json_array_append_new(x, json_real(k->x[j]));
    return json_pack("{s:o, s:i, s:f, s:b, s:s%}", "x", x, "path", (int)k->path, "score", k->score, "keep",
                     k->keep, "text", b->text.ptr + k->start, k->len);
}

/* The page's blocks with their features, as a JSON array. */
static json_t *page_blocks(const sl_buf *page, sl_buf *why)
{
    sl_blocks blocks;
    json_t *list = json_array();
    if (!sl_html_blocks(page->ptr, page->len, NULL, &blocks, why)) {
        for (size_t j = 0; j < blocks.items.n; j++)
            json_array_append_new(list, block_json(&blocks, &blocks.items.items[j]));
        sl_blocks_free(&blocks);
    }
    return list;
}

/* The page's title candidates, each with its features (null when absent). */
static json_t *page_titles(const sl_buf *page, sl_buf *why)
{
    char *titles[SL_TITLE_SOURCES];
    sl_title_page about;
    json_t *list = json_array();
    if (sl_html_titles(page->ptr, page->len, NULL, titles, &about, why))
        return list;
    for (int i = 0; i < SL_TITLE_SOURCES; i++) {
        json_t *x = json_array();
        double f[SL_TITLE_FEATURES];
        sl_title_features(titles, &about, i, f);
        for (int j = 0; j < SL_TITLE_FEATURES; j++)
            json_array_append_new(x, json_real(f[j]));
        json_array_append_new(list, titles[i] && *titles[i] ? json_pack("{s:s, s:o}", "text", titles[i], "x", x)
                                                            : (json_decref(x), json_null()));
    }
    for (int i = 0; i < SL_TITLE_SOURCES; i++)
        free(titles[i]);
    return list;
}

int main(int argc, char **argv)
{
    sl_buf page = SL_BUF_INIT, why = SL_BUF_INIT;
    int titles = argc > 1 && !strcmp(argv[1], "--titles");
    for (int i = 1 + titles; i < argc; i++) {
        json_t *list = sl_gz_read_file(argv[i], SL_PAGE_MAX, &page, &why) ? json_array()
                       : titles ? page_titles(&page, &why) : page_blocks(&page, &why);
        sl_buf_free(&page);
        json_t *line = json_pack("{s:s, s:o}", "input", argv[i], titles ? "titles" : "blocks", list);
        char *s = json_dumps(line, JSON_COMPACT);
        if (s)
            puts(s);
        free(s);
        json_decref(line);
    }
    sl_buf_free(&page);
    sl_buf_free(&why);
    return 0;
}
