/* test_text_scans.c — unit tests of the text stage's fast paths (2026-12-06,
 * branch text3): the eight-bytes-at-a-time tests of swar.h against their
 * byte-by-byte definitions, and the scans and lookups built on them
 * (normalisation, stop words, the stem memo, the end of a word, the
 * one-byte stemmers of ASCII words) at every
 * place of an eight-byte word; the sentence ends: test_sentences.c. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libstemmer.h>
#include <utf8proc.h>

#include "test.h"
#include "text/stem_memo.h"
#include "text/stopword_slots.h"
#include "text/swar.h"
#include "text/text.h"
#include "util/alloc.h"
#include "util/sorted_words.h"

/* Bytes at the edges of every range swar.h tests: controls, space, the
 * sentence ends, letters' bounds, DEL, continuation and lead bytes. */
static const unsigned char edge_bytes[] = {
    0x00, 0x01, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x27, 0x2D, 0x2E, 0x3F, 0x40, 0x41, 0x5A, 0x5B,
    0x60, 0x61, 0x7A, 0x7B, 0x7E, 0x7F, 0x80, 0x81, 0xA0, 0xC1, 0xC2, 0xDF, 0xE1, 0xE2, 0xE3, 0xFF,
};
#define EDGES (sizeof edge_bytes / sizeof *edge_bytes)

static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1103515245u + 12345u;
    return *state >> 8;
}

TEST(swar_tests_are_their_bytes_tests)
{
    uint32_t state = 7;
    for (int round = 0; round < 20000; round++) {
        unsigned char b[8], lowered[8];
        for (int k = 0; k < 8; k++)
            b[k] = round % 3 ? edge_bytes[next_random(&state) % EDGES] : (unsigned char)next_random(&state);
        uint64_t w = sl_swar_load(b), eq = sl_swar_eq(w, ' '), high = sl_swar_at_least(w, 0xE2);
        bool printable = true, has_dot = false;
        for (int k = 0; k < 8; k++) {
            printable = printable && b[k] >= 0x20 && b[k] <= 0x7E;
            has_dot = has_dot || b[k] == '.';
            unsigned char one[8] = {0};
            one[k] = 0x80;
            uint64_t flag = sl_swar_load(one);
            CHECK_INT((eq & flag) != 0, b[k] == ' ');
            CHECK_INT((high & flag) != 0, b[k] >= 0xE2);
            lowered[k] = b[k] >= 'A' && b[k] <= 'Z' ? b[k] | 0x20 : b[k];
        }
        CHECK_INT(sl_swar_printable(w), printable);
        CHECK_INT(sl_swar_has(w, '.'), has_dot);
        CHECK_INT(eq & ~SL_SWAR_HIGHS, 0);
        CHECK(sl_swar_ascii_lower(w) == sl_swar_load(lowered));
    }
}

/* Two spaces, a space before a line break or a tab at every place of an
 * eight-byte word inside a run of words, and of a sixteen-byte block
 * (branch dedup9: pads to 40): each rule still holds; so do runs of
 * spaces and tabs around line breaks. */
TEST(normalize_spaces_at_every_place)
{
    static const char *const gaps[][2] = {
        {"  ", " "}, {" \n", "\n"}, {"\t", " "}, {" \t ", " "}, {"\xEF\xAC\x81", "fi"}, {" \xC2\xA0", " "},
        /* runs of spaces and tabs, one put_space each (branch dedup28) */
        {"   \t\t   ", " "}, {"  \t \n  \t ", "\n"}, {" \t\r\n\t", "\n"}, {"\t  \n\n   ", "\n\n"}};
    for (size_t g = 0; g < sizeof gaps / sizeof *gaps; g++) {
        for (size_t pad = 0; pad < 40; pad++) {
            char word[48], in[128], want[128];
            memset(word, 'k', pad);
            word[pad] = '\0';
            snprintf(in, sizeof in, "Fen marsh%s%slow tide rises", word, gaps[g][0]);
            snprintf(want, sizeof want, "Fen marsh%s%slow tide rises", word, gaps[g][1]);
            sl_buf out = SL_BUF_INIT;
            CHECK_INT(sl_text_normalize(in, strlen(in), &out), 0);
            CHECK_STR(sl_buf_cstr(&out), want);
            sl_buf_free(&out);
        }
    }
}

/* sl_stopword_langs_ascii is sl_stopword_langs of the word lowered, for
 * words of every length up to past the longest entry and in any case. */
