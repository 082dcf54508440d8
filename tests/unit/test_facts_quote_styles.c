/* test_facts_quote_styles.c — unit tests of quotes in the styles of other
 * outlets than PolNeAR's (issue 18): guillemets, German „low-high“ marks,
 * British single marks (curly, after a no-break space, opening on a
 * bracket, a plural possessive's apostrophe inside), a quote over two
 * paragraphs whose attribution is in the second, a colon lead-in, and
 * `` … '' in a tokenised text (eval/quotes_backticks.py). The same styles
 * eval/facts_quotes_styles.py measures; the texts are invented. */
#include <string.h>

#include "facts/facts.h"
#include "facts_items.h"
#include "test.h"
#include "text/text.h"

/* The text has exactly one quote, `want`, said by `speaker`. */
static void one_quote(const char *text, const char *want, const char *speaker)
{
    sl_fact_items *items = facts_of_text(text, NULL);
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), 1);
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 0);
    CHECK_STR(q ? q->text : NULL, want);
    CHECK_STR(q ? q->about : NULL, speaker);
    sl_fact_items_free(items);
}

/* «…» and „…“ are quotation marks, their closing mark read by its place
 * („ opens, and the “ that closes is the English opening one); the text
 * ends before the comma. */
TEST(facts_quote_styles_guillemets_and_low_high)
{
    one_quote("The ferry company cut its winter timetable.\n\n"
              "\xC2\xAB" "We cannot run empty boats all winter," "\xC2\xBB"
              " said Marta Lindgren, the company's director.\n",
              "We cannot run empty boats all winter", "Marta Lindgren");
    one_quote("The ferry company cut its winter timetable.\n\n"
              "\xE2\x80\x9E" "The islands will not be cut off," "\xE2\x80\x9C"
              " Mayor Jonas Falk told the local paper.\n",
              "The islands will not be cut off", "Jonas Falk");
    int w;
    CHECK_INT(sl_quote_mark("\xE2\x80\x9E", 3, 0, false, &w), 'o');
    CHECK_INT(w, 3);
    CHECK_INT(sl_quote_mark("\xC2\xBB", 2, 0, false, &w), 'c');
    CHECK_INT(w, 2);
    CHECK_INT(sl_quote_mark("\xC2\xA0", 2, 0, false, &w), 0); /* a no-break space is none */
}

/* British curly singles: the apostrophes of "don't" and of a plural
 * possessive ("the growers' union") close nothing; a quote opens after a
 * no-break space and on a bracket. */
TEST(facts_quote_styles_british_singles)
{
    one_quote("Apple growers met in Kent on Friday.\n\n"
              "\xE2\x80\x98" "We don" "\xE2\x80\x99" "t expect the growers" "\xE2\x80\x99"
              " union to give in this year," "\xE2\x80\x99" " said Alice Thorne.\n",
              "We don\xE2\x80\x99t expect the growers\xE2\x80\x99 union to give in this year",
              "Alice Thorne");
    one_quote("Apple growers met in Kent on Friday. Alice Thorne spoke first." "\xC2\xA0"
              "\xE2\x80\x98" "[The buyers] want apples at last year" "\xE2\x80\x99"
              "s prices," "\xE2\x80\x99" " she said.\n",
              "[The buyers] want apples at last year\xE2\x80\x99s prices", "Alice Thorne");
}

/* A quote over two paragraphs (an opening mark at each, the closing one at
 * the end) whose attribution is in the second is one quote, said by the
 * person the second paragraph names, not by the speaker of the quote
 * before; a straight mark then a curly one in the next paragraph are two
 * quotes. */
