/* html.c — fuzz target: the HTML extractor (src/ingest/html.c,
 * htmltree.c, meta.c, extract.c): title, body text, date and author of a
 * page, with the charset guessed from the page itself. */
#include <stdlib.h>

#include "fuzz.h"
#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_extracted page = {0};
    sl_buf why;
    sl_buf_init(&why, 0);
    int rc = sl_html_extract((const char *)data, size, NULL, &page, &why);
    if (rc != 0 && why.len == 0 && !why.err)
        abort();
    sl_extracted_clear(&page);
    sl_buf_free(&why);
    return 0;
}