TEST(stopwords_ascii_lookup_is_the_lowered_lookup)
{
    static const char *const words[] = {
        "a", "I", "An", "THE", "tHe", "Und", "zwischen", "ZWISCHEN", "Although", "anything",
        "Anyone", "wouldn't", "WOULDN'T", "Government", "Tarn", "quays", "BETWEENNESS",
        "abcdefghijklmnop", "abcdefghijklmnopq", "Del", "DELLA", "Les", "het", "zebra",
    };
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        char lower[32];
        size_t len = strlen(words[k]);
        for (size_t j = 0; j <= len; j++)
            lower[j] = (char)(words[k][j] >= 'A' && words[k][j] <= 'Z' ? words[k][j] | 0x20 : words[k][j]);
        CHECK_INT(sl_stopword_langs_ascii(words[k], len), sl_stopword_langs(lower, len));
    }
    CHECK(sl_stopword_langs_ascii("THE", 3) != 0);
    CHECK(sl_stopword_langs_ascii("Zwischen", 8) != 0);
    CHECK_INT(sl_stopword_langs_ascii("Tarn", 4), 0);
}

/* sl_swar_ascii_letters marks exactly the bytes sl_ascii_letter takes, for
 * every byte value at every place among neighbours of every kind, and
 * sl_swar_first finds the first byte marked, in memory order. */
TEST(swar_ascii_letters_are_the_bytewise_test)
{
    static const unsigned char neighbours[] = {'a', 'Z', '@', '[', '`', '{', 0x00, 0x7F, 0x80, 0xC1, 0xDA, 0xFF};
    for (unsigned c = 0; c < 256; c++)
        for (size_t at = 0; at < 8; at++)
            for (size_t n = 0; n < sizeof neighbours; n++) {
                unsigned char bytes[8];
                memset(bytes, neighbours[n], sizeof bytes);
                bytes[at] = (unsigned char)c;
                uint64_t marks = sl_swar_ascii_letters(sl_swar_load(bytes));
                size_t first = 8;
                for (size_t k = 0; k < 8; k++) {
                    unsigned char mark;
                    memcpy(&mark, (const char *)&marks + k, 1);
                    CHECK_INT(mark, sl_ascii_letter((char)bytes[k]) ? 0x80 : 0);
                    if (mark && first == 8)
                        first = k;
                }
                if (marks)
                    CHECK_INT(sl_swar_first(marks), first);
            }
}

/* A stop word of each length from 1 to 10 is found, and with any one of
 * its bytes made '#' (no word has it) it is not: the slot's hash and length
 * tell a short word, the bytes a long one, and neither lets a near word in. */
TEST(stopwords_found_and_near_words_not)
{
    static const char *const words[] = {"a", "de", "the", "with", "about", "before",
                                        "because", "although", "zwischen", "themselves"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        char word[16];
        size_t len = strlen(words[k]);
        CHECK(sl_stopword_langs(words[k], len) != 0);
        for (size_t at = 0; at < len; at++) {
            memcpy(word, words[k], len);
            CHECK_INT(sl_stopword_langs_ascii(word, len), sl_stopword_langs(words[k], len));
            word[at] = (char)(word[at] - 'a' + 'A');   /* a capital is the same word to the ASCII lookup */
            CHECK_INT(sl_stopword_langs_ascii(word, len), sl_stopword_langs(words[k], len));
            CHECK_INT(sl_stopword_langs(word, len), 0);
            word[at] = '#';
            CHECK_INT(sl_stopword_langs(word, len), 0);
            CHECK_INT(sl_stopword_langs_ascii(word, len), 0);
        }
    }
}

/* Words of every length that differ in one byte, at every place, are
 * kept apart and found again. */
TEST(stem_memo_words_differing_at_every_place)
{
    sl_stem_memo *m = sl_stem_memo_new();
    CHECK(m != NULL);
    if (!m)
        return;
    char word[40], stem[8];
    for (size_t len = 1; len <= 24; len++) {
        for (size_t at = 0; at < len; at++) {
            memset(word, 'q', len);
            word[at] = 'r';
            snprintf(stem, sizeof stem, "%zu.%zu", len, at);
            sl_stem_memo_put(m, word, len, stem, strlen(stem));
        }
    }
    for (size_t len = 1; len <= 24; len++) {
        for (size_t at = 0; at < len; at++) {
            memset(word, 'q', len);
            word[at] = 'r';
            snprintf(stem, sizeof stem, "%zu.%zu", len, at);
            size_t stem_len = 0;
            const char *got = sl_stem_memo_get(m, word, len, &stem_len);
            CHECK(got && stem_len == strlen(stem) && !memcmp(got, stem, stem_len));
        }
        memset(word, 'q', len);
        size_t stem_len;
        CHECK(sl_stem_memo_get(m, word, len, &stem_len) == NULL);
    }
    sl_stem_memo_free(m);
}

