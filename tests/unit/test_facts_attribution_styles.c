/* test_facts_attribution_styles.c — unit tests of speakers attributed in
 * ways PolNeAR's US politics has little of (issue 18): names of other
 * cultures (particles, family name first, hyphens, titles), verbs other
 * than "said" and inversions, a role for a named person, and the
 * attribution as a sentence before the quote. The styles
 * eval/facts_quotes_attribution.py measures; the texts are invented. */
#include <string.h>

#include "facts/facts.h"
#include "facts_items.h"
#include "test.h"

/* The text has exactly one quote, said by `speaker` (its name as listed). */
static void said_by(const char *text, const char *speaker)
{
    sl_fact_items *items = facts_of_text(text, NULL);
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), 1);
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 0);
    CHECK_STR(q ? q->about : NULL, speaker);
    sl_fact_items_free(items);
}

/* A family name opening with a lower-case particle after the cue ("said
 * el-Masri") is the speaker, named in full; so are family names first,
 * double and hyphened family names, and a title without its dot. */
TEST(facts_attribution_names_of_other_cultures)
{
    said_by("The ferry port reopened on Monday.\n\nAbdel Karim el-Masri, the port's director, "
            "met the dockers.\n\n\"We will keep the cranes running through the whole winter,\" "
            "said el-Masri.\n", "Abdel Karim el-Masri");
    said_by("The ferry port reopened on Monday.\n\nCarmen Fern\xC3\xA1ndez de la Vega chairs the "
            "board.\n\n\"The board will not sell the port to anyone this year,\" said "
            "Fern\xC3\xA1ndez de la Vega.\n",
            "Fern\xC3\xA1ndez de la Vega"); /* not yet linked to the full name */
    said_by("The ferry port reopened on Monday.\n\nZhao Lijun, who runs the terminal, spoke to "
            "the workers.\n\n\"The new cranes will double what the terminal can handle,\" Zhao "
            "said.\n", "Zhao Lijun");
    said_by("The ferry port reopened on Monday.\n\n\"Nobody lost a job while the port was closed "
            "for repairs,\" said Ngozi Okonkwo-Abara.\n", "Ngozi Okonkwo-Abara");
    said_by("The ferry port reopened on Monday.\n\nDr Amina Farouk runs the port's clinic.\n\n"
            "\"We treated forty dockers for injuries last winter alone,\" Dr Farouk said.\n",
            "Amina Farouk");
}

/* Verbs other than "said", an inversion and "according to". */
TEST(facts_attribution_verbs_other_than_said)
{
    said_by("The ferry port reopened on Monday.\n\n\"The cranes will be back before the first "
            "storms of the winter,\" tweeted Pieter de Vries.\n", "Pieter de Vries");
    said_by("The ferry port reopened on Monday.\n\n\"Every ship that left us last year is coming "
            "back to this harbour,\" Lena Ortiz told reporters.\n", "Lena Ortiz");
    said_by("The ferry port reopened on Monday.\n\n\"Nobody lost a job while the port was closed "
            "for repairs,\" according to Tomas Reyes.\n", "Tomas Reyes");
    said_by("The ferry port reopened on Monday.\n\nLena Ortiz insisted: \"This port will pay for "
            "its own repairs within five years.\"\n", "Lena Ortiz");
}

/* A role after the name ("the senator") names the person. */
TEST(facts_attribution_role_for_a_named_person)
{
    said_by("The ferry port reopened on Monday.\n\nSen. Tim Kestrel visited the docks.\n\n"
            "\"This port matters to every farmer in the state,\" the senator said.\n",
            "Tim Kestrel");
}

/* A role names the person the article tied it to (role_ties.c): "Ines
 * Marlow, the mayor," and not the person named last; each role its own
 * person, "the minister" not the one "the senator" was first used for. The
 * chooser before these features took Ola Brandt, and Tim Kestrel twice. */
