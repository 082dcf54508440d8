/* test_facts_numbers_written.c — unit tests of numbers as wire copy and
 * typography write them (src/facts/numbers.c, quantities.c, parts.c): fractions
 * glued by a hyphen, "X or Y", lower-cased months, a scale after the
 * currency code, approximation and id words with their dot, thousands
 * grouped by a no-break space, a part of a whole ("37 of the 40
 * passengers"), a range's scale said once, a period's half, wire copy's
 * and older currencies ("mln stg", guilders, crowns), a money scale glued
 * before a hyphened word ("$30m-plus"), a rate glued to the unit word
 * ("480 pence-a-share"), an order of magnitude of a unit ("millions of
 * dollars"), "vs" between two values, the verb "top" before a number, a
 * scale and a unit glued by hyphens ("a 4bn-euro hole"), a comparative after
 * a measure ("50% cheaper"), a scale glued to a noun ("a 3-mln-share
 * offer"), a range's scale glued to its high end ("six to
 * eight-mln-dlr") and its noun ("six to eight-bln-share"), a scale said
 * twice ("5 mln mln-dlr"), adverbs of a period ("300,000 barrels daily"),
 * "nm" and "Nm" (a page's counters and a wire table's rows:
 * test_facts_numbers_counters.c).
 * The texts are invented. */
#include <string.h>

#include "facts/facts.h"
#include "facts_items.h"
#include "test.h"

/* Wire copy's fractions glued by a hyphen are one number, and "X or Y"
 * with a smaller Y is two measures of one thing, not a range. */
TEST(facts_numbers_wire_fractions_and_or)
{
    sl_fact_items *items = facts_of_text(
        "Tavel Mills stock closed at 14-3/8, up 1/4, and its 7-1/2 pct notes held. The mill "
        "earned 3.1 mln dlrs or 22 cts a share. Rowers trained 3 or 4 days a week.\n", NULL);
    NUMBER(items, "14-3/8", 14.375, 14.375, NULL, NULL);
    NUMBER(items, "7-1/2 pct", 7.5, 7.5, "percentage", NULL);
    NUMBER(items, "3.1 mln dlrs", 3.1e6, 3.1e6, "dollar", NULL);
    NUMBER(items, "22 cts a share", 22, 22, "cent per share", NULL);
    NUMBER(items, "3 or 4 days", 3, 4, "day per week", NULL);
    sl_fact_items_free(items);
}

/* Lower-cased wire copy's months beside a day are dates, not numbers;
 * "march" and "may", verbs too, stay words in lower case. */
TEST(facts_numbers_lower_case_months)
{
    static const expected_number want[] = {{"20 miles", 20, "mile"}, {"3 hours", 3, "hour"}};
    static const char *const days[] = {"7", "15", "30", "1999", NULL};
    NUMBERS_OF("the notes are due nov. 15, 1999, the vote is on 7 october and the sept. 30 "
               "deadline stands. they march 20 miles and may 3 hours later rest.\n", want, days);
}

/* A scale said after the currency code that follows the amount, and a
 * glued "t" as tonnes. */
TEST(facts_numbers_scale_after_code_and_tonnes)
{
    static const expected_number want[] = {
        {"75 USD million", 75e6, "dollar"}, {"80 EUR mn", 80e6, "euro"},
        {"12 euros", 12, "euro"}, {"40t", 40, "metric ton"}};
    NUMBERS_OF("The port spent 75 USD million on cranes and 80 EUR mn on quays; a ticket is "
               "12 euros. A 40t lorry waited.\n", want, NULL);
}

/* Every approximation of the table before a number, each a first letter
 * approx_before lets through (and one sentence opening on it); a number
 * after another word is exact. */
