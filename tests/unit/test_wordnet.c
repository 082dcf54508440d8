/* test_wordnet.c — the WordNet reader (text/wordnet.c) on a tiny database
 * written here in WordNet's file format (synset offsets are byte offsets,
 * so each data line's offset is the length of what precedes it), and its
 * errors: missing files and lines out of format. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "storyline.h"
#include "test.h"
#include "text/wordnet.h"

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* A database of four synsets: {shut, close} (verb) derived to {closure}
 * (noun), {walk} (verb), {sturdy} similar to {strong} (adjectives), and
 * the exception "shutting" -> "shut". Returns the folder (static). */
static const char *tiny_wordnet(const char *index_verb_override)
{
    static char dir[256];
    snprintf(dir, sizeof dir, "/tmp/sl_wordnet_test_%d", (int)getpid());
    mkdir(dir, 0700);
    char data_verb[512], data_noun[256], data_adj[512], index_verb[512], index_adj[256];
    /* the verb line's length does not depend on the offsets in it (8 digits) */
    snprintf(data_verb, sizeof data_verb,
             "%08d 30 v 02 shut 0 close 0 001 + %08d n 0101 | to move so as to cover an opening  \n",
             0, 0);
    size_t walk_at = strlen(data_verb);
    snprintf(data_verb + walk_at, sizeof data_verb - walk_at,
             "%08zu 38 v 01 walk 0 000 | to go on foot  \n", walk_at);
    snprintf(data_noun, sizeof data_noun,
             "%08d 04 n 01 closure 0 001 + %08d v 0101 | the act of shutting  \n", 0, 0);
    const char *strong = "%08d 00 a 01 strong 0 001 & %08zu s 0000 | having strength  \n";
    size_t sturdy_at = (size_t)snprintf(data_adj, sizeof data_adj, strong, 0, (size_t)0);
    snprintf(data_adj, sizeof data_adj, strong, 0, sturdy_at);
    snprintf(data_adj + sturdy_at, sizeof data_adj - sturdy_at,
             "%08zu 00 s 01 sturdy 0 001 & %08d a 0000 | built to last  \n", sturdy_at, 0);
    snprintf(index_verb, sizeof index_verb,
             "  1 a licence line, as in the real files\n"
             "close v 1 1 + 1 0 00000000  \nshut v 1 1 + 1 0 00000000  \nwalk v 1 0 1 0 %08zu  \n",
             walk_at);
    snprintf(index_adj, sizeof index_adj,
             "strong a 1 1 & 1 0 00000000  \nsturdy a 1 1 & 1 0 %08zu  \n", sturdy_at);
    write_file(dir, "index.noun", "closure n 1 1 + 1 0 00000000  \n");
    write_file(dir, "data.noun", data_noun);
    write_file(dir, "noun.exc", "");
    write_file(dir, "index.verb", index_verb_override ? index_verb_override : index_verb);
    write_file(dir, "data.verb", data_verb);
    write_file(dir, "verb.exc", "shutting shut\n");
    write_file(dir, "index.adj", index_adj);
    write_file(dir, "data.adj", data_adj);
    write_file(dir, "adj.exc", "");
    write_file(dir, "index.adv", "");
    write_file(dir, "data.adv", "");
    write_file(dir, "adv.exc", "");
    return dir;
}

static void remove_tiny_wordnet(const char *dir)
{
    static const char *const names[] = {"index.noun", "data.noun", "noun.exc", "index.verb",
                                         "data.verb", "verb.exc", "index.adj", "data.adj",
                                         "adj.exc", "index.adv", "data.adv", "adv.exc"};
    char path[512];
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        unlink(path);
    }
    rmdir(dir);
}

static bool match(const sl_wordnet *wn, const char *a, const char *b)
{
    return sl_wordnet_match(wn, a, strlen(a), b, strlen(b), 0);
}

TEST(wordnet_synonyms_derivations_similar_and_inflections)
{
    sl_buf err;
    sl_buf_init(&err, 0);
    sl_wordnet *wn = NULL;
    const char *dir = tiny_wordnet(NULL);
    CHECK_INT(sl_wordnet_load(dir, &wn, &err), 0);
    remove_tiny_wordnet(dir);
    CHECK(wn != NULL);
    if (!wn)
        return;
    CHECK(match(wn, "shut", "close"));         /* one synset */
    CHECK(match(wn, "closed", "shut"));        /* detachment rule: closed -> close */
    CHECK(match(wn, "shutting", "closure"));   /* exception list, then a derivation */
    CHECK(match(wn, "closures", "close"));     /* plural, derivation the other way */
    CHECK(match(wn, "sturdy", "strong"));      /* similar-to, a satellite adjective */
    CHECK(!match(wn, "walk", "shut"));
    CHECK(!match(wn, "walked", "unknown"));
    uint32_t ids[8];
    CHECK_INT(sl_wordnet_synsets(wn, "walked", 6, 0, ids, 8), 1);
    CHECK_INT(ids[0] >> SL_WORDNET_POS_SHIFT, SL_WORDNET_VERB);
    CHECK_INT(sl_wordnet_synsets(wn, "closure", 7, 0, ids, 8), 1);
    CHECK_INT(ids[0], 0);   /* noun 0, offset 0 */
    /* every lemma (once per part of speech) and exception form */
    CHECK_INT(sl_wordnet_forms(wn), 7);
    CHECK_INT(sl_wordnet_form_synsets(wn, 6, 0, ids, 8), 1);   /* "shutting": shut's synset */
    CHECK_INT(ids[0], SL_WORDNET_VERB << SL_WORDNET_POS_SHIFT);
    CHECK(sl_wordnet_bytes(wn) > 0);
    sl_wordnet_free(wn);
    sl_buf_free(&err);
}

TEST(wordnet_missing_files_and_bad_lines_are_named)
{
    sl_buf err;
    sl_buf_init(&err, 0);
    sl_wordnet *wn = (sl_wordnet *)&err;
    CHECK_INT(sl_wordnet_load("/nonexistent/wordnet", &wn, &err), SL_EIO);
    CHECK(wn == NULL);
    CHECK(strstr(sl_buf_cstr(&err), "/nonexistent/wordnet/index.noun") != NULL);
    /* a sense count that is not a number: the file and the line's offset */
    CHECK_INT(sl_wordnet_load(tiny_wordnet("close v 1 1 + 1 0 00000000  \nshut v x\n"), &wn, &err),
              SL_EBADINPUT);
    CHECK(wn == NULL);
    char expected[64];
    snprintf(expected, sizeof expected, "index.verb: byte %zu", strlen("close v 1 1 + 1 0 00000000  \n"));
    CHECK(strstr(sl_buf_cstr(&err), expected) != NULL);
    /* more synsets counted than written */
    const char *dir = tiny_wordnet("close v 9 0 9 0 00000000\n");
    CHECK_INT(sl_wordnet_load(dir, &wn, &err), SL_EBADINPUT);
    CHECK(wn == NULL);
    remove_tiny_wordnet(dir);
    sl_buf_free(&err);
    sl_wordnet_free(NULL);
}

TEST(wordnet_reads_debian_files)
{
    /* the build installs wordnet-base (scripts/bootstrap.sh) */
    sl_wordnet *wn = NULL;
    CHECK_INT(sl_wordnet_load(sl_wordnet_dir(), &wn, NULL), 0);
    if (!wn)
        return;
    CHECK(sl_wordnet_forms(wn) > 90000);
    CHECK(match(wn, "decision", "decided"));
    CHECK(match(wn, "went", "go"));
    CHECK(!match(wn, "river", "decided"));
    sl_wordnet_free(wn);
}
