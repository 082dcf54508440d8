/* chrome.c — removes page chrome ("Leave a Reply", "Scroll to Top", share
 * counters, section labels) from scraped article text, line by line, and
 * finds a plain-text article's headline.
 *
 * Method: every line gets features — word count, final punctuation, letters
 * at all, the share of its content words that are interface vocabulary, the
 * share that also occur in the article's body paragraphs (overlap), its zone
 * (before the first body paragraph, between, after the last) and how many
 * other stored articles already carry the same line: distinct articles, so
 * that one article repeating a paragraph, or copies of one article, never
 * make it chrome. Body paragraphs (long lines
 * ending a sentence) are always kept; short lines are judged by the rules in
 * judge(). Section headings survive because they sit between body paragraphs
 * and share words with them; chrome does neither. No rule names a string of
 * any particular site: the interface lexicon is the generic vocabulary of web
 * page furniture (reply, share, subscribe, cookie, ...). */
#include <ctype.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"
#include "text/stem_memo.h"
#include "text/swar.h"
#include "text/text.h"
#include "util/alloc.h"
#include "util/byte_table.h"
#include "util/hash.h"

/* A body paragraph: at least this many words and a sentence end, or twice as many. */
#define BODY_MIN_WORDS 15
/* Lines longer than this are never chrome. */
#define SHORT_MAX_WORDS 20
/* Below this share of words shared with the body, a line is not about the article. */
#define OVERLAP_MIN 0.34
/* Word prefix used as a cheap stem for overlap ("negotiations" ~ "negotiators"). */
#define PREFIX_BYTES 5

/* Interface vocabulary of web pages, case-folded, sorted (a unit test checks
 * the order, so no word is listed twice). Only short lines are ever judged by it. */
static const char *const ui_words[] = {
    "account", "ad", "ads", "advert", "advertisement", "advertising", "app", "archive",
    "archives", "bookmark", "browser", "captcha", "cart", "categories", "category", "click",
    "comment", "comments", "connect", "contact", "cookie", "cookies", "copyright", "disclaimer",
    "download", "email", "enable", "enabled", "error", "facebook", "faq", "feed", "follow",
    "gallery", "home", "homepage", "instagram", "javascript", "leave", "like", "likes",
    "linkedin", "loading", "log", "login", "logout", "menu", "navigation", "newsletter",
    "newsletters", "next", "pinterest", "podcast", "popular", "post", "posts", "premium",
    "prev", "previous", "print", "privacy", "promo", "published", "read", "recommended", "reddit",
    "register", "related", "replies", "reply", "required", "reserved", "rights", "rss",
    "scroll", "search", "share", "shares", "sharing", "sidebar", "sign", "signup", "skip",
    "sponsored", "subscribe", "subscriber", "subscription", "tags", "telegram", "terms",
    "toggle", "top", "trending", "tweet", "twitter", "unsubscribe", "updates", "username",
    "video", "videos", "view", "views", "whatsapp", "youtube",
};
#define N_UI_WORDS (sizeof ui_words / sizeof ui_words[0])

/* The lexicon as an open-addressed table of word hashes (0: empty), built
 * once: a line's word is looked up by one hash and, on a hit, one strcmp
 * (a bsearch of strings took ~200 instructions a word). */
#define UI_SLOTS 512
#define UI_LONGEST 13 /* "advertisement" */
static struct {
    uint64_t hash[UI_SLOTS];
    const char *word[UI_SLOTS];
} ui_table;
static pthread_once_t ui_once = PTHREAD_ONCE_INIT;

static void ui_table_build(void)
{
    for (size_t i = 0; i < N_UI_WORDS; i++) {
        uint64_t h = sl_hash64(ui_words[i], strlen(ui_words[i])) | 1;
        size_t at = h & (UI_SLOTS - 1);
        while (ui_table.hash[at])
            at = (at + 1) & (UI_SLOTS - 1);
        ui_table.hash[at] = h;
        ui_table.word[at] = ui_words[i];
    }
}

