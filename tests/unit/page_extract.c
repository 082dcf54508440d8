/* page_extract.c — the extraction unit tests' shared call (page_extract.h). */
#include <stdio.h>

#include "page_extract.h"

int page_extract(const char *html, size_t len, sl_extracted *out)
{
    sl_buf why = SL_BUF_INIT;
    int rc = sl_html_extract(html, len, NULL, out, &why);
    if (rc)
        fprintf(stderr, "  (extract: %s)\n", sl_buf_cstr(&why));
    sl_buf_free(&why);
    return rc;
}
