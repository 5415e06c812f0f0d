/* registry.c - the catalogue (rule_catalogue[], expanded from rules.def at
 * compile time) and the match tables the engine dispatches through (built
 * once per process, under pthread_once, and read-only afterwards).
 *
 * A rule's family is not written in its row: the row sits after its
 * family's FAMILY row in rules.def. The enum below recovers it by letting
 * each FAMILY row jump the enum counter to the next multiple of
 * FAMILY_STRIDE, so a rule's counter value divided by the stride is its
 * family's number. */
#include "checks.h"
#include "registry.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NO_FAMILY(name, title)
#define NO_RULE(id, ...)
#define NO_CALL(id, qn, check)
#define NO_NODE(id, kind, check)
#define NO_IMPORT(id, module, check)
#define NO_REF(id, qn, check)


enum { FAMILY_STRIDE = 1024 };

enum family_position {
#define FAMILY(name, title)                                                                     \
    FAMRAW_##name, FAMJUMP_##name = (FAMRAW_##name / FAMILY_STRIDE + 1) * FAMILY_STRIDE - 1,
#define RULE(id, ...) RULEPOS_##id,
#define CALL NO_CALL
#define NODE NO_NODE
#define IMPORT NO_IMPORT
#define REF NO_REF
#include "rules.def"
#undef FAMILY
#undef RULE
    FAMILY_POSITION_END
};

#define FAMILY_OF(id) (RULEPOS_##id / FAMILY_STRIDE - 1)

/* Names as arrays, so that `family_text[k].name` is an address constant
 * the catalogue's initializer may use. */
static const struct family_text {
    char name[32];
    const char *title;
} family_text[RULE_FAMILY_COUNT] = {
#define FAMILY(name, title) {#name, title},
#define RULE NO_RULE
#include "rules.def"
#undef FAMILY
#undef RULE
};

const rule_info rule_catalogue[RULE_COUNT] = {
#define FAMILY NO_FAMILY
#define RULE(id, nm, sev, conf, cwe, bandit, ruff, message, help, fix)                           \
    [RULE_##id] = {#id, nm, family_text[FAMILY_OF(id)].name, sev, conf, cwe, bandit, ruff,       \
                   message, help, fix},
#include "rules.def"
#undef FAMILY
#undef RULE
};

static const unsigned char rule_family_of[RULE_COUNT] = {
#define FAMILY NO_FAMILY
#define RULE(id, ...) [RULE_##id] = FAMILY_OF(id),
#include "rules.def"
#undef FAMILY
#undef RULE
};

#undef CALL
#undef NODE
#undef IMPORT
#undef REF

rule_family rules_family_at(int k)
{
    rule_family f = {family_text[k].name, family_text[k].title, RULE_COUNT, 0};
    for (int r = 0; r < RULE_COUNT; r++) {
        if (rule_family_of[r] != k)
            continue;
        if (f.count == 0)
            f.first = r;
        f.count++;
    }
    return f;
}

int rules_family_known(const char *family)
{
    for (int k = 0; k < RULE_FAMILY_COUNT; k++)
        if (strcmp(family_text[k].name, family) == 0)
            return 1;
    return 0;
}

/* ---- lookup by spelling ---- */

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* s[0..len) equals the NUL-terminated `name`, ignoring ASCII case. */
static int same_spelling(const char *s, size_t len, const char *name)
{
    if (!name)
        return 0;
    size_t i = 0;
    for (; i < len && name[i]; i++)
        if (lower((unsigned char)s[i]) != lower((unsigned char)name[i]))
            return 0;
    return i == len && name[i] == '\0';
}

/* Bandit's test names, which people write in `# nosec assert_used` (as
 * `bandit -h` lists them, plus the names of tests added since 1.6). */
