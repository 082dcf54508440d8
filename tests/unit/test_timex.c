/* test_timex.c — the temporal-expression stage: spans (code points), types
 * and TIMEX3 values of our own sentences, with and without a reference. */
#include <stdlib.h>

#include "storyline.h"
#include "test.h"
#include "timex/timex.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/date.h"

/* The expressions of `text` as "text|TYPE|value" lines. */
static char *found(const char *text, const char *reference)
{
    sl_timex_list *list = NULL;
    if (sl_timex_find(text, strlen(text), reference, &list))
        return NULL;
    static char out[4096];
    size_t n = 0;
    out[0] = 0;
    for (size_t i = 0; i < list->n && n < sizeof out - 200; i++) {
        const sl_timex *x = &list->items[i];
        n += (size_t)snprintf(out + n, sizeof out - n, "%.*s|%s|%s\n",
                              (int)(x->span.end - x->span.start), text + x->span.start,
                              sl_timex_type_name(x->type), x->value);
    }
    sl_timex_list_free(list);
    return out;
}

TEST(timex_relative_to_publication)
{
    /* 2024-08-19 is a Monday */
    CHECK_STR(found("The minister said on Tuesday that talks had failed last week.", "2024-08-19"),
              "Tuesday|DATE|2024-08-13\nlast week|DATE|2024-W33\n");
    CHECK_STR(found("Yesterday the army withdrew; the talks resume tomorrow.", "2024-08-19"),
              "Yesterday|DATE|2024-08-18\ntomorrow|DATE|2024-08-20\n");
    CHECK_STR(found("He will fly to Cairo on Friday.", "2024-08-19"), "Friday|DATE|2024-08-23\n");
    CHECK_STR(found("The rally took place this morning.", "2024-08-19"),
              "this morning|TIME|2024-08-19TMO\n");
    CHECK_STR(found("They fought last night and will talk tonight.", "2024-08-19"),
              "last night|TIME|2024-08-18TNI\ntonight|TIME|2024-08-19TNI\n");
    CHECK_STR(found("Sales rose this year and fell last month.", "2024-08-19"),
              "this year|DATE|2024\nlast month|DATE|2024-07\n");
    CHECK_STR(found("Two years ago the plant closed.", "2024-08-19"),
              "Two years ago|DATE|2022\n");
}

TEST(timex_calendar_dates)
{
    CHECK_STR(found("The ceasefire began on Aug. 19 and ended in June.", "2024-08-25"),
              "Aug. 19|DATE|2024-08-19\nJune|DATE|2024-06\n");
    CHECK_STR(found("Born on 7 October 2023, closed in March 2022, and again in 2019.", NULL),
              "7 October 2023|DATE|2023-10-07\nMarch 2022|DATE|2022-03\n2019|DATE|2019\n");
    CHECK_STR(found("A letter dated October 7 arrived.", NULL), "October 7|DATE|XXXX-10-07\n");
    /* "May" the verb is not a month */
    CHECK_STR(found("Prices may rise.", "2024-08-19"), "");
    CHECK_STR(found("Profit fell in the third quarter and in the 1990s.", "2024-08-19"),
              "the third quarter|DATE|2024-Q3\nthe 1990s|DATE|199\n");
}

TEST(timex_durations_sets_and_vague)
{
    CHECK_STR(found("After 10 months of war, talks resumed.", "2024-08-19"),
              "10 months|DURATION|P10M\n");
    CHECK_STR(found("Inspectors come every week and stayed for nearly three days.", NULL),
              "every week|SET|P1W\nnearly three days|DURATION|P3D\n");
    CHECK_STR(found("Costs soared over the past decade and are now falling.", "2024-08-19"),
              "the past decade|DATE|201\nnow|DATE|PRESENT_REF\n");
    CHECK_STR(found("The paper appears daily.", NULL), "daily|SET|P1D\n");
    CHECK_STR(found("The vote is at 10:30 a.m. today.", "2024-08-19"),
              "10:30 a.m.|TIME|2024-08-19T10:30\ntoday|DATE|2024-08-19\n");
}

