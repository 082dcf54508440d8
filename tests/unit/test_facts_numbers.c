/* test_facts_numbers.c — unit tests of the facts stage's numbers
 * (src/facts/numbers.c, quantities.c, units.c, counted.c): forms, units,
 * scales and ranges, what a number counts, and texts that end on one
 * (every entry of its lookups: test_facts_numbers_tables.c; how wire copy
 * and typography write them: test_facts_numbers_written.c). The texts are
 * invented. */
#include <string.h>

#include "facts/facts.h"
#include "facts/units.h"
#include "facts_items.h"
#include "test.h"

TEST(facts_numbers_forms)
{
    sl_fact_items *items = facts_of_file("tests/fixtures/facts/harbour.txt", "2026-02-10");
    const sl_fact_item *n = number_text(items, "14");
    CHECK(n && n->value == 14 && n->approx == '=' && n->about && strstr(n->about, "boats"));
    n = number_text(items, "about 2.5 million");
    CHECK(n && n->value == 2500000 && n->approx == '~');
    n = number_text(items, "over 120");
    CHECK(n && n->value == 120 && n->approx == '>' && n->detail &&
          !strcmp(n->detail, "kilometre per hour"));
    n = number_text(items, "Around 40");
    CHECK(n && n->value == 40 && n->approx == '~' && !strcmp(n->detail, "percentage"));
    n = number_text(items, "3 and 5 days"); /* "between 3 and 5 days": a range */
    CHECK(n && n->value == 3 && n->value_hi == 5 && !strcmp(n->detail, "day"));
    n = number_text(items, "ninth");
    CHECK(n && n->value == 9 && n->role && !strcmp(n->role, "ordinal"));
    /* the year of "March 2019" is a date; the share counters "12 4 87" are chrome */
    CHECK(!number_text(items, "2019"));
    CHECK(!number_text(items, "12"));
    CHECK(!number_text(items, "87"));
    sl_fact_items_free(items);
}

TEST(facts_numbers_words_and_money)
{
    sl_fact_items *items = facts_of_text(
        "The council spent $1.2 billion on seventy-five new buses over ten months of work, "
        "and the trip took 2 1/2 hours at 7:30 a.m. with at least 40,000 riders.\n", NULL);
    const sl_fact_item *n = number_text(items, "$1.2 billion");
    CHECK(n && n->value == 1.2e9 && n->detail && !strcmp(n->detail, "dollar"));
    n = number_text(items, "seventy-five");
    CHECK(n && n->value == 75 && n->about && strstr(n->about, "buses"));
    n = number_text(items, "over ten months");
    CHECK(n && n->value == 10 && n->approx == '>' && !strcmp(n->detail, "month") && n->about &&
          !strcmp(n->about, "work"));
    n = number_text(items, "2 1/2");
    CHECK(n && n->value == 2.5 && !strcmp(n->detail, "hour"));
    CHECK(!number_text(items, "7"));  /* a clock time */
    CHECK(!number_text(items, "30")); /* a clock time */
    n = number_text(items, "at least 40,000");
    CHECK(n && n->value == 40000 && n->approx == '>' && n->about && strstr(n->about, "riders"));
    sl_fact_items_free(items);
}

TEST(facts_numbers_written_and_fractions)
{
    sl_fact_items *items = facts_of_text(
        "Nine boats and a dozen crews took part. Two-thirds of the crews were local, half of "
        "the boats were new and one in three sailors was under 20. Two hundred and fifty "
        "people watched, and a third of them stayed.\n", NULL);
    NUMBER(items, "Nine boats", 9, 9, NULL, "boats");
    NUMBER(items, "a dozen crews", 12, 12, NULL, "crews");
    NUMBER(items, "Two-thirds", 2.0 / 3, 2.0 / 3, NULL, "crews");
    NUMBER(items, "half", 0.5, 0.5, NULL, "boats");
    NUMBER(items, "one in three", 1.0 / 3, 1.0 / 3, NULL, "sailors");
    NUMBER(items, "under 20", 20, 20, NULL, NULL);
    CHECK(number_text(items, "under 20")->approx == '<');
    NUMBER(items, "Two hundred and fifty people", 250, 250, "people", NULL);
    NUMBER(items, "a third", 1.0 / 3, 1.0 / 3, NULL, NULL);
    sl_fact_items_free(items);
}

TEST(facts_numbers_currencies_and_scales)
{
    sl_fact_items *items = facts_of_text(
        "The port spent $5bn on cranes, \xE2\x82\xAC" "3.2 million on dredging and Rs 500 crore on "
        "roads. Oil rose to US $58.24 per barrel, a loan of HK $5.4m was repaid, the fee was "
        "USD1,700 and the yen stood at 110 JPY. The prize was a million dollars, and shares "
        "closed at 118.5p, down 5pc. Some 1.5m people walk a 2m wall, half a million of them "
        "24/7, and 15 \xE2\x82\xAC buys 25 pounds of apples. As ASCII text writes the pound "
        "and the yen: a PS8.1bn bid, Sony at Y=5,182 and a PS5 console. One US fluid ounce "
        "is 1/16 of a US pint.\n", NULL);
    NUMBER(items, "$5bn", 5e9, 5e9, "dollar", NULL);
    NUMBER(items, "\xE2\x82\xAC" "3.2 million", 3.2e6, 3.2e6, "euro", NULL);
    NUMBER(items, "Rs 500 crore", 5e9, 5e9, "rupee", NULL);
    NUMBER(items, "US $58.24 per barrel", 58.24, 58.24, "dollar per barrel", "oil");
    NUMBER(items, "HK $5.4m", 5.4e6, 5.4e6, "hong kong dollar", NULL);
    NUMBER(items, "USD1,700", 1700, 1700, "dollar", NULL);
    NUMBER(items, "110 JPY", 110, 110, "japanese yen", NULL);
    NUMBER(items, "a million dollars", 1e6, 1e6, "dollar", NULL);
    NUMBER(items, "118.5p", 118.5, 118.5, "penny", NULL);
    NUMBER(items, "5pc", 5, 5, "percentage", NULL);
    NUMBER(items, "Some 1.5m people", 1.5e6, 1.5e6, "people", NULL);
    NUMBER(items, "2m", 2, 2, "metre", NULL);
    NUMBER(items, "half a million", 5e5, 5e5, NULL, NULL);
    CHECK(!number_text(items, "24/7"));
    NUMBER(items, "15 \xE2\x82\xAC", 15, 15, "euro", NULL);
    NUMBER(items, "25 pounds", 25, 25, "pound-mass", "apples");
    NUMBER(items, "PS8.1bn", 8.1e9, 8.1e9, "pound sterling", NULL);
    NUMBER(items, "Y=5,182", 5182, 5182, "japanese yen", NULL);
    CHECK(!number_text(items, "PS5"));
    NUMBER(items, "One US fluid ounce", 1, 1, "ounce", NULL);
    NUMBER(items, "1/16 of a US pint", 1.0 / 16, 1.0 / 16, "pint", NULL);
    sl_fact_items_free(items);
}

