/* fetch.c — fetches a list of URLs with libcurl's multi interface: parallel
 * transfers, redirects followed hop by hop (each hop's host gets its
 * robots.txt asked), timeouts, a size cap, a user agent naming storyline,
 * robots.txt honoured, a delay between requests to one host, retries with
 * backoff for transient failures, and no connection to loopback, private or
 * link-local addresses unless allowed (address.c). Each result goes to a
 * callback as it completes; a failed URL is reported with the reason.
 * libcurl is called through curl_load.h (loaded on the first fetch). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <sys/socket.h>

#include "ingest/curl_load.h"
#include "ingest/ingest.h"
#include "util/alloc.h"
#include "util/error.h"

#define USER_AGENT "storyline/" SL_VERSION " (news story engine; +https://storyline.invalid/bot)"
#define DEFAULT_JOBS 4
#define DEFAULT_TIMEOUT 30      /* seconds for a whole transfer */
#define CONNECT_TIMEOUT 10
#define DEFAULT_DELAY_MS 1000   /* between two requests to one host, as polite crawlers do */
#define DEFAULT_RETRIES 2
#define BACKOFF_MS 1000         /* first retry after 1 s, then 2 s, 4 s ... */
#define MAX_REDIRECTS 10
#define ROBOTS_MAX ((size_t)512 << 10)   /* Google reads the first 500 KiB */
#define CRAWL_DELAY_MAX_MS 30000
#define MAX_HOSTS 4096          /* distinct hosts remembered (robots and timing) */
#define MAX_RULES 512           /* robots rules kept per host */

typedef struct rule {
    char *path;
    int allow;
} rule;

typedef struct host {
    char *key;                 /* scheme://host:port */
    enum { ROBOTS_UNKNOWN, ROBOTS_PENDING, ROBOTS_READY } robots;
    int disallow_all;
    char *robots_error;        /* why robots.txt could not be read, when it could not */
    int refused;               /* its address is one the fetcher may not connect to */
    rule *rules;
    size_t n_rules;
    long delay_ms;
    double next_ok;            /* monotonic seconds: the next request may start then */
} host;

typedef struct job {
    size_t url;                /* index in the list, or SIZE_MAX for a robots.txt */
    host *h;
    char *target;              /* where a redirect led (malloc'd), NULL: the listed URL */
    int redirects;
    int allow_private;
    char refused[160];         /* why a connection was refused, when it was */
    int attempts;
    double not_before;
    sl_buf body;
    char error[CURL_ERROR_SIZE];
    CURL *curl;
} job;

typedef struct fetcher {
    const sl_curl *curl;       /* libcurl's calls (curl_load.h) */
    const sl_fetch_options *o;
    const char *const *urls;
    size_t n;
    sl_fetched_fn done;
    void *ctx;
    CURLM *multi;
    host *hosts;
    size_t n_hosts;
    job **waiting;             /* not started yet (or waiting for a retry) */
    size_t n_waiting, cap_waiting;
    int active;
    size_t max_bytes;
    long timeout, delay_ms;
    int jobs, retries;
} fetcher;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- robots.txt ----------------------------------------------------------- */

/* Robots path match: '*' any run, '$' at the end the end of the path, else
 * a prefix match (RFC 9309). Greedy with one backtrack point, the last '*':
 * a later '*' makes the earlier ones irrelevant, so the cost is at most
 * pattern x path steps. The recursive match tried every split per '*' and
 * took over 250 s on "/ *a*a... (30 times) *b" against 36 letters. */
int sl_robots_match(const char *pat, const char *path)
{
    size_t n = strlen(pat);
    int anchored = n && pat[n - 1] == '$';
    const char *p = pat, *end = pat + n - anchored, *s = path;
    const char *star = NULL, *star_s = NULL;   /* after the last '*', and where its run ends */
    for (;;) {
        if (p < end && *p == '*') {
            star = ++p;
            star_s = s;
            continue;
        }
        if (p == end && (!anchored || !*s))
            return 1;
        if (*s && p < end && *p == *s) {
            p++, s++;
            continue;
        }
        if (!star || !*star_s)
            return 0;
        p = star;
        s = ++star_s;
    }
}

