/* test_hostile.c — hostile inputs meet bounded work: robots.txt patterns,
 * WARC records that lie about their length, feeds with DTDs and entities,
 * pages with NUL bytes, empty inputs. Each case runs under a time limit. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "test.h"

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
    double t = sl_test_cpu_seconds();
    int hit = 0;
    for (int k = 0; k < 1000; k++)
        hit |= sl_robots_match(pat, path);
    CHECK(!hit);
    strcat(path, "b");
    CHECK(sl_robots_match(pat, path));
    CHECK(sl_test_cpu_seconds() - t < 0.5);
}

/* The CPU seconds sl_facts_extract takes on text (best of two runs), each
 * run checked to find something. */
static double facts_seconds(const char *text, size_t len)
{
    double best = 1e9;
    for (int run = 0; run < 2; run++) {
        sl_fact_items *items = NULL;
        double t = sl_test_cpu_seconds();
        CHECK_INT(sl_facts_extract(text, len, NULL, &items), 0);
        t = sl_test_cpu_seconds() - t;
        best = t < best ? t : best;
        CHECK(items && items->n > 0);
        sl_fact_items_free(items);
    }
    return best;
}

/* One paragraph of `n` quotations without attribution, as the facts stage
 * sees it; returns the seconds sl_facts_extract took (best of two runs). */
static double quotes_paragraph_seconds(size_t n)
{
    static const char piece[] = " and \"the harbour opens in spring for boats\" then";
    size_t len = 0, cap = 64 + n * sizeof piece;
    char *text = malloc(cap);
    len += (size_t)snprintf(text, cap, "Officials met on Monday in the town hall.");
    for (size_t i = 0; i < n; i++, len += sizeof piece - 1)
        memcpy(text + len, piece, sizeof piece);
    double best = facts_seconds(text, len);
    free(text);
    return best;
}

/* before_quote scanned back to the paragraph's start for every quote:
 * four times the quotes took sixteen times as long (8,000: 1.8 s at -O2). */
TEST(quotes_long_paragraph_is_linear)
{
    double small = quotes_paragraph_seconds(2000), big = quotes_paragraph_seconds(8000);
    if (big > 8 * small + 0.05)
        sl_test_fail(__FILE__, __LINE__, "2,000 quotes %.3f s, 8,000 quotes %.3f s: not linear", small, big);
}

/* A text of `n` sentences repeating `piece` after `opening`, as the facts
 * stage sees it; returns the seconds sl_facts_extract took (best of two). */
static double repeated_text_seconds(const char *opening, const char *piece, size_t n)
{
    size_t len = strlen(opening), plen = strlen(piece), cap = len + n * plen + 1;
    char *text = malloc(cap);
    memcpy(text, opening, len);
    for (size_t i = 0; i < n; i++, len += plen)
        memcpy(text + len, piece, plen);
    text[len] = '\0';
    double best = facts_seconds(text, len);
    free(text);
    return best;
}

/* Each mention of a chain asked entity_chains.c whether the chain's
 * mentions say a person's ("Kestrel Trust said he"), and each answer read
 * the chain, its pronouns' checks every name before them: four times the
 * mentions took sixteen times as long (30,000: 27 s; 40,000 after a person
 * named first: 46 s at -O2). The third text is one sentence, where the
 * check must stop at the first other person's name, as before. */
TEST(facts_name_chain_of_many_mentions_is_linear)
{
    static const char *const cases[][2] = {
        {"", "Kestrel Trust said he left. "},
        {"Bo Lee met Ann Trust. ", "Ann Trust said he left. "},
        {"Bo Lee and Ann Trust said he and ", "Ann Trust said he and "}, /* one sentence */
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        double small = repeated_text_seconds(cases[c][0], cases[c][1], 2000),
               big = repeated_text_seconds(cases[c][0], cases[c][1], 8000);
        if (big > 8 * small + 0.05)
            sl_test_fail(__FILE__, __LINE__, "%s: 2,000 mentions %.3f s, 8,000 %.3f s: not linear",
                         cases[c][1], small, big);
    }
}

/* A text of `n` sentences "Xxxxx Trust said he left.", each of a given
 * name of its own: as many chains as sentences; the seconds sl_facts_extract
 * took (best of two). */
static double distinct_chains_seconds(size_t n)
{
    static const char cons[] = "bdfgklmnprstvz", vow[] = "aeiou";
    static const char piece[] = " Trust said he left. ";
    char *text = malloc(n * (5 + sizeof piece) + 1);
    size_t len = 0;
    for (size_t i = 0, v = 0; i < n; i++, v = i) {
        char w[6];
        for (int c = 0; c < 5; c++, v /= (c % 2 ? 14 : 5)) /* consonant, vowel, ...: CVCVC */
            w[c] = c % 2 ? vow[v % 5] : cons[v % 14];
        w[0] = (char)(w[0] - 'a' + 'A');
        memcpy(text + len, w, 5);
        memcpy(text + len + 5, piece, sizeof piece - 1);
        len += 5 + sizeof piece - 1;
    }
    text[len] = '\0';
    double best = facts_seconds(text, len);
    free(text);
    return best;
}

/* Each chain's answer read every name of the text: as many chains as names
 * made it quadratic (40,000 chains in 1 MB: 9.2 s at -O2, main 0.13 s). */