/* A word under eight bytes is told by its hash, so the memo keeps only
 * its stem (and the stem's length); a longer word's bytes are kept to be
 * compared. Both are found again, and a word of the same bytes but one
 * shorter is not. */
TEST(stem_memo_keeps_bytes_only_of_words_its_hash_cannot_tell)
{
    sl_stem_memo *m = sl_stem_memo_new();
    CHECK(m != NULL);
    if (!m)
        return;
    sl_stem_memo_put(m, "walked", 6, "walk", 4);
    CHECK_INT(m->bytes.len, 1 + 4);
    sl_stem_memo_put(m, "sleepwalkers", 12, "sleepwalk", 9);
    CHECK_INT(m->bytes.len, 1 + 4 + 12 + 1 + 9);
    size_t stem_len = 0;
    const char *got = sl_stem_memo_get(m, "walked", 6, &stem_len);
    CHECK(got && stem_len == 4 && !memcmp(got, "walk", 4));
    got = sl_stem_memo_get(m, "sleepwalkers", 12, &stem_len);
    CHECK(got && stem_len == 9 && !memcmp(got, "sleepwalk", 9));
    CHECK(sl_stem_memo_get(m, "walke", 5, &stem_len) == NULL);
    CHECK(sl_stem_memo_get(m, "sleepwalker", 11, &stem_len) == NULL);
    sl_stem_memo_free(m);
}

/* A memo two stages share keeps one entry a word: the second stage's part
 * is written into the first's entry (one slot, no more bytes), each part
 * is told apart, and a part never put is unknown. */
TEST(word_memo_keeps_both_stages_parts_in_one_entry)
{
    sl_stem_memo *m = sl_stem_memo_new();
    CHECK(m != NULL);
    if (!m)
        return;
    char term[SL_WORD_PART] = "12345678", chrome[SL_WORD_PART] = "abcdefgh";
    char *entry = NULL;
    CHECK(sl_word_memo_part(m, "lighthouses", 11, SL_WORD_TERM, &entry) == NULL);
    CHECK(entry == NULL);
    sl_word_memo_put_part(m, entry, "lighthouses", 11, SL_WORD_CHROME, chrome);
    size_t bytes = m->bytes.len;
    CHECK_INT(m->n, 1);
    CHECK(sl_word_memo_part(m, "lighthouses", 11, SL_WORD_TERM, &entry) == NULL);
    CHECK(entry != NULL);
    sl_word_memo_put_part(m, entry, "lighthouses", 11, SL_WORD_TERM, term);
    CHECK_INT(m->n, 1);
    CHECK_INT(m->bytes.len, bytes);
    const char *got = sl_word_memo_part(m, "lighthouses", 11, SL_WORD_TERM, &entry);
    CHECK(got && !memcmp(got, term, SL_WORD_PART));
    got = sl_word_memo_part(m, "lighthouses", 11, SL_WORD_CHROME, &entry);
    CHECK(got && !memcmp(got, chrome, SL_WORD_PART));
    CHECK(sl_word_memo_part(m, "lighthouse", 10, SL_WORD_CHROME, &entry) == NULL);
    CHECK(entry == NULL);
    sl_stem_memo_free(m);
}

/* The memo's table doubles as it fills and keeps its entries: 3,000
 * words are all found again from a table of 8,192 slots (half full at
 * most, grown from 1,024), where a memo that starts again empty would have
 * lost the first 512. */
TEST(stem_memo_keeps_words_through_growth)
{
    sl_stem_memo *m = sl_stem_memo_new();
    CHECK(m != NULL);
    if (!m)
        return;
    char word[16], stem[16];
    for (int k = 0; k < 3000; k++) {
        snprintf(word, sizeof word, "w%d", k);
        snprintf(stem, sizeof stem, "s%d", k);
        sl_stem_memo_put(m, word, strlen(word), stem, strlen(stem));
    }
    CHECK_INT(m->n, 3000);
    CHECK_INT(m->cap, 8192);
    for (int k = 0; k < 3000; k++) {
        snprintf(word, sizeof word, "w%d", k);
        snprintf(stem, sizeof stem, "s%d", k);
        size_t stem_len = 0;
        const char *got = sl_stem_memo_get(m, word, strlen(word), &stem_len);
        CHECK(got && stem_len == strlen(stem) && !memcmp(got, stem, stem_len));
    }
    sl_stem_memo_free(m);
}

