/* facts.c — facts as JSON (docs/json.md, "Facts"): one extracted item, a
 * list of items, and a story's cross-check table. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "facts/facts.h"
#include "report/report.h"

static const char *const kind_names[] = {"entity", "quote", "number", "date"};

static void span_pair(sl_json *j, const char *key, sl_span s)
{
    int pretty = j->pretty;
    if (key)
        sl_json_key(j, key);
    j->pretty = 0;
    sl_json_array_begin(j);
    sl_json_int(j, s.start);
    sl_json_int(j, s.end);
    sl_json_array_end(j);
    j->pretty = pretty;
}

/* A value exactly: integers as integers, others with 15 digits. */
static void number_kv(sl_json *j, const char *key, double v)
{
    char buf[40];
    if (v == (double)(long long)v && fabs(v) < 1e15)
        buf[sl_json_format_int(buf, (int64_t)v)] = '\0';
    else if (isfinite(v))
        snprintf(buf, sizeof buf, "%.15g", v);
    else
        snprintf(buf, sizeof buf, "null");
    sl_json_key(j, key);
    sl_json_raw(j, buf);
}

static void approx_string(sl_json *j, char approx)
{
    char a[2] = {approx ? approx : '=', 0};
    sl_json_kv_string(j, "approx", a);
}

void sl_facts_json_item(sl_json *j, const sl_fact_item *it)
{
    sl_json_object_begin(j);
    sl_json_kv_string(j, "kind", kind_names[it->kind]);
    if (it->article_id)
        sl_json_kv_int(j, "article", it->article_id);
    span_pair(j, "span", it->span);
    span_pair(j, "sentence", it->sentence);
    sl_json_kv_string(j, "text", it->text);
    switch (it->kind) {
    case SL_FACT_ENTITY:
        sl_json_kv_string(j, "name", it->about);
        sl_json_kv_string(j, "type", it->detail);
        sl_json_kv_string(j, "role", it->role);
        break;
    case SL_FACT_QUOTE:
        sl_json_kv_string(j, "speaker", it->about);
        sl_json_kv_string(j, "role", it->role);
        sl_json_kv_string(j, "cue", it->detail);
        if (it->source.end > it->source.start)
            span_pair(j, "speaker_span", it->source);
        break;
    case SL_FACT_NUMBER:
        number_kv(j, "value", it->value);
        if (it->value_hi != it->value)
            number_kv(j, "value_hi", it->value_hi);
        approx_string(j, it->approx);
        sl_json_kv_string(j, "unit", it->detail);
        sl_json_kv_string(j, "counts", it->about);
        sl_json_key(j, "ordinal");
        sl_json_bool(j, it->role != NULL);
        break;
    case SL_FACT_DATE:
        sl_json_kv_string(j, "date", it->about);
        sl_json_kv_string(j, "form", it->detail);
        break;
    }
    sl_json_object_end(j);
}

void sl_facts_json_items(sl_json *j, const sl_fact_item *items, size_t n, int kind)
{
    sl_json_array_begin(j);
    for (size_t i = 0; i < n; i++)
        if (kind < 0 || (int)items[i].kind == kind)
            sl_facts_json_item(j, &items[i]);
    sl_json_array_end(j);
}

int sl_facts_extract_json(const char *text, size_t len, const char *published, const char *input,
                          sl_write_fn write, void *ctx)
{
    sl_fact_items *items = NULL;
    int rc = sl_facts_extract(text, len, published, &items);
    if (rc)
        return rc;
    sl_json j;
    sl_json_begin_document(&j, write, ctx, 0);
    if (input)
        sl_json_kv_string(&j, "input", input);
    for (int k = 0; k < 4; k++) {
        static const char *const keys[] = {"entities", "quotes", "numbers", "dates"};
        sl_json_key(&j, keys[k]);
        sl_facts_json_items(&j, items->items, items->n, k);
    }
    sl_json_object_end(&j);
    sl_fact_items_free(items);
    return sl_json_finish(&j);
}

static void json_ids(sl_json *j, const char *key, const int64_t *ids, size_t n)
{
    int pretty = j->pretty;
    sl_json_key(j, key);
    j->pretty = 0;
    sl_json_array_begin(j);
    for (size_t k = 0; k < n; k++)
        sl_json_int(j, ids[k]);
    sl_json_array_end(j);
    j->pretty = pretty;
}

static void json_value(sl_json *j, const sl_fact_value *v)
{
    sl_json_object_begin(j);
    number_kv(j, "value", v->value);
    if (v->value_hi != v->value)
        number_kv(j, "value_hi", v->value_hi);
    approx_string(j, v->approx);
    sl_json_kv_string(j, "text", v->text);
    json_ids(j, "articles", v->articles, v->n_articles);
    sl_json_key(j, "sentences");
    sl_json_array_begin(j);
    for (size_t k = 0; k < v->n_articles; k++)
        span_pair(j, NULL, v->sentences[k]);
    sl_json_array_end(j);
    json_ids(j, "sources", v->sources, v->n_sources);
    sl_json_object_end(j);
}

/* One fact: the most stated value, who agrees, and the disagreeing values. */
void sl_facts_json_fact(sl_json *j, int64_t story, const sl_fact *f)
{
    sl_json_object_begin(j);
    sl_json_kv_int(j, "story", story);
    sl_json_kv_string(j, "about", f->about);
    sl_json_kv_string(j, "unit", f->unit);
    const sl_fact_value *top = &f->values[0];
    number_kv(j, "value", top->value);
    if (top->value_hi != top->value)
        number_kv(j, "value_hi", top->value_hi);
    approx_string(j, top->approx);
    sl_json_kv_string(j, "text", top->text);
    json_ids(j, "agree", top->articles, top->n_articles);
    json_ids(j, "sources", top->sources, top->n_sources);
    sl_json_key(j, "disagree");
    sl_json_array_begin(j);
    for (size_t k = 1; k < f->n_values; k++)
        json_value(j, &f->values[k]);
    sl_json_array_end(j);
    sl_json_key(j, "values");
    sl_json_array_begin(j);
    for (size_t k = 0; k < f->n_values; k++)
        json_value(j, &f->values[k]);
    sl_json_array_end(j);
    sl_json_key(j, "conflict");
    sl_json_bool(j, f->conflict);
    sl_json_key(j, "agreement");
    sl_json_bool(j, f->agreement);
    sl_json_kv_double(j, "confidence", f->confidence);
    sl_json_object_end(j);
}
