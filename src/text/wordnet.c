/* wordnet.c — reads WordNet 3.0's database files (Debian wordnet-base) into
 * read-only tables: lemmas with their synsets (index.*), the derivation,
 * similar-to and also pointers between synsets (data.*) and the inflected
 * forms of the exception lists (*.exc), with morphy's detachment rules for
 * the rest. Every field is read with bounds checks; a line out of format is
 * an error naming the file and its byte offset. See wordnet.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/wordnet.h"
#include "util/alloc.h"
#include "util/hash.h"
#include "util/vec.h"
#include "storyline.h"

#define MAX_FILE_BYTES (64u << 20)   /* data.noun is 15 MB */
#define MAX_WORD 96                  /* longer words are not looked up */

typedef struct lemma {
    uint32_t text, len;      /* in the string pool */
    uint32_t senses, n_senses;   /* in `senses`, most frequent first */
    uint32_t pos;
} lemma;

typedef struct exception {   /* an inflected form and one of its bases */
    uint32_t form, form_len, base, base_len, pos;
} exception;

struct sl_wordnet {
    SL_VEC(char) text;                 /* every lemma and form, back to back */
    SL_VEC(lemma) lemmas;
    SL_VEC(exception) exceptions;
    SL_VEC(uint32_t) senses;
    SL_VEC(uint32_t) synsets;          /* ids with links, ascending */
    SL_VEC(uint32_t) link_starts;      /* synsets.n + 1 */
    SL_VEC(uint32_t) links;
    uint32_t *lemma_slots, *exception_slots;   /* open addressing: index + 1, 0 empty */
    size_t lemma_mask, exception_mask;
};

static const char *const pos_names[SL_WORDNET_POS] = {"noun", "verb", "adj", "adv"};

/* ---- reading ---- */

typedef struct reader {
    const char *file;        /* for messages */
    const char *data;
    size_t len, line, next;  /* the current line starts at `line`, the next at `next` */
    size_t at;               /* the cursor inside the current line */
    size_t end;              /* the current line's end (its '\n' or len) */
    sl_buf *err;
} reader;

static int fail(reader *r, const char *what)
{
    if (r->err) {
        sl_buf_clear(r->err);
        sl_buf_printf(r->err, "%s: byte %zu: %s", r->file, r->line, what);
    }
    return SL_EBADINPUT;
}

static bool next_line(reader *r)
{
    if (r->next >= r->len)
        return false;
    r->line = r->at = r->next;
    const char *nl = memchr(r->data + r->line, '\n', r->len - r->line);
    r->end = nl ? (size_t)(nl - r->data) : r->len;
    r->next = r->end + 1;
    return true;
}

/* The next space-separated field of the line; false at its end. */
static bool field(reader *r, const char **s, size_t *n)
{
    while (r->at < r->end && r->data[r->at] == ' ')
        r->at++;
    if (r->at >= r->end)
        return false;
    size_t start = r->at;
    while (r->at < r->end && r->data[r->at] != ' ')
        r->at++;
    *s = r->data + start;
    *n = r->at - start;
    return true;
}

/* A number field of `base` (10 or 16), at most 9 digits. */
static bool number_field(reader *r, int base, uint32_t *out)
{
    const char *s;
    size_t n;
    if (!field(r, &s, &n) || n > 9)
        return false;
    uint32_t v = 0;
    for (size_t k = 0; k < n; k++) {
        int d = s[k] >= '0' && s[k] <= '9' ? s[k] - '0'
              : base == 16 && s[k] >= 'a' && s[k] <= 'f' ? s[k] - 'a' + 10 : -1;
        if (d < 0)
            return false;
        v = v * (uint32_t)base + (uint32_t)d;
    }
    *out = v;
    return true;
}

static int read_file(const char *dir, const char *name, char **out, size_t *len, sl_buf *err)
{
    char path[4096];
    *out = NULL;
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
        return SL_EIO;
    FILE *f = fopen(path, "rb");
    int rc = 0;
    if (!f) {
        if (err) {
            sl_buf_clear(err);
            sl_buf_printf(err, "%s: %s", path, strerror(errno));
        }
        return SL_EIO;
    }
    char *data = NULL;
    long size = fseek(f, 0, SEEK_END) ? -1 : ftell(f);
    if (size < 0 || (unsigned long)size > MAX_FILE_BYTES || fseek(f, 0, SEEK_SET)) {
        rc = SL_EIO;
        if (err) {
            sl_buf_clear(err);
            sl_buf_printf(err, "%s: unreadable or over %u bytes", path, MAX_FILE_BYTES);
        }
        goto done;
    }
    if (!(data = sl_malloc((size_t)size + 1))) {
        rc = SL_ENOMEM;
        goto done;
    }
    if (fread(data, 1, (size_t)size, f) != (size_t)size) {
        rc = SL_EIO;
        if (err) {
            sl_buf_clear(err);
            sl_buf_printf(err, "%s: read error", path);
        }
        goto done;
    }
    data[size] = '\0';
    *out = data;
    *len = (size_t)size;
    data = NULL;
done:
    sl_free(data);
    fclose(f);
    return rc;
}

