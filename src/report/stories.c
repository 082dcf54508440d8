/* stories.c — stories and threads as JSON (docs/json.md, "Stories",
 * "Threads"): a story's line, a story with its articles, a listing entry. */
#include "report/report.h"

void sl_report_story_line(sl_json *j, const sl_story_line *line)
{
    sl_json_kv_int(j, "id", line->id);
    sl_json_kv_string(j, "title", line->title);
    sl_json_kv_id(j, "thread", line->thread_id);
    sl_json_kv_int(j, "size", line->n_articles);
    sl_json_kv_int(j, "sources", line->n_sources);
    sl_json_kv_string(j, "first_published", line->first_published);
    sl_json_kv_string(j, "last_published", line->last_published);
}

void sl_report_story(sl_json *j, const sl_story *story)
{
    sl_json_object_begin(j);
    sl_report_story_line(j, &story->line);
    sl_json_key(j, "articles");
    sl_json_array_begin(j);
    for (size_t i = 0; i < story->n_articles; i++) {
        const sl_story_article *a = &story->articles[i];
        sl_json_object_begin(j);
        sl_json_kv_int(j, "id", a->id);
        sl_json_kv_string(j, "title", a->title);
        sl_json_kv_string(j, "source", a->source);
        sl_json_kv_string(j, "published", a->published);
        sl_json_kv_string(j, "url", a->url);
        sl_json_kv_string(j, "path", a->path);
        sl_json_kv_id(j, "copy_of", a->copy_of);
        sl_json_kv_string(j, "copy_kind", a->copy_kind ? sl_copy_kind_name(a->copy_kind) : NULL);
        sl_json_key(j, "removed");
        sl_report_removed(j, a->removed, a->n_removed);
        sl_json_object_end(j);
    }
    sl_json_array_end(j);
    sl_json_object_end(j);
}

void sl_report_story_entry(sl_json *j, const sl_story_line *line, const int64_t *articles,
                           size_t n_articles, const sl_summary *summary,
                           const sl_timeline *timeline, const int64_t *ids)
{
    sl_json_object_begin(j);
    sl_report_story_line(j, line);
    sl_json_key(j, "articles");
    sl_json_array_begin(j);
    for (size_t i = 0; i < n_articles; i++)
        sl_json_int(j, articles[i]);
    sl_json_array_end(j);
    if (summary) {
        sl_json_key(j, "summary");
        sl_report_summary(j, summary, ids);
    }
    if (timeline) {
        sl_json_key(j, "timeline");
        sl_report_timeline(j, timeline, ids);
    }
    sl_json_object_end(j);
}

void sl_report_threads(sl_json *j, const sl_thread_list *list)
{
    sl_json_key(j, "threads");
    sl_json_array_begin(j);
    for (size_t i = 0; i < list->n; i++) {
        sl_json_object_begin(j);
        sl_json_kv_int(j, "id", list->items[i].id);
        sl_json_kv_int(j, "size", list->items[i].n_articles);
        sl_json_key(j, "stories");
        sl_json_array_begin(j);
        const sl_story_list *stories = list->items[i].stories;
        for (size_t k = 0; k < stories->n; k++) {
            sl_json_object_begin(j);
            sl_report_story_line(j, &stories->items[k]);
            sl_json_object_end(j);
        }
        sl_json_array_end(j);
        sl_json_object_end(j);
    }
    sl_json_array_end(j);
}
