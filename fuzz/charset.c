/* charset.c — fuzz target: charset detection and decoding
 * (src/ingest/charset.c through sl_html_decode). The first byte picks the
 * charset an HTTP header would claim (or none); the rest is the page. The
 * result must be valid UTF-8: repairing it replaces nothing. */
#include <stdlib.h>

#include "fuzz.h"
#include "ingest/ingest.h"
#include "text/text.h"

static const char *const claimed[] = {NULL, "utf-8", "windows-1252", "iso-8859-1", "shift_jis",
                                      "utf-16", "utf-16be", "koi8-r", "gb18030", "no-such-charset"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *charset = claimed[data[0] % (sizeof claimed / sizeof *claimed)];
    sl_buf page, again;
    sl_buf_init(&page, 0);
    sl_buf_init(&again, 0);
    if (sl_html_decode((const char *)data + 1, size - 1, charset, &page) == 0
        && sl_utf8_repair(page.ptr ? page.ptr : "", page.len, &again) != 0)
        abort();
    sl_buf_free(&again);
    sl_buf_free(&page);
    return 0;
}