TEST(facts_many_name_chains_are_linear)
{
    double small = distinct_chains_seconds(2500), big = distinct_chains_seconds(10000);
    if (big > 8 * small + 0.05)
        sl_test_fail(__FILE__, __LINE__, "2,500 chains %.3f s, 10,000 %.3f s: not linear", small, big);
}

static const char RSS091[] =
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
    "  \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
    "<rss version=\"0.91\"><channel><title>Larkmouth Courier</title>\n"
    "<link>http://courier.invalid/</link><description>Town news</description>\n"
    "<item><title>Ferry returns to the north quay</title><link>http://courier.invalid/ferry</link>\n"
    "<description>The ferry is back.</description></item>\n"
    "<item><title>Library opens late</title><link>http://courier.invalid/library</link></item>\n"
    "</channel></rss>\n";

/* The RSS 0.91 doctype made the feed an HTML page titled with the channel. */
TEST(feed_with_doctype_is_a_feed)
{
    CHECK_INT(sl_format_detect(RSS091, strlen(RSS091)), SL_FORMAT_FEED);
    static const char subset[] = "<?xml version=\"1.0\"?><!DOCTYPE rss [ <!ELEMENT rss ANY> ]><rss><channel>"
                                 "<title>T</title><item><title>A</title><link>http://x.invalid/</link></item>"
                                 "<item><title>B</title></item></channel></rss>";
    CHECK_INT(sl_format_detect(subset, strlen(subset)), SL_FORMAT_FEED);
    static const char page[] = "<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>";
    CHECK_INT(sl_format_detect(page, strlen(page)), SL_FORMAT_HTML);
    sl_feed_items items;
    sl_buf why = SL_BUF_INIT;
    CHECK_INT(sl_feed_parse(RSS091, strlen(RSS091), &items, &why), 0);
    CHECK_INT(items.n, 2);
    CHECK_STR(items.n ? items.items[0].title : NULL, "Ferry returns to the north quay");
    CHECK_STR(items.n ? items.items[0].link : NULL, "http://courier.invalid/ferry");
    sl_feed_items_free(&items);
    sl_buf_free(&why);
}

/* One 4 KB entity referenced 50,000 times in a 200 KB file took 18.6 s and
 * 3.9 GB; nested entities (billion laughs) grow exponentially. */
TEST(feed_entities_are_refused)
{
    sl_buf feed = SL_BUF_INIT;
    sl_buf_puts(&feed, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY big \"");
    for (int i = 0; i < 4000; i++)
        sl_buf_putc(&feed, 'x');
    sl_buf_puts(&feed, "\">]>\n<rss><channel><title>T</title><item><title>A</title><description>");
    for (int i = 0; i < 40000; i++)
        sl_buf_puts(&feed, "&big;");
    sl_buf_puts(&feed, "</description></item></channel></rss>\n");
    sl_feed_items items;
    sl_buf why = SL_BUF_INIT;
    double t = sl_test_cpu_seconds();
    CHECK_INT(sl_feed_parse(feed.ptr, feed.len, &items, &why), SL_EBADINPUT);
    CHECK(strstr(sl_buf_cstr(&why), "entity") != NULL);
    static const char laughs[] =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">"
        "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;\">]>"
        "<rss><channel><item><title>&f;&f;&f;&f;&f;&f;&f;&f;</title></item></channel></rss>";
    sl_buf_clear(&why);
    CHECK_INT(sl_feed_parse(laughs, strlen(laughs), &items, &why), SL_EBADINPUT);
    CHECK(strstr(sl_buf_cstr(&why), "entity") != NULL);
    CHECK(sl_test_cpu_seconds() - t < 1.0);
    sl_buf_free(&feed);
    sl_buf_free(&why);
}

/* Whether the fetcher refuses `text` (an IPv4 or IPv6 address). */
static int refused(const char *text)
{
    struct sockaddr_in in4 = {.sin_family = AF_INET};
    struct sockaddr_in6 in6 = {.sin6_family = AF_INET6};
    char why[160];
    if (inet_pton(AF_INET, text, &in4.sin_addr) == 1)
        return sl_address_refused((struct sockaddr *)&in4, why, sizeof why);
    if (inet_pton(AF_INET6, text, &in6.sin6_addr) == 1)
        return sl_address_refused((struct sockaddr *)&in6, why, sizeof why);
    sl_test_fail(__FILE__, __LINE__, "not an address: %s", text);
    return -1;
}

TEST(fetch_refuses_private_addresses)
{
    static const char *const refuse[] = {"127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.254",
                                         "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1",
                                         "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "::ffff:127.0.0.1",
                                         "::ffff:169.254.169.254", "ff02::1"};
    static const char *const allow[] = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "172.15.255.255", "192.169.0.1",
                                        "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"};
    for (size_t i = 0; i < sizeof refuse / sizeof *refuse; i++)
        if (refused(refuse[i]) != 1)
            sl_test_fail(__FILE__, __LINE__, "%s should be refused", refuse[i]);
    for (size_t i = 0; i < sizeof allow / sizeof *allow; i++)
        if (refused(allow[i]) != 0)
            sl_test_fail(__FILE__, __LINE__, "%s should be allowed", allow[i]);
    struct sockaddr_in meta = {.sin_family = AF_INET};
    inet_pton(AF_INET, "169.254.169.254", &meta.sin_addr);
    char why[160] = "";
    sl_address_refused((struct sockaddr *)&meta, why, sizeof why);
    CHECK(strstr(why, "169.254.169.254") && strstr(why, "metadata"));
}
