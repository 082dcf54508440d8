/* dates.c — dates stated in a text: absolute ("October 7", "Aug. 19, 2024",
 * "7 October 2023", "March 2022", "in 2019") and relative ("on Monday",
 * "yesterday", "last week"), resolved against the publication day. Values
 * are ISO 8601 dates; an unknown year is written as TIMEX does, "XXXX-10-07". */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"
#include "util/date.h"

#define NONE SIZE_MAX /* no date at this token */

static const char *const months[] = {"january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", NULL};
static const char *const month_abbr[] = {"jan.", "feb.", "mar.", "apr.", "may", "jun.", "jul.",
    "aug.", "sep.", "oct.", "nov.", "dec.", NULL};
static const char *const month_abbr2[] = {"jan", "feb", "mar", "apr", "may", "june", "july",
    "aug", "sept", "oct", "nov", "dec", NULL};
/* The first letters of the months' names and abbreviations above. */
#define MONTH_STARTS                                                                        \
    (SL_FACTS_LETTER('a') | SL_FACTS_LETTER('d') | SL_FACTS_LETTER('f') | SL_FACTS_LETTER('j') | \
     SL_FACTS_LETTER('m') | SL_FACTS_LETTER('n') | SL_FACTS_LETTER('o') | SL_FACTS_LETTER('s'))
static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", NULL};
/* The first letters of the words a relative date opens with: the weekdays,
 * "yesterday", "today", "tomorrow", "last". */
#define RELATIVE_STARTS                                                                     \
    (SL_FACTS_LETTER('f') | SL_FACTS_LETTER('l') | SL_FACTS_LETTER('m') | SL_FACTS_LETTER('s') | \
     SL_FACTS_LETTER('t') | SL_FACTS_LETTER('w') | SL_FACTS_LETTER('y'))

/* The value of number token i if within [lo, hi], else 0; see number_value. */
static int read_number(const sl_facts_doc *d, size_t i, int lo, int hi)
{
    size_t n;
    const char *s = sl_facts_tok(d, i, &n);
    if (n > 4 || memchr(s, '.', n) || memchr(s, ',', n) || memchr(s, '/', n))
        return 0;
    int v = atoi(s);
    return v >= lo && v <= hi ? v : 0;
}

/* The value of token i when it is a number of at most four digits within
 * [lo, hi], else 0. The flag is read here, inline: most tokens are no number. */
static inline int number_value(const sl_facts_doc *d, size_t i, int lo, int hi)
{
    return i < d->toks.n && (d->toks.items[i].flags & SL_TOK_NUMBER) ? read_number(d, i, lo, hi)
                                                                     : 0;
}

/* Whether token i has a day number (1-31) right before it or after it, past
 * the "." of an abbreviation: "Oct. 7", "on 5 May". */
static bool beside_a_day(const sl_facts_doc *d, size_t i)
{
    const sl_token *t = d->toks.items; /* the flags first: this runs for every word */
    if (!(i + 1 < d->toks.n && (t[i + 1].flags & SL_TOK_NUMBER)) &&
        !(i + 2 < d->toks.n && (t[i + 2].flags & SL_TOK_NUMBER)) &&
        !(i > 0 && (t[i - 1].flags & SL_TOK_NUMBER)))
        return false;
    return number_value(d, i + 1, 1, 31) ||
           (number_value(d, i + 2, 1, 31) && sl_facts_is(d, i + 1, ".")) ||
           (i > 0 && d->sent_of[i - 1] == d->sent_of[i] && number_value(d, i - 1, 1, 31));
}

int sl_facts_month(const sl_facts_doc *d, size_t i)
{
    /* in lower case (lower-cased wire copy: "due nov. 15", "on 7 october")
     * only beside a day, and never "may" or "march", the verbs ("they march
     * 20 miles") */
    if (i >= d->toks.n || !sl_facts_starts_in(d, i, MONTH_STARTS))
        return 0;
    bool lower = !sl_facts_upper(d, i);
    if (lower && !beside_a_day(d, i))
        return 0;
    int k = sl_facts_in(d, i, months);
    if (k < 0)
        k = sl_facts_in(d, i, month_abbr);
    if (k < 0)
        k = sl_facts_in(d, i, month_abbr2);
    if (lower && (k == 2 || k == 4))
        return 0;
    /* "May" alone is too often the verb; it counts only before or after a
     * day number ("May 5", "on 5 May") */
    if (k == 4 && !(i + 1 < d->toks.n && (d->toks.items[i + 1].flags & SL_TOK_NUMBER)) &&
        !(i > 0 && d->sent_of[i - 1] == d->sent_of[i] && number_value(d, i - 1, 1, 31)))
        return 0;
    return k < 0 ? 0 : k + 1;
}

