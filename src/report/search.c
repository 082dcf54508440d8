/* search.c — search hits as JSON (docs/json.md, "Search"): the query and
 * each hit's article, story, rank, title and snippet. */
#include "report/report.h"

void sl_report_search(sl_json *j, const char *query, const sl_search_hits *hits)
{
    sl_json_kv_string(j, "query", query);
    sl_json_key(j, "hits");
    sl_json_array_begin(j);
    for (size_t i = 0; i < hits->n; i++) {
        sl_json_object_begin(j);
        sl_json_kv_int(j, "article", hits->items[i].article_id);
        sl_json_kv_id(j, "story", hits->items[i].story_id);
        sl_json_kv_double(j, "rank", hits->items[i].rank);
        sl_json_kv_string(j, "title", hits->items[i].title);
        sl_json_kv_string(j, "snippet", hits->items[i].snippet);
        sl_json_object_end(j);
    }
    sl_json_array_end(j);
}
