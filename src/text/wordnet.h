/* wordnet.h — WordNet 3.0, read from Debian's wordnet-base files (index.*,
 * data.*, *.exc) into read-only tables on first use: the synsets of a word
 * (through morphy's exception lists and detachment rules) and the synsets
 * linked to a synset by a derivation (+), similar-to (&) or also (^)
 * pointer. The copies stage builds its synonym table from it once per
 * process (copies/synonyms.c, docs/copies.md). Not libwordnet: no global
 * state, every read bounds-checked. */
#ifndef SL_TEXT_WORDNET_H
#define SL_TEXT_WORDNET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* A synset id: its part of speech (SL_WORDNET_NOUN..ADV) times 2^24 plus its
 * byte offset in that part's data file (all offsets of WordNet 3.0 are
 * below 2^24). */
enum { SL_WORDNET_NOUN, SL_WORDNET_VERB, SL_WORDNET_ADJ, SL_WORDNET_ADV, SL_WORDNET_POS };
#define SL_WORDNET_POS_SHIFT 24
#define SL_WORDNET_DIR "/usr/share/wordnet"
#define SL_WORDNET_DIR_ENV "SL_WORDNET_DIR"   /* overrides SL_WORDNET_DIR (tests) */

typedef struct sl_wordnet sl_wordnet;

/* Reads the WordNet files of folder `dir` into `*out` (NULL on failure).
 * 0, SL_ENOMEM, SL_EIO (a file missing or unreadable) or SL_EBADINPUT (a
 * line that is not WordNet's format); `err` (may be NULL) gets a one-line
 * message naming the file, and the byte offset of a bad line. */
int sl_wordnet_load(const char *dir, sl_wordnet **out, sl_buf *err);
void sl_wordnet_free(sl_wordnet *wn);

/* Where the files are: $SL_WORDNET_DIR when set, else SL_WORDNET_DIR. */
const char *sl_wordnet_dir(void);

/* The synsets of folded word `w`, in every part of speech: of the word
 * itself when it is a lemma, of the bases its exception lists give, and of
 * the lemmas morphy's detachment rules find ("boxes" -> "box"). At most
 * `per_pos` synsets of each (lemma, part of speech), the most frequent
 * senses first (0: all). Writes at most `max` distinct ids to `out` and
 * returns how many. */
size_t sl_wordnet_synsets(const sl_wordnet *wn, const char *w, size_t len, uint32_t per_pos,
                          uint32_t *out, size_t max);
/* The synsets linked to `synset` by a derivation, similar-to or also
 * pointer (*out borrowed; 0 when none or the id is unknown). */
size_t sl_wordnet_links(const sl_wordnet *wn, uint32_t synset, const uint32_t **out);
/* Whether two folded words match at synonym level: they share a synset or
 * one's synset links to the other's (senses limited by `per_pos`). */
bool sl_wordnet_match(const sl_wordnet *wn, const char *a, size_t alen, const char *b,
                      size_t blen, uint32_t per_pos);

/* Every word form WordNet knows: its lemmas (once per part of speech) and
 * the inflected forms of its exception lists, for callers that key their
 * own tables (the copies stage keys by stem). Form i, i < the count, and
 * its synsets: the lemma's in its part of speech, or its exception's
 * base's (at most `per_pos`, 0: all; at most `max` written). */
size_t sl_wordnet_forms(const sl_wordnet *wn);
const char *sl_wordnet_form(const sl_wordnet *wn, size_t i, size_t *len);
size_t sl_wordnet_form_synsets(const sl_wordnet *wn, size_t i, uint32_t per_pos, uint32_t *out,
                               size_t max);
/* Memory the tables hold, in bytes. */
size_t sl_wordnet_bytes(const sl_wordnet *wn);

#endif
