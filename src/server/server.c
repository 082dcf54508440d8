/* server.c — the HTTP daemon (libmicrohttpd, a pool of worker threads):
 * listening, the limits every request meets before any work (method, size,
 * malformed escapes, rate), and dispatch to the API or the page's assets.
 * Runs until SIGINT or SIGTERM. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/respond.h"
#include "util/alloc.h"

#define URI_MAX 4096            /* a longer request line gets 413 */
#define HEADER_MEMORY (32 * 1024) /* request line and headers of one connection (MHD answers 431) */

typedef struct server {
    const server_mhd *mhd;  /* libmicrohttpd's calls (mhd_load.h) */
    server_pool *pool;
    server_limiter *limiter;
} server;

/* One request's state, made when its URI arrives. */
enum { REQUEST_NEW, REQUEST_CHECKED, REQUEST_ANSWERED };

typedef struct request {
    int state;
    char *uri;              /* as sent: path and query, the cache's key */
    size_t uri_len;
    int escapes_ok;
    int path_nul;           /* the decoded path is cut short by a NUL */
} request;

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    request *r = sl_calloc(1, sizeof *r);
    if (r) {
        r->uri_len = strlen(uri);
        r->escapes_ok = server_uri_escapes_ok(uri);
        r->path_nul = server_uri_path_nul(uri);
        /* A URI over the limit is refused, never looked up: not kept. */
        r->uri = r->uri_len <= URI_MAX ? sl_strdup(uri) : NULL;
    }
    return r;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    request *r = *con_cls;
    if (r)
        free(r->uri);
    free(r);
    *con_cls = NULL;
}

/* What query_arg reads a request's arguments from. */
typedef struct request_args {
    const server_mhd *mhd;
    struct MHD_Connection *c;
} request_args;

static const char *query_arg(void *ctx, const char *name)
{
    const request_args *a = ctx;
    return a->mhd->lookup_connection_value(a->c, MHD_GET_ARGUMENT_KIND, name);
}

/* 1 when the request announces a body (this API takes none). */
static int has_body(const server_mhd *mhd, struct MHD_Connection *c)
{
    const char *len = mhd->lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    return (len && strcmp(len, "0")) ||
           mhd->lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
}

static int client_allowed(server *s, struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *info =
        s->mhd->get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *sa = info ? info->client_addr : NULL;
    if (!sa)
        return 1;
    if (sa->sa_family == AF_INET6)
        return server_limiter_allow(s->limiter, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
    return server_limiter_allow(s->limiter, &((const struct sockaddr_in *)sa)->sin_addr, 4);
}

/* An API answer: from the worker's cache while the store has not changed,
 * else made and kept. */
static enum MHD_Result api(server *s, struct MHD_Connection *c, const char *url, const char *uri)
{
    char why[512];
    server_worker *w = server_pool_take(s->pool, why, sizeof why);
    if (!w)
        return server_respond_error(s->mhd, c, MHD_HTTP_SERVICE_UNAVAILABLE, why);
    unsigned status = 0;
    const server_body *kept = server_cache_get(w->cache, uri, &status);
    server_reply reply = {0};
    if (!kept) {
        request_args args = {s->mhd, c};
        server_api(w->engine, url, query_arg, &args, &reply);
        if (reply.status == MHD_HTTP_OK || reply.status == MHD_HTTP_NOT_FOUND)
            server_cache_put(w->cache, uri, reply.status, &reply.body);
        status = reply.status;
        kept = &reply.body;
    }
    /* The answer is copied into the response before the worker goes back. */
    enum MHD_Result ok = server_respond(s->mhd, c, status, "application/json",
                                        kept->data ? kept->data : "", kept->len);
    server_pool_give(s->pool, w);
    server_body_free(&reply.body);
    return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    server *s = cls;
    request *r = *con_cls;
    if (!r)
        return server_respond_error(s->mhd, c, MHD_HTTP_SERVICE_UNAVAILABLE, "out of memory");
    if (r->state == REQUEST_ANSWERED || *upload_data_size) {
        *upload_data_size = 0;   /* a body we refused keeps arriving: drop it */
        return MHD_YES;
    }
    if (r->state == REQUEST_NEW) {
        /* The headers are in: refuse what is wrong before any work. An answer
         * now closes the connection; a good request is answered on the next
         * call, when MHD knows the request is complete and keeps the
         * connection alive. */
        r->state = REQUEST_ANSWERED;
        if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD))
            return server_respond_error(s->mhd, c, MHD_HTTP_METHOD_NOT_ALLOWED,
                                        "read-only: only GET and HEAD are allowed");
        if (r->uri_len > URI_MAX || has_body(s->mhd, c))
            return server_respond_error(s->mhd, c, MHD_HTTP_CONTENT_TOO_LARGE,
                                        "the request is too large (a URI of at most 4096 bytes, no body)");
        if (!r->escapes_ok)
            return server_respond_error(s->mhd, c, MHD_HTTP_BAD_REQUEST, "malformed percent-encoding");
        r->state = REQUEST_CHECKED;
        return MHD_YES;
    }
    r->state = REQUEST_ANSWERED;
    if (!client_allowed(s, c))
        return server_respond_error(s->mhd, c, MHD_HTTP_TOO_MANY_REQUESTS, "too many requests: slow down");
    /* MHD hands the path decoded, as a C string: a NUL in it would hide
     * what follows ("/api/stories/3%00x" as story 3); no such path exists. */
    if (r->path_nul)
        return server_respond_error(s->mhd, c, MHD_HTTP_NOT_FOUND, "not found: no story or page has a NUL in its path");
    if (!strncmp(url, "/api/", 5) || !strcmp(url, "/api"))
        return r->uri ? api(s, c, url, r->uri)
                      : server_respond_error(s->mhd, c, MHD_HTTP_SERVICE_UNAVAILABLE, "out of memory");
    const server_asset *a = server_asset_find(url);
    if (!a)
        return server_respond_error(s->mhd, c, MHD_HTTP_NOT_FOUND, "not found");
    return server_respond(s->mhd, c, MHD_HTTP_OK, a->type, a->data, a->len);
}

