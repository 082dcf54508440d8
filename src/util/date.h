/* date.h — ISO-8601 dates to day numbers (days since 1970-01-01), the one
 * form in which the engine compares publication dates. */
#ifndef SL_UTIL_DATE_H
#define SL_UTIL_DATE_H

#include <stdint.h>

#define SL_NO_DAY INT64_MIN

/* Parses "YYYY-MM-DD" optionally followed by "T..." or " ..." (time and zone
 * are ignored: a day is fine enough for grouping). SL_NO_DAY when invalid. */
int64_t sl_date_day(const char *iso);

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
int64_t sl_days_from_civil(int y, int m, int d);

/* The civil date of a day number: the inverse of sl_days_from_civil. */
void sl_civil_from_days(int64_t day, int *y, int *m, int *d);

#endif
