/* vec.h — typed growable arrays by macro: `SL_VEC(sl_span) spans;` then
 * sl_vec_push(&spans, value). Growth is checked for overflow and reports
 * SL_ENOMEM instead of aborting. */
#ifndef SL_UTIL_VEC_H
#define SL_UTIL_VEC_H

#include <stddef.h>

#define SL_VEC(T) struct { T *items; size_t n, cap; }

/* Makes room for `extra` more elements of `elem` bytes; 0 or SL_ENOMEM. */
int sl_vec_grow_(void **items, size_t *cap, size_t n, size_t extra, size_t elem);

/* Room already there is found inline: a push is a compare and a store, and
 * a call only when the array grows (the call on every push was ~1% of an
 * ingest). `v` and `extra` are read twice: pass no side effects. */
#define sl_vec_reserve(v, extra)                                                                   \
    ((v)->cap - (v)->n >= (size_t)(extra)                                                          \
         ? 0                                                                                       \
         : sl_vec_grow_((void **)&(v)->items, &(v)->cap, (v)->n, (extra), sizeof *(v)->items))
#define sl_vec_push(v, value) \
    (sl_vec_reserve((v), 1) ? -1 : ((v)->items[(v)->n++] = (value), 0))
#define sl_vec_free(v) (free((v)->items), (v)->items = NULL, (v)->n = (v)->cap = 0)

#endif
