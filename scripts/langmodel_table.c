/* langmodel_table.c — makes the n-gram model's table at build time (the
 * Makefile runs it into BUILD/gen/langmodel.c): the rank lists of
 * libexttextcat's data package (`dir`/fpdb.conf and its .lm files),
 * case-folded, filed by script in one hash table of postings, with dense
 * rows for the n-grams most languages of a script list (layout:
 * src/text/langmodel_table.h). Loading the lists cost every process 39 M
 * instructions when it was done at run time. Without the package the table
 * has no models. Method: docs/text.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/langmodel_table.h"
#include "text/text.h"
#include "util/sorted_words.h"

/* Where libexttextcat's data package puts the rank lists. */
#ifndef SL_LANGMODEL_DIR
#define SL_LANGMODEL_DIR "/usr/share/libexttextcat"
#endif
#define LINE_MAX_BYTES 256

/* Most lists give ranks only, so an n-gram's probability is read from its
 * rank as Zipf's law has it, P(rank) ~ 1 / (rank + ZIPF_OFFSET); one not in
 * a list counts half the last one. The offset was chosen on the bench
 * sample (bench/lang_bench.py): 1 to 50 move accuracy by under a point. */
#define ZIPF_OFFSET 10.0
#define LIST_LEN 400.0

/* An n-gram listed by at least this share of its script's languages (the
 * letters, "_t", "e_") is scored from a dense row, a weight for each
 * language of the script (0 where it is not listed), added four at a time:
 * cheaper than its scattered postings. On the first 3,000 Reuters texts
 * that reach the model, n-grams so common carry about 90% of the postings
 * read. Adding 0 leaves a score as it was (scores are sums of positive
 * weights), so the scores are the same sums in the same order. */
#define DENSE_SHARE 0.5

/* The model of an entry that only files a prefix of a listed n-gram: its
 * slot is made, with no posting, so that the scoring stops extending an
 * n-gram once the table lacks it (langmodel.c, score_word). */
#define PREFIX_ONLY UINT16_MAX

/* One n-gram of one language's list. */
typedef struct entry {
    uint64_t key; /* sl_lm_hash of the folded n-gram, then its sl_lm_key */
    uint16_t rank, model;
} entry;

typedef struct entries {
    entry *items;
    size_t n, cap;
} entries;

/* The table as it is made; printed as an sl_langmodel. */
typedef struct builder {
    size_t n_models;
    uint8_t code[SL_LM_MAX_MODELS], script[SL_LM_MAX_MODELS];
    uint16_t local[SL_LM_MAX_MODELS], script_models[SL_SCRIPT_COUNT];
    sl_lm_slot *slots;
    size_t mask, n_slots; /* n_slots: those taken */
    sl_lm_posting *postings;
    size_t n_postings;
    double *rows;
    size_t n_rows;
} builder;

static void *need(void *p)
{
    if (!p) {
        fprintf(stderr, "langmodel_table: out of memory\n");
        exit(1);
    }
    return p;
}

static void push(entries *v, entry e)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? 2 * v->cap : 4096;
        v->items = need(realloc(v->items, v->cap * sizeof *v->items));
    }
    v->items[v->n++] = e;
}

/* A code's place in sl_lang_codes (sorted); -1 when it is not there. */
static int intern(const char *code, size_t len)
{
    size_t n;
    const char *const *codes = sl_lang_codes(&n);
    return sl_sorted_words_find(codes, n, code, len);
}

/* fpdb.conf's name of a model ("nb--utf8", "sr-Latn-utf8") as our code. */
static int code_of(const char *name)
{
    size_t n = strcspn(name, "-");
    if (n == 2 && name[0] == 'n' && (name[1] == 'b' || name[1] == 'n'))
        return intern("no", 2);
    return intern(name, n);
}

/* Folds one list line's n-gram ("_Th", "e_") into out; false for n-grams
 * with other characters than letters and '_' (textcat counted punctuation
 * in a few lists; our text never yields it). Votes for the model's script. */
static bool fold_ngram(const char *s, size_t len, char *out, size_t *out_len, uint32_t *votes)
{
    size_t i = 0, n = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && c != '_') { /* most lists are ASCII: the same steps without utf8proc */
            if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || n + 4 > LINE_MAX_BYTES)
                return false;
            votes[SL_SCRIPT_LATIN]++;
            out[n++] = (char)(c | 0x20);
            i++;
            continue;
        }
        int32_t cp = sl_utf8_next(s, len, &i);
        if (cp != '_' && !sl_letter_cp(cp))
            return false;
        if (cp != '_') {
            votes[sl_script_of(cp)]++;
            cp = utf8proc_tolower(cp);
        }
        if (n + 4 > LINE_MAX_BYTES)
            return false;
        n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + n);
    }
    *out_len = n;
    return n > 0;
}

