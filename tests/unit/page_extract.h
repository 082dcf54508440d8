/* page_extract.h — what the HTML extraction unit tests share: a page's
 * article read by sl_html_extract, its reason printed when it fails. */
#ifndef SL_TEST_PAGE_EXTRACT_H
#define SL_TEST_PAGE_EXTRACT_H

#include <stddef.h>

#include "ingest/ingest.h"

/* sl_html_extract over html[0, len) (no charset given); on failure the
 * reason goes to stderr beside the test's own message. */
int page_extract(const char *html, size_t len, sl_extracted *out);

#endif
