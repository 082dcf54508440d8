/* pool.c — the server's read-only engines: one per request at a time, each
 * request on a fresh snapshot (sl_engine_refresh), so that a request's reads
 * agree with one another while an ingest commits, and the next request sees
 * the commit. Engines are opened when first needed and kept. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "server/server.h"

struct server_pool {
    pthread_mutex_t lock;
    const char *db;
    int size, n_free;
    sl_engine **free_engines;   /* idle engines, up to size */
};

server_pool *server_pool_new(const char *db, int size, sl_engine *first)
{
    server_pool *p = calloc(1, sizeof *p);
    if (!p || !(p->free_engines = calloc((size_t)size, sizeof *p->free_engines))) {
        free(p);
        sl_engine_free(first);
        return NULL;
    }
    pthread_mutex_init(&p->lock, NULL);
    p->db = db;
    p->size = size;
    if (first)
        p->free_engines[p->n_free++] = first;
    return p;
}

void server_pool_free(server_pool *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->n_free; i++)
        sl_engine_free(p->free_engines[i]);
    pthread_mutex_destroy(&p->lock);
    free(p->free_engines);
    free(p);
}

sl_engine *server_pool_take(server_pool *p, char *why, size_t why_len)
{
    sl_engine *e = NULL;
    pthread_mutex_lock(&p->lock);
    if (p->n_free)
        e = p->free_engines[--p->n_free];
    pthread_mutex_unlock(&p->lock);
    int rc;
    if (e) {
        rc = sl_engine_refresh(e);
    } else {
        sl_options o = {.read_only = 1};
        rc = sl_engine_open(&e, p->db, &o);
    }
    if (rc) {
        snprintf(why, why_len, "%s", e ? sl_errmsg(e) : sl_strerror(rc));
        sl_engine_free(e);
        return NULL;
    }
    return e;
}

void server_pool_give(server_pool *p, sl_engine *e)
{
    pthread_mutex_lock(&p->lock);
    if (p->n_free < p->size) {
        p->free_engines[p->n_free++] = e;
        e = NULL;
    }
    pthread_mutex_unlock(&p->lock);
    sl_engine_free(e);   /* more engines than workers: this one is not kept */
}
