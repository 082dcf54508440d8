/* test_copies_credit.c — credit lines: the phrases that credit another
 * outlet, found in either case wherever they stand, the first listed
 * winning (sl_credit_find; the rest of the copies stage: test_copies.c). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "copies/copies.h"
#include "util/buf.h"
#include "test.h"

TEST(credit_lines)
{
    sl_buf credit = SL_BUF_INIT;
    const char *t = "LINDHOLT (Northwire) \u2014 The council voted.\n\nMore text.";
    CHECK(sl_credit_find(t, strlen(t), &credit));
    CHECK_STR(sl_buf_cstr(&credit), "Northwire");
    t = "(Northwire)\n\nThe council voted on Tuesday.";
    CHECK(sl_credit_find(t, strlen(t), &credit));
    CHECK_STR(sl_buf_cstr(&credit), "Northwire");
    t = "The council voted on Tuesday.\n\nMore text here.\n\n\u2014 Associated Press";
    CHECK(sl_credit_find(t, strlen(t), &credit));
    CHECK_STR(sl_buf_cstr(&credit), "Associated Press");
    t = "The council voted.\n\nThis article originally appeared on Harbour Herald.";
    CHECK(sl_credit_find(t, strlen(t), &credit));
    CHECK_STR(sl_buf_cstr(&credit), "Harbour Herald");
    t = "Text.\n\nSource: Valley Courier";
    CHECK(sl_credit_find(t, strlen(t), &credit));
    CHECK_STR(sl_buf_cstr(&credit), "Valley Courier");
    /* a headline naming an agency is not a credit */
    t = "Reuters reports record profit for its news business\n\nThe company said.";
    CHECK(!sl_credit_find(t, strlen(t), &credit));
    t = "A plain report (with a remark in brackets) and no credit.";
    CHECK(!sl_credit_find(t, strlen(t), &credit));
    sl_buf_free(&credit);
}

/* Every credit phrase is found in either case wherever it stands in the
 * line (each opening byte's mask holds it), and of two the one listed
 * first wins wherever they stand. */
TEST(credit_phrases_found_in_any_case_first_listed_wins)
{
    static const char *const phrases[] = {
        "originally published on", "ORIGINALLY PUBLISHED IN", "Originally Published By",
        "originally appeared on", "Originally Appeared In", "FIRST APPEARED ON",
        "first appeared in", "First Published On", "first published in",
        "FIRST PUBLISHED BY", "Republished From", "reprinted from",
        "REPRINTED WITH PERMISSION FROM",
    };
    sl_buf credit = SL_BUF_INIT, text = SL_BUF_INIT;
    for (size_t k = 0; k < sizeof phrases / sizeof *phrases; k++) {
        sl_buf_clear(&text);
        sl_buf_printf(&text, "Ferry fares rise.\n\nThe story %s Harbour Herald.", phrases[k]);
        CHECK(sl_credit_find(text.ptr, text.len, &credit));
        CHECK_STR(sl_buf_cstr(&credit), "Harbour Herald");
    }
    const char *t = "Fares rise.\n\nReprinted from Valley Courier, first appeared on Harbour Herald";
    CHECK(sl_credit_find(t, strlen(t), &credit));
    CHECK_STR(sl_buf_cstr(&credit), "Harbour Herald"); /* listed before "reprinted from" */
    t = "Fares rise.\n\nBy Xinhua and Kyodo";
    CHECK(sl_credit_find(t, strlen(t), &credit));
    CHECK_STR(sl_buf_cstr(&credit), "Xinhua");
    t = "Fares rise.\n\nBy KYODO";
    CHECK(!sl_credit_find(t, strlen(t), &credit)); /* an agency's name as written */
    sl_buf_free(&credit);
    sl_buf_free(&text);
}

/* Varied generated texts (credit phrases in any case, agencies inside and
 * outside words, labels, brackets, dashes, short and long lines): what
 * sl_credit_find answers for each is held in a golden file made with the
 * position-by-position search it replaced, so the one-pass search must
 * answer the same. */
