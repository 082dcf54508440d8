/* main.c — the storyline command: global options (before or after the
 * command name), dispatch to the subcommand, exit status. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util/alloc.h"

static const command *const commands[] = {
    &cmd_ingest, &cmd_stories, &cmd_show, &cmd_article, &cmd_search, &cmd_copies, &cmd_export,
    &cmd_check, &cmd_compare, &cmd_dedup, &cmd_facts, &cmd_quotes, &cmd_entities, &cmd_threads,
    &cmd_extract, &cmd_timex, &cmd_summarize, &cmd_summary, &cmd_timeline,
    &cmd_serve,
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void print_usage(FILE *out)
{
    fprintf(out,
            "usage: storyline [--db PATH] [--quiet] [--json] COMMAND [ARGS]\n\n"
            "storyline turns a pile of news articles into stories: it cleans them, finds\n"
            "copies, groups them into stories and lets you search and export them.\n\n"
            "commands:\n");
    int width = 0; /* the longest name: every summary starts in one column */
    for (size_t i = 0; i < N_COMMANDS; i++)
        width = (int)strlen(commands[i]->name) > width ? (int)strlen(commands[i]->name) : width;
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-*s  %s\n", width, commands[i]->name, commands[i]->summary);
    fprintf(out,
            "\nglobal options (before or after the command):\n"
            "  --db PATH   the store (default $STORYLINE_DB, else ./storyline.db)\n"
            "  --quiet     no progress or summary on stderr\n"
            "  --json      machine-readable output (docs/json.md)\n"
            "  --granularity X  stories finer (X > 1) or coarser (X < 1) than the default 1\n"
            "  --help      help on storyline or on a command\n"
            "  --version   print the version\n\n"
            "examples (make demo builds build/demo.db from examples/):\n"
            "  storyline ingest examples/          # files, folders, JSONL, HTML, WARC, feeds\n"
            "  storyline stories                   # one line per story, newest first\n"
            "  storyline show 1                    # a story: articles, copies, chrome\n"
            "  storyline facts 1 --conflicts       # where its independent sources disagree\n"
            "  storyline export --json > all.json  # everything, for programs\n\n"
            "exit status: 0 success; 1 some inputs failed (the rest are stored) or an\n"
            "id was not found; 2 usage error; 3 store error (no store yet, unreadable,\n"
            "corrupt). compare, like cmp: 0 a copy, 1 not a copy, 2 trouble.\n"
            "See storyline(1).\n");
}

static void print_command_help(const command *cmd)
{
    cli_print_usage(stdout, cmd);
    printf("\n%s\n", cmd->summary);
    if (cmd->help && *cmd->help)
        printf("\n%s", cmd->help);
}

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (!strcmp(commands[i]->name, name))
            return commands[i];
    return NULL;
}

/* 1 when the option at argv[i] has a value after it: "--" ends the options,
 * so it is never one (`--db -- a.db` names no store). */
static int has_value(int argc, char **argv, int i)
{
    return i + 1 < argc && strcmp(argv[i + 1], "--");
}

/* Pulls global options out of argv wherever they stand; the command name and
 * its own arguments stay in order in c->argv. Returns EXIT_USAGE on a usage
 * error, EXIT_STORE when out of memory, else 0. */
static int parse_globals(int argc, char **argv, cli *c, const char **name, int *version)
{
    const char *env = getenv("STORYLINE_DB");
    c->db = env && *env ? env : "storyline.db";
    c->argv = sl_calloc((size_t)argc + 1, sizeof *c->argv);
    if (!c->argv) {
        cli_error("out of memory");
        return EXIT_STORE;
    }
    int only_args = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_args || a[0] != '-' || !strcmp(a, "-")) {
            if (!*name && !only_args)
                *name = a;
            else
                c->argv[c->argc++] = argv[i];
            continue;
        }
        if (!strcmp(a, "--")) {
            only_args = 1;
            c->options_end = c->argc;
        }
        else if (!strcmp(a, "--quiet") || !strcmp(a, "-q"))
            c->quiet = 1;
        else if (!strcmp(a, "--json"))
            c->json = 1;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h"))
            c->help = 1;
        else if (!strcmp(a, "--version"))
            *version = 1;
        else if (!strcmp(a, "--db")) {
            if (!has_value(argc, argv, i)) {
                cli_error("--db needs a path");
                return EXIT_USAGE;
            }
            c->db = argv[++i];
        } else if (!strncmp(a, "--db=", 5))
            c->db = a + 5;
        else if (!strcmp(a, "--granularity")) {
            if (!has_value(argc, argv, i)) {
                cli_error("--granularity needs a number");
                return EXIT_USAGE;
            }
            c->granularity = argv[++i];
        } else if (!strncmp(a, "--granularity=", 14))
            c->granularity = a + 14;
        else
            c->argv[c->argc++] = argv[i]; /* the command's own option */
    }
    if (!only_args)
        c->options_end = c->argc;
    if (!*c->db) {
        cli_error("--db needs a path");
        return EXIT_USAGE;
    }
    return 0;
}

