/* swar.h — eight bytes of text tested at once in a 64-bit word ("SIMD
 * within a register"), for the text stage's scans over long runs of ASCII
 * (utf8.c, normalize.c, sentences.c). Every test is exact: no carry or
 * borrow crosses from one byte into the next where a result is read. */
#ifndef SL_TEXT_SWAR_H
#define SL_TEXT_SWAR_H

#include <stdbool.h>
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

/* w with its ASCII capitals lowered, every other byte as it is. */
static inline uint64_t sl_swar_ascii_lower(uint64_t w)
{
    uint64_t low = w & SL_SWAR_LOWS;
    uint64_t from_a = low + SL_SWAR_ONES * (0x80 - 'A');
    uint64_t past_z = low + SL_SWAR_ONES * (0x80 - 'Z' - 1);
    return w | (from_a & ~past_z & ~w & SL_SWAR_HIGHS) >> 2;
}

/* A short word's hash, never 0, from a few loads that cover its bytes
 * (eight at a time, the last eight overlapping; 4 to 7 bytes as their
 * first and last four; shorter ones byte by byte), ASCII capitals lowered
 * first when `lower`, each step multiplied, the high half folded into the
 * low one. Inline, for the lookups made for every word of a text (the stem
 * memo, the stop words), where a call to XXH3 cost more than the rest. */
static inline uint64_t sl_swar_word_hash(const char *w, size_t len, bool lower)
{
    uint64_t h = len * 0x9E3779B97F4A7C15u, part;
    if (len >= 8) {
        for (size_t k = 0; len - k > 8; k += 8) {
            part = sl_swar_load(w + k);
            h = (h ^ (lower ? sl_swar_ascii_lower(part) : part)) * 0xFF51AFD7ED558CCDu;
        }
        part = sl_swar_load(w + len - 8);
    } else if (len >= 4) {
        uint32_t first, last;
        memcpy(&first, w, sizeof first);
        memcpy(&last, w + len - 4, sizeof last);
        part = (uint64_t)first << 32 | last;
    } else {
        const unsigned char *u = (const unsigned char *)w;
        part = len ? (uint64_t)u[0] << 16 | (uint64_t)u[len / 2] << 8 | u[len - 1] : 0;
    }
    h = (h ^ (lower ? sl_swar_ascii_lower(part) : part)) * 0xC4CEB9FE1A85EC53u;
    h ^= h >> 32;
    return h ? h : 1;
}

#endif
