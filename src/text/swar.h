/* swar.h — eight bytes of text tested at once in a 64-bit word ("SIMD
 * within a register"), for the text stage's scans over long runs of ASCII
 * (utf8.c, normalize.c, sentences.c, lang.c, stem.c). Every test is exact: no carry or
 * borrow crosses from one byte into the next where a result is read. And
 * sixteen bytes as one vector (GCC's and Clang's vector extension: a
 * compare of all of them is one SSE2 or NEON instruction), for the scans
 * whose runs are longest. */
#ifndef SL_TEXT_SWAR_H
#define SL_TEXT_SWAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SL_SWAR_ONES 0x0101010101010101u
#define SL_SWAR_HIGHS 0x8080808080808080u
#define SL_SWAR_LOWS 0x7F7F7F7F7F7F7F7Fu

/* The eight bytes at s, the first in the low byte on a little-endian CPU
 * (the tests below do not depend on the order). */
static inline uint64_t sl_swar_load(const void *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return w;
}

/* Sixteen bytes as a vector; a compare gives -1 (all bits) in each byte
 * where it holds, 0 elsewhere. Vectors go to and from the helpers by
 * pointer: one passed or returned by value changes the ABI where the
 * target has no SSE (Debian i386's i686), which GCC warns of (-Wpsabi). */
typedef unsigned char sl_bytes16 __attribute__((vector_size(16)));

/* The sixteen bytes at s into *v (any alignment). */
static inline void sl_bytes16_load(sl_bytes16 *v, const void *s)
{
    memcpy(v, s, sizeof *v);
}

/* Whether some byte of *v is not 0 (of a compare: whether it held for one). */
static inline bool sl_bytes16_any(const sl_bytes16 *v)
{
    uint64_t halves[2];
    memcpy(halves, v, sizeof halves);
    return (halves[0] | halves[1]) != 0;
}

/* The place of the first byte of *v that is not 0 (of a compare: the
 * first where it held), 16 when there is none. */
static inline size_t sl_bytes16_first(const sl_bytes16 *v)
{
    uint64_t halves[2];
    memcpy(halves, v, sizeof halves);
    for (size_t h = 0; h < 2; h++) {
        if (!halves[h])
            continue;
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        return h * 8 + (size_t)__builtin_clzll(halves[h]) / 8;
#else
        return h * 8 + (size_t)__builtin_ctzll(halves[h]) / 8;
#endif
    }
    return 16;
}

/* Whether s[0, len) is all ASCII (eight bytes at a time). */
static inline bool sl_swar_all_ascii(const char *s, size_t len)
{
    uint64_t any = 0;
    size_t k = 0;
    for (; k + 8 <= len; k += 8)
        any |= sl_swar_load(s + k);
    for (; k < len; k++)
        any |= (unsigned char)s[k];
    return !(any & SL_SWAR_HIGHS);
}

/* Whether every byte of w is printable ASCII (0x20-0x7E). */
static inline bool sl_swar_printable(uint64_t w)
{
    uint64_t below = (w - SL_SWAR_ONES * 0x20) & ~w & SL_SWAR_HIGHS;
    uint64_t above = ((w + SL_SWAR_ONES) | w) & SL_SWAR_HIGHS;
    return !(below | above);
}

/* Whether some byte of w is c (the classic zero-byte test on w ^ c: its
 * answer, any or none, is exact; which byte is not). */
static inline bool sl_swar_has(uint64_t w, unsigned char c)
{
    uint64_t y = w ^ (SL_SWAR_ONES * c);
    return ((y - SL_SWAR_ONES) & ~y & SL_SWAR_HIGHS) != 0;
}

/* 0x80 in each byte of w that is c, 0 in the others (per byte exact). */
static inline uint64_t sl_swar_eq(uint64_t w, unsigned char c)
{
    uint64_t y = w ^ (SL_SWAR_ONES * c);
    return ~(((y & SL_SWAR_LOWS) + SL_SWAR_LOWS) | y | SL_SWAR_LOWS);
}

/* 0x80 in each byte of w at or above c (0x80 <= c), 0 in the others. */
static inline uint64_t sl_swar_at_least(uint64_t w, unsigned char c)
{
    uint64_t low_reaches = ((w & SL_SWAR_LOWS) + SL_SWAR_ONES * (0x100u - c)) & SL_SWAR_HIGHS;
    return w & low_reaches;
}

