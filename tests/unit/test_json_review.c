/* test_json_review.c — what the review of the JSON readers (branch rev31a)
 * mended: a JSONL line with a byte that is not UTF-8 and a fault besides
 * is reported without the private-use stand-in the reader put in its
 * place (the message named a character the line never held). */
#include <string.h>

#include "ingest/ingest.h"
#include "test.h"

/* The fault is the bad byte itself: the first error, which names it. */
TEST(jsonl_stray_byte_error_names_the_byte)
{
    static const char in_number[] = "{\"text\": \"The ferry left.\", \"id\": 12\xff}";
    static const char alone[] = "\xff\xfe\xff";
    sl_record rec = {0};
    sl_buf why = SL_BUF_INIT;
    CHECK_INT(sl_jsonl_parse_line(in_number, sizeof in_number - 1, &rec, &why), SL_EBADINPUT);
    CHECK_STR(sl_buf_cstr(&why), "invalid JSON at column 36: unable to decode byte 0xff near '12'");
    CHECK_INT(sl_jsonl_parse_line(alone, sizeof alone - 1, &rec, &why), SL_EBADINPUT);
    CHECK_STR(sl_buf_cstr(&why), "invalid JSON at column 1: unable to decode byte 0xff");
    CHECK(!strstr(sl_buf_cstr(&why), "\xf4\x8f"));
    sl_record_clear(&rec);
    sl_buf_free(&why);
}
