/* test_facts.c — unit tests of the facts stage (src/facts): quotes with
 * their speakers, dates, and the story cross-check through the public API
 * on a scratch store (entities: test_facts_entities.c; numbers:
 * test_facts_numbers.c). The texts are invented (tests/fixtures/facts/). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "facts/facts.h"
#include "facts_items.h"
#include "test.h"

TEST(facts_quotes_speakers)
{
    sl_fact_items *items = facts_of_file("tests/fixtures/facts/harbour.txt", "2026-02-10");
    /* two-part quote, pronoun speaker, a quote over two paragraphs; the scare
     * quote and the title in quotation marks are not quotes */
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), 3);
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 0);
    CHECK(q && strstr(q->text, "another night") && strstr(q->text, "30 years"));
    CHECK_STR(q ? q->about : NULL, "Ilse Varnholt");
    CHECK_STR(q ? q->detail : NULL, "said");
    CHECK_STR(q ? q->role : NULL, "Harbour Master");
    q = fact_nth(items, SL_FACT_QUOTE, 1);
    CHECK(q && strstr(q->text, "Nobody was hurt") && strstr(q->text, "what counts"));
    CHECK_STR(q ? q->about : NULL, "Ilse Varnholt"); /* "she" resolved */
    q = fact_nth(items, SL_FACT_QUOTE, 2);
    CHECK(q && strstr(q->text, "back") && strstr(q->text, "do it again"));
    CHECK_STR(q ? q->about : NULL, "Oskar Thiel");
    CHECK_STR(q ? q->role : NULL, "Mayor");
    sl_fact_items_free(items);
}

/* British style: single quotation marks, the apostrophes of "don't" and
 * "colleagues'" no marks; quote text without its closing comma; the ''...''
 * of news archives. */
TEST(facts_quotes_single_marks)
{
    sl_fact_items *items = facts_of_text(
        "The harbour board met on Tuesday.\n\n'We don't close the port lightly,' said Ilse "
        "Varnholt, the harbour master. 'The storm left us no choice.'\n\nHer colleagues' "
        "boats stayed in. 'It was the right call,' Oskar Thiel told reporters.\n", NULL);
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), 2);
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 0);
    CHECK(q && strstr(q->text, "don't close") && strstr(q->text, "no choice"));
    CHECK_STR(q ? q->about : NULL, "Ilse Varnholt");
    q = fact_nth(items, SL_FACT_QUOTE, 1);
    CHECK_STR(q ? q->text : NULL, "It was the right call");
    CHECK_STR(q ? q->about : NULL, "Oskar Thiel");
    sl_fact_items_free(items);
    /* news archives write quotation marks as two apostrophes */
    items = facts_of_text("The port stayed shut. ''We had no choice in the matter,'' said "
                         "Oskar Thiel, the mayor.\n", NULL);
    q = fact_nth(items, SL_FACT_QUOTE, 0);
    CHECK_STR(q ? q->text : NULL, "We had no choice in the matter");
    CHECK_STR(q ? q->about : NULL, "Oskar Thiel");
    sl_fact_items_free(items);
}

/* A quote's text ends before the punctuation and spaces that close it:
 * an em dash after a space, two hyphens, an ellipsis; ? and ! stay. */
TEST(facts_quotes_text_ends)
{
    sl_fact_items *items = facts_of_text(
        "The vote was close.\n\n\"It is not over yet \xE2\x80\x94\" Okafor said.\n\n"
        "\"We need one more count--\" Okafor said.\n\n"
        "\"We will win this one\xE2\x80\xA6\" said Okafor.\n\n"
        "\"Did we win the vote?\" asked Okafor.\n", NULL);
    const char *want[] = {"It is not over yet", "We need one more count", "We will win this one",
                          "Did we win the vote?"};
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), 4);
    for (size_t k = 0; k < 4; k++) {
        const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, k);
        CHECK_STR(q ? q->text : NULL, want[k]);
    }
    sl_fact_items_free(items);
}

/* Curly marks typed the wrong way round: an opening mark where a quote
 * closes (after its comma, before a space) closes it, and a closing mark
 * after a space and before a letter opens one. */
TEST(facts_quotes_mirrored_marks)
{
    sl_fact_items *items = facts_of_text(
        "The count went on all night.\n\n"
        "\xE2\x80\x9CWe will know by the morning, and not before,\xE2\x80\x9C said Paul Okafor, "
        "the returning officer.\n\n"
        "Ann Holt said \xE2\x80\x9DThe turnout was the highest in years.\xE2\x80\x9D\n", NULL);
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), 2);
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 0);
    CHECK_STR(q ? q->text : NULL, "We will know by the morning, and not before");
    CHECK_STR(q ? q->about : NULL, "Paul Okafor");
    q = fact_nth(items, SL_FACT_QUOTE, 1);
    CHECK_STR(q ? q->text : NULL, "The turnout was the highest in years");
    CHECK_STR(q ? q->about : NULL, "Ann Holt");
    sl_fact_items_free(items);
}

