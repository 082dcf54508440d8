/* dynlib.c — loads a shared library with dlopen, once a process, and finds
 * a table of its calls (dynlib.h says why: libcurl for the fetcher,
 * libmicrohttpd for `storyline serve`). */
#include <dlfcn.h>
#include <stdio.h>

#include "util/dynlib.h"

/* 0, or -1 with lib->why written. */
static int open_and_find(sl_dynlib *lib)
{
    void *handle = dlopen(lib->soname, RTLD_LAZY | RTLD_LOCAL);
    if (!handle) {
        snprintf(lib->why, sizeof lib->why, "%s could not be loaded: %s", lib->name, dlerror());
        return -1;
    }
    for (size_t k = 0; k < lib->n_symbols; k++) {
        void *fn = dlsym(handle, lib->symbols[k].name);
        if (!fn) {
            snprintf(lib->why, sizeof lib->why, "%s has no %s (%s?)", lib->soname,
                     lib->symbols[k].name, lib->too_old);
            dlclose(handle);
            return -1;
        }
        *(void **)((char *)lib->calls + lib->symbols[k].offset) = fn;
    }
    return 0;
}

const void *sl_dynlib_load(sl_dynlib *lib, const char **why)
{
    pthread_mutex_lock(&lib->lock);
    if (!lib->tried) {
        lib->loaded = open_and_find(lib) == 0;
        lib->tried = 1;
    }
    int loaded = lib->loaded;
    pthread_mutex_unlock(&lib->lock);
    *why = lib->why;
    return loaded ? lib->calls : NULL;
}
