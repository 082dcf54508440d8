/* test_facts_entity_roles.c — unit tests of the roles and initials of the
 * names the facts stage lists (src/facts/entities.c, role_mentions.c,
 * entity_known.c): a role reads as written with its blanks folded, a
 * title's "of the" opening a name (or inside a sentence) keeps its object,
 * a cleric's title is a role, and two capitals stand for a name only where
 * the text gives them one. The texts are invented. */
#include <string.h>

#include "facts_items.h"
#include "test.h"

/* A role wrapped over a wire's line end reads with one space, as the name
 * does, both before the name and standing alone for it ("the minister"). */
TEST(facts_entities_wrapped_role_reads_with_one_space)
{
    const char *text =
        "The talks on the new quota were opened in the capital by Velmoran Agriculture\n"
        "Minister Tarek Osswald, who asked the buyers for a longer contract.\n"
        "The minister said the harvest would be good.\n";
    CHECK(entities_with_role(text, "Tarek Osswald", NULL, "Velmoran Agriculture Minister") > 0);
    CHECK(entities_with_role(text, "minister", NULL, "minister") > 0);
}

/* A title the finder leaves apart before "of the" (opening its sentence):
 * the run after "the" is the title's object and the person's two names,
 * typed a person with the whole title as role, and the surname is hers;
 * no organisation's word may end the run ("the Veldor Grain Board"). */
TEST(facts_entities_opening_title_of_the_keeps_its_object)
{
    const char *text = "Governor of the Bank of Veldor Anna Castellan said rates would hold.\n"
                       "Castellan spoke after the meeting. Chairman of the Veldor Grain Board said "
                       "nothing.\n";
    CHECK_ENTITIES(text, {"Anna Castellan", "person", "Anna Castellan", 1},
                   {"Castellan", "person", "Anna Castellan", 1},
                   {"Bank of Veldor Anna Castellan", NULL, NULL, 0},
                   {"Grain Board", NULL, NULL, 0});
    CHECK(entities_with_role(text, "Anna Castellan", NULL, "Governor of the Bank of Veldor") > 0);
}

/* The same with initials or a generational suffix in the person's names
 * ("Anna K. Castellan", "A. Castellan" after "the Veldor Bank", "Tomas Q.
 * Brell III"): the person keeps them, the role the rest ("the Treasury
 * Anna K. Castellan said" is no body: the speaker after "the" had made it
 * one); an object ending in a body's word ("the Veldor Grain Board") leaves
 * the title a role, the person no organisation. */
TEST(facts_entities_opening_title_of_the_keeps_initials_and_suffix)
{
    const char *text = "Rates held.\nSecretary of the Treasury Anna K. Castellan said rates would "
                       "hold.\nGovernor of the Veldor Bank A. Castellan said so.\nGovernor of the "
                       "Bank of Veldor Tomas Q. Brell III said no.\nChairman of the Veldor Grain Board "
                       "Ivo Marek said prices would rise.\n";
    CHECK_ENTITIES(text, {"Anna K. Castellan", "person", "Anna K. Castellan", 1},
                   {"Treasury Anna K. Castellan", NULL, NULL, 0},
                   {"A. Castellan", "person", "A. Castellan", 1},
                   {"Tomas Q. Brell III", "person", "Tomas Q. Brell III", 1},
                   {"Ivo Marek", "person", "Ivo Marek", 1});
    CHECK(entities_with_role(text, "Anna K. Castellan", NULL, "Secretary of the Treasury") > 0);
    CHECK(entities_with_role(text, "Tomas Q. Brell III", NULL, "Governor of the Bank of Veldor") >
          0);
    CHECK(entities_with_role(text, "Ivo Marek", NULL, "Chairman of the Veldor Grain Board") > 0);
}

/* Two capitals stand for a body only where its name ends in a firm's word
 * ("KE" of "Korvath Electric Co") or the text gives them in parentheses
 * after it ("Veldor Telecom (VT)"); "EC" is no "Eastern Committee" by
 * two letters alone, nor a word in capitals such as "TV" anyone's initials
 * ("Tarrow Vision Inc"), nor "AB Commission" (a name holding capitals) the
 * long form of "AB". */
TEST(facts_entities_two_capitals_need_a_firm_or_a_definition)
{
    CHECK_ENTITIES("Korvath Electric Co said sales rose. Analysts said KE would gain. The Eastern "
                   "Committee met the Veldor Telecom (VT) on Monday. The EC said VT rules "
                   "held. Tarrow Vision Inc said TV sales fell. The AB Commission said the AB "
                   "would act.\n",
                   {"KE", "organization", "Korvath Electric Co", 1},
                   {"VT", "organization", "Veldor Telecom", 2},
                   {"EC", NULL, "Eastern Committee", 0}, {"TV", NULL, NULL, 0},
                   {"AB", NULL, "AB Commission", 0});
}

/* A name its shape alone would make a person's ("Lindqvist Copper Mines",
 * three capitalised words) that the text gives its initials in parentheses
 * is a body's, and the initials stand for it there and after. */
