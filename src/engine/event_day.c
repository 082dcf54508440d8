/* event_day.c — an article's event day from the dates it states: the lead's
 * temporal expressions (src/timex) resolved against the publication day.
 * The stories stage groups on this day, so a report published on Tuesday of
 * a vote on Monday is placed on Monday, beside the reports of the same day. */
#include "event_day.h"

#include <string.h>

#include "storyline.h"
#include "text/text.h"
#include "timex/timex.h"
#include "util/date.h"

/* The lead names the event ("on Friday", "on 12 May"); dates further down
 * are background (an earlier round of talks, a war's start). */
#define LEAD_BYTES 1500
/* A stated day at most EVENT_LOOKBACK days before publication is the event's;
 * older ones are background. Fitted on the BASIL events of the lower half of
 * ids (eval/stories.py; docs/stories.md): story B3 F1 0.982 at 0, 1 and 2
 * days, 0.968 at 3, 7 and 14 (an older stated day moves a report into the
 * window of an earlier event of the same subject); the upper half is 1.000
 * at every value. */
#define EVENT_LOOKBACK 2
#define EVENT_AHEAD 1     /* "tonight" across time zones: the day after publication */

/* The day of a whole-day value ("2024-08-19", "2024-08-19T14:00"); SL_NO_DAY
 * for anything coarser or with unknown parts ("XXXX-10-07", "2024-W34"). */
static int64_t whole_day(const sl_timex *t)
{
    if (t->type != SL_TIMEX_DATE && t->type != SL_TIMEX_TIME)
        return SL_NO_DAY;
    if (strlen(t->value) < 10 || (t->value[10] && t->value[10] != 'T'))
        return SL_NO_DAY;
    return sl_date_day(t->value);
}

/* What the search for the event day holds: the window of days it takes. */
typedef struct window {
    int64_t from, to, day;
} window;

/* Stops the search at the first whole day in the window (the later
 * expressions are not looked for: on the first 1,000 Reuters stories the
 * whole lead's were ~64 M instructions, docs/benchmarks.md "Twenty-fourth
 * round"). */
static int first_in_window(void *ctx, const sl_timex *x)
{
    window *w = ctx;
    int64_t stated = whole_day(x);
    if (stated == SL_NO_DAY || stated < w->from || stated > w->to)
        return 0;
    w->day = stated;
    return 1;
}

int sl_event_day(const char *text, size_t len, int64_t published, int64_t *day)
{
    *day = published;
    if (published == SL_NO_DAY)
        return 0;
    /* The reference as sl_timex_find reads it from "YYYY-MM-DD": a year out
     * of 0000-9999 is no date */
    int y, m, d;
    sl_civil_from_days(published, &y, &m, &d);
    int64_t reference = y >= 0 && y <= 9999 ? published : SL_NO_DAY;
    window w = {published - EVENT_LOOKBACK, published + EVENT_AHEAD, published};
    int rc = sl_tx_find_each(text, sl_utf8_cut(text, len, LEAD_BYTES), reference, first_in_window,
                             &w);
    if (rc < 0)
        return rc;
    *day = w.day;
    return 0;
}
