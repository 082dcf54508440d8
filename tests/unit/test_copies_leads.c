/* test_copies_leads.c — the leads of two compared texts (src/copies/leads.c):
 * a re-issue of one item keeps its lead's names, figures, subject and
 * words, and its headline; another item about the same party does not.
 * Texts are the project's own (examples/, copies_texts.c and below). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "util/alloc.h"
#include "test.h"

#include "copies_texts.h"

TEST(same_item_keeps_the_names_of_the_lead)
{
    char *original = sl_test_read_file("examples/2026-04-17_valley-courier_eskmoor-mill-fire.txt", NULL);
    char *rewrite = sl_test_read_file("examples/2026-04-18_harbour-herald_eskmoor-mill-fire.txt", NULL);
    sl_comparison cmp = {0};
    /* the original as ingest stores it, its page chrome ("Skip to content",
     * "Menu") taken out: the rule is one outlet's, applied at ingest */
    const char *article = strstr(original, "Three workers hurt");
    CHECK(article != NULL);
    CHECK_INT(kind_of(rewrite, article, &cmp), SL_COPY_REWRITE);
    CHECK(sl_copy_same_item(&cmp));
    /* retold whole, though its headline-like lead was rewritten */
    CHECK(cmp.leads_match < 0.4);
    /* the headline in title case is not the lead: Harbour and Northfield
     * are, one name of three in each lead that the other lacks */
    CHECK_INT(kind_of(RATE_CUT_B, RATE_CUT_A, &cmp), SL_COPY_REWRITE);
    CHECK(cmp.lead_match > 0.8);
    CHECK(cmp.lead_names_kept > 0.6 && cmp.lead_names_kept < 0.7);
    CHECK(!sl_copy_same_item(&cmp));
    sl_comparison_free(&cmp);
    free(original);
    free(rewrite);
}

/* The same day's later report of one outlet: a new lead, then the
 * morning's item retold below it. Its lead names are kept and the
 * morning's lead is told again, but the two leads tell different news:
 * not one item. */
TEST(same_item_needs_the_leads_to_match)
{
    char *later = sl_malloc(strlen(RATE_CUT_A) + 200);
    CHECK(later != NULL);
    strcpy(later, "Harbour Finance Office\n\n"
                  "Shares of the Harbour Bank closed lower on the Kestrel Island exchange as "
                  "traders took profits after the morning's rally.\n\n");
    strcat(later, strstr(RATE_CUT_A, "The Harbour Bank"));
    sl_comparison cmp = {0};
    kind_of(later, RATE_CUT_A, &cmp);
    CHECK(cmp.lead_names_kept >= 0.75);
    CHECK(cmp.lead_match > 0.8);
    CHECK(cmp.leads_match < 0.4);
    CHECK(!sl_copy_same_item(&cmp));
    sl_comparison_free(&cmp);
    free(later);
}

/* The same day's later notice of one outlet, worded as the morning's but
 * leading with another figure (the rate cut again): its lead names are
 * kept and the two leads match, but a figure of each lead is missing from
 * the other text, so it is not one item (nor, here, a copy: the figures
 * decide that too, kinds_of_copy). */
TEST(same_item_keeps_the_figures_of_the_lead)
{
    char *later = sl_malloc(strlen(RATE_CUT_A) + 1);
    CHECK(later != NULL);
    strcpy(later, RATE_CUT_A);
    memcpy(strstr(later, "9.5 pct"), "8.5", 3);
    sl_comparison cmp = {0};
    kind_of(later, RATE_CUT_A, &cmp);
    CHECK(cmp.lead_names_kept >= 0.75);
    CHECK(cmp.leads_match >= 0.4);
    CHECK(cmp.lead_figures_kept > 0.4 && cmp.lead_figures_kept < 0.6);
    CHECK(!sl_copy_same_item(&cmp));
    /* the morning's notice keeps its own figures */
    kind_of(RATE_CUT_A, RATE_CUT_A, &cmp);
    CHECK(cmp.lead_figures_kept == 1);
    sl_comparison_free(&cmp);
    free(later);
}

/* Another party's item of one event retells the lead, names and figures
 * and all, but opens with its own subject: the two leads do not open
 * alike, so it is not one item; the notice re-issued opens as it did. */
TEST(same_item_needs_the_leads_to_open_alike)
{
    const char *reply = "Harbour Finance Office\n\n"
                        "Merrow Securities welcomed the Harbour Bank's cut of its base lending rate to 9.5 pct "
                        "from 10 pct, with effect from Tuesday.\n\n"
                        "The bank said the lower rate would apply to all new mortgages and business loans agreed "
                        "in Kestrel Island after the weekend, and to existing loans from May.";
    sl_comparison cmp = {0};
    kind_of(reply, RATE_CUT_A, &cmp);
    CHECK(!cmp.leads_open_alike);
    CHECK(!sl_copy_same_item(&cmp));
    kind_of(RATE_CUT_A, RATE_CUT_A, &cmp);
    CHECK(cmp.leads_open_alike);
    sl_comparison_free(&cmp);
    /* every other measure of one item, the openings apart; a text retold
     * whole is one item whatever its lead became */
    sl_comparison one = {.lead_names_kept = 1, .lead_figures_kept = 1, .lead_match = 1, .leads_match = 1,
                         .aligned_a = 0.5, .aligned_b = 0.5, .leads_open_alike = true, .lead_words_kept = 1,
                         .lead_subjects_kept = true};
    CHECK(sl_copy_same_item(&one));
    one.leads_open_alike = false;
    CHECK(!sl_copy_same_item(&one));
    one.aligned_a = one.aligned_b = 0.9;
    CHECK(sl_copy_same_item(&one));
}

