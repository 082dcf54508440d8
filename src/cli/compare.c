/* compare.c — `storyline compare`: the copies stage on two files, or on a
 * stream of text pairs (JSONL), without a store. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

#define MAX_INPUT ((size_t)64 << 20)   /* bytes read of one file; a larger one is refused */

static void print_sentence(const char *text, size_t len, sl_span s)
{
    if (s.end <= len && s.start <= s.end)
        printf("%.*s", (int)(s.end - s.start), text + s.start);
}

/* Evidence sentences come from the texts as normalised, which the offsets
 * point into (not the files: invalid UTF-8 and NFKC change lengths). */
static void print_human(const sl_text_comparison *r, const sl_text_comparer *tc)
{
    size_t a_len, b_len;
    const char *a = sl_text_comparer_text(tc, 0, &a_len), *b = sl_text_comparer_text(tc, 1, &b_len);
    printf("kind: %s\nscore: %.3f\nbest sentence similarity: %.3f\n", sl_copy_kind_name(r->kind),
           r->score, r->best_similarity);
    for (size_t k = 0; k < r->n_evidence; k++) {
        printf("\n[%zu] %.3f\n  A: ", k + 1, r->evidence[k].similarity);
        print_sentence(a, a_len, r->evidence[k].article_sentence);
        printf("\n  B: ");
        print_sentence(b, b_len, r->evidence[k].of_sentence);
        printf("\n");
    }
}

static json_t *span_json(sl_span s)
{
    return json_pack("[ii]", (json_int_t)s.start, (json_int_t)s.end);
}

/* The result as one JSON document (pairs in `pairs` mode carry their id). */
static json_t *result_json(const sl_text_comparison *r, json_t *id)
{
    json_t *evidence = json_array();
    for (size_t k = 0; evidence && k < r->n_evidence; k++)
        json_array_append_new(evidence, json_pack("{s:o,s:o,s:f}", "a_sentence",
                                                  span_json(r->evidence[k].article_sentence),
                                                  "b_sentence", span_json(r->evidence[k].of_sentence),
                                                  "similarity", r->evidence[k].similarity));
    json_t *doc = cli_json_document();
    json_t *fields = json_pack("{s:O?,s:s,s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:b,s:o}", "id", id, "kind",
                               sl_copy_kind_name(r->kind), "score", r->score, "cover_a", r->cover_a,
                               "cover_b", r->cover_b, "aligned_a", r->aligned_a, "aligned_b", r->aligned_b,
                               "order_overlap", r->order_overlap, "specific_overlap", r->specific_overlap,
                               "number_overlap", r->number_overlap, "sentence_similarity", r->best_similarity,
                               "paraphrase", r->paraphrase, "evidence", evidence);
    if (!fields || json_object_update(doc, fields))
        json_decref(doc), doc = NULL;
    json_decref(fields);
    return doc;
}

static int compare_files(cli *c, sl_text_comparer *tc, const char *path_a, const char *path_b)
{
    size_t a_len = 0, b_len = 0;
    char *a = cli_read_text(path_a, MAX_INPUT, &a_len, NULL);
    char *b = a ? cli_read_text(path_b, MAX_INPUT, &b_len, NULL) : NULL;
    int rc = EXIT_TROUBLE;
    sl_text_comparison r = {0};
    if (a && b) {
        int err = sl_text_compare(tc, a, a_len, b, b_len, &r);
        if (err) {
            cli_error("%s, %s: %s", path_a, path_b, sl_strerror(err));
        } else {
            rc = c->json ? cli_json_print(result_json(&r, NULL), 0)
                         : (print_human(&r, tc), EXIT_OK);
            if (rc == EXIT_OK && r.kind == SL_COPY_NONE)
                rc = EXIT_NOT_COPY;
            else if (rc != EXIT_OK)
                rc = EXIT_TROUBLE;
        }
    }
    sl_text_comparison_clear(&r);
    free(a);
    free(b);
    return rc;
}

