/* copies.c — copy relations as JSON (docs/json.md, "Copies"): kind, score,
 * direction, credit, and the aligned sentences quoted from both texts. */
#include <stdbool.h>

#include "report/report.h"

/* A sentence span and its text; spans outside the text are written empty. */
static void write_sentence(sl_json *j, const char *span_key, const char *text_key, sl_span span,
                           const sl_buf *text)
{
    sl_json_key(j, span_key);
    sl_json_array_begin(j);
    sl_json_int(j, span.start);
    sl_json_int(j, span.end);
    sl_json_array_end(j);
    bool inside = span.start <= span.end && span.end <= text->len;
    sl_json_key(j, text_key);
    sl_json_string_n(j, inside ? text->ptr + span.start : "", inside ? span.end - span.start : 0);
}

void sl_report_copy(sl_json *j, const sl_copy *c, const sl_buf *copy_text, const sl_buf *of_text)
{
    sl_json_object_begin(j);
    sl_json_kv_int(j, "article", c->article_id);
    sl_json_kv_int(j, "of", c->of_id);
    sl_json_kv_string(j, "kind", sl_copy_kind_name(c->kind));
    sl_json_kv_double(j, "score", c->score);
    sl_json_key(j, "same_origin");
    sl_json_bool(j, c->same_origin);
    sl_json_kv_string(j, "credit", c->credit);
    sl_json_key(j, "evidence");
    sl_json_array_begin(j);
    for (size_t k = 0; k < c->n_evidence; k++) {
        const sl_evidence *ev = &c->evidence[k];
        sl_json_object_begin(j);
        write_sentence(j, "article_sentence", "article_text", ev->article_sentence, copy_text);
        write_sentence(j, "of_sentence", "of_text", ev->of_sentence, of_text);
        sl_json_kv_double(j, "similarity", ev->similarity);
        sl_json_object_end(j);
    }
    sl_json_array_end(j);
    sl_json_object_end(j);
}