TEST(facts_quote_styles_attribution_in_the_second_paragraph)
{
    sl_fact_items *items = facts_of_text(
        "The rail strike entered its third day.\n\n"
        "\"Nobody wants this,\" said Peter Holm, who speaks for the operator at its head "
        "office in the capital.\n\n"
        "\"The drivers have been patient for two years. They asked for talks in March.\n\n"
        "\"Now they are asking for a date, nothing more,\" said union leader Sara Beck.\n",
        NULL);
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), 2);
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 1);
    CHECK(q && strstr(q->text, "patient for two years") && strstr(q->text, "a date, nothing more"));
    CHECK_STR(q ? q->about : NULL, "Sara Beck");
    sl_fact_items_free(items);
    items = facts_of_text(
        "The rail strike entered its third day.\n\n"
        "\"The drivers have been patient for two years and the operator knows it.\n\n"
        "\xE2\x80\x9CNow they are asking for a date, nothing more,\xE2\x80\x9D said union leader "
        "Sara Beck.\n", NULL);
    q = fact_nth(items, SL_FACT_QUOTE, fact_count(items, SL_FACT_QUOTE) - 1);
    CHECK_STR(q ? q->text : NULL, "Now they are asking for a date, nothing more");
    sl_fact_items_free(items);
}

/* A colon lead-in in British singles ("Mr Holm told the BBC: '…'"), the
 * quote text without its full stop. */
TEST(facts_quote_styles_colon_lead_in)
{
    one_quote("The rail strike entered its third day.\n\n"
              "Mr Peter Holm told the BBC: 'The trains will run again on Monday.'\n",
              "The trains will run again on Monday", "Peter Holm");
}

/* The scans test each byte with sl_quote_may_mark before asking
 * sl_quote_mark: no mark may open with a byte that test turns away. Every
 * byte value before the second bytes of the curly marks, the guillemets
 * and the low mark, or before a letter, in double and single styles. */
TEST(facts_quote_styles_every_mark_opens_with_a_lead_byte)
{
    static const char *const tails[] = {"\x80\x9C", "\x80\x9D", "\x80\x9E", "\x80\x98",
        "\x80\x99", "\xAB", "\xBB", "a", " ", "", "`", "'"};
    int marks = 0;
    for (int b = 1; b < 256; b++)
        for (size_t t = 0; t < sizeof tails / sizeof *tails; t++)
            for (int singles = 0; singles < 2; singles++) {
                char text[16];
                int n = snprintf(text, sizeof text, " %c%sword ", (char)b, tails[t]), w;
                if (sl_quote_mark(text, (size_t)n, 1, singles, &w)) {
                    marks++;
                    if (!sl_quote_may_mark((char)b))
                        CHECK_INT(b, -1);
                }
            }
    CHECK(marks >= 10); /* " ' and the 0xC2, 0xE2 marks were all met */
    CHECK(sl_quote_may_mark('"') && sl_quote_may_mark('\'') && sl_quote_may_mark('`') &&
          sl_quote_may_mark('\xC2') && sl_quote_may_mark('\xE2'));
}

/* A quote found wherever its marks fall among the eight bytes the scan
 * reads at once (marks.c's next_stop): straight, curly and single
 * marks, the text moved a byte at a time, its closing mark the text's
 * last byte (read by the scan's byte-by-byte tail). */
TEST(facts_quote_styles_marks_at_every_offset)
{
    static const char *const marks[][2] = {{"\"", "\""}, {"\xE2\x80\x9C", "\xE2\x80\x9D"},
        {"\xE2\x80\x98", "\xE2\x80\x99"}, {"``", "''"}};
    for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
        for (int pad = 0; pad < 16; pad++) {
            char text[256];
            snprintf(text, sizeof text,
                     "%.*sThe ferry sailed again.\n\nHarbour master Ilse Varnholt said: %sWe "
                     "reopened the port at dawn and the piers held%s",
                     pad, "ABCDEFGHIJKLMNOP", marks[m][0], marks[m][1]);
            sl_fact_items *items = facts_of_text(text, NULL);
            const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 0);
            if (fact_count(items, SL_FACT_QUOTE) != 1 || !q || !q->text ||
                strcmp(q->text, "We reopened the port at dawn and the piers held"))
                sl_test_fail(__FILE__, __LINE__, "marks %zu, pad %d: %s", m, pad,
                             q && q->text ? q->text : "(no quote)");
            sl_fact_items_free(items);
        }
}

