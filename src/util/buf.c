/* buf.c — growable byte buffer with a cap and a sticky error (see buf.h). */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"

void sl_buf_init(sl_buf *b, size_t max)
{
    memset(b, 0, sizeof *b);
    b->max = max;
}

static size_t buf_max(const sl_buf *b) { return b->max ? b->max : SL_BUF_DEFAULT_MAX; }

int sl_buf_reserve(sl_buf *b, size_t extra)
{
    if (b->err)
        return b->err;
    if (extra > buf_max(b) || b->len > buf_max(b) - extra)
        return b->err = SL_UTIL_ETOOLARGE;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = sl_realloc(b->ptr, cap);
    if (!p)
        return b->err = SL_UTIL_ENOMEM;
    b->ptr = p;
    b->cap = cap;
    return 0;
}

int sl_buf_put_(sl_buf *b, const void *data, size_t n)
{
    if (sl_buf_reserve(b, n))
        return b->err;
    if (n)
        memcpy(b->ptr + b->len, data, n);
    b->len += n;
    b->ptr[b->len] = '\0';
    return 0;
}

int sl_buf_puts(sl_buf *b, const char *s) { return sl_buf_put(b, s, strlen(s)); }

int sl_buf_putc(sl_buf *b, int c)
{
    char ch = (char)c;
    return sl_buf_put(b, &ch, 1);
}

int sl_buf_printf(sl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return b->err = SL_UTIL_EUSAGE;
    if ((size_t)n < sizeof small)
        return sl_buf_put(b, small, (size_t)n);
    if (sl_buf_reserve(b, (size_t)n))
        return b->err;
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void sl_buf_clear(sl_buf *b)
{
    b->len = 0;
    b->err = 0;
    if (b->ptr)
        b->ptr[0] = '\0';
}

const char *sl_buf_cstr(const sl_buf *b) { return b->ptr ? b->ptr : ""; }

char *sl_buf_take(sl_buf *b)
{
    char *p = b->ptr;
    if (!p)
        p = sl_calloc(1, 1);
    size_t max = b->max;
    sl_buf_init(b, max);
    return p;
}

void sl_buf_free(sl_buf *b)
{
    sl_free(b->ptr);
    sl_buf_init(b, b->max);
}