TEST(facts_numbers_every_approximation_word)
{
    static const struct { const char *words, *text; char approx; } cases[] = {
        {"more than", "more than", '>'}, {"over", "over", '>'}, {"at least", "at least", '>'},
        {"above", "above", '>'}, {"exceeding", "exceeding", '>'},
        {"upwards of", "upwards of", '>'}, {"upward of", "upward of", '>'},
        {"in excess of", "in excess of", '>'}, {"beyond", "beyond", '>'},
        {"less than", "less than", '<'}, {"fewer than", "fewer than", '<'},
        {"under", "under", '<'}, {"up to", "up to", '<'}, {"below", "below", '<'},
        {"as many as", "many as", '<'}, {"as much as", "much as", '<'},
        {"at most", "at most", '<'}, {"nearly", "nearly", '~'}, {"almost", "almost", '~'},
        {"about", "about", '~'}, {"around", "around", '~'},
        {"approximately", "approximately", '~'}, {"roughly", "roughly", '~'},
        {"some", "some", '~'}, {"an estimated", "estimated", '~'}, {"circa", "circa", '~'},
        {"approx", "approx", '~'}, {"approx.", "approx.", '~'}, {"ca.", "ca.", '~'},
        {"close to", "close to", '~'}, {"the", "", '='},
        {"Nearly", "Nearly", '~'}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        char text[128], want[64];
        bool opens = cases[k].words[0] >= 'A' && cases[k].words[0] <= 'Z';
        snprintf(text, sizeof text, "%s%s 40 crates%s\n", opens ? "" : "The yard counted ",
                 cases[k].words, opens ? " were counted." : ".");
        snprintf(want, sizeof want, "%s%s40 crates", cases[k].text, cases[k].text[0] ? " " : "");
        sl_fact_items *items = facts_of_text(text, NULL);
        const sl_fact_item *n = number_text(items, want);
        CHECK_STR(n ? want : NULL, want); /* an item opening with `want` */
        CHECK_INT(n ? n->approx : 0, cases[k].approx);
        sl_fact_items_free(items);
    }
}

/* An abbreviation before a number, its dot a token of its own: "ca.",
 * "approx." and "c." (where the sentences split: the clause after it still
 * counts), in capitals when it opens a sentence; a capital and a dot inside
 * one are an initial or a code, not "circa". */
TEST(facts_numbers_approximation_abbreviations)
{
    sl_fact_items *items = facts_of_text(
        "The archive holds ca. 68 maps and approx. 70 letters from the mill. Approx. 30 "
        "workers signed them, and c. 400 pages were lost in the fire. The nurse gave "
        "vitamin C. 12 patients recovered.\n", NULL);
    CHECK(approx_of(items, "ca. 68 maps") == '~');
    CHECK(approx_of(items, "approx. 70 letters") == '~');
    CHECK(approx_of(items, "Approx. 30 workers") == '~');
    CHECK(approx_of(items, "c. 400 pages") == '~');
    CHECK(approx_of(items, "12 patients") == '=');
    sl_fact_items_free(items);
}

/* An id word abbreviated with its dot, a token of its own ("No. 3",
 * "vol. 2"), makes the number an id as the word alone does (the table's
 * "no." and "vol." never met a token); an id word ending the sentence
 * before does not ("the room. 12 workers"). */
TEST(facts_numbers_id_word_with_its_dot)
{
    static const expected_number want[] = {{"60 maps", 60, NULL}, {"12 workers", 12, NULL}};
    static const char *const ids[] = {"3", "4", "2", NULL};
    NUMBERS_OF("The mill built its No. 3 and No. 4 kilns by the river. Its guide, vol. 2 of the "
               "set, came out with 60 maps. The crew painted the room. 12 workers came back.\n",
               want, ids);
}

/* Thousands grouped by spaces (fix28): a no-break, narrow or thin space
 * groups, the groups after the first of exactly three digits; a plain
 * space never does ("In 2019 500 pilgrims" is two numbers). */