/* 0x80 in each byte of w that is an ASCII letter, 0 in the others (per
 * byte exact: a byte's low seven bits, lowered, plus at most 0x1F carry
 * into no other byte). */
static inline uint64_t sl_swar_ascii_letters(uint64_t w)
{
    uint64_t low = (w | SL_SWAR_ONES * 0x20) & SL_SWAR_LOWS;
    uint64_t from_a = low + SL_SWAR_ONES * (0x80 - 'a');
    uint64_t past_z = low + SL_SWAR_ONES * (0x80 - 'z' - 1);
    return from_a & ~past_z & ~w & SL_SWAR_HIGHS;
}

/* The place of the first byte of `marks` (0x80 or 0 in each byte) that is
 * marked, in memory order; `marks` not 0. */
static inline size_t sl_swar_first(uint64_t marks)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return (size_t)__builtin_clzll(marks) / 8;
#else
    return (size_t)__builtin_ctzll(marks) / 8;
#endif
}

/* w with its ASCII capitals lowered, every other byte as it is. */
static inline uint64_t sl_swar_ascii_lower(uint64_t w)
{
    uint64_t low = w & SL_SWAR_LOWS;
    uint64_t from_a = low + SL_SWAR_ONES * (0x80 - 'A');
    uint64_t past_z = low + SL_SWAR_ONES * (0x80 - 'Z' - 1);
    return w | (from_a & ~past_z & ~w & SL_SWAR_HIGHS) >> 2;
}

/* The bytes of a word shorter than eight in one value, one-to-one for a
 * given length: 4 to 7 bytes as their first and last four, shorter ones
 * as their first, middle and last byte. */
static inline uint64_t sl_swar_short(const char *w, size_t len)
{
    if (len >= 4) {
        uint32_t first, last;
        memcpy(&first, w, sizeof first);
        memcpy(&last, w + len - 4, sizeof last);
        return (uint64_t)first << 32 | last;
    }
    const unsigned char *u = (const unsigned char *)w;
    return len ? (uint64_t)u[0] << 16 | (uint64_t)u[len / 2] << 8 | u[len - 1] : 0;
}

static inline uint64_t sl_swar_lowered(uint64_t w, bool lower) { return lower ? sl_swar_ascii_lower(w) : w; }

/* A short word's hash, never 0, from a few loads that cover its bytes
 * (eight at a time, the last eight overlapping; shorter words as
 * sl_swar_short), ASCII capitals lowered first when `lower`, each step
 * multiplied, the high half folded into the low one. Inline, for the
 * lookups made for every word of a text (the stem memo, the stop words,
 * the n-gram model), where a call to XXH3 cost more than the rest. */
static inline uint64_t sl_swar_word_hash(const char *w, size_t len, bool lower)
{
    uint64_t h = len * 0x9E3779B97F4A7C15u, part;
    if (len >= 8) {
        for (size_t k = 0; len - k > 8; k += 8)
            h = (h ^ sl_swar_lowered(sl_swar_load(w + k), lower)) * 0xFF51AFD7ED558CCDu;
        part = sl_swar_load(w + len - 8);
    } else {
        part = sl_swar_short(w, len);
    }
    h = (h ^ sl_swar_lowered(part, lower)) * 0xC4CEB9FE1A85EC53u;
    h ^= h >> 32;
    return h ? h : 1;
}

/* Whether the `len` bytes at `a` are those at `b` (with b's ASCII capitals
 * lowered when `lower`): memcmp's answer from the loads of the hash above,
 * inline, for the lookups that follow it. */
static inline bool sl_swar_same(const char *a, const char *b, size_t len, bool lower)
{
    if (len < 8)
        return sl_swar_short(a, len) == sl_swar_lowered(sl_swar_short(b, len), lower);
    for (size_t k = 0; len - k > 8; k += 8)
        if (sl_swar_load(a + k) != sl_swar_lowered(sl_swar_load(b + k), lower))
            return false;
    return sl_swar_load(a + len - 8) == sl_swar_lowered(sl_swar_load(b + len - 8), lower);
}

#endif
