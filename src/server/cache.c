/* cache.c — answers already made from the store as it is now, one cache per
 * engine: an API answer is kept under its URI and given again until the
 * engine's next snapshot shows the store changed (sl_engine_refresh), when
 * the whole cache is dropped. Direct-mapped by a hash of the URI: a
 * colliding URI replaces the one before; memory stays within SLOTS answers
 * of at most SERVER_CACHE_BODY_MAX bytes each. */
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "server/server.h"
#include "util/alloc.h"

#define SLOTS 256

typedef struct slot {
    char *uri;
    unsigned status;
    server_body body;
} slot;

struct server_cache {
    slot slots[SLOTS];
};

server_cache *server_cache_new(void)
{
    return sl_calloc(1, sizeof(server_cache));
}

void server_cache_clear(server_cache *c)
{
    for (size_t i = 0; c && i < SLOTS; i++) {
        free(c->slots[i].uri);
        server_body_free(&c->slots[i].body);
        c->slots[i].uri = NULL;
    }
}

void server_cache_free(server_cache *c)
{
    server_cache_clear(c);
    free(c);
}

static slot *slot_of(server_cache *c, const char *uri)
{
    return &c->slots[XXH3_64bits(uri, strlen(uri)) % SLOTS];
}

const server_body *server_cache_get(server_cache *c, const char *uri, unsigned *status)
{
    slot *s = slot_of(c, uri);
    if (!s->uri || strcmp(s->uri, uri))
        return NULL;
    *status = s->status;
    return &s->body;
}

void server_cache_put(server_cache *c, const char *uri, unsigned status, const server_body *body)
{
    if (body->err || body->len > SERVER_CACHE_BODY_MAX)
        return;
    slot *s = slot_of(c, uri);
    free(s->uri);
    server_body_free(&s->body);
    s->uri = sl_strdup(uri);
    s->status = status;
    if (s->uri && server_body_write(&s->body, body->data ? body->data : "", body->len)) {
        free(s->uri);
        s->uri = NULL;
        server_body_free(&s->body);
    }
}
