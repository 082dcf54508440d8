/* test_doc.c — the analysed article (src/doc): filled once from one input,
 * every offset into its clean text, emptied by a reset for the next one. */
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "test.h"
#include "util/alloc.h"
#include "util/date.h"

TEST(doc_fill_and_reset)
{
    sl_analyzer *an = sl_analyzer_new();
    sl_doc d = {0};
    sl_doc_reset(&d);
    const char raw[] = "Ferry\xff talks open\r\n\r\nThe board met on Tuesday. It agreed.";
    CHECK_INT(sl_doc_read(&d, raw, sizeof raw - 1), 0);
    CHECK_INT(d.bad_bytes, 1);
    CHECK(!strstr(sl_buf_cstr(&d.normalized), "\r"));
    const char *body = "The board met on Tuesday. It agreed.";
    CHECK_INT(sl_doc_set_text(&d, body, strlen(body)), 0);
    CHECK(d.text != body && !strcmp(d.text, body)); /* the doc's own copy */
    CHECK_INT(sl_doc_set_title(&d, "Ferry\xc2\xa0talks", 0), 0);
    CHECK_STR(d.title, "Ferry talks"); /* no-break space normalised */
    sl_doc_set_published(&d, "2026-03-04");
    CHECK_STR(d.published, "2026-03-04");
    CHECK_INT(d.day, sl_date_day("2026-03-04"));
    CHECK_INT(sl_doc_set_identity(&d, "key:One/1"), 0);
    CHECK_STR(d.identity, "key:One/1");
    sl_doc_detect_language(&d, an, NULL);
    CHECK_INT(sl_doc_analyse(&d, an, NULL), 0);
    CHECK_INT(d.body.sentences.n, 2);
    if (d.body.sentences.n == 2)
        CHECK_INT(d.body.sentences.items[1].start, strlen("The board met on Tuesday. "));
    CHECK(d.title_analysis.tokens.n == 2);
    CHECK_STR(d.body.lang, "en");
    CHECK_STR(sl_doc_fallback_title(&d), "The board met on Tuesday.");

    sl_doc_reset(&d);
    CHECK(!d.text && !d.title && !d.identity && !d.published && d.day == SL_NO_DAY);
    sl_doc_set_published(&d, "not a date");
    CHECK(!d.published && d.day == SL_NO_DAY); /* stored as undated */
    CHECK_INT(sl_doc_set_title(&d, "", 0), 0);
    CHECK(d.title == NULL);
    sl_doc_free(&d);
    sl_analyzer_free(an);
}

/* A first sentence longer than 90 bytes is cut at a space, never inside a
 * UTF-8 sequence, and marked with an ellipsis. */
TEST(doc_fallback_title_cut)
{
    sl_analyzer *an = sl_analyzer_new();
    sl_doc d = {0};
    sl_doc_reset(&d);
    const char *text = "The harbour board of Skerrow approved a new ferry timetable on Tuesday "
                       "after three months of talks with the island councils.";
    CHECK_INT(sl_doc_set_text(&d, text, strlen(text)), 0);
    sl_doc_detect_language(&d, an, NULL);
    CHECK_INT(sl_doc_analyse(&d, an, NULL), 0);
    const char *t = sl_doc_fallback_title(&d);
    size_t n = strlen(t);
    CHECK(n > 60 && n <= 90 + strlen("…"));
    CHECK(n >= 3 && !strcmp(t + n - 3, "…"));
    CHECK(!strncmp(t, text, n - 3) && text[n - 3] == ' ');
    sl_doc_free(&d);
    sl_analyzer_free(an);
}

/* A first sentence with no space between bytes 60 and 90 is cut at 60,
 * where a reader sees a character end (as the title cap cuts): a flag or a
 * ZWJ emoji sequence across the cut goes whole, not split into its code
 * points (one regional indicator, a woman without her laptop). */