static const char *const bandit_test_names[][2] = {
    {"assert_used", "B101"}, {"exec_used", "B102"}, {"set_bad_file_permissions", "B103"},
    {"hardcoded_bind_all_interfaces", "B104"}, {"hardcoded_password_string", "B105"},
    {"hardcoded_password_funcarg", "B106"}, {"hardcoded_password_default", "B107"},
    {"hardcoded_tmp_directory", "B108"}, {"try_except_pass", "B110"},
    {"try_except_continue", "B112"}, {"request_without_timeout", "B113"},
    {"flask_debug_true", "B201"}, {"tarfile_unsafe_members", "B202"}, {"pickle", "B301"},
    {"marshal", "B302"}, {"md5", "B303"}, {"ciphers", "B304"}, {"cipher_modes", "B305"},
    {"mktemp_q", "B306"}, {"eval", "B307"}, {"mark_safe", "B308"},
    {"urllib_urlopen", "B310"}, {"random", "B311"}, {"telnetlib", "B312"},
    {"xml_bad_cElementTree", "B313"}, {"xml_bad_ElementTree", "B314"},
    {"xml_bad_expatreader", "B315"}, {"xml_bad_expatbuilder", "B316"},
    {"xml_bad_sax", "B317"}, {"xml_bad_minidom", "B318"}, {"xml_bad_pulldom", "B319"},
    {"ftplib", "B321"}, {"unverified_context", "B323"},
    {"hashlib_new_insecure_functions", "B324"}, {"hashlib", "B324"},
    {"import_telnetlib", "B401"}, {"import_ftplib", "B402"}, {"import_pickle", "B403"},
    {"import_subprocess", "B404"}, {"import_xml_etree", "B405"}, {"import_xml_sax", "B406"},
    {"import_xml_expat", "B407"}, {"import_xml_minidom", "B408"},
    {"import_xml_pulldom", "B409"}, {"import_xmlrpclib", "B411"}, {"import_httpoxy", "B412"},
    {"import_pycrypto", "B413"}, {"import_pyghmi", "B415"},
    {"request_with_no_cert_validation", "B501"}, {"ssl_with_bad_version", "B502"},
    {"ssl_with_bad_defaults", "B503"}, {"ssl_with_no_version", "B504"},
    {"weak_cryptographic_key", "B505"}, {"yaml_load", "B506"},
    {"ssh_no_host_key_verification", "B507"}, {"snmp_insecure_version", "B508"},
    {"snmp_weak_cryptography", "B509"}, {"paramiko_calls", "B601"},
    {"subprocess_popen_with_shell_equals_true", "B602"},
    {"subprocess_without_shell_equals_true", "B603"},
    {"any_other_function_with_shell_equals_true", "B604"},
    {"start_process_with_a_shell", "B605"}, {"start_process_with_no_shell", "B606"},
    {"start_process_with_partial_path", "B607"}, {"hardcoded_sql_expressions", "B608"},
    {"linux_commands_wildcard_injection", "B609"}, {"django_extra_used", "B610"},
    {"django_rawsql_used", "B611"}, {"logging_config_insecure_listen", "B612"},
    {"trojansource", "B613"}, {"jinja2_autoescape_false", "B701"},
    {"use_of_mako_templates", "B702"}, {"django_mark_safe", "B703"},
    {"markupsafe_markup_xss", "B704"},
};

static int is_bandit_test_name(const char *spelling, size_t len, const char *bandit_id)
{
    if (!bandit_id)
        return 0;
    for (size_t i = 0; i < sizeof bandit_test_names / sizeof bandit_test_names[0]; i++)
        if (same_spelling(spelling, len, bandit_test_names[i][0]))
            return strcmp(bandit_test_names[i][1], bandit_id) == 0;
    return 0;
}

int rules_spelling_matches(int r, const char *spelling, size_t len)
{
    const rule_info *ri = &rule_catalogue[r];
    return same_spelling(spelling, len, ri->id) || same_spelling(spelling, len, ri->bandit) ||
           same_spelling(spelling, len, ri->ruff) || same_spelling(spelling, len, ri->name) ||
           is_bandit_test_name(spelling, len, ri->bandit);
}

int rules_find(const char *spelling)
{
    size_t len = strlen(spelling);
    for (int r = 0; r < RULE_COUNT; r++)
        if (rules_spelling_matches(r, spelling, len))
            return r;
    return -1;
}

/* ---- match tables ---- */

