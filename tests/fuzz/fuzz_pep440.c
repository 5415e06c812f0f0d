/* fuzz_pep440.c - libFuzzer target: any bytes through the PEP 440 parsers
 * (src/deps/pep440.h). The input is "SPECIFIERS\0VERSION" (without a NUL,
 * the same bytes serve as both). Besides crashes, leaks, hangs and
 * sanitizer reports, these properties trap:
 *   - a normalised version parses back to the same string and compares
 *     equal to the original (normalisation is idempotent);
 *   - pep440_compare is antisymmetric;
 *   - contains(prereleases=False) implies contains(None) implies
 *     contains(True): allowing pre-releases only ever adds versions;
 *   - a normalised name has no '_' or '.', no uppercase ASCII, no "--". */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "deps/pep440.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_version(arena *a, const pep440_version *v)
{
    const char *norm = pep440_to_string(a, v);
    const pep440_version *again = pep440_parse(a, norm, strlen(norm), NULL);
    if (!again || strcmp(pep440_to_string(a, again), norm) != 0 ||
        pep440_compare(v, again) != 0 || pep440_compare_public(again, v) != 0)
        __builtin_trap();
}

static void check_contains(const pep440_specset *set, const pep440_version *v)
{
    bool deny = pep440_specset_contains(set, v, PEP440_PRERELEASES_DENY);
    bool dflt = pep440_specset_contains(set, v, PEP440_PRERELEASES_DEFAULT);
    bool allow = pep440_specset_contains(set, v, PEP440_PRERELEASES_ALLOW);
    if ((deny && !dflt) || (dflt && !allow))
        __builtin_trap();
    for (size_t i = 0; i < set->n; i++) {
        const pep440_version *sv = set->specs[i].version;
        if (sv && pep440_compare(sv, v) != -pep440_compare(v, sv))
            __builtin_trap();
        (void)pep440_spec_contains(&set->specs[i], v, PEP440_PRERELEASES_DEFAULT);
    }
}

static void check_name(arena *a, const char *text, size_t len)
{
    const char *n = pep503_normalize(a, text, len);
    for (const char *p = n; *p; p++)
        if (*p == '_' || *p == '.' || (*p >= 'A' && *p <= 'Z') || (p[0] == '-' && p[1] == '-'))
            __builtin_trap();
    (void)pep508_name_valid(text, len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *nul = memchr(text, '\0', size);
    size_t spec_len = nul ? (size_t)(nul - text) : size;
    const char *vtext = nul ? nul + 1 : text;
    size_t vlen = nul ? size - spec_len - 1 : size;
    arena *a = arena_new();
    pep440_error err;
    const pep440_version *v = pep440_parse(a, vtext, vlen, &err);
    if (!v && err.offset > vlen)
        __builtin_trap();
    if (v)
        check_version(a, v);
    const pep440_specset *set = pep440_specset_parse(a, text, spec_len, &err);
    if (!set && err.offset > spec_len)
        __builtin_trap();
    if (set && v)
        check_contains(set, v);
    check_name(a, text, spec_len);
    arena_free(a);
    return 0;
}
