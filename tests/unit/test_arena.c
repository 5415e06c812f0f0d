/* test_arena.c - the region allocator (arena.c): its inline fast path and
 * the slow path behind it (new chunks, big blocks, reuse after a reset). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"

static int aligned(const void *p)
{
    return ((uintptr_t)p & (ARENA_ALIGN - 1)) == 0;
}

static void fresh_arena_allocates(void **state)
{
    (void)state;
    arena *a = arena_new();
    assert_int_equal(arena_used(a), 0);
    unsigned char *p = arena_alloc(a, 0); /* still a distinct, aligned block */
    unsigned char *q = arena_alloc(a, 1);
    assert_non_null(p);
    assert_true(aligned(p) && aligned(q));
    assert_ptr_not_equal(p, q);
    assert_int_equal(arena_used(a), 2 * ARENA_ALIGN);
    arena_free(a);
}

static void alloc_is_zeroed_and_aligned(void **state)
{
    (void)state;
    arena *a = arena_new();
    for (size_t n = 1; n < 300; n += 7) {
        unsigned char *raw = arena_alloc_raw(a, n);
        memset(raw, 0xAB, n); /* dirty memory that a reset hands out again */
    }
    arena_reset(a);
    for (size_t n = 1; n < 300; n += 7) {
        unsigned char *p = arena_alloc(a, n);
        assert_true(aligned(p));
        for (size_t i = 0; i < n; i++)
            assert_int_equal(p[i], 0);
    }
    arena_free(a);
}

/* Many small blocks fill several chunks; none overlaps another. */
static void small_blocks_do_not_overlap(void **state)
{
    (void)state;
    arena *a = arena_new();
    enum { N = 20000, SIZE = 40 };
    static unsigned char *blocks[N];
    for (int i = 0; i < N; i++) {
        blocks[i] = arena_alloc_raw(a, SIZE);
        memset(blocks[i], i & 0xFF, SIZE);
    }
    for (int i = 0; i < N; i++)
        for (int j = 0; j < SIZE; j++)
            assert_int_equal(blocks[i][j], i & 0xFF);
    assert_int_equal(arena_used(a), (size_t)N * 48); /* 40 rounded to 16 */
    arena_free(a);
}

/* A big block goes behind the chunk being filled, which keeps its room:
 * the next small block follows the previous one. */
static void big_block_keeps_head_room(void **state)
{
    (void)state;
    arena *a = arena_new();
    unsigned char *s1 = arena_alloc_raw(a, 16);
    unsigned char *big = arena_alloc(a, 1 << 20);
    unsigned char *s2 = arena_alloc_raw(a, 16);
    assert_ptr_equal(s2, s1 + 16);
    assert_true(big + (1 << 20) <= s1 || big >= s2 + 16);
    assert_int_equal(big[0], 0);
    assert_int_equal(big[(1 << 20) - 1], 0);
    assert_int_equal(arena_used(a), 32 + (1 << 20));
    arena_free(a);
}

/* After a reset the memory is used again, and the count starts over. */
static void reset_reuses_memory(void **state)
{
    (void)state;
    arena *a = arena_new();
    unsigned char *first = arena_alloc_raw(a, 100);
    (void)arena_alloc_raw(a, 200000);
    arena_reset(a);
    assert_int_equal(arena_used(a), 0);
    unsigned char *big = arena_alloc_raw(a, 200000); /* the kept big chunk */
    unsigned char *again = arena_alloc_raw(a, 100);
    assert_non_null(big);
    assert_non_null(again);
    assert_int_equal(arena_used(a), 200000 + 112);
    (void)first;
    char *s = arena_strndup(a, "abcdef", 3);
    assert_string_equal(s, "abc");
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fresh_arena_allocates),
        cmocka_unit_test(alloc_is_zeroed_and_aligned),
        cmocka_unit_test(small_blocks_do_not_overlap),
        cmocka_unit_test(big_block_keeps_head_room),
        cmocka_unit_test(reset_reuses_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