static void emit(sl_facts_doc *d, size_t first, size_t last, const char *iso, const char *kind)
{
    sl_fact_item *it = sl_facts_add(d, SL_FACT_DATE, d->toks.items[first].start,
                                    d->toks.items[last].end);
    if (!it)
        return;
    it->about = iso[0] ? sl_facts_strdup(d, iso, strlen(iso)) : NULL;
    it->detail = sl_facts_strdup(d, kind, strlen(kind));
}

/* The year a month/day without one most likely means: the publication's,
 * or the year before when that would put the date well after publication. */
static int guess_year(const sl_facts_doc *d, int m, int day)
{
    if (d->pub_day == SL_NO_DAY)
        return 0;
    int y, pm, pd;
    sl_civil_from_days(d->pub_day, &y, &pm, &pd);
    if (sl_days_from_civil(y, m, day ? day : 1) > d->pub_day + 31)
        y--;
    return y;
}

/* Two digits of v (0-99) at out. */
static char *put_two(char *out, int v)
{
    out[0] = (char)('0' + v / 10);
    out[1] = (char)('0' + v % 10);
    return out + 2;
}

/* A date in ISO form into iso (32 bytes): the year (0: none, "XXXX"), then
 * the month and the day unless 0; snprintf's "%04d-%02d-%02d" without its
 * call (1,345 instructions each, 1,412 dates in the first 1,000 Reuters
 * stories), snprintf itself for a year past four digits. */
static void iso_date(char *iso, int year, int m, int day)
{
    if (year < 0 || year > 9999 || m < 0 || m > 99 || day < 0 || day > 99) {
        snprintf(iso, 32, day ? "%04d-%02d-%02d" : m ? "%04d-%02d" : "%04d", year, m, day);
        return;
    }
    char *p = iso + 4;
    if (year)
        put_two(put_two(iso, year / 100), year % 100);
    else
        memcpy(iso, "XXXX", 4);
    if (m)
        *p++ = '-', p = put_two(p, m);
    if (day)
        *p++ = '-', p = put_two(p, day);
    *p = '\0';
}

/* An absolute date starting at token i; returns its last token or NONE. */
static size_t absolute_at(sl_facts_doc *d, size_t i)
{
    char iso[32];
    int m = sl_facts_month(d, i), day, year;
    if (m) {
        size_t start = i;
        if (sl_facts_is(d, i + 1, ".") && d->toks.items[i + 1].start == d->toks.items[i].end)
            i++; /* "Aug." */
        size_t last = i;
        day = number_value(d, i + 1, 1, 31);
        if (day) {
            last = i + 1;
            size_t j = sl_facts_is(d, i + 2, ",") ? i + 3 : i + 2;
            if ((year = number_value(d, j, 1800, 2100)))
                last = j;
            else
                year = guess_year(d, m, day);
        } else if ((year = number_value(d, i + 1, 1800, 2100))) {
            last = i + 1;
        } else {
            return NONE; /* a bare month name: not a date */
        }
        iso_date(iso, year, m, day);
        emit(d, start, last, iso, "absolute");
        return last;
    }
    if ((day = number_value(d, i, 1, 31)) && (m = sl_facts_month(d, i + 1))) {
        size_t last = i + 1;
        if ((year = number_value(d, i + 2, 1800, 2100)))
            last = i + 2;
        else
            year = guess_year(d, m, day);
        iso_date(iso, year, m, day);
        emit(d, i, last, iso, "absolute");
        return last;
    }
    /* a bare year after "in", "since", "by", "of", "until" */
    if ((year = number_value(d, i, 1800, 2100)) && i > 0 &&
        (sl_facts_is(d, i - 1, "in") || sl_facts_is(d, i - 1, "since") ||
         sl_facts_is(d, i - 1, "by") || sl_facts_is(d, i - 1, "until") ||
         sl_facts_is(d, i - 1, "of"))) {
        iso_date(iso, year, 0, 0);
        emit(d, i, i, iso, "absolute");
        return i;
    }
    return NONE;
}

/* Words that put a clause in the future ("will meet", "the upcoming vote"),
 * and those that do before "to" ("is due to", "set to", "expected to"). */
static const char *const future_words[] = {"will", "shall", "won't", "scheduled", "upcoming",
    NULL};
static const char *const future_before_to[] = {"due", "set", "expected", "going", "plans",
    "plan", "intends", NULL};
/* Words that end a clause: the tense of one clause says nothing of the next
 * ("He said on Monday that talks will resume"). */
static const char *const clause_ends[] = {",", ";", ":", "that", "\"", "\xE2\x80\x9C",
    "\xE2\x80\x9D", "(", ")", "when", "after", "before", "but", "and", NULL};