/* What a number counts ends at a plural noun, told by its ending: "-s" but
 * not "-ss", "-us", "-is"; "-men"; not a possessive "-'s". */
TEST(facts_numbers_counted_noun_by_its_ending)
{
    sl_fact_items *items = facts_of_text(
        "The yard hired 12 welders for the hull and 40 fishermen from the coast. It bought "
        "3 glass panes, 5 bonus shares and the mayor's 2 boats.\n", NULL);
    NUMBER(items, "12 welders", 12, 12, NULL, "welders");
    NUMBER(items, "40 fishermen", 40, 40, NULL, "fishermen");
    NUMBER(items, "3 glass panes", 3, 3, NULL, "glass panes");
    NUMBER(items, "5 bonus shares", 5, 5, NULL, "bonus shares");
    NUMBER(items, "2 boats", 2, 2, NULL, "boats");
    sl_fact_items_free(items);
}

/* Number words of every first letter words_at lets through, in capitals
 * too, and every vague scale and fraction word of number_words; a word of
 * another first letter is none. */
TEST(facts_numbers_words_by_their_first_letter)
{
    sl_fact_items *items = facts_of_text(
        "Zero boats sank. Half of the nets tore. Quarter million tonnes came in. Dozens of "
        "ships waited. Billions of dollars moved. A dozen cranes stood by. Eleven gulls flew "
        "over. Thirty-two roofs leaked. Nineteen carts queued. Seventy vans waited. Hundreds "
        "of hours passed. The town kept twenty-one boats and forty tugs. Plenty of rain "
        "fell. THOUSANDS of nets, millions of pins, tens of thousands of ropes, a quarter of "
        "the sails, a million bolts and two-thirds of the crews came.\n", NULL);
    NUMBER(items, "Zero boats", 0, 0, NULL, NULL);
    NUMBER(items, "Half of", 0.5, 0.5, NULL, NULL);
    NUMBER(items, "Quarter million", 2.5e5, 2.5e5, "metric ton", NULL);
    NUMBER(items, "Dozens of", 12, 120, NULL, NULL);
    NUMBER(items, "Billions of", 1e9, 1e10, "dollar", NULL);
    NUMBER(items, "A dozen", 12, 12, NULL, NULL);
    NUMBER(items, "Eleven", 11, 11, NULL, NULL);
    NUMBER(items, "Thirty-two", 32, 32, NULL, NULL);
    NUMBER(items, "Nineteen", 19, 19, NULL, NULL);
    NUMBER(items, "Seventy", 70, 70, NULL, NULL);
    NUMBER(items, "Hundreds of", 100, 1000, "hour", NULL);
    NUMBER(items, "twenty-one", 21, 21, NULL, NULL);
    NUMBER(items, "forty", 40, 40, NULL, NULL);
    NUMBER(items, "THOUSANDS of nets", 1000, 10000, NULL, NULL);
    NUMBER(items, "millions of pins", 1e6, 1e7, NULL, NULL);
    NUMBER(items, "tens of thousands of ropes", 1e4, 1e5, NULL, NULL);
    NUMBER(items, "a quarter of the sails", 0.25, 0.25, NULL, NULL);
    NUMBER(items, "a million bolts", 1e6, 1e6, NULL, NULL);
    NUMBER(items, "two-thirds of the crews", 2.0 / 3, 2.0 / 3, NULL, NULL);
    CHECK(!number_text(items, "Plenty"));
    sl_fact_items_free(items);
}

TEST(facts_numbers_units_ranges_and_changes)
{
    sl_fact_items *items = facts_of_text(
        "Winds reached 140 km/h and the storm moved 10km inland, spilling 52,000 barrels a day "
        "over 1,520 sq m. Fees rose 5 per cent to 20 per cent, between $62 and $68 per share, "
        "and the index fell by 3 points to 1,478 points. Mileage went from 20 miles per gallon "
        "in 2008 to 29 mpg, while 1 to 2 thousand people and dozens of boats waited as the "
        "air fell to minus 5 degrees Celsius. Her now-18 month-old daughter saw sub-7 nanometer "
        "chips.\n", NULL);
    NUMBER(items, "140 km/h", 140, 140, "kilometre per hour", NULL);
    NUMBER(items, "10km", 10, 10, "kilometre", NULL);
    NUMBER(items, "52,000 barrels a day", 52000, 52000, "barrel per day", NULL);
    NUMBER(items, "over 1,520 sq m", 1520, 1520, "square metre", NULL);
    NUMBER(items, "5 per cent to 20 per cent", 5, 20, "percentage", "fees");
    NUMBER(items, "$62 and $68 per share", 62, 68, "dollar per share", NULL);
    NUMBER(items, "3 points", 3, 3, "point", "index"); /* "by 3 to 1,478": two values */
    NUMBER(items, "1,478 points", 1478, 1478, "point", NULL);
    NUMBER(items, "20 miles per gallon", 20, 29, "mile per gallon", "mileage");
    NUMBER(items, "1 to 2 thousand people", 1000, 2000, "people", NULL);
    NUMBER(items, "dozens of boats", 12, 120, NULL, "boats");
    NUMBER(items, "minus 5 degrees Celsius", -5, -5, "celsius", "air");
    NUMBER(items, "now-18 month-old", 18, 18, "month of age", NULL);
    NUMBER(items, "sub-7 nanometer", 7, 7, "nanometre", NULL);
    CHECK(number_text(items, "sub-7")->approx == '<');
    sl_fact_items_free(items);
}

