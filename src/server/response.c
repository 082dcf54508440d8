/* response.c — what every answer carries: the security headers (a
 * Content-Security-Policy with no inline script, nosniff, no framing), an
 * ETag (a hash of the body) answered with 304 when the client has it, and
 * gzip when the client accepts it (zlib). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>
#include <zlib.h>

#include "server/respond.h"
#include "util/alloc.h"

#define GZIP_MIN 512   /* smaller bodies go as they are: gzip would not pay */

static const char CSP[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/* 1 when the request's Accept-Encoding names gzip with a q-value above 0. */
static int accepts_gzip(const server_mhd *mhd, struct MHD_Connection *c)
{
    const char *ae = mhd->lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
    const char *g = ae ? strstr(ae, "gzip") : NULL;
    if (!g)
        return 0;
    const char *end = strchr(g, ',');
    const char *q = strstr(g, "q=");
    return !q || (end && q > end) || strtod(q + 2, NULL) > 0;
}

/* `data` gzipped into a malloc'd buffer (*out_len), NULL when it fails. */
static char *gzip(const void *data, size_t len, size_t *out_len)
{
    z_stream z = {0};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return NULL;
    size_t cap = deflateBound(&z, (uLong)len) + 32;
    char *out = sl_malloc(cap);
    z.next_in = (Bytef *)(uintptr_t)data;
    z.avail_in = (uInt)len;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)cap;
    if (!out || deflate(&z, Z_FINISH) != Z_STREAM_END) {
        free(out);
        out = NULL;
    } else {
        *out_len = z.total_out;
    }
    deflateEnd(&z);
    return out;
}

static void add_common_headers(const server_mhd *mhd, struct MHD_Response *r)
{
    mhd->add_response_header(r, "Content-Security-Policy", CSP);
    mhd->add_response_header(r, "X-Content-Type-Options", "nosniff");
    mhd->add_response_header(r, "X-Frame-Options", "DENY");
    mhd->add_response_header(r, "Referrer-Policy", "no-referrer");
    mhd->add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
    mhd->add_response_header(r, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
}

/* 1 when If-None-Match names this body's hash (either encoding's tag). */
static int client_has(const server_mhd *mhd, struct MHD_Connection *c, const char *hash)
{
    const char *inm = mhd->lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
    return inm && (strstr(inm, hash) || !strcmp(inm, "*"));
}

static enum MHD_Result queue(const server_mhd *mhd, struct MHD_Connection *c, unsigned status, struct MHD_Response *r)
{
    if (!r)
        return MHD_NO;
    enum MHD_Result ok = mhd->queue_response(c, status, r);
    mhd->destroy_response(r);
    return ok;
}

enum MHD_Result server_respond(const server_mhd *mhd, struct MHD_Connection *c, unsigned status,
                               const char *type, const void *data, size_t len)
{
    char hash[20], etag[32];
    snprintf(hash, sizeof hash, "%016llx", (unsigned long long)XXH3_64bits(data, len));
    int gz = len >= GZIP_MIN && accepts_gzip(mhd, c);
    snprintf(etag, sizeof etag, "\"%s%s\"", hash, gz ? "-gz" : "");
    struct MHD_Response *r;
    if (status == MHD_HTTP_OK && client_has(mhd, c, hash)) {
        r = mhd->create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
        status = MHD_HTTP_NOT_MODIFIED;
    } else {
        size_t zlen = 0;
        char *z = gz ? gzip(data, len, &zlen) : NULL;
        r = z ? mhd->create_response_from_buffer(zlen, z, MHD_RESPMEM_MUST_FREE)
              : mhd->create_response_from_buffer(len, (void *)(uintptr_t)data,
                                                MHD_RESPMEM_MUST_COPY);
        if (!z)
            snprintf(etag, sizeof etag, "\"%s\"", hash);
        if (r && z)
            mhd->add_response_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
        if (r)
            mhd->add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    }
    if (!r)
        return MHD_NO;
    add_common_headers(mhd, r);
    if (status == MHD_HTTP_OK || status == MHD_HTTP_NOT_MODIFIED)
        mhd->add_response_header(r, MHD_HTTP_HEADER_ETAG, etag);
    return queue(mhd, c, status, r);
}

enum MHD_Result server_respond_error(const server_mhd *mhd, struct MHD_Connection *c,
                                     unsigned status, const char *message)
{
    server_reply reply = {0};
    server_error(&reply, status, message);
    if (reply.body.err) {
        server_body_free(&reply.body);
        return MHD_NO;
    }
    struct MHD_Response *r = mhd->create_response_from_buffer(
        reply.body.len, reply.body.data, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        server_body_free(&reply.body);
        return MHD_NO;
    }
    mhd->add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json");
    add_common_headers(mhd, r);
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        mhd->add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    if (status == MHD_HTTP_TOO_MANY_REQUESTS)
        mhd->add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, "1");
    return queue(mhd, c, status, r);
}
