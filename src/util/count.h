/* count.h — the number of elements of an array whose size the compiler
 * knows (a static table), for every layer that walks one. */
#ifndef SL_UTIL_COUNT_H
#define SL_UTIL_COUNT_H

#define SL_COUNT(a) (sizeof(a) / sizeof *(a))

#endif
