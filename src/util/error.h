/* error.h — the error codes of util/ (buffers, vectors, the JSON writer,
 * the gzip reader). util sits below the public header, so it names its own
 * codes; each equals the public SL_E* code of the same name (checked at
 * compile time in src/engine/engine.c), so a buffer's sticky error passes
 * up unchanged. */
#ifndef SL_UTIL_ERROR_H
#define SL_UTIL_ERROR_H

enum sl_util_error {
    SL_UTIL_ENOMEM = -1,    /* SL_ENOMEM */
    SL_UTIL_EIO = -2,       /* SL_EIO */
    SL_UTIL_EBADINPUT = -3, /* SL_EBADINPUT */
    SL_UTIL_ETOOLARGE = -5, /* SL_ETOOLARGE */
    SL_UTIL_EUSAGE = -7,    /* SL_EUSAGE */
};

/* SL_UTIL_ETOOLARGE as every reader of a whole input says it (a printf
 * format; its argument the cap in MB, `cap >> 20`, a size_t). */
#define SL_OVER_CAP_FMT "larger than the %zu MB cap"

#endif