/* Reads one .lm file ("n-gram[<TAB>count]" lines, most frequent first)
 * into entries of model `model`; false when it cannot be read. */
static bool load_list(builder *m, const char *path, uint16_t model, entries *v)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char line[LINE_MAX_BYTES], folded[LINE_MAX_BYTES];
    uint32_t votes[SL_SCRIPT_COUNT] = {0};
    uint16_t rank = 0;
    size_t first = v->n;
    while (rank < UINT16_MAX && fgets_unlocked(line, sizeof line, f)) {
        size_t len = strcspn(line, "\t \r\n"), flen;
        if (!fold_ngram(line, len, folded, &flen, votes))
            continue;
        for (size_t b = 1; b < flen; b++)   /* its shorter prefixes, by character */
            if (((unsigned char)folded[b] & 0xC0) != 0x80)
                push(v, (entry){sl_lm_hash(folded, b), 0, PREFIX_ONLY});
        push(v, (entry){sl_lm_hash(folded, flen), rank++, model});
    }
    fclose(f);
    uint8_t script = SL_SCRIPT_LATIN;
    for (int k = 0; k < SL_SCRIPT_COUNT; k++)
        if (votes[k] > votes[script])
            script = (uint8_t)k;
    m->script[model] = script;
    for (size_t k = first; k < v->n; k++)
        v->items[k].key = sl_lm_key(v->items[k].key, script);
    return true;
}

/* The odds of a listed n-gram against an unlisted one, from its rank. */
static double odds(uint16_t rank)
{
    return 2.0 * (LIST_LEN + ZIPF_OFFSET) / (rank + ZIPF_OFFSET);
}

/* The slot of `key`, claimed if new. The table has room: twice the lists'
 * entries, and a slot claimed past half of it stops the build. */
static sl_lm_slot *slot_of(builder *m, uint64_t key)
{
    size_t at = key & m->mask;
    while (m->slots[at].key && m->slots[at].key != key)
        at = (at + 1) & m->mask;
    if (!m->slots[at].key && 2 * ++m->n_slots > m->mask + 1) {   /* prefixes past the lists' n-grams: never seen */
        fprintf(stderr, "langmodel_table: the hash table is over half full\n");
        exit(1);
    }
    m->slots[at].key = key;
    return &m->slots[at];
}

/* Each model's place among its script's models; the dense rows of the
 * n-grams most languages of a script list; then the postings' models as
 * those places, as the scores are kept per script. */
static void make_rows(builder *m)
{
    for (size_t k = 0; k < m->n_models; k++)
        m->local[k] = m->script_models[m->script[k]]++;
    size_t n_rows = 0;
    uint32_t n_dense[SL_SCRIPT_COUNT] = {0};
    for (size_t k = 0; k <= m->mask; k++) {
        sl_lm_slot *s = &m->slots[k];
        s->row = s->dense = SL_LM_NO_ROW;
        uint8_t script = s->n ? m->script[m->postings[s->first].model] : 0;
        uint16_t models = s->n ? m->script_models[script] : 0;
        if (s->n && s->n >= DENSE_SHARE * models) {
            if (n_dense[script] == SL_LM_MAX_DENSE) {
                fprintf(stderr, "langmodel_table: more than %d dense rows in a script\n", SL_LM_MAX_DENSE);
                exit(1);
            }
            s->row = (uint32_t)n_rows;
            s->dense = n_dense[script]++;
            n_rows += (models + SL_LM_ROW_STEP - 1u) / SL_LM_ROW_STEP * SL_LM_ROW_STEP;
        }
    }
    m->n_rows = n_rows ? n_rows : 1;
    m->rows = need(calloc(m->n_rows, sizeof *m->rows));
    for (size_t k = 0; k <= m->mask; k++) {
        sl_lm_slot *s = &m->slots[k];
        for (uint32_t j = 0; j < s->n; j++) {
            sl_lm_posting *p = &m->postings[s->first + j];
            p->model = m->local[p->model];
            if (s->row != SL_LM_NO_ROW)
                m->rows[s->row + p->model] = p->weight;
        }
    }
}

/* The entries into the hash table of postings, in two passes (count, then
 * place), so that each n-gram's postings lie together without a sort. */