/* The text's one quote: Ilse Varnholt's block quote on reopening the port. */
static void one_block_quote(const char *text)
{
    sl_fact_items *items = facts_of_text(text, NULL);
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), 1);
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 0);
    CHECK_STR(q ? q->text : NULL,
              "We will reopen the port once the storm has passed and the piers are safe");
    CHECK_STR(q ? q->about : NULL, "Ilse Varnholt");
    sl_fact_items_free(items);
}

/* A block quote: a paragraph without marks after "... wrote:" is a quote
 * of that speaker; after a colon with no verb of saying ("4:40 p.m.:") it is
 * none. */
TEST(facts_quotes_block)
{
    one_block_quote(
        "The harbour closed early.\n\nHarbour master Ilse Varnholt wrote on Monday:\n\n"
        "We will reopen the port once the storm has passed and the piers are safe.\n\n"
        "4:40 p.m.:\n\nThe ferries stayed in port for the rest of the day and the next.\n");
}

/* A block quote after lines broken by single newlines (a paragraph break
 * is two: find_blocks goes from newline to newline), and a last paragraph
 * ending the text without one. */
TEST(facts_quotes_block_after_single_line_breaks)
{
    one_block_quote("Harbour notes\nMonday\nThe harbour closed early.\n\n"
                    "Harbour master Ilse Varnholt wrote on Monday:\n\n"
                    "We will reopen the port once the storm has passed and the piers are safe");
}

/* The paragraph after a colon is a block quote only without quotation
 * marks, wherever in it one is (marks.c looks at the bytes that may open
 * one, eight at a time between them): at its first byte, after a single
 * line break, at its last byte before the break; and its lines broken by
 * single newlines are one paragraph. */
TEST(facts_quotes_block_marks_anywhere)
{
    static const char *const paragraphs[] = {
        "\"We will reopen the port once the storm has passed and the piers are safe.",
        "We will reopen the port once the storm\nhas passed, the \"piers\" are safe.",
        "We will reopen the port once the storm has passed and the piers are safe\"",
        "We will reopen the port once the storm has passed and the piers are safe \xE2\x80\x9D",
    };
    char text[512];
    for (size_t k = 0; k < sizeof paragraphs / sizeof *paragraphs; k++) {
        snprintf(text, sizeof text, "Harbour master Ilse Varnholt wrote on Monday:\n\n%s\n\nThe end.\n",
                 paragraphs[k]);
        sl_fact_items *items = facts_of_text(text, NULL);
        for (size_t i = 0; items && i < items->n; i++)
            CHECK(items->items[i].kind != SL_FACT_QUOTE ||
                  strncmp(items->items[i].text, "We will reopen the port once the storm", 38));
        sl_fact_items_free(items);
    }
    sl_fact_items *items = facts_of_text("Harbour master Ilse Varnholt wrote on Monday:\n\n"
                                         "We will reopen the port once the storm\nhas passed "
                                         "and the piers\nare safe.\n\nThe end.\n", NULL);
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), 1);
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 0);
    CHECK(q && !strncmp(q->text, "We will reopen", 14) && strstr(q->text, "are safe"));
    CHECK_STR(q ? q->about : NULL, "Ilse Varnholt");
    sl_fact_items_free(items);
}

/* "she" names the woman quoted before, not the man named last, and "the
 * minister" the person it stands for (speakers.c, fitted on PolNeAR train);
 * the rule it replaced took the last person named. */
TEST(facts_quotes_pronoun_speakers)
{
    sl_fact_items *items = facts_of_text(
        "Finance Minister Ilse Varnholt presented the budget on Monday.\n\n"
        "\"It cuts the deficit,\" Varnholt said.\n\n"
        "Opposition leader Oskar Thiel called it a gamble.\n\n"
        "\"We have done the sums twice,\" she said. \"They add up.\"\n\n"
        "\"The numbers are sound,\" the minister told parliament.\n", NULL);
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), 3);
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 1);
    CHECK_STR(q ? q->text : NULL, "We have done the sums twice \xE2\x80\xA6 They add up");
    CHECK_STR(q ? q->about : NULL, "Ilse Varnholt");
    q = fact_nth(items, SL_FACT_QUOTE, 2);
    CHECK_STR(q ? q->about : NULL, "Ilse Varnholt");
    sl_fact_items_free(items);
    /* "said he would ..." is a clause, not a speaker: the sentence's subject is */
    items = facts_of_text("The rally was loud.\n\nOskar Thiel turned to the crowd and said he "
                         "would win. \"I will not let you down, not this time.\"\n", NULL);
    q = fact_nth(items, SL_FACT_QUOTE, 0);
    CHECK_STR(q ? q->about : NULL, "Oskar Thiel");
    sl_fact_items_free(items);
}

