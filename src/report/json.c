/* json.c — the report stage's JSON: a summary's sentences and a timeline's
 * events, each with the documents stating it (docs/json.md). */
#include "report/report.h"

static void write_ids(sl_json *j, const int64_t *ids, const size_t *docs, size_t n)
{
    sl_json_array_begin(j);
    for (size_t k = 0; k < n; k++)
        sl_json_int(j, ids ? ids[docs[k]] : (int64_t)docs[k]);
    sl_json_array_end(j);
}

void sl_report_summary(sl_json *j, const sl_summary *summary, const int64_t *ids)
{
    sl_json_object_begin(j);
    sl_json_key(j, "sentences");
    sl_json_array_begin(j);
    for (size_t i = 0; i < summary->n; i++) {
        const sl_summary_sentence *s = &summary->sentences[i];
        sl_json_object_begin(j);
        sl_json_kv_string(j, "text", s->text);
        sl_json_kv_int(j, "doc", ids ? ids[s->doc] : (int64_t)s->doc);
        sl_json_kv_int(j, "start", s->span.start);
        sl_json_kv_int(j, "end", s->span.end);
        sl_json_key(j, "docs");
        write_ids(j, ids, s->docs, s->n_docs);
        sl_json_kv_int(j, "sources", (int64_t)s->n_sources);
        if (s->cut)
            sl_json_kv_int(j, "cut", 1);
        sl_json_object_end(j);
    }
    sl_json_array_end(j);
    sl_json_object_end(j);
}

void sl_report_timeline(sl_json *j, const sl_timeline *timeline, const int64_t *ids)
{
    sl_json_object_begin(j);
    sl_json_key(j, "events");
    sl_json_array_begin(j);
    for (size_t i = 0; i < timeline->n; i++) {
        const sl_timeline_event *e = &timeline->events[i];
        sl_json_object_begin(j);
        sl_json_kv_string(j, "date", e->value);
        sl_json_kv_string(j, "text", e->text);
        sl_json_kv_int(j, "doc", ids ? ids[e->doc] : (int64_t)e->doc);
        sl_json_kv_int(j, "start", e->span.start);
        sl_json_kv_int(j, "end", e->span.end);
        sl_json_key(j, "docs");
        write_ids(j, ids, e->docs, e->n_docs);
        sl_json_kv_int(j, "sources", (int64_t)e->n_sources);
        sl_json_key(j, "from_published");
        sl_json_bool(j, e->from_published);
        sl_json_object_end(j);
    }
    sl_json_array_end(j);
    sl_json_object_end(j);
}

int sl_summary_json(const sl_summary *summary, const int64_t *ids, sl_write_fn write, void *ctx)
{
    sl_json j;
    sl_json_init(&j, write, ctx, 0);
    sl_report_summary(&j, summary, ids);
    return sl_json_finish(&j);
}

int sl_timeline_json(const sl_timeline *timeline, const int64_t *ids, sl_write_fn write,
                     void *ctx)
{
    sl_json j;
    sl_json_init(&j, write, ctx, 0);
    sl_report_timeline(&j, timeline, ids);
    return sl_json_finish(&j);
}