TEST(facts_numbers_what_they_count)
{
    sl_fact_items *items = facts_of_text(
        "The death toll rose to 40,000. Seven European countries conducted the survey. The "
        "Tavel index was up about 19 per cent. About 60 per cent of its revenue comes from "
        "ads. Her recent diplomatic mission to the region, her ninth since the war began, "
        "ended on Monday. Jane Doe, 65, said the 5G network and the iPhone 11 arrived in "
        "2019, and the club finished in the bottom three. So far this year Tesla shares have "
        "been on a tear, up nearly 57%.\n", NULL);
    NUMBER(items, "40,000", 40000, 40000, NULL, "death toll");
    NUMBER(items, "Seven European countries", 7, 7, NULL, "european countries");
    CHECK(!strstr(number_text(items, "Seven")->about, "conducted"));
    NUMBER(items, "about 19 per cent", 19, 19, "percentage", "index");
    NUMBER(items, "About 60 per cent", 60, 60, "percentage", "revenue");
    NUMBER(items, "ninth", 9, 9, NULL, "diplomatic mission");
    CHECK(number_text(items, "ninth")->role != NULL);
    NUMBER(items, "65", 65, 65, "year of age", NULL);
    /* names, a year and a rank are not numbers */
    CHECK(!number_text(items, "5"));
    CHECK(!number_text(items, "11"));
    CHECK(!number_text(items, "2019"));
    CHECK(!number_text(items, "three"));
    /* no phrase after it: the chooser's pick among the sentence's phrases */
    NUMBER(items, "nearly 57%", 57, 57, "percentage", "tesla shares");
    sl_fact_items_free(items);
}

/* Forms read since issue 18: fraction signs, "and a half", powers of ten,
 * hyphened scales and nouns, ages after "aged", units over units, and what
 * is no count (an address, a clock time, a verb after the number). */
TEST(facts_numbers_issue18_forms)
{
    sl_fact_items *items = facts_of_text(
        "It needs 2\xC2\xBD cups of flour and \xC2\xBE of a teaspoon of salt. One and a half "
        "million people came. The sun weighs 1.99\xC3\x97" "10^30 kilograms. The firm raised "
        "$5.5-million. A 40,000-strong crowd met at 22 Ave Foch at seven o'clock. Levels hit "
        "5 mg/l. He died aged 62. Of the nine deputies, four said they would vote for it. "
        "It supplies about a third of the valley's electricity. The neck is 25.5\xE2\x80\xB3 "
        "long, and 2022\xE2\x80\xB2s rout was the worst. Shares fell \xE2\x88\x92" "3.5%, "
        "the bill is $5-6 billion and some 5,000-plus fans came. She ran two-and-a-half "
        "miles. Nine in 10 voters and 1 in 5 adults agreed, and a 5 million-strong crowd "
        "met 3,000-odd police. It sold 4.3M digital and physical copies.\n", NULL);
    NUMBER(items, "2\xC2\xBD cups", 2.5, 2.5, "cup", NULL);
    NUMBER(items, "\xC2\xBE of a teaspoon", 0.75, 0.75, "teaspoon", NULL);
    NUMBER(items, "One and a half million", 1.5e6, 1.5e6, "people", NULL);
    NUMBER(items, "1.99", 1.99e30, 1.99e30, "kilogram", NULL);
    NUMBER(items, "$5.5-million", 5.5e6, 5.5e6, "dollar", NULL);
    NUMBER(items, "40,000-strong", 40000, 40000, NULL, "strong");
    NUMBER(items, "5 mg/l", 5, 5, "milligram per litre", NULL);
    NUMBER(items, "62", 62, 62, "year of age", NULL);
    NUMBER(items, "four", 4, 4, NULL, NULL);
    CHECK(!number_text(items, "four")->about || !strstr(number_text(items, "four")->about, "said"));
    NUMBER(items, "about a third", 1.0 / 3, 1.0 / 3, NULL, "electricity");
    NUMBER(items, "25.5", 25.5, 25.5, "inch", NULL);
    NUMBER(items, "\xE2\x88\x92" "3.5%", -3.5, -3.5, "percentage", NULL);
    NUMBER(items, "$5-6 billion", 5e9, 6e9, "dollar", NULL);
    NUMBER(items, "some 5,000-plus", 5000, 5000, NULL, NULL);
    NUMBER(items, "two-and-a-half miles", 2.5, 2.5, "mile", NULL);
    NUMBER(items, "Nine in 10 voters", 0.9, 0.9, NULL, "voters");
    NUMBER(items, "1 in 5 adults", 0.2, 0.2, NULL, "adults");
    NUMBER(items, "5 million-strong", 5e6, 5e6, NULL, "strong");
    NUMBER(items, "3,000-odd", 3000, 3000, NULL, NULL);
    CHECK(number_text(items, "3,000-odd")->approx == '~');
    NUMBER(items, "4.3M", 4.3e6, 4.3e6, NULL, "digital physical copies");
    CHECK(!number_text(items, "22"));   /* an address */
    CHECK(!number_text(items, "seven")); /* a clock time */
    CHECK(!number_text(items, "2022")); /* a year, not feet */
    sl_fact_items_free(items);
}

/* Whether the number starting with `prefix` counts nothing, or a phrase
 * without `word`. */
static bool counts_no(const sl_fact_items *items, const char *prefix, const char *word)
{
    const sl_fact_item *n = number_text(items, prefix);
    return n && (!n->about || !strstr(n->about, word));
}

/* What a number counts is taken from its own clause: not across a quotation
 * mark, not the speaker of an attribution, not before "and that" opening
 * another clause (nor "and each"); not a verb (after a modal, or before
 * "for" and the number), nor a day. */
