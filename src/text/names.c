/* names.c — the one finder of capitalised names, shared by every stage that
 * reads names (story features, story labels, the facts' entities): runs of
 * capitalised words within a sentence, each with its folded form, a key that
 * unifies case variants and common aliases ("U.S." / "US" / "United
 * States"), and the earlier name it shortens ("Blinken" after "Antony
 * Blinken"). What a name is (person, place...) is the facts stage's work. */
#include <string.h>
#include <strings.h>

#include "text/text.h"
#include "util/byte_table.h"
#include "util/hash.h"

/* How far back a short form looks for the full name it ends (names, not
 * bytes): as many as the facts stage remembers per article. */
#define REFER_WINDOW 256

/* Lower-case words that join capitalised ones into one name ("Bank of
 * England", "Abu Bakr al Baghdadi", "Ludwig van Beethoven", "Estadio do
 * Mar", "Leonardo da Vinci", "Palais des Nations", "Ahmad ibn Hanbal",
 * "Piero della Francesca"); "of the" joins one word to a name ("Sons of the Delta"). */
static const char *const connectors[] = {"of", "for", "de", "al", "bin", "ibn", "bint", "van",
    "von", "do", "da", "dos", "das", "del", "della", "di", "du", "des", NULL};

/* Lower-case words after a connector that still join ("Jan van der Berg",
 * "Ursula von der Heide", "Fernández de la Vega", "Pieter van den Broek"). */
static const char *const second_connectors[] = {"der", "den", "de", "la", "las", "los", "le",
    NULL};

/* Names that stand for one another: the name shown, then its folded forms. */
static const char *const aliases[][5] = {
    {"United States", "us", "united states", "usa", "united states of america"},
    {"United Kingdom", "uk", "united kingdom", "britain", "great britain"},
    {"United Nations", "un", "united nations", NULL, NULL},
    {"European Union", "eu", "european union", NULL, NULL},
};

/* Whether token t is w, ASCII letters in either case (strncasecmp's test
 * in the C locale, which storyline never leaves). The first bytes are
 * compared first, and most tokens differ there: a strlen and a compare for
 * each word of a list was 0.3% of an ingest's instructions
 * (docs/history/benchmarks-rounds.md, "Thirty-fifth round"). */
static bool is_word(const char *text, const sl_token *t, const char *w)
{
    size_t n = t->end - t->start;
    const char *s = text + t->start;
    if (n && sl_ascii_lower[(unsigned char)s[0]] != sl_ascii_lower[(unsigned char)w[0]])
        return false;
    return strlen(w) == n && !strncasecmp(s, w, n);
}

static bool capitalised(const sl_token *t)
{
    return (t->flags & SL_TOK_WORD) && (t->flags & (SL_TOK_UPPER | SL_TOK_ALLCAPS));
}

/* Whether w[0, n) opens with a particle, its hyphen and a capital. */
static bool particle_opens(const char *w, size_t n)
{
    static const char *const particles[] = {"el-", "al-", "ad-", "as-", "ash-", "bin-", "ibn-",
                                            "abu-", "ben-", NULL};
    for (int k = 0; particles[k]; k++) {
        size_t p = strlen(particles[k]);
        if (n > p + 1 && !strncmp(w, particles[k], p) && w[p] >= 'A' && w[p] <= 'Z')
            return true;
    }
    return false;
}

/* A surname written with a lower-case particle and a hyphen: "el-Sissi",
 * "al-Assad", "bin-Salman". It continues a name, or is one ("el-Sissi
 * said", after "Abdel Fattah el-Sissi"). Inline, forced: it is asked of
 * every token that is not capitalised, and its first test sends almost
 * all away (a call each was 0.15% of an ingest:
 * docs/history/benchmarks-rounds.md, "Thirty-fifth round"). */
static inline __attribute__((always_inline)) bool particle_name(const char *text, const sl_token *t)
{
    const char *w = text + t->start;
    size_t n = t->end - t->start;
    if (n < 5 || (w[2] != '-' && w[3] != '-'))
        return false; /* each particle's hyphen is its third or fourth byte */
    return particle_opens(w, n);
}

static bool in_list(const char *text, const sl_token *t, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (is_word(text, t, list[k]))
            return true;
    return false;
}

/* Tokens of the lower-case connectors from token j that join the next
 * capitalised word to a name: one ("van", "bin", "of") or two ("van der",
 * "de la"); 0 when none. */