/* The speaker chooser's gender features (its trace: quote, kind, candidate,
 * then the features, F_GENDER the sixth) for a text, all extractors run. */
static char *speaker_trace_of(const char *text)
{
    facts_doc_fixture fx;
    char *trace = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&trace, &size);
    CHECK(f != NULL);
    if (!facts_doc_open(&fx, text) && f) {
        fx.d.speaker_trace = f;
        sl_facts_run_extractors(&fx.d);
    }
    facts_doc_close(&fx);
    if (f)
        fclose(f);
    return trace;
}

/* A person's gender is the first "he" or "she" word after the name ("he",
 * "She"), not a pronoun right after a closing quotation mark,
 * which is a quote's speaker (Reyes has none); the chooser compares it with
 * the quote's "he" or "she". */
TEST(facts_speakers_gender_from_the_pronouns_after_a_name)
{
    char *trace = speaker_trace_of(
        "Oskar Thiel arrived first, and he spoke briefly. Ilse Varnholt followed. She thanked "
        "the crews.\n\nMara Quell met Tom Reyes at the pier. \"We agreed on the "
        "plan,\" he said.\n\n\"The crews did well,\" she said.\n");
    CHECK(trace != NULL);
    /* per quote (he, then she) and candidate: F_GENDER, F_OTHER_GENDER */
    const char *want[] = {"Tom Reyes\t0\t0", "Mara Quell\t0\t0", "Ilse Varnholt\t0\t1",
                          "Oskar Thiel\t1\t0", "Tom Reyes\t0\t0", "Mara Quell\t0\t0",
                          "Ilse Varnholt\t1\t0", "Oskar Thiel\t0\t1"};
    size_t rows = 0;
    for (char *line = trace; line && *line; rows++) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        char got[64] = "";
        char *about = strchr(strchr(strchr(line, '\t') + 1, '\t') + 1, '\t') + 1;
        char *f = about;
        for (int k = 0; k < 6; k++) /* past the name and five features */
            f = strchr(f, '\t') + 1;
        int cut = (int)(strchr(about, '\t') - about);
        char *og = strchr(f, '\t') + 1;
        snprintf(got, sizeof got, "%.*s\t%c\t%c", cut, about, f[0], og[0]);
        if (rows < 8)
            CHECK_STR(got, want[rows]);
        line = end ? end + 1 : NULL;
    }
    CHECK_INT(rows, 8);
    free(trace);
}

/* A description the apposition after it names is that person ("the
 * assailant, Jon Petrak, told"; "Her spokesman, Nick Morrow, said:"), and
 * "he" is not the man named only in a possessive ("Tom Reyes's budget
 * office"), whom the chooser took before it had that feature. */
TEST(facts_quotes_apposition_and_possessive)
{
    sl_fact_items *items = facts_of_text(
        "The trial ended on Friday.\n\n"
        "\"I would do it again,\" the assailant, Jon Petrak, told the court.\n\n"
        "Her spokesman, Nick Morrow, said: \"The mayor has no comment on the verdict today.\"\n",
        NULL);
    const char *want[] = {"Jon Petrak", "Nick Morrow"};
    check_speakers(items, want, 2);
    sl_fact_items_free(items);
    items = facts_of_text(
        "Senator Paul Okafor defended the bill on Tuesday. He said that Governor Tom Reyes's "
        "budget office had checked the sums.\n\n"
        "\"It will pass, and by a wide margin,\" he said.\n", NULL);
    const char *okafor[] = {"Paul Okafor"};
    check_speakers(items, okafor, 1);
    sl_fact_items_free(items);
}

TEST(facts_dates_absolute_and_relative)
{
    /* 2026-02-10 is a Tuesday */
    sl_fact_items *items = facts_of_text(
        "The talks began on Monday and will resume on Aug. 19, 2026, after a pause that started "
        "on 3 January. Officials met yesterday and said the first round ended last week.\n",
        "2026-02-10");
    const char *want[][2] = {{"Monday", "2026-02-09"}, {"Aug. 19, 2026", "2026-08-19"},
                             {"3 January", "2026-01-03"}, {"yesterday", "2026-02-09"},
                             {"last week", "2026-02-03"}};
    CHECK_INT(fact_count(items, SL_FACT_DATE), 5);
    for (size_t k = 0; k < 5; k++) {
        const sl_fact_item *d = fact_nth(items, SL_FACT_DATE, k);
        CHECK_STR(d ? d->text : NULL, want[k][0]);
        CHECK_STR(d ? d->about : NULL, want[k][1]);
    }
    sl_fact_items_free(items);
}

/* The facts stage reads the article's analysis: its sentences and tokens as
 * they are, and the stop words of its language (here German: "Die" and
 * "Nach" opening a sentence are no names, as they were when the stage
 * re-tokenised every text as English). */
