/* byte_table.h — a table of 256 entries, one for each byte value, written
 * out at compile time from a macro F(c) of the byte: the hot byte loops
 * (line hashing, folding, word scans) read a byte's class and its folded
 * form with one load instead of a chain of range tests. */
#ifndef SL_UTIL_BYTE_TABLE_H
#define SL_UTIL_BYTE_TABLE_H

#include <stdint.h>

#define SL_BYTES4_(F, c) F(c), F((c) + 1), F((c) + 2), F((c) + 3)
#define SL_BYTES16_(F, c) SL_BYTES4_(F, c), SL_BYTES4_(F, (c) + 4), SL_BYTES4_(F, (c) + 8), SL_BYTES4_(F, (c) + 12)
#define SL_BYTES64_(F, c) \
    SL_BYTES16_(F, c), SL_BYTES16_(F, (c) + 16), SL_BYTES16_(F, (c) + 32), SL_BYTES16_(F, (c) + 48)
/* The initializer {F(0), F(1), ..., F(255)}. */
#define SL_BYTE_TABLE(F) {SL_BYTES64_(F, 0), SL_BYTES64_(F, 64), SL_BYTES64_(F, 128), SL_BYTES64_(F, 192)}

/* A byte ASCII lower-cased (other bytes as they are), for SL_BYTE_TABLE. */
#define SL_ASCII_LOWER(c) ((c) >= 'A' && (c) <= 'Z' ? (c) | 0x20 : (c))

/* Each byte ASCII lower-cased, by one load: SL_ASCII_LOWER's table
 * (byte_table.c), shared by the word hashes and token folds. */
extern const uint8_t sl_ascii_lower[256];

#endif