/* A growth that runs out of memory empties the memo in its table, and
 * stemming goes on: the next word is remembered. */
TEST(stem_memo_growth_out_of_memory)
{
    sl_stem_memo *m = sl_stem_memo_new();
    CHECK(m != NULL);
    if (!m)
        return;
    char word[16];
    for (int k = 0; k < 512; k++) {
        snprintf(word, sizeof word, "w%d", k);
        sl_stem_memo_put(m, word, strlen(word), "s", 1);
    }
    CHECK_INT(m->n, 512);
    sl_alloc_fail_nth(1);
    sl_stem_memo_put(m, "next", 4, "n", 1);
    sl_alloc_fail_nth(0);
    CHECK_INT(m->cap, 1024);
    CHECK_INT(m->n, 1);
    size_t stem_len = 0;
    CHECK(sl_stem_memo_get(m, "w0", 2, &stem_len) == NULL);
    CHECK(sl_stem_memo_get(m, "next", 4, &stem_len) != NULL && stem_len == 1);
    sl_stem_memo_free(m);
}

/* A word followed by each ASCII byte: it ends there unless the byte is a
 * letter, a digit, or an apostrophe or hyphen before a letter. */
TEST(tokens_word_end_at_every_ascii_byte)
{
    for (int c = 0x20; c < 0x7F; c++) {
        char text[8] = {'f', 'e', 'n', (char)c, 'r', 'y', '\0'};
        sl_token_vec toks = {0};
        CHECK_INT(sl_tokenize(text, 6, NULL, &toks), 0);
        bool inside = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '\'' || c == '-';
        size_t want_first_end = inside ? 6 : 3;
        size_t want_tokens = inside ? 1 : c == ' ' ? 2 : 3;
        CHECK_INT(toks.n, want_tokens);
        if (toks.n)
            CHECK_INT(toks.items[0].end, want_first_end);
        sl_vec_free(&toks);
    }
    /* at the text's end, and before a letter or an apostrophe past ASCII */
    static const struct {
        const char *text;
        size_t first_end;
    } past[] = {{"Fen", 3}, {"fen\xC3\xA9ry", 7}, {"fen\xE2\x80\x99s", 7}, {"fen\xE2\x80\x94ry", 3}};
    for (size_t k = 0; k < sizeof past / sizeof *past; k++) {
        sl_token_vec toks = {0};
        CHECK_INT(sl_tokenize(past[k].text, strlen(past[k].text), NULL, &toks), 0);
        CHECK(toks.n > 0);
        if (toks.n)
            CHECK_INT(toks.items[0].end, past[k].first_end);
        sl_vec_free(&toks);
    }
}

/* Every scan above on a heap buffer of exactly its text's length, 0 to 17
 * bytes (the sanitizer build sees a read past the end of any), ending in
 * each kind of byte: a word, a UTF-8 sequence cut, a space, a dot. */
TEST(scans_stay_within_short_heap_buffers)
{
    static const char *const fills[] = {
        "Ferry", "ferries ran late", "U.S. fen c. 3", "Zoll\xC3\xA9 \xC3\x9F", "\xD0\x9C\xD0\xBE\xE4\xBA\xAC",
        "e\xCC\x81 \xE2\x80", "  \t\n..!?\xE2\x80\xA6", "\x01\x7F\x00\xFF\x80 x", "the and OF der la",
    };
    sl_stem_memo *memo = sl_stem_memo_new();
    CHECK(memo != NULL);
    for (size_t f = 0; memo && f < sizeof fills / sizeof *fills; f++) {
        for (size_t len = 0; len <= 17; len++) {
            char *text = malloc(len ? len : 1);
            CHECK(text != NULL);
            if (!text)
                return;
            for (size_t k = 0; k < len; k++)   /* the fill repeated (NUL counts as a byte) */
                text[k] = fills[f][k % (strlen(fills[f]) + 1)];
            sl_buf out = SL_BUF_INIT;
            sl_span_vec spans = {0};
            sl_token_vec toks = {0};
            CHECK(sl_utf8_repair(text, len, &out) <= len);
            char *valid = malloc(out.len ? out.len : 1);   /* normalisation takes valid UTF-8 */
            CHECK(valid != NULL);
            if (valid) {
                size_t valid_len = out.len;
                if (valid_len)
                    memcpy(valid, out.ptr, valid_len);
                sl_buf_clear(&out);
                CHECK_INT(sl_text_normalize(valid, valid_len, &out), 0);
                free(valid);
            }
            CHECK_INT(sl_sentences_split(text, len, &spans), 0);
            CHECK_INT(sl_tokenize(text, len, "en", &toks), 0);
            for (size_t t = 0; t < toks.n; t++)
                CHECK(toks.items[t].start < toks.items[t].end && toks.items[t].end <= len);
            CHECK(sl_stopword_langs(text, len) == 0 || len <= 16);
            CHECK(sl_stopword_langs_ascii(text, len) == 0 || len <= 16);
            size_t stem_len;
            if (len && !sl_stem_memo_get(memo, text, len, &stem_len))
                sl_stem_memo_put(memo, text, len, "x", 1);
            sl_vec_free(&toks);
            sl_vec_free(&spans);
            sl_buf_free(&out);
            free(text);
        }
    }
    sl_stem_memo_free(memo);
}