static int pos_of_letter(char c)
{
    switch (c) {
    case 'n': return SL_WORDNET_NOUN;
    case 'v': return SL_WORDNET_VERB;
    case 'a': case 's': return SL_WORDNET_ADJ;
    case 'r': return SL_WORDNET_ADV;
    default: return -1;
    }
}

static int add_text(sl_wordnet *wn, const char *s, size_t n, uint32_t *at)
{
    if (n > MAX_WORD || wn->text.n > UINT32_MAX - MAX_WORD - 1 || sl_vec_reserve(&wn->text, n + 1))
        return SL_ENOMEM;
    *at = (uint32_t)wn->text.n;
    memcpy(wn->text.items + wn->text.n, s, n);
    wn->text.n += n;
    wn->text.items[wn->text.n++] = '\0';
    return 0;
}

/* One line of index.POS: lemma pos synset_cnt p_cnt [ptr...] sense_cnt
 * tagsense_cnt synset_offset... Collocations (with '_') are left out: the
 * copies stage matches single words. */
static int parse_index_line(sl_wordnet *wn, reader *r, int pos)
{
    const char *word, *p;
    size_t n, pn;
    uint32_t n_synsets, n_pointers, ignored;
    if (r->end == r->line || r->data[r->line] == ' ')   /* the licence header */
        return 0;
    if (!field(r, &word, &n) || !field(r, &p, &pn) || pn != 1 ||
        !number_field(r, 10, &n_synsets) || !number_field(r, 10, &n_pointers))
        return fail(r, "not an index line");
    for (uint32_t k = 0; k < n_pointers; k++)
        if (!field(r, &p, &pn))
            return fail(r, "fewer pointers than counted");
    if (!number_field(r, 10, &ignored) || !number_field(r, 10, &ignored))
        return fail(r, "no sense counts");
    if (memchr(word, '_', n) || n > MAX_WORD)
        return 0;
    lemma l = {.pos = (uint32_t)pos, .senses = (uint32_t)wn->senses.n, .len = (uint32_t)n};
    for (uint32_t k = 0; k < n_synsets; k++) {
        uint32_t offset;
        if (!number_field(r, 10, &offset) || offset >> SL_WORDNET_POS_SHIFT)
            return fail(r, "bad synset offset");
        if (sl_vec_push(&wn->senses, ((uint32_t)pos << SL_WORDNET_POS_SHIFT) | offset))
            return SL_ENOMEM;
    }
    l.n_senses = n_synsets;
    if (add_text(wn, word, n, &l.text) || sl_vec_push(&wn->lemmas, l))
        return SL_ENOMEM;
    return 0;
}

/* The pointers of one line of data.POS: offset lex_filenum ss_type w_cnt
 * [word lex_id]... p_cnt [symbol offset pos source/target]... | gloss. */