static bool is_ui_word(const char *folded)
{
    size_t len = strnlen(folded, UI_LONGEST + 1);
    if (len > UI_LONGEST)
        return false;
    pthread_once(&ui_once, ui_table_build);
    uint64_t h = sl_hash64(folded, len) | 1;
    for (size_t at = h & (UI_SLOTS - 1); ui_table.hash[at]; at = (at + 1) & (UI_SLOTS - 1))
        if (ui_table.hash[at] == h && !strcmp(ui_table.word[at], folded))
            return true;
    return false;
}

/* Exposed for the unit test of the lexicon's order. */
int sl_chrome_lexicon_sorted(void);
int sl_chrome_lexicon_sorted(void)
{
    for (size_t i = 1; i < N_UI_WORDS; i++)
        if (strcmp(ui_words[i - 1], ui_words[i]) >= 0)
            return 0;
    return 1;
}

typedef struct line_info {
    uint32_t no, start, end;      /* trimmed line */
    uint32_t words, content, ui;  /* word tokens, non-stop words, interface words */
    uint32_t stops;               /* stop words: prose has them, labels rarely do */
    uint32_t shared;              /* content words whose prefix occurs in the body */
    uint32_t shared_on;           /* ...in the body or in the kept prose lines after it */
    uint32_t first_prefix, n_prefix; /* range in the prefix array */
    uint32_t first_token, n_tokens;  /* range in the text's tokens */
    bool letters, final_punct, body;
    bool notice;                  /* opens with "©" or "Copyright 2026": a copyright notice */
    bool link;                    /* the line is one web address and nothing else */
    bool starts_upper;            /* first word capitalised (or a number starts the line) */
    int8_t zone;                  /* -1 before the first body paragraph, 0 between, 1 after */
    bool countable;               /* short enough to be counted (sl_chrome_line_countable) */
    uint32_t seen;                /* other stored articles carrying it (sl_line_counter) */
    const char *reason;           /* non-NULL: removed */
} line_info;

typedef SL_VEC(line_info) line_vec;
typedef SL_VEC(uint64_t) u64_vec;

/* Open-addressing set of prefix hashes (0 marks an empty slot). */
typedef struct prefix_set { uint64_t *slots; size_t mask; } prefix_set;

/* An empty set for n hashes in `*slots` (of `*cap`), grown when short. */
static int set_init(prefix_set *set, size_t n, u64_vec *slots)
{
    size_t want = 16;
    while (want < n * 2)
        want *= 2;
    slots->n = 0;
    if (sl_vec_reserve(slots, want))
        return SL_ENOMEM;
    memset(slots->items, 0, want * sizeof *slots->items);
    set->slots = slots->items;
    set->mask = want - 1;
    return 0;
}

static void set_add(prefix_set *set, uint64_t h)
{
    h |= 1;
    size_t i = h & set->mask;
    while (set->slots[i] && set->slots[i] != h)
        i = (i + 1) & set->mask;
    set->slots[i] = h;
}

static bool set_has(const prefix_set *set, uint64_t h)
{
    h |= 1;
    size_t i = h & set->mask;
    while (set->slots[i]) {
        if (set->slots[i] == h)
            return true;
        i = (i + 1) & set->mask;
    }
    return false;
}

/* Last significant character ends a sentence: . ! ? … possibly inside quotes
 * or brackets. A colon is a lead-in ("Read next:"), not an end. */
static bool ends_sentence(const char *s, size_t len)
{
    while (len) {
        unsigned char c = (unsigned char)s[len - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ') {
            len--;
            continue;
        }
        /* ” ’ » (UTF-8 E2 80 9D / E2 80 99, C2 BB) */
        if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80 &&
            (c == 0x9D || c == 0x99)) {
            len -= 3;
            continue;
        }
        if (len >= 2 && (unsigned char)s[len - 2] == 0xC2 && c == 0xBB) {
            len -= 2;
            continue;
        }
        if (c == '.' || c == '!' || c == '?')
            return true;
        return len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80 &&
               c == 0xA6; /* … */
    }
    return false;
}

