/* dates.c — the dates pages and feeds write, into ISO-8601: "2031-02-14",
 * "2031/02/14", "Feb 14, 2031", "14 February 2031", "Fri, 14 Feb 2031
 * 07:30:00 +0000" (RFC 822), "14/02/2031 07:30", "Thu, 02/13/2031 - 11:38".
 * Numeric day/month order is decided by a value over 12, else by the
 * caller's hint (month first for US English). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/ingest.h"

/* Only a date's neighbourhood is read: a longer text is not a date. */
#define DATE_TEXT_MAX 120

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};

static int month_of(const char *word, size_t n)
{
    if (n < 3)
        return 0;
    for (int i = 0; i < 12; i++)
        if (!strncasecmp(word, months[i], 3))
            return i + 1;
    return 0;
}

static int valid(int y, int m, int d) { return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31; }

/* What the scan finds: numbers (up to 4), a month name, a time. */
typedef struct parts {
    int num[4], n_num, month, hh, mm, ss, has_time;
    char zone[8];
} parts;

static void scan(const char *s, size_t n, parts *p)
{
    memset(p, 0, sizeof *p);
    for (size_t i = 0; i < n;) {
        if (isdigit((unsigned char)s[i])) {
            size_t j = i;
            long v = 0;
            while (j < n && isdigit((unsigned char)s[j]) && j - i < 6)
                v = v * 10 + (s[j++] - '0');
            if (j < n && s[j] == ':' && !p->has_time && j + 2 < n && isdigit((unsigned char)s[j + 1])) {
                p->has_time = 1;
                p->hh = (int)v;
                p->mm = atoi(s + j + 1);
                j += 2;
                while (j < n && isdigit((unsigned char)s[j]))
                    j++;
                if (j + 1 < n && s[j] == ':' && isdigit((unsigned char)s[j + 1])) {
                    p->ss = atoi(s + j + 1);
                    j++;
                    while (j < n && isdigit((unsigned char)s[j]))
                        j++;
                }
            } else if (p->n_num < 4) {
                p->num[p->n_num++] = (int)v;
            }
            i = j;
        } else if (isalpha((unsigned char)s[i])) {
            size_t j = i;
            while (j < n && isalpha((unsigned char)s[j]))
                j++;
            if (!p->month)
                p->month = month_of(s + i, j - i);
            if (p->has_time && (j - i == 3) && (!strncasecmp(s + i, "GMT", 3) || !strncasecmp(s + i, "UTC", 3)))
                strcpy(p->zone, "Z");
            i = j;
        } else if ((s[i] == '+' || s[i] == '-') && p->has_time && i + 4 < n && isdigit((unsigned char)s[i + 1]) &&
                   !*p->zone) {
            snprintf(p->zone, sizeof p->zone, "%c%c%c:%c%c", s[i], s[i + 1], s[i + 2],
                     s[i + 3] == ':' ? s[i + 4] : s[i + 3], s[i + 3] == ':' && i + 5 < n ? s[i + 5] : s[i + 4]);
            i += 5;
        } else {
            i++;
        }
    }
}

int sl_date_to_iso(const char *s, int month_first, char out[SL_ISO_DATE_SIZE])
{
    size_t n = strnlen(s, DATE_TEXT_MAX + 1);
    if (n > DATE_TEXT_MAX)
        return 0;
    while (n && isspace((unsigned char)*s))
        s++, n--;
    int y = 0, m = 0, d = 0;
    /* ISO already (with its time and zone): kept as written. */
    if (n >= 10 && isdigit((unsigned char)s[0]) && s[4] == '-' && s[7] == '-' &&
        valid(atoi(s), atoi(s + 5), atoi(s + 8))) {
        size_t k = strcspn(s, " \t\r\n");
        snprintf(out, SL_ISO_DATE_SIZE, "%.*s", (int)(k < SL_ISO_DATE_SIZE - 1 ? k : SL_ISO_DATE_SIZE - 1), s);
        return 1;
    }
    parts p;
    scan(s, n, &p);
    if (p.month) {   /* "Feb 14, 2031", "14 February 2031" */
        for (int i = 0; i < p.n_num; i++) {
            if (p.num[i] >= 1900 && !y)
                y = p.num[i];
            else if (p.num[i] >= 1 && p.num[i] <= 31 && !d)
                d = p.num[i];
        }
        m = p.month;
    } else if (p.n_num >= 3 && p.num[0] >= 1900) {   /* 2031/02/14 */
        y = p.num[0], m = p.num[1], d = p.num[2];
    } else if (p.n_num >= 3 && p.num[2] >= 1900) {   /* 14/02/2031 or 02/14/2031 */
        y = p.num[2];
        int a = p.num[0], b = p.num[1];
        int mf = a > 12 ? 0 : b > 12 ? 1 : month_first;
        m = mf ? a : b;
        d = mf ? b : a;
    }
    if (!valid(y, m, d))
        return 0;
    if (p.has_time && p.hh < 24 && p.mm < 60 && p.ss < 60)
        snprintf(out, SL_ISO_DATE_SIZE, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, m, d, p.hh, p.mm, p.ss, p.zone);
    else
        snprintf(out, SL_ISO_DATE_SIZE, "%04d-%02d-%02d", y, m, d);
    return 1;
}
