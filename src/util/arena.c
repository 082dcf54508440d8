/* arena.c — bump allocation in blocks (see arena.h). */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"

#if defined(__SANITIZE_ADDRESS__) && !defined(SL_ARENA_MALLOC)
#define SL_ARENA_MALLOC 1
#endif

/* Blocks are at least this large: one holds a typical article's strings. */
#define BLOCK_MIN ((size_t)64 << 10)
#define ALIGN 16

struct sl_arena_block {
    sl_arena_block *next;
    size_t size, used;
    _Alignas(ALIGN) unsigned char data[];
};

static sl_arena_block *new_block(sl_arena *a, size_t size)
{
    sl_arena_block *b = sl_malloc(sizeof *b + size);
    if (!b) {
        a->err = SL_UTIL_ENOMEM;
        return NULL;
    }
    b->size = size;
    b->used = 0;
    b->next = a->head;
    a->head = b;
    return b;
}

void *sl_arena_alloc(sl_arena *a, size_t size)
{
    if (size > SIZE_MAX / 2) {
        a->err = SL_UTIL_ENOMEM;
        return NULL;
    }
    size_t need = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
#ifdef SL_ARENA_MALLOC
    sl_arena_block *b = new_block(a, need);
    if (!b)
        return NULL;
    b->used = need;
    return b->data;
#else
    /* the blocks kept from earlier articles, before a new one is made */
    sl_arena_block *b = a->current;
    while (b && b->size - b->used < need)
        b = b->next;
    if (!b && !(b = new_block(a, need > BLOCK_MIN ? need : BLOCK_MIN)))
        return NULL;
    a->current = b;
    void *p = b->data + b->used;
    b->used += need;
    return p;
#endif
}

char *sl_arena_strndup(sl_arena *a, const char *s, size_t n)
{
    char *p = sl_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

void sl_arena_reset(sl_arena *a)
{
#ifdef SL_ARENA_MALLOC
    sl_arena_free(a);
#else
    for (sl_arena_block *b = a->head; b; b = b->next)
        b->used = 0;
    a->current = a->head;
#endif
    a->err = 0;
}

void sl_arena_free(sl_arena *a)
{
    while (a->head) {
        sl_arena_block *next = a->head->next;
        sl_free(a->head);
        a->head = next;
    }
    a->current = NULL;
    a->err = 0;
}
