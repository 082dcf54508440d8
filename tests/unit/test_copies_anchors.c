/* test_copies_anchors.c — the names and figures two texts share, as the
 * copy comparer counts them (src/copies/align.c, term_lookup.h): the
 * shares a merge of both texts' distinct terms gives. */
#include <stddef.h>
#include <stdint.h>

#include "copies/copies.h"
#include "test.h"

#include "copies_texts.h"

/* The names and figures two texts share, by a merge of their distinct
 * terms (what the comparer did before it looked them up): of the text
 * with fewer names (figures), those the other has at all. */
static void anchors_by_merge(const uint32_t *ta, size_t na, const uint32_t *tb, size_t nb, sl_comparison *out)
{
    sl_anchor_counts ca = sl_anchors_count(ta, na), cb = sl_anchors_count(tb, nb);
    size_t names = 0, figures = 0;
    for (size_t i = 0, j = 0; i < na && j < nb;) {
        uint32_t u = SL_TERM_ID(ta[i]), w = SL_TERM_ID(tb[j]);
        if (u == w) {
            names += sl_term_is_name(ca.names <= cb.names ? ta[i] : tb[j]);
            figures += sl_term_is_figure(ca.figures <= cb.figures ? ta[i] : tb[j]);
        }
        i += u <= w;
        j += w <= u;
    }
    sl_anchors_shares(names, figures, ca, cb, out);
}

/* The comparer looks up the names and figures of the text with fewer of
 * each in the other's terms: the shares a merge of both texts' terms
 * gives, for texts with more or fewer names and figures on either side,
 * none on one side, and the same names in other sentences. */
TEST(comparer_anchor_shares_as_a_merge_of_both_texts)
{
    const char *const texts[] = {
        WIRE, WIRE_EDITED, OTHER_REPORT, TEMPLATE_A, TEMPLATE_B,
        "Quiet weather held over the coast and the harbour stayed calm all week.",
        "Orlen Shipping said on Tuesday it carried 4,200 tonnes through Dessby, up 12 percent "
        "from 3,750 tonnes, and Mara Velt of Orlen said 18 ships were waiting.",
        "Mara Velt said 18 ships waited at Dessby. Orlen Shipping carried 4,200 tonnes, "
        "Halvor Brandt of the port authority added, and 950 tonnes more at Kessing.",
    };
    enum { N_TEXTS = 8 };
    sketched s[N_TEXTS] = {{0}};
    for (size_t k = 0; k < N_TEXTS; k++)
        sketch_of(&s[k], texts[k]);
    sl_comparer *c = sl_comparer_new(), *ca = sl_comparer_new(), *cb = sl_comparer_new();
    CHECK(c && ca && cb);
    int compared = 0;
    for (size_t a = 0; c && ca && cb && a < N_TEXTS; a++)
        for (size_t b = 0; b < N_TEXTS; b++) {
            sl_comparison got = {0}, want = {0};
            size_t na, nb;
            CHECK_INT(sl_comparer_set_a(ca, &s[a].sketch), 0);
            CHECK_INT(sl_comparer_set_a(cb, &s[b].sketch), 0);
            const uint32_t *ta = sl_comparer_terms_a(ca, &na), *tb = sl_comparer_terms_a(cb, &nb);
            anchors_by_merge(ta, na, tb, nb, &want);
            CHECK_INT(sl_copies_compare(c, &s[a].sketch, &s[b].sketch, &got), 0);
            if (got.specific_overlap != want.specific_overlap || got.number_overlap != want.number_overlap ||
                got.numbers_fewer != want.numbers_fewer)
                sl_test_fail(__FILE__, __LINE__,
                             "texts %zu and %zu: names %g figures %g (%zu), a merge %g %g (%zu)", a, b, got.specific_overlap, got.number_overlap, got.numbers_fewer,
                             want.specific_overlap, want.number_overlap, want.numbers_fewer);
            compared += want.specific_overlap < 1 || want.number_overlap < 1;
            sl_comparison_free(&got);
        }
    CHECK(compared > 10); /* pairs where a share is not the 1 of "none on one side" */
    sl_comparer_free(c);
    sl_comparer_free(ca);
    sl_comparer_free(cb);
    for (size_t k = 0; k < N_TEXTS; k++)
        sketched_free(&s[k]);
}
