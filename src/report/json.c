/* json.c — the report stage's JSON: a summary's sentences with the documents
 * stating them (docs/json.md, "Summaries"). */
#include "util/json_out.h"

int sl_summary_json(const sl_summary *summary, const int64_t *ids, sl_write_fn write, void *ctx)
{
    sl_json j;
    sl_json_init(&j, write, ctx, 0);
    sl_json_object_begin(&j);
    sl_json_key(&j, "sentences");
    sl_json_array_begin(&j);
    for (size_t i = 0; i < summary->n; i++) {
        const sl_summary_sentence *s = &summary->sentences[i];
        sl_json_object_begin(&j);
        sl_json_kv_string(&j, "text", s->text);
        sl_json_kv_int(&j, "doc", ids ? ids[s->doc] : (int64_t)s->doc);
        sl_json_kv_int(&j, "start", s->span.start);
        sl_json_kv_int(&j, "end", s->span.end);
        sl_json_key(&j, "docs");
        sl_json_array_begin(&j);
        for (size_t k = 0; k < s->n_docs; k++)
            sl_json_int(&j, ids ? ids[s->docs[k]] : (int64_t)s->docs[k]);
        sl_json_array_end(&j);
        sl_json_kv_int(&j, "sources", (int64_t)s->n_sources);
        if (s->cut)
            sl_json_kv_int(&j, "cut", 1);
        sl_json_object_end(&j);
    }
    sl_json_array_end(&j);
    sl_json_object_end(&j);
    return sl_json_finish(&j);
}
