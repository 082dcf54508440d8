/* test_facts_numbers_tables.c — unit tests that read every entry of the
 * numbers stage's lookups (src/facts/numbers.c, units.c): currency signs
 * and codes in any case, number words, unit phrases by their first byte
 * and length, fraction signs. The texts are invented. */
#include <stdio.h>
#include <string.h>

#include "facts/facts.h"
#include "facts/units.h"
#include "facts_items.h"
#include "text/text.h"
#include "test.h"

/* A currency sign or code before the amount is found whatever its case and
 * first byte (currency_of passes over the signs by their first byte). */
TEST(facts_numbers_currency_signs_in_any_case)
{
    static const expected_number want[] = {
        {"Sek 300", 300, "swedish krone"}, {"nzd 45", 45, "new zealand dollar"},
        {"NZ$ 7", 7, "new zealand dollar"}, {"\xC2\xA3" "12", 12, "pound sterling"},
        {"A$ 9", 9, "australian dollar"}};
    NUMBERS_OF("The mill paid Sek 300 for oats, nzd 45 for rope, NZ$ 7 for tea, \xC2\xA3" "12 "
               "for salt and A$ 9 for nails.\n", want, NULL);
}

/* Every one, ten and ordinal word, in lower case and capitalised:
 * words_at rules a token out by one lookup of number_words, so a word
 * missing there would be lost here (the vague scales, fractions and "a"
 * are in facts_numbers_words_by_their_first_letter). */
TEST(facts_numbers_every_word_form)
{
    static const char *const ones[] = {"zero", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen"};
    static const char *const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty",
        "seventy", "eighty", "ninety"};
    static const char *const ordinals[] = {"third", "fourth", "fifth", "sixth", "seventh",
        "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
        "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};
    char text[160], word[32];
    for (size_t k = 0; k < 20 + 8 + 18; k++) {
        const char *w = k < 20 ? ones[k] : k < 28 ? tens[k - 20] : ordinals[k - 28];
        double value = k < 20 ? (double)k : k < 28 ? 20.0 + 10.0 * (double)(k - 20) : (double)(k - 25);
        snprintf(word, sizeof word, "%s", w);
        if (k % 2)
            word[0] = (char)(word[0] - 'a' + 'A'); /* "Nine", as a sentence opens */
        snprintf(text, sizeof text,
                 k < 28 ? (k % 2 ? "%s boats were sold to the harbour board.\n"
                                 : "The mill sold %s boats to the harbour board.\n")
                        : (k % 2 ? "%s came the boat of the mill.\n"
                                 : "The mill sold its %s boat to the harbour board.\n"),
                 word);
        sl_fact_items *items = facts_of_text(text, NULL);
        const sl_fact_item *n = number_text(items, word);
        if (!n || n->value != value)
            sl_test_fail(__FILE__, __LINE__, "\"%s\": %g, expected %g", word, n ? n->value : -1.0,
                         value);
        sl_fact_items_free(items);
    }
}

/* Units found by their first word's first byte and length (sl_units_at):
 * a plural one byte longer than the word listed ("miles", "tonnes"), a
 * singular, a phrase of several words whose first is a plural ("miles per
 * hour", "square miles") and one whose first word is listed twice
 * ("square inch", "square inches"). */
TEST(facts_numbers_units_by_first_byte_and_length)
{
    static const expected_number want[] = {{"12 miles", 12, "mile"}, {"1 mile", 1, "mile"},
        {"40 tonnes", 40, "metric ton"}, {"3 metres", 3, "metre"},
        {"60 miles per hour", 60, "mile per hour"}, {"9 square miles", 9, "square mile"},
        {"5 square inches", 5, "square inch"}, {"2 litres", 2, "litre"}};
    NUMBERS_OF("The crew walked 12 miles and then 1 mile more, lifted 40 tonnes, dug 3 metres, "
               "drove at 60 miles per hour across 9 square miles, cut 5 square inches of cloth "
               "and drank 2 litres.\n", want, NULL);
}

/* A unit glued to its number ("10km", "three-phase", "-miles") by the word
 * alone (sl_units_word): found among the one-word phrases of its first
 * byte and length, or of one byte less for a plural with '*' ("dollar*"
 * gives "dollars", "DLRS"); a phrase of several words is never taken by
 * its first word ("square mile*": "square"), nor a plural where the phrase
 * has no '*' ("yens"); nothing for an empty word. */
TEST(facts_units_glued_word_by_first_byte_and_length)
{
    static const struct { const char *word, *unit; } want[] = {
        {"dollars", "dollar"}, {"Dollar", "dollar"}, {"DLRS", "dollar"}, {"dlr", "dollar"},
        {"yen", "japanese yen"}, {"yens", NULL}, {"km", "kilometre"}, {"kms", "kilometre"},
        {"KM", "kilometre"}, {"km-long", "kilometre"}, {"-km", "kilometre"},
        {"miles", "mile"}, {"Miles", "mile"}, {"kilometres", "kilometre"}, {"hrs", "hour"},
        {"hr", NULL}, {"mph", "mile per hour"}, {"tonnes", "metric ton"}, {"lbs", "pound-mass"},
        {"feet", "foot"}, {"points", "point"}, {"z\xC5\x82otys", "polish z\xC5\x82oty"},
        {"square", NULL}, {"squares", NULL}, {"per", NULL}, {"year-old", "year of age"},
        {"W", "watt"}, {"F", "fahrenheit"}, {"-", NULL}, {"", NULL}};
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        const char *got = sl_units_word(want[k].word, strlen(want[k].word));
        if (want[k].unit ? !got || strcmp(got, want[k].unit) : got != NULL)
            sl_test_fail(__FILE__, __LINE__, "\"%s\": \"%s\", expected \"%s\"", want[k].word,
                         got ? got : "(none)", want[k].unit ? want[k].unit : "(none)");
    }
}