static size_t connector_run(const char *text, const sl_token *tok, size_t j, size_t b)
{
    if (j + 1 >= b || (tok[j].flags & SL_TOK_UPPER) || !(tok[j].flags & SL_TOK_WORD) ||
        !in_list(text, &tok[j], connectors))
        return 0;
    if (capitalised(&tok[j + 1]))
        return 1;
    return j + 2 < b && capitalised(&tok[j + 2]) && in_list(text, &tok[j + 1], second_connectors)
               ? 2 : 0;
}

bool sl_name_particle_start(const char *text, const sl_token *tok, size_t i, size_t n)
{
    static const char *const particles[] = {"de", "al", "bin", "van", "von", "da", "dos",
                                            "del", "di", "du", NULL};
    return i < n && (particle_name(text, &tok[i]) ||
                     (in_list(text, &tok[i], particles) && connector_run(text, tok, i, n)));
}

/* Bytes of a possessive ending ("'s", "’s") of token t, 0 when none. */
static size_t possessive(const char *text, const sl_token *t)
{
    size_t n = t->end - t->start;
    const char *w = text + t->start;
    if (n > 2 && !strncmp(w + n - 2, "'s", 2))
        return 2;
    if (n > 4 && !strncmp(w + n - 4, "\xE2\x80\x99s", 4))
        return 4;
    return 0;
}

/* Whether token k opens its sentence: no word before it in the sentence
 * that starts at byte `start`, or an opening quote, bracket, colon or dash
 * just before it (a capital there says nothing of a name). */
static bool opens(const char *text, const sl_token *tok, size_t k, uint32_t start)
{
    if (k == 0 || tok[k - 1].end <= start)
        return true;
    const char *p = text + tok[k - 1].start;
    size_t n = tok[k - 1].end - tok[k - 1].start;
    if (p[0] == '"' || p[0] == '(' || p[0] == ':' || p[0] == '-' ||
        (n == 3 && !strncmp(p, "\xE2\x80\x9C", 3)))
        return true;
    for (size_t j = k; j-- > 0 && tok[j].end > start;)
        if (tok[j].flags & SL_TOK_WORD)
            return false;
    return true;
}

/* Whether sentence [a, b) of tokens is a headline in title case: 4+ words,
 * at least 7 in 10 capitalised, or, when it does not end with a full stop,
 * 4+ words other than stop words all capitalised ("Blinken's Epic Push for
 * a Cease-Fire in Gaza", where "for a ... in" stay small). Its capitals say
 * nothing of names. */
static bool title_case(const char *text, const sl_token *tok, size_t a, size_t b)
{
    size_t words = 0, upper = 0, content = 0, content_upper = 0;
    for (size_t k = a; k < b; k++)
        if (tok[k].flags & SL_TOK_WORD) {
            words++;
            upper += capitalised(&tok[k]);
            if (!(tok[k].flags & SL_TOK_STOP) || capitalised(&tok[k])) {
                content++;
                content_upper += capitalised(&tok[k]);
            }
        }
    bool stop = b > a && (is_word(text, &tok[b - 1], ".") || is_word(text, &tok[b - 1], "!") ||
                          is_word(text, &tok[b - 1], "?"));
    return (words >= 4 && upper * 10 >= words * 7 && (!stop || content_upper == content)) ||
           (!stop && content >= 4 && content_upper == content);
}

/* Whether a line ends between tokens t and u: a name runs over no line
 * (a title and the byline under it: "Oscars" / "Fri Aug 2") but a line of
 * wrapped prose (wrapped()). */
static bool line_break(const char *text, const sl_token *t, const sl_token *u)
{
    uint32_t gap = u->start - t->end; /* mostly a space or nothing: no call */
    if (gap < 2)
        return gap && text[t->end] == '\n';
    return memchr(text + t->end, '\n', gap) != NULL;
}

/* How far back the wrap test looks for a line's start: the widest line of
 * wrapped prose; a longer line, or one next to it, is a sentence or
 * paragraph of its own. */
#define LINE_LOOK SL_WRAPPED_LINE_MAX
/* Room a wrapped line may leave at its end beyond the next line's first
 * word: wire copy is ragged (up to 10 bytes in Reuters tuning text). */
#define WRAP_ROOM 12

