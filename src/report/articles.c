/* articles.c — an article as JSON (docs/json.md, "Articles"): its fields,
 * its sentence spans and the lines taken out as page chrome. */
#include "report/report.h"

/* The lines taken out of an article (also listed per article of a story). */
void sl_report_removed(sl_json *j, const sl_removed_line *removed, size_t n)
{
    sl_json_array_begin(j);
    for (size_t i = 0; i < n; i++) {
        sl_json_object_begin(j);
        sl_json_kv_int(j, "line", removed[i].line);
        sl_json_kv_string(j, "text", removed[i].text);
        sl_json_kv_string(j, "reason", removed[i].reason);
        sl_json_object_end(j);
    }
    sl_json_array_end(j);
}

void sl_report_article(sl_json *j, const sl_article *a)
{
    sl_json_object_begin(j);
    sl_json_kv_int(j, "id", a->id);
    sl_json_kv_string(j, "key", a->key);
    sl_json_kv_string(j, "path", a->path);
    sl_json_kv_string(j, "url", a->url);
    sl_json_kv_string(j, "source", a->source);
    sl_json_kv_string(j, "published", a->published);
    sl_json_kv_string(j, "title", a->title);
    sl_json_kv_string(j, "lang", a->lang);
    sl_json_kv_int(j, "version", a->version);
    sl_json_kv_id(j, "story", a->story_id);
    sl_json_kv_int(j, "bad_bytes", a->bad_bytes);
    sl_json_kv_string(j, "text", a->text);
    sl_json_key(j, "sentences");
    sl_json_array_begin(j);
    for (size_t i = 0; i < a->n_sentences; i++) {
        int pretty = j->pretty;
        j->pretty = 0; /* one [start, end] pair per line reads better */
        sl_json_array_begin(j);
        sl_json_int(j, a->sentences[i].start);
        sl_json_int(j, a->sentences[i].end);
        sl_json_array_end(j);
        j->pretty = pretty;
    }
    sl_json_array_end(j);
    sl_json_key(j, "removed");
    sl_report_removed(j, a->removed, a->n_removed);
    sl_json_object_end(j);
}