/* The same party's other item of the day: the chairman's lead names him
 * as the notice's does and the rate cut is told below, but the lead says
 * something else of him; not one item. */
TEST(same_item_needs_the_leads_to_say_alike)
{
    const char *notice = "Harbour Finance Office\n\n"
                         "Harbour Bank chairman Ellis Marrow said the bank would cut its base lending rate "
                         "to 9.5 pct from 10 pct, with effect from Tuesday.\n\n"
                         "Marrow told reporters in Port Ellis that the lower rate would apply to all new "
                         "mortgages and business loans agreed in Kestrel Island after the weekend.";
    const char *remark = "Harbour Finance Office\n\n"
                         "Harbour Bank chairman Ellis Marrow said he was worried that panic selling of "
                         "shares would undermine confidence among island households.\n\n"
                         "Marrow told reporters in Port Ellis that the bank would cut its base lending rate "
                         "to 9.5 pct from 10 pct on Tuesday, and that the lower rate would apply to all new "
                         "mortgages and business loans agreed in Kestrel Island after the weekend.";
    sl_comparison cmp = {0};
    kind_of(remark, notice, &cmp);
    CHECK(cmp.leads_open_alike);
    CHECK(cmp.lead_names_kept >= 0.75 && cmp.lead_figures_kept == 1);
    CHECK(cmp.lead_words_kept < 0.33);
    CHECK(!sl_copy_same_item(&cmp));
    kind_of(notice, notice, &cmp);
    CHECK(cmp.lead_words_kept == 1);
    sl_comparison_free(&cmp);
    /* every other measure of one item, the lead's words apart */
    sl_comparison one = {.lead_names_kept = 1, .lead_figures_kept = 1, .lead_match = 1, .leads_match = 1,
                         .aligned_a = 0.5, .aligned_b = 0.5, .leads_open_alike = true, .lead_words_kept = 0.5,
                         .lead_subjects_kept = true};
    CHECK(sl_copy_same_item(&one));
    one.lead_words_kept = 0.2;
    CHECK(!sl_copy_same_item(&one));
}

/* One wire's posting notice filled in for another oil company, retold
 * whole: each lead opens with its company, which the other text lacks;
 * the notice re-issued keeps its subject. */
TEST(same_item_keeps_the_subject_of_the_lead)
{
    const char *kestrel = "Kestrel Oil said it raised its postings for crude oil by 50 cts a barrel, "
                          "effective June 17.\n\n"
                          "The company said it now posts Island Sweet crude at 19 dlrs a barrel.";
    const char *northfield = "Northfield Petroleum said it increased its crude oil postings by 50 cts a barrel, "
                             "effective June 17.\n\n"
                             "The company said its new posting for Island Sweet crude is 19 dlrs a barrel.";
    sl_comparison cmp = {0};
    kind_of(northfield, kestrel, &cmp);
    CHECK(!cmp.lead_subjects_kept);
    kind_of(kestrel, kestrel, &cmp);
    CHECK(cmp.lead_subjects_kept);
    sl_comparison_free(&cmp);
    /* every other measure of one item retold whole, the subject apart */
    sl_comparison one = {.lead_names_kept = 1, .lead_figures_kept = 1, .lead_match = 1, .leads_match = 0.2,
                         .aligned_a = 0.9, .aligned_b = 0.9, .lead_words_kept = 1, .lead_subjects_kept = true};
    CHECK(sl_copy_same_item(&one));
    one.lead_subjects_kept = false;
    CHECK(!sl_copy_same_item(&one));
}

/* Whether two headlines, analysed, agree (sl_copy_headlines_agree). */
static bool headlines(const char *a, const char *b)
{
    sl_analyzer *an = sl_analyzer_new();
    sl_analysis x = {0}, y = {0};
    CHECK(an != NULL);
    CHECK_INT(sl_analyze_as(an, a, strlen(a), "en", &x), 0);
    CHECK_INT(sl_analyze_as(an, b, strlen(b), "en", &y), 0);
    bool agree = sl_copy_headlines_agree(&x, &y);
    sl_analysis_free(&x);
    sl_analysis_free(&y);
    sl_analyzer_free(an);
    return agree;
}

TEST(headlines_of_one_item_agree)
{
    /* a re-issue keeps its headline, or most of it */
    CHECK(headlines("HARBOUR BANK CUTS BASE RATE TO 9.5 PCT",
                    "CORRECTED - HARBOUR BANK CUTS BASE RATE TO 9.5 PCT"));
    CHECK(headlines("Harbour Bank cuts base rate to 9.5 pct", "Harbour Bank cuts its base rate"));
    /* a template for another party: the figures differ */
    CHECK(!headlines("HARBOUR BANK LOANS KESTREL 50 MLN DLRS", "HARBOUR BANK LOANS ELLIS 400 MLN DLRS"));
    /* another item of the affair */
    CHECK(!headlines("HARBOUR BANK CUTS BASE RATE TO 9.5 PCT", "ELLIS LENDERS EXPECTED TO FOLLOW HARBOUR"));
    /* too short to tell */
    CHECK(!headlines("BANK RATES", "BANK RATES"));
}
