/* record.c — the raw record that every input format produces (one article
 * as the input carries it, before cleaning), and its release. */
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"

void sl_record_clear(sl_record *r)
{
    if (!r)
        return;
    free(r->text);
    free(r->html);
    free(r->title);
    free(r->url);
    free(r->source);
    free(r->published);
    free(r->key);
    memset(r, 0, sizeof *r);
}