/* `` … '' as tokenised corpora write quotes (a space between tokens, one
 * sentence a line): the quote and its speaker as for other marks, the
 * text from its first word; a quote running on over lines, each opening
 * again, is one; in such a text '' only closes (a title in '' is none),
 * and " 's" opens no single-mark quote. */
TEST(facts_quote_styles_backticks)
{
    one_quote("The ferry sailed again on Monday .\n"
              "`` We reopened the port at dawn , and the piers held , '' "
              "harbour master Ilse Varnholt said .\n",
              "We reopened the port at dawn , and the piers held", "Ilse Varnholt");
    one_quote("Ilse Varnholt 's crews worked all night .\n"
              "She read the film ''Low Tide'' to them once .\n"
              "Varnholt said : `` The storm took two cranes .\n"
              "`` The piers held . ''\n",
              "The storm took two cranes \xE2\x80\xA6 The piers held", "Ilse Varnholt");
    int w;
    CHECK_INT(sl_quote_mark("`` A", 4, 0, 0, &w), 'o');
    CHECK_INT(w, 2);
    CHECK_INT(sl_quote_mark("A ''", 4, 2, 0, &w), 's'); /* archives: '' opens and closes */
    CHECK_INT(sl_quote_mark("A ''", 4, 2, SL_QUOTES_BACKTICKS, &w), 'c');
    CHECK_INT(sl_quote_mark("` A", 3, 0, 0, &w), 0); /* one backtick is none */
    const char *text = "`` Yes , '' Ann 's aide said .";
    CHECK_INT(sl_quote_style(text, strlen(text)), SL_QUOTES_BACKTICKS);
}

/* One stray `` (an unclosed one, or a title) in an archive text writing
 * its quotes '' … '' leaves its '' opening and closing: the style of
 * quotes is the text's, not the one mark's. A text whose '' are about as
 * many as its `` stays of the backtick style. */
TEST(facts_quote_styles_stray_backticks_in_an_archive_text)
{
    const char *text = "''We go to the port at dawn,'' Ann Holm said.\n\n"
                       "He called it ``the worst night.\n\n"
                       "''The piers held up all night,'' Ann Holm said.\n";
    CHECK_INT(sl_quote_style(text, strlen(text)), 0);
    sl_fact_items *items = facts_of_text(text, NULL);
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), 2);
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 1);
    CHECK_STR(q ? q->text : NULL, "The piers held up all night");
    CHECK_STR(q ? q->about : NULL, "Ann Holm");
    sl_fact_items_free(items);
    const char *tokens = "`` Yes , '' Ann 's aide said of the ''Low Tide'' film .";
    CHECK_INT(sl_quote_style(tokens, strlen(tokens)), SL_QUOTES_BACKTICKS);
}

/* A text in British single marks holding one `` … '' (a title) keeps its
 * single marks: its closed single quotes outnumber its double marks (a
 * tokenised text closes none, a space before each mark). */
TEST(facts_quote_styles_british_singles_beside_backticks)
{
    const char *text = "\xE2\x80\x98We will reopen the north pier by spring,\xE2\x80\x99 harbour "
                       "master Ilse Varnholt said.\n\n"
                       "\xE2\x80\x98The cranes are gone for good,\xE2\x80\x99 she said.\n\n"
                       "\xE2\x80\x98The piers held up all night,\xE2\x80\x99 Varnholt said.\n\n"
                       "She read the film ``Low Tide'' to the crews.\n";
    CHECK_INT(sl_quote_style(text, strlen(text)), SL_QUOTES_SINGLES);
    sl_fact_items *items = facts_of_text(text, NULL);
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), 3);
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 0);
    CHECK_STR(q ? q->text : NULL, "We will reopen the north pier by spring");
    CHECK_STR(q ? q->about : NULL, "Ilse Varnholt");
    sl_fact_items_free(items);
}