static int parse_data_line(sl_wordnet *wn, reader *r, int pos)
{
    const char *s;
    size_t n;
    uint32_t offset, ignored, n_words, n_pointers;
    if (r->end == r->line || r->data[r->line] == ' ')
        return 0;
    if (!number_field(r, 10, &offset) || offset >> SL_WORDNET_POS_SHIFT ||
        !number_field(r, 10, &ignored) || !field(r, &s, &n) || !number_field(r, 16, &n_words))
        return fail(r, "not a data line");
    for (uint32_t k = 0; k < 2 * n_words; k++)
        if (!field(r, &s, &n))
            return fail(r, "fewer words than counted");
    if (!number_field(r, 10, &n_pointers))
        return fail(r, "no pointer count");
    uint32_t id = ((uint32_t)pos << SL_WORDNET_POS_SHIFT) | offset;
    size_t first_link = wn->links.n;
    for (uint32_t k = 0; k < n_pointers; k++) {
        const char *symbol, *target_pos;
        size_t sn, tn;
        uint32_t target;
        if (!field(r, &symbol, &sn) || !number_field(r, 10, &target) ||
            !field(r, &target_pos, &tn) || !field(r, &s, &n) || tn != 1 ||
            target >> SL_WORDNET_POS_SHIFT || pos_of_letter(*target_pos) < 0)
            return fail(r, "bad pointer");
        bool wanted = sn == 1 && (*symbol == '+' || *symbol == '&' || *symbol == '^');
        uint32_t target_id = ((uint32_t)pos_of_letter(*target_pos) << SL_WORDNET_POS_SHIFT) | target;
        if (wanted && sl_vec_push(&wn->links, target_id))
            return SL_ENOMEM;
    }
    if (wn->links.n == first_link)
        return 0;
    if (wn->synsets.n && wn->synsets.items[wn->synsets.n - 1] >= id)
        return fail(r, "synsets out of order");
    if (sl_vec_push(&wn->synsets, id) || sl_vec_push(&wn->link_starts, (uint32_t)wn->links.n))
        return SL_ENOMEM;
    return 0;
}

/* One line of POS.exc: an inflected form and its bases. */
static int parse_exception_line(sl_wordnet *wn, reader *r, int pos)
{
    const char *form, *base;
    size_t fn, bn;
    if (!field(r, &form, &fn))
        return 0;
    if (fn > MAX_WORD || memchr(form, '_', fn))
        return 0;
    uint32_t form_at = UINT32_MAX;
    while (field(r, &base, &bn)) {
        if (bn > MAX_WORD || memchr(base, '_', bn))
            continue;
        exception e = {.form_len = (uint32_t)fn, .base_len = (uint32_t)bn, .pos = (uint32_t)pos};
        if ((form_at == UINT32_MAX && add_text(wn, form, fn, &form_at)) ||
            add_text(wn, base, bn, &e.base))
            return SL_ENOMEM;
        e.form = form_at;
        if (sl_vec_push(&wn->exceptions, e))
            return SL_ENOMEM;
    }
    return 0;
}

typedef int (*line_parser)(sl_wordnet *wn, reader *r, int pos);

static int parse_file(sl_wordnet *wn, const char *dir, const char *name, int pos,
                      line_parser parse, sl_buf *err)
{
    char *data;
    size_t len;
    int rc = read_file(dir, name, &data, &len, err);
    if (rc)
        return rc;
    reader r = {.file = name, .data = data, .len = len, .err = err};
    while (!rc && next_line(&r))
        rc = parse(wn, &r, pos);
    sl_free(data);
    return rc;
}

/* ---- the hash tables ---- */

static size_t table_size(size_t n)
{
    size_t size = 16;
    while (size < 2 * n)
        size *= 2;
    return size;
}

static int build_slots(uint32_t **slots, size_t *mask, size_t n, const char *text,
                       const uint32_t *at, const uint32_t *lens, size_t stride)
{
    size_t size = table_size(n);
    if (!(*slots = sl_calloc(size, sizeof **slots)))
        return SL_ENOMEM;
    *mask = size - 1;
    for (size_t k = 0; k < n; k++) {
        uint32_t s = *(const uint32_t *)((const char *)at + k * stride);
        uint32_t len = *(const uint32_t *)((const char *)lens + k * stride);
        size_t h = (size_t)sl_hash64(text + s, len) & *mask;
        while ((*slots)[h])
            h = (h + 1) & *mask;
        (*slots)[h] = (uint32_t)k + 1;
    }
    return 0;
}

static const lemma *find_lemma(const sl_wordnet *wn, const char *w, size_t len, uint32_t pos)
{
    if (!wn->lemma_slots)
        return NULL;
    for (size_t h = (size_t)sl_hash64(w, len) & wn->lemma_mask; wn->lemma_slots[h];
         h = (h + 1) & wn->lemma_mask) {
        const lemma *l = &wn->lemmas.items[wn->lemma_slots[h] - 1];
        if (l->pos == pos && l->len == len && !memcmp(wn->text.items + l->text, w, len))
            return l;
    }
    return NULL;
}

/* ---- loading ---- */