/* The length of the line that ends at byte e (exclusive), blanks at both
 * ends left out, LINE_LOOK when longer; *start gets its first byte. */
static size_t line_length(const char *text, size_t e, size_t *start)
{
    size_t lo = e > LINE_LOOK ? e - LINE_LOOK : 0;
    const char *nl = memrchr(text + lo, '\n', e - lo);
    size_t s = nl ? (size_t)(nl - text) + 1 : lo;
    *start = s;
    if (s > 0 && !nl)
        return LINE_LOOK;
    while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
        e--;
    while (s < e && (text[s] == ' ' || text[s] == '\t'))
        s++;
    return e - s;
}

/* Whether the line break between tokens t and u of one sentence is a wrap
 * inside a paragraph: one line feed, after a line as long as wrapped prose
 * whose width (the longest of it, the line before and the next line, which
 * ends at byte `next_end`) the next line's first word would have passed.
 * Short lines (a list, a dateline, a byline) and a line well short of its
 * neighbours (a line per sentence or paragraph) end there. */
static bool wrapped(const char *text, const sl_token *t, const sl_token *u, uint32_t next_end)
{
    const char *nl = memchr(text + t->end, '\n', u->start - t->end);
    if (!nl || memchr(nl + 1, '\n', text + u->start - nl - 1))
        return false;
    size_t start, before = 0, line = line_length(text, t->end, &start);
    if (line < SL_WRAPPED_LINE)
        return false;
    if (start > 0)
        before = line_length(text, start - 1, &start);
    size_t after = next_end - (size_t)(nl + 1 - text), width = before > line ? before : line;
    width = after > width ? after : width;
    if (width >= LINE_LOOK)
        return false;
    return line + 1 + (u->end - u->start) + WRAP_ROOM > width;
}

/* Nouns that head a body's name after a plural possessive ("Workers'
 * Union", "Magistrates' Court"), lower case. */
static const char *const body_heads[] = {"union", "association", "court", "federation",
    "council", "league", "commission", "institute", "society", "club", "school", "college",
    "fund", "guild", "alliance", "trust", "hospital", "party", "congress", "assembly", "board",
    "committee", "chamber", "academy", "affairs", NULL};

/* Whether token k is the apostrophe of a plural possessive glued to the
 * word before it, with capitalised words after that name a body ("Workers'
 * Union", "Magistrates' Court"): inside a name, unlike "Lebanon's
 * Hezbollah" or "the Titans' Chris Johnson". */
static bool plural_possessive(const char *text, const sl_token *tok, size_t k, size_t b)
{
    if (k == 0 || k + 1 >= b || tok[k].start != tok[k - 1].end || tok[k + 1].start == tok[k].end ||
        !capitalised(&tok[k + 1]) || text[tok[k - 1].end - 1] != 's' ||
        !(is_word(text, &tok[k], "'") || is_word(text, &tok[k], "\xE2\x80\x99")))
        return false;
    for (size_t j = k + 1; j < b && capitalised(&tok[j]); j++)
        for (size_t w = 0; body_heads[w]; w++)
            if (is_word(text, &tok[j], body_heads[w]))
                return true;
    return false;
}

/* Whether the run of tokens [i, j) is a person's name after a title
 * written short: "Sen. Tom Hale", "Dr. Amina Farouk". */
static bool titled_person(const char *text, const sl_token *tok, size_t i, size_t j)
{
    return j > i + 2 && is_word(text, &tok[i + 1], ".") && tok[i + 1].start == tok[i].end &&
           sl_sentences_title(text + tok[i].start, tok[i].end - tok[i].start);
}

/* The end (exclusive) of the run of name words from token i, in tokens
 * [i, b) of one line of a sentence (or of lines wrapped into one):
 * capitalised words, joined over a connector, the dot of an abbreviation
 * ("Gov. Sarah Palin") or a plural possessive
 * ("Transport Workers' Union"); a possessive "'s" ends it
 * ("Lebanon's Hezbollah" is two names). A lone word opening the sentence
 * joins nothing over a connector: its capital is the sentence's
 * ("Residents of Tel Aviv"). */
