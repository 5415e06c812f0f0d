/* oracle.c - krait's PEP 440 library against Python's `packaging`.
 *
 *   pep440_oracle ANSWERS
 *
 * ANSWERS is what gen.py wrote (packaging's answer to each question); every
 * question is asked again of src/deps/pep440 and any different answer is
 * printed and fails the run. Besides packaging's answers, two properties are
 * checked on every valid version: the normalised form parses back to
 * itself, and it compares equal to the original.
 *
 * Documented differences (pep440.h) are counted apart, not hidden: a
 * version packaging accepts only because its case-insensitive patterns fold
 * U+0130, U+0131, U+017F or U+212A to ASCII letters, which krait rejects. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "deps/pep440.h"

typedef struct stats {
    long versions, valid, comparisons, sets, contains, names;
    long differences, deviations, raised;
} stats;

typedef struct text {
    char *s;
    size_t len;
} text;

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* A hex field ("-" is the empty string), decoded into the arena. */
static text unhex(arena *a, const char *field)
{
    size_t n = strcmp(field, "-") == 0 ? 0 : strlen(field) / 2;
    char *s = arena_alloc_raw(a, n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = (char)(hexval(field[2 * i]) * 16 + hexval(field[2 * i + 1]));
    s[n] = '\0';
    return (text){s, n};
}

static void report(stats *st, const char *what, text input, const char *expected,
                   const char *got)
{
    if (++st->differences <= 40)
        printf("DIFF %s '%.*s': packaging %s, krait %s\n", what, (int)(input.len > 200 ? 200 : input.len),
               input.s, expected, got);
}

/* The four letters packaging folds to ASCII, in UTF-8. */
static int has_folding_letter(text t)
{
    static const char *const letters[] = {"\xC4\xB0", "\xC4\xB1", "\xC5\xBF", "\xE2\x84\xAA"};
    for (size_t i = 0; i < 4; i++)
        if (memmem(t.s, t.len, letters[i], strlen(letters[i])))
            return 1;
    return 0;
}

/* packaging accepted, krait did not: a documented difference or a bug. */
static void rejected(stats *st, const char *what, text input)
{
    if (has_folding_letter(input))
        st->deviations++;
    else
        report(st, what, input, "valid", "invalid");
}

static const char *normalised(arena *a, const pep440_version *v)
{
    return pep440_to_string(a, v);
}

static void check_round_trip(stats *st, arena *a, text input, const pep440_version *v)
{
    const char *norm = normalised(a, v);
    const pep440_version *again = pep440_parse(a, norm, strlen(norm), NULL);
    if (!again || strcmp(normalised(a, again), norm) != 0 || pep440_compare(v, again) != 0)
        report(st, "round trip of", input, norm, again ? normalised(a, again) : "invalid");
}

static void check_version(stats *st, arena *a, char **f, int nf)
{
    text input = unhex(a, f[1]);
    const pep440_version *v = pep440_parse(a, input.s, input.len, NULL);
    st->versions++;
    if (strcmp(f[2], "!") == 0) {
        if (v)
            report(st, "version", input, "invalid", normalised(a, v));
        return;
    }
    st->valid++;
    if (!v) {
        rejected(st, "version", input);
        return;
    }
    text want = unhex(a, f[2]);
    char flags[4] = {pep440_is_prerelease(v) ? 'p' : '-', pep440_is_postrelease(v) ? 'P' : '-',
                     pep440_is_devrelease(v) ? 'd' : '-', '\0'};
    if (strcmp(normalised(a, v), want.s) != 0)
        report(st, "version", input, want.s, normalised(a, v));
    else if (nf < 4 || strcmp(flags, f[3]) != 0)
        report(st, "pre/post/dev flags of", input, nf < 4 ? "?" : f[3], flags);
    check_round_trip(st, a, input, v);
}

static void check_comparison(stats *st, arena *a, char **f)
{
    text x = unhex(a, f[1]), y = unhex(a, f[2]);
    const pep440_version *vx = pep440_parse(a, x.s, x.len, NULL);
    const pep440_version *vy = pep440_parse(a, y.s, y.len, NULL);
    st->comparisons++;
    if (!vx || !vy) {
        rejected(st, "comparison of", vx ? y : x);
        return;
    }
    int c = pep440_compare(vx, vy), back = pep440_compare(vy, vx);
    char got[16];
    snprintf(got, sizeof got, "%d", c);
    if (atoi(f[3]) != c || back != -c) {
        buf b;
        buf_init(&b);
        buf_printf(&b, "%s <=> %s", x.s, y.s);
        report(st, "comparison", (text){b.data, b.len}, f[3], got);
        buf_free(&b);
    }
}

static void check_set(stats *st, arena *a, char **f)
{
    text input = unhex(a, f[1]);
    const pep440_specset *set = pep440_specset_parse(a, input.s, input.len, NULL);
    st->sets++;
    if (f[2][0] == '0' && set)
        report(st, "specifier set", input, "invalid", "valid");
    else if (f[2][0] == '1' && !set)
        rejected(st, "specifier set", input);
}

static void check_contains(stats *st, arena *a, char **f)
{
    text spec = unhex(a, f[1]), version = unhex(a, f[2]);
    const pep440_specset *set = pep440_specset_parse(a, spec.s, spec.len, NULL);
    const pep440_version *v = pep440_parse(a, version.s, version.len, NULL);
    if (!set || !v) {
        rejected(st, "contains: specifier set or version", set ? version : spec);
        return;
    }
    static const pep440_prereleases modes[] = {
        PEP440_PRERELEASES_DEFAULT, PEP440_PRERELEASES_ALLOW, PEP440_PRERELEASES_DENY};
    static const char *const mode_names[] = {"None", "True", "False"};
    for (int m = 0; m < 3; m++) {
        st->contains++;
        if (f[3 + m][0] == 'E') {
            st->raised++;
            continue;
        }
        int got = pep440_specset_contains(set, v, modes[m]);
        if (got != (f[3 + m][0] == '1')) {
            buf b;
            buf_init(&b);
            buf_printf(&b, "'%s' in '%s' (prereleases=%s)", version.s, spec.s, mode_names[m]);
            report(st, "contains", (text){b.data, b.len}, f[3 + m], got ? "1" : "0");
            buf_free(&b);
        }
    }
}

static void check_name(stats *st, arena *a, char **f)
{
    text name = unhex(a, f[1]), want = unhex(a, f[2]);
    const char *got = pep503_normalize(a, name.s, name.len);
    int valid = pep508_name_valid(name.s, name.len);
    st->names++;
    if (strlen(got) != want.len || memcmp(got, want.s, want.len) != 0)
        report(st, "name", name, want.s, got);
    if (valid != (f[3][0] == '1'))
        report(st, "PEP 508 validity of name", name, f[3], valid ? "1" : "0");
}

static int split_fields(char *line, char **f, int max)
{
    int n = 0;
    for (char *tok = strtok(line, " \n"); tok && n < max; tok = strtok(NULL, " \n"))
        f[n++] = tok;
    return n;
}

static int field_count_ok(char kind, int nf)
{
    switch (kind) {
    case 'V': return nf >= 3;
    case 'C': case 'S': return nf >= 3 + (kind == 'C');
    case 'M': return nf == 6;
    case 'N': return nf == 4;
    default: return 0;
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: pep440_oracle ANSWERS\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 2;
    }
    stats st = {0};
    arena *a = arena_new();
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    while (getline(&line, &cap, in) > 0) {
        lineno++;
        if (line[0] == '#') {
            printf("answers: %s", line + 2);
            continue;
        }
        char *f[8];
        int nf = split_fields(line, f, 8);
        if (nf == 0 || strlen(f[0]) != 1 || !field_count_ok(f[0][0], nf)) {
            fprintf(stderr, "%s:%ld: malformed line\n", argv[1], lineno);
            return 2;
        }
        switch (f[0][0]) {
        case 'V': check_version(&st, a, f, nf); break;
        case 'C': check_comparison(&st, a, f); break;
        case 'S': check_set(&st, a, f); break;
        case 'M': check_contains(&st, a, f); break;
        case 'N': check_name(&st, a, f); break;
        }
        arena_reset(a);
    }
    free(line);
    fclose(in);
    arena_free(a);
    printf("versions %ld (%ld valid), comparisons %ld, specifier sets %ld, "
           "contains answers %ld (%ld where packaging raised, not compared), names %ld\n",
           st.versions, st.valid, st.comparisons, st.sets, st.contains, st.raised, st.names);
    printf("documented differences (non-ASCII letters packaging folds): %ld\n", st.deviations);
    printf("differences: %ld\n", st.differences);
    if (st.versions + st.comparisons + st.contains < 1000) {
        printf("too few answers: the generator did not run properly\n");
        return 1;
    }
    return st.differences ? 1 : 0;
}
