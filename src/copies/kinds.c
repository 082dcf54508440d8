/* kinds.c — the names of the kinds of copy (sl_copy_kind), as the store
 * keeps them and the JSON and the commands write them: one word each,
 * read back to the kind. The kind itself is decided in align.c. */
#include <string.h>

#include "copies/copies.h"

static const char *const kind_names[] = {"none", "exact", "near", "contains", "excerpt", "rewrite"};

const char *sl_copy_kind_name(sl_copy_kind kind)
{
    return (unsigned)kind < sizeof kind_names / sizeof *kind_names ? kind_names[kind] : "none";
}

sl_copy_kind sl_copy_kind_of_name(const char *name)
{
    for (size_t k = 0; name && k < sizeof kind_names / sizeof *kind_names; k++)
        if (!strcmp(name, kind_names[k]))
            return (sl_copy_kind)k;
    return SL_COPY_NONE;
}