/* 1 when `text` shows option `name` followed by its value's name in capitals
 * ("[--limit N]", "  --timeout S   ..."). */
static int shows_value(const char *text, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = text; p && (p = strstr(p, name)); p += n)
        if ((p == text || p[-1] == ' ' || p[-1] == '[') && p[n] == ' ' && p[n + 1] >= 'A' &&
            p[n + 1] <= 'Z')
            return 1;
    return 0;
}

/* The command's last option (the last argument, or the last before "--") is
 * one its usage or help gives a value to: the value is missing (each command's
 * parser would call the option unknown, or take it for a search word). After
 * "--" nothing is an option (`search -- --limit` looks for the word), and no
 * option takes its value from there (`ingest --source -- a.jsonl`). */
static int value_missing(const command *cmd, const cli *c)
{
    const char *last = c->options_end ? c->argv[c->options_end - 1] : "";
    if (strncmp(last, "--", 2) || !(shows_value(cmd->usage, last) || shows_value(cmd->help, last)))
        return 0;
    cli_usage(cmd, "%s needs a value", last);
    return 1;
}

/* --json given to a command with no JSON output (its usage shows none):
 * a usage error, not silently human output a script would misread. */
static int json_missing(const command *cmd, const cli *c)
{
    if (!c->json || strstr(cmd->usage, "--json"))
        return 0;
    cli_usage(cmd, "%s has no JSON output (--json)", cmd->name);
    return 1;
}

/* --granularity given to a command whose table entry opens no store
 * (dedup, compare, serve ...): it groups no stories, so the option is a
 * usage error, as json_missing's --json: not silently dropped, nor
 * applied to an engine there is none of. */
static int granularity_unused(const command *cmd, const cli *c)
{
    if (!c->granularity || cmd->read_only != CLI_NO_STORE)
        return 0;
    cli_usage(cmd, "%s groups no stories (--granularity)", cmd->name);
    return 1;
}

/* `storyline help [COMMAND]`: a word after the command is a usage error,
 * as extra arguments are to every command (it was ignored). */
static int help_extra(const cli *c)
{
    if (c->argc <= 1)
        return 0;
    cli_error("help wants one command, not %d", c->argc);
    fputs("usage: storyline help [COMMAND]\n", stderr);
    return 1;
}

/* Runs the command `name` with the arguments in `c`, or shows the version,
 * the usage or the command's help; its exit status. */
static int dispatch(cli *c, const char *name, int version)
{
    if (version) {
        printf("storyline %s (json format %d)\n", SL_VERSION, SL_JSON_VERSION);
        return EXIT_OK;
    }
    if (name && !strcmp(name, "help")) {
        if (help_extra(c))
            return EXIT_USAGE;
        name = c->argc ? c->argv[0] : NULL;
        c->help = 1;
    }
    if (!name) {
        print_usage(c->help ? stdout : stderr);
        return c->help ? EXIT_OK : EXIT_USAGE;
    }
    const command *cmd = find_command(name);
    if (!cmd) {
        cli_error("unknown command '%s' (storyline --help lists them)", name);
        return EXIT_USAGE;
    }
    if (c->help || value_missing(cmd, c) || json_missing(cmd, c) || granularity_unused(cmd, c)) {
        if (c->help)
            print_command_help(cmd);
        return c->help ? EXIT_OK : EXIT_USAGE;
    }
    c->store_mode = cmd->read_only;
    return cli_close(c->engine, cmd->run(c));
}

int main(int argc, char **argv)
{
    cli c = {0};
    const char *name = NULL;
    int version = 0;
    sl_process_init(); /* SQLite's memory statistics off: nothing here reads them */
    int rc = parse_globals(argc, argv, &c, &name, &version);
    if (!rc)
        rc = dispatch(&c, name, version);
    free(c.argv);
    if (fflush(stdout) != 0) {
        cli_error("cannot write output");
        rc = rc ? rc : EXIT_STORE;
    }
    return rc;
}