TEST(facts_numbers_space_grouped_thousands)
{
    sl_fact_items *items = facts_of_text(
        "The port handled 1\xC2\xA0" "200\xC2\xA0" "000 tonnes of grain. Then 2\xC2\xA0" "500 "
        "left by road, 7\xE2\x80\xAF" "250 on foot and 1\xE2\x80\x89" "750 by bus. On June 4 300 "
        "boats sailed. In 2019 500 pilgrims came and some 5 000 people lined the quay. Nearly "
        "200 767 Skylarks flew and 12\xC2\xA0" "3456 kites.\n", NULL);
    const sl_fact_item *n = number_text(items, "1\xC2\xA0" "200\xC2\xA0" "000");
    CHECK(n && n->value == 1200000);
    n = number_text(items, "2\xC2\xA0" "500");
    CHECK(n && n->value == 2500);
    n = number_text(items, "7\xE2\x80\xAF" "250");
    CHECK(n && n->value == 7250);
    n = number_text(items, "1\xE2\x80\x89" "750");
    CHECK(n && n->value == 1750);
    n = number_text(items, "300");
    CHECK(n && n->value == 300); /* plain spaces: "4 300" is two numbers */
    n = number_text(items, "500");
    CHECK(n && n->value == 500);
    CHECK(!number_text(items, "5 000"));
    CHECK(!number_text(items, "200 767"));
    CHECK(!number_text(items, "12\xC2\xA0" "3456")); /* a group after the first has 3 digits */
    sl_fact_items_free(items);
}

/* A bare number naming a part of a whole said right after it ("N of the|
 * its|their M ...") takes the whole's unit and counted phrase; a fraction
 * stays a share, and a whole's phrase said before it is not lent. */
TEST(facts_numbers_part_of_a_whole)
{
    sl_fact_items *items = facts_of_text(
        "Rescuers at Varno found 37 of the 40 passengers alive. The Orlen fund has raised 280 million "
        "of the 1.5 billion shekels it needs. The Greens lost six of their 10 seats. Tamsa earns about "
        "two-thirds of its 450 mln dlrs in revenues abroad. Fourteen of the 40 were in Texas.\n", NULL);
    const sl_fact_item *n = number_text(items, "37");
    CHECK(n && n->value == 37 && n->about && !strcmp(n->about, "passengers") && !n->detail);
    n = number_text(items, "280 million");
    CHECK(n && n->value == 280e6 && n->detail && !strcmp(n->detail, "shekel"));
    n = number_text(items, "six");
    CHECK(n && n->value == 6 && n->about && !strcmp(n->about, "seats"));
    n = number_text(items, "about two-thirds");
    CHECK(n && !n->detail);
    n = number_text(items, "Fourteen");
    CHECK(n && !(n->about && !strcmp(n->about, "fourteen")));
    sl_fact_items_free(items);
}

/* A part written without the scale of its whole ("12 of the 40 billion
 * crowns", meaning 12 billion) is no count of crowns or dollars: 12 crowns
 * would be wrong; a part in full ("500,000 of its 2.5 mln shares") still
 * takes the whole's phrase. */
TEST(facts_numbers_part_without_its_wholes_scale)
{
    sl_fact_items *items = facts_of_text(
        "Officials said 12 of the 40 billion crowns were lent abroad. The Orlen fund spent 20 of "
        "the 50 mln dlrs it raised. Tamsa sold 500,000 of its 2.5 mln shares.\n", NULL);
    const sl_fact_item *n = number_text(items, "12");
    CHECK(n && n->value == 12 && !n->detail && !(n->about && strstr(n->about, "crowns")));
    n = number_text(items, "20");
    CHECK(n && n->value == 20 && !n->detail);
    n = number_text(items, "500,000");
    CHECK(n && n->value == 500000 && n->about && !strcmp(n->about, "shares"));
    sl_fact_items_free(items);
}

/* A range's scale said once, after its high end: both ends take it when
 * the range falls ("from 3.2 to 2.7 billion"), not when the low end is far
 * above the high one unscaled ("from 600 to 4 million"); a high end that is
 * itself a range ("to 15-17 million") gives its top, scale and unit; not
 * after a hyphen ("1-2-3"). */
