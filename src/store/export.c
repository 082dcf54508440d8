/* export.c — the store's rows as JSON (format in docs/json.md): articles,
 * stories and copies, streamed row by row so memory stays flat. */
#include <stdbool.h>
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

/* An article's text into `out` (empty when it is gone). */
static int article_text(sl_store *st, int64_t id, sl_buf *out)
{
    sl_buf_clear(out);
    sqlite3_stmt *s = sl_store_stmt(st, Q_ARTICLE_TEXT);
    if (!s || sqlite3_bind_int64(s, 1, id))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        sl_buf_put(out, (const char *)sqlite3_column_text(s, 0), (size_t)sqlite3_column_bytes(s, 0));
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? out->err : SL_ESTORE;
}

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

static int write_copy(sl_store *st, sl_json *j, const sl_copy *c, sl_buf *copy_text,
                      sl_buf *of_text)
{
    sl_json_object_begin(j);
    sl_json_kv_int(j, "article", c->article_id);
    sl_json_kv_int(j, "of", c->of_id);
    sl_json_kv_string(j, "kind", c->kind);
    sl_json_kv_double(j, "score", c->score);
    sl_json_key(j, "same_origin");
    sl_json_bool(j, c->same_origin);
    sl_json_kv_string(j, "credit", c->credit);
    sl_json_key(j, "evidence");
    sl_json_array_begin(j);
    int rc = 0;
    if (c->n_evidence)
        rc = article_text(st, c->article_id, copy_text) ? SL_ESTORE
                                                        : article_text(st, c->of_id, of_text);
    for (size_t k = 0; !rc && k < c->n_evidence; k++) {
        const sl_evidence *ev = &c->evidence[k];
        sl_json_object_begin(j);
        write_sentence(j, "article_sentence", "article_text", ev->article_sentence, copy_text);
        write_sentence(j, "of_sentence", "of_text", ev->of_sentence, of_text);
        sl_json_kv_double(j, "similarity", ev->similarity);
        sl_json_object_end(j);
    }
    sl_json_array_end(j);
    sl_json_object_end(j);
    return rc;
}

int sl_store_json_copies(sl_store *st, sl_json *j, int64_t article_id)
{
    sl_copy_list *list = NULL;
    int rc = sl_store_copies_list(st, article_id, &list);
    if (rc)
        return rc;
    sl_buf copy_text = SL_BUF_INIT, of_text = SL_BUF_INIT;
    sl_json_array_begin(j);
    for (size_t i = 0; !rc && i < list->n; i++)
        rc = write_copy(st, j, &list->items[i], &copy_text, &of_text);
    sl_json_array_end(j);
    sl_buf_free(&copy_text);
    sl_buf_free(&of_text);
    sl_copy_list_free(list);
    return rc ? rc : j->err;
}