static const rule_row row_defs[] = {
#define FAMILY NO_FAMILY
#define RULE NO_RULE
#define CALL(id, qn, check) {ROW_CALL, RULE_##id, qn, sizeof qn - 1, -1, check},
#define NODE(id, kind, check) {ROW_NODE, RULE_##id, NULL, 0, AST_##kind, check},
#define IMPORT(id, module, check) {ROW_IMPORT, RULE_##id, module, sizeof module - 1, -1, check},
#define REF(id, qn, check) {ROW_REF, RULE_##id, qn, sizeof qn - 1, -1, check},
#include "rules.def"
#undef FAMILY
#undef RULE
#undef CALL
#undef NODE
#undef IMPORT
#undef REF
};

enum { NROWS = sizeof row_defs / sizeof row_defs[0], NSLOTS = 2 * NROWS + 1 };

/* Rows sorted by key, and an open-addressing hash from each key to its run. */
typedef struct slot {
    const char *key;
    size_t len;
    int first, count;
} slot;

typedef struct keyed_table {
    rule_row rows[NROWS];
    int nrows;
    slot slots[NSLOTS];
} keyed_table;

/* The last dotted segment of every CALL pattern ("run" of
 * "subprocess.run"), for registry_may_call_attr. */
typedef struct segment {
    const char *key;
    size_t len;
} segment;

static struct registry {
    keyed_table calls, imports, refs;
    segment segments[NSLOTS];
    segment ref_segments[NSLOTS]; /* last dotted part of every REF row */
    segment seg_prefixes[NROWS]; /* prefix rows: the segment before '*' */
    int nseg_prefixes;
    int any_attr; /* a prefix row without a dot could match any attribute */
    rule_row prefixes[NROWS];
    int nprefixes;
    rule_row nodes[NROWS];
    int node_first[AST_KIND_COUNT + 1];
    rule_row all[NROWS];
} reg;

static pthread_once_t reg_once = PTHREAD_ONCE_INIT;

