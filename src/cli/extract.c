/* extract.c — `storyline extract FILE...`: the article of each HTML page
 * (plain or gzipped) without a store: title, author, date, language, body;
 * with --json one JSON object per line, one line per page. */
#include <string.h>

#include "cli.h"

static void print_page(const sl_page *p, const char *path, int many)
{
    if (many)
        printf("==> %s\n", path);
    printf("title:     %s\n", p->title ? p->title : "(none)");
    printf("author:    %s\n", p->author ? p->author : "(none)");
    printf("published: %s\n", p->published ? p->published : "(unknown)");
    printf("language:  %s\n\n", p->lang ? p->lang : "und");
    cli_print_wrapped(p->text, 0);
    if (many)
        putchar('\n');
}

static int run(cli *c, sl_engine *e)
{
    (void)e;
    int n = 0;
    for (int i = 0; i < c->argc; i++) {
        if (c->argv[i][0] == '-' && c->argv[i][1])
            return cli_usage(&cmd_extract, "unknown option %s", c->argv[i]);
        n++;
    }
    if (!n)
        return cli_usage(&cmd_extract, "extract wants one or more HTML files");
    sl_extractor *x = NULL;
    if (sl_extractor_new(&x)) {
        cli_error("out of memory");
        return EXIT_STORE;
    }
    int status = EXIT_OK;
    for (int i = 0; i < c->argc; i++) {
        sl_page page;
        const char *path = c->argv[i];
        if (sl_extract_file(x, path, &page)) {
            cli_error("%s: %s", path, sl_extractor_errmsg(x));
            status = EXIT_PARTIAL;
            continue;
        }
        if (c->json) {
            sl_page_json(&page, path, cli_write_stdout, NULL);
            putchar('\n');
        } else {
            print_page(&page, path, n > 1);
        }
        sl_page_clear(&page);
    }
    sl_extractor_free(x);
    return status;
}

const command cmd_extract = {
    "extract", "[--json] FILE...",
    "print the article of HTML pages: title, author, date, language, body (no store)",
    "Each FILE is an HTML page, plain or gzip-compressed, in any charset. With --json\n"
    "each page becomes one JSON object on its own line (docs/json.md). A page\n"
    "without article text is reported on stderr and the others go on (exit 1).\n",
    CLI_NO_STORE, run,
};
