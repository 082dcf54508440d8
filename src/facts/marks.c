/* marks.c — the quoted stretches of a text for quotes.c: text between
 * straight, curly or archive ('') double marks, or single marks in British
 * style, paragraph by paragraph (a quote running on into the next paragraph
 * is marked so), and block quotes set apart after a colon. */
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"

static bool letter_at(const char *s, size_t len, size_t i)
{
    return i < len && ((unsigned char)s[i] >= 0x80 || (s[i] >= 'a' && s[i] <= 'z') ||
                       (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'));
}

static bool space_before(const char *s, size_t i)
{
    return i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '\t' || s[i - 1] == '(';
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
    if ((s[i] == '\'' || curly_open) && space_before(s, i) && letter_at(s, len, i + *width))
        return 'o';
    if ((s[i] == '\'' || curly_close) && !space_before(s, i) && !letter_at(s, len, i + *width))
        return 'c';
    return 0;
}

/* The quotation mark at i: 's' straight double (or two apostrophes, as
 * news archives write it), 'o' opening, 'c' closing, 0 none. With `singles` (a text quoting in single marks, British style),
 * single marks are the quotation marks and double ones are not. */
static int mark_at(const char *s, size_t len, size_t i, bool singles, int *width)
{
    *width = 1;
    if (singles)
        return single_at(s, len, i, width);
    if (s[i] == '"')
        return 's';
    if (s[i] == '\'' && i + 1 < len && s[i + 1] == '\'') { /* '' (archives of the NYT) */
        *width = 2;
        return 's';
    }
    if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80) {
        *width = 3;
        if ((unsigned char)s[i + 2] == 0x9C)
            return 'o';
        if ((unsigned char)s[i + 2] == 0x9D)
            return 'c';
    }
    return 0;
}

/* Whether byte c may start a quotation mark (mark_at and single_at find
 * none elsewhere): the scans below test it first, as they run over every
 * byte of the text. */
static bool may_mark(char c)
{
    return c == '"' || c == '\'' || (unsigned char)c == 0xE2;
}

/* Whether the text quotes in single marks: more opening single marks than
 * double marks of any kind (a text in double marks has a few nested single
 * ones; one in single marks, few or no double ones). */
static bool quotes_in_singles(const char *s, size_t len)
{
    size_t singles = 0, doubles = 0;
    for (size_t i = 0; i < len; i++) {
        int w;
        if (!may_mark(s[i]))
            continue;
        doubles += mark_at(s, len, i, false, &w) != 0;
        singles += single_at(s, len, i, &w) == 'o';
    }
    return singles > doubles;
}

static bool paragraph_break(const char *s, size_t len, size_t i)
{
    return s[i] == '\n' && i + 1 < len && s[i + 1] == '\n';
}

/* The next paragraph after the break at i starts with an opening mark. */
static bool next_para_opens(const char *s, size_t len, size_t i, bool singles)
{
    while (i < len && (s[i] == '\n' || s[i] == ' '))
        i++;
    int w;
    int m = i < len ? mark_at(s, len, i, singles, &w) : 0;
    return m == 's' || m == 'o';
}

/* The end of a quote's text before its closing mark at `close`, without the
 * punctuation and spaces that end it there ("…,", "… —", "…--", "……"),
 * but for ? and !. */
static uint32_t text_end(const char *s, uint32_t start, uint32_t close)
{
    static const char *const wide[] = {"\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\xA6", NULL};
    for (;;) {
        if (close > start && s[close - 1] && strchr(",.;:- ", s[close - 1])) {
            close--;
            continue;
        }
        int k = 0; /* an em dash, an en dash, an ellipsis */
        while (wide[k] && !(close >= start + 3 && !memcmp(s + close - 3, wide[k], 3)))
            k++;
        if (!wide[k])
            return close;
        close -= 3;
    }
}

static int by_open(const void *a, const void *b)
{
    const sl_quote_piece *x = a, *y = b;
    return x->open < y->open ? -1 : x->open > y->open;
}

/* Every quoted stretch, paragraph by paragraph. */
static int find_pieces(const sl_facts_doc *d, bool singles, sl_quote_piece_vec *out)
{
    const char *s = d->s;
    size_t len = d->len;
    bool open = false, run_on = false;
    sl_quote_piece cur = {0};
    for (size_t i = 0; i < len;) {
        if (!may_mark(s[i]) && s[i] != '\n') {
            i++; /* no mark, no paragraph break */
            continue;
        }
        int w, m = mark_at(s, len, i, singles, &w);
        if (m == 'o' && open && !space_before(s, i) && !letter_at(s, len, i + (size_t)w))
            m = 'c'; /* an opening curly mark typed where a quote closes: "…here,“ said" */
        else if (m == 'c' && !open && space_before(s, i) && letter_at(s, len, i + (size_t)w))
            m = 'o'; /* and a closing one where it opens: "said ”We…" */
        if (paragraph_break(s, len, i)) {
            if (open) {
                open = false;
                if (next_para_opens(s, len, i, singles)) { /* the quote goes on in the next paragraph */
                    cur.close = cur.after = (uint32_t)i;
                    cur.end = text_end(s, cur.start, cur.close);
                    if (cur.end > cur.start && sl_vec_push(out, cur))
                        return SL_ENOMEM;
                    run_on = true;
                }
            } else {
                run_on = false;
            }
            i += 2;
            continue;
        }
        if (m == 'o' || (m == 's' && !open)) {
            cur = (sl_quote_piece){(uint32_t)i, 0, 0, (uint32_t)(i + w), 0, run_on, false};
            run_on = false;
            open = true;
        } else if ((m == 'c' || m == 's') && open) {
            cur.close = (uint32_t)i;
            cur.after = (uint32_t)(i + w);
            cur.end = text_end(s, cur.start, cur.close);
            open = false;
            if (cur.end > cur.start && sl_vec_push(out, cur))
                return SL_ENOMEM;
        }
        i += m ? (size_t)w : 1;
    }
    return 0;
}

/* Fewest bytes of a block quote (shorter: a list item, a heading). */
#define BLOCK_MIN 40

/* Block quotes: a paragraph without quotation marks after one that ends
 * with a colon ("Smith wrote on Twitter:" / the words, set apart). The
 * colon paragraph's attribution is its speaker (quotes.c); one that
 * has none is no quote. Appended after the marked pieces, in text order. */
static int find_blocks(const sl_facts_doc *d, bool singles, sl_quote_piece_vec *out)
{
    const char *s = d->s;
    size_t n_marked = out->n;
    for (size_t i = 0; i + 2 < d->len; i++) {
        if (!paragraph_break(s, d->len, i))
            continue;
        size_t colon = i;
        while (colon > 0 && (s[colon - 1] == ' ' || s[colon - 1] == '\n'))
            colon--;
        size_t a = i + 2, b = a;
        while (b < d->len && !paragraph_break(s, d->len, b))
            b++;
        int w;
        bool marked = false;
        for (size_t k = a; k < b && !marked; k++)
            marked = may_mark(s[k]) && mark_at(s, d->len, k, singles, &w) != 0;
        if (colon > 0 && s[colon - 1] == ':' && !marked && b - a >= BLOCK_MIN) {
            sl_quote_piece p = {(uint32_t)a, (uint32_t)b, (uint32_t)b, (uint32_t)a,
                       text_end(s, (uint32_t)a, (uint32_t)b), false, true};
            if (sl_vec_push(out, p))
                return SL_ENOMEM;
        }
        i = b - 1;
    }
    if (out->n > n_marked)
        qsort(out->items, out->n, sizeof *out->items, by_open);
    return 0;
}

int sl_quote_pieces(const sl_facts_doc *d, sl_quote_piece_vec *out)
{
    bool singles = quotes_in_singles(d->s, d->len);
    return find_pieces(d, singles, out) || find_blocks(d, singles, out) ? SL_ENOMEM : 0;
}
