/* extraction_features.c — prints the blocks of HTML pages with their
 * features, for fitting the block model in src/ingest/blocks.c
 * (eval/fit_extraction.py builds and runs it; not part of the library).
 *
 *   build/extraction-features PAGE.html[.gz]...
 *   -> one JSON object a page: {"input": PATH, "blocks": [{"x": [...],
 *      "path": N, "text": "..."}, ...]}  ("blocks": [] when the page fails) */
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "ingest/blocks.h"

static json_t *block_json(const sl_blocks *b, const sl_block *k)
{
    json_t *x = json_array();
    for (int j = 0; j < SL_BLOCK_FEATURES; j++)
        json_array_append_new(x, json_real(k->x[j]));
    return json_pack("{s:o, s:i, s:s%}", "x", x, "path", (int)k->path, "text", b->text.ptr + k->start, k->len);
}

int main(int argc, char **argv)
{
    sl_buf page = SL_BUF_INIT, why = SL_BUF_INIT;
    for (int i = 1; i < argc; i++) {
        sl_blocks blocks;
        json_t *list = json_array();
        if (!sl_gz_read_file(argv[i], SL_PAGE_MAX, &page, &why) &&
            !sl_html_blocks(page.ptr, page.len, NULL, &blocks, &why)) {
            for (size_t j = 0; j < blocks.items.n; j++)
                json_array_append_new(list, block_json(&blocks, &blocks.items.items[j]));
            sl_blocks_free(&blocks);
        }
        sl_buf_free(&page);
        json_t *line = json_pack("{s:s, s:o}", "input", argv[i], "blocks", list);
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