TEST(facts_numbers_concept_in_its_clause)
{
    sl_fact_items *items = facts_of_text(
        "\"Every litre that leaves is a litre lost,\" said Ada Morn, who keeps bees on 12 "
        "hectares by the lake. Chief clerk Ola Brandt said on Tuesday that the crews had "
        "finished the roof and that it could open within three days. \"We can trust 90 when "
        "we see it on the meter,\" said Jon Vik. The lease runs for 15 years. Of the ten clerks, three said on Friday "
        "that they would stay, two said they would go. Some 40 guests were inside, and each of "
        "them was out within 12 minutes.\n", NULL);
    CHECK(counts_no(items, "12 hectares", "litre"));  /* across a quotation mark */
    CHECK(counts_no(items, "12 hectares", "morn"));   /* the speaker */
    CHECK(counts_no(items, "12 hectares", "said"));
    CHECK(counts_no(items, "12 hectares", "keeps"));  /* a verb after "who" */
    CHECK(counts_no(items, "three days", "brandt"));  /* the speaker, before "said" */
    CHECK(counts_no(items, "three days", "tuesday")); /* a day */
    CHECK(counts_no(items, "three days", "roof"));    /* before "and that it" */
    CHECK(counts_no(items, "90", "trust"));           /* a verb after a modal */
    NUMBER(items, "15 years", 15, 15, "year", "lease");
    CHECK(counts_no(items, "15 years", "runs"));      /* a verb before "for" */
    NUMBER(items, "two", 2, 2, NULL, "clerks");      /* "three said": no speaker named */
    CHECK(counts_no(items, "12 minutes", "guests"));  /* after "and each" */
    sl_fact_items_free(items);
    /* two plurals joined by "and" are one candidate, written without it */
    items = facts_of_text("\"We need rain,\" said Ada Lind, who grows olives and grapes on 25 "
                         "hectares near Tavel.\n", NULL);
    NUMBER(items, "25 hectares", 25, 25, "hectare", "olives grapes");
    sl_fact_items_free(items);
}

/* A unit said once for several values of a sentence: a bare number takes
 * the unit of the last number before it that has one and is a value of the
 * same thing; a percentage lends it only to a number after the same word, a
 * conversion in brackets not at all. */
TEST(facts_numbers_unit_said_once)
{
    sl_fact_items *items = facts_of_text(
        "Rents rose by 4 percent in the north and fell by 2 in the south. The fund holds 120 "
        "hectares of forest and wants 35 more by May. Sales rose 6% to 48.5 a share. A levy "
        "of 200 million euros ($220 million) is due, and 90 million of it is paid. The pier "
        "held. The harbour later said 17 had stayed.\n", NULL);
    NUMBER(items, "2", 2, 2, "percentage", NULL);
    NUMBER(items, "35", 35, 35, NULL, NULL);            /* not a value of the forest */
    NUMBER(items, "48.5", 48.5, 48.5, NULL, NULL);        /* a change, then a price */
    NUMBER(items, "90 million", 9e7, 9e7, "euro", NULL); /* not the dollars in brackets */
    NUMBER(items, "17", 17, 17, NULL, NULL);              /* another sentence */
    sl_fact_items_free(items);
}

/* The phrase after a measure ends at the next number: "12.5 per cent four
 * years ago" measures no "four". */
TEST(facts_numbers_phrase_ends_at_a_number)
{
    sl_fact_items *items = facts_of_text(
        "Turnout in the valley fell to 58.1 per cent from 62.5 per cent four years ago.\n", NULL);
    NUMBER(items, "62.5 per cent", 62.5, 62.5, "percentage", NULL);
    CHECK(counts_no(items, "62.5 per cent", "four"));
    NUMBER(items, "four years", 4, 4, "year", NULL);
    sl_fact_items_free(items);
}

/* "people" as a unit: the word after it is a verb, not what it measures;
 * a present verb right before the number is no part of the phrase it is a
 * value of. */
TEST(facts_numbers_people_and_present_verbs)
{
    sl_fact_items *items = facts_of_text(
        "Some 900 people live in the village. The bakery employs about 35 people.\n", NULL);
    NUMBER(items, "Some 900 people", 900, 900, "people", NULL);
    CHECK(counts_no(items, "Some 900 people", "live"));
    NUMBER(items, "about 35 people", 35, 35, "people", "bakery");
    CHECK(counts_no(items, "about 35 people", "employs"));
    sl_fact_items_free(items);
}

/* Common unit symbols beyond the basic ones: data rates, short times,
 * hectares, engine sizes. */
TEST(facts_numbers_more_unit_symbols)
{
    sl_fact_items *items = facts_of_text(
        "The line runs at 940 Mbps with a lag of 12 ms, the farm covers 30 ha and the bike "
        "has a 125 cc engine.\n", NULL);
    NUMBER(items, "940 Mbps", 940, 940, "megabit per second", NULL);
    NUMBER(items, "12 ms", 12, 12, "millisecond", NULL);
    NUMBER(items, "30 ha", 30, 30, "hectare", NULL);
    NUMBER(items, "125 cc", 125, 125, "millilitre", NULL);
    sl_fact_items_free(items);
}

TEST(facts_numbers_hyphened_rates_ages_and_codes)
{
    static const expected_number want[] = {
        {"9-cent-a-share", 9, "cent per share"}, {"$31-a-share", 31, "dollar per share"},
        {"$ 33 - a - share", 33, "dollar per share"}, {"19", 19, "year of age"},
        {"70", 70, "year of age"}, {"4 goals", 4, NULL}}; /* a count after "were", no age */
    static const char *const phone[] = {"0161", "496", "0000", NULL};
    NUMBERS_OF("The mill declared a 9-cent-a-share payout, rivals bid $31-a-share and one fund "
               "offered $ 33 - a - share. She was 19 when she rowed the lake, he turned 70 in "
               "May and they were 4 goals down. Ring 0161 496 0000 for tickets.\n", want, phone);
}

TEST(facts_numbers_after_a_possessive)
{
    static const expected_number want[] = {{"420 ferries", 420, NULL}, {"90 ports", 90, NULL}};
    static const char *const names[] = {"11", NULL};
    NUMBERS_OF("Norway's 420 ferries and Chile\xE2\x80\x99s 90 ports reopened, but Apollo 11 "
               "stayed a name.\n", want, names);
}

TEST(facts_numbers_cents_powers_and_signs)
{
    static const expected_number want[] = {
        {"14 dollars 60", 14.6, "dollar"}, {"2 euros and 35 cents", 2.35, "euro"},
        {"15 dollars", 15, "dollar"}, {"40 tickets", 40, NULL}, /* "and 40 tickets": a count */
        {"62 m\xC2\xB2", 62, "square metre"}, {"9 km\xC2\xB2", 9, "square kilometre"},
        {"300 \xE2\x82\xA1", 300, "costa rican col\xC3\xB3n"},
        {"45 \xE2\x82\xBE", 45, "georgian lari"}, {"mxn$ 80", 80, "mexican peso"}};
    NUMBERS_OF("Entry costs 14 dollars 60, a guide 2 euros and 35 cents, and 15 dollars and 40 "
               "tickets went unsold. The loft measures 62 m\xC2\xB2 beside a 9 km\xC2\xB2 lake. "
               "Stalls asked 300 \xE2\x82\xA1 for fruit, 45 \xE2\x82\xBE for wine and mxn$ 80 "
               "for a hat.\n", want, NULL);
}