int sl_wordnet_load(const char *dir, sl_wordnet **out, sl_buf *err)
{
    *out = NULL;
    sl_wordnet *wn = sl_calloc(1, sizeof *wn);
    if (!wn)
        return SL_ENOMEM;
    int rc = sl_vec_push(&wn->link_starts, 0u) ? SL_ENOMEM : 0;
    char name[32];
    for (int pos = 0; !rc && pos < SL_WORDNET_POS; pos++) {
        snprintf(name, sizeof name, "index.%s", pos_names[pos]);
        rc = parse_file(wn, dir, name, pos, parse_index_line, err);
        snprintf(name, sizeof name, "data.%s", pos_names[pos]);
        rc = rc ? rc : parse_file(wn, dir, name, pos, parse_data_line, err);
        snprintf(name, sizeof name, "%s.exc", pos_names[pos]);
        rc = rc ? rc : parse_file(wn, dir, name, pos, parse_exception_line, err);
    }
    if (!rc && !wn->lemmas.n) {
        rc = SL_EBADINPUT;
        if (err) {
            sl_buf_clear(err);
            sl_buf_printf(err, "%s: no lemmas in index.*", dir);
        }
    }
    if (!rc)
        rc = build_slots(&wn->lemma_slots, &wn->lemma_mask, wn->lemmas.n, wn->text.items,
                         &wn->lemmas.items[0].text, &wn->lemmas.items[0].len, sizeof(lemma));
    if (!rc && wn->exceptions.n)
        rc = build_slots(&wn->exception_slots, &wn->exception_mask, wn->exceptions.n,
                         wn->text.items, &wn->exceptions.items[0].form,
                         &wn->exceptions.items[0].form_len, sizeof(exception));
    if (rc == SL_ENOMEM && err) {
        sl_buf_clear(err);
        sl_buf_printf(err, "%s: out of memory", dir);
    }
    if (rc)
        sl_wordnet_free(wn);
    else
        *out = wn;
    return rc;
}

void sl_wordnet_free(sl_wordnet *wn)
{
    if (!wn)
        return;
    sl_vec_free(&wn->text);
    sl_vec_free(&wn->lemmas);
    sl_vec_free(&wn->exceptions);
    sl_vec_free(&wn->senses);
    sl_vec_free(&wn->synsets);
    sl_vec_free(&wn->link_starts);
    sl_vec_free(&wn->links);
    sl_free(wn->lemma_slots);
    sl_free(wn->exception_slots);
    sl_free(wn);
}

const char *sl_wordnet_dir(void)
{
    const char *dir = getenv(SL_WORDNET_DIR_ENV);
    return dir && *dir ? dir : SL_WORDNET_DIR;
}

/* ---- lookups ---- */

static size_t add_senses(const sl_wordnet *wn, const lemma *l, uint32_t per_pos, uint32_t *out,
                         size_t n, size_t max)
{
    if (!l)
        return n;
    uint32_t take = per_pos && per_pos < l->n_senses ? per_pos : l->n_senses;
    for (uint32_t k = 0; k < take && n < max; k++) {
        uint32_t id = wn->senses.items[l->senses + k];
        size_t j = 0;
        while (j < n && out[j] != id)
            j++;
        if (j == n)
            out[n++] = id;
    }
    return n;
}

/* Morphy's detachment rules: a suffix and what replaces it. */
typedef struct detachment {
    uint32_t pos;
    const char *suffix, *ending;
} detachment;

static const detachment detachments[] = {
    {SL_WORDNET_NOUN, "s", ""},    {SL_WORDNET_NOUN, "ses", "s"}, {SL_WORDNET_NOUN, "xes", "x"},
    {SL_WORDNET_NOUN, "zes", "z"}, {SL_WORDNET_NOUN, "ches", "ch"}, {SL_WORDNET_NOUN, "shes", "sh"},
    {SL_WORDNET_NOUN, "men", "man"}, {SL_WORDNET_NOUN, "ies", "y"},
    {SL_WORDNET_VERB, "s", ""},    {SL_WORDNET_VERB, "ies", "y"}, {SL_WORDNET_VERB, "es", "e"},
    {SL_WORDNET_VERB, "es", ""},   {SL_WORDNET_VERB, "ed", "e"},  {SL_WORDNET_VERB, "ed", ""},
    {SL_WORDNET_VERB, "ing", "e"}, {SL_WORDNET_VERB, "ing", ""},
    {SL_WORDNET_ADJ, "er", ""},    {SL_WORDNET_ADJ, "est", ""},   {SL_WORDNET_ADJ, "er", "e"},
    {SL_WORDNET_ADJ, "est", "e"},
};