static int robots_allows(const host *h, const char *path)
{
    if (h->disallow_all)
        return 0;
    size_t best = 0;
    int allow = 1;
    for (size_t i = 0; i < h->n_rules; i++) {
        size_t len = strlen(h->rules[i].path);
        if (sl_robots_match(h->rules[i].path, path) && (len > best || (len == best && h->rules[i].allow))) {
            best = len;
            allow = h->rules[i].allow;
        }
    }
    return allow;
}

static char *trimmed(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strcspn(s, "#\r");
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    s[n] = '\0';
    return s;
}

/* Keeps the rules of the group for "storyline" if there is one, else those
 * of "*". Groups are runs of User-agent lines followed by rules. */
static void robots_parse(host *h, char *text)
{
    int in_ours = 0, in_star = 0, seen_rule = 1, have_ours = 0;
    rule *star = NULL, *ours = NULL;
    size_t n_star = 0, n_ours = 0;
    long star_delay = 0, ours_delay = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *colon = strchr(line, ':');
        if (!colon)
            continue;
        *colon = '\0';
        char *key = trimmed(line), *value = trimmed(colon + 1);
        if (!strcasecmp(key, "user-agent")) {
            if (seen_rule)
                in_ours = in_star = 0, seen_rule = 0;
            if (strcasestr(value, "storyline"))
                in_ours = have_ours = 1;
            else if (!strcmp(value, "*"))
                in_star = 1;
            continue;
        }
        seen_rule = 1;
        int allow = !strcasecmp(key, "allow");
        if (!strcasecmp(key, "crawl-delay")) {
            long ms = (long)(atof(value) * 1000);
            if (in_ours)
                ours_delay = ms;
            if (in_star)
                star_delay = ms;
            continue;
        }
        if ((!allow && strcasecmp(key, "disallow")) || (!in_ours && !in_star))
            continue;
        if (!*value) {
            continue;   /* "Disallow:" with nothing allows everything */
        }
        rule **list = in_ours ? &ours : &star;
        size_t *n = in_ours ? &n_ours : &n_star;
        if (*n >= MAX_RULES)
            continue;
        rule *grown = sl_realloc(*list, (*n + 1) * sizeof **list);
        if (!grown)
            continue;
        *list = grown;
        if ((grown[*n].path = sl_strdup(value)))
            grown[*n].allow = allow, (*n)++;
    }
    rule *keep = have_ours ? ours : star, *drop = have_ours ? star : ours;
    size_t n_drop = have_ours ? n_star : n_ours;
    for (size_t i = 0; i < n_drop; i++)
        free(drop[i].path);
    free(drop);
    h->rules = keep;
    h->n_rules = have_ours ? n_ours : n_star;
    long delay = have_ours ? ours_delay : star_delay;
    if (delay > h->delay_ms)
        h->delay_ms = delay < CRAWL_DELAY_MAX_MS ? delay : CRAWL_DELAY_MAX_MS;
}

/* ---- hosts and jobs ------------------------------------------------------- */

/* scheme://host:port of a URL, and its path with query; NULL when the URL
 * is not http(s). */