TEST(facts_attribution_role_tied_to_its_person)
{
    said_by("The ferry port reopened on Monday.\n\nInes Marlow, the mayor, cut the ribbon. Dock "
            "workers led by Ola Brandt cheered from the quay.\n\n\"This port will pay for its own "
            "repairs within five years,\" the mayor said.\n", "Ines Marlow");
    sl_fact_items *items = facts_of_text(
        "The ferry port reopened on Monday.\n\nTim Kestrel toured the new quay. The senator has "
        "fought for the port for a decade.\n\nInes Marlow joined him later. The minister brought "
        "the money for the cranes.\n\nKestrel spoke first. \"This port matters to every farmer "
        "in the state,\" the senator said.\n\n\"We found the money because the port pays its "
        "way,\" the minister said.\n", NULL);
    const char *want[] = {"Tim Kestrel", "Ines Marlow"};
    check_speakers(items, want, 2);
    sl_fact_items_free(items);
}

/* "X's spokesman said": the quote is the spokesman's, listed as "Ruth
 * Alder's spokesman" with the role "spokesman for Ruth Alder", its speaker
 * span the whole phrase; a spokesperson the text names is listed by name
 * with the same role ("Alder's spokesman, John Roe, said"; "said Mary
 * Stone, a spokeswoman for X"; "A spokeswoman for X, Mary Stone, said:"). */
TEST(facts_attribution_spokesman_for_a_person)
{
    sl_fact_items *items = facts_of_text(
        "Governor Ruth Alder signed the bill on Friday.\n\n\"The governor will not comment "
        "further,\" Alder's spokesman said.\n\n\"The governor has read the report,\" Alder's "
        "spokesman, John Roe, said.\n\n\"We are watching the port closely every day,\" said "
        "Mary Stone, a spokeswoman for the Velmar Port Authority.\n\nA spokeswoman for the "
        "Velmar Port Authority, Mary Stone, said: \"We will open the port once it is safe.\"\n",
        NULL);
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), 4);
    const char *want[][2] = {{"Ruth Alder's spokesman", "spokesman for Ruth Alder"},
                             {"John Roe", "spokesman for Ruth Alder"},
                             {"Mary Stone", "spokeswoman for Velmar Port Authority"},
                             {"Mary Stone", "spokeswoman for Velmar Port Authority"}};
    for (size_t k = 0; k < 4; k++) {
        const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, k);
        CHECK_STR(q ? q->about : NULL, want[k][0]);
        CHECK_STR(q ? q->role : NULL, want[k][1]);
    }
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 0);
    CHECK_INT(q ? q->source.end - q->source.start : 0, strlen("Alder's spokesman"));
    sl_fact_items_free(items);
}

/* The attribution as a sentence of its own before the quote: its last
 * clause's subject speaks, a name or a role; a cue before it ("Asked") that
 * names nobody is no attribution. */
TEST(facts_attribution_in_the_sentence_before)
{
    said_by("The ferry port reopened on Monday.\n\nPeter Holm, the port's director, met the "
            "dockers on Friday. Asked about the strike, Holm was blunt. \"Nobody wins a strike "
            "in the middle of the harvest season.\"\n", "Peter Holm");
    said_by("The ferry port reopened on Monday.\n\nGov. Anna Brandt visited the docks with "
            "Peter Holm. As the cranes started, the governor was unmoved. \"We will not pay for "
            "another repair of this kind again.\"\n", "Anna Brandt");
}

/* A speaker phrase naming a body and a person is the person's ("Kestrel
 * economist Ada Marr said"), not the body's before her: so is the quote
 * after it that "he said" attributes to that phrase. */
TEST(facts_attribution_person_beside_a_body)
{
    said_by("Drilling fell last week, with the number of active rigs dropping by five,\n"
            "Kestrel Tool Co said. The rig count, which falls in the\nfirst quarter, has "
            "dropped steadily since January. Kestrel\neconomist Ada Marr said the rig count "
            "was expected to\nfall again by April.\n\"I think we're pretty much on track with "
            "the expectation\nthat the seasonal low will come in late March,\"\nhe said.\n",
            "Ada Marr");
}

/* A role qualified by a place or a party ("the Velmar senator", "the
 * Harbour Party nominee") still names a person: the chooser's, not the
 * place its capitalised word names; and a description with such words in
 * apposition ("the White Harbour press secretary, Mara Lind,") names the
 * person in apposition. */
