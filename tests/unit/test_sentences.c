/* test_sentences.c — unit tests of the sentence splitter
 * (src/text/sentences.c): offsets, abbreviations, initials, quotes,
 * ellipses and lines, a sentence end at every place of an eight-byte word.
 * Longer cases live as golden files (test_text_golden.c). */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "text/text.h"

/* The sentences of `text`, joined by " | ". */
static char *sentences(const char *text)
{
    sl_span_vec spans = {0};
    sl_buf out = SL_BUF_INIT;
    CHECK_INT(sl_sentences_split(text, strlen(text), &spans), 0);
    for (size_t k = 0; k < spans.n; k++) {
        if (k)
            sl_buf_puts(&out, " | ");
        sl_buf_put(&out, text + spans.items[k].start, spans.items[k].end - spans.items[k].start);
    }
    sl_vec_free(&spans);
    return sl_buf_take(&out);
}

#define CHECK_SENTENCES(in, want) \
    do { char *got_ = sentences(in); CHECK_STR(got_, (want)); free(got_); } while (0)

TEST(sentences_basic_offsets)
{
    const char *text = "  One here.  Two there!\n\nThree?  ";
    sl_span_vec spans = {0};
    CHECK_INT(sl_sentences_split(text, strlen(text), &spans), 0);
    CHECK_INT(spans.n, 3);
    if (spans.n == 3) {
        CHECK_INT(spans.items[0].start, 2);
        CHECK_INT(spans.items[0].end, 11);
        CHECK_INT(spans.items[1].start, 13);
        CHECK_INT(spans.items[1].end, 23);
        CHECK_INT(spans.items[2].start, 25);
        CHECK_INT(spans.items[2].end, 31);
    }
    CHECK_INT(sl_sentences_split("", 0, &spans), 0);
    CHECK_INT(spans.n, 0);
    CHECK_INT(sl_sentences_split(" \n\n ", 4, &spans), 0);
    CHECK_INT(spans.n, 0);
    sl_vec_free(&spans);
}

/* A sentence end at every place of an eight-byte word, after a run of
 * letters long enough for the scan to step over eight bytes at a time
 * (2026-12-06, branch text3), and over sixteen (branch dedup9: pads to 40,
 * and a paragraph break for an end, which the scan stops at too). */
TEST(sentences_end_at_every_place)
{
    static const char *const ends[][2] = {
        {".", "."}, {"!", "!"}, {"?", "?"}, {"\xE2\x80\xA6", "\xE2\x80\xA6"}, {"\n\n", ""}};
    for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
        for (size_t pad = 0; pad < 40; pad++) {
            char first[64], text[192], want[192];
            memset(first, 'a', pad);
            memcpy(first + pad, "Tarn", 5);
            snprintf(text, sizeof text, "%s grew%s Then the crews rested for weeks.\n\nQuays", first,
                     ends[e][0]);
            snprintf(want, sizeof want, "%s grew%s | Then the crews rested for weeks. | Quays", first,
                     ends[e][1]);
            CHECK_SENTENCES(text, want);
        }
    }
}

TEST(sentences_abbreviations)
{
    CHECK_SENTENCES("Gen. Ada Moss spoke. Mr. Lee and Dr. Roe agreed.",
                    "Gen. Ada Moss spoke. | Mr. Lee and Dr. Roe agreed.");
    CHECK_SENTENCES("Sen. Ito and Rep. Cole met Gov. Diaz. St. Louis waited.",
                    "Sen. Ito and Rep. Cole met Gov. Diaz. | St. Louis waited.");
    CHECK_SENTENCES("It opened Jan. 4 and closed Dec. 9. Few noticed.",
                    "It opened Jan. 4 and closed Dec. 9. | Few noticed.");
    CHECK_SENTENCES("It ends at 5 p.m. Monday. It starts at 9 a.m. The rest waits.",
                    "It ends at 5 p.m. Monday. | It starts at 9 a.m. | The rest waits.");
    CHECK_SENTENCES("Out by 7 a.m. Crews said so. At 6 p.m. EST it rained.",
                    "Out by 7 a.m. | Crews said so. | At 6 p.m. EST it rained.");
    CHECK_SENTENCES("Room No. 5 is closed. She said no. Then she left.",
                    "Room No. 5 is closed. | She said no. | Then she left.");
    CHECK_SENTENCES("Bellmark Inc. The firm denied it.", "Bellmark Inc. | The firm denied it.");
    CHECK_SENTENCES("Bellmark Inc. Chief Ola Ray denied it.", "Bellmark Inc. Chief Ola Ray denied it.");
    /* a currency's dot ends no sentence before its amount only: "Rs." and
     * "Kshs." end one before a name, as any word does (numbers14 said "before
     * digits"; as abbreviations they ended one only before a starter) */
    CHECK_SENTENCES("The town borrowed Rs. 1,200 crore. She paid Kshs. 500 for it.",
                    "The town borrowed Rs. 1,200 crore. | She paid Kshs. 500 for it.");
    CHECK_SENTENCES("The ticket cost 500 Rs. Modi said the fare was fair.",
                    "The ticket cost 500 Rs. | Modi said the fare was fair.");
    CHECK_SENTENCES("She paid 900 Kshs. Otieno said so.", "She paid 900 Kshs. | Otieno said so.");
    /* tokenised text writes a space before every dot: a title's ends nothing */
    CHECK_SENTENCES("They hired Dr . Ada Moss today . She starts soon .",
                    "They hired Dr . Ada Moss today . | She starts soon .");
    CHECK_SENTENCES("It was a bad dr . Then it rained .", "It was a bad dr . | Then it rained .");
}