TEST(timex_code_point_offsets)
{
    /* "Zürich" and "—" are multi-byte: offsets are in code points */
    const char *text = "In Zürich — on Tuesday — it rained.";
    sl_timex_list *list = NULL;
    CHECK_INT(sl_timex_find(text, strlen(text), "2024-08-19", &list), 0);
    CHECK_INT(list->n, 1);
    if (list->n == 1) {
        CHECK_INT(list->items[0].chars.start, 15);
        CHECK_INT(list->items[0].chars.end, 22);
        CHECK_INT(list->items[0].span.start, 18); /* ü and — take 1 + 2 more bytes */
        CHECK_INT(list->items[0].span.end, 25);
    }
    sl_timex_list_free(list);
}

/* A no-break space (U+00A0), a narrow one (U+202F) or a thin one (U+2009)
 * between a number and "p.m." or a month is a space: the text is matched as
 * given, not normalised; each counts one code point. */
TEST(timex_unicode_spaces_between_words)
{
    CHECK_STR(found("The ferry left at 3\xC2\xA0p.m. and the last one at 9\xE2\x80\xAFp.m. on Friday.",
                    "2024-08-19"),
              "3\xC2\xA0p.m.|TIME|2024-08-19T15:00\n9\xE2\x80\xAFp.m.|TIME|2024-08-19T21:00\n"
              "Friday|DATE|2024-08-16\n");
    CHECK_STR(found("The fair opened on 5\xC2\xA0March\xE2\x80\x89" "2024.", NULL),
              "5\xC2\xA0March\xE2\x80\x89" "2024|DATE|2024-03-05\n");
    const char *text = "At\xC2\xA0" "3\xE2\x80\xAFp.m.";
    sl_timex_list *list = NULL;
    CHECK_INT(sl_timex_find(text, strlen(text), "2024-08-19", &list), 0);
    CHECK(list->n == 1 && list->items[0].chars.start == 3 && list->items[0].chars.end == 9);
    sl_timex_list_free(list);
}

/* A cut sequence E2 80 before an ASCII byte is no space: the byte after it
 * (here the day) stays a word of its own, as before U+2000-200A were spaces. */
TEST(timex_cut_sequence_is_no_space)
{
    CHECK_STR(found("Opened \xE2\x80" "5 March 2024.", NULL), "5 March 2024|DATE|2024-03-05\n");
    CHECK_STR(found("At \xE2\x80" "9 p.m. sharp", "2024-08-19"), "9 p.m.|TIME|2024-08-19T21:00\n");
}

/* A sink for sl_timex_json: appends to an sl_buf. */
static int to_buf(void *ctx, const char *data, size_t len)
{
    return sl_buf_put(ctx, data, len);
}

/* sl_timex_json, its one writer of the lines (report/json.c): the fields
 * alone in SL_JSON_PART, each line after the header and the input in
 * SL_JSON_DOCUMENT, as `timex --json` prints them. */
TEST(timex_json_forms)
{
    const char *text = "We met on Tuesday for 10 months.";
    const char *fields[] = {
        "\"start\":10,\"end\":17,\"text\":\"Tuesday\",\"type\":\"DATE\","
        "\"value\":\"2024-08-13\"}\n",
        "\"start\":22,\"end\":31,\"text\":\"10 months\",\"type\":\"DURATION\","
        "\"value\":\"P10M\"}\n"};
    const char *header =
        "{\"storyline\":\"" SL_VERSION "\",\"json_version\":1,\"input\":\"t.txt\",";
    sl_buf part = SL_BUF_INIT, doc = SL_BUF_INIT, want = SL_BUF_INIT;
    CHECK_INT(sl_timex_json(text, strlen(text), "2024-08-19", NULL, SL_JSON_PART, to_buf, &part),
              0);
    sl_buf_printf(&want, "{%s{%s", fields[0], fields[1]);
    CHECK_STR(sl_buf_cstr(&part), sl_buf_cstr(&want));
    CHECK_INT(sl_timex_json(text, strlen(text), "2024-08-19", "t.txt", SL_JSON_DOCUMENT, to_buf,
                            &doc), 0);
    sl_buf_clear(&want);
    sl_buf_printf(&want, "%s%s%s%s", header, fields[0], header, fields[1]);
    CHECK_STR(sl_buf_cstr(&doc), sl_buf_cstr(&want));
    sl_buf_free(&part);
    sl_buf_free(&doc);
    sl_buf_free(&want);
}