TEST(facts_run_reads_the_analysis)
{
    const char *text = "Die Regierung in Berlin hat am Montag neue Hilfen beschlossen. Nach "
                       "Angaben des Ministeriums erhalten viele Betriebe Geld. Der Minister Karl "
                       "Brenner sagte, die Hilfe komme schnell.\n";
    sl_analyzer *analyzer = sl_analyzer_new();
    sl_analysis an = {0};
    CHECK(analyzer && sl_analyze(analyzer, text, strlen(text), &an) == 0);
    CHECK_STR(an.lang, "de");
    sl_fact_vec v = {0};
    CHECK_INT(sl_facts_run(text, strlen(text), &an, NULL, NULL, &v), 0);
    size_t berlin = 0, brenner = 0;
    for (size_t i = 0; i < v.n; i++) {
        if (v.items[i].kind != SL_FACT_ENTITY)
            continue;
        CHECK(strcmp(v.items[i].text, "Die Regierung") && strcmp(v.items[i].text, "Nach Angaben"));
        berlin += !strcmp(v.items[i].text, "Berlin");
        brenner += !strcmp(v.items[i].text, "Karl Brenner");
    }
    CHECK(berlin == 1 && brenner == 1);
    /* only the tokens of the analysis are read: cut to the first sentence, no Brenner */
    while (an.tokens.n && an.tokens.items[an.tokens.n - 1].start >= an.sentences.items[0].end)
        an.tokens.n--;
    CHECK_INT(sl_facts_run(text, strlen(text), &an, NULL, NULL, &v), 0);
    for (size_t i = 0; i < v.n; i++)
        CHECK(v.items[i].span.end <= an.sentences.items[0].end);
    sl_facts_vec_free(&v);
    sl_analysis_free(&an);
    sl_analyzer_free(analyzer);
}

/* The pipeline finds an article's names once (sl_doc_analyse) and hands
 * them to the stories and the facts stage: the facts are those the stage
 * finds when it looks for the names itself. */
TEST(facts_run_with_names_given_finds_the_same)
{
    const char *text = "Harbour officials in Port Selwyn said on Monday that the Tidewater Line "
                       "would add two ferries. Mara Quell, the line's director, said 40 crew "
                       "would be hired.\n\nThe Selwyn Council approved the plan.\n";
    sl_analyzer *analyzer = sl_analyzer_new();
    sl_analysis an = {0};
    CHECK(analyzer && sl_analyze(analyzer, text, strlen(text), &an) == 0);
    sl_text_names names = {.fold = SL_BUF_INIT};
    CHECK_INT(sl_names_find(text, an.tokens.items, an.tokens.n, an.sentences.items,
                            an.sentences.n, &names.names, &names.fold), 0);
    CHECK(names.names.n >= 3);
    sl_fact_vec found = {0}, given = {0};
    CHECK_INT(sl_facts_run(text, strlen(text), &an, NULL, "2026-03-02", &found), 0);
    CHECK_INT(sl_facts_run(text, strlen(text), &an, &names, "2026-03-02", &given), 0);
    CHECK(found.n > 0);
    CHECK_INT(given.n, found.n);
    size_t entities = 0;
    for (size_t i = 0; i < found.n && i < given.n; i++) {
        CHECK_INT(given.items[i].kind, found.items[i].kind);
        CHECK_INT(given.items[i].span.start, found.items[i].span.start);
        CHECK_INT(given.items[i].span.end, found.items[i].span.end);
        CHECK_STR(given.items[i].text, found.items[i].text);
        entities += found.items[i].kind == SL_FACT_ENTITY;
    }
    CHECK(entities >= 2);
    sl_facts_vec_free(&found);
    sl_facts_vec_free(&given);
    sl_vec_free(&names.names);
    sl_buf_free(&names.fold);
    sl_analysis_free(&an);
    sl_analyzer_free(analyzer);
}

/* A weekday is the last such day up to publication in a clause about the
 * past, the next one in a clause about the future (2024-08-19 is a Monday). */
TEST(facts_dates_weekday_tense)
{
    sl_fact_items *items = facts_of_text(
        "Talks broke down on Tuesday, officials said. The two sides will meet again on Tuesday "
        "in Geneva. He said on Friday that the vote is due to be held on Thursday. The envoy "
        "arrived last Monday and leaves next Monday.\n",
        "2024-08-19");
    const char *want[][2] = {{"Tuesday", "2024-08-13"}, {"Tuesday", "2024-08-20"},
                             {"Friday", "2024-08-16"}, {"Thursday", "2024-08-22"},
                             {"Monday", "2024-08-12"}, {"Monday", "2024-08-26"}};
    CHECK_INT(fact_count(items, SL_FACT_DATE), 6);
    for (size_t k = 0; k < 6; k++) {
        const sl_fact_item *d = fact_nth(items, SL_FACT_DATE, k);
        CHECK_STR(d ? d->text : NULL, want[k][0]);
        CHECK_STR(d ? d->about : NULL, want[k][1]);
    }
    sl_fact_items_free(items);
}