TEST(facts_numbers_range_scale_said_once)
{
    sl_fact_items *items = facts_of_text(
        "Tavel Mills said debt fell from 3.2 to 2.7 billion pounds. Visitors grew from 600 to 4 "
        "million a year. The port hopes sales rise from 11 to 15-17 million euros. Ferries sold "
        "1-2-3 tickets.\n", NULL);
    NUMBER(items, "3.2 to 2.7 billion pounds", 3.2e9, 2.7e9, "pound sterling", NULL);
    NUMBER(items, "600 to 4 million", 600, 4e6, NULL, NULL);
    NUMBER(items, "11 to 15-17 million euros", 11e6, 17e6, "euro", NULL);
    const sl_fact_item *n = number_text(items, "1-2"); /* no range of "1-2" and "2-3" */
    CHECK(!n || n->value_hi != 3);
    sl_fact_items_free(items);
}

/* "the first half of 2005", "the second half of the match": one part of a
 * period, no share of 0.5; "half of the staff" still is one. */
TEST(facts_numbers_half_of_a_period)
{
    static const expected_number want[] = {{"Nearly half of the crew", 0.5, NULL}};
    static const char *const halves[] = {"half", "half of 2005", "half of the match", NULL};
    NUMBERS_OF("Orders at Tavel Mills slowed in the first half of 2005 and rose in the second "
               "half of the year. Ferries ran late in the latter half of the match. Nearly "
               "half of the crew left.\n", want, halves);
}

/* Wire copy's and older currencies: "stg", a country before "dlrs",
 * guilders, lire, ECUs, kronor; "crowns" is money near a scale or a word of
 * money, and a count elsewhere ("won three crowns"). */
TEST(facts_numbers_wire_and_older_currencies)
{
    sl_fact_items *items = facts_of_text(
        "Tavel Mills earned 12.5 mln stg and 4 mln Canadian dlrs. Orlen sold a mill for 150 mln "
        "guilders and 2.3 billion lire, and lent 40 mln ECUs. Its Oslo arm paid 424 crowns a share "
        "and had sales of 7.6 billion crowns, or 9.1 billion kronor. The rower has won three crowns."
        "\n", NULL);
    NUMBER(items, "12.5 mln stg", 12.5e6, 12.5e6, "pound sterling", NULL);
    NUMBER(items, "4 mln Canadian dlrs", 4e6, 4e6, "canadian dollar", NULL);
    NUMBER(items, "150 mln guilders", 150e6, 150e6, "dutch guilder", NULL);
    NUMBER(items, "2.3 billion lire", 2.3e9, 2.3e9, "italian lira", NULL);
    NUMBER(items, "40 mln ECUs", 40e6, 40e6, "european currency unit", NULL);
    NUMBER(items, "424 crowns a share", 424, 424, "krone per share", NULL);
    NUMBER(items, "7.6 billion crowns", 7.6e9, 7.6e9, "krone", NULL);
    NUMBER(items, "9.1 billion kronor", 9.1e9, 9.1e9, "swedish krone", NULL);
    NUMBER(items, "three crowns", 3, 3, NULL, "crowns");
    sl_fact_items_free(items);
}

/* A scale glued to an amount before a hyphened word ("$30m-plus",
 * "$2bn-worth", "$10m-rated") is millions or billions, not metres; a
 * glued "m" with no money near stays metres ("a 20m-plus drop"). */
TEST(facts_numbers_money_scale_before_a_hyphened_word)
{
    sl_fact_items *items = facts_of_text(
        "Orlen made a $30m-plus bid for Tavel Mills and a $2bn-odd loan. The $10m-rated striker "
        "left. The cliff has a 20m-plus drop.\n", NULL);
    NUMBER(items, "$30m-plus", 30e6, 30e6, "dollar", NULL);
    NUMBER(items, "$2bn-odd", 2e9, 2e9, "dollar", NULL);
    NUMBER(items, "$10m-rated", 10e6, 10e6, "dollar", "striker");
    NUMBER(items, "20m-plus", 20, 20, "metre", NULL);
    const sl_fact_item *n = number_text(items, "$30m-plus");
    CHECK(n && n->approx == '>');
    sl_fact_items_free(items);
}

