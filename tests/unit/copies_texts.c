/* copies_texts.c — what the copies unit tests share: invented texts (a
 * wire item, its edits, another outlet's report, a filled-in template) and
 * the sketch and comparison of texts. */
#include <string.h>

#include "copies_texts.h"
#include "test.h"

/* An invented wire item, and edits of it. */
const char *const WIRE =
    "Lindholt council approves new tram line\n\n"
    "The Lindholt city council voted 31 to 9 on Tuesday to build a tram line between the "
    "harbour and the northern suburbs, ending a decade of debate.\n\n"
    "The line will run 14 kilometres and cost 410 million crowns, Mayor Ilse Varga said "
    "after the vote.\n\n"
    "Construction is due to start next spring and the first trams should carry passengers "
    "in 2029, according to the transport department.\n\n"
    "Opponents argued that buses would serve the suburbs at a fraction of the cost.";

const char *const WIRE_EDITED =
    "Lindholt council approves new tram line\n\n"
    "The Lindholt city council voted 31 to 9 on Tuesday to build a tram line between the "
    "harbour and the northern suburbs, ending ten years of debate.\n\n"
    "The line will run 14 kilometres and cost 410 million crowns, Mayor Ilse Varga said "
    "after the vote.\n\n"
    "Construction is due to start next spring and the first trams should carry passengers "
    "in 2029, according to the transport department.\n\n"
    "Opponents argued that buses would serve the suburbs at a fraction of the cost.";

/* The same facts told by another outlet, in its own order and words. */
const char *const OTHER_REPORT =
    "Trams return to Lindholt after council vote\n\n"
    "Mayor Ilse Varga hailed what she called a historic decision for the city.\n\n"
    "Critics, led by councillor Piet Amsel, said the money would be better spent on "
    "schools and that the estimate would rise above 500 million crowns.\n\n"
    "Nine councillors opposed the project in the vote on Tuesday.\n\n"
    "The northern suburbs have had no rail link since 1961.";

/* A template filled in with other figures and names. */
const char *const TEMPLATE_A =
    "Harrow Mills Ltd said quarterly profit rose to 12.4 million crowns from 9.1 million a "
    "year earlier, on sales of 88 million crowns.\n\n"
    "The company will pay a dividend of 1.20 crowns a share on June 3.";
const char *const TEMPLATE_B =
    "Osterby Foods Ltd said quarterly profit rose to 4.7 million crowns from 3.3 million a "
    "year earlier, on sales of 51 million crowns.\n\n"
    "The company will pay a dividend of 0.45 crowns a share on May 19.";

/* One wire's rate notice filled in for another bank: a rewrite by its
 * wording, not one item (sl_copy_same_item), unlike the reworded fire
 * report, which keeps its lead. */
const char *const RATE_CUT_A =
    "Harbour Finance Office\n\n"
    "The Harbour Bank cut its base lending rate to 9.5 pct from 10 pct, with effect from Tuesday.\n\n"
    "The bank said the lower rate would apply to all new mortgages and business loans agreed "
    "in Kestrel Island after the weekend, and to existing loans from May.\n\n"
    "Analysts at Merrow Securities said other lenders in Port Ellis were expected to follow "
    "within days, since deposits had been flowing out of the island for months.";
const char *const RATE_CUT_B =
    "The Northfield Bank cut its base lending rate to 9.5 pct from 10 pct, with effect from Tuesday.\n\n"
    "The bank said the lower rate would apply to all new mortgages and business loans agreed "
    "in Kestrel Island after the weekend, and to existing loans from May.\n\n"
    "Analysts at Merrow Securities said lenders in Port Ellis had little room left to cut "
    "their margins further this year, after deposits left the island for months.";

void sketch_of(sketched *s, const char *text)
{
    if (!s->analyzer)
        s->analyzer = sl_analyzer_new();
    sl_buf_clear(&s->text);
    CHECK_INT(sl_text_normalize(text, strlen(text), &s->text), 0);
    CHECK_INT(sl_analyze(s->analyzer, sl_buf_cstr(&s->text), s->text.len, &s->analysis), 0);
    CHECK_INT(sl_sketch_build(&s->analysis, sl_buf_cstr(&s->text), &s->sketch), 0);
}

void sketched_free(sketched *s)
{
    sl_analyzer_free(s->analyzer);
    sl_analysis_free(&s->analysis);
    sl_sketch_free(&s->sketch);
    sl_buf_free(&s->text);
}

/* The kind of copy text a is of text b. */
sl_copy_kind kind_of(const char *a, const char *b, sl_comparison *cmp)
{
    sketched sa = {0}, sb = {0};
    sketch_of(&sa, a);
    sketch_of(&sb, b);
    sl_comparer *c = sl_comparer_new();
    sl_comparer_thorough(c);   /* sentence similarities even when not a copy */
    CHECK_INT(sl_copies_compare(c, &sa.sketch, &sb.sketch, cmp), 0);
    sl_comparer_free(c);
    sketched_free(&sa);
    sketched_free(&sb);
    return cmp->kind;
}