/* The first and last entries of the titles and of the abbreviations are
 * found (a word outside their first bytes is turned away before the
 * search: branch dedup28), and a word in small letters is no title. */
TEST(sentences_list_ends)
{
    CHECK_SENTENCES("They met Adm. Moss there. They met Supt. Ray there.",
                    "They met Adm. Moss there. | They met Supt. Ray there.");
    CHECK_SENTENCES("It went to Ala. 5 times. It went 3 vs. 2 at last.",
                    "It went to Ala. 5 times. | It went 3 vs. 2 at last.");
    CHECK_SENTENCES("They met adm. Moss there.", "They met adm. | Moss there.");
    CHECK_SENTENCES("It was 3 vs. The end came.", "It was 3 vs. | The end came.");
    CHECK_SENTENCES("It went 3 zz. 2 came.", "It went 3 zz. | 2 came.");
}

TEST(sentences_dotted_acronyms)
{
    /* the documented rule: split after U.S. only before a sentence starter */
    CHECK_SENTENCES("U.S. officials said so. The U.N. Security Council met.",
                    "U.S. officials said so. | The U.N. Security Council met.");
    CHECK_SENTENCES("Troops left the U.S. They flew east.", "Troops left the U.S. | They flew east.");
    CHECK_SENTENCES("Aid from the E.U. and the U.K. arrived.", "Aid from the E.U. and the U.K. arrived.");
}

TEST(sentences_initials_and_decimals)
{
    CHECK_SENTENCES("J. R. R. Tolkien wrote it. George W. Bush read it.",
                    "J. R. R. Tolkien wrote it. | George W. Bush read it.");
    CHECK_SENTENCES("Rates rose 2.5 percent. Prices fell 0.3.", "Rates rose 2.5 percent. | Prices fell 0.3.");
    CHECK_SENTENCES("They won Group B. The final is next.", "They won Group B. | The final is next.");
}

TEST(sentences_quotes_and_brackets)
{
    CHECK_SENTENCES("\xE2\x80\x9CHello.\xE2\x80\x9D He left.",
                    "\xE2\x80\x9CHello.\xE2\x80\x9D | He left.");
    CHECK_SENTENCES("She said \"No.\" Then silence.", "She said \"No.\" | Then silence.");
    CHECK_SENTENCES("\xE2\x80\x98Why?\xE2\x80\x99 he asked.", "\xE2\x80\x98Why?\xE2\x80\x99 he asked.");
    CHECK_SENTENCES("Who knew?\xE2\x80\x99 Nobody.", "Who knew?\xE2\x80\x99 | Nobody.");
    CHECK_SENTENCES("(It rained all day.) Crowds stayed.", "(It rained all day.) | Crowds stayed.");
}

TEST(sentences_ellipses)
{
    CHECK_SENTENCES("We waited... and waited. Nothing.", "We waited... and waited. | Nothing.");
    CHECK_SENTENCES("We waited... Then it came.", "We waited... | Then it came.");
    CHECK_SENTENCES("So . . . what now?", "So . . . what now?");
}

TEST(sentences_lines)
{
    CHECK_SENTENCES("Bridge closes for repairs\nThe bridge will close.",
                    "Bridge closes for repairs | The bridge will close.");
    CHECK_SENTENCES("One paragraph\n\nanother one", "One paragraph | another one");
    CHECK_SENTENCES("It ended.\nthen more", "It ended. | then more");
    CHECK_SENTENCES("a wrapped\nline goes on.", "a wrapped\nline goes on.");
    CHECK_SENTENCES("It met Mr.\nLee today.", "It met Mr.\nLee today.");
    CHECK_SENTENCES("Its list:\nOne item", "Its list: | One item");
}

/* A line without final punctuation is measured from its own start, not
 * the sentence's: a short line after a long wrapped one ends the
 * sentence; a line ending in a dash, or in a closer after a dot, as before. */