/* A rate glued by hyphens to the unit word after a spaced amount ("480
 * pence-a-share", "12 dlr-per-share"), as to the digits ("15-cent-a-share");
 * a unit that is a rate whole ("barrel-a-day") takes no second one. */
TEST(facts_numbers_rate_glued_to_the_unit_word)
{
    sl_fact_items *items = facts_of_text(
        "Orlen made a 480 pence-a-share offer and a 12 dlr-per-share bid for Tavel Mills, which "
        "runs a 9,000 barrel-a-day refinery.\n", NULL);
    NUMBER(items, "480 pence-a-share", 480, 480, "penny per share", NULL);
    NUMBER(items, "12 dlr-per-share", 12, 12, "dollar per share", NULL);
    NUMBER(items, "9,000 barrel-a-day", 9000, 9000, "barrel per day", NULL);
    sl_fact_items_free(items);
}

/* An order of magnitude of a unit takes the unit ("millions of dollars",
 * "thousands of tonnes", "millions of pounds" as money); of persons it
 * still counts them ("dozens of people"). */
TEST(facts_numbers_magnitude_of_a_unit)
{
    sl_fact_items *items = facts_of_text(
        "Tavel Mills saved millions of dollars and shipped thousands of tonnes of pears. The port "
        "spent millions of pounds. Dozens of people watched.\n", NULL);
    NUMBER(items, "millions of dollars", 1e6, 1e7, "dollar", NULL);
    NUMBER(items, "thousands of tonnes", 1e3, 1e4, "metric ton", NULL);
    NUMBER(items, "millions of pounds", 1e6, 1e7, "pound sterling", NULL);
    NUMBER(items, "Dozens of people", 12, 120, NULL, "people");
    sl_fact_items_free(items);
}

/* A glued "m" before a hyphened word is metres unless a currency says
 * money ("the $10m-rated striker"): a plural noun after the number ("10m-
 * long tunnels", "20m-high walls") makes no amount of millions of it;
 * "-plus" and "-odd" before such a noun still scale ("2m-plus fans"). */
TEST(facts_numbers_metres_before_a_hyphened_word_and_a_plural)
{
    sl_fact_items *items = facts_of_text(
        "Crews at Tavel Mills dug 10m-long tunnels and built 20m-high walls. The club has 2m-plus "
        "fans.\n", NULL);
    NUMBER(items, "10m-long", 10, 10, "metre", NULL);
    NUMBER(items, "20m-high", 20, 20, "metre", NULL);
    NUMBER(items, "2m-plus", 2e6, 2e6, NULL, NULL);
    sl_fact_items_free(items);
}

/* "vs" and "versus" between two values are no part of either and nothing
 * either counts: the first names what both are values of, and a bare second
 * takes the first's unit ("12 cts vs 9"). */
TEST(facts_numbers_versus_between_two_values)
{
    sl_fact_items *items = facts_of_text(
        "The Tavel bakery earned 4.2 mln dlrs vs 3.9 mln dlrs a year before, and its shares paid "
        "12 cts vs 9. Its orchards sold 310 tonnes versus 280 tonnes.\n", NULL);
    NUMBER(items, "4.2 mln dlrs", 4.2e6, 4.2e6, "dollar", "bakery");
    NUMBER(items, "12 cts", 12, 12, "cent", NULL);
    NUMBER(items, "9", 9, 9, "cent", NULL);
    NUMBER(items, "310 tonnes", 310, 310, "metric ton", NULL);
    CHECK(number_text(items, "4.2 mln dlrs vs") == NULL);
    CHECK(number_text(items, "12 cts vs") == NULL);
    for (size_t k = 0; fact_nth(items, SL_FACT_NUMBER, k); k++) {
        const char *about = fact_nth(items, SL_FACT_NUMBER, k)->about;
        CHECK(!about || (!strstr(about, "vs") && !strstr(about, "versus")));
    }
    sl_fact_items_free(items);
}