TEST(facts_entities_initials_in_parentheses_make_a_body)
{
    CHECK_ENTITIES("Output at Lindqvist Copper Mines (LCM) fell last year, the report said. LCM "
                   "said prices would recover.\n",
                   {"Lindqvist Copper Mines", "organization", "Lindqvist Copper Mines", 1},
                   {"LCM", "organization", "Lindqvist Copper Mines", 2});
}

/* A name after "the" before a verb of speech is the speaker, no qualifier
 * of a noun: "the Veldor Exchange said", "the VFA said" are bodies (they
 * had been left out, read as "the Orlen Tannery warehouse" is). */
TEST(facts_entities_the_name_said_is_a_body)
{
    CHECK_ENTITIES("Trading resumed at noon, the Veldor Exchange said. The VFA said it would "
                   "review the rules.\n",
                   {"Veldor Exchange", "organization", "Veldor Exchange", 1},
                   {"VFA", "organization", "VFA", 1});
}

/* An adjective of where one is from is no place before a lower-case noun:
 * a compass word before a nationality ("West Veldorian banks", "the Central
 * Veldorian nation") or a compass adjective ("Western diplomats"); the country
 * itself stays a place. */
TEST(facts_entities_compass_nationality_is_no_place)
{
    CHECK_ENTITIES("West Veldorian banks lent more, and Western diplomats said the Central "
                   "Veldorian nation would vote. Exports from Veldoria rose.\n",
                   {"West Veldorian", NULL, NULL, 0}, {"Western", NULL, NULL, 0},
                   {"Central Veldorian", NULL, NULL, 0}, {"Veldoria", "place", "Veldoria", 1});
}

/* A compass word before a place whose name merely ends as a nationality
 * may ("-i": "Mississippi", "Malawi") is the place's part, no adjective:
 * "Northern Veldorri on Monday", "Central Mississippi towns" stay places;
 * a nationality of the table written so ("South Yemeni troops") is one. */
TEST(facts_entities_compass_before_a_place_in_i_is_a_place)
{
    CHECK_ENTITIES("Floods hit Northern Veldorri on Monday. Storms hit Central Mississippi towns "
                   "on Tuesday. South Yemeni troops crossed.\n",
                   {"Northern Veldorri", "place", "Northern Veldorri", 1},
                   {"Central Mississippi", "place", "Central Mississippi", 1},
                   {"South Yemeni", NULL, NULL, 0});
}

/* A title's "of the" inside a sentence keeps its object whole where the
 * person's names hold an initial ("by Secretary of the Treasury Anna K.
 * Castellan,"): the person is "Anna K. Castellan", the role the whole
 * title, and no "the Treasury Anna K. Castellan" is listed. */
TEST(facts_entities_title_of_the_mid_sentence_keeps_initials)
{
    const char *text = "The talks were led by Secretary of the Treasury Anna K. Castellan, who met "
                       "the buyers in Velmar.\nCastellan said rates would hold.\n";
    CHECK_ENTITIES(text, {"Anna K. Castellan", "person", "Anna K. Castellan", 1},
                   {"the Treasury Anna K. Castellan", NULL, NULL, 0},
                   {"Castellan", "person", "Anna K. Castellan", 1});
    CHECK(entities_with_role(text, "Anna K. Castellan", NULL, "Secretary of the Treasury") > 0);
}

/* A cleric's title before a name is a role, as "Rabbi" is: "the Ayatollah
 * Varnezi said" and "the Rev Ivo Marek said" are persons (the speaker rule
 * after "the" had made them bodies), "Imam" and "Archbishop" likewise. */
TEST(facts_entities_clerics_titles_are_roles)
{
    const char *text = "The Ayatollah Varnezi said the talks would go on. The Rev Ivo Marek said "
                       "he would march, and Imam Tarek Osswald and Archbishop Anna Castellan "
                       "joined him.\n";
    CHECK_ENTITIES(text, {"Varnezi", "person", "Varnezi", 1},
                   {"Ivo Marek", "person", "Ivo Marek", 1},
                   {"Tarek Osswald", "person", "Tarek Osswald", 1},
                   {"Anna Castellan", "person", "Anna Castellan", 1});
    CHECK(entities_with_role(text, "Varnezi", NULL, "Ayatollah") > 0);
    CHECK(entities_with_role(text, "Ivo Marek", NULL, "Rev") > 0);
}

/* A newspaper's two capitals stand for it as a firm's do ("VT" of "Velmar
 * Times"), where the text never defines them; a committee's still do not
 * ("EC" of "Eastern Committee"). */
TEST(facts_entities_two_capitals_of_a_newspaper)
{
    CHECK_ENTITIES("The Velmar Times reported the sale on Monday. The VT said the bank would sell "
                   "its stake, and the Eastern Committee met. The EC said nothing.\n",
                   {"VT", "organization", "Velmar Times", 1},
                   {"EC", NULL, "Eastern Committee", 0});
}
