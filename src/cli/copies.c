/* copies.c — `storyline copies`: every copy relation, or those of one
 * article with the aligned sentences that show it. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util/alloc.h"

static void print_sentence(const sl_article *a, sl_span s, int width)
{
    size_t len = a && a->text ? strlen(a->text) : 0;
    if (!a || s.end > len || s.start > s.end) {
        printf("?");
        return;
    }
    char *copy = sl_strndup(a->text + s.start, s.end - s.start);
    for (char *p = copy; p && *p; p++)
        if (*p == '\n')
            *p = ' ';
    cli_print_cut(copy ? copy : "", width);
    free(copy);
}

/* The aligned sentence pairs of one relation, copy first. */
static void print_evidence(sl_engine *e, const sl_copy *c)
{
    sl_article *copy = NULL, *of = NULL;
    if (sl_article_get(e, c->article_id, &copy) || sl_article_get(e, c->of_id, &of)) {
        cli_error("%s", sl_errmsg(e));
        goto done;
    }
    int width = cli_width();
    char head[160];
    snprintf(head, sizeof head, "%lld is a%s %s of %lld (%.2f)%s%s%s:", (long long)c->article_id,
             sl_copy_kind_name(c->kind)[0] == 'e' ? "n" : "", sl_copy_kind_name(c->kind), (long long)c->of_id, c->score,
             c->same_origin ? ", same origin" : "", c->credit ? ", credits " : "",
             c->credit ? c->credit : "");
    putchar('\n');
    cli_print_cut(head, width);
    putchar('\n');
    for (size_t k = 0; k < c->n_evidence; k++) {
        int used = printf("  %.2f  %lld: ", c->evidence[k].similarity, (long long)c->article_id);
        print_sentence(copy, c->evidence[k].article_sentence, width - used);
        used = printf("\n        %lld: ", (long long)c->of_id) - 1;
        print_sentence(of, c->evidence[k].of_sentence, width - used);
        printf("\n");
    }
done:
    sl_article_free(copy);
    sl_article_free(of);
}

static int run(cli *c)
{
    int64_t article = 0;
    for (int i = 0; i < c->argc; i++) {
        const char *v = cli_option(c, &i, "--article");
        if (!v)
            return cli_unexpected(&cmd_copies, c, i);
        if (!cli_id(v))
            return cli_usage(&cmd_copies, "--article wants an article id, not %s", v);
        article = cli_id(v);
    }
    sl_engine *e;
    int rc = cli_store(c, &e);
    if (rc)
        return rc;
    sl_article *a = NULL;
    int found = article ? sl_article_get(e, article, &a) : 0;
    sl_article_free(a);
    if (found)
        return cli_fail(e, found);
    if (c->json) {
        rc = sl_copies_json(e, article, cli_write_stdout, NULL);
        return rc ? cli_fail(e, rc) : EXIT_OK;
    }
    sl_copy_list *list = NULL;
    rc = sl_copies_list(e, article, &list);
    if (rc)
        return cli_fail(e, rc);
    int width = cli_width();
    printf("%8s %8s  %-8s %5s  %-11s %s\n", "article", "of", "kind", "score", "direction", "credit");
    for (size_t i = 0; i < list->n; i++) {
        const sl_copy *cp = &list->items[i];
        int used = printf("%8lld %8lld  %-8s %5.2f  %-11s ", (long long)cp->article_id,
                          (long long)cp->of_id, sl_copy_kind_name(cp->kind), cp->score,
                          cp->same_origin ? "same origin" : "by date");
        cli_print_cut(cp->credit ? cp->credit : "-", width - used);
        putchar('\n');
    }
    for (size_t i = 0; article && i < list->n; i++)
        print_evidence(e, &list->items[i]);
    sl_copy_list_free(list);
    return EXIT_OK;
}

const command cmd_copies = {
    "copies", "[--article ID] [--json]",
    "list copy relations: article, original, kind, score",
    "  --article ID   only what ID copies and who copies ID, with the aligned\n"
    "                 sentences that show each relation\n"
    "Kinds: exact, near (small edits), contains (the original plus added text),\n"
    "excerpt (a part of the original), rewrite (the same content in new words).\n"
    "The original is the earlier published; with no dates or equal ones the\n"
    "direction is \"same origin\" and the text that contains the other, or\n"
    "carries a credit line, is named the original (docs/copies.md).\n",
    1, run,
};