static uint64_t hash_key(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* Sort order of rows within a table: key, then catalogue order (row order
 * in rules.def), so that findings come out in a stable order. */
static int compare_rows(const void *pa, const void *pb)
{
    const rule_row *a = pa, *b = pb;
    int c = strcmp(a->pattern, b->pattern);
    if (c)
        return c;
    return a->rule != b->rule ? (a->rule < b->rule ? -1 : 1) : 0;
}

static slot *find_slot(const keyed_table *t, const char *key, size_t len)
{
    size_t i = (size_t)(hash_key(key, len) % NSLOTS);
    for (;; i = (i + 1) % NSLOTS) {
        const slot *s = &t->slots[i];
        if (!s->key || (s->len == len && memcmp(s->key, key, len) == 0))
            return (slot *)s;
    }
}

static void index_table(keyed_table *t)
{
    qsort(t->rows, (size_t)t->nrows, sizeof t->rows[0], compare_rows);
    for (int i = 0; i < t->nrows; i++) {
        const char *key = t->rows[i].pattern;
        slot *s = find_slot(t, key, strlen(key));
        if (!s->key) {
            s->key = key;
            s->len = strlen(key);
            s->first = i;
        }
        s->count++;
    }
}

static int is_prefix_pattern(const char *p)
{
    size_t n = strlen(p);
    return n > 0 && p[n - 1] == '*';
}

static void add_node_rows(void)
{
    int counts[AST_KIND_COUNT] = {0};
    for (int i = 0; i < NROWS; i++)
        if (row_defs[i].type == ROW_NODE)
            counts[row_defs[i].kind]++;
    for (int k = 0; k < AST_KIND_COUNT; k++)
        reg.node_first[k + 1] = reg.node_first[k] + counts[k];
    int fill[AST_KIND_COUNT];
    memcpy(fill, reg.node_first, sizeof fill);
    for (int i = 0; i < NROWS; i++)
        if (row_defs[i].type == ROW_NODE)
            reg.nodes[fill[row_defs[i].kind]++] = row_defs[i];
}

/* Adds the last dotted part of pattern to a set (open addressing). */
static void add_to_set(segment *set, const char *seg, size_t len)
{
    size_t i = (size_t)(hash_key(seg, len) % NSLOTS);
    for (; set[i].key; i = (i + 1) % NSLOTS)
        if (set[i].len == len && memcmp(set[i].key, seg, len) == 0)
            return;
    set[i] = (segment){seg, len};
}

static int in_set(const segment *set, const char *s, size_t len)
{
    for (size_t i = (size_t)(hash_key(s, len) % NSLOTS); set[i].key; i = (i + 1) % NSLOTS)
        if (set[i].len == len && memcmp(set[i].key, s, len) == 0)
            return 1;
    return 0;
}

static const char *last_part(const char *pattern)
{
    const char *dot = strrchr(pattern, '.');
    return dot ? dot + 1 : pattern;
}

static void add_segment(const char *pattern)
{
    const char *dot = strrchr(pattern, '.');
    const char *seg = dot ? dot + 1 : pattern;
    size_t len = strlen(seg);
    if (len > 0 && seg[len - 1] == '*') {
        if (!dot)
            reg.any_attr = 1;
        else
            reg.seg_prefixes[reg.nseg_prefixes++] = (segment){seg, len - 1};
        return;
    }
    add_to_set(reg.segments, seg, len);
}

static void build_registry(void)
{
    for (int i = 0; i < NROWS; i++) {
        const rule_row *d = &row_defs[i];
        reg.all[i] = *d;
        if (d->type == ROW_CALL)
            add_segment(d->pattern);
        if (d->type == ROW_CALL && is_prefix_pattern(d->pattern))
            reg.prefixes[reg.nprefixes++] = *d;
        else if (d->type == ROW_CALL)
            reg.calls.rows[reg.calls.nrows++] = *d;
        else if (d->type == ROW_IMPORT)
            reg.imports.rows[reg.imports.nrows++] = *d;
        else if (d->type == ROW_REF) {
            reg.refs.rows[reg.refs.nrows++] = *d;
            add_to_set(reg.ref_segments, last_part(d->pattern),
                       strlen(last_part(d->pattern)));
        }
    }
    index_table(&reg.calls);
    index_table(&reg.imports);
    index_table(&reg.refs);
    add_node_rows();
}

static const struct registry *registry(void)
{
    pthread_once(&reg_once, build_registry);
    return &reg;
}

static const rule_row *table_lookup(const keyed_table *t, const char *key, size_t len, int *n)
{
    const slot *s = find_slot(t, key, len);
    *n = s->key ? s->count : 0;
    return s->key ? &t->rows[s->first] : NULL;
}

const rule_row *registry_calls(const char *qualname, int *n)
{
    return table_lookup(&registry()->calls, qualname, strlen(qualname), n);
}

int registry_may_call_attr(const char *attr)
{
    const struct registry *r = registry();
    if (r->any_attr)
        return 1;
    size_t len = strlen(attr);
    if (in_set(r->segments, attr, len))
        return 1;
    for (int i = 0; i < r->nseg_prefixes; i++)
        if (strncmp(attr, r->seg_prefixes[i].key, r->seg_prefixes[i].len) == 0)
            return 1;
    return 0;
}

int registry_may_ref(const char *last)
{
    return in_set(registry()->ref_segments, last, strlen(last));
}

const rule_row *registry_refs(const char *qualname, int *n)
{
    return table_lookup(&registry()->refs, qualname, strlen(qualname), n);
}

const rule_row *registry_call_prefixes(int *n)
{
    const struct registry *r = registry();
    *n = r->nprefixes;
    return r->prefixes;
}

const rule_row *registry_nodes(ast_kind kind, int *n)
{
    const struct registry *r = registry();
    *n = r->node_first[kind + 1] - r->node_first[kind];
    return &r->nodes[r->node_first[kind]];
}

const rule_row *registry_imports(const char *module, size_t len, int *n)
{
    return table_lookup(&registry()->imports, module, len, n);
}

const rule_row *registry_all_rows(int *n)
{
    *n = NROWS;
    return registry()->all;
}
