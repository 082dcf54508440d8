/* buf.h — growable byte buffer with a size cap and a sticky error flag.
 * Every stage that builds text uses it: a 200 MB line becomes SL_ETOOLARGE,
 * never a crash. The buffer is always NUL-terminated when non-empty. */
#ifndef SL_UTIL_BUF_H
#define SL_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct sl_buf {
    char *ptr;
    size_t len, cap;
    size_t max;   /* largest allowed len; 0 = SL_BUF_DEFAULT_MAX */
    int err;      /* sticky: first error (SL_ENOMEM / SL_ETOOLARGE), 0 when fine */
} sl_buf;

#define SL_BUF_DEFAULT_MAX ((size_t)256 << 20)
#define SL_BUF_INIT {0, 0, 0, 0, 0}

void sl_buf_init(sl_buf *b, size_t max);
int sl_buf_reserve(sl_buf *b, size_t extra);
/* Appends n bytes; sl_buf_put_ is the general case, called when the bytes
 * do not fit the room there is (a put is most often a few bytes into a
 * buffer that has room: tested inline, this was ~1.5% of an ingest). */
int sl_buf_put_(sl_buf *b, const void *data, size_t n);
static inline int sl_buf_put(sl_buf *b, const void *data, size_t n)
{
    if (b->err || n >= b->cap - b->len || b->len + n > (b->max ? b->max : SL_BUF_DEFAULT_MAX))
        return sl_buf_put_(b, data, n);
    if (n)
        memcpy(b->ptr + b->len, data, n);
    b->len += n;
    b->ptr[b->len] = '\0';
    return 0;
}
int sl_buf_puts(sl_buf *b, const char *s);
int sl_buf_putc(sl_buf *b, int c);
int sl_buf_printf(sl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Writes v as a varint at out (room for 10 bytes), or appends it to b:
 * 7 bits a byte, the lowest first, the high bit set on every byte but the
 * last; returns the bytes written. Inline: the store's packed rows put
 * one for each of their terms. */
static inline size_t sl_varint_put(unsigned char *out, uint64_t v)
{
    size_t n = 0;
    while (v >= 0x80) {
        out[n++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    out[n++] = (unsigned char)v;
    return n;
}
static inline int sl_buf_put_varint(sl_buf *b, uint64_t v)
{
    unsigned char out[10];
    return sl_buf_put(b, out, sl_varint_put(out, v));
}
/* Reads such a varint at *p (not past `end`) into *v and moves *p past it;
 * -1 when it is cut short or longer than 64 bits. Inline: a sketch read
 * calls it for each of its terms. */
static inline int sl_varint_get(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
    *v = 0;
    for (int shift = 0; shift < 64 && *p < end; shift += 7) {
        unsigned char c = *(*p)++;
        *v |= (uint64_t)(c & 0x7F) << shift;
        if (!(c & 0x80))
            return 0;
    }
    return -1;
}
/* Empties the buffer, keeping its memory and clearing the error. */
void sl_buf_clear(sl_buf *b);
/* The contents as a C string ("" when empty); valid until the next change. */
const char *sl_buf_cstr(const sl_buf *b);
/* Hands the contents to the caller (malloc'd, NUL-terminated) and resets b. */
char *sl_buf_take(sl_buf *b);
void sl_buf_free(sl_buf *b);

#endif
