/* sentences.c — splits normalised text into sentences, the unit that quotes,
 * facts and summaries point at. Rule-based, tuned for news English; the rules
 * and their reasons are in docs/text.md ("Sentences"). */
#include <string.h>
#include <utf8proc.h>

#include "text/swar.h"
#include "text/text.h"
#include "util/count.h"
#include "util/sorted_words.h"

/* How far back we look for the word before a dot: longer than any entry
 * in the lists below, and it keeps the splitter linear on junk input. */
#define WORD_BACK_MAX 16

/* Titles are always followed by a name, so a dot after one never ends a
 * sentence. Case matters: "Dr." is a title, "dr." is not. */
static const char *const titles[] = {
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cdr", "Cllr", "Cmdr", "Col", "Cpl", "Det", "Dr",
    "Drs", "Fr", "Gen", "Gens", "Gov", "Govs", "Hon", "Hr", "Insp", "Lt", "Maj", "Messrs",
    "Mlle", "Mme", "Mmes", "Mr", "Mrs", "Ms", "Msgr", "Pres", "Prof", "Pvt", "Rep", "Reps",
    "Rev", "Sen", "Sens", "Sgt", "Supt",
};

/* Other abbreviations often end a sentence too ("... Acme Inc."), so a dot
 * after one ends the sentence only before a common sentence starter, never
 * before a digit ("No. 5", "Jan. 12"). */
static const char *const abbreviations[] = {
    "Ala", "Apr", "Ariz", "Ark", "Art", "Assn", "Aug", "Ave", "Bldg", "Blvd", "Bros", "Calif",
    "Co", "Colo", "Conn", "Corp", "Dec", "Dept", "Est", "Feb", "Fig", "Figs", "Fla", "Fri",
    "Ft", "Ga", "Inc", "Jan", "Jr", "Jul", "Jun", "Kan", "Ky", "Ltd", "Mar", "Md", "Mich",
    "Minn", "Mon", "Mt", "Neb", "Nev", "No", "Nos", "Nov", "Oct", "Okla", "Op", "Rd", "Sat",
    "Sep", "Sept", "Sq", "Sr", "St", "Ste", "Tenn", "Tex", "Thu", "Thur", "Thurs", "Tue",
    "Tues", "Univ", "Va", "Vol", "Vols", "Vt", "Wed", "Wis", "Wyo", "al", "approx", "c", "ca",
    "cf", "ch", "est", "etc", "fig", "incl", "p", "pp", "v", "vol", "vs",
};

/* Currency signs written with a dot ("Rs. 1,200 crore", "Kshs. 500"): a
 * dot after one ends no sentence before a digit, and ends it before
 * anything else, as after any other word ("... paid 500 Rs. Modi said"). */
static const char *const currency_signs[] = {"Kshs", "Rs"};

/* Capitalised words that start sentences far more often than they start
 * names. After an abbreviation, an initial or a dotted acronym ("U.S.") a
 * capitalised word is ambiguous: "U.S. officials" vs "... in the U.S. The
 * talks"; we split only before one of these. */
static const char *const starters[] = {
    "A", "About", "According", "Across", "After", "Again", "Against", "All", "Also", "Although",
    "Among", "An", "And", "Another", "Any", "Around", "As", "At", "Because", "Before", "Both",
    "But", "By", "Despite", "During", "Each", "Earlier", "Either", "Even", "Every", "For",
    "From", "Further", "Given", "He", "Her", "Here", "His", "How", "However", "I", "If", "In",
    "Instead", "It", "Its", "Last", "Later", "Like", "Many", "Meanwhile", "More", "Moreover",
    "Most", "Much", "My", "Neither", "Nevertheless", "Next", "No", "Nor", "Not", "Now", "Of",
    "On", "Once", "One", "Only", "Or", "Other", "Others", "Our", "Over", "Several", "She",
    "Since", "So", "Some", "Still", "Such", "That", "The", "Their", "Then", "There", "These",
    "They", "This", "Those", "Though", "Thus", "To", "Today", "Under", "Unlike", "Until", "We",
    "What", "When", "Where", "Whether", "Which", "While", "Who", "Why", "With", "Within",
    "Without", "Yesterday", "Yet", "You", "Your",
};

/* A string literal with its length. */
typedef struct lit {
    const char *s;
    size_t n;
} lit;
#define LIT(s) {s, sizeof(s) - 1}

