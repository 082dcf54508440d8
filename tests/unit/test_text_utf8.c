/* test_text_utf8.c — unit tests of the text stage's first steps
 * (src/text/utf8.c, normalize.c, mojibake.c): invalid UTF-8 repaired,
 * controls and line ends, spaces, NFKC, Mac Roman read as Latin-1. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "test.h"
#include "text/text.h"

#define FFFD "\xEF\xBF\xBD"

static char *repair(const char *in, size_t len, size_t *bad)
{
    sl_buf out = SL_BUF_INIT;
    *bad = sl_utf8_repair(in, len, &out);
    return sl_buf_take(&out);
}

static char *normalize(const char *in)
{
    sl_buf out = SL_BUF_INIT;
    CHECK_INT(sl_text_normalize(in, strlen(in), &out), 0);
    return sl_buf_take(&out);
}

static bool valid_utf8(const char *s, size_t len)
{
    return utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, NULL, 0, 0) >= 0;
}

#define CHECK_REPAIR(in, want, want_bad) \
    do { size_t bad_; char *got_ = repair((in), sizeof(in) - 1, &bad_); \
         CHECK_STR(got_, (want)); CHECK_INT(bad_, (want_bad)); free(got_); } while (0)
#define CHECK_NORMALIZE(in, want) \
    do { char *got_ = normalize(in); CHECK_STR(got_, (want)); free(got_); } while (0)

/* ---- utf8.c ------------------------------------------------------------- */

TEST(utf8_repair_valid_passthrough)
{
    CHECK_REPAIR("plain ASCII\ttext\n", "plain ASCII\ttext\n", 0);
    CHECK_REPAIR("caf\xC3\xA9 \xE2\x82\xAC 5 \xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x82\xAC 5 \xF0\x9F\x98\x80", 0);
    CHECK_REPAIR("\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", 0); /* U+10FFFF, the last code point */
    CHECK_REPAIR("", "", 0);
}

/* Every byte value at every place of a line of plain letters (the runs of
 * plain ASCII are read eight bytes at a time): a printable byte, tab or LF
 * is kept, CR becomes LF, any other control is dropped, a lone byte over
 * 0x7F is replaced. */