static char *split_url(const sl_curl *c, const char *url, char **path)
{
    CURLU *u = c->url();
    char *scheme = NULL, *hostname = NULL, *port = NULL, *p = NULL, *q = NULL, *key = NULL;
    *path = NULL;
    if (u && !c->url_set(u, CURLUPART_URL, url, 0) && !c->url_get(u, CURLUPART_SCHEME, &scheme, 0) &&
        (!strcmp(scheme, "http") || !strcmp(scheme, "https")) && !c->url_get(u, CURLUPART_HOST, &hostname, 0) &&
        !c->url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) && !c->url_get(u, CURLUPART_PATH, &p, 0)) {
        c->url_get(u, CURLUPART_QUERY, &q, 0);
        size_t n = strlen(scheme) + strlen(hostname) + strlen(port) + 5;
        if ((key = sl_malloc(n)))
            snprintf(key, n, "%s://%s:%s", scheme, hostname, port);
        size_t m = strlen(p) + (q ? strlen(q) + 1 : 0) + 1;
        if (key && (*path = sl_malloc(m)))
            snprintf(*path, m, "%s%s%s", p, q ? "?" : "", q ? q : "");
    }
    c->free(scheme), c->free(hostname), c->free(port), c->free(p), c->free(q);
    c->url_cleanup(u);
    if (key && !*path) {
        free(key);
        key = NULL;
    }
    return key;
}

static host *find_host(fetcher *f, const char *key)
{
    for (size_t i = 0; i < f->n_hosts; i++)
        if (!strcmp(f->hosts[i].key, key))
            return &f->hosts[i];
    if (f->n_hosts >= MAX_HOSTS)
        return NULL;
    host *h = &f->hosts[f->n_hosts];
    memset(h, 0, sizeof *h);
    if (!(h->key = sl_strdup(key)))
        return NULL;
    h->delay_ms = f->delay_ms;
    f->n_hosts++;
    return h;
}

static job *new_job(size_t url, host *h)
{
    job *j = sl_calloc(1, sizeof *j);
    if (j) {
        j->url = url;
        j->h = h;
    }
    return j;
}

static void free_job(job *j)
{
    if (!j)
        return;
    sl_buf_free(&j->body);
    free(j->target);
    free(j);
}

static const char *job_url(const fetcher *f, const job *j)
{
    return j->target ? j->target : f->urls[j->url];
}

static int wait_job(fetcher *f, job *j)
{
    if (f->n_waiting == f->cap_waiting) {
        size_t cap = f->cap_waiting ? f->cap_waiting * 2 : 64;
        job **grown = sl_realloc(f->waiting, cap * sizeof *grown);
        if (!grown)
            return SL_ENOMEM;
        f->waiting = grown;
        f->cap_waiting = cap;
    }
    f->waiting[f->n_waiting++] = j;
    return 0;
}

/* The charset parameter of a Content-Type ("text/html; charset=\"utf-8\""). */
static const char *ctype_charset(const char *ctype, char *out, size_t size)
{
    const char *cs = ctype ? strcasestr(ctype, "charset=") : NULL;
    if (!cs)
        return NULL;
    snprintf(out, size, "%s", cs + 8 + (cs[8] == '"'));
    out[strcspn(out, "\"; ")] = '\0';
    return *out ? out : NULL;
}

static void report(fetcher *f, size_t url, const char *error, long status, const char *final_url,
                   const char *ctype, const sl_buf *body)
{
    char charset[64];
    sl_fetch_result r = {status, final_url, ctype, ctype_charset(ctype, charset, sizeof charset),
                         body ? body->ptr : NULL, body ? body->len : 0, error};
    f->done(f->ctx, url, &r);
}

/* ---- transfers ------------------------------------------------------------ */

static size_t on_data(char *data, size_t size, size_t n, void *ctx)
{
    job *j = ctx;
    return sl_buf_put(&j->body, data, size * n) ? 0 : size * n;
}

/* Every connection (robots.txt, each redirect hop, a retry) passes here
 * with the address DNS gave: private ones are refused unless allowed. */
static curl_socket_t open_socket(void *ctx, curlsocktype purpose, struct curl_sockaddr *address)
{
    job *j = ctx;
    (void)purpose;
    if (!j->allow_private && sl_address_refused(&address->addr, j->refused, sizeof j->refused))
        return CURL_SOCKET_BAD;
    return socket(address->family, address->socktype, address->protocol);
}

