/* event_day.h — the day an article's event happened, from the dates its
 * text states (temporal expressions of src/timex resolved against the
 * publication day), handed by the pipeline to the stories stage. */
#ifndef SL_ENGINE_EVENT_DAY_H
#define SL_ENGINE_EVENT_DAY_H

#include <stddef.h>
#include <stdint.h>

/* The event day of a text published on `published`: the first whole day
 * its lead states from EVENT_LOOKBACK days before publication to one day
 * after, else the publication day. An undated text (SL_NO_DAY) stays
 * undated: without a reference its relative dates resolve to nothing, and
 * the full dates it states are background as often as not (ECB+: story B3
 * F1 0.843 using them, 0.851 without). 0, or SL_ENOMEM. */
int sl_event_day(const char *text, size_t len, int64_t published, int64_t *day);

#endif
