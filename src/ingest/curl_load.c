/* curl_load.c — loads libcurl (its ABI 4 soname) on the first fetch with
 * util/dynlib.h and finds the calls fetch.c makes (curl_load.h says why it
 * is not linked). */
#include <stddef.h>

#include "ingest/curl_load.h"
#include "util/dynlib.h"

static const sl_dynlib_symbol symbols[] = {
    {offsetof(sl_curl, global_init), "curl_global_init"},
    {offsetof(sl_curl, global_cleanup), "curl_global_cleanup"},
    {offsetof(sl_curl, easy_init), "curl_easy_init"},
    {offsetof(sl_curl, easy_setopt), "curl_easy_setopt"},
    {offsetof(sl_curl, easy_getinfo), "curl_easy_getinfo"},
    {offsetof(sl_curl, easy_cleanup), "curl_easy_cleanup"},
    {offsetof(sl_curl, easy_strerror), "curl_easy_strerror"},
    {offsetof(sl_curl, free), "curl_free"},
    {offsetof(sl_curl, multi_init), "curl_multi_init"},
    {offsetof(sl_curl, multi_add_handle), "curl_multi_add_handle"},
    {offsetof(sl_curl, multi_remove_handle), "curl_multi_remove_handle"},
    {offsetof(sl_curl, multi_perform), "curl_multi_perform"},
    {offsetof(sl_curl, multi_poll), "curl_multi_poll"},
    {offsetof(sl_curl, multi_info_read), "curl_multi_info_read"},
    {offsetof(sl_curl, multi_cleanup), "curl_multi_cleanup"},
    {offsetof(sl_curl, url), "curl_url"},
    {offsetof(sl_curl, url_cleanup), "curl_url_cleanup"},
    {offsetof(sl_curl, url_set), "curl_url_set"},
    {offsetof(sl_curl, url_get), "curl_url_get"},
};

static sl_curl curl;
static sl_dynlib libcurl = SL_DYNLIB("libcurl", "libcurl.so.4", symbols, &curl,
                                     "libcurl older than 7.66");

const sl_curl *sl_curl_load(const char **why)
{
    return sl_dynlib_load(&libcurl, why);
}
