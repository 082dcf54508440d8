/* test_facts_numbers_read.c — unit tests of numbers a reader would call
 * misread on any news text (src/facts/units.c, glued.c, counted.c,
 * quantities.c, src/text/sentences.c): a currency glued before an amount
 * in the forms of South African, East African and Indian papers ("R2.5
 * billion", "Sh50,000", "Rs. 1,200 crore"), "m" glued before what is
 * counted in millions ("a 100m-share sale"), a verb in the present named
 * as what a number is a value of ("LaLiga expects", "it orbits"), a
 * unit after a word that says how the measure ran ("517 rushing yards"),
 * a rate said after a bracketed conversion ("40 million euros ($43
 * million) a year") or after what a measure measures ("34,500 tonnes of
 * copper a year"), a share of "every" ("one in every 10"), the unit of
 * a level changed from ("to 1.2 million barrels per day from 1.1
 * million"), scaled currency codes ("120 MEUR"), clock times before a
 * time zone ("1405 GMT") and crowns as a company's money.
 * The texts are invented. */
#include <string.h>

#include "facts/facts.h"
#include "facts_items.h"
#include "test.h"

/* "R", "Sh" and "KSh" glued before an amount as money is written (grouped,
 * with decimals, a glued scale or a scale word after) are the rand and the
 * shillings; "R21" and "Sh5" alone stay a road's or a grade's letters. */
TEST(facts_numbers_rand_and_shillings_glued)
{
    static const expected_number want[] = {
        {"R2.5 billion", 2.5e9, "south african rand"}, {"R300m", 300e6, "south african rand"},
        {"R40 million", 40e6, "south african rand"}, {"Sh75,000", 75000, "shilling"},
        {"KSh1.2m", 1.2e6, "kenyan shilling"}, {"Ksh 3 million", 3e6, "kenyan shilling"}};
    static const char *const absent[] = {"R21", "Sh5", NULL};
    NUMBERS_OF("Eskam will spend R2.5 billion on lines, R300m on a depot and R40 million on "
               "meters. Vendors paid Sh75,000 in fees, the co-op KSh1.2m and the growers Ksh 3 "
               "million. The R21 was shut and the Sh5 grade dropped.\n", want, absent);
}

/* "Rs." before an amount does not end the sentence: its dot is an
 * abbreviation's, and the amount is in rupees. */
TEST(facts_numbers_rupees_with_their_dot)
{
    sl_fact_items *items = facts_of_text(
        "The town borrowed Rs. 1,200 crore for the canal. The mill paid Rs. 45 for each sack.\n",
        NULL);
    NUMBER(items, "Rs. 1,200 crore", 1.2e10, 1.2e10, "rupee", NULL);
    NUMBER(items, "Rs. 45", 45, 45, "rupee", NULL);
    sl_fact_items_free(items);
}

/* "m" glued before what is counted in millions and never measured in
 * metres is a scale ("a 100m-share sale"); before "-long" or a race it
 * stays metres. */
TEST(facts_numbers_millions_glued_before_a_count)
{
    sl_fact_items *items = facts_of_text(
        "Brenco launched a 100m-share sale and a 2m-member union backed it. Crews built a "
        "12m-long ramp for the 400m race.\n", NULL);
    NUMBER(items, "100m-share", 100e6, 100e6, NULL, "share");
    NUMBER(items, "2m-member", 2e6, 2e6, NULL, "member");
    NUMBER(items, "12m-long", 12, 12, "metre", NULL);
    NUMBER(items, "400m race", 400, 400, "metre", NULL);
    sl_fact_items_free(items);
}

/* What a number is a value of holds no verb in the present: after "it",
 * "he" or "she", after "this" before "that", or between a singular noun
 * and a determiner. */