TEST(timex_no_reference_and_empty)
{
    CHECK_STR(found("We met yesterday, last week and on Friday.", NULL),
              "yesterday|DATE|XXXX-XX-XX\nlast week|DATE|XXXX-WXX\nFriday|DATE|XXXX-XX-XX\n");
    CHECK_STR(found("", "2024-08-19"), "");
    CHECK_STR(found("No dates here at all.", "not a date"), "");
    sl_timex_list_free(NULL);
}

/* "no" and "a" are no approximation words (rules.c, APPROX: listed past
 * the alternatives kept, they never matched; matched, AQUAINT's strict F1
 * fell): "no more than three weeks" is "more than three weeks". */
TEST(timex_approximation_words_as_listed)
{
    CHECK_STR(found("The repairs took no more than three weeks, and a few days later the pier reopened.",
                    "2024-08-19"),
              "more than three weeks|DURATION|P3W\nfew days later|DATE|FUTURE_REF\n");
    CHECK_STR(found("It took nearly three weeks, at least two days, up to a week.", "2024-08-19"),
              "nearly three weeks|DURATION|P3W\nat least two days|DURATION|P2D\nup to a week|DURATION|P1W\n");
}

/* Patterns that open with optional elements ("more than", "the fiscal",
 * "mid -") or have them between required ones, taken or left out: the
 * matcher's quick test of a pattern (may_match) must leave every one of
 * them to the full match. */
TEST(timex_optional_elements_taken_and_left_out)
{
    CHECK_STR(found("Output had fallen more than 20 years earlier, at least a year ago.", "2024-08-19"),
              "more than 20 years earlier|DATE|2004\nat least a year ago|DATE|2023\n");
    CHECK_STR(found("The loss came in the fiscal second quarter of 1986 and early last year.",
                    "2024-08-19"),
              "the fiscal second quarter of 1986|DATE|1986-Q2\nearly last year|DATE|2023\n");
    CHECK_STR(found("Wages rose in the third - quarter, from 5 p.m. to 11 a.m., in the mid - 1980s.",
                    "2024-08-19"),
              "third - quarter|DATE|2024-Q3\n5 p.m.|TIME|2024-08-19T17:00\n"
              "11 a.m.|TIME|2024-08-19T11:00\nmid - 1980s|DATE|198\n");
    CHECK_STR(found("A cut was made for the first 9 months, about 2 - week.", NULL),
              "the first 9 months|DURATION|P9M\n2 - week|DURATION|P2W\n");
    /* a required element the window cannot reach: "ago" four tokens on */
    CHECK_STR(found("It was 20 years and more ago.", NULL), "20 years|DURATION|P20Y\n");
}

/* Patterns whose first two elements are both required are tried only
 * when the next token may fit the second (openers_of): each found after
 * its first word, where the same first word leads elsewhere, and a first
 * word that ends the text. */
