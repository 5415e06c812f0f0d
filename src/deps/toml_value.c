/* toml_value.c - the document tree: building it (tables hashed so that a
 * table of 100k keys costs no more per key than one of 10) and the public
 * read-only API over it. */
#include <string.h>

#include "deps/toml_int.h"

enum { SMALL_TABLE = 8 }; /* up to this many keys a linear scan is cheapest */

_Static_assert(sizeof(toml_value) <= 48, "a value node stays at 48 bytes");

/* Growable arrays (items, kv) hold 4, 8, 16... entries: full exactly when
 * the length is 0 or a power of two from 4 on, so no capacity is stored. */
static bool array_full(size_t len)
{
    return len == 0 || (len >= 4 && (len & (len - 1)) == 0);
}

/* Hash slots for a table of len keys: a power of two, at least twice len
 * (load factor at most 1/2), so again a function of the length. */
static size_t slot_count(size_t len)
{
    size_t n = 32;
    while (n < 2 * len)
        n *= 2;
    return n;
}

toml_value *tv_new(arena *a, toml_type type, int line, int column)
{
    toml_value *v = arena_alloc(a, sizeof *v);
    v->type = type;
    v->line = line;
    v->column = column;
    return v;
}

/* FNV-1a with a per-table seed taken from the table's address (ASLR makes
 * it unpredictable, so a file cannot be crafted to collide), then a
 * splitmix64 finish so that the low bits, which pick the slot, depend on
 * every byte. Iteration follows kv order, so the seed never shows. */
static uint64_t key_hash(const toml_value *table, const char *key, size_t len)
{
    uint64_t h = 1469598103934665603ULL ^ ((uint64_t)(uintptr_t)table * 0x9E3779B97F4A7C15ULL);
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBULL;
    return h ^ (h >> 31);
}

static bool kv_is(const toml_kv *kv, uint64_t hash, const char *key, size_t len)
{
    return kv->hash == hash && kv->klen == len && memcmp(kv->key, key, len) == 0;
}

toml_kv *tv_find(const toml_value *t, const char *key, size_t len)
{
    uint64_t h = key_hash(t, key, len);
    if (!t->u.tab.slots) {
        for (size_t i = 0; i < t->u.tab.len; i++)
            if (kv_is(&t->u.tab.kv[i], h, key, len))
                return &t->u.tab.kv[i];
        return NULL;
    }
    size_t mask = slot_count(t->u.tab.len) - 1;
    for (size_t s = h & mask;; s = (s + 1) & mask) {
        uint32_t at = t->u.tab.slots[s];
        if (!at)
            return NULL;
        if (kv_is(&t->u.tab.kv[at - 1], h, key, len))
            return &t->u.tab.kv[at - 1];
    }
}

static void slot_put(toml_value *t, size_t index)
{
    size_t mask = slot_count(t->u.tab.len) - 1;
    size_t s = t->u.tab.kv[index].hash & mask;
    while (t->u.tab.slots[s])
        s = (s + 1) & mask;
    t->u.tab.slots[s] = (uint32_t)(index + 1);
}

/* New slots for the table's current length (the old ones are left in the
 * arena: doubling keeps the total linear). */
static void rehash(arena *a, toml_value *t)
{
    t->u.tab.slots = arena_alloc(a, slot_count(t->u.tab.len) * sizeof *t->u.tab.slots);
    for (size_t i = 0; i < t->u.tab.len; i++)
        slot_put(t, i);
}

/* The array of len entries, with room for one more. */
static void *room_for_one(arena *a, void *old, size_t len, size_t elem)
{
    if (!array_full(len))
        return old;
    void *p = arena_alloc_raw(a, (len ? 2 * len : 4) * elem);
    if (len)
        memcpy(p, old, len * elem);
    return p;
}

