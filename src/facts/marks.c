/* marks.c — the quoted stretches of a text for quotes.c: text between
 * quotation marks (src/text/quote_marks.c: straight, curly or archive ('')
 * double marks, `` … '', or single marks in British style), paragraph by paragraph
 * (a quote running on into the next paragraph is marked so), and block
 * quotes set apart after a colon. */
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"
#include "text/swar.h"
#include "text/text.h"

static bool paragraph_break(const char *s, size_t len, size_t i)
{
    return s[i] == '\n' && i + 1 < len && s[i + 1] == '\n';
}

/* The next paragraph after the break at i starts with an opening mark, the
 * same as the one at `open` (a quote goes on with the marks it began with:
 * a straight mark then a curly one are two quotes, as in texts that quote a
 * passage holding quotes of its own). */
static bool next_para_opens(const char *s, size_t len, size_t i, unsigned style, size_t open)
{
    while (i < len && (s[i] == '\n' || s[i] == ' '))
        i++;
    int w, w_open;
    int m = i < len ? sl_quote_mark(s, len, i, style, &w) : 0;
    sl_quote_mark(s, len, open, style, &w_open);
    return (m == 's' || m == 'o') && w == w_open && !memcmp(s + i, s + open, (size_t)w);
}

/* The end of a quote's text before its closing mark at `close`, without the
 * punctuation and spaces that end it there ("…,", "… —", "…--", "……"),
 * but for ? and !. */
uint32_t sl_quote_text_end(const char *s, uint32_t start, uint32_t close)
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

/* Whether some byte of w may start a quotation mark or is a line break:
 * '"', '\'', '`', '\n', or any byte of 0x80 and over (the marks' lead bytes
 * 0xC2 and 0xE2 among them; text/quote_marks.c's QUOTE_LEAD). */
static bool may_stop(uint64_t w)
{
    return (w & SL_SWAR_HIGHS) || sl_swar_has(w, '"') || sl_swar_has(w, '\'') ||
           sl_swar_has(w, '`') || sl_swar_has(w, '\n');
}

/* The first byte at or after i that may start a mark or is a line break,
 * len when none: eight bytes at a time where none of them is (a loop a
 * byte was ~9 M instructions of the first 1,000 Reuters stories,
 * docs/benchmarks.md "Twenty-third round"), then byte by byte. */
static size_t next_stop(const char *s, size_t len, size_t i)
{
    while (i + 8 <= len && !may_stop(sl_swar_load(s + i)))
        i += 8;
    while (i < len && !sl_quote_may_mark(s[i]) && s[i] != '\n')
        i++;
    return i;
}

/* Whether the opening mark at i (w bytes) opens a line while the quote
 * `cur` it repeats is open: a quote running on over paragraphs whose
 * breaks are single line breaks (one sentence a line, as tokenised
 * corpora keep their texts), each opening again without closing. Read so
 * in texts quoting with `` only: for curly marks it cost PolNeAR dev F1 at
 * 0.3 0.948 -> 0.946 (quotes_backticks.py's seed-1 draw showed the case). */
static bool ran_on(const char *s, size_t i, int w, sl_quote_piece cur)
{
    size_t k = i;
    while (k > cur.start && s[k - 1] == ' ')
        k--;
    return k > cur.start && s[k - 1] == '\n' && !memcmp(s + i, s + cur.open, (size_t)w);
}