TEST(utf8_repair_every_byte_at_every_place)
{
    for (unsigned b = 0; b < 256; b++) {
        for (size_t at = 0; at < 20; at++) {
            char in[21], want[24];
            memset(in, 'a', 20);
            in[20] = '\0';
            in[at] = (char)b;
            const char *put = b == '\r' ? "\n" : (b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n' ? in + at
                              : b < 0x80 ? "" : FFFD;
            size_t put_len = put == in + at ? 1 : strlen(put);
            memcpy(want, in, at);
            memcpy(want + at, put, put_len);
            memcpy(want + at + put_len, in + at + 1, 20 - at);   /* with the final NUL */
            size_t bad;
            char *got = repair(in, 20, &bad);
            CHECK_STR(got, want);
            CHECK_INT(bad, b >= 0x80);
            free(got);
        }
    }
}

TEST(utf8_repair_invalid_sequences)
{
    CHECK_REPAIR("a\xC0\xAF" "b", "a" FFFD FFFD "b", 2);               /* overlong '/' */
    CHECK_REPAIR("\xE0\x80\xAF", FFFD FFFD FFFD, 3);                  /* overlong, 3 bytes */
    CHECK_REPAIR("\xF0\x80\x80\xAF", FFFD FFFD FFFD FFFD, 4);         /* overlong, 4 bytes */
    CHECK_REPAIR("\xC1\xBF", FFFD FFFD, 2);
    CHECK_REPAIR("x\xE2\x82", "x" FFFD FFFD, 2);                     /* truncated at the end */
    CHECK_REPAIR("\xE2\x82" "A", FFFD FFFD "A", 2);                   /* truncated mid-text */
    CHECK_REPAIR("\xF0\x9F\x98 ok", FFFD FFFD FFFD " ok", 3);
    CHECK_REPAIR("\xED\xA0\x80", FFFD FFFD FFFD, 3);                  /* high surrogate */
    CHECK_REPAIR("\xED\xBF\xBF", FFFD FFFD FFFD, 3);                  /* low surrogate */
    CHECK_REPAIR("\x80\xBF", FFFD FFFD, 2);                           /* bare continuations */
    CHECK_REPAIR("\xFF\xFE" "z", FFFD FFFD "z", 2);
    CHECK_REPAIR("\xF5\x80\x80\x80", FFFD FFFD FFFD FFFD, 4);         /* lead > U+10FFFF */
    CHECK_REPAIR("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4);         /* U+110000 */
    CHECK_REPAIR("\xC3\xA9\xC3", "\xC3\xA9" FFFD, 1);
}

TEST(utf8_repair_controls_and_line_ends)
{
    CHECK_REPAIR("a\r\nb\rc\nd", "a\nb\nc\nd", 0);
    CHECK_REPAIR("\r\r\n", "\n\n", 0);
    CHECK_REPAIR("a\0b\x01" "c\x1B[0m\td\x7F", "abc[0m\td", 0);
    CHECK_REPAIR("\x0B\x0C", "", 0);
}

/* Random bytes, many times: never a crash, always valid UTF-8 out, and
 * nothing kept but what repair promises. */
TEST(utf8_repair_random_bytes)
{
    uint64_t state = 0x9E3779B97F4A7C15u;
    char in[64];
    for (int round = 0; round < 20000; round++) {
        size_t len = (size_t)(state >> 58);
        for (size_t k = 0; k < len; k++) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            unsigned r = (unsigned)(state >> 33);
            /* bias towards UTF-8 structure so that valid sequences occur too */
            in[k] = (char)(r % 3 == 0 ? 0x80 | (r >> 8 & 0x3F) : r % 3 == 1 ? 0xC0 | (r >> 8 & 0x3F) : r >> 8);
        }
        state = state * 6364136223846793005u + 1442695040888963407u;
        sl_buf out = SL_BUF_INIT;
        sl_utf8_repair(in, len, &out);
        CHECK(valid_utf8(sl_buf_cstr(&out), out.len));
        for (size_t k = 0; k < out.len; k++) {
            unsigned char c = (unsigned char)out.ptr[k];
            if (c < 0x20 && c != '\t' && c != '\n')
                CHECK(!"control character survived");
        }
        sl_buf_free(&out);
    }
}

TEST(utf8_next_decodes)
{
    const char *s = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80";
    size_t len = strlen(s), i = 0;
    CHECK_INT(sl_utf8_next(s, len, &i), 'a');
    CHECK_INT(sl_utf8_next(s, len, &i), 0xE9);
    CHECK_INT(sl_utf8_next(s, len, &i), 0x201C);
    CHECK_INT(sl_utf8_next(s, len, &i), 0x1F600);
    CHECK_INT(i, len);
    CHECK_INT(sl_utf8_next(s, len, &i), -1);
    i = 0;
    CHECK_INT(sl_utf8_next("\xE2\x80", 2, &i), 0xFFFD); /* tolerated, one byte at a time */
    CHECK_INT(i, 1);
}

/* ---- normalize.c -------------------------------------------------------- */

TEST(normalize_spaces)
{
    CHECK_NORMALIZE("a  b   c", "a b c");
    CHECK_NORMALIZE("  lead and trail  \nnext\t\tline ", "lead and trail\nnext line");
    CHECK_NORMALIZE("10\xC2\xA0km", "10 km");                  /* NBSP */
    CHECK_NORMALIZE("thin\xE2\x80\x89space", "thin space");     /* U+2009 */
    CHECK_NORMALIZE("a\xE2\x80\xAF\xC2\xA0 b", "a b");          /* narrow NBSP + NBSP + space */
    CHECK_NORMALIZE("ideo\xE3\x80\x80graphic", "ideo graphic"); /* U+3000 */
    CHECK_NORMALIZE("ogham\xE1\x9A\x80mark", "ogham mark");     /* U+1680 has no NFKC mapping */
}

/* A run of words and single spaces goes out in one put: the space rules
 * hold at its ends (and at a mark that composes with its last letter). */
TEST(normalize_runs_of_words_and_single_spaces)
{
    CHECK_NORMALIZE("one two three", "one two three");
    CHECK_NORMALIZE("  lead two  wide three ", "lead two wide three");
    CHECK_NORMALIZE("a b \n c d\t e ", "a b\nc d e");
    CHECK_NORMALIZE("x e\xCC\x81 y", "x \xC3\xA9 y");          /* e + U+0301: the run stops before e */
    CHECK_NORMALIZE("x e\xCC\x81", "x \xC3\xA9");
    CHECK_NORMALIZE("a \xC2\xA0" "b c\xE2\x80\x8B d", "a b c d"); /* no-break space, zero width */
    CHECK_NORMALIZE("end .\r\nnext", "end .\nnext");
}

TEST(normalize_zero_width_and_soft_hyphen)
{
    CHECK_NORMALIZE("zero\xE2\x80\x8Bwidth", "zerowidth");
    CHECK_NORMALIZE("a\xE2\x80\x8C" "b\xE2\x80\x8D" "c\xE2\x81\xA0" "d", "abcd");
    CHECK_NORMALIZE("\xEF\xBB\xBF" "BOM first", "BOM first");
    CHECK_NORMALIZE("news\xC2\xAD" "paper", "newspaper");
}

TEST(normalize_lines)
{
    CHECK_NORMALIZE("a\n\n\n\nb", "a\n\nb");
    CHECK_NORMALIZE("a\n \n  \n b", "a\n\nb");
    CHECK_NORMALIZE("\n\nfirst\n", "first");
    CHECK_NORMALIZE("crlf\r\nline\rcr", "crlf\nline\ncr");
    CHECK_NORMALIZE("ls\xE2\x80\xA8ps\xE2\x80\xA9" "end", "ls\nps\n\nend");
    CHECK_NORMALIZE("c1\xC2\x85next\xC2\x80", "c1\nnext");
}

TEST(normalize_keeps_quotes_and_dashes)
{
    const char *typographic = "\xE2\x80\x9Cquote\xE2\x80\x9D \xE2\x80\x98single\xE2\x80\x99 "
                              "\xE2\x80\x93 \xE2\x80\x94 \xC2\xAB\xC2\xBB \xE2\x80\xB9\xE2\x80\xBA";
    CHECK_NORMALIZE(typographic, typographic);
    /* ...also when followed by a combining mark (the utf8proc path) */
    CHECK_NORMALIZE("\xE2\x80\x9D\xCC\x81", "\xE2\x80\x9D\xCC\x81");
}

TEST(normalize_nfkc)
{
    CHECK_NORMALIZE("\xEF\xAC\x81nance", "finance");                         /* ﬁ */
    CHECK_NORMALIZE("\xEF\xBC\xA1\xEF\xBC\x91", "A1");                         /* fullwidth */
    CHECK_NORMALIZE("wait\xE2\x80\xA6", "wait...");
    CHECK_NORMALIZE("\xC2\xBD cup", "1/2 cup");
    CHECK_NORMALIZE("cafe\xCC\x81", "caf\xC3\xA9");                            /* e + acute */
    CHECK_NORMALIZE("A\xCC\x8A" "B", "\xC3\x85" "B");                          /* Å */
    CHECK_NORMALIZE("\xD0\xB8\xCC\x86", "\xD0\xB9");                           /* й */
    CHECK_NORMALIZE("na\xC3\xAFve \xC3\x9F", "na\xC3\xAFve \xC3\x9F");         /* Latin-1 fast path */
    CHECK_NORMALIZE("\xC3\xA9\xCC\xA3", "\xE1\xBA\xB9\xCC\x81");               /* é + dot below reorders */
}

/* Mac Roman quotes read as Latin-1 come back where two of them show it. */
TEST(normalize_mac_roman_misread)
{
    CHECK_NORMALIZE("\xC3\x92We are ready,\xC3\x93 she said. \xC3\x92It\xC3\x95s done.\xC3\x93",
                    "\xE2\x80\x9CWe are ready,\xE2\x80\x9D she said. \xE2\x80\x9CIt\xE2\x80\x99s done.\xE2\x80\x9D");
    /* dashes and the ellipsis too, in such a text */
    CHECK_NORMALIZE("don\xC3\x95t wait\xC3\x89 it\xC3\x95s late \xC3\x91 now\xC3\x90then",
                    "don\xE2\x80\x99t wait... it\xE2\x80\x99s late \xE2\x80\x94 now\xE2\x80\x93then");
    /* one sign is not enough: a quoted example stays as written */
    CHECK_NORMALIZE("the word don\xC3\x95t", "the word don\xC3\x95t");
    /* real capitals stay, also in a misread text */
    CHECK_NORMALIZE("\xC3\x92Yes, it\xC3\x95s,\xC3\x93 said \xC3\x93scar of LA NACI\xC3\x93" "N, PAS\xC3\x93 "
                    "\xC3\x89" "TATS \xC3\x91" "and\xC3\xBA ESPA\xC3\x91" "A.",
                    "\xE2\x80\x9CYes, it\xE2\x80\x99s,\xE2\x80\x9D said \xC3\x93scar of LA NACI\xC3\x93" "N, PAS\xC3\x93 "
                    "\xC3\x89" "TATS \xC3\x91" "and\xC3\xBA ESPA\xC3\x91" "A.");
    /* Spanish and French capitals alone are never taken for quotes */
    CHECK_NORMALIZE("LA NACI\xC3\x93" "N PAS\xC3\x93. \xC3\x89" "T\xC3\x89 \xC3\x80 PARIS",
                    "LA NACI\xC3\x93" "N PAS\xC3\x93. \xC3\x89" "T\xC3\x89 \xC3\x80 PARIS");
}

TEST(normalize_idempotent)
{
    size_t len;
    char *in = sl_test_read_file("tests/golden/text/normalize-spaces.in", &len);
    sl_buf repaired = SL_BUF_INIT, once = SL_BUF_INIT, twice = SL_BUF_INIT;
    sl_utf8_repair(in, len, &repaired);
    CHECK_INT(sl_text_normalize(sl_buf_cstr(&repaired), repaired.len, &once), 0);
    CHECK_INT(sl_text_normalize(sl_buf_cstr(&once), once.len, &twice), 0);
    CHECK_STR(sl_buf_cstr(&twice), sl_buf_cstr(&once));
    sl_buf_free(&repaired);
    sl_buf_free(&once);
    sl_buf_free(&twice);
    free(in);
}

TEST(normalize_rejects_invalid_utf8)
{
    sl_buf out = SL_BUF_INIT;
    CHECK_INT(sl_text_normalize("ok \xFF", 4, &out), SL_EBADINPUT);
    sl_buf_free(&out);
}

TEST(normalize_appends)
{
    sl_buf out = SL_BUF_INIT;
    sl_buf_puts(&out, "head:");
    CHECK_INT(sl_text_normalize("  x  ", 5, &out), 0);
    CHECK_STR(sl_buf_cstr(&out), "head:x");
    sl_buf_free(&out);
}
