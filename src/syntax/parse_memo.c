/* parse_memo.c - the second pass's memo of expression rules.
 *
 * CPython memoizes rules such as disjunction and expression per token, for
 * the whole second pass. This matters twice here:
 *   - a rule first reached inside an expression_without_invalid parse
 *     (invalid rules off) is memoized with its invalid-free result, and a
 *     later visit with the invalid rules on gets that result back instead
 *     of running them: an error a fresh parse would report there is never
 *     raised, and reproducing which errors CPython reports needs the same;
 *   - the second pass's invalid_* checks re-parse what the valid rules
 *     parse too (a subscript's contents as a comprehension, then as
 *     slices), which without a memo costs 2^depth on nested brackets.
 * The first pass never uses it (it makes no such second attempts). */
#include <string.h>

#include "parse_expr_int.h"

typedef struct memo_entry {
    int key;   /* token index * PE_MEMO_RULES + rule, or -1 when free */
    int end;   /* position after the rule */
    ast_node *node; /* NULL: the rule failed there */
} memo_entry;

struct pe_memo {
    memo_entry *slots;
    int cap, n;
    int recording; /* depth of expression_without_invalid parses */
    int shallow_off; /* see pe_set_shallow_off */
};

static void memo_alloc_slots(parser *p, struct pe_memo *m, int cap)
{
    m->slots = arena_alloc(p->a, (size_t)cap * sizeof *m->slots);
    for (int i = 0; i < cap; i++)
        m->slots[i].key = -1;
    m->cap = cap;
    m->n = 0;
}

static memo_entry *memo_slot(struct pe_memo *m, int key)
{
    unsigned h = (unsigned)key * 2654435761u;
    for (unsigned i = h & (unsigned)(m->cap - 1);; i = (i + 1) & (unsigned)(m->cap - 1))
        if (m->slots[i].key == key || m->slots[i].key == -1)
            return &m->slots[i];
}

void pe_memo_start(parser *p)
{
    if (!p->expr_memo) {
        p->expr_memo = arena_alloc(p->a, sizeof *p->expr_memo);
        memo_alloc_slots(p, p->expr_memo, 256);
    }
}

void pe_memo_begin_noinvalid(parser *p)
{
    pe_memo_start(p);
    p->expr_memo->recording++;
}

void pe_memo_end_noinvalid(parser *p)
{
    p->expr_memo->recording--;
}

int pe_memo_get(parser *p, int rule, ast_node **out)
{
    struct pe_memo *m = p->expr_memo;
    if (!m)
        return 0;
    memo_entry *e = memo_slot(m, p->pos * PE_MEMO_RULES + rule);
    if (e->key == -1)
        return 0;
    *out = e->node;
    p->pos = e->end;
    return 1;
}

void pe_memo_put(parser *p, int rule, int start, ast_node *r)
{
    struct pe_memo *m = p->expr_memo;
    if (!m || p->error)
        return;
    if (2 * (m->n + 1) > m->cap) {
        memo_entry *old = m->slots;
        int oldcap = m->cap;
        memo_alloc_slots(p, m, oldcap * 2);
        for (int i = 0; i < oldcap; i++)
            if (old[i].key != -1) {
                *memo_slot(m, old[i].key) = old[i];
                m->n++;
            }
    }
    memo_entry *e = memo_slot(m, start * PE_MEMO_RULES + rule);
    if (e->key != -1)
        return; /* the first computation stays, as in CPython */
    e->key = start * PE_MEMO_RULES + rule;
    e->end = r ? p->pos : start;
    e->node = r;
    m->n++;
}

int pe_shallow_off(const parser *p)
{
    return p->expr_memo ? p->expr_memo->shallow_off : PE_SHALLOW_NONE;
}

int pe_set_shallow_off(parser *p, int mode)
{
    if (!p->expr_memo)
        return PE_SHALLOW_NONE;
    int was = p->expr_memo->shallow_off;
    p->expr_memo->shallow_off = mode;
    return was;
}
