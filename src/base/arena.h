/* arena.h - region allocator: everything parsed from one file lives in one
 * arena and is released at once, so memory tracks the largest file, not the
 * number of files. */
#ifndef KRAIT_ARENA_H
#define KRAIT_ARENA_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct arena arena;
typedef struct arena_chunk arena_chunk;

/* Visible only so that allocation can be inlined: the parser makes a
 * million small nodes per 10 MB of source, and a call per node shows.
 * Everything but cur/end is arena.c's business. */
struct arena {
    unsigned char *cur, *end; /* the free room of the chunk being filled */
    arena_chunk *head;        /* chunks in use; the head is the one being filled */
    arena_chunk *spare;       /* chunks kept by arena_reset, largest first */
    size_t closed;            /* bytes handed out outside [head data, cur) */
};

enum { ARENA_ALIGN = 16 };

arena *arena_new(void);
void arena_free(arena *a);
/* Forget everything allocated but keep the memory for the next file, so a
 * worker parsing file after file does not hand pages back to the kernel and
 * fault them in again each time. Everything previously allocated is gone. */
void arena_reset(arena *a);
/* arena_alloc_raw when the head chunk has no room for `size` (rounded). */
void *arena_alloc_slow(arena *a, size_t size);

/* 16-byte aligned memory, not zeroed: for buffers the caller fills at once
 * (a decoded copy of the source), where zeroing megabytes would be wasted
 * work. Aborts on exhaustion (see arena.c). */
static inline void *arena_alloc_raw(arena *a, size_t size)
{
    size = size ? (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1) : ARENA_ALIGN;
    /* as integers: both are NULL in an arena with no chunk yet */
    if ((uintptr_t)a->end - (uintptr_t)a->cur < size)
        return arena_alloc_slow(a, size);
    void *p = a->cur;
    a->cur += size;
    return p;
}
/* The same, zeroed. Inline so that a node's constant size turns the
 * memset into a few stores. */
static inline void *arena_alloc(arena *a, size_t size)
{
    void *p = arena_alloc_raw(a, size);
    memset(p, 0, size);
    return p;
}
char *arena_strndup(arena *a, const char *s, size_t len);
/* Bytes handed out so far (for benchmarks and limits). */
size_t arena_used(const arena *a);

#endif
