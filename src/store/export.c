/* export.c — the store's rows as JSON (format in docs/json.md): articles,
 * stories and copies, streamed row by row so memory stays flat. */
#include <stdlib.h>

#include "store_internal.h"

static void json_removed(sl_json *j, const sl_removed_line *removed, size_t n)
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

int sl_store_json_article(sl_store *st, sl_json *j, int64_t id)
{
    sl_article *a = NULL;
    int rc = sl_store_article_get(st, id, &a);
    if (rc)
        return rc;
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
    json_removed(j, a->removed, a->n_removed);
    sl_json_object_end(j);
    sl_article_free(a);
    return j->buf.err;
}

int sl_store_json_articles(sl_store *st, sl_json *j)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_EXPORT_ARTICLES);
    if (!s)
        return SL_ESTORE;
    sl_json_array_begin(j);
    int rc, err = 0;
    while (!err && !j->err && (rc = sqlite3_step(s)) == SQLITE_ROW)
        err = sl_store_json_article(st, j, sqlite3_column_int64(s, 0));
    sqlite3_reset(s);
    sl_json_array_end(j);
    return err ? err : j->err;
}

static int json_story_article_ids(sl_store *st, sl_json *j, int64_t story_id)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_STORY_ARTICLE_IDS);
    if (!s || sqlite3_bind_int64(s, 1, story_id))
        return SL_ESTORE;
    sl_json_array_begin(j);
    while (sqlite3_step(s) == SQLITE_ROW)
        sl_json_int(j, sqlite3_column_int64(s, 0));
    sqlite3_reset(s);
    sl_json_array_end(j);
    return 0;
}

void sl_store_json_story_line(sl_json *j, const sl_story_line *line)
{
    sl_json_kv_int(j, "id", line->id);
    sl_json_kv_string(j, "title", line->title);
    sl_json_kv_id(j, "thread", line->thread_id);
    sl_json_kv_int(j, "size", line->n_articles);
    sl_json_kv_int(j, "sources", line->n_sources);
    sl_json_kv_string(j, "first_published", line->first_published);
    sl_json_kv_string(j, "last_published", line->last_published);
}

int sl_store_json_stories(sl_store *st, sl_json *j, const char *since, int64_t only_id)
{
    if (only_id) {
        sl_story *story = NULL;
        int rc = sl_store_story_get(st, only_id, &story);
        if (rc)
            return rc;
        sl_json_object_begin(j);
        sl_store_json_story_line(j, &story->line);
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
            sl_json_kv_string(j, "copy_kind", a->copy_kind);
            sl_json_key(j, "removed");
            json_removed(j, a->removed, a->n_removed);
            sl_json_object_end(j);
        }
        sl_json_array_end(j);
        sl_json_object_end(j);
        sl_story_free(story);
        return j->err;
    }
    sl_story_list *list = NULL;
    int rc = sl_store_stories_list(st, since, &list);
    if (rc)
        return rc;
    sl_json_array_begin(j);
    for (size_t i = 0; !rc && i < list->n; i++) {
        sl_json_object_begin(j);
        sl_store_json_story_line(j, &list->items[i]);
        sl_json_key(j, "articles");
        rc = json_story_article_ids(st, j, list->items[i].id);
        sl_json_object_end(j);
    }
    sl_json_array_end(j);
    sl_story_list_free(list);
    return rc ? rc : j->err;
}

int sl_store_json_copies(sl_store *st, sl_json *j, int64_t article_id)
{
    sl_copy_list *list = NULL;
    int rc = sl_store_copies_list(st, article_id, &list);
    if (rc)
        return rc;
    sl_json_array_begin(j);
    for (size_t i = 0; i < list->n; i++) {
        sl_json_object_begin(j);
        sl_json_kv_int(j, "article", list->items[i].article_id);
        sl_json_kv_int(j, "of", list->items[i].of_id);
        sl_json_kv_string(j, "kind", list->items[i].kind);
        sl_json_kv_double(j, "score", list->items[i].score);
        sl_json_key(j, "evidence");
        sl_json_array_begin(j);
        sl_json_array_end(j);
        sl_json_object_end(j);
    }
    sl_json_array_end(j);
    sl_copy_list_free(list);
    return j->err;
}