/* The listening address; IPv6 when it has a colon. 0, or -1 when it is not one. */
static int parse_bind(const char *bind, int port, struct sockaddr_storage *ss, unsigned *flags)
{
    memset(ss, 0, sizeof *ss);
    if (strchr(bind, ':')) {
        struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)port);
        *flags |= MHD_USE_IPv6;
        return inet_pton(AF_INET6, bind, &a6->sin6_addr) == 1 ? 0 : -1;
    }
    struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
    a4->sin_family = AF_INET;
    a4->sin_port = htons((uint16_t)port);
    return inet_pton(AF_INET, bind, &a4->sin_addr) == 1 ? 0 : -1;
}

int server_bind_valid(const char *bind)
{
    struct sockaddr_storage ss;
    unsigned flags = 0;
    return parse_bind(bind, 0, &ss, &flags) == 0;
}

static struct MHD_Daemon *start(server *s, const server_options *o, sigset_t *stop)
{
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD;
    struct sockaddr_storage ss;
    if (parse_bind(o->bind, o->port, &ss, &flags)) {
        fprintf(stderr, "storyline: serve: --bind wants an IP address, not \"%s\"\n", o->bind);
        return NULL;
    }
    /* The workers inherit a mask without SIGINT/SIGTERM: the main thread takes them. */
    sigemptyset(stop);
    sigaddset(stop, SIGINT);
    sigaddset(stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    struct MHD_Daemon *d = s->mhd->start_daemon(
        flags, (uint16_t)o->port, NULL, NULL, on_request, s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)o->threads,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)o->max_connections,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)o->timeout_s,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEADER_MEMORY,
        MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
        MHD_OPTION_END);
    if (!d)
        fprintf(stderr, "storyline: serve: cannot listen on %s port %d (in use, or not allowed)\n",
                o->bind, o->port);
    return d;
}

int server_run(const server_options *o, sl_engine *first)
{
    const char *why;
    const server_mhd *mhd = server_mhd_load(&why);
    if (!mhd) {
        fprintf(stderr, "storyline: serve: %s\n", why);
        sl_engine_free(first);
        return -1;
    }
    int failed = 0;
    server s = {mhd, server_pool_new(o->db, o->threads, first),
                server_limiter_new(o->rate, o->burst, &failed)};
    struct MHD_Daemon *d = NULL;
    sigset_t stop;
    if (!s.pool || failed)
        fprintf(stderr, "storyline: serve: out of memory\n");
    else
        d = start(&s, o, &stop);
    if (d) {
        const union MHD_DaemonInfo *info = mhd->get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
        int port = info ? info->port : o->port;
        const char *open = strchr(o->bind, ':') ? "[" : "", *close = *open ? "]" : "";
        printf("storyline: serving %s at http://%s%s%s:%d/\n", o->db, open, o->bind, close, port);
        fflush(stdout);
        int sig;
        sigwait(&stop, &sig);
        mhd->stop_daemon(d);
    }
    server_limiter_free(s.limiter);
    server_pool_free(s.pool);
    return d ? 0 : -1;
}