/* The judgement's working memory, kept in sl_cleaned from article to
 * article (made and freed each time, its growth was 8 M instructions of
 * the first 1,000 Reuters stories). */
typedef struct sl_chrome_scratch {
    line_vec lines;
    sl_token_vec tokens;
    sl_buf folded;
    u64_vec prefixes;
    u64_vec hashes;               /* the countable lines' fingerprints */
    SL_VEC(uint32_t) counts;      /* and how many other articles carry each */
    u64_vec body_slots;           /* the body's prefix set's slots */
    u64_vec later_slots;          /* the prose lines' after the one judged */
} scratch;

/* A copyright notice opens with the sign, or with the word and then the
 * sign or a year ("© 2026 Eskmoor Daily. All rights reserved.", "Copyright
 * 2026 ..."); an article's sentence about copyright law does neither. */
static bool copyright_notice(const char *line, size_t len)
{
    static const char sign[] = "\xC2\xA9", word[] = "copyright ";
    if (len >= 2 && !memcmp(line, sign, 2))
        return true;
    if (len < sizeof word || ((unsigned char)line[0] | 0x20) != 'c' ||   /* most lines: no call */
        strncasecmp(line, word, sizeof word - 1))
        return false;
    const char *rest = line + sizeof word - 1;
    size_t left = len - (sizeof word - 1), digits = 0;
    while (digits < 4 && digits < left && isdigit((unsigned char)rest[digits]))
        digits++;
    return (left >= 2 && !memcmp(rest, sign, 2)) || digits == 4;
}

/* A line that is one web address alone ("https://example.com/a/b.html",
 * "www.example.com"): where a saved page's text came from, not the title or
 * the article. */
static bool bare_link(const char *line, size_t len)
{
    if (len <= 4 || (((unsigned char)line[0] | 0x20) != 'h' && ((unsigned char)line[0] | 0x20) != 'w'))
        return false;   /* most lines: no call */
    if (!((len > 7 && !strncasecmp(line, "http://", 7)) ||
          (len > 8 && !strncasecmp(line, "https://", 8)) || (len > 4 && !strncasecmp(line, "www.", 4))))
        return false;
    return !memchr(line, ' ', len) && !memchr(line, '\t', len);
}

/* What the judgement reads of a word, which its bytes alone decide: an
 * English stop word, an interface word, the hash of its folded prefix. */
enum { WORD_STOP = 1, WORD_UI = 2 };
typedef struct word_features {
    unsigned char flags;
    uint64_t prefix;
} word_features;

/* The features of a word token: remembered by its bytes in `memo` (NULL:
 * none; its SL_WORD_CHROME parts, stem_memo.h), as news repeats its words (the first 1,000 Reuters stories'
 * 126,862 words in lines are 11,887 distinct ones), or found by its
 * fold and remembered. */
static int features_of(const char *text, const sl_token *tok, sl_stem_memo *memo, sl_buf *folded,
                       word_features *out)
{
    const char *word = text + tok->start;
    size_t len = tok->end - tok->start;
    char *entry = NULL;   /* the word's, when the analyser's part made it */
    const char *known = memo ? sl_word_memo_part(memo, word, len, SL_WORD_CHROME, &entry) : NULL;
    char part[SL_WORD_PART]; /* flags, then prefix */
    _Static_assert(sizeof part == 1 + sizeof out->prefix, "flags and a prefix fill a part");
    if (known) {
        out->flags = (unsigned char)known[0];
        memcpy(&out->prefix, known + 1, sizeof out->prefix);
        return 0;
    }
    sl_buf_clear(folded);
    int rc = sl_token_fold(word, len, folded);
    if (rc)
        return rc;
    size_t plen = folded->len < PREFIX_BYTES ? folded->len : PREFIX_BYTES;
    bool stop = sl_token_is_stop_folded(tok, text, "en", folded->ptr, folded->len);
    out->flags = stop ? WORD_STOP : is_ui_word(sl_buf_cstr(folded)) ? WORD_UI : 0;
    out->prefix = stop ? 0 : sl_hash64(folded->ptr, plen);
    if (memo) {
        part[0] = (char)out->flags;
        memcpy(part + 1, &out->prefix, sizeof out->prefix);
        sl_word_memo_put_part(memo, entry, word, len, SL_WORD_CHROME, part);
    }
    return 0;
}

