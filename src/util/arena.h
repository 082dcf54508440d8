/* arena.h — a bump allocator for what is derived from one article: many
 * small allocations, all freed at once by a reset between articles, the
 * memory kept for the next one. Allocations are 16-byte aligned. Built with
 * AddressSanitizer (or -DSL_ARENA_MALLOC) every allocation is its own
 * malloc, so the sanitizers still see each overrun and use after reset. */
#ifndef SL_UTIL_ARENA_H
#define SL_UTIL_ARENA_H

#include <stddef.h>

typedef struct sl_arena_block sl_arena_block;

typedef struct sl_arena {
    sl_arena_block *head;     /* every block, newest first */
    sl_arena_block *current;  /* the block allocations are cut from */
    int err;                  /* sticky: SL_UTIL_ENOMEM after a failed allocation */
} sl_arena;

#define SL_ARENA_INIT {0, 0, 0}

/* `size` bytes, or NULL (and a sticky err) when memory or size runs out. */
void *sl_arena_alloc(sl_arena *a, size_t size);
/* A NUL-terminated copy of s[0, n) in the arena, or NULL. */
char *sl_arena_strndup(sl_arena *a, const char *s, size_t n);
/* Frees everything allocated, keeping the blocks for reuse; clears err. */
void sl_arena_reset(sl_arena *a);
/* Frees the blocks too; the arena is empty and usable again. */
void sl_arena_free(sl_arena *a);

#endif
