/* feed.c — fuzz target: the RSS/Atom reader (src/ingest/feed.c) and the
 * format sniffer that sends inputs to it (src/ingest/format.c). */
#include <stdlib.h>

#include "fuzz.h"
#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)sl_format_detect((const char *)data, size);
    sl_feed_items items = {0};
    sl_buf why;
    sl_buf_init(&why, 0);
    int rc = sl_feed_parse((const char *)data, size, &items, &why);
    if (rc == 0)
        for (size_t i = 0; i < items.n; i++)
            (void)sl_feed_item_is_full(&items.items[i]);
    else if (why.len == 0 && !why.err)
        abort();
    sl_feed_items_free(&items);
    sl_buf_free(&why);
    return 0;
}
