/* quote_marks.c — quotation marks as news text writes them: straight and
 * curly double marks, the archives' two apostrophes (''), two backticks
 * opening what two apostrophes close (`` … '', as wire archives and
 * tokenised or TeX-set texts write it), German low-high
 * marks („…“: the closing one read by its place), guillemets («…», or
 * »…« read by their place), and single marks in British style. Read by the facts
 * stage's quotes (src/facts/marks.c) and by the copy sketcher, which leaves
 * quoted words out (src/copies/sketch.c). */
#include <stdbool.h>

#include "text/text.h"
#include "util/byte_table.h"

#define QUOTE_LEAD(c) ((c) == '"' || (c) == '\'' || (c) == '`' || (c) == 0xE2 || (c) == 0xC2)
const bool sl_quote_mark_leads[256] = SL_BYTE_TABLE(QUOTE_LEAD);

static bool letter_at(const char *s, size_t len, size_t i)
{
    return i < len && ((unsigned char)s[i] >= 0x80 || (s[i] >= 'a' && s[i] <= 'z') ||
                       (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'));
}

/* A space, a line break, a no-break space (C2 A0) or a bracket before i. */
static bool space_before(const char *s, size_t i)
{
    return i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '\t' || s[i - 1] == '(' ||
           (i >= 2 && (unsigned char)s[i - 2] == 0xC2 && (unsigned char)s[i - 1] == 0xA0);
}

/* A single quotation mark at i in British style ('...' or ‘...’): 'o' an
 * opening one (after a space, before a letter), 'c' a closing one (after
 * no space, before no letter: not the apostrophe of "don't"), else 0. */
static int single_at(const char *s, size_t len, size_t i, int *width)
{
    bool curly_open = i + 2 < len && (unsigned char)s[i] == 0xE2 &&
                      (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x98;
    bool curly_close = i + 2 < len && (unsigned char)s[i] == 0xE2 &&
                       (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99;
    if (s[i] != '\'' && !curly_open && !curly_close)
        return 0;
    *width = s[i] == '\'' ? 1 : 3;
    bool opens_text = letter_at(s, len, i + *width) ||
                      (i + (size_t)*width < len && (s[i + *width] == '[' || s[i + *width] == '$'));
    if ((s[i] == '\'' || curly_open) && space_before(s, i) && opens_text)
        return 'o'; /* '[He] said…', '$5 a day' open a quote too */
    size_t next = i + (size_t)*width;
    bool plural_possessive = i > 0 && s[i - 1] == 's' && next + 1 < len && s[next] == ' ' &&
                             s[next + 1] >= 'a' && s[next + 1] <= 'z';
    if ((s[i] == '\'' || curly_close) && !space_before(s, i) && !letter_at(s, len, next) &&
        !plural_possessive)
        return 'c';
    return 0;
}

int sl_quote_mark(const char *s, size_t len, size_t i, unsigned style, int *width)
{
    *width = 1;
    if (style & SL_QUOTES_SINGLES)
        return single_at(s, len, i, width);
    if (s[i] == '"')
        return 's';
    if (i + 1 < len && s[i] == '\'' && s[i + 1] == '\'') { /* '' (archives of the NYT) */
        *width = 2; /* in a text opening its quotes with ``, '' only closes one */
        return style & SL_QUOTES_BACKTICKS ? 'c' : 's';
    }
    if (i + 1 < len && s[i] == '`' && s[i + 1] == '`') {
        *width = 2;
        return 'o';
    }
    if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80) {
        *width = 3;
        if ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9E)
            return 'o'; /* “ and the low „ of German and Central European texts */
        if ((unsigned char)s[i + 2] == 0x9D)
            return 'c';
    }
    if (i + 1 < len && (unsigned char)s[i] == 0xC2) { /* guillemets: « opens, » closes */
        *width = 2;
        if ((unsigned char)s[i + 1] == 0xAB)
            return 'o';
        if ((unsigned char)s[i + 1] == 0xBB)
            return 'c';
    }
    return 0;
}

int sl_quote_mark_placed(const char *s, size_t len, size_t i, unsigned style, bool open, int *width)
{
    int m = sl_quote_mark(s, len, i, style, width);
    if (m == 'o' && open && !space_before(s, i) && !letter_at(s, len, i + (size_t)*width))
        return 'c'; /* an opening curly mark typed where a quote closes: "…here,“ said" */
    if (m == 'c' && !open && s[i] != '\'' && space_before(s, i) && letter_at(s, len, i + (size_t)*width))
        return 'o'; /* and a closing one where it opens: "said ”We…" (not the '' of `` … '') */
    return m;
}

unsigned sl_quote_style(const char *s, size_t len)
{
    size_t singles = 0, closed = 0, doubles = 0, backticks = 0, twos = 0;
    for (size_t i = 0; i < len; i++) {
        int w;
        if (!sl_quote_may_mark(s[i]))
            continue;
        doubles += sl_quote_mark(s, len, i, 0, &w) != 0;
        int single = single_at(s, len, i, &w);
        singles += single == 'o';
        closed += single == 'c' && !(s[i] == '\'' && ((i > 0 && s[i - 1] == '\'') ||
                                                      (i + 1 < len && s[i + 1] == '\'')));
        if (i + 1 < len && s[i + 1] == s[i]) {
            backticks += s[i] == '`';
            twos += s[i] == '\'';
        }
    }
    /* a text opening its quotes with `` is in double marks, however many
     * " 's" its tokens have (each an opening single mark by its place, and
     * none closed: a tokenised text sets a space before every mark), but
     * for a stray `` in an archive text writing its quotes '' … '' (one
     * with more '' than two a `` and one more: each `` closed by one '', a
     * title in '' … '' beside them), whose '' keep opening and closing, and
     * for a text in British single marks with a `` … '' in it, its closed
     * single marks outnumbering its double ones */
    if (backticks && twos <= 2 * backticks + 1 && (singles < closed ? singles : closed) <= doubles)
        return SL_QUOTES_BACKTICKS;
    return singles > doubles ? SL_QUOTES_SINGLES : 0;
}
