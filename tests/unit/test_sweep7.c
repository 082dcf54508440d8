/* test_sweep7.c — what the seventh hostile-input sweep (qa6) mended, at the
 * layer that holds each rule: the store takes a date by the library's one
 * rule, a JSONL file with a NUL byte stays JSONL, a UTF-16 page is decoded
 * for the prose commands as ingest decodes it, every reader says its cap
 * one way, and a huge text's working memory is not held on after it. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "store_fixture.h"
#include "util/error.h"
#include "util/gzfile.h"

/* 2024-02-30 is no day: SQLite's julianday read it as March 1, so the
 * engine checked every `since` itself before the store saw it. */
TEST(store_since_takes_real_days_only)
{
    OPEN_STORE(st, path);
    sl_story_list *list = NULL;
    int64_t total = -1;
    CHECK_INT(sl_store_stories_list(st, "2024-02-30", &list), SL_EUSAGE);
    CHECK(list == NULL);
    CHECK_INT(sl_store_stories_page(st, "2024-02-30", 0, NULL, 0, 10, &list, &total), SL_EUSAGE);
    CHECK(list == NULL);
    CHECK_INT(sl_store_stories_list(st, "2024-02-29", &list), 0);
    sl_story_list_free(list);
    list = NULL;
    CHECK_INT(sl_store_stories_page(st, "2024-02-29T08:00:00Z", 0, NULL, 0, 10, &list, &total), 0);
    sl_story_list_free(list);
    drop_store(st, path);
}

/* A NUL byte in the first 4 KB made the whole file binary: the reader now
 * names the line that holds it and keeps the others. */
TEST(format_jsonl_with_a_nul_byte_stays_jsonl)
{
    static const char lines[] = "{\"text\": \"The ferry left Brookvale at nine.\"}\n"
                                "{\"text\": \"A bad \0 line.\"}\n"
                                "{\"text\": \"The council met on Tuesday.\"}\n";
    CHECK_INT(sl_format_detect(lines, sizeof lines - 1), SL_FORMAT_JSONL);
    static const char prose[] = "The ferry left \0 at nine.";
    CHECK_INT(sl_format_detect(prose, sizeof prose - 1), SL_FORMAT_BINARY);   /* prose stays so */
}

/* Bytes that are no text behind a JSON opening (a crafted `{"a":`, then
 * compressed data) made a JSONL file of hundreds of bad lines (read30): the
 * first line must be text, as the line of a real file is. */
TEST(format_binary_behind_a_json_opening_stays_binary)
{
    char data[2048] = "{\"a\": ";
    for (size_t i = 6; i < sizeof data; i++)   /* stray UTF-8 continuation bytes, a NUL */
        data[i] = (char)(i % 7 ? 0x80 + i % 64 : 0);
    data[1000] = '\n';
    CHECK_INT(sl_format_detect(data, sizeof data), SL_FORMAT_BINARY);
    memcpy(data + 6, "\"The ferry left at nine.\"}", 26);   /* a first line of text */
    data[32] = '\n';
    CHECK_INT(sl_format_detect(data, sizeof data), SL_FORMAT_JSONL);
}

/* A UTF-16 page (with its BOM) reached timex, summarize and facts --text as
 * raw bytes, where ingest and extract decode it. */
TEST(input_utf8_decodes_a_utf16_page)
{
    static const char page[] = "<html><body><p>The ferry returned on 3 May 2024.</p></body></html>";
    size_t n = strlen(page), len = 2 + 2 * n;
    char *wide = malloc(len);
    CHECK(wide != NULL);
    if (!wide)
        return;
    wide[0] = (char)0xFF, wide[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++)
        wide[2 + 2 * i] = page[i], wide[3 + 2 * i] = 0;
    char *out = NULL;
    size_t out_len = 0;
    CHECK_INT(sl_input_utf8(wide, len, &out, &out_len), 0);
    CHECK_INT(out_len, n);
    CHECK_STR(out, page);
    free(out);
    CHECK_INT(sl_input_utf8(page, n, &out, &out_len), 0);   /* UTF-8 needs nothing */
    CHECK(out == NULL);
    free(wide);
}

/* A UTF-16 unit iconv refuses (an unpaired surrogate) skipped one byte, so
 * the rest of the page came out a byte off, as CJK (read30): it costs one
 * character now, U+FFFD. */
TEST(input_utf8_unpaired_surrogate_costs_one_character)
{
    static const char page[] = "<html><body><p>A?B at the pier.</p></body></html>";
    size_t n = strlen(page), len = 2 + 2 * n;
    char wide[2 + 2 * sizeof page];
    wide[0] = (char)0xFF, wide[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++)   /* UTF-16LE; the '?' a high surrogate alone */
        wide[2 + 2 * i] = page[i] == '?' ? 0 : page[i], wide[3 + 2 * i] = page[i] == '?' ? (char)0xD8 : 0;
    char *out = NULL;
    size_t out_len = 0;
    CHECK_INT(sl_input_utf8(wide, len, &out, &out_len), 0);
    CHECK_STR(out, "<html><body><p>A\xEF\xBF\xBD" "B at the pier.</p></body></html>");
    free(out);
}

/* "larger than the 256 MB this command reads", "more than 256 MB: over the
 * cap", "file of N MB exceeds the 256 MB cap": one wording now
 * (SL_OVER_CAP_FMT, util/error.h), as the gzip reader says it. */
TEST(cap_said_one_way)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/sl-unit-cap-%d.txt", (int)getpid());
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    for (size_t i = 0; f && i < ((size_t)2 << 20); i += 32)
        fputs("a line of words over the reader's cap of one megabyte, again.\n", f);
    if (f)
        fclose(f);
    sl_buf out, why = SL_BUF_INIT;
    CHECK_INT(sl_gz_read_file(path, (size_t)1 << 20, &out, &why), SL_UTIL_ETOOLARGE);
    CHECK_STR(sl_buf_cstr(&why), "larger than the 1 MB cap");
    sl_buf_free(&out);
    sl_buf_free(&why);
    unlink(path);
}

/* mallinfo2 is 0 under ASan (make test's build), where the test then
 * asserted nothing (read30): the sanitizer's own count there. */
static size_t heap_in_use(void)
{
#ifdef __SANITIZE_ADDRESS__
    size_t __sanitizer_get_current_allocated_bytes(void);   /* the ASan runtime's */
    return __sanitizer_get_current_allocated_bytes();
#else
    struct mallinfo2 m = mallinfo2();
    return m.uordblks + m.hblkhd;
#endif
}

/* The chrome judgement's working memory was kept from article to article
 * whatever its size: after a 4 MB text, ~20 MB of tokens, prefixes and a
 * prefix set stayed held through the later stages (a 20 MB JSONL line
 * peaked at 474 MB). What stays now is the clean text and its tokens. */
TEST(chrome_scratch_not_held_after_a_huge_text)
{
    static const char sentence[] = "The harbour master of Brookvale said the ferry would call twice a day. ";
    size_t n = 4u << 20, k = strlen(sentence);
    char *text = malloc(n + 1);
    CHECK(text != NULL);
    if (!text)
        return;
    for (size_t i = 0; i < n; i++)
        text[i] = sentence[i % k];
    text[n] = '\0';
    size_t before = heap_in_use();
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(text, n, NULL, 0, &c), 0);
    size_t held = heap_in_use() - before;
    size_t out = c.text.cap + c.tokens.cap * sizeof *c.tokens.items;
    CHECK(held < out + (1u << 20));
    sl_cleaned_free(&c);
    free(text);
}
