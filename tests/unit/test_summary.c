/* test_summary.c — the extractive summary: budget, sources (a copy and its
 * original are one), no repeated content, time order, the DUC cut; the
 * texts unwrapped before their sentences are read. */
#include <stdlib.h>
#include <string.h>

#include "report/texts.h"
#include "storyline.h"
#include "test.h"
#include "text/text.h"

/* Four reports of one made-up story. B rewords A (same source); C and D are
 * independent and state the collapse too. */
static const sl_story_text docs[] = {
    {"The old river bridge in Northtown collapsed on Monday evening during the rush hour traffic. "
     "Rescue teams pulled twelve injured drivers from the water near the broken bridge. "
     "The mayor ordered an inquiry into the bridge inspection records kept by the city.",
     0, 7, "2024-08-20"},
    {"The old river bridge in Northtown collapsed on Monday evening during rush hour traffic. "
     "Twelve injured drivers were pulled from the water by rescue teams near the broken bridge. "
     "Local shops stayed closed all day while divers searched the river for more cars.",
     0, 7, "2024-08-20"},
    {"Engineers had warned two years ago that the river bridge in Northtown needed urgent repairs. "
     "The old river bridge in Northtown collapsed on Monday evening, officials confirmed. "
     "The mayor ordered an inquiry into the bridge inspection records kept by the city.",
     0, 0, "2024-08-19"},
    {"The city council will vote next week on money for a new river bridge in Northtown. "
     "The mayor ordered an inquiry into the bridge inspection records kept by the city council.",
     0, 0, "2024-08-21"},
};

static sl_summary *summarize(int words, int bytes, int cut)
{
    sl_story_text d[4];
    memcpy(d, docs, sizeof d);
    for (int i = 0; i < 4; i++)
        d[i].len = strlen(d[i].text);
    sl_summary_options o = {words, bytes, cut};
    sl_summary *s = NULL;
    return sl_summarize(d, 4, &o, &s) ? NULL : s;
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++)
        n += (p == s || p[-1] == ' ') && *p != ' ';
    return n;
}

TEST(summary_sources_and_budget)
{
    sl_summary *s = summarize(40, 0, 0);
    CHECK(s != NULL);
    if (!s)
        return;
    CHECK(s->n >= 1);
    size_t words = 0;
    int inquiry = 0, collapse = 0;
    for (size_t i = 0; i < s->n; i++) {
        const sl_summary_sentence *x = &s->sentences[i];
        words += count_words(x->text);
        CHECK(x->n_docs >= 1 && x->n_sources >= 1 && x->n_sources <= x->n_docs);
        if (strstr(x->text, "inquiry")) {
            inquiry++;
            CHECK_INT(x->n_docs, 3);  /* A, C and D state it */
            CHECK_INT(x->n_sources, 3);
        }
        if (strstr(x->text, "collapsed")) {
            collapse++;
            CHECK_INT(x->n_docs, 3);  /* A, B (A's copy) and C */
            CHECK_INT(x->n_sources, 2);
        }
        CHECK(!x->cut);
    }
    CHECK(words <= 40);
    CHECK_INT(collapse, 1);           /* stated thrice, said once */
    CHECK(inquiry <= 1);
    sl_summary_free(s);
}

TEST(summary_time_order_and_cut)
{
    sl_summary *s = summarize(0, 200, 1);
    CHECK(s != NULL);
    if (!s)
        return;
    size_t bytes = 0;
    for (size_t i = 0; i < s->n; i++) {
        bytes += strlen(s->sentences[i].text) + (i > 0);
        if (i > 0) /* the cut sentence closes the summary; the others in time order */
            CHECK(s->sentences[i].cut ||
                  strcmp(docs[s->sentences[i - 1].doc].published,
                         docs[s->sentences[i].doc].published) <= 0);
    }
    CHECK(bytes <= 200);
    CHECK(bytes > 150);               /* filled to the last word */
    CHECK(s->n > 0 && s->sentences[s->n - 1].cut);
    sl_summary_free(s);
}

TEST(summary_budget_below_every_sentence_is_one_cut_sentence)
{
    /* 12 bytes or 2 words: no sentence fits whole, and what is left is
     * under the least remainder worth a fragment; the summary is still the
     * best sentence, cut at a word boundary, not empty. */
    for (int bytes = 1; bytes >= 0; bytes--) {
        sl_summary *s = bytes ? summarize(0, 12, 1) : summarize(2, 0, 1);
        CHECK(s != NULL);
        if (!s)
            continue;
        CHECK_INT(s->n, 1);
        if (s->n == 1) {
            CHECK(s->sentences[0].cut);
            CHECK(bytes ? strlen(s->sentences[0].text) <= 12 : count_words(s->sentences[0].text) <= 2);
            CHECK(strlen(s->sentences[0].text) > 0);
        }
        sl_summary_free(s);
    }
}

TEST(summary_bad_input)
{
    sl_summary *s = NULL;
    sl_summary_options none = {0, 0, 0};
    CHECK_INT(sl_summarize(docs, 4, &none, &s), SL_EUSAGE);
    CHECK(s == NULL);
    sl_summary_options o = {100, 0, 0};
    CHECK_INT(sl_summarize(NULL, 0, &o, &s), 0);
    CHECK(s && s->n == 0);
    sl_summary_free(s);
    sl_summary_free(NULL);
}

/* The report stage undoes line wraps before it splits sentences: a wire
 * lead whose short first line goes on into the next (its dateline taken
 * out) stays one sentence there too, as sl_sentences_split reads it in
 * the text as stored; a headline in capitals stays apart. */
TEST(report_unwrap_keeps_a_short_first_line_with_its_sentence)
{
    const char *lead = "Kestrel Trade Minister Ellis Bra\n"
                       "Marrow, chairman of the Harbour Cocoa Organization (HCO)\n"
                       "council, will not open the council session here\n"
                       "tomorrow, a delegate said.\n"
                       "    He will arrive later in the week.";
    char *text = sl_report_unwrap(lead, strlen(lead));
    CHECK(text != NULL);
    CHECK(text[strlen("Kestrel Trade Minister Ellis Bra")] == ' ');
    sl_span_vec sentences = {0};
    CHECK_INT(sl_sentences_split(text, strlen(text), &sentences), 0);
    CHECK(sentences.n == 2 && sentences.items[0].start == 0 &&
          sentences.items[0].end == strlen("Kestrel Trade Minister Ellis Bra Marrow, chairman of the Harbour Cocoa "
                                           "Organization (HCO) council, will not open the council session here "
                                           "tomorrow, a delegate said."));
    sl_vec_free(&sentences);
    free(text);
    const char *headed = "HARBOUR BANK CUTS BASE RATE\n"
                         "The Harbour Bank cut its base lending rate to 9.5 pct\n"
                         "from 10 pct, with effect from Tuesday.";
    text = sl_report_unwrap(headed, strlen(headed));
    CHECK(text != NULL);
    CHECK(text[strlen("HARBOUR BANK CUTS BASE RATE")] == '\n');
    free(text);
}