/* After "a.m." and "p.m." a capitalised word starts a new sentence ("by 7
 * a.m. Police said") unless it says when: a day, a month, a time zone. */
static const char *const clock_followers[] = {
    "Apr", "April", "Aug", "August", "BST", "CDT", "CEST", "CET", "CST", "Central", "Dec",
    "December", "EDT", "EST", "ET", "Eastern", "Feb", "February", "Fri", "Friday", "GMT", "Jan",
    "January", "Jul", "July", "Jun", "June", "MDT", "MST", "MT", "Mar", "March", "May", "Mon",
    "Monday", "Mountain", "Nov", "November", "Oct", "October", "PDT", "PST", "PT", "Pacific",
    "Sat", "Saturday", "Sep", "Sept", "September", "Sun", "Sunday", "Thu", "Thur", "Thurs",
    "Thursday", "Tue", "Tues", "Tuesday", "UTC", "Wed", "Wednesday",
};

/* Sentence-final punctuation (incl. the ellipsis and the CJK/full-width
 * marks), and what may close a sentence after it: quotes and brackets. */
static const lit terminators[] = {
    LIT("."), LIT("!"), LIT("?"),
    LIT("\xE2\x80\xA6"),                                       /* … */
    LIT("\xE3\x80\x82"), LIT("\xEF\xBC\x81"), LIT("\xEF\xBC\x9F"), /* 。！？ */
};
static const lit closers[] = {
    LIT("\""), LIT("'"), LIT(")"), LIT("]"), LIT("}"),
    LIT("\xE2\x80\x99"), LIT("\xE2\x80\x9D"), /* ’ ” */
    LIT("\xC2\xBB"), LIT("\xE2\x80\xBA"),     /* » › */
};
static const lit openers[] = {
    LIT("\""), LIT("'"), LIT("("), LIT("["),
    LIT("\xE2\x80\x98"), LIT("\xE2\x80\x9C"), LIT("\xE2\x80\x9E"), /* ‘ “ „ */
    LIT("\xC2\xAB"), LIT("\xE2\x80\xB9"),                     /* « ‹ */
};
/* A line ending in one of these (or , ; ( - & /) goes on on the next line. */
static const lit dashes[] = {LIT("\xE2\x80\x93"), LIT("\xE2\x80\x94")}; /* – — */

typedef struct splitter {
    const char *s;
    size_t len;
    size_t start; /* where the current sentence began */
    sl_span_vec *out;
    int rc;
} splitter;

/* A list is in byte order, so a word whose first byte is outside the first
 * bytes of its first and last entries is not in it, without a search: a
 * word in small letters is no title (the searches were 0.7% of dedup's
 * instructions: docs/history/benchmarks-rounds.md, "Twenty-seventh round: dedup"). */
static bool in_list(const char *const *list, size_t n, const char *w, size_t len)
{
    unsigned char first = len ? (unsigned char)w[0] : 0;
    if (!len || first < (unsigned char)list[0][0] || first > (unsigned char)list[n - 1][0])
        return false;
    return sl_sorted_words_find(list, n, w, len) >= 0;
}

static bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

/* No entry of the lists above starts or ends with an ASCII letter or digit,
 * which most bytes tested are: those are turned away at once. */
static bool never_in_lists(char c) { return sl_ascii_letter(c) || ascii_digit(c); }

/* Length of the list entry starting at s[i], 0 when none does. */
static size_t match_at(const lit *list, size_t n, const char *s, size_t len, size_t i)
{
    if (i >= len || never_in_lists(s[i]))
        return 0;
    for (size_t k = 0; k < n; k++) {
        size_t m = list[k].n;
        if (m <= len - i && s[i] == list[k].s[0] && !memcmp(s + i, list[k].s, m))
            return m;
    }
    return 0;
}

/* Length of the list entry ending at s[i] (not reaching before lo), or 0. */
static size_t match_before(const lit *list, size_t n, const char *s, size_t lo, size_t i)
{
    if (i <= lo || never_in_lists(s[i - 1]))
        return 0;
    for (size_t k = 0; k < n; k++) {
        size_t m = list[k].n;
        if (m <= i - lo && s[i - 1] == list[k].s[m - 1] && !memcmp(s + i - m, list[k].s, m))
            return m;
    }
    return 0;
}

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static bool lower_at(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return false;
    if ((unsigned char)s[i] < 0x80)
        return s[i] >= 'a' && s[i] <= 'z';
    return utf8proc_category(sl_utf8_next(s, len, &i)) == UTF8PROC_CATEGORY_LL;
}