/* sl_swar_same against memcmp (of the lowered bytes when asked) on words of
 * 0 to 40 bytes in heap buffers of exactly their length, the same or
 * differing at each place: by a byte, by an ASCII capital (the same only
 * when lowering), by a capital past ASCII (never the same). */
TEST(swar_same_is_memcmp_at_every_place)
{
    uint32_t state = 5;
    for (size_t len = 0; len <= 40; len++) {
        char *a = malloc(len + 1), *b = malloc(len + 1);
        CHECK(a && b);
        if (!a || !b) {
            free(a), free(b);
            return;
        }
        for (size_t k = 0; k < len; k++)
            a[k] = (char)('a' + next_random(&state) % 26);
        for (size_t at = 0; at <= len; at++) {   /* at == len: no difference */
            static const char changes[][2] = {{'a', 'q'}, {'a', 'A'}, {'z', 'Z'}, {'a', '\xC3'}};
            for (size_t c = 0; c < sizeof changes / sizeof *changes; c++) {
                memcpy(b, a, len);
                if (at < len)
                    a[at] = changes[c][0], b[at] = changes[c][1];
                char lowered[41];
                for (size_t k = 0; k < len; k++)
                    lowered[k] = b[k] >= 'A' && b[k] <= 'Z' ? (char)(b[k] | 0x20) : b[k];
                CHECK_INT(sl_swar_same(a, b, len, false), !memcmp(a, b, len));
                CHECK_INT(sl_swar_same(a, b, len, true), !memcmp(a, lowered, len));
            }
        }
        free(a);
        free(b);
    }
}

/* The sign of the plain comparison: memcmp over the shorter length, then
 * the shorter first. */
static int plain_compare(const char *w, size_t len, const char *e)
{
    size_t elen = strlen(e);
    int c = memcmp(w, e, len < elen ? len : elen);
    return c ? (c < 0 ? -1 : 1) : len < elen ? -1 : len > elen;
}

/* sl_sorted_words_cmp and _find (the sentence splitter's lists) against
 * the plain comparison and a linear search, for every entry of a sorted
 * list, each of its prefixes, and each with one edge byte put at each
 * place or added at its end (NUL, capitals, lead bytes, 0xFF). */
TEST(sorted_words_find_is_the_linear_search)
{
    static const char *const list[] = {"A", "Ab", "Abc", "Co", "Corp", "No", "Nos", "St",
                                       "Ste", "a", "al", "b\xC3\xA9", "\xC3\xA9t\xC3\xA9"};
    const size_t n = sizeof list / sizeof *list;
    for (size_t e = 0; e < n; e++) {
        size_t elen = strlen(list[e]);
        for (size_t at = 0; at <= elen; at++) {
            for (size_t b = 0; b <= EDGES; b++) {
                char w[16];
                memcpy(w, list[e], elen);
                size_t len = b == EDGES ? at : elen + (at == elen);   /* a prefix, or one byte changed or added */
                if (b < EDGES)
                    w[at] = (char)edge_bytes[b];
                int found = -1;
                for (size_t k = 0; k < n; k++) {
                    int sign = sl_sorted_words_cmp(w, len, list[k]);
                    CHECK_INT(sign < 0 ? -1 : sign > 0, plain_compare(w, len, list[k]));
                    found = plain_compare(w, len, list[k]) ? found : (int)k;
                }
                CHECK_INT(sl_sorted_words_find(list, n, w, len), found);
            }
        }
    }
}

/* The token a code point's Unicode category makes when it starts one: none
 * for spaces and controls, a word (flagged upper for a capital), a number,
 * or one code point of punctuation (marks and format characters too). */
static uint32_t token_by_category(int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return 0;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        return SL_TOK_WORD | SL_TOK_UPPER;
    case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return SL_TOK_WORD;
    case UTF8PROC_CATEGORY_ND:
        return SL_TOK_NUMBER;
    default:
        return SL_TOK_PUNCT;
    }
}

