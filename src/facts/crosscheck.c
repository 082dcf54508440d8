/* crosscheck.c — the facts of a story lined up across its sources: numbers
 * that count the same thing (unit and head of what they count) and dates,
 * each value with the articles stating it and the independent sources
 * behind them (copies collapsed to their original), agreement, conflicts
 * beyond rounding and "over"/"about", and a confidence. docs/facts.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"
#include "util/alloc.h"
#include "util/date.h"

/* Longest chain of copies followed to an original. */
#define MAX_COPY_DEPTH 8
/* Relative difference two round or approximate values may have and agree. */
#define ROUNDING_TOLERANCE 0.02
#define APPROX_TOLERANCE 0.10

/* Words that name the same event, counted the same way. */
static const struct { const char *word, *as; } event_words[] = {
    {"injured", "injured"}, {"injuring", "injured"}, {"hurt", "injured"}, {"wounded", "injured"},
    {"injuries", "injured"}, {"killed", "killed"}, {"dead", "killed"}, {"deaths", "killed"},
    {"death", "killed"}, {"died", "killed"}, {"toll", "killed"}, {"fatalities", "killed"},
    {"evacuated", "evacuated"}, {"arrested", "arrested"}, {"missing", "missing"},
    {"hostages", "hostage"}, {"hostage", "hostage"}, {"displaced", "displaced"},
    {"lives", "killed"}, {"war", "war"}, {"fighting", "war"}, {"conflict", "war"},
    {"hostilities", "war"}, {"visit", "visit"}, {"trip", "visit"}, {"mission", "visit"},
    {"tour", "visit"},
};

typedef struct entry {
    char key[96];
    const sl_fact_item *it;
    int64_t source;          /* the independent source (original article) */
} entry;

/* Singular of a plain English noun: "deaths" -> "death", "casualties" -> "casualty". */
static size_t singular(const char *w, size_t n, char *out, size_t cap)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(out, w, n);
    if (n > 4 && !strncmp(w + n - 3, "ies", 3)) {
        strcpy(out + n - 3, "y");
        return n - 2;
    }
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u')
        n--;
    out[n] = '\0';
    return n;
}

/* The first capitalised word after the first word of a number's text, lower
 * case: whose deaths ("40,000 Palestinian deaths" vs "1,200 Israeli deaths"). */
static void modifier(const char *text, char *out, size_t cap)
{
    out[0] = '\0';
    const char *w = text ? strchr(text, ' ') : NULL;
    while (w && *w) {
        while (*w == ' ')
            w++;
        size_t n = strcspn(w, " ");
        if (*w >= 'A' && *w <= 'Z' && n < cap) {
            for (size_t k = 0; k < n; k++)
                out[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] | 0x20 : w[k]);
            out[n] = '\0';
            return;
        }
        w += n;
    }
}

/* The key of a number: its unit and the head of what it counts, an event
 * word taking precedence ("workers injured" and "injured" meet). */
static bool number_key(const sl_fact_item *it, char *key, size_t cap)
{
    char last[48] = "";
    const char *event = NULL;
    for (const char *w = it->about ? it->about : ""; *w;) {
        size_t n = strcspn(w, " ");
        for (size_t k = 0; !event && k < sizeof event_words / sizeof *event_words; k++)
            if (strlen(event_words[k].word) == n && !strncmp(w, event_words[k].word, n))
                event = event_words[k].as;
        singular(w, n, last, sizeof last);
        w += n;
        while (*w == ' ')
            w++;
    }
    const char *head = event ? event : last;
    if (!head[0] && !it->detail && !it->role)
        return false; /* a bare number: nothing to line it up by */
    /* "26 months of restoration work" measures the work; "work stopped for
     * five months" a span of it: a head outside the number's own words
     * (found before it) is kept apart from one inside them. */
    bool outside = !event && head[0] && it->text && !strcasestr(it->text, head);
    char who[32];
    modifier(it->text, who, sizeof who);
    snprintf(key, cap, "%s%s|%s%s%s%s", it->role ? "#" : "", it->detail ? it->detail : "",
             outside ? "<" : "", who, who[0] && head[0] ? " " : "", head);
    return true;
}

