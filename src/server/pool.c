/* pool.c — the server's workers, each a read-only engine and the cache of
 * its answers: one per request at a time, each request on a fresh snapshot
 * (sl_engine_refresh), so that a request's reads agree with one another
 * while an ingest commits, and the next request sees the commit. Workers
 * are made when first needed; at most `size` idle ones are kept. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "server/server.h"
#include "util/alloc.h"

struct server_pool {
    pthread_mutex_t lock;
    const char *db;
    int size, n_idle;
    server_worker **idle;
};

static void worker_free(server_worker *w)
{
    if (!w)
        return;
    sl_engine_free(w->engine);
    server_cache_free(w->cache);
    free(w);
}

/* A worker on engine `e` (taken over; opened on `db` when NULL). */
static server_worker *worker_new(const char *db, sl_engine *e, char *why, size_t why_len)
{
    server_worker *w = sl_calloc(1, sizeof *w);
    server_cache *cache = server_cache_new();
    int rc = w && cache ? 0 : SL_ENOMEM;
    if (!rc && !e) {
        sl_options o = {.read_only = 1};
        rc = sl_engine_open(&e, db, &o);
    }
    if (rc) {
        snprintf(why, why_len, "%s", e ? sl_errmsg(e) : sl_strerror(rc));
        sl_engine_free(e);
        server_cache_free(cache);
        free(w);
        return NULL;
    }
    w->engine = e;
    w->cache = cache;
    return w;
}

server_pool *server_pool_new(const char *db, int size, sl_engine *first)
{
    char why[256];
    server_pool *p = sl_calloc(1, sizeof *p);
    if (p)
        p->idle = sl_calloc((size_t)size, sizeof *p->idle);
    server_worker *w = p && p->idle && first ? worker_new(db, first, why, sizeof why) : NULL;
    if (!p || !p->idle || (first && !w)) {
        if (p)
            free(p->idle);
        free(p);
        if (!w)
            sl_engine_free(first);
        return NULL;
    }
    pthread_mutex_init(&p->lock, NULL);
    p->db = db;
    p->size = size;
    if (w)
        p->idle[p->n_idle++] = w;
    return p;
}

void server_pool_free(server_pool *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->n_idle; i++)
        worker_free(p->idle[i]);
    pthread_mutex_destroy(&p->lock);
    free(p->idle);
    free(p);
}

server_worker *server_pool_take(server_pool *p, char *why, size_t why_len)
{
    server_worker *w = NULL;
    pthread_mutex_lock(&p->lock);
    if (p->n_idle)
        w = p->idle[--p->n_idle];
    pthread_mutex_unlock(&p->lock);
    if (!w && !(w = worker_new(p->db, NULL, why, why_len)))
        return NULL;
    int changed = 1;
    if (sl_engine_refresh(w->engine, &changed)) {
        snprintf(why, why_len, "%s", sl_errmsg(w->engine));
        worker_free(w);
        return NULL;
    }
    if (changed)
        server_cache_clear(w->cache);
    return w;
}

void server_pool_give(server_pool *p, server_worker *w)
{
    pthread_mutex_lock(&p->lock);
    if (p->n_idle < p->size) {
        p->idle[p->n_idle++] = w;
        w = NULL;
    }
    pthread_mutex_unlock(&p->lock);
    worker_free(w);   /* more workers than threads: this one is not kept */
}