TEST(facts_numbers_value_of_no_present_verb)
{
    static const char *const cases[][2] = {
        {"800,000", "expects"}, {"30.5bn yen", "compares"}, {"nearly 4 mln dlrs", "expects"},
        {"450 Nm", "means"}};
    sl_fact_items *items = facts_of_text(
        "Marlow Foods said it expects sales to pass 800,000 in 2026. It compares with 30.5bn yen "
        "a year before. The council expects the scheme will save it nearly 4 mln dlrs "
        "annually. This means that the pump delivers 450 Nm.\n", NULL);
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const sl_fact_item *n = number_text(items, cases[k][0]);
        CHECK(n && (!n->about || !strstr(n->about, cases[k][1])));
    }
    NUMBER(items, "800,000", 8e5, 8e5, NULL, "sales");
    NUMBER(items, "nearly 4 mln dlrs", 4e6, 4e6, "dollar per year", "scheme");
    sl_fact_items_free(items);
}

/* A word between a number and its unit that says how the measure ran
 * ("rushing", "straight", "extra", "more", "previous") leaves the unit
 * the unit; "more pounds" stays a weight without money near, and a count
 * keeps its words ("eight straight titles"). */
TEST(facts_numbers_unit_after_a_modifier)
{
    sl_fact_items *items = facts_of_text(
        "The Tarvik side gave up 412 rushing yards. Snow fell for four straight days, the vote "
        "ran 15 extra minutes and the club won eight straight titles. Ella Brandt lost three "
        "more pounds.\n", NULL);
    NUMBER(items, "412 rushing yards", 412, 412, "yard", NULL);
    NUMBER(items, "four straight days", 4, 4, "day", NULL);
    NUMBER(items, "15 extra minutes", 15, 15, "minute", NULL);
    NUMBER(items, "eight straight titles", 8, 8, NULL, "straight titles");
    NUMBER(items, "three more pounds", 3, 3, "pound-mass", NULL);
    sl_fact_items_free(items);
}

/* A rate said after a bracketed conversion is the rate of the amount
 * before the bracket ("9 billion rand ($500m) a year"); the converted
 * amount in the bracket stays as written. */
TEST(facts_numbers_rate_after_a_conversion)
{
    sl_fact_items *items = facts_of_text(
        "The Ostrava plan costs 40 million euros ($43 million) a year. Dock hands earn 300 "
        "dinars ($4.10) per shift.\n", NULL);
    NUMBER(items, "40 million euros", 40e6, 40e6, "euro per year", NULL);
    NUMBER(items, "$43 million", 43e6, 43e6, "dollar", NULL);
    NUMBER(items, "300 dinars", 300, 300, "dinar per shift", NULL);
    sl_fact_items_free(items);
}

/* A rate said after the phrase a measure measures is the measure's
 * ("tonnes of copper a year", "grammes of gold per tonne"); not after a
 * verb ("hours of registering a sale"), a capital ("class A"), or a price
 * ("of the bid price per share"). */
TEST(facts_numbers_rate_after_what_a_measure_measures)
{
    sl_fact_items *items = facts_of_text(
        "The Kestle mine will ship 34,500 tonnes of copper a year and 1.9 grammes of gold per "
        "tonne of ore. Clerks took two hours of checking a claim. The offer is 80 pct of the "
        "bid price per share.\n", NULL);
    NUMBER(items, "34,500 tonnes", 34500, 34500, "metric ton per year", "copper");
    NUMBER(items, "1.9 grammes", 1.9, 1.9, "gram per metric ton", "gold");
    NUMBER(items, "two hours", 2, 2, "hour", NULL);
    NUMBER(items, "80 pct", 80, 80, "percentage", NULL);
    sl_fact_items_free(items);
}

/* "one in every 10", "six out of every 10": the share, as "one in 10". */
TEST(facts_numbers_share_of_every)
{
    sl_fact_items *items = facts_of_text(
        "The fever killed one in every 10 patients, and six out of every 10 ferries ran late.\n",
        NULL);
    NUMBER(items, "one in every 10", 0.1, 0.1, NULL, "patients");
    NUMBER(items, "six out of every 10", 0.6, 0.6, NULL, "ferries");
    sl_fact_items_free(items);
}

/* A bare number right after "from" or "against" is the level a measure
 * changed from, in the measure's unit ("rose to 1.2 million barrels per
 * day from 1.1 million"); not after a percentage or a period. */
