/* serve_request.c — fuzz target: storyline serve's request path after the
 * HTTP layer (src/server/: the URI escape check, the API's routing, its
 * argument parsing and every query it makes) on a small store made at the
 * first call. The input is a URI, "PATH?name=value&...", percent-decoded
 * here as libmicrohttpd decodes it; every answer must be a status the API
 * documents with a body. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "server/server.h"

#define MAX_ARGS 16

typedef struct args { size_t n; char *name[MAX_ARGS], *value[MAX_ARGS]; } args;

static const char *arg(void *ctx, const char *name)
{
    const args *a = ctx;
    for (size_t i = 0; i < a->n; i++)
        if (!strcmp(a->name[i], name))
            return a->value[i];
    return NULL;
}

static int hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : -1;
}

/* Decodes %XX and '+' in place (a NUL from %00 ends the string, as in MHD). */
static void unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r == '%' && hex(r[1]) >= 0 && hex(r[2]) >= 0) {
            *w++ = (char)(hex(r[1]) * 16 + hex(r[2]));
            r += 2;
        } else {
            *w++ = *r == '+' ? ' ' : *r;
        }
    }
    *w = '\0';
}

static char store_path[64];

static void remove_store(void)
{
    char side[80];
    unlink(store_path);
    snprintf(side, sizeof side, "%s-wal", store_path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", store_path);
    unlink(side);
}

/* A store of two stories (one with a copy), and a read-only engine on it. */
static sl_engine *open_store(void)
{
    static const char jsonl[] =
        "{\"id\": \"1\", \"source\": \"One\", \"published\": \"2026-02-13\", \"title\": \"Mill fire\","
        " \"text\": \"A fire at the Dessby mill injured 12 workers on Friday, the fire service said.\"}\n"
        "{\"id\": \"2\", \"source\": \"Two\", \"published\": \"2026-02-13\", \"title\": \"Mill fire\","
        " \"text\": \"A fire at the Dessby mill injured 12 workers on Friday, the fire service said.\"}\n"
        "{\"id\": \"3\", \"source\": \"Three\", \"published\": \"2026-02-20\", \"title\": \"Ferry strike\","
        " \"text\": \"Ferry crews walked out on Monday, halting crossings to the island.\"}\n";
    snprintf(store_path, sizeof store_path, "/tmp/sl-fuzz-serve-%d.db", (int)getpid());
    remove_store();
    atexit(remove_store);
    sl_engine *w = NULL, *r = NULL;
    sl_options ro = {.read_only = 1};
    int rc = sl_engine_open(&w, store_path, NULL);
    if (!rc)
        rc = sl_ingest_buffer(w, jsonl, sizeof jsonl - 1, "seed.jsonl", NULL, NULL);
    sl_engine_free(w);
    if (rc || sl_engine_open(&r, store_path, &ro)) {
        sl_engine_free(r);
        return NULL;
    }
    return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sl_engine *e;
    if (!e && !(e = open_store()))
        abort();
    if (size > 4096)   /* the server refuses longer URIs before this path */
        return 0;
    char *uri = malloc(size + 1);
    if (!uri)
        return 0;
    memcpy(uri, data, size);
    uri[size] = '\0';
    if (!server_uri_escapes_ok(uri) || strncmp(uri, "/api/", 5)) {
        free(uri);
        return 0;
    }
    args a = {0};
    char *query = strchr(uri, '?');
    if (query)
        *query++ = '\0';
    for (char *pair = query ? strtok(query, "&") : NULL; pair && a.n < MAX_ARGS;
         pair = strtok(NULL, "&")) {
        char *eq = strchr(pair, '=');
        if (eq)
            *eq++ = '\0';
        unescape(pair);
        a.name[a.n] = pair;
        a.value[a.n] = eq ? eq : pair + strlen(pair);
        unescape(a.value[a.n++]);
    }
    unescape(uri);
    server_reply reply = {0};
    sl_engine_refresh(e, NULL);
    server_api(e, uri, arg, &a, &reply);
    unsigned s = reply.status;
    if ((s != 200 && s != 400 && s != 404 && s != 413 && s != 500 && s != 503) || !reply.body.len)
        abort();
    server_body_free(&reply.body);
    free(uri);
    return 0;
}
