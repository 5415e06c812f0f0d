/* parse_memo.c - the second pass's memo of expression rules.
 *
 * CPython memoizes rules such as disjunction and expression per token, and
 * keeps the memo for the whole second pass. A rule first reached inside an
 * expression_without_invalid parse (invalid rules off) is memoized with its
 * invalid-free result, and a later visit with the invalid rules on gets
 * that result back instead of running them: so an error that a fresh parse
 * would report there is never raised. Reproducing which errors CPython
 * reports needs the same memo, for the rules whose first visit can happen
 * with the invalid rules off. Only the second pass uses it. */
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
    int recording; /* inside expression_without_invalid */
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

void pe_memo_begin_noinvalid(parser *p)
{
    if (!p->expr_memo) {
        p->expr_memo = arena_alloc(p->a, sizeof *p->expr_memo);
        memo_alloc_slots(p, p->expr_memo, 256);
    }
    p->expr_memo->recording++;
}

void pe_memo_end_noinvalid(parser *p)
{
    p->expr_memo->recording--;
}

int pe_memo_get(parser *p, int rule, ast_node **out)
{
    struct pe_memo *m = p->expr_memo;
    if (!m || !p->call_invalid_rules)
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
    if (!m || !m->recording || p->call_invalid_rules || p->error)
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
