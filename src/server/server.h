/* server.h — storyline serve: a read-only HTTP API and web page over a store
 * (docs/server.md). What the files of src/server/ share; the server uses the
 * public API only, with one read-only engine per worker thread. */
#ifndef SL_SERVER_H
#define SL_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include "storyline.h"

typedef struct server_options {
    const char *db;         /* the store */
    const char *bind;       /* address to listen on (default 127.0.0.1) */
    int port;               /* 0: any free port (printed) */
    int threads;            /* worker threads, one engine each */
    double rate;            /* requests per second per client address; 0: no limit */
    int burst;              /* requests a client may make at once before the rate applies */
    int max_connections;    /* open connections at most (more are refused) */
    int timeout_s;          /* a connection idle this long is closed (slow clients) */
} server_options;

/* Serves until SIGINT or SIGTERM. `first` (may be NULL) is an engine already
 * open read-only on o->db, taken over (freed by the server). libmicrohttpd
 * is loaded here (mhd_load.h), not linked. Returns 0, or -1 when the server
 * could not start (message on stderr: the library missing, the port taken). */
int server_run(const server_options *o, sl_engine *first);
/* Whether `bind` is an address server_run can listen on (IPv4, or IPv6 with a colon). */
int server_bind_valid(const char *bind);

/* ---- assets.c: the web page, compiled in (build/gen/web_assets.c) ---- */
typedef struct server_asset {
    const char *path;           /* "/" for index.html, "/app.js", ... */
    const char *type;           /* Content-Type */
    const unsigned char *data;
    size_t len;
} server_asset;
extern const server_asset server_assets[];
extern const size_t server_n_assets;
/* The asset served at `path`, NULL when none (nothing else is ever served). */
const server_asset *server_asset_find(const char *path);

/* ---- body.c: a response body being built ---- */
typedef struct server_body {
    char *data;
    size_t len, cap;
    int err;                    /* sticky: out of memory or over SERVER_BODY_MAX */
} server_body;
#define SERVER_BODY_MAX (64u << 20)   /* a response is at most 64 MB */
/* An sl_write_fn appending to a server_body (ctx). */
int server_body_write(void *ctx, const char *data, size_t len);
int server_body_puts(server_body *b, const char *s);
void server_body_free(server_body *b);

/* ---- cache.c: answers kept while the store does not change ---- */
typedef struct server_cache server_cache;
#define SERVER_CACHE_BODY_MAX (1u << 20)   /* larger answers are not kept */
server_cache *server_cache_new(void);
void server_cache_free(server_cache *c);
void server_cache_clear(server_cache *c);
/* The answer kept for `uri` (borrowed, valid until the next put or clear), NULL when none. */
const server_body *server_cache_get(server_cache *c, const char *uri, unsigned *status);
/* Keeps a copy of an answer (not when over SERVER_CACHE_BODY_MAX or out of memory). */
void server_cache_put(server_cache *c, const char *uri, unsigned status, const server_body *body);

/* ---- pool.c: one read-only engine per request, each on a fresh snapshot ---- */
typedef struct server_pool server_pool;
/* An engine and the answers it made from the store as it still is. */
typedef struct server_worker {
    sl_engine *engine;
    server_cache *cache;
} server_worker;
server_pool *server_pool_new(const char *db, int size, sl_engine *first);
void server_pool_free(server_pool *p);
/* A worker whose engine is on a new snapshot (opened when none is free),
 * its cache emptied when the store changed; NULL with a reason in `why`
 * when the store cannot be read. */
server_worker *server_pool_take(server_pool *p, char *why, size_t why_len);
void server_pool_give(server_pool *p, server_worker *w);

/* ---- limits.c: per-client request rate ---- */
typedef struct server_limiter server_limiter;
/* NULL when `rate` is 0 (no limit) or out of memory (*failed set). */
server_limiter *server_limiter_new(double rate, int burst, int *failed);
void server_limiter_free(server_limiter *l);
/* 1 when the client at `addr` (raw address bytes) may make a request now. */
int server_limiter_allow(server_limiter *l, const void *addr, size_t len);
/* 1 when every % of `uri` starts a valid escape (%XX with hex digits). */
int server_uri_escapes_ok(const char *uri);
/* 1 when the path of `uri` (before any ?) holds an escaped NUL ("%00"): the
 * decoded path would end there, and "/api/stories/3%00" read as story 3. */
int server_uri_path_nul(const char *uri);

/* ---- api.c: the JSON endpoints under /api/ ---- */
/* A request's answer: status and JSON body (an error document when status
 * is not 200). */
typedef struct server_reply {
    unsigned status;
    server_body body;
} server_reply;
/* Query arguments of the request, looked up by name (NULL when absent). */
typedef const char *(*server_arg_fn)(void *ctx, const char *name);
/* Answers GET `path` (under /api/) into `reply`, reading through `e`. */
void server_api(sl_engine *e, const char *path, server_arg_fn arg, void *arg_ctx,
                server_reply *reply);
/* An error document {"error": {"status", "message"}} with that status. */
void server_error(server_reply *reply, unsigned status, const char *message);

#endif
