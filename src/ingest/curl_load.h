/* curl_load.h — libcurl, loaded (util/dynlib.h) on the first fetch rather than
 * linked: a process that fetches nothing (an ingest of files, a query)
 * does not pay the dynamic loader's ~13 M instructions for relocating
 * libcurl and its TLS, Kerberos, LDAP and HTTP/2 libraries. */
#ifndef SL_INGEST_CURL_LOAD_H
#define SL_INGEST_CURL_LOAD_H

#include <curl/curl.h>

/* The libcurl calls fetch.c makes, typed as curl.h declares them. */
typedef struct sl_curl {
    __typeof__(curl_global_init) *global_init;
    __typeof__(curl_global_cleanup) *global_cleanup;
    __typeof__(curl_easy_init) *easy_init;
    __typeof__(curl_easy_setopt) *easy_setopt;
    __typeof__(curl_easy_getinfo) *easy_getinfo;
    __typeof__(curl_easy_cleanup) *easy_cleanup;
    __typeof__(curl_easy_strerror) *easy_strerror;
    __typeof__(curl_free) *free;
    __typeof__(curl_multi_init) *multi_init;
    __typeof__(curl_multi_add_handle) *multi_add_handle;
    __typeof__(curl_multi_remove_handle) *multi_remove_handle;
    __typeof__(curl_multi_perform) *multi_perform;
    __typeof__(curl_multi_poll) *multi_poll;
    __typeof__(curl_multi_info_read) *multi_info_read;
    __typeof__(curl_multi_cleanup) *multi_cleanup;
    __typeof__(curl_url) *url;
    __typeof__(curl_url_cleanup) *url_cleanup;
    __typeof__(curl_url_set) *url_set;
    __typeof__(curl_url_get) *url_get;
} sl_curl;

/* libcurl's calls, loaded once a process (thread-safe); the library stays
 * loaded. NULL when it cannot be loaded, and *why (static) says why. */
const sl_curl *sl_curl_load(const char **why);

#endif