/* sl_tokenize's first-byte table (start_class) against the categories:
 * every code point below U+3000 (and a few past it), alone and before
 * " x", starts the token its category says, as long as its bytes. */
TEST(tokens_start_as_their_category_says)
{
    static const int32_t far[] = {0x3000, 0x3002, 0x30A2, 0xFF10, 0xFF21, 0xFEFF, 0x1F600};
    sl_token_vec toks = {0};
    for (int32_t k = 0; k < 0x3000 + (int32_t)(sizeof far / sizeof *far); k++) {
        int32_t cp = k < 0x3000 ? k : far[k - 0x3000];
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        char text[8];
        utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)text);
        memcpy(text + n, " x", 2);
        uint32_t want = token_by_category(cp);
        for (size_t len = (size_t)n; len <= (size_t)n + 2; len += 2) {
            CHECK_INT(sl_tokenize(text, len, NULL, &toks), 0);
            CHECK_INT(toks.n, (want != 0) + (len > (size_t)n));
            if (want && toks.n) {
                CHECK_INT(toks.items[0].flags, want);
                CHECK_INT(toks.items[0].end, (uint32_t)n);
            }
        }
    }
    sl_vec_free(&toks);
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The stem memo tells a word under eight bytes by its hash and length
 * alone (stem_memo.h, sl_stem_memo_by_hash), and keeps no bytes of it:
 * the hash must be one-to-one on them. All
 * words of 1 and 2 bytes, of 3 bytes over 48 byte values, and 100,000
 * of 4 to 7 bytes (distinct last four, random before): no two of one
 * length share a hash. */
TEST(stem_memo_short_words_hash_one_to_one)
{
    enum { MAX_WORDS = 110592 };
    uint64_t *hashes = malloc(MAX_WORDS * sizeof *hashes);
    CHECK(hashes != NULL);
    if (!hashes)
        return;
    uint32_t state = 11;
    for (size_t len = 1; len < 8; len++) {
        size_t n = len == 1 ? 256 : len == 2 ? 65536 : len == 3 ? 110592 : 100000;
        for (size_t k = 0; k < n; k++) {
            unsigned char w[8];
            uint32_t mixed = (uint32_t)k * 2654435761u;   /* one-to-one: the last four bytes */
            for (size_t j = 0; j < len; j++)
                w[j] = len == 3  ? (unsigned char)(k / (j == 0 ? 1 : j == 1 ? 48 : 2304) % 48 * 5)
                       : len < 3 ? (unsigned char)(k >> (8 * j))
                       : j + 4 >= len ? (unsigned char)(mixed >> (8 * (j + 4 - len)))
                                      : (unsigned char)next_random(&state);
            hashes[k] = sl_swar_word_hash((const char *)w, len, false);
        }
        qsort(hashes, n, sizeof *hashes, compare_u64);
        size_t same = 0;
        for (size_t k = 1; k < n; k++)
            same += hashes[k] == hashes[k - 1];
        CHECK_INT(same, 0);
    }
    free(hashes);
}

/* A word's case flags against their definition, over its bytes: upper when
 * its first letter is a capital, all capitals when it has two letters or
 * more and all are capitals. Words of 1 to 12 ASCII letters in four
 * patterns of case, then an end of each kind (the text's end, a space, a
 * comma, "-x", "'s", "é"). */
TEST(tokens_case_flags_are_their_letters)
{
    static const char *const ends[] = {"", " ", ",", "-x", "'s", "\xC3\xA9"};
    sl_token_vec toks = {0};
    uint32_t state = 3;
    for (size_t len = 1; len <= 12; len++) {
        for (int pattern = 0; pattern < 4; pattern++) {
            for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
                char text[24];
                for (size_t k = 0; k < len; k++) {
                    bool capital = pattern == 1 || (pattern == 2 && k == 0) ||
                                   (pattern == 3 && next_random(&state) % 2);
                    text[k] = (char)((capital ? 'A' : 'a') + next_random(&state) % 26);
                }
                size_t n = len + strlen(ends[e]);
                memcpy(text + len, ends[e], strlen(ends[e]));
                CHECK_INT(sl_tokenize(text, n, NULL, &toks), 0);
                if (!toks.n)
                    continue;
                uint32_t letters = 0, capitals = 0;
                for (uint32_t k = toks.items[0].start; k < toks.items[0].end; k++) {
                    unsigned char c = (unsigned char)text[k];
                    letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == 0xC3;
                    capitals += c >= 'A' && c <= 'Z';
                }
                uint32_t want = SL_TOK_WORD | (text[0] <= 'Z' ? SL_TOK_UPPER : 0) |
                                (letters >= 2 && capitals == letters ? SL_TOK_ALLCAPS : 0);
                CHECK_INT(toks.items[0].flags, want);
            }
        }
    }
    sl_vec_free(&toks);
}

