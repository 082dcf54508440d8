/* thread_trace.c — the inputs of the thread decisions, printed when a trace
 * is set (eval/stories_features.c) so that eval/fit_threads.py can replay
 * them under another rule. Threads change no story: the stories of one
 * ingest, and each story's candidates, are the same under any thread rule,
 * so a replay of these lines gives exactly the threads the engine would.
 * Lines (tab-separated): "T" a candidate of a new story's thread link, seen
 * from its first article; "A" an article added to a story; "R" a candidate
 * of that story's link again, seen from its centroid; "S" a story split;
 * "W" the article's vector and "V" the story's centroid after the add, term
 * by term, so that eval/thread_features.py can measure features the lines
 * above do not hold (names, terms weighed by their rarity across stories),
 * and "K" the article's event-kind vector (kinds.c) for
 * eval/thread_kinds.py --engine. */
#include "internal.h"

#include <stdio.h>

void sl_thread_trace_link(FILE *out, uint32_t story, const sl_join_pair *p, int64_t gap,
                          int day_dated, int story_dated, uint32_t articles)
{
    fprintf(out, "T\t%u\t%.6f\t%.6f\t%u\t%lld\t%d\t%d\t%u\n", story, p->cosine, p->names,
            p->shared, (long long)gap, day_dated, story_dated, articles);
}

void sl_thread_trace_add(FILE *out, int64_t story, uint32_t articles, int64_t thread)
{
    fprintf(out, "A\t%lld\t%u\t%lld\n", (long long)story, articles, (long long)thread);
}

void sl_thread_trace_relink(FILE *out, uint32_t story, const sl_join_pair *p, uint32_t articles,
                            int64_t gap, int dated, int story_dated)
{
    fprintf(out, "R\t%u\t%.6f\t%u\t%u\t%lld\t%d\t%d\n", story, p->cosine, p->shared, articles,
            (long long)gap, dated, story_dated);
}

void sl_thread_trace_article(FILE *out, const sl_vector *v, const sl_term_vec *names)
{
    fputc('W', out);
    for (uint32_t i = 0; i < v->n; i++)
        fprintf(out, "\t%llu:%.6g:%d", (unsigned long long)v->terms[i].term, v->terms[i].weight,
                sl_terms_find(names->items, names->n, v->terms[i].term) != NULL);
    fputc('\n', out);
}

void sl_thread_trace_kind(FILE *out, const sl_vector *kind)
{
    fputc('K', out);
    for (uint32_t i = 0; i < kind->n; i++)
        fprintf(out, "\t%llu:%.6g", (unsigned long long)kind->terms[i].term, kind->terms[i].weight);
    fputc('\n', out);
}

void sl_thread_trace_centroid(FILE *out, int64_t story, const sl_story_slot *s)
{
    fprintf(out, "V\t%lld", (long long)story);
    for (uint32_t i = 0; i < s->n; i++)
        fprintf(out, "\t%llu:%.6g", (unsigned long long)s->terms[i].term, s->terms[i].weight);
    fputc('\n', out);
}

void sl_thread_trace_split(FILE *out, int64_t story, int64_t new_story)
{
    fprintf(out, "S\t%lld\t%lld\n", (long long)story, (long long)new_story);
}
