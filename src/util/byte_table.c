/* byte_table.c — the byte tables more than one stage reads (byte_table.h):
 * one copy each in the library, not one per file. */
#include "util/byte_table.h"

const uint8_t sl_ascii_lower[256] = SL_BYTE_TABLE(SL_ASCII_LOWER);