/* Without a publication date a day and month have no year: TIMEX writes it
 * XXXX (ISO's "--10-07" reads as nothing to a journalist). */
/* A month of every first letter (sl_facts_month rules out tokens by theirs),
 * written out, abbreviated with and without a dot, in capitals and in lower
 * case beside a day; "may" and "march" alone are verbs. */
TEST(facts_dates_months_of_every_first_letter)
{
    sl_fact_items *items = facts_of_text(
        "Crews may march on. Work ran from Jan. 4, 2025 to FEBRUARY 9, 2025, and from "
        "Sept 3, 2025 to Oct. 12, 2025; the yard shut on 7 november 2025, reopened Dec 1, 2025, "
        "on April 2, 2026 and on June 5, 2026, and hires again Aug. 19, 2026.\n",
        "2026-02-10");
    const char *want[] = {"2025-01-04", "2025-02-09", "2025-09-03", "2025-10-12", "2025-11-07",
                          "2025-12-01", "2026-04-02", "2026-06-05", "2026-08-19"};
    CHECK_INT(fact_count(items, SL_FACT_DATE), 9);
    for (size_t k = 0; k < 9; k++) {
        const sl_fact_item *d = fact_nth(items, SL_FACT_DATE, k);
        CHECK_STR(d ? d->about : NULL, want[k]);
    }
    sl_fact_items_free(items);
}

/* Dates opening on a word of every first letter a date may open with (the
 * weekdays', "today", "yesterday", "last", "tomorrow", the months') and on
 * numbers: sl_facts_dates rules out the other tokens by their first byte. */
TEST(facts_dates_open_on_every_first_letter)
{
    /* 2026-02-10 is a Tuesday */
    sl_fact_items *items = facts_of_text(
        "The board met on Wednesday, then on Thursday and on Friday. It sat on Saturday and on "
        "Sunday, and on Monday and Tuesday. The ruling came today, the appeal yesterday, the "
        "filing last month and the audit last year; a hearing follows tomorrow. Funds arrived "
        "on 2 november 2025, in 2019, on 9 July 2024, in August 2023 and on Jan. 4, 2025.\n",
        "2026-02-10");
    const char *want[][2] = {
        {"Wednesday", "2026-02-04"}, {"Thursday", "2026-02-05"}, {"Friday", "2026-02-06"},
        {"Saturday", "2026-02-07"}, {"Sunday", "2026-02-08"}, {"Monday", "2026-02-09"},
        {"Tuesday", "2026-02-10"}, {"today", "2026-02-10"}, {"yesterday", "2026-02-09"},
        {"last month", "2026-01"}, {"last year", "2025"}, {"tomorrow", "2026-02-11"},
        {"2 november 2025", "2025-11-02"}, {"2019", "2019"}, {"9 July 2024", "2024-07-09"},
        {"August 2023", "2023-08"}, {"Jan. 4, 2025", "2025-01-04"}};
    size_t n = sizeof want / sizeof want[0];
    CHECK_INT(fact_count(items, SL_FACT_DATE), (int)n);
    for (size_t k = 0; k < n; k++) {
        const sl_fact_item *d = fact_nth(items, SL_FACT_DATE, k);
        CHECK_STR(d ? d->text : NULL, want[k][0]);
        CHECK_STR(d ? d->about : NULL, want[k][1]);
    }
    sl_fact_items_free(items);
}

TEST(facts_dates_without_year)
{
    sl_fact_items *items = facts_of_text("The attack of October 7 and the talks of March 2022 "
                                        "were recalled.\n", NULL);
    const sl_fact_item *d = fact_nth(items, SL_FACT_DATE, 0);
    CHECK_STR(d ? d->about : NULL, "XXXX-10-07");
    d = fact_nth(items, SL_FACT_DATE, 1);
    CHECK_STR(d ? d->about : NULL, "2022-03");
    sl_fact_items_free(items);
}

/* A date's ISO form at each of its widths: a bare year, a year guessed
 * from a publication before the year 1000 (four digits, zeros first), a
 * whole date. */
TEST(facts_dates_iso_forms)
{
    sl_fact_items *items = facts_of_text("The mill opened in 1999 and closed on 5 May, "
                                        "before the vote of 7 June 2001.\n", "0804-06-01");
    const char *want[] = {"1999", "0804-05-05", "2001-06-07"};
    CHECK_INT(fact_count(items, SL_FACT_DATE), 3);
    for (size_t k = 0; k < 3; k++) {
        const sl_fact_item *d = fact_nth(items, SL_FACT_DATE, k);
        CHECK_STR(d ? d->about : NULL, want[k]);
    }
    sl_fact_items_free(items);
}

/* Types and names from the text's own evidence: a group named as one
 * ("the armed group Hamas", "Hamas fighters", "Israel and Hamas") is an
 * organisation wherever it is named; "the Biden administration" before "Joe
 * Biden" is him; a particle surname stays in the name with its role; a
 * headline's capitals make no person; a nationality is no entity. */