/* Days of a month are dates, not quantities: a day before "May" (the
 * month only beside a day number), and a range of days before a month. */
TEST(facts_numbers_days_of_a_month)
{
    static const expected_number want[] = {{"12 boats", 12, NULL}, {"5 tonnes", 5, "metric ton"}};
    static const char *const days[] = {"9", "6 or 7", "4-6", NULL};
    NUMBERS_OF("The ferry sails on 9 May, a fair runs from 6 or 7 June and the races from 4-6 "
               "October, and 12 boats may carry 5 tonnes.\n", want, days);
    sl_fact_items *items = facts_of_text("The ferry sails on 9 May and you may come.\n", "2026-06-01");
    CHECK_INT(fact_count(items, SL_FACT_DATE), 1);
    const sl_fact_item *d = fact_nth(items, SL_FACT_DATE, 0);
    CHECK_STR(d ? d->about : NULL, "2026-05-09");
    sl_fact_items_free(items);
}

/* A glued "m" before a currency is millions, not metres ("125m euros"); a
 * range joined by a hyphen after "by" is one range ("grow by 20-25%"),
 * where a score after "by" is none ("won by 3-1"). */
TEST(facts_numbers_millions_before_a_currency_and_ranges_after_by)
{
    sl_fact_items *items = facts_of_text("Veldor Bank paid 125m euros for the mill. Its sales will "
                                         "grow by 20-25% next year. Tavel won by 3-1 on Sunday.\n",
                                         NULL);
    NUMBER(items, "125m euros", 125e6, 125e6, "euro", NULL);
    NUMBER(items, "20-25%", 20, 25, "percentage", NULL);
    CHECK(number_text(items, "3-1") == NULL);
    sl_fact_items_free(items);
}

/* Numbers in names: after a name that opens its sentence when a verb or a
 * name follows ("Quarry 7 has"), not after an adverb, an approximation or a
 * possessive; and a number word capitalised mid-sentence ("the Tavel
 * Eight", "Harbour Three"). */
TEST(facts_numbers_in_names)
{
    static const expected_number want[] = {{"Nearly 50", 50, NULL}, {"12 days", 12, "day"},
                                           {"3 mills", 3, NULL}, {"40 boats", 40, NULL},
                                           {"Two ferries", 2, NULL}};
    static const char *const names[] = {"7", "9", "Eight", "Three", NULL};
    NUMBERS_OF("Quarry 7 has sold out. Nearly 50 were hurt. Exactly 12 days later it shut. "
               "Tavel's 3 mills closed. Starling 9 Ltd bought 40 boats. The Tavel Eight met at "
               "Harbour Three. Two ferries left.\n", want, names);
}

/* A text that ends on a number word and its scale, or on a number: nothing
 * is read past the last token (the scale lookup once did, and crashed on
 * some texts; the rules that read the word after a number, "she was 14
 * when", did on a headline-like "dies at 91"). */
TEST(facts_numbers_at_the_end_of_the_text)
{
    const char *texts[] = {"It cost five million", "It cost 5 million", "about a third",
                           "from $4 to", "twenty", "dozens of"};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        sl_fact_items *items = facts_of_text(texts[k], NULL);
        CHECK(items != NULL);
        sl_fact_items_free(items);
    }
    sl_fact_items *items = facts_of_text("It cost five million", NULL);
    NUMBER(items, "five million", 5e6, 5e6, NULL, NULL);
    sl_fact_items_free(items);
    items = facts_of_text("The old ferryman of Tavel dies at 91", NULL);
    CHECK_INT(fact_count(items, SL_FACT_NUMBER), 1);
    NUMBER(items, "91", 91, 91, "year of age", NULL); /* the age of a death */
    sl_fact_items_free(items);
}

/* A hyphen left waiting for the word of a later number ("four-, five- and
 * six-berth"), and a small number after "or" counting the noun said with
 * "a" before it ("a day or two", "another ferry or two"). */
TEST(facts_numbers_suspended_hyphens_and_a_noun_or_two)
{
    sl_fact_items *items = facts_of_text("The yard builds four-, five- and six-berth boats on two- "
                                         "and three-year leases. Expect a day or two of rain and "
                                         "another ferry or two.\n", NULL);
    NUMBER(items, "four-, five- and six-berth", 4, 4, NULL, "berth");
    NUMBER(items, "five- and six-berth", 5, 5, NULL, "berth");
    NUMBER(items, "six-berth", 6, 6, NULL, "berth");
    NUMBER(items, "two- and three-year", 2, 2, "year", NULL);
    NUMBER(items, "a day or two", 2, 2, "day", NULL);
    NUMBER(items, "another ferry or two", 2, 2, NULL, "ferry");
    sl_fact_items_free(items);
}

/* An order of magnitude alone as a subject ("Dozens were hurt"; not "in
 * their hundreds"), a superlative after "one of the most", a scale before a
 * glued rate ("$1.5m-a-year"), and a fraction or an ordinal that opens no
 * range ("rose by a third to 1.2 billion euros"). */
TEST(facts_numbers_orders_alone_superlatives_and_fractions_before_to)
{
    sl_fact_items *items = facts_of_text(
        "Dozens were hurt and thousands have fled. Crowds came in their hundreds. It was one of "
        "the most dramatic finishes of the season. The keeper signed a $1.5m-a-year deal. "
        "Profits rose by a third to 1.2 billion euros, the third to 40 ferries.\n", NULL);
    NUMBER(items, "Dozens", 12, 120, NULL, NULL);
    NUMBER(items, "thousands", 1000, 10000, NULL, NULL);
    CHECK(number_text(items, "hundreds") == NULL);
    NUMBER(items, "one of the most dramatic finishes", 1, 1, NULL, "dramatic finishes");
    NUMBER(items, "$1.5m-a-year", 1.5e6, 1.5e6, "dollar per year", NULL);
    NUMBER(items, "a third", 1.0 / 3, 1.0 / 3, NULL, NULL);
    NUMBER(items, "1.2 billion euros", 1.2e9, 1.2e9, "euro", NULL);
    NUMBER(items, "40 ferries", 40, 40, NULL, "ferries");
    sl_fact_items_free(items);
}

