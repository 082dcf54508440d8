/* limits.c — how much one client may ask: a token bucket per client address
 * (`rate` requests a second, `burst` at once), and the check that a request's
 * URI escapes are well formed. Addresses share a fixed table of buckets by
 * hash: two clients in one bucket share its rate, memory stays fixed however
 * many addresses come (an attacker cannot grow it). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server/server.h"
#include "util/alloc.h"

#define BUCKETS 4096

typedef struct bucket {
    double tokens;
    double last;      /* seconds (monotonic) of the last refill; 0: unused */
} bucket;

struct server_limiter {
    pthread_mutex_t lock;
    double rate, burst;
    bucket buckets[BUCKETS];
};

server_limiter *server_limiter_new(double rate, int burst, int *failed)
{
    *failed = 0;
    if (rate <= 0)
        return NULL;
    server_limiter *l = sl_calloc(1, sizeof *l);
    if (!l) {
        *failed = 1;
        return NULL;
    }
    pthread_mutex_init(&l->lock, NULL);
    l->rate = rate;
    l->burst = burst > 0 ? burst : 1;
    return l;
}

void server_limiter_free(server_limiter *l)
{
    if (!l)
        return;
    pthread_mutex_destroy(&l->lock);
    free(l);
}

/* FNV-1a over the address bytes. */
static size_t address_hash(const unsigned char *addr, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ addr[i]) * 1099511628211ull;
    return (size_t)(h % BUCKETS);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int server_limiter_allow(server_limiter *l, const void *addr, size_t len)
{
    if (!l)
        return 1;
    double now = now_seconds();
    pthread_mutex_lock(&l->lock);
    bucket *b = &l->buckets[address_hash(addr, len)];
    if (b->last == 0)
        b->tokens = l->burst;
    else
        b->tokens += (now - b->last) * l->rate;
    if (b->tokens > l->burst)
        b->tokens = l->burst;
    b->last = now;
    int ok = b->tokens >= 1;
    if (ok)
        b->tokens -= 1;
    pthread_mutex_unlock(&l->lock);
    return ok;
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int server_uri_escapes_ok(const char *uri)
{
    for (const char *p = uri; *p; p++)
        if (*p == '%' && !(is_hex(p[1]) && is_hex(p[2])))
            return 0;
    return 1;
}

int server_uri_path_nul(const char *uri)
{
    for (const char *p = uri; *p && *p != '?'; p++)
        if (p[0] == '%' && p[1] == '0' && p[2] == '0')
            return 1;
    return 0;
}