/* Attributions in styles PolNeAR has few of: a speaker with a long
 * apposition ("Okafor (I-Ohio), 52, of Millbrook, said"), a cue in -ing whose
 * speaker is the sentence's subject, a verb of no list next to a name or a
 * pronoun after a quote ending on a comma or question mark, "according
 * to X" after the quote, a title of no list before the name. */
TEST(facts_quotes_other_styles)
{
    sl_fact_items *items = facts_of_text(
        "Lindsay Vance won the council seat on Tuesday.\n\n"
        "Her rival, Paul Okafor, was gracious. \"She ran a better campaign,\" Okafor (I-Ohio), "
        "52, of Millbrook, said in a statement.\n\n"
        "Vance thanked her volunteers on the steps of the hall, saying: \"You knocked on ten "
        "thousand doors.\"\n\n"
        "\"It was never about me,\" she elaborated.\n\n"
        "\"Is this the end of the old council?\" Okafor wondered aloud.\n\n"
        "\"The real work starts tomorrow,\" according to Vance.\n\n"
        "\"We will strike if we must,\" said union secretary Ann Holt.\n", NULL);
    const char *want[] = {"Paul Okafor", "Lindsay Vance", "Lindsay Vance", "Paul Okafor",
                          "Lindsay Vance", "Ann Holt"};
    check_speakers(items, want, 6);
    sl_fact_items_free(items);
}

/* Speakers in the styles of fact checks and columns: a signature line
 * under the quote, "as X puts it", a party and state in parentheses after
 * the name (its dot ends no clause), a conjunction before the speaker. */
TEST(facts_quotes_signatures_and_asides)
{
    sl_fact_items *items = facts_of_text(
        "Mara Lindqvist spoke first at the forum on Friday evening.\n\n"
        "\"Nobody in this town pays a fair share of the water bill today.\"\n\n"
        "- Mara Lindqvist.\n\n"
        "As the columnist Dana Whitcombe puts it, \"The council has stopped listening to the "
        "people who elected it.\"\n\n"
        "\"We will bring the bill to a vote in the spring,\" Sen. Tom Okoro (D-Ore.) said on "
        "Monday.\n\n"
        "Okoro was asked about the cost of the plan. But Ms. Lindqvist said: \"The cost of "
        "doing nothing is higher.\"\n", NULL);
    const char *want[] = {"Mara Lindqvist", "Dana Whitcombe", "Tom Okoro", "Mara Lindqvist"};
    check_speakers(items, want, 4);
    sl_fact_items_free(items);
}

/* A quote opening a sentence after one that names its speaker is that
 * person's, not the previous quote's, and runs on into the next paragraph;
 * a role with a verb of no list after a quote ("the union leader
 * repeated") is its speaker. */
TEST(facts_quotes_after_a_sentence)
{
    sl_fact_items *items = facts_of_text(
        "Port Director Elena Marsh spoke first.\n\n"
        "\"The offer on the table is fair,\" according to Marsh.\n\n"
        "Union leader Tomas Brandt was unmoved. \"We have waited three years for this. Our "
        "families have waited three years.\n\n"
        "\"Nobody should tell us to be patient now,\" he added.\n\n"
        "\"Three years,\" the union leader repeated, \"and not a day less.\"\n", NULL);
    const char *want[] = {"Elena Marsh", "Tomas Brandt", "Tomas Brandt", "Tomas Brandt"};
    check_speakers(items, want, 4);
    sl_fact_items_free(items);
}

/* The text has exactly n quotes, the k-th said by speakers[k], the first
 * reading `first`. */
static void check_quotes_of(const char *text, const char *const *speakers, size_t n,
                            const char *first)
{
    sl_fact_items *items = facts_of_text(text, NULL);
    check_speakers(items, speakers, n);
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 0);
    CHECK_STR(q ? q->text : NULL, first);
    sl_fact_items_free(items);
}

/* The k-th quote's text is `want`. */
static void quote_text_is(const sl_fact_items *items, size_t k, const char *want)
{
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, k);
    CHECK_STR(q ? q->text : NULL, want);
}

/* Quotes signed by a dash and a name after them on their own line
 * (readers' voices, pull quotes: the horizontal bar or an em dash), and the
 * turns of an interview written with dashes, each a quote when its
 * attribution ends it ("..., she says."; "... \u2014 says Ruiz."); a question
 * turn and a dash list item without one are none. */