static size_t run_end(const char *text, const sl_token *tok, size_t i, size_t b, bool opening)
{
    size_t j = i + 1;
    while (j < b && !possessive(text, &tok[j - 1])) {
        if (capitalised(&tok[j]) || particle_name(text, &tok[j]))
            j++;
        else if (plural_possessive(text, tok, j, b))
            j += 2;
        else if (j + 1 < b && capitalised(&tok[j + 1]) && tok[j].start == tok[j - 1].end &&
                 is_word(text, &tok[j], ".") && tok[j - 1].end - tok[j - 1].start <= 4)
            j += 2;
        else if (j + 1 < b && !capitalised(&tok[j + 1]) && connector_run(text, tok, j, b) == 2)
            j += 3; /* "Jan van der Berg", opening a sentence too */
        else if (j + 1 < b && capitalised(&tok[j + 1]) && !(tok[j].flags & SL_TOK_UPPER) &&
                 (tok[j].flags & SL_TOK_WORD)) {
            bool joins = in_list(text, &tok[j], connectors);
            /* "for" joins one word to a name ("Centers for Disease Control",
             * "Minister for Health"), not a person's name to a place ("Aurel
             * Vintch for Karsland"); nor does "of" after a person's name
             * ("Sen. Tom Hale of Ohio", where "Bank of England" is one) */
            if (!joins || (opening && j == i + 1) || (is_word(text, &tok[j], "for") && j > i + 1) ||
                (is_word(text, &tok[j], "of") && titled_person(text, tok, i, j)))
                break;
            j += 2;
        } else if (j == i + 1 && !opening && j + 2 < b && capitalised(&tok[j + 2]) &&
                   is_word(text, &tok[j], "of") && is_word(text, &tok[j + 1], "the")) {
            j += 3; /* one word only: "Sons of the Delta", not "Tom Tennant of the Woodburn
                     * Police Department" */
        } else {
            break;
        }
    }
    return j;
}

/* Appends the folded words of tokens [a, b) to `fold`, one space between,
 * dots and the possessive of the last word left out. */
static int fold_name(const char *text, const sl_token *tok, size_t a, size_t b, sl_buf *fold)
{
    size_t from = fold->len;
    for (size_t k = a; k < b; k++) {
        if (!(tok[k].flags & SL_TOK_WORD))
            continue;
        size_t n = tok[k].end - tok[k].start;
        if (k + 1 == b)
            n -= possessive(text, &tok[k]);
        if (fold->len > from && fold->ptr[fold->len - 1] != ' ')
            sl_buf_putc(fold, ' ');
        if (sl_token_fold(text + tok[k].start, n, fold))
            return fold->err;
    }
    return fold->err;
}

const char *sl_name_alias(const char *folded, size_t len)
{
    for (size_t r = 0; r < sizeof aliases / sizeof *aliases; r++)
        for (size_t c = 1; c < 5 && aliases[r][c]; c++)
            if (len && aliases[r][c][0] == folded[0] && strlen(aliases[r][c]) == len &&
                !memcmp(aliases[r][c], folded, len)) /* the first byte first: runs per name */
                return aliases[r][0];
    return NULL;
}

uint64_t sl_name_key(const char *folded, size_t len)
{
    const char *alias = sl_name_alias(folded, len);
    return alias ? sl_hash64(alias, strlen(alias)) : sl_hash64(folded, len);
}

/* The earlier name that `nm` stands for: the same key, or a longer name
 * whose last words are nm's ("Blinken", "Antony Blinken"). */
static uint32_t refers_to(const sl_name_vec *out, const sl_name *nm, const char *fold)
{
    size_t from = out->n > REFER_WINDOW ? out->n - REFER_WINDOW : 0;
    for (size_t k = out->n; k-- > from;) {
        const sl_name *e = &out->items[k];
        const char *ef = fold + e->fold;
        if (e->key == nm->key ||
            (e->fold_len > nm->fold_len && ef[e->fold_len - nm->fold_len - 1] == ' ' &&
             !memcmp(ef + e->fold_len - nm->fold_len, fold + nm->fold, nm->fold_len)))
            return e->refers;
    }
    return (uint32_t)out->n;
}

