/* osv_eval.c - the C side of tests/deps/osv/differential.py: loads an OSV
 * export and answers, for each stdin line "ID<TAB>PACKAGE<TAB>VERSION",
 * whether that advisory's entry for the package affects the version
 * (osv_affects over every entry of the package in the advisory): "1", "0",
 * "invalid" (VERSION is not PEP 440) or "missing" (no such advisory or
 * package). With --ranges-only the `versions` lists are ignored, so that
 * the ranges' evaluation is compared on its own. With --spec, the lines
 * are "PACKAGE<TAB>SPECIFIERS" and the answers osv_match_specset's (see
 * answer_spec). `osv_eval --cvss` prints
 * the base score of each CVSS vector read from stdin instead. First line of output: the load statistics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "deps/osv.h"

static bool ranges_only;

static const char *answer(const osv_db *db, arena *a, char *line)
{
    char *pkg = strchr(line, '\t');
    char *ver = pkg ? strchr(pkg + 1, '\t') : NULL;
    if (!ver)
        return "bad-line";
    *pkg++ = '\0';
    *ver++ = '\0';
    const osv_advisory *adv = osv_db_find(db, line);
    const pep440_version *v = pep440_parse(a, ver, strlen(ver), NULL);
    if (!v)
        return "invalid";
    const char *norm = pep503_normalize(a, pkg, strlen(pkg));
    bool found = false;
    for (size_t i = 0; adv && i < adv->naffected; i++) {
        if (strcmp(adv->affected[i].name, norm) != 0)
            continue;
        found = true;
        osv_affected aff = adv->affected[i];
        if (ranges_only)
            aff.nversions = 0;
        if (osv_affects(&aff, v))
            return "1";
    }
    return found ? "0" : "missing";
}

/* --cvss: each stdin line a vector, printed back with its base score. */
static int print_cvss(void)
{
    char line[512];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        double score;
        if (osv_cvss3_base(line, &score))
            printf("%s %.1f\n", line, score);
        else
            printf("%s invalid\n", line);
    }
    return 0;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* --spec: each stdin line "PACKAGE<TAB>SPECIFIERS"; prints the IDs of the
 * advisories the set admits (sorted, space-separated), '|', and the safe
 * version ("-" when none), or "bad-spec". */
static void answer_spec(const osv_db *db, arena *a, char *line)
{
    char *spec = strchr(line, '\t');
    pep440_error e;
    const pep440_specset *set = spec ? pep440_specset_parse(a, spec + 1, strlen(spec + 1), &e) : NULL;
    if (!set) {
        puts("bad-spec");
        return;
    }
    *spec = '\0';
    osv_report r = osv_match_specset(db, a, line, set, PEP440_PRERELEASES_DEFAULT);
    size_t n = 0;
    for (size_t i = 0; i < r.n; i++)
        n += r.vulns[i].nadvisories;
    const char **ids = arena_alloc(a, (n + 1) * sizeof *ids);
    n = 0;
    for (size_t i = 0; i < r.n; i++)
        for (size_t j = 0; j < r.vulns[i].nadvisories; j++)
            ids[n++] = r.vulns[i].advisories[j]->id;
    qsort(ids, n, sizeof *ids, cmp_str);
    for (size_t i = 0; i < n; i++)
        printf("%s%s", i ? " " : "", ids[i]);
    printf("|%s\n", r.safe ? pep440_to_string(a, r.safe) : "-");
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--cvss") == 0)
        return print_cvss();
    ranges_only = argc == 3 && strcmp(argv[2], "--ranges-only") == 0;
    bool specs = argc == 3 && strcmp(argv[2], "--spec") == 0;
    if (argc != 2 && !ranges_only && !specs) {
        fprintf(stderr, "usage: osv_eval DB [--ranges-only|--spec] < queries\n");
        return 2;
    }
    char err[512];
    osv_db *db = osv_db_open(argv[1], NULL, err, sizeof err);
    if (!db) {
        fprintf(stderr, "osv_eval: %s\n", err);
        return 2;
    }
    const osv_stats *s = osv_db_stats(db);
    printf("loaded=%zu withdrawn=%zu no_pypi=%zu bad_json=%zu bad_schema=%zu "
           "ecosystem_ranges=%zu ignored_ranges=%zu invalid_event_versions=%zu "
           "invalid_list_versions=%zu packages=%zu\n",
           s->loaded, s->withdrawn, s->no_pypi, s->bad_json, s->bad_schema,
           s->ranges_ecosystem, s->ranges_ignored, s->invalid_event_versions,
           s->invalid_list_versions, s->packages);
    arena *a = arena_new();
    char line[4096];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        if (specs)
            answer_spec(db, a, line);
        else
            puts(answer(db, a, line));
        arena_reset(a);
    }
    arena_free(a);
    osv_db_close(db);
    return 0;
}
