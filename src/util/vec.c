/* vec.c — the one growth routine behind SL_VEC (see vec.h). */
#include "vec.h"

#include <stdint.h>
#include <stdlib.h>

#include "alloc.h"
#include "error.h"

int sl_vec_grow_(void **items, size_t *cap, size_t n, size_t extra, size_t elem)
{
    if (extra > SIZE_MAX / elem - n)
        return SL_UTIL_ENOMEM;
    size_t need = n + extra;
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 8;
    while (c < need)
        c = c > SIZE_MAX / 2 / elem ? need : c * 2;
    void *p = sl_realloc(*items, c * elem);
    if (!p)
        return SL_UTIL_ENOMEM;
    *items = p;
    *cap = c;
    return 0;
}