/* "top" after "to" or a modal is the verb, and the number after it a
 * value; "the top 10" stays a rank. */
TEST(facts_numbers_top_as_a_verb)
{
    static const expected_number want[] = {{"5,000", 5000, NULL}, {"4,000", 4000, NULL}};
    static const char *const ranks[] = {"10", NULL};
    NUMBERS_OF("The Tavel co-op expects output to top 5,000 in 2027 and could top 4,000 soon, "
               "but it stays out of the top 10.\n", want, ranks);
}

/* A bare number compared by "vs" or "versus" with the value right before
 * it takes its unit, whatever each is a value of. */
TEST(facts_numbers_versus_lends_the_unit_next_to_it)
{
    sl_fact_items *items = facts_of_text(
        "The Tavel airline carried 436 mln passengers, and its fares were 88.5 cents vs 81. "
        "Its freight rose to 1,200 tonnes versus 950.\n"
        "    Final div \"B\" 8.8 cents vs 6.5\n", NULL);
    NUMBER(items, "81", 81, 81, "cent", NULL);
    NUMBER(items, "950", 950, 950, "metric ton", NULL);
    NUMBER(items, "6.5", 6.5, 6.5, "cent", NULL); /* neither names what it is a value of */
    sl_fact_items_free(items);
}

/* A scale glued to the digits or a number word and a unit glued after it
 * by a hyphen: "bn-euro", "-mln-dlr", "-million-hectare", "one-billion-dlr";
 * "10m-long" stays metres, "three-phase" a count. */
TEST(facts_numbers_scale_and_unit_glued_by_hyphens)
{
    sl_fact_items *items = facts_of_text(
        "The Tavel group found a 4bn-euro hole, took a 5.0-mln-dlr credit line and a "
        "2.5-billion-dlr loan, bought a 1.5-million-hectare farm and dug 10m-long tunnels.\n", NULL);
    NUMBER(items, "4bn-euro", 4e9, 4e9, "euro", "hole");
    NUMBER(items, "5.0-mln-dlr", 5e6, 5e6, "dollar", "credit line");
    NUMBER(items, "2.5-billion-dlr", 2.5e9, 2.5e9, "dollar", "loan");
    NUMBER(items, "1.5-million-hectare", 1.5e6, 1.5e6, "hectare", "farm");
    NUMBER(items, "10m-long", 10, 10, "metre", NULL);
    sl_fact_items_free(items);
    items = facts_of_text("The Tavel bank sought a one-billion-dlr loan and a ten-mln-dlr credit for a "
                          "three-phase plan.\n", NULL);
    NUMBER(items, "one-billion-dlr", 1e9, 1e9, "dollar", "loan");
    NUMBER(items, "ten-mln-dlr", 1e7, 1e7, "dollar", "credit");
    NUMBER(items, "three-phase", 3, 3, NULL, "phase");
    sl_fact_items_free(items);
}

/* A comparative right after a measure says how, not what: it is no part
 * of the number's text and nothing it counts ("0.04secs slower", "50%
 * cheaper", "four years older"). */
