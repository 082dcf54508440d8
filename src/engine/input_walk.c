/* input_walk.c — a path given to ingest: a file or stream read, or a folder
 * walked in name order, staying inside it (links to folders and links out of
 * it are not followed) and leaving out hidden and documentation files. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "inputs.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/path.h"

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A project's documentation, not an article: "README.md" in examples/, a
 * dataset's "BASIL-README.md", LICENSE-MIT, COPYING.LESSER, license.txt.
 * A stem in lower or mixed case counts only alone or with one extension, so
 * "license-fees-rise.txt" stays an article. Named on the command line such
 * a file is read; met in a folder walk it is left out and counted. */
static int is_documentation(const char *name)
{
    static const char *const stems[] = {"README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG",
                                        "CONTRIBUTING", "NOTICE", "AUTHORS"};
    for (size_t i = 0; i < sizeof stems / sizeof *stems; i++) {
        size_t m = strlen(stems[i]);
        const char *rest = name + m;
        if (!strncmp(name, stems[i], m) ||
            (!strncasecmp(name, stems[i], m) && (!*rest || (*rest == '.' && !strpbrk(rest + 1, ".-_ ")))))
            return 1;
    }
    size_t n = strlen(name);
    return strstr(name, "README") || (n > 3 && !strcasecmp(name + n - 3, ".md")) ||
           (n > 9 && !strcasecmp(name + n - 9, ".markdown"));
}

/* Whether a link found in the walk resolves to a file inside the walked
 * folder: one pointing at /etc/os-release is not read. */
static int inside_root(const run *r, const char *path)
{
    char *real = realpath(path, NULL);
    size_t n = r->root ? strlen(r->root) : 0;
    int inside = real && n && !strncmp(real, r->root, n) && (real[n] == '/' || !real[n] || r->root[n - 1] == '/');
    free(real);
    return inside;
}


/* Every entry of a folder, in name order, so runs are repeatable; hidden
 * and documentation files are counted as skipped. */
static int ingest_dir(run *r, const char *path, int depth)
{
    DIR *dir = opendir(path);
    if (!dir) {
        sl_run_fail(r, path, strerror(errno));
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *ent;
    while ((ent = readdir(dir))) {
        if (!strcmp(ent->d_name, ".") || !strcmp(ent->d_name, ".."))
            continue;
        if (ent->d_name[0] == '.' || is_documentation(ent->d_name)) {
            r->report->skipped_files++;
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = sl_realloc(names, cap * sizeof *p);
            if (!p) {
                rc = sl_seterr(r->e, SL_ENOMEM, "out of memory listing %s", path);
                break;
            }
            names = p;
        }
        if (!(names[n] = sl_malloc(strlen(path) + strlen(ent->d_name) + 2))) {
            rc = sl_seterr(r->e, SL_ENOMEM, "out of memory listing %s", path);
            break;
        }
        sprintf(names[n++], "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", ent->d_name);
    }
    closedir(dir);
    if (!rc)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; !rc && i < n; i++)
        rc = sl_run_tree(r, names[i], depth + 1);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

int sl_run_tree(run *r, const char *path, int depth)
{
    struct stat sb;
    /* Inside a folder, links to folders are not followed (they can loop),
     * nor links that lead out of the folder given. */
    if (depth > 0 && lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode) &&
        ((stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) || !inside_root(r, path))) {
        r->report->skipped_files++;
        return 0;
    }
    if (!depth && sl_path_is_stream(path))   /* a pipe inside a folder is refused below */
        return sl_run_file(r, path);
    if (stat(path, &sb) != 0) {
        sl_run_fail(r, path, strerror(errno));
        return 0;
    }
    if (S_ISDIR(sb.st_mode)) {
        if (depth > 64) {
            sl_run_fail(r, path, "folders nested more than 64 deep");
            return 0;
        }
        if (!depth && !(r->root = realpath(path, NULL))) {
            sl_run_fail(r, path, strerror(errno));
            return 0;
        }
        return ingest_dir(r, path, depth);
    }
    if (!S_ISREG(sb.st_mode)) {
        sl_run_fail(r, path, "not a regular file");
        return 0;
    }
    return sl_run_file(r, path);
}
