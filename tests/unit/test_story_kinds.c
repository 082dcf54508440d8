/* test_story_kinds.c — an article's event-kind vector (src/stories/kinds.c),
 * as the trace's K line prints it: the lead's content words that the
 * article also writes in lower case, not its names or places, not the
 * words after the lead; none without a trace. Invented sentences. */
#include <stdio.h>
#include <string.h>

#include "stories/stories.h"
#include "test.h"

static const char *const text =
    "Firefighters fought a warehouse fire in Velmira on Tuesday.\n"
    "\n"
    "The blaze at the Korsa Timber warehouse began before dawn.\n"
    "Nobody was hurt, the harbour office said.\n"
    "Neighbours watched the fire from the quay as the warehouse burned.\n"
    "The mayor of Velmira thanked the firefighters after a drill on Friday.";

/* The term of the first token of the analysed text written as `word`. */
static uint64_t term_of(const sl_analysis *an, const char *word)
{
    for (size_t k = 0; k < an->tokens.n; k++) {
        const sl_token *t = &an->tokens.items[k];
        if (t->end - t->start == strlen(word) && !memcmp(text + t->start, word, strlen(word)))
            return an->token_terms.items[k];
    }
    return 0;
}

/* Whether the K line's vector holds `term`. */
static int holds(const char *line, uint64_t term)
{
    for (const char *at = strchr(line, '\t'); at; at = strchr(at + 1, '\t')) {
        unsigned long long t = 0;
        float w = 0;
        if (sscanf(at, "\t%llu:%f", &t, &w) == 2 && t == term && w > 0)
            return 1;
    }
    return 0;
}

/* The K line a place prints for the text (with a trace when `traced`). */
static void kind_line(const sl_analysis *body, int traced, char *line, size_t size)
{
    sl_grouper *g = sl_grouper_new();
    FILE *f = tmpfile();
    CHECK(f != NULL);
    if (traced)
        sl_grouper_set_trace(g, f);
    CHECK_INT(sl_grouper_find_entities(g, body, text, NULL, NULL, NULL), 0);
    sl_vector v;
    sl_grouper_vectorize(g, body, NULL, &v);
    sl_grouper_kind(g, body, text);
    sl_grouper_set_trace(g, f);
    sl_placement p;
    sl_grouper_place(g, &v, INT64_MIN, &p);
    rewind(f);
    line[0] = 0;
    while (fgets(line, (int)size, f) && line[0] != 'K')
        ;
    fclose(f);
    sl_grouper_free(g);
}

TEST(grouper_kind_holds_the_leads_lower_case_words)
{
    sl_analyzer *an = sl_analyzer_new();
    sl_analysis body = {0};
    CHECK(an != NULL);
    CHECK_INT(sl_analyze_as(an, text, strlen(text), "en", &body), 0);
    char line[8192];
    kind_line(&body, 1, line, sizeof line);
    CHECK(line[0] == 'K');
    /* The lead's three lines: what happened, written in lower case somewhere. */
    CHECK(holds(line, term_of(&body, "fire")));
    CHECK(holds(line, term_of(&body, "warehouse")));
    CHECK(holds(line, term_of(&body, "blaze")));
    CHECK(holds(line, term_of(&body, "Firefighters")));   /* "firefighters" further on */
    /* Names and places, written capitalised only; a stop word. */
    CHECK(!holds(line, term_of(&body, "Velmira")));
    CHECK(!holds(line, term_of(&body, "Korsa")));
    CHECK(!holds(line, term_of(&body, "Tuesday")));
    CHECK(!holds(line, term_of(&body, "before")));
    /* Words after the lead. */
    CHECK(!holds(line, term_of(&body, "quay")));
    CHECK(!holds(line, term_of(&body, "drill")));
    /* Without a trace the grouper computes none: the K line is empty. */
    kind_line(&body, 0, line, sizeof line);
    CHECK(line[0] == 'K' && !strchr(line, '\t'));
    sl_analysis_free(&body);
    sl_analyzer_free(an);
}
