/* sketch_memo.c — the stored sketches a batch has read (sl_store_sketch_get:
 * the copy_sketches row joined with its article's), kept by article id: the
 * copy stage reads the same candidates again article after article (the
 * first 1,000 Reuters stories read 7,174 sketches of 828 articles,
 * docs/benchmarks.md "Twentieth round"). Used only in a batch (not in a
 * migration nor outside a transaction); every statement that changes what
 * a kept row holds drops it (sl_store_sketch_memo_drop: a sketch written, an
 * article inserted, given a new version or new metadata, moved to another
 * story), follows a story merge as its statement does (the story's
 * articles to the other), or forgets all (a rollback, another writer's
 * commit seen as a batch begins). Migrations run at open, before any.
 * Each kept row carries a stamp of its sentences (sl_stored_sketch): a row
 * kept again with the same bytes keeps it, so the engine's sketch cache
 * knows its unpacked sketch still holds by the stamp, with no copy of the
 * bytes of its own. */
#include "store_internal.h"
#include "util/alloc.h"

/* Direct-mapped by id: 1,024 slots of about 1 KB when used. */
#define MEMO_SLOTS 1024

typedef struct memo_slot {
    int64_t id;                /* 0: empty (article ids start at 1) */
    int64_t stamped;           /* the article row.stamp names row.sentences of,
                                * kept when the row is dropped; 0: none */
    sl_stored_sketch row;
} memo_slot;

struct sl_sketch_memo {
    memo_slot slot[MEMO_SLOTS];
    uint64_t stamps;           /* the last stamp given */
};

static memo_slot *slot_of(sl_sketch_memo *m, int64_t id)
{
    return &m->slot[(uint64_t)id % MEMO_SLOTS];
}

static int copy_buf(sl_buf *to, const sl_buf *from)
{
    sl_buf_clear(to);
    return from->len ? sl_buf_put(to, from->ptr, from->len) : to->err;
}

/* Copies a row, each buffer's bytes (SL_ENOMEM). */
static int copy_row(sl_stored_sketch *to, const sl_stored_sketch *from)
{
    to->day = from->day;
    to->story_id = from->story_id;
    to->stamp = from->stamp;
    if (copy_buf(&to->sentences, &from->sentences) | copy_buf(&to->spans, &from->spans) |
        copy_buf(&to->credit, &from->credit) | copy_buf(&to->source, &from->source) |
        copy_buf(&to->title, &from->title))
        return SL_ENOMEM;
    return 0;
}

int sl_store_sketch_memo_get(sl_store *st, int64_t id, sl_stored_sketch *out)
{
    if (!st->sketch_memo || !sl_store_memo_on(st))
        return 0;
    const memo_slot *s = slot_of(st->sketch_memo, id);
    if (s->id != id || id == 0)
        return 0;
    return copy_row(out, &s->row) ? SL_ENOMEM : 1;
}

/* Whether slot s last named by its stamp the bytes of article id's row
 * (no sentences: buffers never filled, whose null pointers memcmp may not
 * be given even for no bytes). */
static bool same_sentences(const memo_slot *s, int64_t id, const sl_stored_sketch *row)
{
    return s->stamped == id && s->row.sentences.len == row->sentences.len &&
           (!row->sentences.len ||
            !memcmp(s->row.sentences.ptr, row->sentences.ptr, row->sentences.len));
}

void sl_store_sketch_memo_put(sl_store *st, int64_t id, sl_stored_sketch *row)
{
    row->stamp = 0;
    if (!sl_store_memo_on(st) || id == 0)
        return;
    if (!st->sketch_memo && !(st->sketch_memo = sl_calloc(1, sizeof *st->sketch_memo)))
        return; /* out of memory: read again next time */
    memo_slot *s = slot_of(st->sketch_memo, id);
    row->stamp = same_sentences(s, id, row) ? s->row.stamp : ++st->sketch_memo->stamps;
    s->id = s->stamped = copy_row(&s->row, row) ? 0 : id;
    if (!s->id)
        row->stamp = 0;
}

void sl_store_sketch_memo_drop(sl_store *st, int64_t id)
{
    if (!st->sketch_memo)
        return;
    memo_slot *s = slot_of(st->sketch_memo, id);
    if (s->id == id)
        s->id = 0;
}

void sl_store_sketch_memo_move(sl_store *st, int64_t from, int64_t into)
{
    if (!st->sketch_memo)
        return;
    for (size_t k = 0; k < MEMO_SLOTS; k++) {
        memo_slot *s = &st->sketch_memo->slot[k];
        if (s->id && s->row.story_id == from)
            s->row.story_id = into;
    }
}

void sl_store_sketch_memo_clear(sl_store *st)
{
    if (!st->sketch_memo)
        return;
    for (size_t k = 0; k < MEMO_SLOTS; k++)
        st->sketch_memo->slot[k].id = 0;
}

void sl_store_sketch_memo_free(sl_store *st)
{
    if (!st->sketch_memo)
        return;
    for (size_t k = 0; k < MEMO_SLOTS; k++)
        sl_stored_sketch_free(&st->sketch_memo->slot[k].row);
    sl_free(st->sketch_memo);
    st->sketch_memo = NULL;
}