/* Every fraction sign alone ("¾ of a cup") and glued to digits ("3¾
 * cups"), and signs that open with the same bytes (0xC2, 0xE2) but are no
 * fraction: sl_numbers_read asks each token whether it may be one by its
 * first byte before it compares. */
TEST(facts_numbers_every_fraction_sign)
{
    static const struct { const char *sign; double value; } signs[] = {
        {"\xC2\xBD", 1.0 / 2}, {"\xC2\xBC", 1.0 / 4}, {"\xC2\xBE", 3.0 / 4},
        {"\xE2\x85\x93", 1.0 / 3}, {"\xE2\x85\x94", 2.0 / 3}, {"\xE2\x85\x95", 1.0 / 5},
        {"\xE2\x85\x9B", 1.0 / 8}, {"\xE2\x85\x9C", 3.0 / 8}, {"\xE2\x85\x9D", 5.0 / 8},
        {"\xE2\x85\x9E", 7.0 / 8}};
    for (size_t k = 0; k < sizeof signs / sizeof *signs; k++) {
        char text[160], alone[16], glued[24];
        snprintf(text, sizeof text, "The cook used %s of a cup of milk and 3%s cups of flour.\n",
                 signs[k].sign, signs[k].sign);
        snprintf(alone, sizeof alone, "%s of", signs[k].sign);
        snprintf(glued, sizeof glued, "3%s cups", signs[k].sign);
        sl_fact_items *items = facts_of_text(text, NULL);
        NUMBER(items, alone, signs[k].value, signs[k].value, "cup", NULL);
        NUMBER(items, glued, 3 + signs[k].value, 3 + signs[k].value, "cup", NULL);
        sl_fact_items_free(items);
    }
    sl_fact_items *items = facts_of_text(
        "The cook used \xC2\xB7 of a cup, \xE2\x80\x94 of a jug and \xC2\xA9 of a bowl.\n", NULL);
    CHECK(!number_text(items, "\xC2\xB7"));
    CHECK(!number_text(items, "\xE2\x80\x94"));
    CHECK(!number_text(items, "\xC2\xA9"));
    sl_fact_items_free(items);
}

/* sl_units_at asked again at a token gives what the first ask gave (the
 * article's memo), the same as with no memo, and leaves the unit alone
 * where there is none: at every token of a text with a unit of several
 * words, a plural, a sign glued to a word and words that are no unit. */
TEST(facts_units_at_asked_again_as_first)
{
    static const char text[] = "The barge carried 40 tonnes of gravel 9 square miles upriver "
                               "at 6 miles per hour; its 45\xC2\xB0N mark and the 3% fee stayed.\n";
    facts_doc_fixture f;
    sl_facts_doc *d = &f.d;
    size_t n = facts_doc_open(&f, text) ? 0 : d->toks.n;
    CHECK(d->units_memo != NULL);
    size_t found = 0, glued = 0;
    for (size_t i = 0; n && i <= n; i++) {
        const char *first = "none", *again = "none", *plain = "none";
        size_t n_first = sl_units_at(d, i, &first), n_again = sl_units_at(d, i, &again);
        uint32_t *memo = d->units_memo;
        d->units_memo = NULL; /* asked afresh */
        size_t n_plain = sl_units_at(d, i, &plain);
        d->units_memo = memo;
        CHECK_INT(n_again, n_first);
        CHECK_INT(n_plain, n_first);
        CHECK(!strcmp(again, first) && !strcmp(plain, first));
        found += n_first > 0;
        glued += !n_first && strcmp(first, "none"); /* the degree sign of "45 degrees N" */
    }
    CHECK(found >= 4); /* tonnes, square miles, miles per hour, the percent sign */
    CHECK_INT(glued, 1);
    facts_doc_close(&f);
}