TEST(doc_fallback_title_cut_keeps_graphemes)
{
    static const struct { const char *sign; size_t at; } cases[] = {
        {"\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7", 56},            /* the French flag over bytes 56-63 */
        {"\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", 55}, /* woman ZWJ laptop over 55-65 */
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        char text[128];
        size_t n = cases[k].at, sign = strlen(cases[k].sign);
        memset(text, 'x', n);
        memcpy(text + n, cases[k].sign, sign);
        memset(text + n + sign, 'y', 40);
        memcpy(text + n + sign + 40, ".", 2);
        sl_span first = {0, (uint32_t)strlen(text)};
        sl_buf title = {0};
        CHECK_INT(sl_fallback_title(text, &first, 1, &title), 0);
        CHECK_INT(title.len, n + strlen("…"));
        CHECK(title.len >= n && !memcmp(title.ptr, text, n) && !strcmp(sl_buf_cstr(&title) + n, "…"));
        sl_buf_free(&title);
    }
}

/* A title over SL_TITLE_MAX bytes (a page's 1 MB <title>) is cut on a
 * character boundary and ends with an ellipsis; a shorter one is kept. */
TEST(doc_title_capped)
{
    sl_doc d = {0};
    sl_doc_reset(&d);
    char *long_title = malloc(1 << 20);
    for (size_t i = 0; i + 2 < (1 << 20); i += 2)
        memcpy(long_title + i, "\xc3\xa9", 2); /* é: a cut at SL_TITLE_MAX - 3 lands inside one */
    long_title[(1 << 20) - 2] = '\0';
    CHECK_INT(sl_doc_set_title(&d, long_title, 0), 0);
    size_t n = d.title ? strlen(d.title) : 0;
    CHECK(n <= SL_TITLE_MAX && n > SL_TITLE_MAX - 8);
    CHECK(n >= 3 && !strcmp(d.title + n - 3, "…") && !memcmp(d.title, long_title, n - 3));
    CHECK(((unsigned char)d.title[n - 4] & 0xC0) != 0xC0); /* no lead byte left without its tail */
    long_title[SL_TITLE_MAX] = '\0';
    CHECK_INT(sl_doc_set_title(&d, long_title, 0), 0);
    CHECK_STR(d.title, long_title);   /* at the cap: whole */
    free(long_title);
    sl_doc_free(&d);
}

/* The cap cuts where a reader sees a character end: not between a letter
 * and its combining accent, nor inside a ZWJ emoji sequence or a flag. */
static void check_capped_whole(const char *unit, size_t unit_len, size_t lead)
{
    sl_doc d = {0};
    sl_doc_reset(&d);
    char title[2 * SL_TITLE_MAX];
    memset(title, 'a', lead);
    size_t n = lead;
    while (n + unit_len < sizeof title) {
        memcpy(title + n, unit, unit_len);
        n += unit_len;
    }
    title[n] = '\0';
    CHECK_INT(sl_doc_set_title(&d, title, 1), 0);   /* clean: as given (NFKC would join e + accent) */
    size_t kept = strlen(d.title) - strlen("…");
    CHECK(kept <= SL_TITLE_MAX - strlen("…") && kept > SL_TITLE_MAX - 3 - unit_len);
    CHECK((kept - lead) % unit_len == 0);   /* whole units only */
    sl_doc_free(&d);
}

TEST(doc_title_capped_at_a_grapheme_boundary)
{
    const char accent[] = "e\xcc\x81";   /* e + U+0301 COMBINING ACUTE ACCENT */
    const char family[] = "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7";   /* woman ZWJ girl */
    const char flag[] = "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7";   /* regional indicators F R */
    for (size_t lead = 0; lead < 11; lead++) {   /* every place of the cut in a unit */
        check_capped_whole(accent, sizeof accent - 1, lead);
        check_capped_whole(family, sizeof family - 1, lead);
        check_capped_whole(flag, sizeof flag - 1, lead);
    }
}

/* The analysis finds the body's names once, for the stories and facts
 * stages to read (each found them anew before); a second article's
 * analysis replaces them. */
