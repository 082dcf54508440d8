/* test_story_labels.c — a story's labels (src/stories/labels.c): the names
 * and keywords counted over its articles, case variants one name, no keyword
 * taken out of a multiword name. */
#include <stdlib.h>
#include <string.h>

#include "stories/labels.h"
#include "test.h"

/* Labels count a name by the finder's key: "TEL AVIV" in one article and
 * "Tel Aviv" in another are one name in two articles, shown written out. */
TEST(labels_merge_case_variants)
{
    sl_label_counter *c = sl_labels_new();
    CHECK_INT(sl_labels_add(c, NULL, "Sirens sounded in TEL AVIV overnight.", "en"), 0);
    CHECK_INT(sl_labels_add(c, NULL, "Residents of Tel Aviv took shelter.", "en"), 0);
    sl_story_labels *out = calloc(1, sizeof *out); /* sl_story_labels_free frees it */
    CHECK_INT(sl_labels_take(c, 8, out), 0);
    CHECK_INT(out->n_entities, 1);
    CHECK_STR(out->n_entities ? out->entities[0] : NULL, "Tel Aviv");
    sl_story_labels_free(out);
    sl_labels_free(c);
}

/* A keyword is no part of a multiword name ("aviv" of "Tel Aviv", "ilse" of
 * "Ilse Korvath": the name is an entity label) and no possessive: the
 * surname written alone, "Korvath's" too, is the keyword "korvath". */
TEST(labels_keywords_leave_names_whole)
{
    sl_label_counter *c = sl_labels_new();
    CHECK_INT(sl_labels_add(c, "Korvath's crane plan for Port Velmira",
                            "Ilse Korvath flew to Port Velmira on Monday.", "en"), 0);
    CHECK_INT(sl_labels_add(c, "Korvath backs crane plan",
                            "Ilse Korvath met dockers in Port Velmira.", "en"), 0);
    sl_story_labels *out = calloc(1, sizeof *out); /* sl_story_labels_free frees it */
    CHECK_INT(sl_labels_take(c, 8, out), 0);
    int korvath = 0, crane = 0;
    for (size_t i = 0; i < out->n_keywords; i++) {
        korvath += !strcmp(out->keywords[i], "korvath");
        crane += !strcmp(out->keywords[i], "crane");
        CHECK(strcmp(out->keywords[i], "ilse") != 0);
        CHECK(strcmp(out->keywords[i], "velmira") != 0);
        CHECK(strcmp(out->keywords[i], "korvath's") != 0);
    }
    CHECK_INT(korvath, 1);
    CHECK_INT(crane, 1);
    sl_story_labels_free(out);
    sl_labels_free(c);
}

TEST(labels_count_names_and_keywords_over_articles)
{
    sl_label_counter *c = sl_labels_new();
    CHECK_INT(sl_labels_add(c, "Harbour crane collapses in Port Velmira",
                            "A crane fell on Tuesday. Mayor Ilse Korvath said the harbour would "
                            "reopen.\n\nWorkers at Port Velmira were unhurt.", "en"), 0);
    CHECK_INT(sl_labels_add(c, "Port Velmira crane collapse: harbour closed",
                            "The harbour is closed. Mayor Ilse Korvath visited the crane site.",
                            "en"), 0);
    CHECK_INT(sl_labels_add(c, "Weather", "Rain is expected.", "en"), 0);
    sl_story_labels *out = calloc(1, sizeof *out); /* sl_story_labels_free frees it */
    CHECK_INT(sl_labels_take(c, 8, out), 0);
    int velmira = 0, korvath = 0, crane = 0;
    for (size_t i = 0; i < out->n_entities; i++) {
        velmira += !strcmp(out->entities[i], "Port Velmira");
        korvath += !strcmp(out->entities[i], "Mayor Ilse Korvath");
    }
    for (size_t i = 0; i < out->n_keywords; i++) {
        crane += !strcmp(out->keywords[i], "crane");
        CHECK(strcmp(out->keywords[i], "rain") != 0); /* in one article only */
    }
    CHECK_INT(velmira, 1);
    CHECK_INT(korvath, 1);
    CHECK_INT(crane, 1);
    sl_story_labels_free(out);
    sl_labels_free(c);
}
