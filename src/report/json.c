/* json.c — the JSON of one result (docs/json.md): a summary's sentences and
 * a timeline's events, each with the documents stating it, a page as
 * extracted, and a text's temporal expressions, one a line. Each is written
 * as a part of a larger document or as a document of its own
 * (sl_json_form). */
#include "report/report.h"

static void write_ids(sl_json *j, const int64_t *ids, const size_t *docs, size_t n)
{
    sl_json_array_begin(j);
    for (size_t k = 0; k < n; k++)
        sl_json_int(j, ids ? ids[docs[k]] : (int64_t)docs[k]);
    sl_json_array_end(j);
}

/* Opens one result's object in `form`: a document's "storyline" and
 * "json_version" first, then "input" when one is given. */
static void result_begin(sl_json *j, sl_json_form form, int pretty, const char *input,
                         sl_write_fn write, void *ctx)
{
    if (form == SL_JSON_DOCUMENT) {
        sl_json_begin_document(j, write, ctx, pretty);
    } else {
        sl_json_init(j, write, ctx, 0);
        sl_json_object_begin(j);
    }
    if (input)
        sl_json_kv_string(j, "input", input);
}

/* Closes it, a newline after it when `newline` (an indented one ends with
 * one already); 0 or the write's failure. */
static int result_end(sl_json *j, int newline, sl_write_fn write, void *ctx)
{
    sl_json_object_end(j);
    int rc = sl_json_finish(j);
    return rc ? rc : (newline && write(ctx, "\n", 1)) ? SL_EIO : 0;
}

static void summary_members(sl_json *j, const sl_summary *summary, const int64_t *ids)
{
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
}

void sl_report_summary(sl_json *j, const sl_summary *summary, const int64_t *ids)
{
    sl_json_object_begin(j);
    summary_members(j, summary, ids);
    sl_json_object_end(j);
}

static void timeline_members(sl_json *j, const sl_timeline *timeline, const int64_t *ids)
{
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
}

void sl_report_timeline(sl_json *j, const sl_timeline *timeline, const int64_t *ids)
{
    sl_json_object_begin(j);
    timeline_members(j, timeline, ids);
    sl_json_object_end(j);
}

int sl_summary_json(const sl_summary *summary, const int64_t *ids, sl_json_form form,
                    sl_write_fn write, void *ctx)
{
    sl_json j;
    result_begin(&j, form, form == SL_JSON_DOCUMENT, NULL, write, ctx);
    summary_members(&j, summary, ids);
    return result_end(&j, 0, write, ctx);
}

int sl_timeline_json(const sl_timeline *timeline, const int64_t *ids, sl_json_form form,
                     sl_write_fn write, void *ctx)
{
    sl_json j;
    result_begin(&j, form, form == SL_JSON_DOCUMENT, NULL, write, ctx);
    timeline_members(&j, timeline, ids);
    return result_end(&j, 0, write, ctx);
}

int sl_page_json(const sl_page *p, const char *input, sl_json_form form, sl_write_fn write,
                 void *ctx)
{
    sl_json j;
    result_begin(&j, form, 0, input, write, ctx);
    sl_json_kv_string(&j, "title", p->title);
    sl_json_kv_string(&j, "author", p->author);
    sl_json_kv_string(&j, "published", p->published);
    sl_json_kv_string(&j, "lang", p->lang);
    sl_json_kv_string(&j, "status", p->text ? "ok" : "no_body");
    sl_json_kv_string(&j, "text", p->text);
    return result_end(&j, form == SL_JSON_DOCUMENT, write, ctx);
}

int sl_timex_json(const char *text, size_t len, const char *reference, const char *input,
                  sl_json_form form, sl_write_fn write, void *ctx)
{
    sl_timex_list *list = NULL;
    int rc = sl_timex_find(text, len, reference, &list);
    for (size_t i = 0; !rc && i < list->n; i++) {
        const sl_timex *x = &list->items[i];
        sl_json j;
        result_begin(&j, form, 0, input, write, ctx);
        sl_json_kv_int(&j, "start", x->chars.start);
        sl_json_kv_int(&j, "end", x->chars.end);
        sl_json_key(&j, "text");
        sl_json_string_n(&j, text + x->span.start, x->span.end - x->span.start);
        sl_json_kv_string(&j, "type", sl_timex_type_name(x->type));
        sl_json_kv_string(&j, "value", x->value);
        rc = result_end(&j, 1, write, ctx);
    }
    sl_timex_list_free(list);
    return rc;
}
