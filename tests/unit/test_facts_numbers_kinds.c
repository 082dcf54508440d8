/* test_facts_numbers_kinds.c — unit tests of unit symbols that are also
 * words, letters or another unit's symbol (src/facts/unit_kinds.c): read
 * as a unit where the sentence names the kind of quantity ("temperatures
 * fell to minus 8 C", "a ticket costs 60 kn"), before a slash and a unit
 * ("1.3 A/cm2"), or where only their case tells them from a word ("40
 * kN"); no unit otherwise. The texts are invented. */
#include <string.h>

#include "facts/facts.h"
#include "facts_items.h"
#include "test.h"

/* A symbol of several units takes the one whose kind its sentence names. */
TEST(facts_numbers_symbol_of_the_kind_named)
{
    sl_fact_items *items = facts_of_text(
        "Overnight temperatures fell to minus 8 C in Vellham. The new capacitor stores 4.7 F "
        "of charge. Afternoon heat reached 95 F on Tuesday. The winch pulls with a force of "
        "900 N. The ferry cruised at 18 kn across the bay. A ticket on it costs 60 kn. The "
        "truck weighs 7.5 t when empty. Crews inflated the tyres to 2 bar. The boxer weighs 15 "
        "st, and the jug holds 2 pt of milk.\n", NULL);
    NUMBER(items, "minus 8 C", -8, -8, "celsius", NULL);
    NUMBER(items, "4.7 F", 4.7, 4.7, "farad", NULL);
    NUMBER(items, "95 F", 95, 95, "fahrenheit", NULL);
    NUMBER(items, "900 N", 900, 900, "newton", NULL);
    NUMBER(items, "18 kn", 18, 18, "knot", NULL);
    NUMBER(items, "60 kn", 60, 60, "croatian kuna", NULL);
    NUMBER(items, "7.5 t", 7.5, 7.5, "metric ton", NULL);
    NUMBER(items, "2 bar", 2, 2, "bar", NULL);
    NUMBER(items, "15 st", 15, 15, "stone", NULL);
    NUMBER(items, "2 pt", 2, 2, "pint", NULL);
    sl_fact_items_free(items);
}

/* Before a slash and a unit a symbol is a unit whatever the sentence
 * says; symbols that only their case tells from a word are units
 * anywhere. */
TEST(facts_numbers_symbol_before_a_slash_or_by_its_case)
{
    sl_fact_items *items = facts_of_text(
        "The stack ran at 1.3 A/cm2 on the bench. The beam takes 40 kN before it bends, and "
        "the link carries 10 Mbit/s.\n", NULL);
    NUMBER(items, "1.3 A/cm2", 1.3, 1.3, "ampere per square centimetre", NULL);
    NUMBER(items, "40 kN", 40, 40, "kilonewton", NULL);
    NUMBER(items, "10 Mbit/s", 10, 10, "megabit per second", NULL);
    sl_fact_items_free(items);
}

/* Without its kind named, or glued to a hyphen or a dot, a letter stays a
 * letter: no unit. */
TEST(facts_numbers_symbol_without_its_kind)
{
    static const char *const letters[] = {"7 C", "12 F", "190 A"};
    sl_fact_items *items = facts_of_text(
        "Block 7 C opened on Monday. In the heat, 12 F-16 jets flew over Harlow. The coin dates "
        "from 190 A.D. and was found in a field.\n", NULL);
    for (size_t k = 0; k < sizeof letters / sizeof *letters; k++) {
        const sl_fact_item *n = number_text(items, letters[k]);
        CHECK(!n || !n->detail);
    }
    sl_fact_items_free(items);
}

/* A letter before a plural noun names what is counted ("3 A grades", "500
 * T cells", "4 B shares"), though the sentence names its kind elsewhere
 * ("the current system", "the viral load", "the storage firm"); before a
 * noun of its own kind it is a unit ("40 C temperatures", "13 A fuses")
 * (rev56). */
TEST(facts_numbers_symbol_before_a_plural_noun)
{
    static const char *const letters[] = {"3", "500 T cells", "4 B shares", "12 C grades",
                                          "3 bar owners", NULL}; /* "3" the first: "3 A grades" */
    sl_fact_items *items = facts_of_text(
        "Under the current system, pupils got 3 A grades. The drug raised the count to 500 T cells "
        "and cut the viral load. The 4 B shares of the storage firm fell. In the hot summer she "
        "got 12 C grades. Pressure grew on the 3 bar owners in Soho. Towns saw 40 C temperatures "
        "in the heat. The charger blew two 13 A fuses.\n", NULL);
    for (size_t k = 0; letters[k]; k++) {
        const sl_fact_item *n = number_text(items, letters[k]);
        CHECK(n && !n->detail);
    }
    NUMBER(items, "40 C", 40, 40, "celsius", NULL);
    NUMBER(items, "13 A", 13, 13, "ampere", NULL);
    sl_fact_items_free(items);
}

/* Of a symbol's two kinds both named in its sentence, the one named
 * nearer it: "the ferry ticket cost 150 kn" is kuna, "the ferry sailed at
 * 18 kn before the ticket office shut" knots (rev56). */
TEST(facts_numbers_symbol_of_the_kind_named_nearest)
{
    sl_fact_items *items = facts_of_text(
        "The ferry ticket cost 150 kn, the operator said. The ferry sailed at 18 kn after the ticket "
        "price rose.\n", NULL);
    NUMBER(items, "150 kn", 150, 150, "croatian kuna", NULL);
    NUMBER(items, "18 kn", 18, 18, "knot", NULL);
    sl_fact_items_free(items);
}