void tv_insert(arena *a, toml_value *t, const char *key, size_t klen, toml_value *val)
{
    size_t len = t->u.tab.len;
    t->u.tab.kv = room_for_one(a, t->u.tab.kv, len, sizeof(toml_kv));
    toml_kv *kv = &t->u.tab.kv[len];
    kv->key = key;
    kv->klen = klen;
    kv->hash = key_hash(t, key, klen);
    kv->val = val;
    t->u.tab.len = len + 1;
    if (t->u.tab.slots && slot_count(len + 1) == slot_count(len))
        slot_put(t, len);
    else if (len + 1 > SMALL_TABLE)
        rehash(a, t);
}

void tv_push(arena *a, toml_value *arr, toml_value *item)
{
    arr->u.arr.items = room_for_one(a, arr->u.arr.items, arr->u.arr.len, sizeof(toml_value *));
    arr->u.arr.items[arr->u.arr.len++] = item;
}

/* --- the public, read-only API --------------------------------------------- */

toml_type toml_type_of(const toml_value *v)
{
    return v ? v->type : TOML_NONE;
}

const char *toml_type_name(toml_type t)
{
    static const char *const names[] = {
        [TOML_NONE] = "none",
        [TOML_TABLE] = "table",
        [TOML_ARRAY] = "array",
        [TOML_STRING] = "string",
        [TOML_INTEGER] = "integer",
        [TOML_FLOAT] = "float",
        [TOML_BOOL] = "bool",
        [TOML_DATETIME] = "datetime",
        [TOML_DATETIME_LOCAL] = "datetime-local",
        [TOML_DATE_LOCAL] = "date-local",
        [TOML_TIME_LOCAL] = "time-local",
    };
    return (unsigned)t < sizeof names / sizeof *names ? names[t] : "?";
}

int toml_line(const toml_value *v)
{
    return v ? v->line : 0;
}

int toml_column(const toml_value *v)
{
    return v ? v->column : 0;
}

const toml_value *toml_getn(const toml_value *table, const char *key, size_t len)
{
    if (!table || table->type != TOML_TABLE || !key)
        return NULL;
    toml_kv *kv = tv_find(table, key, len);
    return kv ? kv->val : NULL;
}

const toml_value *toml_get(const toml_value *table, const char *key)
{
    return key ? toml_getn(table, key, strlen(key)) : NULL;
}

size_t toml_len(const toml_value *v)
{
    if (!v)
        return 0;
    if (v->type == TOML_TABLE)
        return v->u.tab.len;
    return v->type == TOML_ARRAY ? v->u.arr.len : 0;
}

const toml_value *toml_at(const toml_value *array, size_t i)
{
    if (!array || array->type != TOML_ARRAY || i >= array->u.arr.len)
        return NULL;
    return array->u.arr.items[i];
}

const char *toml_key_at(const toml_value *table, size_t i, size_t *len)
{
    if (!table || table->type != TOML_TABLE || i >= table->u.tab.len)
        return NULL;
    if (len)
        *len = table->u.tab.kv[i].klen;
    return table->u.tab.kv[i].key;
}

const toml_value *toml_value_at(const toml_value *table, size_t i)
{
    if (!table || table->type != TOML_TABLE || i >= table->u.tab.len)
        return NULL;
    return table->u.tab.kv[i].val;
}

const char *toml_as_string(const toml_value *v, size_t *len)
{
    if (!v || v->type != TOML_STRING)
        return NULL;
    if (len)
        *len = v->u.str.len;
    return v->u.str.s;
}

bool toml_as_int(const toml_value *v, int64_t *out)
{
    if (!v || v->type != TOML_INTEGER)
        return false;
    *out = v->u.i;
    return true;
}

bool toml_as_float(const toml_value *v, double *out)
{
    if (!v || v->type != TOML_FLOAT)
        return false;
    *out = v->u.f;
    return true;
}

bool toml_as_bool(const toml_value *v, bool *out)
{
    if (!v || v->type != TOML_BOOL)
        return false;
    *out = v->u.b;
    return true;
}

const char *toml_as_datetime(const toml_value *v)
{
    if (!v || v->type < TOML_DATETIME || v->type > TOML_TIME_LOCAL)
        return NULL;
    return v->u.str.s;
}
