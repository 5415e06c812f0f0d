/* arena.c - bump allocator over a chain of chunks, with the chunks of a
 * reset arena kept for reuse. */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_CHUNK = 64 * 1024 };
/* A reset keeps at most this much for reuse; a rare huge file's memory
 * beyond it goes back to the system. */
#define ARENA_KEEP ((size_t)64 << 20)

struct arena_chunk {
    arena_chunk *next;
    size_t size;
    _Alignas(16) unsigned char data[];
};
typedef arena_chunk chunk;

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        /* Out of memory mid-parse leaves no sane way to report per file. */
        fputs("krait: out of memory\n", stderr);
        abort();
    }
    return p;
}

arena *arena_new(void)
{
    arena *a = xmalloc(sizeof *a);
    a->cur = a->end = NULL;
    a->head = a->spare = NULL;
    a->closed = 0;
    return a;
}

static void free_chain(chunk *c)
{
    for (chunk *next; c; c = next) {
        next = c->next;
        free(c);
    }
}

void arena_free(arena *a)
{
    if (!a)
        return;
    free_chain(a->head);
    free_chain(a->spare);
    free(a);
}

/* Insert c into the spare list, kept sorted largest first. */
static void keep_spare(arena *a, chunk *c)
{
    chunk **at = &a->spare;
    while (*at && (*at)->size > c->size)
        at = &(*at)->next;
    c->next = *at;
    *at = c;
}

void arena_reset(arena *a)
{
    size_t kept = 0;
    for (chunk *s = a->spare; s; s = s->next)
        kept += s->size;
    for (chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        if (kept + c->size <= ARENA_KEEP) {
            kept += c->size;
            keep_spare(a, c);
        } else {
            free(c);
        }
    }
    a->head = NULL;
    a->cur = a->end = NULL;
    a->closed = 0;
}

/* A chunk with room for `min` bytes: the smallest fitting spare, else new. */
static chunk *chunk_get(arena *a, size_t min)
{
    chunk **best = NULL;
    for (chunk **at = &a->spare; *at; at = &(*at)->next)
        if ((*at)->size >= min)
            best = at;
    if (best) {
        chunk *c = *best;
        *best = c->next;
        c->next = NULL;
        return c;
    }
    size_t size = min > ARENA_CHUNK ? min : ARENA_CHUNK;
    chunk *c = xmalloc(sizeof *c + size);
    c->size = size;
    c->next = NULL;
    return c;
}

void *arena_alloc_slow(arena *a, size_t size)
{
    chunk *c = chunk_get(a, size);
    /* Big one-off blocks go behind the head so the head keeps its room. */
    if (a->head && size > ARENA_CHUNK / 4) {
        c->next = a->head->next;
        a->head->next = c;
        a->closed += size;
        return c->data;
    }
    if (a->head)
        a->closed += (size_t)(a->cur - a->head->data);
    c->next = a->head;
    a->head = c;
    a->cur = c->data + size;
    a->end = c->data + c->size;
    return c->data;
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *d = arena_alloc_raw(a, len + 1);
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

size_t arena_used(const arena *a)
{
    return a->closed + (a->head ? (size_t)(a->cur - a->head->data) : 0);
}