/* The spans of text[0, len) as "start-end " pairs, appended to out. */
static void put_spans(const char *text, size_t len, sl_buf *out)
{
    sl_span_vec spans = {0};
    CHECK_INT(sl_sentences_split(text, len, &spans), 0);
    for (size_t k = 0; k < spans.n; k++) {
        char pair[32];
        snprintf(pair, sizeof pair, "%u-%u ", (unsigned)spans.items[k].start, (unsigned)spans.items[k].end);
        sl_buf_puts(out, pair);
    }
    sl_vec_free(&spans);
}

/* What the three block scans (UTF-8 repair, normalisation, sentence ends)
 * make of text[0, len): the repair, the normalised text (or that it is
 * no UTF-8) and the spans. */
static char *scans_of(const char *text, size_t len)
{
    sl_buf out = SL_BUF_INIT, normalized = SL_BUF_INIT;
    sl_utf8_repair(text, len, &out);
    sl_buf_putc(&out, '|');
    if (sl_text_normalize(text, len, &normalized))   /* cut UTF-8: its error, the same */
        sl_buf_puts(&out, "(not UTF-8)");
    else
        sl_buf_put(&out, normalized.ptr, normalized.len);
    sl_buf_putc(&out, '|');
    put_spans(text, len, &out);
    sl_buf_free(&normalized);
    char *got = strdup(sl_buf_cstr(&out));
    sl_buf_free(&out);
    return got;
}

/* The sixteen- and eight-byte scans read their buffer only (review of
 * dedup9, 2026-12-06, branch rev30b): a text of every length up to three
 * blocks, each byte that stops a scan (controls, CR, DEL, sentence ends,
 * lead and continuation bytes, U+2028, NEL, the ellipsis, two spaces) at
 * every place, in a buffer of its exact length (AddressSanitizer sees a
 * read past it) and in one followed by bytes that would stop no scan or
 * every scan: all three give the same bytes. */
TEST(block_scans_read_only_their_buffer)
{
    static const char *const stops[] = {"",   "\x00", "\t", "\n", "\r", "\x1F", "  ", ".",
                                        "!",  "?",    "\x7E", "\x7F", "\x80", "\x85", "\xC2",
                                        "\xC2\x85", "\xE1", "\xE2", "\xE2\x80\xA8", "\xE2\x80\xA6", "\xFF"};
    static const char tails[][12] = {"words", "  \n\n.!?\xE2\x7F\x01\x85"};   /* repeated */
    for (size_t len = 0; len <= 50; len++)
        for (size_t at = 0; at <= len; at++)
            for (size_t s = 0; s < sizeof stops / sizeof *stops; s++) {
                size_t n = strlen(stops[s]) + (s == 1);
                if (at + n > len)
                    continue;
                char *text = malloc(len ? len : 1), padded[96];
                for (size_t k = 0; k < len; k++)
                    text[k] = k % 6 == 5 ? ' ' : (char)('a' + k % 26);
                memcpy(text + at, stops[s], n);
                char *want = scans_of(text, len);
                for (size_t t = 0; t < 2; t++) {
                    memcpy(padded, text, len);
                    for (size_t k = 0; k < 32; k++)
                        padded[len + k] = tails[t][k % strlen(tails[t])];
                    char *got = scans_of(padded, len);
                    if (strcmp(got, want))
                        sl_test_fail(__FILE__, __LINE__, "length %zu, stop %zu at %zu: \"%s\" not \"%s\"",
                                     len, s, at, got, want);
                    free(got);
                }
                free(want);
                free(text);
            }
}

/* sl_bytes16_first: the first place of a byte that is not 0, 16 when all
 * are, for each edge byte at every place, alone and with others after it
 * (2026-12-06, branch dedup10). */
TEST(bytes16_first_is_the_first_set_byte)
{
    sl_bytes16 v;
    unsigned char b[16] = {0};
    sl_bytes16_load(&v, b);
    CHECK_INT(sl_bytes16_first(&v), 16);
    for (size_t at = 0; at < 16; at++)
        for (size_t e = 1; e < EDGES; e++) {   /* edge_bytes[0] is 0 */
            memset(b, 0, sizeof b);
            b[at] = edge_bytes[e];
            sl_bytes16_load(&v, b);
            CHECK_INT(sl_bytes16_first(&v), at);
            for (size_t after = at + 1; after < 16; after++)
                b[after] = edge_bytes[(e + after) % EDGES] | 1;
            sl_bytes16_load(&v, b);
            CHECK_INT(sl_bytes16_first(&v), at);
        }
}

