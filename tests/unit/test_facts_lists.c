/* test_facts_lists.c — the facts stage's hashed word lists (src/facts/lists.c)
 * answer as a scan of the list would: ASCII case aside, the first of equal
 * words, nothing for a prefix or a longer word, and the same beyond the
 * number of lists the process keeps tables for; and the gazetteer's scan of
 * the iso-codes files finds what jansson finds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "facts/facts.h"
#include "test.h"

/* What the extractors did before the tables: the first word equal to
 * s[0, n), ASCII case aside. */
static int scan_index(const char *const *list, const char *s, size_t n)
{
    for (int k = 0; list[k]; k++)
        if (strlen(list[k]) == n && !strncasecmp(s, list[k], n))
            return k;
    return -1;
}

static int find(const char *const *list, const char *s)
{
    return sl_facts_list_find(list, s, strlen(s), sl_facts_word_hash(s, strlen(s)));
}

TEST(facts_lists_find_as_a_scan)
{
    static const char *const list[] = {"harbour", "Said", "said", "u.s.", "\xC3\xBC" "ber",
        "km", "kmh", "per cent", "x", NULL};
    static const char *const probes[] = {"harbour", "HARBOUR", "Harbour", "harbou", "harbours",
        "said", "SAID", "sAiD", "u.s.", "U.S.", "us", "\xC3\xBC" "ber", "\xC3\x9C" "BER", "KM",
        "kmh", "kmhs", "per cent", "PER CENT", "per", "x", "X", "y", "", NULL};
    for (int k = 0; probes[k]; k++) {
        if (!*probes[k])
            continue; /* tokens are never empty */
        int want = scan_index(list, probes[k], strlen(probes[k]));
        int got = find(list, probes[k]);
        if (got != want)
            sl_test_fail(__FILE__, __LINE__, "\"%s\": %d, a scan finds %d", probes[k], got, want);
    }
    CHECK_INT(find(list, "SAID"), 1); /* the first of "Said" and "said" */
    CHECK_INT(find(list, "\xC3\x9C" "BER"), -1); /* only ASCII is folded */
    CHECK_INT(sl_facts_word_hash("Harbour", 7), sl_facts_word_hash("hARBOUR", 7));
}

TEST(facts_lists_more_lists_than_tables)
{
    /* more lists than the process keeps tables for (256): the rest are scanned */
    enum { LISTS = 400 };
    static char words[LISTS][16];
    static const char *lists[LISTS][4];
    for (int k = 0; k < LISTS; k++) {
        snprintf(words[k], sizeof words[k], "w%d", k);
        lists[k][0] = "first";
        lists[k][1] = words[k];
        lists[k][2] = "last";
        lists[k][3] = NULL;
    }
    for (int round = 0; round < 2; round++)
        for (int k = 0; k < LISTS; k++) {
            char other[16];
            snprintf(other, sizeof other, "w%d", (k + 1) % LISTS);
            CHECK_INT(find(lists[k], words[k]), 1);
            CHECK_INT(find(lists[k], "LAST"), 2);
            CHECK_INT(find(lists[k], other), -1);
        }
}

static int by_value(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The gazetteer's scan of an iso-codes file finds the names jansson does
 * (as a set with repeats: the gazetteer sorts them). */
static void check_places_file(const char *file, const char *key)
{
    sl_place_hashes scanned = {0}, parsed = {0};
    CHECK_INT(sl_facts_places_read(file, key, false, &scanned), 0);
    CHECK_INT(sl_facts_places_read(file, key, true, &parsed), 0);
    CHECK_INT(scanned.n, parsed.n);
    if (scanned.n)
        qsort(scanned.items, scanned.n, sizeof *scanned.items, by_value);
    if (parsed.n)
        qsort(parsed.items, parsed.n, sizeof *parsed.items, by_value);
    for (size_t k = 0; k < scanned.n && k < parsed.n; k++)
        if (scanned.items[k] != parsed.items[k]) {
            sl_test_fail(__FILE__, __LINE__, "%s: name %zu differs", file, k);
            break;
        }
    free(scanned.items);
    free(parsed.items);
}

TEST(facts_places_scan_as_jansson)
{
    /* the package's files (Debian iso-codes), when installed */
    static const char *const files[][2] = {
        {"/usr/share/iso-codes/json/iso_3166-1.json", "3166-1"},
        {"/usr/share/iso-codes/json/iso_3166-2.json", "3166-2"}};
    for (size_t k = 0; k < 2; k++)
        if (!access(files[k][0], R_OK))
            check_places_file(files[k][0], files[k][1]);
    /* our own file: members in any order, a nested object, a name that is
     * no string, another array, a value holding braces and a colon */
    char path[] = "/tmp/sl_places_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("{\n  \"other\": [{\"name\": \"Not Here\"}],\n  \"3166-9\": [\n"
          "    {\"code\": \"XA-1\", \"name\": \"Harbour Vale\", \"type\": \"Region\"},\n"
          "    {\"common_name\":\"Upper Marsh\" , \"name\" : \"Upper Marsh Province\"},\n"
          "    {\"name\": 12, \"parent\": {\"name\": \"Nested\"}, \"note\": \"a {b: c]\"},\n"
          "    {\"name\": \"\", \"common_name\": \"\xC3\x85sby\"}\n  ],\n"
          "  \"after\": {\"name\": \"Nor This\"}\n}\n", f);
    fclose(f);
    check_places_file(path, "3166-9");
    sl_place_hashes scanned = {0};
    CHECK_INT(sl_facts_places_read(path, "3166-9", false, &scanned), 0);
    CHECK_INT(scanned.n, 4); /* Harbour Vale, Upper Marsh (both), Åsby */
    free(scanned.items);
    /* an escaped character: jansson reads the file */
    f = fopen(path, "w");
    fputs("{\"3166-9\": [{\"name\": \"Cap \\\"Nord\\\"\"}]}", f);
    fclose(f);
    check_places_file(path, "3166-9");
    unlink(path);
}
