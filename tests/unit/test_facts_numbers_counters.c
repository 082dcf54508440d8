/* test_facts_numbers_counters.c — unit tests of a web page's counters
 * among the numbers (src/facts/counters.c): counter words ("45
 * comments"), a count of stock in prose ("sold 200,000 shares"), a line
 * of bare numbers ("12 4 87") and a wire table's rows ("Net 807,000 vs
 * 655,000"). The texts are invented. */
#include "facts/facts.h"
#include "facts_items.h"
#include "test.h"

/* A count of stock said in prose is a fact ("sold 200,000 shares",
 * "40,000 shares of its stock"); a page's counter on a line of its own
 * stays chrome ("120 Shares"), as do comments after a word ("read all 45
 * comments"). */
TEST(facts_numbers_shares_in_prose)
{
    static const expected_number want[] = {{"200,000 shares", 2e5, NULL}, {"40,000 shares", 4e4, NULL}};
    static const char *const chrome[] = {"120", "45", NULL};
    NUMBERS_OF("Tavel Mills sold 200,000 shares to a fund.\n\n120 Shares\n\n40,000 shares of its "
               "stock went to staff; read all 45 comments below.\n", want, chrome);
}

/* A wire table's row of bare figures joined by "vs" is no counter line:
 * "Net 807,000 vs 655,000" gives both values of "net"; a line of bare
 * numbers without it stays chrome. */
TEST(facts_numbers_wire_table_row_of_bare_figures)
{
    static const expected_number want[] = {{"807,000", 807000, NULL}, {"655,000", 655000, NULL}};
    static const char *const chrome[] = {"12", "87", NULL};
    NUMBERS_OF("Tavel Mills Inc year net.\n\nShr 41 cts vs 33 cts\n\nNet 807,000 vs 655,000\n\n"
               "12 4 87\n", want, chrome);
}

/* A share counter beside another counter stays chrome, a lower-case word
 * before it or not: "3 comments 41 shares", "17 shares 9 comments", "2
 * hours ago 56 shares" are a page's lines, while "sold 200,000 shares"
 * beside them is prose. */
TEST(facts_numbers_shares_beside_a_counter)
{
    static const expected_number want[] = {{"200,000 shares", 2e5, NULL}};
    static const char *const chrome[] = {"56", "41", "17", NULL};
    NUMBERS_OF("Tavel Mills sold 200,000 shares to a fund.\n\nPosted 2 hours ago 56 shares\n\n"
               "by admin 3 comments 41 shares\n\nupdated on monday 17 shares 9 comments\n", want, chrome);
}

/* A line of bare numbers joined by "vs" is a wire table's row only when a
 * figure as accounts write it is on it or on a "vs" row beside it ("Shr
 * 41 vs 38" between "Net 4,150 vs 3,980" and "Revs 22.5 mln vs ..."); a
 * score ("7 vs 5"), small counts ("Fans 16 vs 9") and a counter's label
 * ("Likes 1,204 vs 6") stay chrome. */
TEST(facts_numbers_vs_line_a_table_row_or_chrome)
{
    static const expected_number want[] = {
        {"4,150", 4150, NULL}, {"3,980", 3980, NULL}, {"41", 41, NULL}, {"38", 38, NULL}};
    static const char *const chrome[] = {"7", "5", "16", "9", "1,204", "6", NULL};
    NUMBERS_OF("Tavel Rovers drew a crowd on Sunday.\n\n7 vs 5\n\nFans 16 vs 9\n\nLikes 1,204 vs 6\n\n"
               "The Tavel bakery reported its year.\n\nNet 4,150 vs 3,980\nShr 41 vs 38\n"
               "Revs 22.5 mln vs 20.2 mln\n", want, chrome);
}

/* A share counter that ends its line unpunctuated stays chrome after a
 * lower-case word ("by admin 56 shares", "liked by friends 23 shares"); a
 * count of stock goes on ("to buy 3,750,000 shares\nfrom", wrapped as
 * wire copy wraps) or ends its sentence with a stop. */
TEST(facts_numbers_shares_counter_ends_its_line)
{
    static const expected_number want[] = {{"3,750,000 shares", 3.75e6, NULL}, {"80,000 shares", 8e4, NULL}};
    static const char *const chrome[] = {"56", "23", NULL};
    NUMBERS_OF("Tavel Mills agreed to buy 3,750,000 shares\nfrom its bankers.\n\nby admin 56 shares\n\n"
               "The mill then sold 80,000 shares.\nliked by friends 23 shares\nPlant bulbs early.\n",
               want, chrome);
}
