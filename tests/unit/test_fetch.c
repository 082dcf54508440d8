/* test_fetch.c — the fetcher's parts that need no network: libcurl,
 * loaded on the first fetch (src/ingest/curl_load.h), is found whole and
 * once, and its calls work through the loaded table. */
#include <string.h>

#include "ingest/curl_load.h"
#include "test.h"

TEST(curl_loaded_once_and_whole)
{
    const char *why = NULL;
    const sl_curl *c = sl_curl_load(&why);
    CHECK(c != NULL);
    CHECK(why != NULL && why[0] == '\0');
    const char *again_why = NULL;
    CHECK(sl_curl_load(&again_why) == c);
    const void *const *call = (const void *const *)c;
    for (size_t k = 0; c && k < sizeof *c / sizeof *call; k++)
        CHECK(call[k] != NULL);
}

TEST(curl_calls_work_through_the_table)
{
    const char *why;
    const sl_curl *c = sl_curl_load(&why);
    CHECK(c != NULL);
    if (!c)
        return;
    CURLU *u = c->url();
    char *host = NULL;
    CHECK(u != NULL);
    CHECK(c->url_set(u, CURLUPART_URL, "https://news.example.org:8443/weir?x=1", 0) == CURLUE_OK);
    CHECK(c->url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK);
    CHECK(host && !strcmp(host, "news.example.org"));
    c->free(host);
    c->url_cleanup(u);
    CHECK(c->easy_strerror(CURLE_OPERATION_TIMEDOUT)[0] != '\0');
}