TEST(sentences_line_measured_from_its_start)
{
    CHECK_SENTENCES("The wire wraps its copy at sixty columns or so, like this\n"
                    "short tail\nNext line",
                    "The wire wraps its copy at sixty columns or so, like this\nshort tail | Next line");
    CHECK_SENTENCES("Prices rose \xE2\x80\x94\nSome fell", "Prices rose \xE2\x80\x94\nSome fell");
    CHECK_SENTENCES("He said \"no.\"\nThen left", "He said \"no.\" | Then left");
    CHECK_SENTENCES("Net 5 mln\nRevenue 7 mln\nShares 2 mln", "Net 5 mln | Revenue 7 mln | Shares 2 mln");
}

/* A wire story whose dateline was taken out starts with a short line that
 * goes on into the next, unindented line of wrapped prose: one sentence,
 * the lead. A headline in capitals, a table's indented row, a short next
 * line, and a short line after the text's first stay apart. */
TEST(sentences_first_line_wrapped_into_the_next)
{
    CHECK_SENTENCES("World Bank said it has loaned\n"
                    "Portugal 50 mln dlrs to help finance a water supply project\n"
                    "in the north. It is the bank's third loan.",
                    "World Bank said it has loaned\n"
                    "Portugal 50 mln dlrs to help finance a water supply project\n"
                    "in the north. | It is the bank's third loan.");
    CHECK_SENTENCES("WORLD BANK LOANS PORTUGAL\n"
                    "Portugal gets 50 mln dlrs to help finance a water supply project.",
                    "WORLD BANK LOANS PORTUGAL | "
                    "Portugal gets 50 mln dlrs to help finance a water supply project.");
    CHECK_SENTENCES("Shr 99 cts vs 42 cts\n    Net 17.6 mln vs 7,528,000 and revenue 99.1 mln vs 80 mln",
                    "Shr 99 cts vs 42 cts | Net 17.6 mln vs 7,528,000 and revenue 99.1 mln vs 80 mln");
    CHECK_SENTENCES("Bridge closes for repairs\nThe bridge will close.",
                    "Bridge closes for repairs | The bridge will close.");
    CHECK_SENTENCES("It rose.\nThe bank said it loaned\n"
                    "Portugal 50 mln dlrs to help finance a water supply project.",
                    "It rose. | The bank said it loaned | "
                    "Portugal 50 mln dlrs to help finance a water supply project.");
}

/* A plain-text article's own headline or byline before its first
 * paragraph is no wrapped wire lead when the next line starts a sentence
 * ("The", "A", ...; not the name "In-yong"), ends one, or is longer than
 * wrapped prose; a line ending in ':' introduces what follows. */
TEST(sentences_headline_before_a_paragraph_stays_apart)
{
    CHECK_SENTENCES("Council approves new budget for schools\n"
                    "The council voted to approve a new budget, raising spending by 4 percent.",
                    "Council approves new budget for schools | "
                    "The council voted to approve a new budget, raising spending by 4 percent.");
    CHECK_SENTENCES("By Jane Doe\n"
                    "A council in Port Aldric voted 17 to 6 on Tuesday to approve a\n"
                    "new budget for the city's schools.",
                    "By Jane Doe | "
                    "A council in Port Aldric voted 17 to 6 on Tuesday to approve a\n"
                    "new budget for the city's schools.");
    CHECK_SENTENCES("Finance Minister Chung\n"
                    "In-yong will resist pressure for a currency revaluation to cut\n"
                    "the surplus.",
                    "Finance Minister Chung\n"
                    "In-yong will resist pressure for a currency revaluation to cut\n"
                    "the surplus.");
    /* a text written a sentence to a line: the next line is no wrapped
     * line (it ends its sentence), so the headline stays apart */
    CHECK_SENTENCES("Police arrest suspect in harbour theft\n"
                    "Police in Port Aldric said on Monday they had arrested a man.\n"
                    "He was held overnight.",
                    "Police arrest suspect in harbour theft | "
                    "Police in Port Aldric said on Monday they had arrested a man. | "
                    "He was held overnight.");
    /* nor when the next line is longer than wrapped prose (a paragraph) */
    CHECK_SENTENCES("Harbour board names new chair\n"
                    "Port Aldric's harbour board named its longest-serving member as chair on "
                    "Monday, ending a search that began in the spring\n",
                    "Harbour board names new chair | "
                    "Port Aldric's harbour board named its longest-serving member as chair on "
                    "Monday, ending a search that began in the spring");
    CHECK_SENTENCES("Key points:\n"
                    "Port Aldric's city council voted 17 to 6 on Tuesday to approve",
                    "Key points: | Port Aldric's city council voted 17 to 6 on Tuesday to approve");
}