/* A bare number in a parallel clause ("while", "but", "whereas") takes the
 * unit of the value before it, though it is a value of another thing; an
 * age in "11 year olds" lends none, and "falling to 330" in the clause of
 * its lender stays bare when it is a value of another thing. */
TEST(facts_numbers_unit_said_once_in_a_parallel_clause)
{
    sl_fact_items *items = facts_of_text(
        "The Tavel index ended at 1,463.78 points, while the Orrin index ended at 1,334.20. "
        "The Tavel fund rose by 3 percent but the Orrin fund fell by 2. About 5.2 million adults "
        "read worse than 11 year olds, while 14.9 million count worse. "
        "The treaty sets a flow of 385 cubic metres per second at the gauge, falling to 330 in "
        "dry years.\n", NULL);
    NUMBER(items, "1,334.20", 1334.2, 1334.2, "point", NULL);
    NUMBER(items, "2", 2, 2, "percentage", NULL);
    NUMBER(items, "11 year olds", 11, 11, "year of age", NULL);
    NUMBER(items, "14.9 million", 14.9e6, 14.9e6, NULL, NULL);
    NUMBER(items, "330", 330, 330, NULL, NULL);
    sl_fact_items_free(items);
}

/* A scaled number after a name is no part of it ("awarded Varig 2bn
 * reais", where "Apollo 11" is a name), and "secs" are seconds, glued or
 * not. */
TEST(facts_numbers_scaled_after_a_name_and_secs)
{
    static const expected_number want[] = {{"2bn reais", 2e9, "brazilian real"},
                                           {"20.13secs", 20.13, "second"},
                                           {"21.07 secs", 21.07, "second"}};
    NUMBERS_OF("The court awarded Tavelair 2bn reais on Tuesday. Lind ran 20.13secs and Orrin "
               "won in 21.07 secs.\n", want, NULL);
}

/* A possessive is no model name ("the EU's 70,000 TLV users", where
 * "iPhone 11" is one), a colon after an amount is no clock time ("$9.37bn:
 * ..."), and a glued "m" before a capitalised plural is millions ("1.6m
 * Britons"), as is the lower end's of such a range ("3.5m to 4m people"),
 * but not before a possessive ("the 1500m champion's"). */
TEST(facts_numbers_possessives_colons_and_millions_of_a_people)
{
    static const expected_number want[] = {{"70,000 TLV users", 70000, NULL},
                                           {"$9.37bn", 9.37e9, "dollar"},
                                           {"1.6m Britons", 1.6e6, NULL},
                                           {"1500m", 1500, "metre"}};
    NUMBERS_OF("Many of the EU's 70,000 TLV users paid 40bn roubles ($9.37bn: about half) for "
               "it, as did the UK's 1.6m Britons abroad. The 1500m champion's time was "
               "fast.\n", want, NULL);
    sl_fact_items *items = facts_of_text("Estimates range from 3.5m to 4m people.\n", NULL);
    NUMBER(items, "3.5m to 4m people", 3.5e6, 4e6, "people", NULL);
    sl_fact_items_free(items);
}

/* "half" before "the" and its noun, or before "a" and a unit, is a
 * fraction as "half of" is ("half the boats", "half an hour"); "the first
 * half" is none; "a quarter" after an approximation is a share ("nearly a
 * quarter"), alone a period ("a quarter later"). */
TEST(facts_numbers_half_the_and_half_an_hour)
{
    sl_fact_items *items = facts_of_text("About half the boats sailed within half an hour, as in "
                                         "the first half. Nearly a quarter stayed a quarter "
                                         "later.\n", NULL);
    NUMBER(items, "About half the boats", 0.5, 0.5, NULL, "boats");
    NUMBER(items, "half an hour", 0.5, 0.5, "hour", NULL);
    NUMBER(items, "Nearly a quarter", 0.25, 0.25, NULL, NULL);
    CHECK_INT(fact_count(items, SL_FACT_NUMBER), 3);
    sl_fact_items_free(items);
}

/* European and other currencies by code before the amount or by name
 * after it, in NewsQuant's names. */
TEST(facts_numbers_more_currencies)
{
    static const expected_number want[] = {
        {"SEK 3bn", 3e9, "swedish krone"}, {"NOK 450 million", 450e6, "norwegian krone"},
        {"300 zlotys", 300, "polish z\xC5\x82oty"}, {"2bn Kenyan shillings", 2e9, "kenyan shilling"},
        {"20 million Norwegian kroner", 20e6, "norwegian krone"},
        {"5 billion Swedish crowns", 5e9, "swedish krone"}};
    NUMBERS_OF("The fund paid SEK 3bn and NOK 450 million, a shop 300 zlotys, a bank 2bn Kenyan "
               "shillings, a club 20 million Norwegian kroner and a mill 5 billion Swedish "
               "crowns.\n", want, NULL);
}

/* "three dozen" as a scale, "or so" after a number and "in excess of" as
 * approximations, and "other" or "more" between a count and its noun. */
TEST(facts_numbers_dozens_or_so_and_other)
{
    sl_fact_items *items = facts_of_text(
        "Nearly three dozen boats sailed, with two dozen other crews and half a dozen ferries. "
        "The 100 or so pilots waited 20 years or so for a fleet worth in excess of $10 million, "
        "and nine million more riders came.\n", NULL);
    NUMBER(items, "Nearly three dozen boats", 36, 36, NULL, "boats");
    CHECK(approx_of(items, "Nearly three dozen") == '~');
    NUMBER(items, "two dozen other crews", 24, 24, NULL, "crews");
    NUMBER(items, "half a dozen ferries", 6, 6, NULL, "ferries");
    NUMBER(items, "100 or so pilots", 100, 100, NULL, "pilots");
    CHECK(approx_of(items, "100 or so") == '~');
    NUMBER(items, "20 years or so", 20, 20, "year", NULL);
    CHECK(approx_of(items, "20 years") == '~');
    NUMBER(items, "in excess of $10 million", 1e7, 1e7, "dollar", NULL);
    CHECK(approx_of(items, "in excess of") == '>');
    NUMBER(items, "nine million more riders", 9e6, 9e6, NULL, "riders");
    CHECK_INT(fact_count(items, SL_FACT_NUMBER), 7);
    sl_fact_items_free(items);
}