/* Computes the word features of one line from its tokens, the text's from
 * `*token` on that start in the line (offsets into text), and appends its
 * content-word prefixes; *token moves past the line's. */
static int describe_line(const char *text, line_info *li, const sl_token_vec *tokens,
                         size_t *token, sl_stem_memo *memo, scratch *sc)
{
    const char *line = text + li->start;
    size_t len = li->end - li->start;
    int rc = 0;
    li->first_prefix = (uint32_t)sc->prefixes.n;
    li->first_token = (uint32_t)*token;
    for (; *token < tokens->n && tokens->items[*token].start < li->end; ++*token) {
        const sl_token *tok = &tokens->items[*token];
        if (!li->words && !li->letters && (tok->flags & SL_TOK_NUMBER))
            li->starts_upper = true;
        if (!(tok->flags & SL_TOK_WORD))
            continue;
        if (!li->words && (tok->flags & SL_TOK_UPPER))
            li->starts_upper = true;
        li->letters = true;
        li->words++;
        word_features f;
        if ((rc = features_of(text, tok, memo, &sc->folded, &f)))
            return rc;
        if (f.flags & WORD_STOP) {
            li->stops++;
            continue;
        }
        li->content++;
        if (li->words <= SHORT_MAX_WORDS + 1 && (f.flags & WORD_UI))
            li->ui++;
        if ((rc = sl_vec_push(&sc->prefixes, f.prefix)))
            return rc;
    }
    li->n_prefix = (uint32_t)sc->prefixes.n - li->first_prefix;
    li->n_tokens = (uint32_t)*token - li->first_token;
    li->final_punct = ends_sentence(line, len);
    li->notice = copyright_notice(line, len);
    li->link = bare_link(line, len);
    li->body = (li->words >= BODY_MIN_WORDS && li->final_punct) || li->words >= 2 * BODY_MIN_WORDS;
    return 0;
}

/* Splits text into non-empty trimmed lines with their 1-based numbers. */
static int split_lines(const char *text, size_t len, line_vec *lines)
{
    uint32_t no = 0;
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        no++;
        size_t s = pos, e = end;
        while (s < e && (text[s] == ' ' || text[s] == '\t'))
            s++;
        while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t'))
            e--;
        if (e > s) {
            line_info li = {.no = no, .start = (uint32_t)s, .end = (uint32_t)e};
            if (sl_vec_push(lines, li))
                return SL_ENOMEM;
        }
        pos = end + 1;
    }
    return 0;
}

static double overlap(const line_info *li)
{
    return li->content ? (double)li->shared / li->content : 0.0;
}

/* The same share, the words of the kept prose lines after it counted too. */
static double overlap_on(const line_info *li)
{
    return li->content ? (double)li->shared_on / li->content : 0.0;
}

/* A short line written as a sentence of prose: capitalised, ended, with some
 * function words, and not mostly interface vocabulary ("It will vote again in
 * May." is prose; "error: Content is protected !!" and "Leave a Reply" are not). */
static bool prose(const line_info *li)
{
    return li->final_punct && li->starts_upper && li->words >= 3 && 5 * li->stops >= li->words &&
           2 * li->ui <= li->content;
}

static const char REPEATED[] = "repeated in other articles";
const char sl_chrome_notice[] = "copyright notice";
const char sl_chrome_interface[] = "interface text";