static int64_t original_of(int64_t a, const int64_t *pairs, size_t n)
{
    for (int depth = 0; depth < MAX_COPY_DEPTH; depth++) {
        size_t k = 0;
        while (k < n && pairs[2 * k] != a)
            k++;
        if (k == n)
            break;
        a = pairs[2 * k + 1];
    }
    return a;
}

static int by_key(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (x->it->article_id != y->it->article_id)
        return x->it->article_id < y->it->article_id ? -1 : 1;
    return x->it->span.start < y->it->span.start ? -1 : x->it->span.start > y->it->span.start;
}

/* Whether value a (stated as approx_a) and b can both be true. */
static bool compatible(const sl_fact_item *a, const sl_fact_item *b)
{
    double x = a->value, y = b->value, m = fmax(fabs(x), fabs(y));
    if (x == y && a->value_hi == b->value_hi)
        return true;
    if ((a->approx == '>' && y >= x) || (b->approx == '>' && x >= y))
        return true;
    if ((a->approx == '<' && y <= x) || (b->approx == '<' && x <= y))
        return true;
    double tol = (a->approx == '~' || b->approx == '~') ? APPROX_TOLERANCE : ROUNDING_TOLERANCE;
    if (a->value != a->value_hi || b->value != b->value_hi) /* ranges overlap */
        return fmax(x, y) <= fmin(a->value_hi, b->value_hi);
    return m > 0 && fabs(x - y) <= tol * m && m >= 100;
}

static int add_id(int64_t **ids, size_t *n, int64_t id)
{
    for (size_t k = 0; k < *n; k++)
        if ((*ids)[k] == id)
            return 0;
    int64_t *more = sl_realloc(*ids, (*n + 1) * sizeof *more);
    if (!more)
        return SL_ENOMEM;
    more[(*n)++] = id;
    *ids = more;
    return 0;
}

static void free_value(sl_fact_value *v)
{
    free(v->text);
    free(v->articles);
    free(v->sentences);
    free(v->sources);
}

static void free_fact(sl_fact *f)
{
    for (size_t k = 0; k < f->n_values; k++)
        free_value(&f->values[k]);
    free(f->values);
    free(f->about);
    free(f->unit);
}

/* Adds entry e to the value it agrees with, or a new value. */
static int add_to_values(sl_fact *f, const entry *e, const entry *firsts[], size_t max)
{
    size_t k = 0;
    while (k < f->n_values && !compatible(firsts[k]->it, e->it))
        k++;
    if (k == f->n_values) {
        if (k == max)
            return 0;
        sl_fact_value *more = sl_realloc(f->values, (k + 1) * sizeof *more);
        if (!more)
            return SL_ENOMEM;
        f->values = more;
        memset(&more[k], 0, sizeof more[k]);
        more[k].value = e->it->value;
        more[k].value_hi = e->it->value_hi;
        more[k].approx = e->it->approx;
        more[k].text = sl_strdup(e->it->text ? e->it->text : "");
        firsts[k] = e;
        f->n_values++;
    }
    sl_fact_value *v = &f->values[k];
    size_t before = v->n_articles;
    if (add_id(&v->articles, &v->n_articles, e->it->article_id) ||
        add_id(&v->sources, &v->n_sources, e->source))
        return SL_ENOMEM;
    if (v->n_articles > before) {
        sl_span *s = sl_realloc(v->sentences, v->n_articles * sizeof *s);
        if (!s)
            return SL_ENOMEM;
        s[v->n_articles - 1] = e->it->sentence;
        v->sentences = s;
    }
    return v->text ? 0 : SL_ENOMEM;
}

/* Whether one article states values of this group that cannot all be true:
 * then the key is too loose to say the articles disagree. */
static bool ambiguous(const entry *g, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        for (size_t j = i + 1; j < n && g[j].it->article_id == g[i].it->article_id; j++)
            if (!compatible(g[i].it, g[j].it))
                return true;
    return false;
}

/* Most independent sources first; of as many, the one more articles state,
 * then the one stated first (qsort is not stable: ties must not be left to
 * it). */