static int start(fetcher *f, job *j)
{
    const char *url = j->url == SIZE_MAX ? NULL : job_url(f, j);
    char robots_url[2100];
    if (j->url == SIZE_MAX) {
        snprintf(robots_url, sizeof robots_url, "%s/robots.txt", j->h->key);
        url = robots_url;
    }
    sl_buf_free(&j->body);
    sl_buf_init(&j->body, j->url == SIZE_MAX ? ROBOTS_MAX : f->max_bytes);
    j->error[0] = '\0';
    j->refused[0] = '\0';
    j->allow_private = f->o->allow_private;
    const sl_curl *api = f->curl;
    CURL *c = j->curl = api->easy_init();
    if (!c)
        return SL_ENOMEM;
    api->easy_setopt(c, CURLOPT_URL, url);
    api->easy_setopt(c, CURLOPT_USERAGENT, USER_AGENT);
    api->easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    if (j->url == SIZE_MAX) {   /* robots.txt: its redirects are followed (RFC 9309), addresses still checked */
        api->easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
        api->easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
        api->easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    }
    api->easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_socket);
    api->easy_setopt(c, CURLOPT_OPENSOCKETDATA, j);
    api->easy_setopt(c, CURLOPT_TIMEOUT, f->timeout);
    api->easy_setopt(c, CURLOPT_CONNECTTIMEOUT, (long)CONNECT_TIMEOUT < f->timeout ? (long)CONNECT_TIMEOUT : f->timeout);
    api->easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    api->easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    api->easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    api->easy_setopt(c, CURLOPT_WRITEDATA, j);
    api->easy_setopt(c, CURLOPT_ERRORBUFFER, j->error);
    api->easy_setopt(c, CURLOPT_PRIVATE, j);
    api->easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)(j->url == SIZE_MAX ? ROBOTS_MAX : f->max_bytes));
    if (api->multi_add_handle(f->multi, c)) {
        api->easy_cleanup(c);
        j->curl = NULL;
        return SL_ENOMEM;
    }
    j->h->next_ok = now() + j->h->delay_ms / 1000.0;
    f->active++;
    return 0;
}

/* Whether a failure may pass: time-outs, refused connections, 429 and 5xx. */
static int transient(CURLcode cc, long status)
{
    if (cc == CURLE_OK)
        return status == 429 || status >= 500;
    return cc == CURLE_OPERATION_TIMEDOUT || cc == CURLE_COULDNT_CONNECT || cc == CURLE_RECV_ERROR ||
           cc == CURLE_SEND_ERROR || cc == CURLE_GOT_NOTHING || cc == CURLE_PARTIAL_FILE;
}

static void describe(const fetcher *f, char *out, size_t size, const job *j, CURLcode cc, long status,
                     size_t max)
{
    if (j->refused[0])
        snprintf(out, size, "%s", j->refused);
    else if (cc == CURLE_WRITE_ERROR || cc == CURLE_FILESIZE_EXCEEDED)
        snprintf(out, size, SL_OVER_CAP_FMT, max >> 20);
    else if (cc == CURLE_OPERATION_TIMEDOUT)
        snprintf(out, size, "timed out");
    else if (cc != CURLE_OK)
        snprintf(out, size, "%s", j->error[0] ? j->error : f->curl->easy_strerror(cc));
    else
        snprintf(out, size, "HTTP status %ld", status);
}

static void robots_done(fetcher *f, job *j, CURLcode cc, long status)
{
    host *h = j->h;
    h->robots = ROBOTS_READY;
    if (cc == CURLE_OK && status >= 200 && status < 300) {
        sl_buf_putc(&j->body, '\0');
        if (!j->body.err)
            robots_parse(h, j->body.ptr);
    } else if (cc != CURLE_OK || status >= 500) {
        h->disallow_all = 1;   /* unreachable robots.txt: RFC 9309 says assume disallow */
        h->refused = j->refused[0] != '\0';
        char why[CURL_ERROR_SIZE + 64];
        describe(f, why, sizeof why, j, cc, status, ROBOTS_MAX);
        h->robots_error = sl_strdup(why);
    }                          /* 4xx: no robots.txt, everything allowed */
    free_job(j);
}