TEST(facts_numbers_comparative_after_a_measure)
{
    sl_fact_items *items = facts_of_text(
        "The Tavel ferry ran 0.04secs slower, its tickets were 50% cheaper and its captain is four "
        "years older than the mate.\n", NULL);
    CHECK(number_text(items, "0.04secs slower") == NULL);
    CHECK(number_text(items, "50% cheaper") == NULL);
    CHECK(number_text(items, "four years older") == NULL);
    NUMBER(items, "0.04secs", 0.04, 0.04, "second", NULL);
    NUMBER(items, "50%", 50, 50, "percentage", NULL);
    for (size_t k = 0; fact_nth(items, SL_FACT_NUMBER, k); k++) {
        const char *about = fact_nth(items, SL_FACT_NUMBER, k)->about;
        CHECK(!about || (strcmp(about, "slower") && strcmp(about, "cheaper") && strcmp(about, "older")));
    }
    sl_fact_items_free(items);
}

/* Wire copy's scale glued to a noun, not a unit ("a 3-mln-share offer",
 * "a 1.2 mln-member union"), and its scale spaced from a glued unit ("400
 * mln-dlr loan"): the scale applies and the noun is what is counted; a
 * glued "m" before another noun than a count stays metres ("a 40m-long
 * pit"; "a 100m-share sale": test_facts_numbers_read.c). */
TEST(facts_numbers_wire_scale_glued_to_a_noun)
{
    sl_fact_items *items = facts_of_text(
        "Tavel Mills made a 3-mln-share offer to a 1.2 mln-member union, took a 400 mln-dlr "
        "loan and a four-bln-share quota, and dug a 40m-long pit.\n", NULL);
    NUMBER(items, "3-mln-share", 3e6, 3e6, NULL, "share");
    NUMBER(items, "1.2 mln-member", 1.2e6, 1.2e6, NULL, "member");
    NUMBER(items, "400 mln-dlr", 4e8, 4e8, "dollar", "loan");
    NUMBER(items, "four-bln-share", 4e9, 4e9, NULL, "share");
    NUMBER(items, "40m-long", 40, 40, "metre", NULL);
    sl_fact_items_free(items);
}

/* A range's low end takes the scale glued to its high end, as it takes a
 * scale word ("six to eight-mln-dlr", "20-30bn rupees", "$1.3 to $1.5bn");
 * not when the low end would stand far above the high one ("from 900 to
 * 2bn"). */
TEST(facts_numbers_range_scale_glued_to_the_high_end)
{
    sl_fact_items *items = facts_of_text(
        "The Tavel fund sought six to eight-mln-dlr in new money, valued its stake at $1.3 to "
        "$1.5bn and its debt at 20-30bn rupees. Its budget grew from 900 to $2bn.\n", NULL);
    NUMBER(items, "six to eight-mln-dlr", 6e6, 8e6, "dollar", NULL);
    NUMBER(items, "$1.3 to $1.5bn", 1.3e9, 1.5e9, "dollar", NULL);
    NUMBER(items, "20-30bn rupees", 2e10, 3e10, "rupee", NULL);
    NUMBER(items, "900 to $2bn", 900, 2e9, "dollar", NULL);
    sl_fact_items_free(items);
}

/* An adverb of a period after a measure is its rate, as "a day" is
 * ("300,000 barrels daily", "$2m annually"), but an adjective before a
 * noun is not ("a $40 monthly fee"); "overnight", "tomorrow", "twice" end
 * the phrase and name nothing. */
TEST(facts_numbers_period_adverbs)
{
    sl_fact_items *items = facts_of_text(
        "The Tavel line carries 300,000 barrels daily and pays $2m annually. Members pay a $40 "
        "monthly fee. The blaze burned 15,000 hectares overnight. Staff take 20mg of the tonic "
        "twice a day and expect 69 cents tomorrow.\n", NULL);
    NUMBER(items, "300,000 barrels daily", 3e5, 3e5, "barrel per day", NULL);
    NUMBER(items, "$2m annually", 2e6, 2e6, "dollar per year", NULL);
    NUMBER(items, "$40", 40, 40, "dollar", NULL);
    NUMBER(items, "15,000 hectares", 15000, 15000, "hectare", "blaze");
    NUMBER(items, "20mg of the tonic", 20, 20, "milligram", "tonic");
    NUMBER(items, "69 cents", 69, 69, "cent", NULL);
    sl_fact_items_free(items);
}