static int by_sources(const void *a, const void *b)
{
    const sl_fact_value *x = a, *y = b;
    if (x->n_sources != y->n_sources)
        return x->n_sources < y->n_sources ? 1 : -1;
    if (x->n_articles != y->n_articles)
        return x->n_articles < y->n_articles ? 1 : -1;
    int64_t fx = x->n_articles ? x->articles[0] : 0, fy = y->n_articles ? y->articles[0] : 0;
    return (fx > fy) - (fx < fy);
}

#define MAX_VALUES 16

/* Builds the fact of one group g[0, n); *keep says whether it is worth showing. */
static int build_fact(const entry *g, size_t n, sl_fact *f, bool *keep)
{
    const entry *firsts[MAX_VALUES];
    memset(f, 0, sizeof *f);
    const char *bar = strchr(g->key, '|');
    const char *unit = g->key[0] == '#' ? g->key + 1 : g->key;
    const char *head = bar + 1 + (bar[1] == '<'); /* shown without number_key's mark */
    f->about = head[0] ? sl_strdup(head) : sl_strndup(unit, (size_t)(bar - unit));
    if (bar > unit)
        f->unit = sl_strndup(unit, (size_t)(bar - unit));
    if (!f->about || (bar > unit && !f->unit))
        return SL_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (add_to_values(f, &g[i], firsts, MAX_VALUES))
            return SL_ENOMEM;
    qsort(f->values, f->n_values, sizeof *f->values, by_sources);
    bool amb = ambiguous(g, n);
    /* Disagreement is claimed only where the grouping is specific: a unit
     * and a head ("25 years" of the treaty's run), or an event ("injured").
     * Plain counts ("12 delegates", "24 delegates") are often parts and
     * wholes of one another. */
    bool event = false;
    for (size_t k = 0; k < sizeof event_words / sizeof *event_words; k++)
        event |= !strcmp(head, event_words[k].as);
    bool specific = head[0] && (event || bar > unit);
    f->conflict = f->n_values > 1 && !amb && specific;
    /* Confidence that the values speak of one thing: a named thing and a
     * unit make a match likelier, one value per article too. */
    f->confidence = 0.4 + (bar[1] ? 0.3 : 0.0) + (f->unit ? 0.15 : 0.0) - (amb ? 0.3 : 0.0);
    if (g->key[0] == '#')
        f->confidence += 0.1;
    /* Agreement needs two independent sources: a copy repeating its
     * original is one source saying a thing twice. */
    f->agreement = f->n_values == 1 && f->values[0].n_sources >= 2;
    /* a fact stated by two articles is shown, even when they are one source
     * (a copy and its original): the table says so in its sources */
    *keep = f->values[0].n_articles >= 2 || f->conflict;
    return 0;
}

/* A (unit, value) pair and the key of the numbers that state it with a head. */
typedef struct anchor {
    char prefix[48];
    double value;
    const char *key;     /* NULL when several heads state that value */
} anchor;

static int by_anchor(const void *a, const void *b)
{
    const anchor *x = a, *y = b;
    int c = strcmp(x->prefix, y->prefix);
    if (c)
        return c;
    return (x->value > y->value) - (x->value < y->value);
}

/* Numbers that say what they count only by ellipsis ("his ninth", "25
 * years") join the group of the same unit and value when exactly one group
 * states it: sort and binary search, no pairwise comparison. */
static int attach_headless(entry *en, size_t n)
{
    anchor *an = sl_calloc(n ? n : 1, sizeof *an);
    if (!an)
        return SL_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        const char *bar = strchr(en[i].key, '|');
        if (!bar || !bar[1] || !strncmp(en[i].key, "date|", 5))
            continue;
        snprintf(an[m].prefix, sizeof an[m].prefix, "%.*s", (int)(bar - en[i].key), en[i].key);
        an[m].value = en[i].it->value;
        an[m++].key = en[i].key;
    }
    qsort(an, m, sizeof *an, by_anchor);
    for (size_t i = 0; i + 1 < m; i++) /* a value stated with two heads: no telling which */
        if (!by_anchor(&an[i], &an[i + 1]) && an[i].key && an[i + 1].key &&
            strcmp(an[i].key, an[i + 1].key))
            an[i].key = an[i + 1].key = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *bar = strchr(en[i].key, '|');
        if (!bar || bar[1])
            continue;
        anchor probe;
        snprintf(probe.prefix, sizeof probe.prefix, "%.*s", (int)(bar - en[i].key), en[i].key);
        probe.value = en[i].it->value;
        anchor *hit = bsearch(&probe, an, m, sizeof *an, by_anchor);
        if (hit && hit->key) {
            /* every anchor equal to the probe must agree on the key */
            anchor *lo = hit, *hi = hit;
            while (lo > an && !by_anchor(lo - 1, &probe))
                lo--;
            while (hi + 1 < an + m && !by_anchor(hi + 1, &probe))
                hi++;
            bool one = true;
            for (anchor *a = lo; a <= hi; a++)
                one &= a->key && !strcmp(a->key, hit->key);
            if (one)
                snprintf(en[i].key, sizeof en[i].key, "%s", hit->key);
        }
    }
    free(an);
    return 0;
}

