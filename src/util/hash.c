/* hash.c — wraps libxxhash so the rest of the code names no hash library. */
#include "hash.h"

#include <xxhash.h>

uint64_t sl_hash64(const void *data, size_t len) { return XXH3_64bits(data, len); }