TEST(doc_analyse_finds_the_names)
{
    sl_analyzer *an = sl_analyzer_new();
    sl_doc d = {0};
    sl_doc_reset(&d);
    const char *text = "Mara Quell told the Selwyn Council on Monday that Port Selwyn needs two ferries.";
    CHECK_INT(sl_doc_set_text(&d, text, strlen(text)), 0);
    sl_doc_detect_language(&d, an, NULL);
    CHECK_INT(sl_doc_analyse(&d, an, NULL), 0);
    sl_name_vec want = {0};
    sl_buf fold = SL_BUF_INIT;
    CHECK_INT(sl_names_find(d.text, d.body.tokens.items, d.body.tokens.n, d.body.sentences.items,
                            d.body.sentences.n, &want, &fold), 0);
    CHECK(want.n >= 3);
    CHECK_INT(d.names.names.n, want.n);
    for (size_t k = 0; k < want.n && k < d.names.names.n; k++)
        CHECK(d.names.names.items[k].first == want.items[k].first &&
              d.names.names.items[k].end == want.items[k].end);
    CHECK_INT(d.names.fold.len, fold.len);

    sl_doc_reset(&d);
    const char *plain = "the ferries run again.";
    CHECK_INT(sl_doc_set_text(&d, plain, strlen(plain)), 0);
    sl_doc_detect_language(&d, an, NULL);
    CHECK_INT(sl_doc_analyse(&d, an, NULL), 0);
    CHECK_INT(d.names.names.n, 0);
    sl_vec_free(&want);
    sl_buf_free(&fold);
    sl_doc_free(&d);
    sl_analyzer_free(an);
}

/* Analysed from the tokens its cleaning made, the text gives the analysis
 * it gives alone: tokens with their stop flags, terms, sentences. */
TEST(doc_analyse_from_given_tokens)
{
    sl_analyzer *an = sl_analyzer_new();
    sl_doc a = {0}, b = {0};
    sl_doc_reset(&a);
    sl_doc_reset(&b);
    const char *text = "The harbour board met on Tuesday.\nIt agreed to 12-year terms worth 40,000 crowns.";
    sl_token_vec given = {0};
    CHECK_INT(sl_tokenize(text, strlen(text), NULL, &given), 0);
    CHECK_INT(sl_doc_set_text(&a, text, strlen(text)), 0);
    CHECK_INT(sl_doc_set_text(&b, text, strlen(text)), 0);
    sl_doc_detect_language(&a, an, NULL);
    sl_doc_detect_language(&b, an, NULL);
    CHECK_INT(sl_doc_analyse(&a, an, NULL), 0);
    CHECK_INT(sl_doc_analyse(&b, an, &given), 0);
    CHECK(given.n > 10 && a.body.tokens.n == given.n && b.body.tokens.n == given.n);
    for (size_t k = 0; k < a.body.tokens.n && k < b.body.tokens.n; k++)
        CHECK(!memcmp(&a.body.tokens.items[k], &b.body.tokens.items[k], sizeof a.body.tokens.items[k]) &&
              a.body.token_terms.items[k] == b.body.token_terms.items[k]);
    CHECK(a.body.terms.n > 5 && a.body.terms.n == b.body.terms.n);
    CHECK(!memcmp(a.body.terms.items, b.body.terms.items, a.body.terms.n * sizeof *a.body.terms.items));
    CHECK_INT(b.body.sentences.n, 2);
    CHECK(!(given.items[0].flags & SL_TOK_STOP) && (b.body.tokens.items[0].flags & SL_TOK_STOP));
    sl_vec_free(&given);
    sl_doc_free(&a);
    sl_doc_free(&b);
    sl_analyzer_free(an);
}

/* A date that finds no memory for its copy is an error, not an undated
 * article (the ingest went on and stored it without its date, exit 0). */
TEST(doc_published_out_of_memory_is_an_error)
{
    sl_doc d = {0};
    sl_doc_reset(&d);
    sl_alloc_fail_nth(1);
    CHECK_INT(sl_doc_set_published(&d, "2026-03-04"), SL_ENOMEM);
    sl_alloc_fail_nth(0);
    CHECK_INT(sl_doc_set_published(&d, "2026-03-04"), 0);
    CHECK_STR(d.published, "2026-03-04");
    CHECK_INT(sl_doc_set_published(&d, "not a date"), 0);
    CHECK(!d.published && d.day == SL_NO_DAY);
    sl_doc_free(&d);
}