static void index_entries(builder *m, const entries *v)
{
    size_t listed = 0, size = 64;
    for (size_t k = 0; k < v->n; k++)
        listed += v->items[k].model != PREFIX_ONLY;
    while (size < 2 * listed)
        size *= 2;
    m->mask = size - 1;
    m->slots = need(calloc(size, sizeof *m->slots));
    for (size_t k = 0; k < v->n; k++) {
        sl_lm_slot *s = slot_of(m, v->items[k].key);
        s->n += v->items[k].model != PREFIX_ONLY;
    }
    uint32_t first = 0;
    for (size_t k = 0; k < size; k++) {
        m->slots[k].first = first;
        first += m->slots[k].n;
        m->slots[k].n = 0;
    }
    m->n_postings = first ? first : 1;
    m->postings = need(calloc(m->n_postings, sizeof *m->postings));
    for (size_t k = 0; k < v->n; k++) {
        const entry *e = &v->items[k];
        if (e->model == PREFIX_ONLY)
            continue;
        sl_lm_slot *s = slot_of(m, e->key);
        sl_lm_posting *last = s->n ? &m->postings[s->first + s->n - 1] : NULL;
        if (last && last->model == e->model) /* "S" and "s" fold together */
            last->weight = (float)log(exp(last->weight) + odds(e->rank));
        else
            m->postings[s->first + s->n++] = (sl_lm_posting){e->model, (double)(float)log(odds(e->rank))};
    }
    make_rows(m);
}

/* The lists fpdb.conf names, those we can name and read. */
static void load(builder *m, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/fpdb.conf", dir);
    FILE *conf = fopen(path, "r");
    entries v = {0};
    char line[LINE_MAX_BYTES];
    while (conf && m->n_models < SL_LM_MAX_MODELS && fgets(line, sizeof line, conf)) {
        char file[128], name[128];
        if (line[0] == '#' || sscanf(line, "%127s %127s", file, name) != 2)
            continue;
        int code = code_of(name);
        if (code < 0)
            continue; /* a list we cannot name is left out */
        snprintf(path, sizeof path, "%s/%s", dir, file);
        size_t before = v.n;
        if (!load_list(m, path, (uint16_t)m->n_models, &v)) {
            v.n = before; /* nor one we cannot read */
            continue;
        }
        m->code[m->n_models++] = (uint8_t)code;
    }
    if (conf)
        fclose(conf);
    index_entries(m, &v);
    free(v.items);
}

static void print_u16s(const char *name, const uint16_t *a, size_t n)
{
    printf("    .%s = {", name);
    for (size_t k = 0; k < n; k++)
        printf("%s%u", k ? ", " : "", a[k]);
    printf("},\n");
}

static void print_u8s(const char *name, const uint8_t *a, size_t n)
{
    printf("    .%s = {", name);
    for (size_t k = 0; k < n; k++)
        printf("%s%u", k ? ", " : "", a[k]);
    printf("},\n");
}

/* A weight as C reads it back to the bit (0 as 0). */
static void print_double(double d)
{
    if (d == 0)
        printf("0");
    else
        printf("%a", d);
}

int main(int argc, char **argv)
{
    builder m = {0};
    const char *dir = argc > 1 ? argv[1] : SL_LANGMODEL_DIR;
    load(&m, dir);
    if (!m.n_models) {
        fprintf(stderr, "langmodel-table: no language lists read from %s/fpdb.conf "
                        "(install libexttextcat-data: scripts/bootstrap.sh)\n", dir);
        return 1;
    }
    printf("/* langmodel.c — made by scripts/langmodel_table.c from libexttextcat's lists: do not edit. */\n"
           "#include \"text/langmodel_table.h\"\n\n");
    printf("static const sl_lm_slot slots[%zu] = {\n", m.mask + 1);
    for (size_t k = 0; k <= m.mask; k++) {
        const sl_lm_slot *s = &m.slots[k];
        if (s->key)
            printf("    [%zu] = {0x%016llxu, %u, %u, %uu, %uu},\n", k, (unsigned long long)s->key, s->first,
                   s->n, s->row, s->dense);
    }
    printf("};\n\nstatic const sl_lm_posting postings[%zu] = {\n", m.n_postings);
    for (size_t k = 0; k < m.n_postings; k++) {
        printf("    {%u, ", m.postings[k].model);
        print_double(m.postings[k].weight);
        printf("},\n");
    }
    printf("};\n\nstatic const double rows[%zu] = {\n", m.n_rows);
    for (size_t k = 0; k < m.n_rows; k++) {
        printf(k % 8 ? " " : "    ");
        print_double(m.rows[k]);
        printf(k % 8 == 7 || k + 1 == m.n_rows ? ",\n" : ",");
    }
    printf("};\n\nconst sl_langmodel sl_langmodel_table = {\n    .n_models = %zu,\n", m.n_models);
    print_u8s("code", m.code, m.n_models);
    print_u8s("script", m.script, m.n_models);
    print_u16s("local", m.local, m.n_models);
    print_u16s("script_models", m.script_models, SL_SCRIPT_COUNT);
    printf("    .slots = slots,\n    .mask = %zu,\n    .postings = postings,\n    .rows = rows,\n};\n", m.mask);
    free(m.slots);
    free(m.postings);
    free(m.rows);
    return ferror(stdout) ? 1 : 0;
}
