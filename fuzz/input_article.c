/* input_article.c — fuzz target: sl_input_article (src/ingest/extract.c),
 * the page a reader of prose (`timex`, `facts --text`, `summarize`) reads:
 * an HTML page's text and the date ingest keeps, or the input as its own
 * prose. A date it gives must be one ingest reads as a day; a page with no
 * text is refused; the input that is no page gives nothing. */
#include <stdlib.h>

#include "fuzz.h"
#include "storyline.h"
#include "util/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_page page;
    int rc = sl_input_article((const char *)data, size, &page);
    if (!rc && page.published && sl_date_day(page.published) == SL_NO_DAY)
        abort();
    if (!rc && page.title && !page.text)
        abort();
    sl_page_clear(&page);
    return 0;
}