static const char *const credit_pieces[] = {
    "The", "council", "voted", "on", "Tuesday", "ferry", "fares", "rise", "harbour", "said",
    "originally published on", "Originally Published In", "ORIGINALLY PUBLISHED BY",
    "originally appeared on", "Originally appeared in", "first appeared on", "First Appeared In",
    "first published on", "FIRST PUBLISHED IN", "first published by", "Republished from",
    "reprinted from", "Reprinted with permission from", "originally publish", "first appear",
    "reprint", "Associated Press", "Agence France-Presse", "Reuters", "reuters", "Reutersville",
    "AFP", "xAFP", "Bloomberg", "UPI", "dpa", "PA Media", "Canadian Press", "Xinhua", "TASS",
    "Source:", "sources:", "Credit:", "Via ", "via:", "By ", "(", ")", "(Northwire)", "(AP)",
    " - ", "\u2014", "\u2013", ",", ".", ";", "|", ":", "Harbour Herald", "Valley Courier",
    "northwire", "\n", "\n\n", "\n", "Of", "FROM", "o", "f", "r",
};

static uint64_t credit_rng(uint64_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return *state;
}

TEST(credit_find_varied_texts_golden)
{
    enum { TEXTS = 3000 };
    uint64_t state = 0x9E3779B97F4A7C15u;
    size_t n_pieces = sizeof credit_pieces / sizeof *credit_pieces;
    sl_buf text = SL_BUF_INIT, credit = SL_BUF_INIT, got = SL_BUF_INIT;
    size_t found = 0;
    for (int k = 0; k < TEXTS; k++) {
        sl_buf_clear(&text);
        size_t pieces = 1 + credit_rng(&state) % 60;
        for (size_t p = 0; p < pieces; p++) {
            sl_buf_puts(&text, credit_pieces[credit_rng(&state) % n_pieces]);
            if (credit_rng(&state) % 4)
                sl_buf_putc(&text, ' ');
        }
        bool hit = sl_credit_find(text.ptr, text.len, &credit);
        found += hit;
        sl_buf_printf(&got, "%d\t%s\n", k, hit ? sl_buf_cstr(&credit) : "-");
    }
    CHECK(found > TEXTS / 4 && found < TEXTS * 3 / 4); /* both answers well exercised */
    CHECK_GOLDEN("tests/golden/credit/varied.out", sl_buf_cstr(&got));
    sl_buf_free(&text);
    sl_buf_free(&credit);
    sl_buf_free(&got);
}

/* sl_credit_find_either answers as the two searches one after the other:
 * second texts made of the first's lines (some dropped, one added, the
 * order kept), as a clean text is of its normalised text, and unrelated
 * ones; both answers and the credited name compared. */
TEST(credit_find_either_as_two_searches)
{
    enum { TEXTS = 2000 };
    uint64_t state = 0xD1B54A32D192ED03u;
    size_t n_pieces = sizeof credit_pieces / sizeof *credit_pieces;
    sl_buf a = SL_BUF_INIT, b = SL_BUF_INIT, one = SL_BUF_INIT, two = SL_BUF_INIT;
    size_t found = 0, from_b = 0;
    for (int k = 0; k < TEXTS; k++) {
        sl_buf_clear(&a);
        size_t pieces = 1 + credit_rng(&state) % 40;
        for (size_t p = 0; p < pieces; p++) {
            sl_buf_puts(&a, credit_pieces[credit_rng(&state) % n_pieces]);
            sl_buf_putc(&a, credit_rng(&state) % 3 ? ' ' : '\n');
        }
        sl_buf_clear(&b);
        if (credit_rng(&state) % 4) {   /* a's lines, some dropped, one added */
            const char *line = a.ptr, *stop = a.ptr + a.len;
            while (line < stop) {
                const char *nl = memchr(line, '\n', (size_t)(stop - line));
                const char *end = nl ? nl : stop;
                if (credit_rng(&state) % 3)
                    sl_buf_put(&b, line, (size_t)(end - line) + (nl != NULL));
                line = end + 1;
            }
            sl_buf_puts(&b, credit_pieces[credit_rng(&state) % n_pieces]);
        } else {
            sl_buf_puts(&b, credit_pieces[credit_rng(&state) % n_pieces]);
            sl_buf_puts(&b, "\nThe council voted on Tuesday.");
        }
        bool first = sl_credit_find(a.ptr, a.len, &one);
        bool either = first || sl_credit_find(b.ptr, b.len, &one);
        CHECK(sl_credit_find_either(a.ptr, a.len, b.ptr, b.len, &two) == either);
        CHECK_STR(sl_buf_cstr(&two), sl_buf_cstr(&one));
        found += either;
        from_b += either && !first;
    }
    CHECK(found > TEXTS / 4 && found < TEXTS * 9 / 10);   /* 1,547: both answers met */
    CHECK(from_b > TEXTS / 50); /* 152: the second text's own credits found too */
    sl_buf_free(&a);
    sl_buf_free(&b);
    sl_buf_free(&one);
    sl_buf_free(&two);
}