/* One JSONL line {"id": …, "a": TEXT, "b": TEXT} -> one result line. */
static int compare_line(sl_text_comparer *tc, const char *path, size_t line_no, const char *line)
{
    json_error_t err;
    json_t *in = json_loads(line, 0, &err);
    const char *a = json_string_value(json_object_get(in, "a"));
    const char *b = json_string_value(json_object_get(in, "b"));
    if (!a || !b) {
        cli_error("%s:%zu: %s", path, line_no, in ? "needs string fields a and b" : err.text);
        json_decref(in);
        return EXIT_TROUBLE;
    }
    sl_text_comparison r = {0};
    int rc = sl_text_compare(tc, a, json_string_length(json_object_get(in, "a")), b,
                             json_string_length(json_object_get(in, "b")), &r);
    if (rc)
        cli_error("%s:%zu: %s", path, line_no, sl_strerror(rc));
    else
        rc = cli_json_print(result_json(&r, json_object_get(in, "id")), 1);
    sl_text_comparison_clear(&r);
    json_decref(in);
    return rc ? EXIT_TROUBLE : EXIT_OK;
}

static int compare_pairs(sl_text_comparer *tc, const char *path)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        cli_error("%s: %s", path, strerror(errno));
        return EXIT_TROUBLE;
    }
    char *line = NULL;
    size_t cap = 0, line_no = 0, pairs = 0;
    int rc = EXIT_OK;
    ssize_t n = getline(&line, &cap, f);
    if (cli_not_lines(path, line, n, NULL, "compare --pairs", "compare --pairs -")) {
        rc = EXIT_TROUBLE;
        n = 0;
    }
    for (; n > 0; n = getline(&line, &cap, f)) {
        line_no++;
        if (cli_blank_line(line, n))
            continue;
        pairs++;
        if (compare_line(tc, path, line_no, line) != EXIT_OK)
            rc = EXIT_TROUBLE;
    }
    if (!pairs && rc == EXIT_OK) {   /* nothing compared: said, not a silent success */
        cli_error("%s: empty: no pairs to compare", path);
        rc = EXIT_TROUBLE;
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return rc;
}

static int run(cli *c)
{
    const char *pairs = NULL, *files[2] = {NULL, NULL};
    int n_files = 0;
    for (int i = 0; i < c->argc; i++) {
        const char *v = cli_option(c, &i, "--pairs");
        if (v)
            pairs = v;
        else if (n_files < 2 && !cli_is_option(c, i))
            files[n_files++] = c->argv[i];
        else
            return cli_unexpected(&cmd_compare, c, i);
    }
    if (!pairs && n_files != 2)
        return cli_usage(&cmd_compare, "give two files, or --pairs FILE");
    sl_text_comparer *tc = sl_text_comparer_new();
    if (!tc) {
        cli_error("out of memory");
        return EXIT_TROUBLE;
    }
    int rc = pairs ? compare_pairs(tc, pairs) : compare_files(c, tc, files[0], files[1]);
    sl_text_comparer_free(tc);
    return rc;
}

const command cmd_compare = {
    "compare", "A B [--json] | --pairs FILE.jsonl",
    "is text A a copy of B: exact, near, contains, excerpt, rewrite?",
    "  A B            two text files, plain or gzipped (- for standard input;\n"
    "                 an HTML page gives its article text),\n"
    "                 64 MB at most each once decompressed;\n"
    "                 the sentences shown are the texts' as compared (UTF-8\n"
    "                 repaired, NFKC), which --json's offsets point into\n"
    "  --pairs FILE   JSONL of {\"id\", \"a\", \"b\"}; one JSON result per line\n"
    "                 {\"id\", \"kind\", \"score\", \"sentence_similarity\", \"paraphrase\",\n"
    "                 \"evidence\"} in the same order; read as it comes, so a\n"
    "                 gzip file is refused (zcat it into --pairs -), and so\n"
    "                 is a JSON document (jq -c '.[]' it into --pairs -)\n"
    "The score is the degree of copying: 1 for an exact copy. A sentence pair's\n"
    "similarity is the sentence model's probability that the two say the same\n"
    "thing (docs/copies.md): 0.94 to 0.96 for identical sentences, not 1.\n"
    "No store is read or written. Exit status, like cmp: 0 A is a copy of B,\n"
    "1 it is not (kind none), 2 trouble (a file unreadable, bad arguments);\n"
    "with --pairs, 0 when every line was compared, 2 when one could not be\n"
    "(or none was there).\n",
    CLI_NO_STORE, run,
};