/* "a quarter of a million", ages after "the age of" (in words too) and
 * after a modal ("she might be 33"), no age for a score ("we are 2-1
 * down"), the second day of "June 24 and 25", and the rupiah. */
TEST(facts_numbers_quarter_of_a_million_ages_and_days)
{
    sl_fact_items *items = facts_of_text(
        "Almost a quarter of a million visitors came. Lina sailed from the age of eight and "
        "raced at the age of 21. She might be 33 by then. We are 2-1 down at the break. The "
        "races on June 24 and 25 cost the port 59.2 trillion rupiah.\n", NULL);
    NUMBER(items, "Almost a quarter of a million", 250000, 250000, NULL, "visitors");
    NUMBER(items, "eight", 8, 8, "year of age", NULL);
    NUMBER(items, "21", 21, 21, "year of age", NULL);
    NUMBER(items, "33", 33, 33, "year of age", NULL);
    NUMBER(items, "2-1", 2, 1, NULL, NULL);
    NUMBER(items, "59.2 trillion rupiah", 59.2e12, 59.2e12, "indonesian rupiah", NULL);
    CHECK(!number_text(items, "24") && !number_text(items, "25"));
    sl_fact_items_free(items);
}

/* Units in CQE's names, which NewsQuant's follow: "PS" is horsepower, "cc"
 * millilitres, "francs" Swiss francs, "barrels of oil" one unit; and more
 * of its units (light-years, megatonnes, nits, points per game). */
TEST(facts_numbers_units_in_cqe_names)
{
    static const expected_number want[] = {
        {"300 PS", 300, "horsepower"}, {"125cc", 125, "millilitre"},
        {"40 francs", 40, "swiss franc"}, {"2 million barrels of oil", 2e6, "barrel of oil"},
        {"4.2 light years", 4.2, "light-year"}, {"3 megatonnes", 3, "megaton"},
        {"1,000 nits", 1000, "candela per square metre"}, {"25.1 points per game", 25.1, "point per game"},
        {"12 nautical miles", 12, "mile"}, {"9 carats", 9, "carat"}};
    NUMBERS_OF("The 300 PS ferry with a 125cc tender cost 40 francs and carried 2 million barrels "
               "of oil. The star is 4.2 light years away, the blast was 3 megatonnes, the screen "
               "reached 1,000 nits, Lina scored 25.1 points per game, the boat sailed 12 nautical "
               "miles and the ring had 9 carats.\n", want, NULL);
}

/* Units as wire copy writes them: "dlrs", "cts", "kilowatt-hours". */
TEST(facts_numbers_wire_abbreviations)
{
    static const expected_number want[] = {
        {"four dlrs a share", 4, "dollar per share"}, {"43 cts", 43, "cent"},
        {"19 billion dlr", 19e9, "dollar"}, {"51.1 billion kilowatt-hours", 51.1e9, "kilowatt hour"}};
    NUMBERS_OF("Tavel Mills expects to earn four dlrs a share, paid 43 cts in dividends, owes 19 "
               "billion dlr and used 51.1 billion kilowatt-hours.\n", want, NULL);
}

/* "X to Y" after a verb of change, the ends more than five times apart, is
 * the change and the level it led to; closer ends stay a range. */
TEST(facts_numbers_change_then_level)
{
    sl_fact_items *items = facts_of_text(
        "Shares in Harrow Mills fell 14p to 131.5p. Rye futures lost more than $3 to $61.20. "
        "Bakers expect prices to rise 5 to 10 percent.\n", NULL);
    NUMBER(items, "14p", 14, 14, "penny", NULL);
    NUMBER(items, "131.5p", 131.5, 131.5, "penny", NULL);
    NUMBER(items, "more than $3", 3, 3, "dollar", NULL);
    NUMBER(items, "$61.20", 61.2, 61.2, "dollar", NULL);
    NUMBER(items, "5 to 10 percent", 5, 10, "percentage", NULL);
    sl_fact_items_free(items);
}

/* A count over time or space is a rate of its counted noun ("300 dots per
 * inch", "viewers a night"); "two goals a minute later" is none. */
TEST(facts_numbers_count_rates)
{
    sl_fact_items *items = facts_of_text(
        "Printed at 300 dots per inch, the chart of Tavel Bay drew 1.2 million viewers a night "
        "and 40 letters a week. Lina scored two goals a minute later.\n", NULL);
    NUMBER(items, "300 dots per inch", 300, 300, "dots per inch", "dots");
    NUMBER(items, "1.2 million viewers a night", 1.2e6, 1.2e6, "viewers per night", "viewers");
    NUMBER(items, "40 letters a week", 40, 40, "letters per week", "letters");
    NUMBER(items, "two goals", 2, 2, NULL, "goals");
    sl_fact_items_free(items);
}

/* The age of a death or a retirement after "at" ("died in Bonn at 50",
 * "retire at 67"); "remains" and "respectively" end a counted phrase. */
TEST(facts_numbers_life_event_ages_and_phrase_ends)
{
    sl_fact_items *items = facts_of_text(
        "The painter Aron Vell died in Lindholt at 88. Pilots may retire at 67. Of the four "
        "sailors hurt, one remains in hospital. The two ferries carry 12 and 14 cars "
        "respectively. The ferry docked at 9.\n", NULL);
    NUMBER(items, "88", 88, 88, "year of age", NULL);
    NUMBER(items, "67", 67, 67, "year of age", NULL);
    const sl_fact_item *one = number_text(items, "one");
    CHECK(one && (!one->about || !strstr(one->about, "remains")));
    const sl_fact_item *cars = number_text(items, "14");
    CHECK(cars && (!cars->about || !strstr(cars->about, "respectively")));
    CHECK(!number_text(items, "9") || !number_text(items, "9")->detail);
    sl_fact_items_free(items);
}

/* A glued "m" before a race's plural noun is metres ("the 60m hurdles",
 * "800m runners"); before another plural noun it is still millions. */