/* Ends the current sentence at `end`, trimmed; empty sentences vanish. */
static void emit(splitter *sp, size_t end, size_t next_start)
{
    size_t start = sp->start;
    while (start < end && blank(sp->s[start]))
        start++;
    while (end > start && blank(sp->s[end - 1]))
        end--;
    if (end > start && !sp->rc) {
        sl_span span = {(uint32_t)start, (uint32_t)end};
        if (sl_vec_push(sp->out, span))
            sp->rc = SL_ENOMEM;
    }
    sp->start = next_start;
}

/* True when the ASCII word at s[i] (after any opening quotes or brackets)
 * is in `list`. */
static bool word_in(const char *const *list, size_t n, const char *s, size_t len, size_t i)
{
    size_t m;
    while (i < len && (m = match_at(openers, SL_COUNT(openers), s, len, i)))
        i += m;
    size_t end = i;
    while (end < len && sl_ascii_letter(s[end]))
        end++;
    if (end < len && (unsigned char)s[end] >= 0x80)
        return false; /* the word goes on with a letter we do not know */
    return end > i && in_list(list, n, s + i, end - i);
}

static bool starter_at(const char *s, size_t len, size_t i)
{
    return word_in(starters, SL_COUNT(starters), s, len, i);
}

/* "a.m" or "p.m" (the word before the final dot), any case. */
static bool clock_word(const char *w, size_t n)
{
    return n == 3 && ((w[0] | 0x20) == 'a' || (w[0] | 0x20) == 'p') && w[1] == '.' &&
           (w[2] | 0x20) == 'm';
}

bool sl_sentences_title(const char *w, size_t n)
{
    return in_list(titles, SL_COUNT(titles), w, n);
}

/* Whether the dot at s[dot] follows a title and one space ("Dr ."): a
 * tokenised text's title, which ends no sentence either. */
static bool spaced_title(const splitter *sp, size_t dot)
{
    const char *s = sp->s;
    if (dot < sp->start + 2 || s[dot - 1] != ' ')
        return false;
    size_t end = dot - 1, w = end;
    while (w > sp->start && end - w < WORD_BACK_MAX && sl_ascii_letter(s[w - 1]))
        w--;
    bool whole = w == sp->start || s[w - 1] == ' ' || s[w - 1] == '\n';
    return whole && end > w && in_list(titles, SL_COUNT(titles), s + w, end - w);
}

/* Whether a single '.' at s[dot] after the word before it ends the sentence
 * whose next word starts at s[next]. */
static bool dot_ends_sentence(const splitter *sp, size_t dot, size_t next)
{
    const char *s = sp->s;
    size_t lo = dot - sp->start > WORD_BACK_MAX ? dot - WORD_BACK_MAX : sp->start;
    size_t w = dot;
    while (w > lo && (sl_ascii_letter(s[w - 1]) || s[w - 1] == '.'))
        w--;
    while (w < dot && s[w] == '.')
        w++;
    /* only a whole word counts: not "5B." nor the tail of "Müller." */
    bool whole = w == sp->start || !(sl_ascii_letter(s[w - 1]) || ascii_digit(s[w - 1]) ||
                                    (unsigned char)s[w - 1] >= 0x80 || s[w - 1] == '.');
    size_t n = dot - w;
    if (!n && spaced_title(sp, dot))
        return false; /* "Dr . Benjamin", as tokenised corpora write "Dr. Benjamin" */
    if (!n || !whole)
        return true;
    if (clock_word(s + w, n))
        return !ascii_digit(s[next]) &&
               !word_in(clock_followers, SL_COUNT(clock_followers), s, sp->len, next);
    if (memchr(s + w, '.', n) || (n == 1 && s[w] >= 'A' && s[w] <= 'Z'))
        return starter_at(s, sp->len, next); /* dotted acronym or initial */
    if (in_list(titles, SL_COUNT(titles), s + w, n))
        return false;
    if (in_list(abbreviations, SL_COUNT(abbreviations), s + w, n))
        return !ascii_digit(s[next]) && starter_at(s, sp->len, next);
    if (in_list(currency_signs, SL_COUNT(currency_signs), s + w, n))
        return !ascii_digit(s[next]);
    return true;
}

