/* attribution.h — what quotes.c asks of attribution.c: where a quoted
 * stretch's attribution stands (its cue verb and speaker phrase, as token
 * ranges of the facts document) and the word tests both files read. */
#ifndef SL_FACTS_ATTRIBUTION_H
#define SL_FACTS_ATTRIBUTION_H

#include "facts/facts.h"

/* Tokens looked at beside a speaker phrase for its apposition. */
#define SL_ATTRIBUTION_WINDOW 14

typedef struct sl_attribution {
    size_t cue;                  /* token of the cue verb, SIZE_MAX when none */
    size_t sp_first, sp_end;     /* speaker tokens [first, end), empty when none */
} sl_attribution;

/* ---- where the attribution stands (cue SIZE_MAX when none) ---- */
/* After the closing mark: ", said Smith." / ", Smith said." */
sl_attribution sl_attr_after_quote(const sl_facts_doc *d, const sl_quote_piece *p);
/* Before the opening mark: Smith said: "..." */
sl_attribution sl_attr_before_quote(const sl_facts_doc *d, const sl_quote_piece *p);
/* A block quote's colon paragraph ("Smith wrote on Twitter:"). */
sl_attribution sl_attr_colon_paragraph(const sl_facts_doc *d, const sl_quote_piece *p);
/* The line under a quote that signs it ("- Bernie Sanders."). */
sl_attribution sl_attr_signature_line(const sl_facts_doc *d, const sl_quote_piece *p);
/* The sentence before a quote that opens a sentence without attribution. */
sl_attribution sl_attr_sentence_before(const sl_facts_doc *d, const sl_quote_piece *p);
/* An interview's turn ("— The one in 2014, she says."): the quote without
 * its attribution, which goes to *a. */
sl_quote_piece sl_attr_turn(const sl_facts_doc *d, const sl_quote_piece *p, sl_attribution *a);
/* Whether the quote's opening mark opens its paragraph. */
bool sl_attr_opens_paragraph(const sl_facts_doc *d, const sl_quote_piece *p);

/* ---- word tests ---- */
bool sl_attr_punct(const sl_facts_doc *d, size_t i);      /* token i is punctuation */
bool sl_attr_is_cue(const sl_facts_doc *d, size_t i);     /* a verb of saying */
bool sl_attr_clause_end(const sl_facts_doc *d, size_t i); /* ends an attribution's clause */
bool sl_attr_trailer(const sl_facts_doc *d, size_t i);    /* an adverb or auxiliary after a speaker */
bool sl_attr_np_stop(const sl_facts_doc *d, size_t i);    /* a word no speaker phrase holds */
bool sl_attr_np_start(const sl_facts_doc *d, size_t i);   /* a determiner or pronoun opening one */
bool sl_attr_pronoun(const sl_facts_doc *d, size_t i);    /* he, she, they, I, we */

#endif
