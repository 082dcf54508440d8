/* test_event_day.c — the event day the engine hands to the stories stage:
 * the day the lead states, resolved against the publication day, within
 * the look-back; else the publication day; undated stays undated. */
#include <string.h>

#include "engine/event_day.h"
#include "test.h"
#include "util/date.h"

static int64_t event_day(const char *text, const char *published)
{
    int64_t day = 0;
    CHECK_INT(sl_event_day(text, strlen(text), published ? sl_date_day(published) : SL_NO_DAY, &day),
              0);
    return day;
}

TEST(event_day_is_the_day_the_lead_states)
{
    /* Published Tuesday 2024-08-20 about Monday. */
    CHECK_INT(event_day("The minister arrived in the capital on Monday for talks on the dam.",
                        "2024-08-20"),
              sl_date_day("2024-08-19"));
}

TEST(event_day_ignores_background_dates)
{
    /* The first round of talks, weeks before: background, not the event. */
    CHECK_INT(event_day("The treaty was signed today. Talks had opened on March 4, 2026.",
                        "2026-05-13"),
              sl_date_day("2026-05-13"));
    CHECK_INT(event_day("No date is stated here at all.", "2026-05-13"), sl_date_day("2026-05-13"));
}

TEST(event_day_of_an_undated_text_stays_undated)
{
    CHECK_INT(event_day("The fire broke out on Friday, April 17, 2026 at the mill.", NULL),
              SL_NO_DAY);
}