/* Adds the name of tokens [a, b) of sentence s. */
static int add(const char *text, const sl_token *tok, size_t a, size_t b, uint32_t s,
               uint32_t flags, sl_name_vec *out, sl_buf *fold)
{
    sl_name nm = {.first = (uint32_t)a, .end = (uint32_t)b, .sentence = s, .flags = flags};
    nm.start = tok[a].start;
    nm.stop = tok[b - 1].end;
    size_t pos = possessive(text, &tok[b - 1]);
    if (pos) {
        nm.stop -= (uint32_t)pos;
        nm.flags |= SL_NAME_POSSESSIVE;
    }
    nm.fold = (uint32_t)fold->len;
    if (fold_name(text, tok, a, b, fold))
        return SL_ENOMEM;
    nm.fold_len = (uint32_t)(fold->len - nm.fold);
    nm.key = sl_name_key(fold->ptr + nm.fold, nm.fold_len);
    nm.refers = refers_to(out, &nm, fold->ptr);
    return sl_vec_push(out, nm) ? SL_ENOMEM : 0;
}

/* The names in tokens [a, b) of one line of sentence s (or lines wrapped
 * into one), whose text starts at `from` (a word there opens it). */
static int find_in_line(const char *text, const sl_token *tok, size_t a, size_t b, uint32_t from,
                        size_t s, bool title, sl_name_vec *out, sl_buf *fold)
{
    uint32_t headline = title ? SL_NAME_HEADLINE : 0;
    for (size_t i = a; i < b;) {
        if (!capitalised(&tok[i]) && !particle_name(text, &tok[i])) {
            i++;
            continue;
        }
        bool opening = opens(text, tok, i, from);
        size_t end = run_end(text, tok, i, b, opening), first = i;
        /* leading stop words are no part of a name: "The" anywhere, any
         * other only opening the sentence ("In Gaza"; "Will Artino" is a name) */
        while (first < end && ((!capitalised(&tok[first]) && !particle_name(text, &tok[first])) ||
                               ((tok[first].flags & SL_TOK_STOP) &&
                                (opening || is_word(text, &tok[first], "the")))))
            first++;
        uint32_t flags = headline;
        if (first == i && opening)
            flags |= SL_NAME_OPENS;
        if (first < end && add(text, tok, first, end, (uint32_t)s, flags, out, fold))
            return SL_ENOMEM;
        i = end;
    }
    return 0;
}

/* Whether a name may go on at token u (run_end's tests): a capitalised
 * word, a particle's surname ("el-Sissi") or a connector ("of"). A line
 * starting otherwise needs no wrap test: no name runs into it. */
static bool goes_on(const char *text, const sl_token *u)
{
    return capitalised(u) || particle_name(text, u) ||
           ((u->flags & SL_TOK_WORD) && in_list(text, u, connectors));
}

/* The end (exclusive) of the line of tokens from token la, in [la, b). */
static size_t line_end(const char *text, const sl_token *tok, size_t la, size_t b)
{
    size_t lb = la + 1;
    while (lb < b && !line_break(text, &tok[lb - 1], &tok[lb]))
        lb++;
    return lb;
}

int sl_names_find(const char *text, const sl_token *tok, size_t n_tokens,
                  const sl_span *sentences, size_t n_sentences, sl_name_vec *out, sl_buf *fold)
{
    out->n = 0;
    sl_buf_clear(fold);
    size_t k = 0;
    for (size_t s = 0; s < n_sentences && k < n_tokens; s++) {
        sl_span sent = sentences[s];
        while (k < n_tokens && tok[k].end <= sent.start)
            k++;
        size_t a = k, b = k;
        while (b < n_tokens && tok[b].start < sent.end)
            b++;
        /* a title without a full stop runs into the next line's sentence:
         * each line is judged on its own, and a line after a title opens;
         * a line of wrapped prose goes on into the next ("Bangkok Bank" /
         * "Ltd") unless either is a title */
        uint32_t from = sent.start;
        size_t la = a, lb = line_end(text, tok, a, b);
        bool title = title_case(text, tok, la, lb);
        while (la < b) {
            size_t end = lb, next = lb; /* next: the end of the line from `end` */
            bool next_title = false;
            while (end < b) {
                next = line_end(text, tok, end, b);
                next_title = title_case(text, tok, end, next);
                if (title || next_title || !goes_on(text, &tok[end]) ||
                    !wrapped(text, &tok[end - 1], &tok[end], tok[next - 1].end))
                    break;
                end = next;
            }
            if (find_in_line(text, tok, la, end, from, s, title, out, fold))
                return SL_ENOMEM;
            if (title && end < b)
                from = tok[end].start;
            la = end;
            lb = next;
            title = next_title;
        }
        k = b;
    }
    return 0;
}
