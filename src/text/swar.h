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

#endif