/* Whether the terminators s[t0, t) end the sentence, the next one starting
 * at s[next]. At a line break a lower-case next line still splits (the
 * line before ended with sentence punctuation), except after an
 * abbreviation, initial or acronym that would not split mid-line. */
static bool ends_sentence(const splitter *sp, size_t t0, size_t t, size_t next, bool at_newline)
{
    const char *s = sp->s;
    if (next >= sp->len)
        return true;
    if (!at_newline && (lower_at(s, sp->len, next) || (s[next] && strchr(".,;:!?)]}", s[next]))))
        return false; /* "... and", "e.g. the", ". . ." */
    if (t - t0 == 1 && s[t0] == '.')
        return dot_ends_sentence(sp, t0, next);
    return true;
}

/* Handles the terminator run at s[i]; returns where scanning goes on. */
static size_t after_terminator(splitter *sp, size_t i)
{
    const char *s = sp->s;
    size_t len = sp->len, t = i, n, last = 0;
    while ((n = match_at(terminators, SL_COUNT(terminators), s, len, t))) {
        last = n;
        t += n;
    }
    size_t c = t;
    while ((n = match_at(closers, SL_COUNT(closers), s, len, c)))
        c += n;
    if (c >= len || s[c] == '\n')
        return c;
    if (s[c] != ' ' && s[c] != '\t') {
        if (last == 3 && (unsigned char)s[t - 3] != 0xE2) /* CJK marks need no space */
            emit(sp, c, c);
        return c;
    }
    size_t next = c;
    while (next < len && (s[next] == ' ' || s[next] == '\t'))
        next++;
    if (next < len && s[next] != '\n' && ends_sentence(sp, i, t, next, false))
        emit(sp, c, next);
    return next;
}

/* The length of the line starting at s[i], trailing blanks left out. */
static size_t line_length_at(const char *s, size_t len, size_t i)
{
    const char *nl = memchr(s + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - s) : len;
    while (e > i && blank(s[e - 1]))
        e--;
    return e - i;
}

/* Whether a sentence starter stands at s[i] as a word of its own, a
 * space after it ("In the", not the name "In-yong"). */
static bool starter_word_at(const char *s, size_t len, size_t i)
{
    if (!starter_at(s, len, i))
        return false;
    while (i < len && !sl_ascii_letter(s[i]))
        i++;
    while (i < len && sl_ascii_letter(s[i]))
        i++;
    return i < len && s[i] == ' ';
}

/* Whether the text's short first line s[0, e), without final punctuation,
 * is the first line of a wrapped paragraph, the next starting at s[next]:
 * a wire story's dateline ("WASHINGTON, March 2 - ") taken out leaves its
 * first line short, and the next line, unindented and as long as wrapped
 * prose, goes on with the sentence ("World Bank said it has loaned" /
 * "Portugal 50 mln dlrs ..."). A line in capitals is a headline; a table's
 * rows are short or indented; a plain-text article's headline or byline
 * comes before a sentence's first word ("The", "A": starters); a line
 * ending in ':' introduces what follows. The next line must itself be a
 * wrapped line, under SL_WRAPPED_LINE_MAX and with its sentence going on
 * past its end: a text written a paragraph or a sentence to a line (a
 * headline, then "Police said on Monday that ...") keeps its headline apart
 * (docs/eval.md, "Thirtieth round: the lead read whole"). */
static bool first_line_wraps(const char *s, size_t len, size_t e, size_t eol, size_t next)
{
    size_t next_len = line_length_at(s, len, next);
    if (next != eol + 1 || next_len < SL_WRAPPED_LINE || next_len >= SL_WRAPPED_LINE_MAX ||
        strchr(".!?\"'", s[next + next_len - 1]) || s[e - 1] == ':' ||
        starter_word_at(s, len, next))
        return false;
    for (size_t i = 0; i < e; i++)
        if (lower_at(s, e, i))
            return true;
    return false;
}

/* Whether the single line break at s[eol] ends the sentence; the next line
 * starts at s[next]. */