/* Whether the clause around token i speaks of the future: a future word
 * ("will", "'ll", "is due", "scheduled") between the clause's bounds. */
static bool future_clause(const sl_facts_doc *d, size_t i)
{
    size_t a = i, b = i;
    while (a > 0 && d->sent_of[a - 1] == d->sent_of[i] && sl_facts_in(d, a - 1, clause_ends) < 0)
        a--;
    while (b + 1 < d->toks.n && d->sent_of[b + 1] == d->sent_of[i] &&
           sl_facts_in(d, b + 1, clause_ends) < 0)
        b++;
    for (size_t k = a; k <= b; k++) {
        size_t n;
        const char *w = sl_facts_tok(d, k, &n);
        if (sl_facts_in(d, k, future_words) >= 0 ||
            (sl_facts_in(d, k, future_before_to) >= 0 && sl_facts_is(d, k + 1, "to")) ||
            (n > 3 && !strncmp(w + n - 3, "'ll", 3)) ||
            (n > 5 && !strncmp(w + n - 5, "\xE2\x80\x99ll", 5)))
            return true;
    }
    return false;
}

/* The day a weekday name stands for. News reports what happened, so a
 * weekday is the latest such day up to the publication day; in a clause
 * about the future ("will vote on Tuesday") it is the next one from it.
 * "last" and "next" before the name move it a week when it would be the
 * publication day itself. */
static int64_t weekday_day(const sl_facts_doc *d, size_t i, int wd)
{
    int pub_wd = (int)(((d->pub_day % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
    bool last = i > 0 && sl_facts_is(d, i - 1, "last");
    bool next = i > 0 && sl_facts_is(d, i - 1, "next");
    if (next || (!last && future_clause(d, i))) {
        int ahead = (wd - pub_wd + 7) % 7;
        return d->pub_day + (ahead || !next ? ahead : 7);
    }
    int back = (pub_wd - wd + 7) % 7;
    return d->pub_day - (back || !last ? back : 7);
}

/* A relative date at token i; returns its last token or NONE. */
static size_t relative_at(sl_facts_doc *d, size_t i)
{
    if (!sl_facts_starts_in(d, i, RELATIVE_STARTS))
        return NONE;
    char iso[32] = "";
    int64_t day = SL_NO_DAY;
    size_t last = i;
    int wd = sl_facts_upper(d, i) ? sl_facts_in(d, i, weekdays) : -1;
    if (wd >= 0) {
        if (d->pub_day != SL_NO_DAY)
            day = weekday_day(d, i, wd);
    } else if (sl_facts_is(d, i, "yesterday")) {
        day = d->pub_day == SL_NO_DAY ? SL_NO_DAY : d->pub_day - 1;
    } else if (sl_facts_is(d, i, "today")) {
        day = d->pub_day;
    } else if (sl_facts_is(d, i, "tomorrow")) {
        day = d->pub_day == SL_NO_DAY ? SL_NO_DAY : d->pub_day + 1;
    } else if (sl_facts_is(d, i, "last") && (sl_facts_is(d, i + 1, "week") ||
                                             sl_facts_is(d, i + 1, "month") ||
                                             sl_facts_is(d, i + 1, "year"))) {
        last = i + 1;
        if (d->pub_day != SL_NO_DAY) {
            int y, m, dd;
            sl_civil_from_days(d->pub_day, &y, &m, &dd);
            if (sl_facts_is(d, i + 1, "week"))
                day = d->pub_day - 7;
            else if (sl_facts_is(d, i + 1, "year"))
                snprintf(iso, sizeof iso, "%04d", y - 1);
            else
                snprintf(iso, sizeof iso, "%04d-%02d", m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1);
        }
    } else {
        return NONE;
    }
    if (day != SL_NO_DAY) {
        int y, m, dd;
        sl_civil_from_days(day, &y, &m, &dd);
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, dd);
    }
    emit(d, i, last, iso, "relative");
    return last;
}

/* Whether token i may open a date: a number, or a word whose first letter
 * opens a month's name or a relative date. The others are ruled out before
 * the tests of absolute_at and relative_at, which would all fail. */
static bool may_open_date(const sl_facts_doc *d, size_t i)
{
    return (d->toks.items[i].flags & SL_TOK_NUMBER) ||
           sl_facts_starts_in(d, i, MONTH_STARTS | RELATIVE_STARTS);
}

void sl_facts_dates(sl_facts_doc *d)
{
    for (size_t i = 0; i < d->toks.n && !d->err; i++) {
        if (!may_open_date(d, i))
            continue;
        size_t last = absolute_at(d, i);
        if (last == NONE)
            last = relative_at(d, i);
        if (last != NONE)
            i = last;
    }
}