TEST(timex_second_element_required_after_the_first)
{
    CHECK_STR(found("Results for the year ago quarter beat the past, and the 5th of May was in "
                    "the present, as in the year.", "2024-08-19"),
              "the year ago quarter|DATE|2023\nthe past|DATE|PAST_REF\n"
              "the 5th of May|DATE|2024-05-05\nthe present|DATE|PRESENT_REF\n"
              "the year|DURATION|P1Y\n");
    CHECK_STR(found("Shares fell at 9:30 a.m. on 5 May 2020; the 10-year bond rose every week "
                    "and every 3 weeks, then the", "2024-08-19"),
              "9:30 a.m.|TIME|2024-08-19T09:30\n5 May 2020|DATE|2020-05-05\n"
              "10-year|DURATION|P10Y\nevery week|SET|P1W\nevery 3 weeks|SET|P3W\n");
    CHECK_STR(found("The fiscal 1987 and the calendar 1986 figures, last night, this evening, "
                    "3 p.m. and Sunday night, the quarter and the 1986 period", "2024-08-19"),
              "The fiscal 1987|DATE|1987\nthe calendar 1986|DATE|1986\n"
              "last night|TIME|2024-08-18TNI\nthis evening|TIME|2024-08-19TEV\n"
              "3 p.m.|TIME|2024-08-19T15:00\nSunday night|DATE|2024-08-18\n"
              "the quarter|DATE|2024-Q2\nthe 1986 period|DATE|1986-Q2\n");
    /* a first element left out ("the? past|last ... %V"): not ruled out by its second */
    CHECK_STR(found("Prices rose in past weeks, in the past months, in coming days and middle of "
                    "March.", "2024-08-19"),
              "past weeks|DATE|PAST_REF\nthe past months|DATE|PAST_REF\n"
              "coming days|DATE|FUTURE_REF\nmiddle of March.|DATE|2024-03\n");
    CHECK_STR(found("At 9", NULL), "");
    CHECK_STR(found("the", NULL), "");
}

/* A weekday is the coming one when a word of the future stands in its
 * sentence (up to 12 tokens before, 8 after, not past a full stop), the
 * last one otherwise, and always the last one after "since" (up to 7
 * tokens back, not past a comma or a full stop); a match never ends on a
 * comma, a hyphen or "of". Words that share a first byte, a start or an
 * end with a future word leave the weekday past. 2024-08-19 is a Monday. */
TEST(timex_future_words_and_since_around_a_weekday)
{
    static const char *const future[] = {"will", "shall", "scheduled to", "expected to",
        "due to", "wo", "\'ll", "WILL"};
    static const char *const other[] = {"willow", "w", "sha", "shallow", "scheduler",
        "expect", "dues", "d", "e", "l", "lll", "woe", "s", "x"};
    char text[160];
    for (size_t i = 0; i < sizeof future / sizeof *future; i++) {
        snprintf(text, sizeof text, "The board %s meet on Friday.", future[i]);
        CHECK_STR(found(text, "2024-08-19"), "Friday|DATE|2024-08-23\n");
    }
    for (size_t i = 0; i < sizeof other / sizeof *other; i++) {
        snprintf(text, sizeof text, "The board %s met on Friday.", other[i]);
        CHECK_STR(found(text, "2024-08-19"), "Friday|DATE|2024-08-16\n");
    }
    CHECK_STR(found("Talks will go on. Prices rose on Friday.", "2024-08-19"),
              "Friday|DATE|2024-08-16\n");
    CHECK_STR(found("Prices rose on Friday. Talks will go on.", "2024-08-19"),
              "Friday|DATE|2024-08-16\n");
    CHECK_STR(found("Talks will stay closed since Friday.", "2024-08-19"),
              "Friday|DATE|2024-08-16\n");
    CHECK_STR(found("Since then, talks will resume Friday.", "2024-08-19"),
              "Friday|DATE|2024-08-23\n");
    CHECK_STR(found("Talks will resume since. Friday.", "2024-08-19"),
              "Friday|DATE|2024-08-16\n");
    CHECK_STR(found("It will open on the 5th of May, grow in the third quarter of.", "2024-08-19"),
              "the 5th of May|DATE|2025-05-05\nthe third quarter|DATE|2024-Q3\n");
}