/* The rules. `zone` is -1 before the first body paragraph, 0 between, 1 after. */
static const char *judge(const line_info *li, int zone, uint32_t seen_elsewhere)
{
    if (li->body)
        return NULL;
    if (!li->letters)
        return "no words";
    if (li->words > SHORT_MAX_WORDS)
        return NULL;
    if (li->notice)
        return sl_chrome_notice;
    if (li->link)
        return "a web address alone";
    /* Carried by other articles and not about this one: furniture, unless
     * it is a sentence between body paragraphs, which a syndicated story
     * repeats (a wire's "The two men then fled in a second van." in three
     * outlets' copies; "Terms were not disclosed.", Reuters); a site's prompt
     * with two interface words goes ("Sign up for our newsletter ..."). */
    if (seen_elsewhere >= SL_CHROME_REPEAT_MIN && overlap_on(li) < 0.5 &&
        !(zone == 0 && prose(li) && li->ui < 2))
        return REPEATED;
    /* Mostly interface words: "Share this article", "Skip to content". A line
     * that ends a sentence needs all its content words to be interface words
     * ("He declined to comment." stays). */
    if (li->content && li->words <= 12 && 2 * li->ui >= li->content &&
        (!li->final_punct || li->ui == li->content))
        return sl_chrome_interface;
    /* Before the first body paragraph stand the title, a standfirst, a byline
     * and site furniture: what shares no words with the article goes. */
    if (zone < 0 && !prose(li) && overlap(li) < OVERLAP_MIN)
        return "before the article, unrelated to it";
    /* After the last one, only prose continues the article. */
    if (zone > 0 && !prose(li))
        return "after the article";
    return NULL;
}

/* A headline: a short line with words that does not end like a sentence
 * (a question or exclamation may). */
static bool looks_like_headline(const char *text, const line_info *li)
{
    if (li->body || !li->letters || li->words < 2 || li->words > 30 || li->end - li->start > 250)
        return false;
    char last = text[li->end - 1];
    return last != '.' && last != ':' && last != ',' && last != ';';
}

/* Repetition alone never empties an article. When every line goes and
 * some only because other articles carry them, those lines are the article
 * itself (a templated notice: "Qtly div six cts vs six cts prior", "Pay
 * April One"), not a site's furniture around it: they are judged again
 * without their repetition. On Reuters-21578, 39 such notices were
 * rejected as "all page chrome" before. */
static void keep_template(line_vec *lines)
{
    for (size_t i = 0; i < lines->n; i++)
        if (!lines->items[i].reason)
            return;
    for (size_t i = 0; i < lines->n; i++) {
        line_info *li = &lines->items[i];
        if (li->reason == REPEATED)
            li->reason = judge(li, li->zone, 0);
    }
}

/* Appends the tokens of a kept line to the clean text's, moved to where
 * the line now starts (`at`): a line is tokenized alone, as no token
 * reaches past the blanks or the line break around it. */
static int emit_tokens(const line_info *li, const sl_token_vec *tokens, size_t at, sl_token_vec *out)
{
    if (sl_vec_reserve(out, li->n_tokens))
        return SL_ENOMEM;
    for (uint32_t t = li->first_token; t < li->first_token + li->n_tokens; t++) {
        sl_token tok = tokens->items[t];
        tok.start = tok.start - li->start + (uint32_t)at;
        tok.end = tok.end - li->start + (uint32_t)at;
        out->items[out->n++] = tok;
    }
    return 0;
}

static int emit(const char *text, const line_vec *lines, const sl_token_vec *tokens, int find_title,
                sl_cleaned *out)
{
    size_t title_at = lines->n;
    if (find_title) {
        for (size_t i = 0; i < lines->n; i++) {
            if (lines->items[i].reason)
                continue;
            if (looks_like_headline(text, &lines->items[i]) && i + 1 < lines->n)
                title_at = i;
            break;
        }
    }
    uint32_t prev_no = 0;
    for (size_t i = 0; i < lines->n; i++) {
        const line_info *li = &lines->items[i];
        if (li->reason) {
            sl_chrome_line rm = {li->no, li->start, li->end, li->reason};
            if (sl_vec_push(&out->removed, rm))
                return SL_ENOMEM;
            continue;
        }
        if (i == title_at) {
            out->title_line = (int)li->no;
            sl_buf_put(&out->title, text + li->start, li->end - li->start);
            continue;
        }
        /* Paragraph breaks of the input survive; removed lines leave none. */
        if (out->text.len)
            sl_buf_puts(&out->text, li->no > prev_no + 1 ? "\n\n" : "\n");
        if (emit_tokens(li, tokens, out->text.len, &out->tokens))
            return SL_ENOMEM;
        sl_buf_put(&out->text, text + li->start, li->end - li->start);
        prev_no = li->no;
    }
    return out->text.err ? out->text.err : out->title.err;
}

