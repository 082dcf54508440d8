/* test_hostile.c — hostile inputs meet bounded work: robots.txt patterns,
 * WARC records that lie about their length, feeds with DTDs and entities,
 * pages with NUL bytes, empty inputs. Each case runs under a time limit. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ingest/ingest.h"
#include "test.h"

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

TEST(robots_match_rules)
{
    CHECK(sl_robots_match("/", "/anything"));
    CHECK(sl_robots_match("/private", "/private/x"));
    CHECK(!sl_robots_match("/private", "/public"));
    CHECK(sl_robots_match("/*.pdf$", "/a/b.pdf"));
    CHECK(!sl_robots_match("/*.pdf$", "/a/b.pdf?x=1"));
    CHECK(sl_robots_match("/*.pdf", "/a/b.pdf?x=1"));
    CHECK(sl_robots_match("/a*b*c", "/aXbYc"));
    CHECK(sl_robots_match("/a*b*c", "/abbbcX"));
    CHECK(!sl_robots_match("/a*b*c", "/acb"));
    CHECK(sl_robots_match("/fish$", "/fish"));
    CHECK(!sl_robots_match("/fish$", "/fish/"));
    CHECK(sl_robots_match("*", ""));
    CHECK(sl_robots_match("$", ""));
    CHECK(!sl_robots_match("$", "/"));
    CHECK(sl_robots_match("/**x$", "/yyx"));
    CHECK(!sl_robots_match("/*x$", "/xy"));
}

/* "/ *a*a... (30 times) *b" against 36 letters took over 250 s with backtracking. */
TEST(robots_match_is_not_exponential)
{
    char pat[128] = "/", path[64] = "/";
    for (int i = 0; i < 30; i++)
        strcat(pat, "*a");
    strcat(pat, "*b");
    for (int i = 0; i < 36; i++)
        strcat(path, "a");
    double t = seconds();
    int hit = 0;
    for (int k = 0; k < 1000; k++)
        hit |= sl_robots_match(pat, path);
    CHECK(!hit);
    strcat(path, "b");
    CHECK(sl_robots_match(pat, path));
    CHECK(seconds() - t < 0.5);
}
