/* fuzz.h — what the fuzz harnesses in fuzz/ share: the libFuzzer entry point
 * every harness defines, and small helpers that bring a raw input to the
 * form a later stage expects (valid, normalised UTF-8; a facts document).
 * The same harnesses run under libFuzzer (fuzz/run.sh) and under the plain
 * replay driver (fuzz/replay.c, fuzz/replay.sh). */
#ifndef SL_FUZZ_H
#define SL_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include "facts/facts.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Repairs and normalises data into `out` (initialised here; the caller
 * frees it), as the engine does before any text stage. 0 or an SL_E* code. */
int fuzz_normalized(const uint8_t *data, size_t size, sl_buf *out);

/* Runs one facts extractor over normalised text, with the document set up
 * as sl_facts_run sets it up; frees everything before returning. */
void fuzz_facts_one(const char *text, size_t len, void (*extractor)(sl_facts_doc *d));

/* Writes data to a fresh temporary file and returns its path (static
 * buffer), or NULL; for readers that take a path. */
const char *fuzz_temp_file(const uint8_t *data, size_t size);

/* Opens a WARC file and reads every record to the end, as the engine does
 * (a damaged record must say why; reading goes on after it). */
void fuzz_warc_read(const char *path);
#endif