/* Sets each countable line's `seen`, asking the counter once for all. */
static int count_lines(const char *text, line_vec *lines, const sl_line_counter *counter,
                       scratch *sc)
{
    sc->hashes.n = 0;
    if (!counter || !counter->count)
        return 0;
    for (size_t i = 0; i < lines->n; i++) {
        line_info *li = &lines->items[i];
        const char *line = text + li->start;
        size_t llen = li->end - li->start;
        li->countable = sl_chrome_line_countable(line, llen);
        if (li->countable && sl_vec_push(&sc->hashes, sl_chrome_line_hash(line, llen)))
            return SL_ENOMEM;
    }
    if (!sc->hashes.n)
        return 0;
    if (sl_vec_reserve(&sc->counts, sc->hashes.n))
        return SL_ENOMEM;
    memset(sc->counts.items, 0, sc->hashes.n * sizeof *sc->counts.items);
    int rc = counter->count(counter->ctx, sc->hashes.items, sc->hashes.n, sc->counts.items);
    if (rc)
        return rc;
    size_t k = 0;
    for (size_t i = 0; i < lines->n; i++)
        if (lines->items[i].countable)
            lines->items[i].seen = sc->counts.items[k++];
    return 0;
}

/* The fingerprints of the input's countable lines as given, untrimmed, into
 * `carried`. A line's fingerprint is its trimmed line's (sl_chrome_line_hash
 * drops blanks at either end), and a line countable as given is countable
 * trimmed (no longer, no more words), so count_lines' fingerprints serve:
 * only a line with blanks at an end is tested again, and a blank one hashed. */
static int carry_lines(const char *text, size_t len, const line_vec *lines, const uint64_t *hashes,
                       sl_line_hashes *carried)
{
    size_t pos = 0, i = 0, k = 0;
    for (uint32_t no = 1; pos < len; no++) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        const line_info *li = i < lines->n && lines->items[i].no == no ? &lines->items[i++] : NULL;
        bool whole = li && li->start == pos && li->end == end;
        bool carry = whole ? li->countable : sl_chrome_line_countable(text + pos, end - pos);
        uint64_t h = !carry ? 0 : li ? hashes[k] : sl_chrome_line_hash(text + pos, end - pos);
        k += li && li->countable;
        if (carry && sl_vec_push(carried, h))
            return SL_ENOMEM;
        pos = end + 1;
    }
    return 0;
}

/* The working memory is kept for the next article, but not a huge one's:
 * a 20 MB line's tokens, word prefixes and prefix set (about 10 bytes a
 * byte of text) were held on through the later stages' own peak (qa6:
 * docs/testing.md, "Seventh hostile-input sweep"). An article of 50 KB
 * needs less than SCRATCH_KEEP of any. */
#define SCRATCH_KEEP ((size_t)1 << 20)
#define TRIM(v) ((v).cap * sizeof *(v).items > SCRATCH_KEEP ? sl_vec_free(&(v)) : (void)0)

static void scratch_trim(scratch *sc)
{
    TRIM(sc->lines);
    TRIM(sc->tokens);
    TRIM(sc->prefixes);
    TRIM(sc->hashes);
    TRIM(sc->counts);
    TRIM(sc->body_slots);
    TRIM(sc->later_slots);
}