TEST(facts_attribution_role_with_capitalised_words)
{
    said_by("The ferry port reopened on Monday.\n\nSen. Tim Kestrel of Velmar visited the docks "
            "with the dockers.\n\n\"This port matters to every farmer in the valley,\" the Velmar "
            "senator said.\n", "Tim Kestrel"); /* main: "the Velmar senator" */
    said_by("The ferry port reopened on Monday.\n\nGov. Ruth Alder signed the bill.\n\n\"We "
            "will open every berth of the port once it is safe,\" the White Harbour press "
            "secretary, Mara Lind, said.\n", "Mara Lind"); /* main: "White Harbour" */
}

/* A description opened by a name's possessive ("Velmar's port minister")
 * before an apposition names the person in apposition, not the place. */
TEST(facts_attribution_possessive_description)
{
    said_by("The ferry talks opened on Monday.\n\n\"We did not come to close anyone's "
            "harbour,\" Velmar's port minister, Ana Ruiz, told reporters.\n",
            "Ana Ruiz"); /* before: "Velmar" */
    said_by("The ferry talks opened on Monday.\n\n\"We did not come to close anyone\u2019s "
            "harbour,\" Port Velmar\u2019s harbour master, Tomas Ekberg, said.\n",
            "Tomas Ekberg");
}

/* A name after "said" that runs into the quote's mark is the reported
 * clause's subject, not the speaker ("said Velmar had "moved""); and a
 * description's apposition may give the name a title of its own ("The
 * mediator, commission chair Ana Ruiz,"). */
TEST(facts_attribution_clause_after_cue)
{
    said_by("The ferry talks ended on Friday.\n\nTomas Ekberg, speaking after the signing, said "
            "Velmar had \"come a long way\" from its first offer.\n",
            "Tomas Ekberg"); /* before: "Velmar" */
    said_by("The ferry talks ended on Friday.\n\nThe mediator, harbour commission chair Ana "
            "Ruiz, called the deal \"a fair price for every berth in the valley.\"\n",
            "Ana Ruiz"); /* before: "the deal" */
}

/* A name after "said" that opens an aside ("The plan, said Ana Ruiz "will
 * ..."") is the speaker, though it runs into the mark; a place there is
 * still the reported clause's subject. */
TEST(facts_attribution_aside_without_comma)
{
    said_by("The ferry talks ended on Friday.\n\nThe new timetable, said Ana Ruiz \"will keep "
            "every berth busy through the winter.\"\n", "Ana Ruiz"); /* before: none */
}

/* A role qualified by an organisation ("the Velmar Courier reporter", "the
 * Harbour Party leader") names that body's officer: the person the same
 * description was given to before, else no one named (the phrase as
 * written), not the person named last. */
TEST(facts_attribution_organisation_officer)
{
    said_by("The ferry port reopened on Monday.\n\nGov. Ruth Alder cut the ribbon at the docks."
            "\n\n\"The cranes were silent for most of the day,\" the Velmar Courier reporter "
            "said.\n", "the Velmar Courier reporter"); /* before: Ruth Alder */
    said_by("The ferry port reopened on Monday.\n\nAna Ruiz, the Harbour Party leader, met the "
            "dockers. Tomas Ekberg spoke after her.\n\n\"Nobody will lose a berth this winter,\" "
            "the Harbour Party leader said.\n", "Ana Ruiz"); /* before: Tomas Ekberg */
}

/* A description with a place ("the Kansas senator") is none of the
 * persons titled for another place ("Ohio Sen."). */
TEST(facts_attribution_description_fits_the_role)
{
    said_by("The ferry port reopened on Monday.\n\nDockers met Tim Kestrel, who represents "
            "Kansas in the Senate. Later, Ohio Sen. Mara Lind told reporters the bill was "
            "dead.\n\n\"We have the votes to reopen every berth,\" the Kansas senator said.\n",
            "Tim Kestrel"); /* before: Mara Lind */
    said_by("The ferry port reopened on Monday.\n\nOhio Sen. Tim Kestrel visited the docks.\n\n"
            "\"We have the votes to reopen every berth,\" the Kansas senator said.\n",
            "the Kansas senator"); /* before: Tim Kestrel, whose title names Ohio */
}