TEST(facts_numbers_race_distances)
{
    static const expected_number want[] = {
        {"60m hurdles", 60, "metre"}, {"800m runners", 800, "metre"},
        {"200m titles", 200, "metre"}, {"3m viewers", 3e6, NULL}};
    NUMBERS_OF("Lina Vell won the 60m hurdles, beat two 800m runners, kept her 200m titles and "
               "drew 3m viewers.\n", want, NULL);
}

/* CQE's unit symbols no English word shares after a number ("47 Ω", "2
 * tbsp", the micro sign), and "min" as a duration unless a page says "4
 * min read". */
TEST(facts_numbers_cqe_symbols_and_minutes)
{
    static const expected_number want[] = {
        {"47 \xCE\xA9", 47, "ohm"}, {"13 TeV", 13, "teraelectronvolt"}, {"15 gal", 15, "gallon"},
        {"2 tbsp", 2, "tablespoon"}, {"800 lm", 800, "lumen"}, {"20 mSv", 20, "millisievert"},
        {"5 \xC2\xB5g", 5, "microgram"}, {"470 \xCE\xBC" "F", 470, "microfarad"},
        {"20 nmi", 20, "mile"}, {"200 z\xC5\x82", 200, "polish z\xC5\x82oty"},
        {"42 min", 42, "minute"}};
    NUMBERS_OF("The Tavel lab's resistor read 47 \xCE\xA9, its beam reached 13 TeV, the van took "
               "15 gal, the cook added 2 tbsp, the lamp gave 800 lm, the crew got 20 mSv, the "
               "pill held 5 \xC2\xB5g, the capacitor held 470 \xCE\xBC" "F, the ferry sailed 20 nmi, "
               "the fare was 200 z\xC5\x82 and the crossing took 42 min.\n", want, NULL);
    sl_fact_items *items = facts_of_text("Harbour wall holds. 4 min read\n", NULL);
    CHECK_INT(fact_count(items, SL_FACT_NUMBER), 0);
    sl_fact_items_free(items);
}

/* A height in feet and inches ("6ft 4in", "6 ft 2 in"), a glued "in" a
 * screen's inches, a glued "h" hours; a spaced "in" elsewhere is the
 * preposition ("scored 2 in the first half"). */
TEST(facts_numbers_feet_and_inches)
{
    sl_fact_items *items = facts_of_text(
        "The Tavel keeper is 6ft 4in and his brother 6 ft 2 in. The van has a 42in screen and "
        "the race lasted 24h. Lina scored 2 in the first half.\n", NULL);
    NUMBER(items, "6ft", 6, 6, "foot", NULL);
    NUMBER(items, "4in", 4, 4, "inch", NULL);
    NUMBER(items, "6 ft", 6, 6, "foot", NULL);
    NUMBER(items, "2 in", 2, 2, "inch", NULL);
    NUMBER(items, "24h", 24, 24, "hour", NULL);
    bool bare_two = false;
    for (size_t i = 0; i < items->n; i++)
        bare_two |= items->items[i].kind == SL_FACT_NUMBER && !strcmp(items->items[i].text, "2") &&
                    !items->items[i].detail;
    CHECK(bare_two);
    sl_fact_items_free(items);
}

TEST(facts_numbers_duration_in_parts)
{
    sl_fact_items *items = facts_of_text(
        "Mara Ostend won the Tavel marathon in 2h 11m 40s, and the pool was 25m long. "
        "The band played hits of the 1990s.\n", NULL);
    NUMBER(items, "2h", 2, 2, "hour", NULL);
    NUMBER(items, "11m", 11, 11, "minute", NULL);
    NUMBER(items, "40s", 40, 40, "second", NULL);
    NUMBER(items, "25m", 25, 25, "metre", NULL);
    bool decade = false;
    for (size_t i = 0; i < items->n; i++)
        decade |= items->items[i].kind == SL_FACT_NUMBER && !strcmp(items->items[i].text, "1990s");
    CHECK(!decade);
    sl_fact_items_free(items);
}

/* The words of a sentence are judged once an article for the phrases a
 * number may be a value of: each number of a sentence of many gets what it
 * gets in a sentence of its own. */
TEST(facts_numbers_value_of_in_a_sentence_of_many)
{
    static const char *const alone[] = {
        "The harbour toll rose to 40.\n",
        "The harbour toll rose to 40, the ferry fare climbed to 12.\n",
        "The harbour toll rose to 40, the ferry fare climbed to 12 and the dock rent was 7.\n"};
    sl_fact_items *many = facts_of_text(alone[2], NULL);
    const char *prefixes[] = {"40", "12", "7"};
    for (size_t k = 0; k < 3; k++) {
        sl_fact_items *one = facts_of_text(alone[k], NULL);
        const sl_fact_item *a = number_text(one, prefixes[k]), *b = number_text(many, prefixes[k]);
        CHECK(a && b && a->about && b->about);
        if (a && b && a->about && b->about)
            CHECK_STR(b->about, a->about);
        sl_fact_items_free(one);
    }
    sl_fact_items_free(many);
}

/* The currency of a sign or code glued to digits after a "$" or alone,
 * from the signs indexed by their first byte: "$US" and "$A" among the
 * "$" signs, the codes among those of their letter ("AUD" after "a$",
 * "au$"), none for "$AU" or "$HK" (no such sign) or a code of no sign, a
 * code in lower case not taken. */
TEST(facts_currency_signs_by_their_first_byte)
{
    static const struct { const char *s; bool dollar; const char *unit; } cases[] = {
        {"US5", true, "dollar"},          {"A5", true, "australian dollar"},
        {"AU5", true, NULL},              {"HK5", true, NULL},
        {"AUD5", false, "australian dollar"}, {"NZD5", false, "new zealand dollar"},
        {"SGD5", false, "singapore dollar"}, {"GBP5", false, "pound sterling"},
        {"RS5", false, "rupee"},           {"QQQ5", false, NULL},
        {"usd5", false, NULL},             {"PS27", false, "pound sterling"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const char *unit =
            sl_units_currency_prefix(cases[k].s, strlen(cases[k].s), cases[k].dollar, false);
        CHECK_STR(unit ? unit : "(none)", cases[k].unit ? cases[k].unit : "(none)");
    }
}