int sl_chrome_clean(const char *text, size_t len, const sl_line_counter *counter, int find_title,
                    sl_cleaned *out)
{
    sl_buf_clear(&out->text);
    sl_buf_clear(&out->title);
    out->removed.n = 0;
    out->carried.n = 0;
    out->tokens.n = 0;
    out->title_line = 0;

    if (!out->scratch && !(out->scratch = sl_calloc(1, sizeof *out->scratch)))
        return SL_ENOMEM;
    scratch *sc = out->scratch;
    line_vec *lines = &sc->lines;
    lines->n = sc->prefixes.n = 0;
    prefix_set body, later;
    int rc = split_lines(text, len, lines);
    if (!rc) /* stop words in describe_line, from each word's one fold */
        rc = sl_tokenize(text, len, NULL, &sc->tokens);
    if (!out->words && !out->words_lent)
        out->words = sl_stem_memo_new(); /* NULL (out of memory): words folded each time */
    for (size_t i = 0, token = 0; !rc && i < lines->n; i++)
        rc = describe_line(text, &lines->items[i], &sc->tokens, &token, out->words, sc);
    if (rc || (rc = set_init(&body, sc->prefixes.n + 1, &sc->body_slots)) ||
        (rc = set_init(&later, sc->prefixes.n + 1, &sc->later_slots)) ||
        (rc = count_lines(text, lines, counter, sc)) ||
        (counter && counter->count && (rc = carry_lines(text, len, lines, sc->hashes.items, &out->carried))))
        return rc;

    size_t first_body = lines->n, last_body = lines->n;
    for (size_t i = 0; i < lines->n; i++) {
        const line_info *li = &lines->items[i];
        if (!li->body)
            continue;
        if (first_body == lines->n)
            first_body = i;
        last_body = i;
        for (uint32_t p = 0; p < li->n_prefix; p++)
            set_add(&body, sc->prefixes.items[li->first_prefix + p]);
    }
    /* Last line first, so that `later` holds the kept prose lines after
     * the one judged (not a shop's notice that goes itself). A line that
     * other articles carry shares its words with the body paragraphs or
     * with the sentences after it: a wrapped sentence's tail ("the company
     * said.") with the sentences that follow it, while a sign-off after the
     * last sentence ("Reuter") shares nothing. The line before the article
     * is judged by the body paragraphs alone: counting the short lines after
     * it too kept a forum's and a shop's labels above the article on HTML
     * pages (the twenty-ninth round's review, docs/chrome.md). */
    for (size_t i = lines->n; i-- > 0;) {
        line_info *li = &lines->items[i];
        const uint64_t *prefix = sc->prefixes.items + li->first_prefix;
        for (uint32_t p = 0; p < li->n_prefix; p++) {
            bool in_body = set_has(&body, prefix[p]);
            li->shared += in_body;
            li->shared_on += in_body || set_has(&later, prefix[p]);
        }
        int zone = first_body == lines->n ? 0 : i < first_body ? -1 : i > last_body ? 1 : 0;
        li->reason = judge(li, zone, li->seen);
        li->zone = (int8_t)zone;
        for (uint32_t p = 0; !li->body && !li->reason && prose(li) && p < li->n_prefix; p++)
            set_add(&later, prefix[p]);
    }
    keep_template(lines);
    rc = emit(text, lines, &sc->tokens, find_title, out);
    scratch_trim(sc);
    return rc;
}

static void scratch_free(scratch *sc)
{
    if (!sc)
        return;
    sl_vec_free(&sc->lines);
    sl_vec_free(&sc->tokens);
    sl_buf_free(&sc->folded);
    sl_vec_free(&sc->prefixes);
    sl_vec_free(&sc->hashes);
    sl_vec_free(&sc->counts);
    sl_vec_free(&sc->body_slots);
    sl_vec_free(&sc->later_slots);
    free(sc);
}

