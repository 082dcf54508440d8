/* api.c — the JSON endpoints (docs/server.md): each reads through one
 * read-only engine and answers with the documents the listing commands
 * write (docs/json.md), composed into one object where a page needs
 * several; a failure is an error document with its HTTP status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/server.h"

#define SUMMARY_WORDS 100    /* as in export (docs/json.md) */
#define SEARCH_DEFAULT 20
#define SEARCH_MAX 100

/* The length of the valid UTF-8 sequence at p (1-4), 0 when it is not one. */
static size_t utf8_length(const unsigned char *p)
{
    size_t n = p[0] < 0x80 ? 1 : (p[0] & 0xE0) == 0xC0 && p[0] >= 0xC2 ? 2
             : (p[0] & 0xF0) == 0xE0 ? 3 : (p[0] & 0xF8) == 0xF0 && p[0] <= 0xF4 ? 4 : 0;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

void server_error(server_reply *reply, unsigned status, const char *message)
{
    server_body_free(&reply->body);
    reply->status = status;
    char head[64];
    snprintf(head, sizeof head, "{\"error\":{\"status\":%u,\"message\":\"", status);
    server_body_puts(&reply->body, head);
    /* The message as a JSON string: quotes, backslashes and control bytes
     * escaped, a byte that is not UTF-8 (from a query) made U+FFFD. */
    for (const unsigned char *p = (const unsigned char *)message; *p;) {
        char esc[8];
        size_t n = utf8_length(p);
        if (*p == '"' || *p == '\\')
            snprintf(esc, sizeof esc, "\\%c", *p);
        else if (*p < 0x20)
            snprintf(esc, sizeof esc, "\\u%04x", *p);
        else if (!n)
            snprintf(esc, sizeof esc, "\xEF\xBF\xBD");
        else
            snprintf(esc, sizeof esc, "%.*s", (int)n, (const char *)p);
        server_body_puts(&reply->body, esc);
        p += n ? n : 1;
    }
    server_body_puts(&reply->body, "\"}}\n");
}

/* The status of a library failure. */
static unsigned status_of(int rc)
{
    switch (rc) {
    case SL_ENOTFOUND: return 404;
    case SL_EUSAGE: case SL_EBADINPUT: return 400;
    case SL_ETOOLARGE: return 413;
    case SL_ENOMEM: return 503;
    default: return 500;
    }
}

static void fail(sl_engine *e, int rc, server_reply *reply)
{
    if (reply->body.err)
        server_error(reply, 500, "the response is too large");
    else
        server_error(reply, status_of(rc), *sl_errmsg(e) ? sl_errmsg(e) : sl_strerror(rc));
}

/* A positive decimal number of at most 18 digits from `s` (all of it); -1 when not one. */
static int64_t parse_count(const char *s)
{
    if (!s || !*s || strlen(s) > 18)
        return -1;
    int64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

/* An optional numeric argument: `fallback` when absent, -1 when malformed. */
static int64_t arg_count(server_arg_fn arg, void *ctx, const char *name, int64_t fallback)
{
    const char *v = arg(ctx, name);
    return v ? parse_count(v) : fallback;
}

/* GET /api/stories?q=&since=&thread=&offset=&limit= */
static void stories_page(sl_engine *e, server_arg_fn arg, void *ctx, server_reply *reply)
{
    int64_t thread = arg_count(arg, ctx, "thread", 0);
    int64_t offset = arg_count(arg, ctx, "offset", 0);
    int64_t limit = arg_count(arg, ctx, "limit", 0);
    if (thread < 0 || offset < 0 || offset > 1000000000 || limit < 0 || limit > 100) {
        server_error(reply, 400, "thread, offset and limit want numbers (limit at most 100)");
        return;
    }
    const char *since = arg(ctx, "since");
    sl_story_query q = {arg(ctx, "q"), since && *since ? since : NULL, thread, (int)offset,
                        (int)limit};
    int rc = sl_stories_page_json(e, &q, server_body_write, &reply->body);
    if (rc)
        fail(e, rc, reply);
}

/* `"key":` then what `json` wrote; 0 or its failure. */
typedef int (*json_part)(sl_engine *e, int64_t id, server_body *out);

static int part(server_body *out, const char *key, sl_engine *e, int64_t id, json_part fn)
{
    server_body_puts(out, key);
    return fn(e, id, out);
}

static int story_show(sl_engine *e, int64_t id, server_body *out)
{
    return sl_story_json(e, id, server_body_write, out);
}

/* The story's summary and timeline; null for a story past the summary's bounds. */
static int story_told(sl_engine *e, int64_t id, server_body *out)
{
    sl_story_texts *t = NULL;
    sl_summary *sum = NULL;
    sl_timeline *tl = NULL;
    sl_summary_options o = {SUMMARY_WORDS, 0, 0};
    int rc = sl_story_texts_get(e, id, 0, &t);
    if (!rc)
        rc = sl_summarize(t->docs, t->n, &o, &sum);
    if (!rc)
        rc = sl_timeline_build(t->docs, t->n, &tl);
    if (!rc) {
        server_body_puts(out, ",\"summary\":");
        rc = sl_summary_json(sum, t->ids, SL_JSON_PART, server_body_write, out);
        server_body_puts(out, ",\"timeline\":");
        rc = rc ? rc : sl_timeline_json(tl, t->ids, SL_JSON_PART, server_body_write, out);
    } else if (rc == SL_ETOOLARGE) {
        rc = server_body_puts(out, ",\"summary\":null,\"timeline\":null");
    }
    sl_summary_free(sum);
    sl_timeline_free(tl);
    sl_story_texts_free(t);
    return rc;
}

/* GET /api/stories/ID: {"show": show --json, "summary": ..., "timeline": ...} */
static void story(sl_engine *e, int64_t id, server_reply *reply)
{
    int rc = part(&reply->body, "{\"show\":", e, id, story_show);
    if (!rc)
        rc = story_told(e, id, &reply->body);
    if (!rc)
        rc = server_body_puts(&reply->body, "}\n");
    if (rc || reply->body.err)
        fail(e, rc, reply);
}

static int article_doc(sl_engine *e, int64_t id, server_body *out)
{
    return sl_article_json(e, id, server_body_write, out);
}

static int article_copies(sl_engine *e, int64_t id, server_body *out)
{
    return sl_copies_json(e, id, server_body_write, out);
}

/* GET /api/articles/ID: {"article": article --json, "copies": copies --json} */
static void article(sl_engine *e, int64_t id, server_reply *reply)
{
    int rc = part(&reply->body, "{\"article\":", e, id, article_doc);
    if (!rc)
        rc = part(&reply->body, ",\"copies\":", e, id, article_copies);
    if (!rc)
        rc = server_body_puts(&reply->body, "}\n");
    if (rc || reply->body.err)
        fail(e, rc, reply);
}

/* GET /api/search?q=&limit= */
static void search(sl_engine *e, server_arg_fn arg, void *ctx, server_reply *reply)
{
    const char *q = arg(ctx, "q");
    int64_t limit = arg_count(arg, ctx, "limit", SEARCH_DEFAULT);
    if (!q || !*q) {
        server_error(reply, 400, "search wants q=WORDS");
        return;
    }
    if (limit < 1 || limit > SEARCH_MAX) {
        server_error(reply, 400, "limit wants a number from 1 to 100");
        return;
    }
    int rc = sl_search_json(e, q, (int)limit, server_body_write, &reply->body);
    if (rc)
        fail(e, rc, reply);
}

/* GET /api/threads[?all=1] */
static void threads(sl_engine *e, server_arg_fn arg, void *ctx, server_reply *reply)
{
    const char *all = arg(ctx, "all");
    int rc = sl_threads_json(e, all && !strcmp(all, "1") ? 1 : 2, server_body_write, &reply->body);
    if (rc)
        fail(e, rc, reply);
}

/* The id after `prefix` in `path` ("/api/stories/12"): -1 when `path` is not
 * prefix + digits; 0 for digits that no story or article has (0, or more
 * than 18 digits), answered "no story N" as an unknown id is, not "no such
 * endpoint". */
static int64_t path_id(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    if (strncmp(path, prefix, n) || !path[n] || path[n + strspn(path + n, "0123456789")])
        return -1;
    int64_t id = parse_count(path + n);
    return id > 0 ? id : 0;
}

/* 404 for an id no `what` can have: `digits` shown as given, cut after 30. */
static void no_such(server_reply *reply, const char *what, const char *digits)
{
    char message[64];
    snprintf(message, sizeof message, "no %s %.30s%s", what, digits, strlen(digits) > 30 ? "..." : "");
    server_error(reply, 404, message);
}

void server_api(sl_engine *e, const char *path, server_arg_fn arg, void *ctx,
                server_reply *reply)
{
    int64_t id;
    reply->status = 200;
    if (!strcmp(path, "/api/stories"))
        stories_page(e, arg, ctx, reply);
    else if ((id = path_id(path, "/api/stories/")) > 0)
        story(e, id, reply);
    else if (!id)
        no_such(reply, "story", path + strlen("/api/stories/"));
    else if ((id = path_id(path, "/api/articles/")) > 0)
        article(e, id, reply);
    else if (!id)
        no_such(reply, "article", path + strlen("/api/articles/"));
    else if (!strcmp(path, "/api/search"))
        search(e, arg, ctx, reply);
    else if (!strcmp(path, "/api/threads"))
        threads(e, arg, ctx, reply);
    else
        server_error(reply, 404, "no such endpoint (docs/server.md lists them)");
}
