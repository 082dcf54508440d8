/* respond.h — answering a request (response.c): with a body and its ETag,
 * gzip and security headers, or with an error document; through the
 * libmicrohttpd calls server_run loaded (mhd_load.h). */
#ifndef SL_SERVER_RESPOND_H
#define SL_SERVER_RESPOND_H

#include "server/mhd_load.h"
#include "server/server.h"

/* Queues `data` (copied) as the answer: 304 instead when status is 200 and
 * the client's If-None-Match holds its ETag. */
enum MHD_Result server_respond(const server_mhd *mhd, struct MHD_Connection *c, unsigned status,
                               const char *type, const void *data, size_t len);
/* Queues an error document {"error": {"status", "message"}} (with Allow on
 * 405, Retry-After on 429). */
enum MHD_Result server_respond_error(const server_mhd *mhd, struct MHD_Connection *c,
                                     unsigned status, const char *message);

#endif
