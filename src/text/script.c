/* script.c — the writing system of a code point and whether it is a letter:
 * what lang.c sorts text by, and what scripts/langmodel_table.c files the
 * n-gram lists under when it makes the model's table at build time. */
#include <utf8proc.h>

#include "text/langmodel.h"

sl_script sl_script_of(int32_t cp)
{
    static const struct { int32_t lo, hi; sl_script script; } ranges[] = {
        {0x0000, 0x024F, SL_SCRIPT_LATIN},    {0x0370, 0x03FF, SL_SCRIPT_GREEK},
        {0x0400, 0x052F, SL_SCRIPT_CYRILLIC}, {0x0530, 0x058F, SL_SCRIPT_ARMENIAN},
        {0x0590, 0x05FF, SL_SCRIPT_HEBREW},   {0x0600, 0x06FF, SL_SCRIPT_ARABIC},
        {0x0750, 0x077F, SL_SCRIPT_ARABIC},   {0x0900, 0x097F, SL_SCRIPT_DEVANAGARI},
        {0x0980, 0x09FF, SL_SCRIPT_BENGALI},  {0x0B80, 0x0BFF, SL_SCRIPT_TAMIL},
        {0x0E00, 0x0E7F, SL_SCRIPT_THAI},     {0x10A0, 0x10FF, SL_SCRIPT_GEORGIAN},
        {0x1100, 0x11FF, SL_SCRIPT_HANGUL},   {0x1C90, 0x1CBF, SL_SCRIPT_GEORGIAN},
        {0x1E00, 0x1EFF, SL_SCRIPT_LATIN},    {0x1F00, 0x1FFF, SL_SCRIPT_GREEK},
        {0x2D00, 0x2D2F, SL_SCRIPT_GEORGIAN}, {0x3040, 0x30FF, SL_SCRIPT_KANA},
        {0x3130, 0x318F, SL_SCRIPT_HANGUL},   {0x3400, 0x4DBF, SL_SCRIPT_HAN},
        {0x4E00, 0x9FFF, SL_SCRIPT_HAN},      {0xAC00, 0xD7AF, SL_SCRIPT_HANGUL},
        {0xFB50, 0xFDFF, SL_SCRIPT_ARABIC},   {0xFE70, 0xFEFF, SL_SCRIPT_ARABIC},
    };
    for (size_t k = 0; k < sizeof ranges / sizeof *ranges; k++)
        if (cp >= ranges[k].lo && cp <= ranges[k].hi)
            return ranges[k].script;
    return SL_SCRIPT_OTHER;
}

bool sl_letter_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}