/* A redirect becomes the job's next hop, queued like a new URL: its host's
 * robots.txt and delay apply, and its address is checked on connection. */
static int redirect(fetcher *f, job *j, const char *location)
{
    char why[96];
    host *h = NULL;
    if (j->redirects >= MAX_REDIRECTS) {
        snprintf(why, sizeof why, "more than %d redirects (a redirect loop?)", MAX_REDIRECTS);
    } else {
        char *path = NULL, *key = split_url(f->curl, location, &path);
        h = key ? find_host(f, key) : NULL;
        snprintf(why, sizeof why, "%s", key ? "too many hosts in one run" : "redirected to a URL that is not http(s)");
        free(key);
        free(path);
    }
    char *target = h ? sl_strdup(location) : NULL;
    if (!target) {
        report(f, j->url, h ? "out of memory" : why, 0, NULL, NULL, NULL);
        free_job(j);
        return h ? SL_ENOMEM : 0;
    }
    free(j->target);
    j->target = target;
    j->h = h;
    j->redirects++;
    j->attempts = 0;
    int rc = wait_job(f, j);
    if (rc)
        free_job(j);
    return rc;
}

static int transfer_done(fetcher *f, CURL *c, CURLcode cc)
{
    job *j;
    long status = 0;
    char *final_url = NULL, *ctype = NULL;
    f->curl->easy_getinfo(c, CURLINFO_PRIVATE, (char **)&j);
    f->curl->easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    f->curl->easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &final_url);
    f->curl->easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ctype);
    f->curl->multi_remove_handle(f->multi, c);
    f->active--;
    j->curl = NULL;
    if (j->url == SIZE_MAX) {
        robots_done(f, j, cc, status);
        f->curl->easy_cleanup(c);
        return 0;
    }
    char *location = NULL;
    f->curl->easy_getinfo(c, CURLINFO_REDIRECT_URL, &location);
    if (cc == CURLE_OK && status >= 300 && status < 400 && location) {
        int rc = redirect(f, j, location);
        f->curl->easy_cleanup(c);
        return rc;
    }
    int ok = cc == CURLE_OK && status >= 200 && status < 300;
    if (!ok && !j->refused[0] && transient(cc, status) && j->attempts < f->retries) {
        j->not_before = now() + BACKOFF_MS / 1000.0 * (1 << j->attempts);
        j->attempts++;
        f->curl->easy_cleanup(c);
        return wait_job(f, j);
    }
    char why[CURL_ERROR_SIZE + 64];
    if (!ok)
        describe(f, why, sizeof why, j, cc, status, f->max_bytes);
    report(f, j->url, ok ? NULL : why, status, final_url, ctype, ok ? &j->body : NULL);
    f->curl->easy_cleanup(c);
    free_job(j);
    return 0;
}

/* Starts what may start: robots.txt known, the host's delay passed, a free
 * slot. A host with unknown robots gets its robots.txt fetched first. */
static int start_ready(fetcher *f, double t)
{
    for (size_t i = 0; i < f->n_waiting && f->active < f->jobs;) {
        job *j = f->waiting[i];
        host *h = j->h;
        int ready = j->url == SIZE_MAX || h->robots == ROBOTS_READY;
        if (!ready && h->robots == ROBOTS_UNKNOWN && !f->o->ignore_robots) {
            job *r = new_job(SIZE_MAX, h);
            if (!r || wait_job(f, r))
                return SL_ENOMEM;
            h->robots = ROBOTS_PENDING;
            continue;   /* the list grew: look again from i */
        }
        if (f->o->ignore_robots)
            ready = 1, h->robots = ROBOTS_READY;
        if (!ready || t < j->not_before || t < h->next_ok) {
            i++;
            continue;
        }
        f->waiting[i] = f->waiting[--f->n_waiting];
        char *path = NULL, *key = j->url == SIZE_MAX ? NULL : split_url(f->curl, job_url(f, j), &path);
        int allowed = j->url == SIZE_MAX || robots_allows(h, path ? path : "/");
        free(key);
        free(path);
        if (!allowed) {
            char why[CURL_ERROR_SIZE + 96];
            if (h->robots_error)
                snprintf(why, sizeof why, h->refused ? "%s" : "robots.txt could not be read (%s): not fetched",
                         h->robots_error);
            report(f, j->url, h->robots_error ? why : "disallowed by robots.txt", 0, NULL, NULL, NULL);
            free_job(j);
            continue;
        }
        int rc = start(f, j);
        if (rc) {
            free_job(j);
            return rc;
        }
    }
    return 0;
}