/* The tokens of the timex rules: runs of ASCII letters and digits, each
 * other code point alone, their spans in bytes and in code points (a
 * two-byte letter is one), lowered and classed. */
TEST(timex_tokens_spans_and_classes)
{
    const char *text = "Caf\xC3\xA9s 3rd-quarter,\tMay 1990s";
    tx_token *toks = NULL;
    long n = sl_tx_tokenize(text, strlen(text), NULL, 0, &toks);
    CHECK_INT(n, 9);
    static const struct { const char *low; uint32_t start, end, cp_start, cp_end; } want[] = {
        {"caf", 0, 3, 0, 3},     {"\xC3\xA9", 3, 5, 3, 4}, {"s", 5, 6, 4, 5},
        {"3rd", 7, 10, 6, 9},    {"-", 10, 11, 9, 10},      {"quarter", 11, 18, 10, 17},
        {",", 18, 19, 17, 18},   {"may", 20, 23, 19, 22},   {"1990s", 24, 29, 23, 28},
    };
    for (long k = 0; k < n && k < 9; k++) {
        CHECK_STR(toks[k].low, want[k].low);
        CHECK_INT(toks[k].start, want[k].start);
        CHECK_INT(toks[k].end, want[k].end);
        CHECK_INT(toks[k].cp_start, want[k].cp_start);
        CHECK_INT(toks[k].cp_end, want[k].cp_end);
    }
    if (n == 9) {
        CHECK(toks[3].cls & TX_ORD);
        CHECK_INT(toks[3].val, 3);
        CHECK(toks[7].cls & TX_MONTH);
        CHECK(toks[7].cls & TX_UPPER);
        CHECK_INT(toks[7].val, 5);
        CHECK(toks[8].cls & TX_DECADE);
        CHECK_INT(toks[8].val, 1990);
    }
    free(toks);
}

/* Every byte as a token of its own, lowered as ASCII only; and words of
 * capitals found in the lexicon and the pattern table as their lower case
 * (the lowered bytes are what the lookup hashes). */
TEST(timex_tokens_lowered_byte_by_byte)
{
    for (int b = 1; b < 256; b++) {
        if (b == ' ' || b == '\t' || b == '\n' || b == '\r')
            continue;
        char text[2] = {(char)b, 0};
        tx_token *toks = NULL;
        CHECK_INT(sl_tx_tokenize(text, 1, NULL, 0, &toks), 1);
        if (!toks)
            continue;
        char want = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
        if (toks[0].low[0] != want || toks[0].low[1])
            CHECK_INT(b, -1);
        CHECK_INT(!!(toks[0].cls & TX_UPPER), b >= 'A' && b <= 'Z');
        free(toks);
    }
    CHECK_STR(found("SALES ROSE IN THE THIRD QUARTER OF LAST YEAR, FROM 5 P.M. ON FRIDAY.",
                    "2024-08-19"),
              "THE THIRD QUARTER|DATE|2024-Q3\nLAST YEAR|DATE|2023\n5 P.M.|TIME|2024-08-19T17:00\n"
              "FRIDAY|DATE|2024-08-16\n");
}

/* What sl_tx_find_each has handed over: the expressions, up to a stop. */
typedef struct handed {
    sl_timex items[8];
    size_t n, stop_at;
} handed;

static int hand(void *ctx, const sl_timex *x)
{
    handed *h = ctx;
    if (h->n < 8)
        h->items[h->n] = *x;
    return ++h->n == h->stop_at ? 7 : 0;
}

/* The search hands the expressions over in text order, each as
 * sl_timex_find lists it, and stops when told, returning what it was told. */