TEST(facts_quotes_dash_signatures_and_turns)
{
    const char *readers[] = {"Ana Ruiz", "Peter Brandt"};
    check_quotes_of("Readers on the harbour vote\n\nWe asked readers what they made of the vote.\n\n"
                    "\xE2\x80\x9CThe council never asked the fishermen what they wanted."
                    "\xE2\x80\x9D \xE2\x80\x95 Ana Ruiz\n\xE2\x80\x9CIt is a good day for the port "
                    "and for the town.\xE2\x80\x9D \xE2\x80\x94 Peter Brandt, Dessby\n",
                    readers, 2, "The council never asked the fishermen what they wanted");
    const char *turns[] = {"Ilse Varnholt", "Ilse Varnholt"};
    sl_fact_items *items = facts_of_text(
        "Forty years on the pier\n\nIlse Varnholt has run the harbour for twelve years. We met "
        "her on the pier.\n\n"
        "\xE2\x80\x94 What was the worst storm you have seen here in all those years?\n\n"
        "\xE2\x80\x94 The one in 2014, without a doubt. We lost four boats in one night, she "
        "says.\n\n"
        "\xE2\x80\x94 Every day of my life, and twice on Sundays \xE2\x80\x94 says Varnholt.\n\n"
        "\xE2\x80\x94 The harbour board meets again in the spring to vote on the new piers.\n",
        NULL);
    check_speakers(items, turns, 2);
    quote_text_is(items, 0, "The one in 2014, without a doubt. We lost four boats in one night");
    quote_text_is(items, 1, "Every day of my life, and twice on Sundays");
    sl_fact_items_free(items);
}

/* A name after a personal pronoun in its sentence is no subject ("He said
 * that Mayor Tom Reyes had read it"; "He thanked Mayor Tom Reyes"): "he"
 * after it is the senator the pronoun stood for, not the mayor named last,
 * whom the chooser took before it had this rule. */
TEST(facts_quotes_subject_after_pronoun)
{
    const char *okafor[] = {"Paul Okafor"};
    const char *texts[] = {
        "Bill passes first vote\n\nSenator Paul Okafor defended the bill on Tuesday.\n\n"
        "He said that Mayor Tom Reyes had read it twice.\n\n"
        "\"It will pass, and by a wide margin,\" he said.\n",
        "Bill passes first vote\n\nSenator Paul Okafor defended the bill on Tuesday. He "
        "thanked Mayor Tom Reyes for his support.\n\n"
        "\"It will pass, and by a wide margin,\" he said.\n"};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        sl_fact_items *items = facts_of_text(texts[k], NULL);
        check_speakers(items, okafor, 1);
        sl_fact_items_free(items);
    }
}

/* Styles PolNeAR train has few of, in invented paragraphs: an indirect
 * quote going direct ("said that "..."", "told reporters the cuts were
 * "...""), a quote running over three paragraphs (each opens with a mark,
 * only the last closes), the attribution in the middle of the sentence,
 * British single marks with "Mr" without a dot and a colon, and a colon
 * before the quote. */
TEST(facts_quotes_styles_under_represented)
{
    const char *want[] = {"Oskar Thiel", "Oskar Thiel", "Ann Holt", "Ilse Varnholt",
                          "Lina Okafor"};
    sl_fact_items *items = facts_of_text(
        "The council voted on the budget.\n\n"
        "Mayor Oskar Thiel said that \"the budget is balanced for the first time in a decade.\"\n\n"
        "Thiel told reporters the cuts were \"painful but necessary for the town's future.\"\n\n"
        "\"We did not choose this fight,\" said Ann Holt, the union secretary. \"The company "
        "chose it for us when it broke its word.\n\n"
        "\"Every family in this town knows what a broken promise costs.\n\n"
        "\"We will stay out until the offer is fair.\"\n\n"
        "The company did not reply.\n\n"
        "\"The storm,\" Ilse Varnholt said, \"was the worst we have seen in thirty years.\"\n\n"
        "Finance Minister Lina Okafor said: \"The deficit will fall next year and the year "
        "after.\"\n", NULL);
    check_speakers(items, want, 5);
    const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, 2);
    CHECK(q && strstr(q->text, "broken promise") && strstr(q->text, "until the offer is fair"));
    quote_text_is(items, 3, "The storm \xE2\x80\xA6 was the worst we have seen in thirty years");
    sl_fact_items_free(items);
    const char *british[] = {"Oskar Thiel", "Varnholt"};
    check_quotes_of("The harbour reopened on Tuesday.\n\nOskar Thiel, the harbour master, "
                    "inspected the piers.\n\nMr Thiel said: 'We have checked every pier twice "
                    "and the port is safe.'\n\n'It was a long week,' Ms Varnholt told the BBC. "
                    "'The crews worked through the night.'\n", british, 2,
                    "We have checked every pier twice and the port is safe");
}

