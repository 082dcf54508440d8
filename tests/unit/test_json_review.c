/* test_json_review.c — what the review of the JSON readers (branch rev31a)
 * mended: a JSONL line with a byte that is not UTF-8 and a fault besides
 * is reported without the private-use stand-in the reader put in its
 * place (the message named a character the line never held); a JSONL file
 * whose first line is an array stays JSONL (read as a document, one line
 * cut short took the lines after it). */
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

/* A whole array on the first line, an object on the next: JSONL, whose
 * cut line 3 costs line 3 alone. Arrays one after another, or an array on
 * one line alone, are still a document. */
TEST(format_jsonl_whose_first_line_is_an_array)
{
    static const char jsonl[] = "[{\"text\": \"The pier opened.\"}]\n"
                                "{\"text\": \"The ferry left.\"}\n"
                                "{\"text\": \"The storm cu\n"
                                "{\"text\": \"The bridge held.\"}\n";
    CHECK_INT(sl_format_detect(jsonl, sizeof jsonl - 1), SL_FORMAT_JSONL);
    static const char arrays[] = "[{\"text\": \"a\"}]\n[{\"text\": \"b\"}]\n";
    CHECK_INT(sl_format_detect(arrays, sizeof arrays - 1), SL_FORMAT_JSON);
    static const char one[] = "[{\"text\": \"a\"}, {\"text\": \"b\"}]\n";
    CHECK_INT(sl_format_detect(one, sizeof one - 1), SL_FORMAT_JSON);
    static const char open[] = "[{\"text\": \"a\"},\n {\"text\": \"b\"}]\n";
    CHECK_INT(sl_format_detect(open, sizeof open - 1), SL_FORMAT_JSON);
}