/* sl_swar_all_ascii is the byte-by-byte test, for one byte past ASCII at
 * every place of runs of 0 to 20 bytes (and none). */
TEST(swar_all_ascii_is_the_bytewise_test)
{
    static const unsigned char odd[] = {0x80, 0xA0, 0xC3, 0xFF};
    for (size_t len = 0; len <= 20; len++)
        for (size_t at = 0; at <= len; at++)   /* at == len: none past ASCII */
            for (size_t o = 0; o < sizeof odd; o++) {
                char s[24];
                for (size_t k = 0; k < len; k++)
                    s[k] = (char)(k % 2 ? 0x7F : 'q');
                if (at < len)
                    s[at] = (char)odd[o];
                CHECK_INT(sl_swar_all_ascii(s, len), at == len);
            }
}

/* An ASCII word's stem from sl_stem (a one-byte stemmer, stem.c) is the
 * UTF-8 stemmer's, in every language of a one-byte Snowball algorithm:
 * words made of invented stems and common endings, with an apostrophe,
 * a capital or a digit now and then, and random runs of letters. A word
 * with a letter past ASCII still takes the UTF-8 stemmer. */
TEST(stem_ascii_words_as_utf8)
{
    static const struct {
        const char *lang, *algorithm;
    } langs[] = {{"en", "english"}, {"de", "german"},  {"fr", "french"},   {"es", "spanish"},
                 {"it", "italian"}, {"pt", "portuguese"}, {"nl", "dutch"}, {"sv", "swedish"},
                 {"no", "norwegian"}, {"da", "danish"}, {"fi", "finnish"}, {"ru", "russian"},
                 {"hu", "hungarian"}, {"ro", "romanian"}, {"ca", "catalan"}, {"eu", "basque"},
                 {"ga", "irish"},   {"id", "indonesian"}};
    static const char *const roots[] = {"plov", "tranc", "merid", "gask", "abel", "fli", "sorr",
                                        "lum", "kerb", "y", "outr", "dwe", "zan", "hopp"};
    static const char *const endings[] = {"", "s", "es", "ies", "ed", "ing", "ly", "ness", "ational",
                                          "izer", "ement", "able", "fulness", "ousli", "icate",
                                          "alize", "en", "ung", "lich", "heit", "ern", "ación",
                                          "mente", "zione", "ar", "inen", "ssa", "het", "ene", "'s",
                                          "s'", "ate", "ism", "ive", "ful", "eed", "sses", "ment"};
    uint32_t state = 11;
    for (size_t l = 0; l < sizeof langs / sizeof *langs; l++) {
        sl_stemmer *st = sl_stemmer_new(langs[l].lang);
        struct sb_stemmer *utf8 = sb_stemmer_new(langs[l].algorithm, "UTF_8");
        CHECK(st && utf8);
        for (int round = 0; st && utf8 && round < 3000; round++) {
            char word[48];
            if (round % 4 == 3) {   /* a random run of letters, now and then an apostrophe */
                size_t n = 1 + next_random(&state) % 16;
                for (size_t k = 0; k < n; k++)
                    word[k] = next_random(&state) % 23 ? (char)('a' + next_random(&state) % 26) : '\'';
                word[n] = 0;
            } else {
                snprintf(word, sizeof word, "%s%s%s",
                         roots[next_random(&state) % (sizeof roots / sizeof *roots)],
                         endings[next_random(&state) % (sizeof endings / sizeof *endings)],
                         endings[next_random(&state) % (sizeof endings / sizeof *endings)]);
                if (round % 11 == 0)
                    word[0] = round % 2 ? 'Q' : '7';
            }
            size_t len = strlen(word), got_len;
            const char *got = sl_stem(st, word, len, &got_len);
            const sb_symbol *want = sb_stemmer_stem(utf8, (const sb_symbol *)word, (int)len);
            CHECK(got && want);
            if (got && want &&
                (got_len != (size_t)sb_stemmer_length(utf8) || memcmp(got, want, got_len)))
                sl_test_fail(__FILE__, __LINE__, "%s stem(%s) = \"%.*s\", UTF-8 gives \"%.*s\"",
                             langs[l].lang, word, (int)got_len, got, sb_stemmer_length(utf8), want);
        }
        if (utf8)
            sb_stemmer_delete(utf8);
        sl_stemmer_free(st);
    }
}
