/* dynlib.h — a shared library loaded (dlopen) when a command first needs it
 * rather than linked: a process that never fetches or serves does not pay
 * the dynamic loader for mapping and relocating libcurl or libmicrohttpd and
 * their TLS libraries at start-up (docs/benchmarks.md). Its calls land in
 * the caller's struct of typed function pointers, one symbol per member. */
#ifndef SL_UTIL_DYNLIB_H
#define SL_UTIL_DYNLIB_H

#include <pthread.h>
#include <stddef.h>

/* One call to find: its member's offset in the caller's struct, its name. */
typedef struct sl_dynlib_symbol {
    size_t offset;
    const char *name;
} sl_dynlib_symbol;

/* A library to load, a static of the file that wraps it, written as
 * SL_DYNLIB("libcurl", "libcurl.so.4", symbols, &calls, "libcurl older
 * than 7.66"): what messages call it, its soname, the calls to find, the
 * struct they land in, and what a missing call means. */
typedef struct sl_dynlib {
    const char *name;
    const char *soname;
    const sl_dynlib_symbol *symbols;
    size_t n_symbols;
    void *calls;
    const char *too_old;
    pthread_mutex_t lock;
    int tried;        /* loaded, or failed, once: never tried again */
    int loaded;
    char why[256];    /* why it failed; "" when loaded */
} sl_dynlib;

#define SL_DYNLIB(name, soname, symbols, calls, too_old)                                    \
    {(name), (soname), (symbols), sizeof(symbols) / sizeof *(symbols), (calls), (too_old), \
     PTHREAD_MUTEX_INITIALIZER, 0, 0, ""}

/* lib->calls, filled on the first call (dlopen RTLD_LAZY | RTLD_LOCAL of
 * lib->soname, then each symbol); the library stays loaded for the life of
 * the process. Lazy, as a linked library binds: the library's own calls
 * into its dependencies are bound when first made, not all at load
 * (with libxml2 loaded this way on branch lazy27, RTLD_NOW cost `extract`
 * of an HTML page 1.7 M more instructions, binding all of libxml2's and
 * ICU's). NULL when the library or one of its calls is missing, and
 * *why (lib->why) says which, e.g. "libcurl could not be loaded:
 * libcurl.so.4: cannot open shared object file: ...". Thread-safe; one
 * attempt a process. */
const void *sl_dynlib_load(sl_dynlib *lib, const char **why);

#endif