static bool line_ends_sentence(const splitter *sp, size_t eol, size_t next)
{
    const char *s = sp->s;
    size_t e = eol, n;
    while (e > sp->start && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    if (e == sp->start)
        return false;
    size_t t = e;
    while ((n = match_before(closers, SL_COUNT(closers), s, sp->start, t)))
        t -= n;
    size_t t0 = t;
    while ((n = match_before(terminators, SL_COUNT(terminators), s, sp->start, t0)))
        t0 -= n;
    if (t0 < t)
        return ends_sentence(sp, t0, t, next, true);
    /* no final punctuation: a headline or a table row, unless the line
     * plainly goes on, or is as long as the lines of hard-wrapped prose
     * (wire copy wraps at 60-80 columns, and the next line may well start
     * with a name) */
    bool goes_on = s[e - 1] && strchr(",;(-&/", s[e - 1]);
    if (goes_on || match_before(dashes, SL_COUNT(dashes), s, sp->start, e))
        return false;
    const char *newline = memrchr(s + sp->start, '\n', e - sp->start);
    size_t line = newline ? (size_t)(newline - s) + 1 : sp->start;
    if (e - line >= SL_WRAPPED_LINE || (line == 0 && first_line_wraps(s, sp->len, e, eol, next)))
        return false;
    return !lower_at(s, sp->len, next);
}

bool sl_sentences_first_line_wraps(const char *s, size_t len)
{
    const char *newline = memchr(s, '\n', len);
    if (!newline)
        return false;
    size_t eol = (size_t)(newline - s), e = eol;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    return e > 0 && !strchr(".!?\"'", s[e - 1]) && first_line_wraps(s, len, e, eol, eol + 1);
}

/* Handles the line break at s[i]; returns where the next line starts. */
static size_t line_break(splitter *sp, size_t i)
{
    size_t j = i, newlines = 0;
    while (j < sp->len && blank(sp->s[j]))
        newlines += sp->s[j++] == '\n';
    if (newlines >= 2 || j >= sp->len || line_ends_sentence(sp, i, j))
        emit(sp, i, j);
    return j;
}

/* Whether byte c may start a line break or a terminator (the lead byte of
 * the multi-byte ones is 0xE2 or above); the scan skips the rest in a
 * tight loop, where a letter (between '?' and 0xE2) costs two compares. */
static inline bool may_end(unsigned char c)
{
    return c >= 0xE2 || (c <= '?' && (c == '\n' || c == '.' || c == '!' || c == '?'));
}

/* Whether one of the eight bytes of w may end a sentence (may_end). */
static inline bool may_end8(uint64_t w)
{
    return sl_swar_has(w, '\n') || sl_swar_has(w, '.') || sl_swar_has(w, '!') ||
           sl_swar_has(w, '?') || sl_swar_at_least(w, 0xE2);
}

/* How many of the sixteen bytes at s come before the first that may end
 * a sentence (may_end; 16: none may): the five tests of may_end8 over
 * twice the bytes in fewer instructions (the eight-byte test was 1.2% of
 * dedup's instructions, docs/history/benchmarks-rounds.md, "Twenty-third round"). */
static inline size_t not_ending16(const char *s)
{
    sl_bytes16 b, end;
    sl_bytes16_load(&b, s);
    end = (sl_bytes16)((b == '\n') | (b == '.') | (b == '!') | (b == '?') | (b >= 0xE2));
    return sl_bytes16_first(&end);
}

/* The first byte from s[i] on that may end a sentence, or len: sixteen
 * bytes at a time up to the first that may end one (docs/history/benchmarks-rounds.md,
 * "Twenty-fourth round"), then eight bytes at a time over the words
 * between (most of a text), then one. A block is skipped only when none
 * of its bytes may end one, so the byte found is the first whatever the
 * block sizes. */
static size_t next_may_end(const char *s, size_t len, size_t i)
{
    while (len - i >= 16) {
        size_t skip = not_ending16(s + i);
        i += skip;
        if (skip < 16)
            return i;
    }
    while (len - i >= 8 && !may_end8(sl_swar_load(s + i)))
        i += 8;
    while (i < len && !may_end((unsigned char)s[i]))
        i++;
    return i;
}

/* Clears `out`, then fills it. */
int sl_sentences_split(const char *text, size_t len, sl_span_vec *out)
{
    out->n = 0;
    if (len > UINT32_MAX)
        return SL_ETOOLARGE;
    splitter sp = {text, len, 0, out, 0};
    size_t i = 0;
    while (i < len && !sp.rc) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n')
            i = line_break(&sp, i);
        else if (may_end(c) && match_at(terminators, SL_COUNT(terminators), text, len, i))
            i = after_terminator(&sp, i);
        else
            i = next_may_end(text, len, i + 1);
    }
    emit(&sp, len, len);
    return sp.rc;
}