/* The case of "nm" tells the nanometre ("a 5nm chip", "3 nm") from the
 * newton metre ("400 Nm of torque"). */
TEST(facts_numbers_nanometre_and_newton_metre)
{
    sl_fact_items *items = facts_of_text(
        "Tavel Labs makes a 5nm chip and plans a 3 nm one; its van gives 400 Nm of torque.\n", NULL);
    NUMBER(items, "5nm", 5, 5, "nanometre", NULL);
    NUMBER(items, "3 nm", 3, 3, "nanometre", NULL);
    NUMBER(items, "400 Nm", 400, 400, "newton metre", NULL);
    sl_fact_items_free(items);
}

/* A range's low end takes the scale glued to the unit after its high end
 * ("400 to 500 mln-dlr", "1.2 to 1.5 billion-dlr"), as it takes one glued
 * to the high end's digits: not 400 dollars to 500 million. */
TEST(facts_numbers_range_scale_glued_to_the_unit_after)
{
    sl_fact_items *items = facts_of_text(
        "The Tavel bank made a 400 to 500 mln-dlr loan and raised 1.2 to 1.5 billion-dlr, and "
        "its union grew from 900,000 to 1.2 mln-member.\n", NULL);
    NUMBER(items, "400 to 500 mln-dlr", 4e8, 5e8, "dollar", NULL);
    NUMBER(items, "1.2 to 1.5 billion-dlr", 1.2e9, 1.5e9, "dollar", NULL);
    NUMBER(items, "900,000 to 1.2 mln-member", 9e5, 1.2e6, NULL, NULL);
    sl_fact_items_free(items);
}

/* "-plus" and "-odd" after a glued scale are the approximation, not the
 * noun counted: "a 1-mln-plus crowd", "a two-mln-odd fleet". */
TEST(facts_numbers_glued_scale_then_plus)
{
    sl_fact_items *items = facts_of_text(
        "Tavel drew a 1-mln-plus crowd and ran a two-mln-odd fleet of carts.\n", NULL);
    NUMBER(items, "1-mln-plus", 1e6, 1e6, NULL, "crowd");
    CHECK(approx_of(items, "1-mln-plus") == '>');
    NUMBER(items, "two-mln-odd", 2e6, 2e6, NULL, "fleet");
    CHECK(approx_of(items, "two-mln-odd") == '~');
    sl_fact_items_free(items);
}

/* A scale word then the same scale glued to the unit is the scale said
 * twice ("5 mln mln-dlr" is 5 mln dollars, at a range's end too); a larger
 * glued scale is the group of a compound, as it is spaced ("five thousand
 * million-dlr"). */
TEST(facts_numbers_scale_said_twice)
{
    sl_fact_items *items = facts_of_text(
        "The Tavel bank arranged a 5 mln mln-dlr credit, a 4 to 6 bln bln-dlr fund and a five "
        "thousand million-dlr bond.\n", NULL);
    NUMBER(items, "5 mln mln-dlr", 5e6, 5e6, "dollar", "credit");
    NUMBER(items, "4 to 6 bln bln-dlr", 4e9, 6e9, "dollar", NULL);
    NUMBER(items, "five thousand million-dlr", 5e9, 5e9, "dollar", "bond");
    sl_fact_items_free(items);
}

/* A range's low end counts the noun glued to its high end, as it takes
 * its unit: "six to eight-bln-share" counts shares, not what comes before. */
TEST(facts_numbers_range_counts_the_noun_glued_to_its_high_end)
{
    sl_fact_items *items = facts_of_text(
        "The Tavel fund sought a six to eight-bln-share sale and a 10 to 12-member board.\n", NULL);
    NUMBER(items, "six to eight-bln-share", 6e9, 8e9, NULL, "share");
    NUMBER(items, "10 to 12-member", 10, 12, NULL, "member");
    sl_fact_items_free(items);
}