/* Every quoted stretch, paragraph by paragraph. */
static int find_pieces(const sl_facts_doc *d, unsigned style, sl_quote_piece_vec *out)
{
    const char *s = d->s;
    size_t len = d->len;
    bool open = false, run_on = false;
    sl_quote_piece cur = {0};
    for (size_t i = next_stop(s, len, 0); i < len; i = next_stop(s, len, i)) {
        int w, m = sl_quote_mark_placed(s, len, i, style, open, &w);
        if (paragraph_break(s, len, i)) {
            if (open) {
                open = false;
                if (next_para_opens(s, len, i, style, cur.open)) { /* the quote goes on in the next paragraph */
                    cur.close = cur.after = (uint32_t)i;
                    cur.end = sl_quote_text_end(s, cur.start, cur.close);
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
        if (m == 'o' && open && (style & SL_QUOTES_BACKTICKS) && ran_on(s, i, w, cur)) { /* "`` A .\n`` B . ''" */
            size_t close = i;
            while (close > cur.start && (s[close - 1] == '\n' || s[close - 1] == ' '))
                close--;
            cur.close = cur.after = (uint32_t)close;
            cur.end = sl_quote_text_end(s, cur.start, cur.close);
            if (cur.end > cur.start && sl_vec_push(out, cur))
                return SL_ENOMEM;
            run_on = true;
        }
        if (m == 'o' || (m == 's' && !open)) {
            size_t start = i + (size_t)w; /* "`` We": the text starts at its word */
            while (start < len && s[start] == ' ')
                start++;
            cur = (sl_quote_piece){(uint32_t)i, 0, 0, (uint32_t)start, 0, run_on, false, false};
            run_on = false;
            open = true;
        } else if ((m == 'c' || m == 's') && open) {
            cur.close = (uint32_t)i;
            cur.after = (uint32_t)(i + w);
            cur.end = sl_quote_text_end(s, cur.start, cur.close);
            open = false;
            if (cur.end > cur.start && sl_vec_push(out, cur))
                return SL_ENOMEM;
        }
        i += m ? (size_t)w : 1;
    }
    return 0;
}

/* The first paragraph break at or after b, len when none: from line break
 * to line break (memchr): this and marked_between, as loops a byte over
 * every paragraph, were ~6 M instructions of `facts --text` over the first
 * 1,000 Reuters stories
 * (docs/history/benchmarks-rounds.md, "Twenty-seventh round: the facts stage's
 * instructions"). */
static size_t paragraph_end(const char *s, size_t len, size_t b)
{
    while (b < len) {
        const char *nl = memchr(s + b, '\n', len - b);
        if (!nl)
            return len;
        b = (size_t)(nl - s);
        if (paragraph_break(s, len, b))
            return b;
        b++;
    }
    return len;
}

/* Whether a quotation mark lies in [a, b): asked at the bytes that may
 * start one (next_stop), eight bytes at a time between them. */
static bool marked_between(const sl_facts_doc *d, size_t a, size_t b, unsigned style)
{
    int w;
    for (size_t k = next_stop(d->s, b, a); k < b; k = next_stop(d->s, b, k + 1))
        if (sl_quote_may_mark(d->s[k]) && sl_quote_mark(d->s, d->len, k, style, &w) != 0)
            return true;
    return false;
}

/* Fewest bytes of a block quote (shorter: a list item, a heading). */
#define BLOCK_MIN 40

int sl_quote_wide_dash(const char *s, size_t len, size_t i)
{
    return i + 2 < len && !memcmp(s + i, "\xE2\x80", 2) &&
                   (s[i + 2] == '\x93' || s[i + 2] == '\x94' || s[i + 2] == '\x95')
               ? 3
               : 0;
}

/* Block quotes: a paragraph without quotation marks after one that ends
 * with a colon ("Smith wrote on Twitter:" / the words, set apart). The
 * colon paragraph's attribution is its speaker (quotes.c); one that
 * has none is no quote. And the turns of an interview written with dashes
 * ("— The one in 2014, she says."): a paragraph without marks that
 * opens with a dash and a capital; quotes.c keeps it only with an
 * attribution at its end. Appended after the marked pieces, in text order. */
static int find_blocks(const sl_facts_doc *d, unsigned style, sl_quote_piece_vec *out)
{
    const char *s = d->s;
    size_t n_marked = out->n;
    for (size_t i = 0; i + 2 < d->len; i++) {
        const char *nl = memchr(s + i, '\n', d->len - 2 - i);
        if (!nl)
            break; /* no break left: a paragraph break starts before len - 2 */
        i = (size_t)(nl - s);
        if (!paragraph_break(s, d->len, i))
            continue;
        size_t colon = i;
        while (colon > 0 && (s[colon - 1] == ' ' || s[colon - 1] == '\n'))
            colon--;
        size_t a = i + 2, b = paragraph_end(s, d->len, a);
        bool marked = marked_between(d, a, b, style);
        size_t text = a + (size_t)sl_quote_wide_dash(s, d->len, a);
        while (text > a && text < b && s[text] == ' ')
            text++;
        bool turn = text > a && text < b && s[text] >= 'A' && s[text] <= 'Z';
        bool block = colon > 0 && s[colon - 1] == ':';
        if ((block || turn) && !marked && b - a >= BLOCK_MIN) {
            size_t from = turn ? text : a;
            sl_quote_piece p = {(uint32_t)a, (uint32_t)b, (uint32_t)b, (uint32_t)from,
                                sl_quote_text_end(s, (uint32_t)from, (uint32_t)b), false, !turn, turn};
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
    unsigned style = sl_quote_style(d->s, d->len);
    return find_pieces(d, style, out) || find_blocks(d, style, out) ? SL_ENOMEM : 0;
}