static int collect(const sl_fact_item *items, size_t n_items, const int64_t *pairs,
                   size_t n_pairs, entry **out, size_t *n_out)
{
    entry *en = sl_calloc(n_items ? n_items : 1, sizeof *en);
    size_t n = 0;
    for (size_t i = 0; en && i < n_items; i++) {
        const sl_fact_item *it = &items[i];
        if (it->kind == SL_FACT_NUMBER && number_key(it, en[n].key, sizeof en[n].key)) {
            en[n].it = it;
        } else if (it->kind == SL_FACT_DATE && it->about && strlen(it->about) >= 7 &&
                   (it->about[0] != 'X' || strlen(it->about) == 10)) { /* a day, or a known month */
            snprintf(en[n].key, sizeof en[n].key, "date|%s", it->about);
            en[n].it = it;
        } else {
            continue;
        }
        en[n].source = original_of(it->article_id, pairs, n_pairs);
        n++;
    }
    if (!en)
        return SL_ENOMEM;
    if (attach_headless(en, n)) {
        free(en);
        return SL_ENOMEM;
    }
    qsort(en, n, sizeof *en, by_key);
    *out = en;
    *n_out = n;
    return 0;
}

void sl_fact_table_free(sl_fact_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free_fact(&t->items[i]);
    free(t->items);
    free(t);
}

static int by_importance(const void *a, const void *b)
{
    const sl_fact *x = a, *y = b;
    if (x->conflict != y->conflict)
        return y->conflict - x->conflict;
    size_t sx = x->n_values ? x->values[0].n_sources : 0;
    size_t sy = y->n_values ? y->values[0].n_sources : 0;
    return (sy > sx) - (sy < sx);
}

int sl_facts_crosscheck(int64_t story_id, const sl_fact_item *items, size_t n_items,
                        const int64_t *copy_pairs, size_t n_pairs, int conflicts_only,
                        sl_fact_table **out)
{
    *out = NULL;
    entry *en = NULL;
    size_t n = 0;
    int rc = collect(items, n_items, copy_pairs, n_pairs, &en, &n);
    if (rc)
        return rc;
    sl_fact_table *t = sl_calloc(1, sizeof *t);
    sl_fact *facts = sl_calloc(n ? n : 1, sizeof *facts);
    rc = t && facts ? 0 : SL_ENOMEM;
    for (size_t i = 0; !rc && i < n;) {
        size_t j = i + 1;
        while (j < n && !strcmp(en[j].key, en[i].key))
            j++;
        bool keep = false;
        if (!strcmp(en[i].key, "|") || !strcmp(en[i].key, "#|")) {
            i = j; /* says neither what it counts nor in what unit */
            continue;
        }
        rc = build_fact(&en[i], j - i, &facts[t->n], &keep);
        if (!rc && keep && (!conflicts_only || facts[t->n].conflict))
            t->n++;
        else
            free_fact(&facts[t->n]);
        i = j;
    }
    free(en);
    if (rc) {
        if (t) {
            t->items = facts;
            sl_fact_table_free(t);
        } else {
            free(facts);
        }
        return rc;
    }
    qsort(facts, t->n, sizeof *facts, by_importance);
    t->items = facts;
    t->story_id = story_id;
    *out = t;
    return 0;
}
