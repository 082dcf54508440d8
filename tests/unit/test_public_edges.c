/* test_public_edges.c — what the second hostile sweep (branch qa2) found at
 * the public API's edges: a failed input explained by sl_errmsg when no
 * callback hears it, and the normalised texts a comparison's offsets
 * point into. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "storyline.h"
#include "store_fixture.h"

/* Without options (no on_error), SL_EBADINPUT still comes with its reason. */
TEST(ingest_buffer_failure_sets_errmsg)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/sl-unit-edges-%d.db", (int)getpid());
    remove_store_files(path);
    sl_engine *e = NULL;
    CHECK_INT(sl_engine_open(&e, path, NULL), 0);
    const char binary[] = "\x01\x02\x00\x03\x04\x00\x05";
    CHECK_INT(sl_ingest_buffer(e, binary, sizeof binary - 1, "blob", NULL, NULL), SL_EBADINPUT);
    CHECK(strstr(sl_errmsg(e), "blob: binary data") == sl_errmsg(e));
    /* a reason the pipeline gave (in sl_errmsg already) is not named twice */
    const char jsonl[] = "{\"html\": \"<html><body><nav>Home</nav></body></html>\"}\n";
    CHECK_INT(sl_ingest_buffer(e, jsonl, sizeof jsonl - 1, "feed.jsonl", NULL, NULL), SL_EBADINPUT);
    CHECK(!strncmp(sl_errmsg(e), "feed.jsonl:1: ", 14) && !strstr(sl_errmsg(e) + 1, "feed.jsonl"));
    CHECK(strstr(sl_errmsg(e), "(1 line, all page chrome)") != NULL);
    sl_engine_free(e);
    remove_store_files(path);
}

/* Evidence offsets point into the texts as normalised: an invalid byte and
 * a ligature (NFKC) shift them against the input, not against these. */
TEST(text_comparer_gives_the_normalised_texts)
{
    sl_text_comparer *tc = sl_text_comparer_new();
    size_t len = 99;
    CHECK_STR(sl_text_comparer_text(tc, 0, &len), "");
    CHECK_INT(len, 0);
    const char a[] = "Caf\xc3\xa9 owners in Brookvale raised prices \xff on Monday.\n\n"
                     "The \xef\xac\x81rst ferry left at nine, the harbour master said.\n";
    const char b[] = "Caf\xc3\xa9 owners in Brookvale raised prices on Monday.\n\n"
                     "The first ferry left at nine, the harbour master said.\n";
    sl_text_comparison r;
    CHECK_INT(sl_text_compare(tc, a, sizeof a - 1, b, sizeof b - 1, &r), 0);
    const char *na = sl_text_comparer_text(tc, 0, &len);
    CHECK(strstr(na, "The first ferry") != NULL && !strstr(na, "\xff") && len == strlen(na));
    CHECK(!strncmp(sl_text_comparer_text(tc, 1, NULL), b, sizeof b - 2));   /* the last newline goes */
    int found = 0;
    for (size_t k = 0; k < r.n_evidence; k++) {
        sl_span s = r.evidence[k].article_sentence;
        CHECK(s.end <= len);
        found |= s.end <= len && !strncmp(na + s.start, "The first ferry", 15);
    }
    CHECK(found);
    sl_text_comparison_clear(&r);
    sl_text_comparer_free(tc);
}