size_t sl_wordnet_synsets(const sl_wordnet *wn, const char *w, size_t len, uint32_t per_pos,
                          uint32_t *out, size_t max)
{
    size_t n = 0;
    if (!wn || !len || len > MAX_WORD)
        return 0;
    for (uint32_t pos = 0; pos < SL_WORDNET_POS; pos++)
        n = add_senses(wn, find_lemma(wn, w, len, pos), per_pos, out, n, max);
    if (wn->exception_slots)
        for (size_t h = (size_t)sl_hash64(w, len) & wn->exception_mask; wn->exception_slots[h];
             h = (h + 1) & wn->exception_mask) {
            const exception *e = &wn->exceptions.items[wn->exception_slots[h] - 1];
            if (e->form_len == len && !memcmp(wn->text.items + e->form, w, len))
                n = add_senses(wn, find_lemma(wn, wn->text.items + e->base, e->base_len, e->pos),
                               per_pos, out, n, max);
        }
    char base[MAX_WORD + 8];
    for (size_t k = 0; k < sizeof detachments / sizeof *detachments; k++) {
        const detachment *d = &detachments[k];
        size_t sn = strlen(d->suffix), en = strlen(d->ending);
        if (len <= sn || memcmp(w + len - sn, d->suffix, sn))
            continue;
        memcpy(base, w, len - sn);
        memcpy(base + len - sn, d->ending, en);
        n = add_senses(wn, find_lemma(wn, base, len - sn + en, d->pos), per_pos, out, n, max);
    }
    return n;
}

size_t sl_wordnet_links(const sl_wordnet *wn, uint32_t synset, const uint32_t **out)
{
    *out = NULL;
    size_t lo = 0, hi = wn ? wn->synsets.n : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (wn->synsets.items[mid] < synset)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!wn || lo >= wn->synsets.n || wn->synsets.items[lo] != synset)
        return 0;
    *out = wn->links.items + wn->link_starts.items[lo];
    return wn->link_starts.items[lo + 1] - wn->link_starts.items[lo];
}

/* Whether some synset of `a` is one of `b` or linked from one of `b`. */
static bool reaches(const sl_wordnet *wn, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    for (size_t j = 0; j < nb; j++) {
        const uint32_t *links;
        size_t nl = sl_wordnet_links(wn, b[j], &links);
        for (size_t i = 0; i < na; i++) {
            if (a[i] == b[j])
                return true;
            for (size_t k = 0; k < nl; k++)
                if (a[i] == links[k])
                    return true;
        }
    }
    return false;
}

bool sl_wordnet_match(const sl_wordnet *wn, const char *a, size_t alen, const char *b,
                      size_t blen, uint32_t per_pos)
{
    uint32_t sa[64], sb[64];
    size_t na = sl_wordnet_synsets(wn, a, alen, per_pos, sa, 64);
    size_t nb = sl_wordnet_synsets(wn, b, blen, per_pos, sb, 64);
    return reaches(wn, sa, na, sb, nb) || reaches(wn, sb, nb, sa, na);
}

size_t sl_wordnet_forms(const sl_wordnet *wn)
{
    return wn ? wn->lemmas.n + wn->exceptions.n : 0;
}

const char *sl_wordnet_form(const sl_wordnet *wn, size_t i, size_t *len)
{
    if (i < wn->lemmas.n) {
        *len = wn->lemmas.items[i].len;
        return wn->text.items + wn->lemmas.items[i].text;
    }
    const exception *e = &wn->exceptions.items[i - wn->lemmas.n];
    *len = e->form_len;
    return wn->text.items + e->form;
}

size_t sl_wordnet_form_synsets(const sl_wordnet *wn, size_t i, uint32_t per_pos, uint32_t *out,
                               size_t max)
{
    if (i < wn->lemmas.n)
        return add_senses(wn, &wn->lemmas.items[i], per_pos, out, 0, max);
    const exception *e = &wn->exceptions.items[i - wn->lemmas.n];
    return add_senses(wn, find_lemma(wn, wn->text.items + e->base, e->base_len, e->pos), per_pos,
                      out, 0, max);
}

size_t sl_wordnet_bytes(const sl_wordnet *wn)
{
    if (!wn)
        return 0;
    return sizeof *wn + wn->text.cap + wn->lemmas.cap * sizeof(lemma) +
           wn->exceptions.cap * sizeof(exception) +
           (wn->senses.cap + wn->synsets.cap + wn->link_starts.cap + wn->links.cap) * sizeof(uint32_t) +
           (wn->lemma_mask + 1 + (wn->exception_slots ? wn->exception_mask + 1 : 0)) * sizeof(uint32_t);
}