TEST(facts_numbers_level_changed_from)
{
    sl_fact_items *items = facts_of_text(
        "Output at Dunmere rose to 1.2 million barrels per day from 1.1 million. Sales rose 5 "
        "percent from 1,200. Stocks grew over the past 10 years from 1.8 billion.\n", NULL);
    NUMBER(items, "1.1 million", 1.1e6, 1.1e6, "barrel per day", NULL);
    NUMBER(items, "1,200", 1200, 1200, NULL, NULL);
    NUMBER(items, "1.8 billion", 1.8e9, 1.8e9, NULL, NULL);
    sl_fact_items_free(items);
}

/* A currency code with a scale's capital glued before it, as company
 * reports write them: "120 MEUR" is 120 million euros, "450 TEUR" 450
 * thousand. */
TEST(facts_numbers_scaled_currency_codes)
{
    sl_fact_items *items = facts_of_text(
        "Harnvik Oy expects sales of 120 MEUR and booked costs of 450 TEUR. Its rival lost 30 "
        "MUSD.\n", NULL);
    NUMBER(items, "120 MEUR", 120e6, 120e6, "euro", NULL);
    NUMBER(items, "450 TEUR", 450e3, 450e3, "euro", NULL);
    NUMBER(items, "30 MUSD", 30e6, 30e6, "dollar", NULL);
    sl_fact_items_free(items);
}

/* Digits before a time zone are a clock time, no quantity ("1405 GMT",
 * "around 1030 EST"); "0.25 pt" stays a measure. */
TEST(facts_numbers_clock_time_before_a_zone)
{
    static const char *const clocks[] = {"1405", "around 1030", NULL};
    sl_fact_items *items = facts_of_text(
        "The talks at Vossel opened at 1405 GMT and closed around 1030 EST, and the bond fell "
        "0.25 pt.\n", NULL);
    for (size_t k = 0; clocks[k]; k++)
        CHECK(!number_text(items, clocks[k]));
    CHECK(number_text(items, "0.25") != NULL);
    sl_fact_items_free(items);
}

/* Crowns and pounds are money where a company's profit, dividend, shares
 * or earnings are spoken of ("Profit per share 20.50 crowns", "the B
 * shares closed at 424 crowns"); elsewhere crowns are won. */
TEST(facts_numbers_crowns_of_a_company)
{
    sl_fact_items *items = facts_of_text(
        "Profit per share at Ostvik AB rose to 20.50 crowns. The B shares closed at 424 crowns "
        "on Friday. The skater won three crowns.\n", NULL);
    NUMBER(items, "20.50 crowns", 20.5, 20.5, "krone", NULL);
    NUMBER(items, "424 crowns", 424, 424, "krone", NULL);
    NUMBER(items, "three crowns", 3, 3, NULL, "crowns");
    sl_fact_items_free(items);
}

/* A text that ends on the phrase a measure measures ("... 34,500 tonnes
 * of copper", no full stop) has no token after it to read a rate from:
 * rate_after_phrase read the token past the last (rev56; the ASan build
 * showed the heap read where the tokens fill their array, 8 or 16). */
TEST(facts_numbers_measure_phrase_at_the_text_end)
{
    static const char *const texts[] = {
        "Last year they mined 34,500 tonnes of copper",
        "Last year the Kestle mine and its two pits in the north mined 34,500 tonnes of copper",
    };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        sl_fact_items *items = facts_of_text(texts[k], NULL);
        NUMBER(items, "34,500 tonnes", 34500, 34500, "metric ton", "copper");
        sl_fact_items_free(items);
    }
}

/* A company's words make crowns money, not pounds: "shares" and "closed"
 * are as often a verb of any story ("Johnson shares how he lost 60
 * pounds", "after the gym closed, he gained 20 pounds"), where pounds
 * stay a weight; "pounds sterling" is money wherever it stands (rev56). */
TEST(facts_numbers_pounds_beside_a_company_word)
{
    sl_fact_items *items = facts_of_text(
        "Johnson shares how he lost 60 pounds in a year. After the gym closed, he gained 20 "
        "pounds. The trust's income was 900 pounds sterling.\n", NULL);
    NUMBER(items, "60 pounds", 60, 60, "pound-mass", NULL);
    NUMBER(items, "20 pounds", 20, 20, "pound-mass", NULL);
    NUMBER(items, "900 pounds sterling", 900, 900, "pound sterling", NULL);
    sl_fact_items_free(items);
}
