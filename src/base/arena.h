/* arena.h - region allocator: everything parsed from one file lives in one
 * arena and is released at once, so memory tracks the largest file, not the
 * number of files. */
#ifndef KRAIT_ARENA_H
#define KRAIT_ARENA_H

#include <stddef.h>

typedef struct arena arena;

arena *arena_new(void);
void arena_free(arena *a);
/* Forget everything allocated but keep the memory for the next file, so a
 * worker parsing file after file does not hand pages back to the kernel and
 * fault them in again each time. Everything previously allocated is gone. */
void arena_reset(arena *a);
/* Zeroed, 16-byte aligned memory; aborts on exhaustion (see arena.c). */
void *arena_alloc(arena *a, size_t size);
/* The same, not zeroed: for buffers the caller fills at once (a decoded
 * copy of the source), where zeroing megabytes would be wasted work. */
void *arena_alloc_raw(arena *a, size_t size);
char *arena_strndup(arena *a, const char *s, size_t len);
/* Bytes handed out so far (for benchmarks and limits). */
size_t arena_used(const arena *a);

#endif
