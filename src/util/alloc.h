/* alloc.h — the library's allocation path, with a fault-injection hook for
 * tests. Every allocation of src/ goes through it (the buffer, vectors and
 * arena, and each direct malloc, calloc, realloc, strdup and strndup);
 * only SQLite, libxml2 and the other libraries allocate on their own.
 * Memory from it is freed with free() (sl_free is the same), so ownership
 * rules do not change.
 *
 * STORYLINE_FAIL_ALLOC=N in the environment makes the Nth allocation made
 * through this path fail, once (tests/e2e/faults.sh walks N = 1, 2, ...);
 * unset, it costs one predictable branch per allocation. */
#ifndef SL_UTIL_ALLOC_H
#define SL_UTIL_ALLOC_H
#include <stddef.h>

void *sl_malloc(size_t size);
void *sl_calloc(size_t n, size_t size);
void *sl_realloc(void *ptr, size_t size);
void sl_free(void *ptr);
/* strdup and strndup through the same path. */
char *sl_strdup(const char *s);
char *sl_strndup(const char *s, size_t n);

/* How many allocations through this path have failed in this thread,
 * injected or not: a caller that sees a failure with no cause of its own
 * (SQLite's "not an error") can tell that memory ran out. */
unsigned long sl_alloc_failures(void);

/* Makes the nth allocation from now (1-based) fail once; 0 turns the hook
 * off. What STORYLINE_FAIL_ALLOC sets at the first allocation, for unit tests. */
void sl_alloc_fail_nth(long n);
#endif
