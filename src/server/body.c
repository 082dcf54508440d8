/* body.c — a response body grown as the library's JSON writers stream into
 * it, capped at SERVER_BODY_MAX with a sticky error flag. */
#include <stdlib.h>
#include <string.h>

#include "server/server.h"
#include "util/alloc.h"

int server_body_write(void *ctx, const char *data, size_t len)
{
    server_body *b = ctx;
    if (b->err)
        return -1;
    if (len > SERVER_BODY_MAX - b->len) {
        b->err = 1;
        return -1;
    }
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + len + 1)
            cap *= 2;
        char *p = sl_realloc(b->data, cap);
        if (!p) {
            b->err = 1;
            return -1;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

int server_body_puts(server_body *b, const char *s)
{
    return server_body_write(b, s, strlen(s));
}

void server_body_free(server_body *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}
