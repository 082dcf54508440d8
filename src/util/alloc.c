/* alloc.c — the allocation path of alloc.h: malloc, calloc and realloc
 * (strdup and strndup on top) behind a counter that can fail the Nth call
 * once, so that tests prove every out-of-memory path reports an error,
 * leaks nothing and leaves the store whole (docs/testing.md,
 * tests/e2e/faults.sh). */
#include "alloc.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Allocations left before the injected failure; 0 when none is armed. The
 * environment is read once, at the first allocation. */
static atomic_long countdown;
static atomic_int env_read;

void sl_alloc_fail_nth(long n)
{
    atomic_store(&env_read, 1);
    atomic_store(&countdown, n > 0 ? n : 0);
}

/* True when this allocation is the one to fail. */
static int injected_failure(void)
{
    if (!atomic_load_explicit(&env_read, memory_order_relaxed) && !atomic_exchange(&env_read, 1)) {
        const char *env = getenv("STORYLINE_FAIL_ALLOC");
        if (env)
            atomic_store(&countdown, strtol(env, NULL, 10));
    }
    if (atomic_load_explicit(&countdown, memory_order_relaxed) <= 0)
        return 0;
    if (atomic_fetch_sub(&countdown, 1) != 1)
        return 0;
    fputs("storyline: injected allocation failure (STORYLINE_FAIL_ALLOC)\n", stderr);
    return 1;
}

static _Thread_local unsigned long failures;

unsigned long sl_alloc_failures(void) { return failures; }

/* p, counting a failure (a NULL for a size that is not 0). */
static void *counted(void *p, size_t size)
{
    if (!p && size)
        failures++;
    return p;
}

void *sl_malloc(size_t size) { return counted(injected_failure() ? NULL : malloc(size), size); }

void *sl_calloc(size_t n, size_t size)
{
    return counted(injected_failure() ? NULL : calloc(n, size), n * size);
}

void *sl_realloc(void *ptr, size_t size)
{
    return counted(injected_failure() ? NULL : realloc(ptr, size), size);
}

void sl_free(void *ptr) { free(ptr); }

char *sl_strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy = sl_malloc(len + 1);
    if (copy) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}

char *sl_strdup(const char *s) { return sl_strndup(s, strlen(s)); }
