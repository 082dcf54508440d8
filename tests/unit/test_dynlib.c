/* test_dynlib.c — a library loaded on first use (src/util/dynlib.h, which
 * the fetcher's libcurl and the server's libmicrohttpd go through): its
 * calls land in the caller's table and work; a missing library or call is
 * told by name, and tried once a process. */
#include <stddef.h>
#include <string.h>

#include "test.h"
#include "util/dynlib.h"

typedef struct libc_calls {
    __typeof__(strlen) *length;
    __typeof__(strchr) *find;
} libc_calls;

static const sl_dynlib_symbol libc_symbols[] = {
    {offsetof(libc_calls, length), "strlen"},
    {offsetof(libc_calls, find), "strchr"},
};

static const sl_dynlib_symbol missing_symbols[] = {
    {offsetof(libc_calls, length), "strlen"},
    {offsetof(libc_calls, find), "sl_no_such_call"},
};

TEST(dynlib_fills_the_table_once)
{
    static libc_calls calls;
    static sl_dynlib libc = SL_DYNLIB("libc", "libc.so.6", libc_symbols, &calls, "an old libc");
    const char *why = NULL;
    const libc_calls *c = sl_dynlib_load(&libc, &why);
    CHECK(c == &calls);
    CHECK_STR(why, "");
    CHECK(c && c->length("weir") == 4);
    CHECK(c && c->find("weir", 'i') != NULL);
    const char *again_why = NULL;
    CHECK(sl_dynlib_load(&libc, &again_why) == c);
    CHECK_STR(again_why, "");
}

TEST(dynlib_missing_library_is_named)
{
    static libc_calls calls;
    static sl_dynlib absent = SL_DYNLIB("libabsent", "libsl-absent-test.so.9", libc_symbols,
                                        &calls, "an old libabsent");
    const char *why = NULL;
    CHECK(sl_dynlib_load(&absent, &why) == NULL);
    CHECK(why && !strncmp(why, "libabsent could not be loaded: ", 31));
    CHECK(why && strstr(why, "libsl-absent-test.so.9") != NULL);
    CHECK(calls.length == NULL && calls.find == NULL);
    /* One attempt a process: the same answer, not a second dlopen. */
    const char *again_why = NULL;
    CHECK(sl_dynlib_load(&absent, &again_why) == NULL);
    CHECK(again_why == why);
}

TEST(dynlib_missing_call_is_named)
{
    static libc_calls calls;
    static sl_dynlib old = SL_DYNLIB("libc", "libc.so.6", missing_symbols, &calls, "an old libc");
    const char *why = NULL;
    CHECK(sl_dynlib_load(&old, &why) == NULL);
    CHECK_STR(why, "libc.so.6 has no sl_no_such_call (an old libc?)");
}