TEST(timex_search_stops_where_asked)
{
    const char *text = "The port reopened on Monday. Talks resume next week and end on 3 May 2025.";
    sl_timex_list *list = NULL;
    CHECK_INT(sl_timex_find(text, strlen(text), "2024-08-20", &list), 0);
    CHECK_INT((int)list->n, 3);
    handed h = {.stop_at = 2};
    CHECK_INT(sl_tx_find_each(text, strlen(text), sl_date_day("2024-08-20"), hand, &h), 7);
    CHECK_INT((int)h.n, 2);
    for (size_t i = 0; i < 2 && i < list->n; i++) {
        CHECK_INT((int)h.items[i].span.start, (int)list->items[i].span.start);
        CHECK_INT((int)h.items[i].chars.end, (int)list->items[i].chars.end);
        CHECK_STR(h.items[i].value, list->items[i].value);
    }
    handed all = {.stop_at = 0};
    CHECK_INT(sl_tx_find_each(text, strlen(text), SL_NO_DAY, hand, &all), 0);
    CHECK_INT((int)all.n, 3);
    sl_timex_list_free(list);
}

/* Words that open only patterns past the table's first 64 ("noon",
 * "midnight") still open them: the set of opening words a token is
 * tested against first covers the whole table. */
TEST(timex_words_opening_the_last_patterns)
{
    CHECK_STR(found("The count starts at noon and ends by midnight.", "2024-08-20"),
              "noon|TIME|2024-08-20T12:00\nmidnight|TIME|2024-08-20T24:00\n");
}

/* A match of a pattern's every element (seven tokens, the table's longest)
 * is found: the tokens a pattern is first tested against (its required
 * elements' classes and words, from the opening token on) reach as far. */
TEST(timex_longest_pattern_matched_whole)
{
    CHECK_STR(found("Sales rose at least than 3 - year ago.", "2024-08-20"),
              "at least than 3 - year ago|DATE|2021\n");
}

/* The caller's room holds the tokens while they fit; a text with more
 * goes on into the heap, the room's tokens moved with it: the same tokens
 * as without a room, whatever its size. */
TEST(timex_tokens_in_the_room_then_the_heap)
{
    const char *text = "On Friday, 12 May 2023, at 5 p.m. the ferry left; by Sunday it was back.";
    tx_token *plain = NULL;
    long n = sl_tx_tokenize(text, strlen(text), NULL, 0, &plain);
    CHECK(n > 20);
    for (size_t cap = 1; plain && cap <= (size_t)n + 1; cap++) {
        tx_token room[64], *toks = NULL;
        CHECK_INT(sl_tx_tokenize(text, strlen(text), room, cap, &toks), n);
        CHECK((toks == room) == (cap >= (size_t)n));
        CHECK(toks && !memcmp(toks, plain, (size_t)n * sizeof *toks));
        if (toks != room)
            free(toks);
    }
    free(plain);
}

/* Out of memory for a text's last token is out of memory: -1 (and
 * SL_ENOMEM from sl_tx_find_each), not the tokens before it as all of
 * them, whether the room was none, the caller's or the heap's. */
TEST(timex_tokens_out_of_memory_at_the_last_token)
{
    tx_token room[4], *toks = room;
    sl_alloc_fail_nth(1);
    CHECK_INT(sl_tx_tokenize("a", 1, NULL, 0, &toks), -1);
    CHECK(!toks);
    toks = room;
    sl_alloc_fail_nth(1);
    CHECK_INT(sl_tx_tokenize("a b", 3, room, 1, &toks), -1);
    CHECK(!toks);
    sl_alloc_fail_nth(2);
    CHECK_INT(sl_tx_tokenize("a b c", 5, room, 1, &toks), -1);
    CHECK(!toks);
    sl_alloc_fail_nth(0);
    /* 321 tokens: the 321st the first past sl_tx_find_each's stack room */
    char text[2 * 321 + 1];
    for (int k = 0; k < 321; k++)
        text[2 * k] = 'a', text[2 * k + 1] = ' ';
    text[2 * 321 - 1] = 0;
    sl_alloc_fail_nth(1);
    CHECK_INT(sl_tx_find_each(text, strlen(text), 0, NULL, NULL), SL_ENOMEM);
    sl_alloc_fail_nth(0);
}
