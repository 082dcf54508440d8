/* hash.h — the project's one 64-bit hash (xxHash XXH3), for content hashes,
 * line fingerprints and term ids. */
#ifndef SL_UTIL_HASH_H
#define SL_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t sl_hash64(const void *data, size_t len);

/* The same as a signed value, the form SQLite stores integers in. */
static inline int64_t sl_hash64_signed(const void *data, size_t len)
{
    return (int64_t)sl_hash64(data, len);
}

#endif
