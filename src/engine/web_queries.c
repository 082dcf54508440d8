/* web_queries.c — what the web API (storyline serve, src/server/) needs
 * beyond the listing commands' queries: a fresh snapshot per request, and
 * the story listing one page at a time, narrowed by a search. */
#include <stdio.h>
#include <stdlib.h>

#include "engine.h"
#include "report/report.h"

#define PAGE_DEFAULT 20
#define PAGE_MAX 100

/* PRAGMA data_version moves when another connection commits: read inside the
 * new snapshot, it tells whether that snapshot differs from the last. A
 * read-only engine starts at 0, which no connection reports. */
int sl_engine_refresh(sl_engine *e, int *changed)
{
    if (!e->read_only)
        return sl_seterr(e, SL_EUSAGE, "only a read-only engine takes a new snapshot");
    /* Opened without locks, the store is read as a file that never changes:
     * a later commit would go unseen, and its checkpoint would rewrite the
     * file under the reads (docs/store.md). */
    const char *unlocked = sl_store_unlocked_path(e->store);
    if (unlocked)
        return sl_seterr(e, SL_ESTORE,
                         "%s: cannot follow the store's commits: its folder must be writable by "
                         "this user for SQLite's WAL index %s-shm", unlocked, unlocked);
    int64_t version = 0;
    if (sl_store_rollback(e->store) || sl_store_begin_read(e->store) ||
        sl_store_data_version(e->store, &version))
        return sl_seterr_store(e, "taking a new snapshot");
    if (changed)
        *changed = version != e->data_version;
    e->data_version = version;
    return 0;
}

/* The stories of the best articles matching `search`, as a JSON array of ids. */
static int search_story_ids(sl_engine *e, const char *search, sl_buf *ids)
{
    sl_search_hits *hits = NULL;
    int rc = sl_store_search(e->store, search, SL_STORY_SEARCH_MAX, &hits);
    if (rc == SL_EUSAGE)
        return sl_seterr_search(e, search);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory searching")
                               : sl_seterr_store(e, "search");
    sl_buf_putc(ids, '[');
    for (size_t i = 0; i < hits->n; i++)
        sl_buf_printf(ids, "%s%lld", i ? "," : "", (long long)hits->items[i].story_id);
    sl_buf_putc(ids, ']');
    sl_search_hits_free(hits);
    return ids->err ? sl_seterr(e, SL_ENOMEM, "out of memory searching") : 0;
}

static void write_page(sl_json *j, const sl_story_list *list, int64_t total, int offset,
                       int limit)
{
    sl_json_kv_int(j, "total", total);
    sl_json_kv_int(j, "offset", offset);
    sl_json_kv_int(j, "limit", limit);
    sl_json_key(j, "stories");
    sl_json_array_begin(j);
    for (size_t i = 0; i < list->n; i++) {
        sl_json_object_begin(j);
        sl_report_story_line(j, &list->items[i]);
        sl_json_object_end(j);
    }
    sl_json_array_end(j);
}

int sl_stories_page_json(sl_engine *e, const sl_story_query *q, sl_write_fn write, void *ctx)
{
    static const sl_story_query first_page = {0};
    if (!q)
        q = &first_page;
    int limit = q->limit > 0 ? (q->limit < PAGE_MAX ? q->limit : PAGE_MAX) : PAGE_DEFAULT;
    if (q->offset < 0 || q->limit < 0 || q->thread_id < 0)
        return sl_seterr(e, SL_EUSAGE, "a page wants a positive offset, limit and thread");
    sl_buf ids = SL_BUF_INIT;
    sl_story_list *list = NULL;
    int64_t total = 0;
    int rc = q->search && *q->search ? search_story_ids(e, q->search, &ids) : 0;
    if (!rc) {
        rc = sl_store_stories_page(e->store, q->since, q->thread_id,
                                   ids.len ? sl_buf_cstr(&ids) : NULL, q->offset, limit, &list,
                                   &total);
        if (rc == SL_EUSAGE)
            rc = sl_seterr(e, rc, "since wants an ISO date (YYYY-MM-DD), not \"%s\"", q->since);
        else if (rc == SL_ENOMEM)
            rc = sl_seterr(e, rc, "out of memory reading stories");
        else if (rc)
            rc = sl_seterr_store(e, "stories");
    }
    if (!rc) {
        sl_json j;
        sl_json_begin_document(&j, write, ctx, 0);
        write_page(&j, list, total, q->offset, limit);
        sl_json_object_end(&j);
        if (sl_json_finish(&j))
            rc = sl_seterr(e, SL_EIO, "cannot write output");
    }
    sl_story_list_free(list);
    sl_buf_free(&ids);
    return rc;
}