void sl_cleaned_free(sl_cleaned *c)
{
    sl_buf_free(&c->text);
    sl_buf_free(&c->title);
    sl_vec_free(&c->removed);
    sl_vec_free(&c->carried);
    sl_vec_free(&c->tokens);
    if (!c->words_lent)
        sl_stem_memo_free(c->words);
    c->words = NULL;
    scratch_free(c->scratch);
    c->scratch = NULL;
}

/* Each byte as sl_chrome_line_hash keeps it: ASCII lower-cased, or BLANK
 * for a space or a tab. One load and one test a byte, where the hash's
 * loop spent 21 instructions a byte on its tests. */
#define BLANK 0x100
#define LINE_FOLD(c) ((c) == ' ' || (c) == '\t' ? BLANK : SL_ASCII_LOWER(c))
static const uint16_t line_fold[256] = SL_BYTE_TABLE(LINE_FOLD);

/* Whether the blanks of line[0, len) are single spaces between words: no
 * tab, no two spaces running, none at either end (most lines; checked
 * eight bytes at a time, each against the eight that start a byte later). */
static bool single_spaces(const char *line, size_t len)
{
    if (!len || line[0] == ' ' || line[len - 1] == ' ')
        return false;
    size_t k = 0;
    for (; k + 9 <= len; k += 8) {
        uint64_t w = sl_swar_load(line + k), next = sl_swar_load(line + k + 1);
        if (sl_swar_has(w, '\t') || (sl_swar_eq(w, ' ') & sl_swar_eq(next, ' ')))
            return false;
    }
    for (; k < len; k++)
        if (line[k] == '\t' || (line[k] == ' ' && k + 1 < len && line[k + 1] == ' '))
            return false;
    return true;
}

uint64_t sl_chrome_line_hash(const char *line, size_t len)
{
    /* Case and spacing do not make a different line: the line folded, each
     * run of spaces and tabs one space (none at either end), its first 512
     * bytes hashed. */
    char small[512];
    size_t n = 0, i = 0;
    if (len <= sizeof small && single_spaces(line, len)) {
        /* the rule keeps every byte: only capitals lowered, eight at a time
         * (9 instructions a byte, the loop below, against about 2) */
        for (; i + 8 <= len; i += 8) {
            uint64_t w = sl_swar_ascii_lower(sl_swar_load(line + i));
            memcpy(small + i, &w, sizeof w);
        }
        for (; i < len; i++)
            small[i] = (char)SL_ASCII_LOWER((unsigned char)line[i]);
        return sl_hash64(small, len);
    }
    bool space = false;
    while (i < len && n < sizeof small) {
        if (line_fold[(unsigned char)line[i]] == BLANK) {
            space = n > 0;
            i++;
            continue;
        }
        if (space) {
            small[n++] = ' ';
            space = false;
            if (n == sizeof small)
                break;
        }
        /* a run of word bytes, as far as `small` has room */
        size_t end = len - i < sizeof small - n ? len : i + (sizeof small - n);
        for (uint16_t c; i < end && (c = line_fold[(unsigned char)line[i]]) != BLANK; i++)
            small[n++] = (char)c;
    }
    return sl_hash64(small, n);
}

int sl_chrome_line_countable(const char *line, size_t len)
{
    /* Only short lines can be chrome; counting long ones would only grow the table. */
    if (len == 0 || len > 160)
        return 0;
    /* a word opens after each space that a space does not follow: eight
     * bytes at a time, each against the eight that start a byte later */
    int words = 0;
    size_t i = 0;
    for (; i + 9 <= len; i += 8) {
        uint64_t w = sl_swar_load(line + i), next = sl_swar_load(line + i + 1);
        uint64_t opens = (sl_swar_eq(w, ' ') & ~sl_swar_eq(next, ' ')) >> 7; /* 1 a byte */
        words += (int)((opens * SL_SWAR_ONES) >> 56);   /* their sum, in the top byte */
    }
    for (; i < len; i++)
        if (line[i] == ' ' && i + 1 < len && line[i + 1] != ' ')
            words++;
    return words + 1 <= SHORT_MAX_WORDS;
}