TEST(facts_bad_input)
{
    sl_fact_items *items = NULL;
    CHECK_INT(sl_facts_extract(NULL, 0, NULL, &items), SL_EUSAGE);
    CHECK(!items);
    items = facts_of_text("", NULL);
    CHECK(items && items->n == 0);
    sl_fact_items_free(items);
    /* unbalanced quotation marks and a lone mark end nothing and crash nothing */
    items = facts_of_text("\"\n\n\xE2\x80\x9C open \"\" \xE2\x80\x9D\xE2\x80\x9D 1 of 2\n", NULL);
    CHECK(items != NULL);
    sl_fact_items_free(items);
    /* invalid UTF-8 and control bytes are repaired, not read past */
    const char bad[] = "Over \xff\xfe 40 \x01 people \xe2\x80 met \xc3";
    items = NULL;
    CHECK_INT(sl_facts_extract(bad, sizeof bad - 1, NULL, &items), 0);
    CHECK(items && items->n >= 1 && items->items[0].kind == SL_FACT_NUMBER &&
          items->items[0].value == 40);
    sl_fact_items_free(items);
}

/* The three reports, as JSON string bodies. */
#define FIRE_A "Fire at the Orlen tannery\\n\\nThree workers were injured when a fire swept " \
               "through the Orlen tannery in Dessby on Friday. About 80 staff were evacuated " \
               "and the tannery employs about 300 people in Dessby. The blaze burned for " \
               "seven hours.\\n"
#define FIRE_B "Fire at the Orlen tannery in Dessby\\n\\nFive workers were injured when a " \
               "fire swept through the Orlen tannery in Dessby on Friday. About 80 staff were " \
               "evacuated and the tannery employs 300 people in Dessby.\\n"

/* A scratch store with three reports of one fire: the original, its exact
 * copy, and an independent report with a different injured count. */
TEST(facts_story_crosscheck)
{
    char path[] = "/tmp/sl-facts-test-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    unlink(path);
    sl_engine *e = NULL;
    CHECK_INT(sl_engine_open(&e, path, NULL), 0);
    /* one JSONL buffer through the batch path, as the CLI ingests */
    const char *jsonl =
        "{\"id\": \"1\", \"source\": \"One\", \"published\": \"2026-02-13\", \"text\": \"" FIRE_A "\"}\n"
        "{\"id\": \"2\", \"source\": \"Two\", \"published\": \"2026-02-13\", \"text\": \"" FIRE_A "\"}\n"
        "{\"id\": \"3\", \"source\": \"Three\", \"published\": \"2026-02-13\", \"text\": \"" FIRE_B "\"}\n";
    sl_ingest_report report = {0};
    CHECK_INT(sl_ingest_buffer(e, jsonl, strlen(jsonl), "fire.jsonl", NULL, &report), 0);
    CHECK_INT(report.articles_new, 3);
    int64_t story[3];
    for (int i = 0; i < 3; i++) {
        sl_article *art = NULL;
        CHECK_INT(sl_article_get(e, i + 1, &art), 0);
        story[i] = art ? art->story_id : -1 - i;
        sl_article_free(art);
    }
    sl_copy_list *copies = NULL;
    CHECK_INT(sl_copies_list(e, 2, &copies), 0);
    CHECK(copies && copies->n == 1 && copies->items[0].kind == SL_COPY_EXACT &&
          copies->items[0].article_id == 2 && copies->items[0].of_id == 1);
    sl_copy_list_free(copies);
    CHECK(story[0] == story[1] && story[0] == story[2]);
    sl_fact_table *t = NULL;
    CHECK_INT(sl_story_facts(e, story[0], 0, &t), 0);
    const sl_fact *injured = NULL, *staff = NULL, *hours = NULL;
    for (size_t i = 0; t && i < t->n; i++) {
        if (t->items[i].unit && !strcmp(t->items[i].unit, "hour"))
            hours = &t->items[i];
        if (!strcmp(t->items[i].about, "injured"))
            injured = &t->items[i];
        if (!strcmp(t->items[i].about, "evacuated"))
            staff = &t->items[i];
    }
    CHECK(injured && injured->conflict && injured->n_values == 2);
    if (injured && injured->n_values == 2) {
        /* three articles state a count, but the copy is no second source */
        CHECK(injured->values[0].value == 3 && injured->values[0].n_articles == 2);
        CHECK_INT(injured->values[0].n_sources, 1);
        CHECK(injured->values[1].value == 5);
    }
    CHECK(staff && !staff->conflict && staff->n_values == 1 && staff->values[0].n_sources == 2);
    CHECK(staff && staff->agreement);
    CHECK(injured && !injured->agreement);
    /* stated by the original and its copy only: two reports, one source, no agreement */
    CHECK(hours && hours->values[0].n_articles == 2 && hours->values[0].n_sources == 1);
    CHECK(hours && !hours->agreement && !hours->conflict);
    sl_fact_table_free(t);
    CHECK_INT(sl_story_facts(e, story[0], 1, &t), 0);
    CHECK(t && t->n == 1 && t->items[0].conflict);
    sl_fact_table_free(t);
    CHECK_INT(sl_story_facts(e, 999, 0, &t), SL_ENOTFOUND);
    sl_engine_free(e);
    unlink(path);
    char side[64];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}
