/* test_facts_lists.c — the facts stage's hashed word lists (src/facts/lists.c)
 * answer as a scan of the list would: ASCII case aside, the first of equal
 * words, nothing for a prefix or a longer word, and the same beyond the
 * number of lists the process keeps tables for. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

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

/* A list's first lookup (which makes its table), the lookups after it
 * (which find the table in its first slot or further on) and an empty
 * token (which is scanned) answer as the scan does. */
TEST(facts_lists_first_use_later_uses_and_an_empty_token)
{
    static const char *const list[] = {"ferry", "Harbour", "tide", NULL};
    static const char *const probes[] = {"TIDE", "ferry", "harbour", "tides", "quay", "Ferry", NULL};
    for (int round = 0; round < 3; round++)
        for (int k = 0; probes[k]; k++)
            CHECK_INT(find(list, probes[k]), scan_index(list, probes[k], strlen(probes[k])));
    CHECK_INT(sl_facts_list_find(list, "tide", 0, sl_facts_word_hash("", 0)), -1);
}

TEST(facts_lists_a_long_list_as_a_scan)
{
    /* a list of 600 words fills much of its table's bloom filter: every
     * word is found at its place in any case, and words of no list (which
     * the filter lets through or not) as a scan finds them */
    enum { WORDS = 600, PROBES = 3000 };
    static char words[WORDS][16];
    static const char *list[WORDS + 1];
    for (int k = 0; k < WORDS; k++) {
        snprintf(words[k], sizeof words[k], "%s%d", k % 2 ? "Word" : "term", k * 7);
        list[k] = words[k];
    }
    list[WORDS] = NULL;
    for (int k = 0; k < PROBES; k++) {
        char probe[16];
        snprintf(probe, sizeof probe, "%s%d", k % 3 ? "WORD" : "Term", k);
        int want = scan_index(list, probe, strlen(probe));
        int got = find(list, probe);
        if (got != want)
            sl_test_fail(__FILE__, __LINE__, "\"%s\": %d, a scan finds %d", probe, got, want);
    }
    CHECK_INT(find(list, "WORD7"), 1);
    CHECK_INT(find(list, "term4186"), 598);
}

/* The lists' hash is the text stage's word hash of the word with its ASCII
 * letters lowered and every other byte as it is (@ [ ` { beside the
 * letters, UTF-8's bytes), at every length its loads take apart (under
 * four bytes, four to seven, eight, and past eight, the last load
 * overlapping); and the lists find such words in either case. */
TEST(facts_lists_word_hash_lowers_ascii_letters_only)
{
    const char word[] = "@AZ[`az{\xC3\x89\x7F" "Ferry-Harbour";
    const char lowered[] = "@az[`az{\xC3\x89\x7F" "ferry-harbour";
    for (size_t n = 0; n < sizeof word; n++) {
        uint32_t want = (uint32_t)sl_swar_word_hash(lowered, n, false);
        if (sl_facts_word_hash(word, n) != want || sl_facts_word_hash(lowered, n) != want)
            sl_test_fail(__FILE__, __LINE__, "the first %zu bytes hash otherwise", n);
    }
    CHECK(sl_facts_word_hash("@", 1) != sl_facts_word_hash("`", 1));
    CHECK(sl_facts_word_hash("\xC3\x89", 2) != sl_facts_word_hash("\xC3\xA9", 2));
    static const char *const list[] = {"a", "ab", "abc", "abcd", "abcdefg", "abcdefgh",
        "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", NULL};
    for (int k = 0; list[k]; k++) {
        char upper[32];
        size_t n = strlen(list[k]);
        for (size_t b = 0; b <= n; b++)
            upper[b] = (char)(list[k][b] >= 'a' && list[k][b] <= 'z' ? list[k][b] - 32 : list[k][b]);
        CHECK_INT(find(list, upper), k);
        upper[n - 1] = 'Z'; /* the last byte, which a word's last load reads */
        CHECK_INT(find(list, upper), -1);
    }
}