static int queue_urls(fetcher *f)
{
    for (size_t i = 0; i < f->n; i++) {
        char *path = NULL, *key = split_url(f->curl, f->urls[i], &path);
        host *h = key ? find_host(f, key) : NULL;
        free(key);
        free(path);
        if (!h) {
            report(f, i, key ? "too many hosts in one run" : "not an http(s) URL", 0, NULL, NULL, NULL);
            continue;
        }
        job *j = new_job(i, h);
        if (!j || wait_job(f, j)) {
            free(j);
            return SL_ENOMEM;
        }
    }
    return 0;
}

static int run(fetcher *f)
{
    int rc = queue_urls(f);
    while (!rc && (f->n_waiting || f->active)) {
        rc = start_ready(f, now());
        int running;
        f->curl->multi_perform(f->multi, &running);
        f->curl->multi_poll(f->multi, NULL, 0, 50, NULL);
        f->curl->multi_perform(f->multi, &running);
        CURLMsg *m;
        int left;
        while (!rc && (m = f->curl->multi_info_read(f->multi, &left)))
            if (m->msg == CURLMSG_DONE)
                rc = transfer_done(f, m->easy_handle, m->data.result);
    }
    return rc;
}

/* Every URL failed for one reason (libcurl could not be loaded). */
static void fail_all(fetcher *f, const char *why)
{
    for (size_t i = 0; i < f->n; i++)
        report(f, i, why, 0, NULL, NULL, NULL);
}

int sl_fetch_all(const char *const *urls, size_t n, const sl_fetch_options *o, sl_fetched_fn done, void *ctx)
{
    static const sl_fetch_options defaults = {0};
    if (!o)
        o = &defaults;
    const char *why;
    fetcher f = {sl_curl_load(&why), o, urls, n, done, ctx, NULL, NULL, 0, NULL, 0, 0, 0,
                 o->max_bytes ? o->max_bytes : SL_PAGE_MAX,
                 o->timeout_s > 0 ? o->timeout_s : DEFAULT_TIMEOUT,
                 o->delay_ms < 0 ? 0 : o->delay_ms ? o->delay_ms : DEFAULT_DELAY_MS,
                 o->jobs > 0 ? o->jobs : DEFAULT_JOBS, o->retries < 0 ? 0 : o->retries ? o->retries : DEFAULT_RETRIES};
    if (!f.curl) {
        fail_all(&f, why);
        return 0;
    }
    if (f.curl->global_init(CURL_GLOBAL_DEFAULT))
        return SL_ENOMEM;
    f.hosts = sl_calloc(MAX_HOSTS, sizeof *f.hosts);
    f.multi = f.curl->multi_init();
    int rc = f.hosts && f.multi ? run(&f) : SL_ENOMEM;
    for (size_t i = 0; i < f.n_waiting; i++)
        free_job(f.waiting[i]);
    free(f.waiting);
    if (f.multi)
        f.curl->multi_cleanup(f.multi);   /* active transfers only remain after a failure */
    for (size_t i = 0; f.hosts && i < f.n_hosts; i++) {
        for (size_t k = 0; k < f.hosts[i].n_rules; k++)
            free(f.hosts[i].rules[k].path);
        free(f.hosts[i].rules);
        free(f.hosts[i].key);
        free(f.hosts[i].robots_error);
    }
    free(f.hosts);
    f.curl->global_cleanup();
    return rc;
}
