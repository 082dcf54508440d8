/* document.c — the opening every storyline JSON document shares: the
 * producer's version and the JSON format's version (docs/json.md). */
#include "report/report.h"

void sl_json_begin_document(sl_json *j, sl_write_fn write, void *ctx, int pretty)
{
    sl_json_init(j, write, ctx, pretty);
    sl_json_object_begin(j);
    sl_json_kv_string(j, "storyline", SL_VERSION);
    sl_json_kv_int(j, "json_version", SL_JSON_VERSION);
}
