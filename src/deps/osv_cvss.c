/* osv_cvss.c - the base score of a CVSS v3.0 / v3.1 vector, per the CVSS
 * v3.1 specification (first.org/cvss/v3.1/specification-document, section
 * 7.1 and Appendix A). v3.0 vectors use v3.0's simpler Roundup (the
 * smallest one-decimal number >= the value), v3.1 the integer-based one
 * that avoids floating-point surprises. Temporal and environmental metrics
 * after the base ones are accepted and ignored: they do not change the
 * base score. */
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "deps/osv.h"

enum { M_AV, M_AC, M_PR, M_UI, M_S, M_C, M_I, M_A, M_COUNT };

static const char *const metric_names[M_COUNT] = {"AV", "AC", "PR", "UI", "S", "C", "I", "A"};
/* The allowed values of each metric, in the order of metric_weight's rows. */
static const char *const metric_values[M_COUNT] = {"NALP", "LH", "NLH", "NR", "UC",
                                                   "HLN",  "HLN", "HLN"};

static int metric_index(const char *name, size_t len)
{
    for (int m = 0; m < M_COUNT; m++)
        if (strlen(metric_names[m]) == len && memcmp(metric_names[m], name, len) == 0)
            return m;
    return -1;
}

/* Reads "AV:N/AC:L/..." into value letters; false on a repeated or
 * missing base metric or a value not allowed. */
static bool read_metrics(const char *p, char values[M_COUNT])
{
    memset(values, 0, M_COUNT);
    while (*p) {
        const char *colon = strchr(p, ':'), *end = strchr(p, '/');
        if (!end)
            end = p + strlen(p);
        if (!colon || colon > end || colon == p || end - colon != 2)
            return false;
        int m = metric_index(p, (size_t)(colon - p));
        if (m >= 0) {
            if (values[m] || !strchr(metric_values[m], colon[1]))
                return false;
            values[m] = colon[1];
        }
        p = *end ? end + 1 : end;
        if (*end && !*p)
            return false; /* a trailing '/' */
    }
    for (int m = 0; m < M_COUNT; m++)
        if (!values[m])
            return false;
    return true;
}

static double weight(int m, char value, bool changed)
{
    switch (m) {
    case M_AV: return value == 'N' ? 0.85 : value == 'A' ? 0.62 : value == 'L' ? 0.55 : 0.2;
    case M_AC: return value == 'L' ? 0.77 : 0.44;
    case M_PR:
        if (value == 'N')
            return 0.85;
        if (value == 'L')
            return changed ? 0.68 : 0.62;
        return changed ? 0.5 : 0.27;
    case M_UI: return value == 'N' ? 0.85 : 0.62;
    default: return value == 'H' ? 0.56 : value == 'L' ? 0.22 : 0.0; /* C, I, A */
    }
}

/* Appendix A of v3.1: round up to one decimal, through integers. */
static double roundup31(double x)
{
    long long i = llround(x * 100000.0);
    if (i % 10000 == 0)
        return (double)i / 100000.0;
    return (double)(i / 10000 + 1) / 10.0;
}

static double roundup30(double x)
{
    return ceil(x * 10.0) / 10.0;
}

bool osv_cvss3_base(const char *vector, double *score)
{
    bool v31;
    if (strncmp(vector, "CVSS:3.1/", 9) == 0)
        v31 = true;
    else if (strncmp(vector, "CVSS:3.0/", 9) == 0)
        v31 = false;
    else
        return false;
    char v[M_COUNT];
    if (!read_metrics(vector + 9, v))
        return false;
    bool changed = v[M_S] == 'C';
    double iss = 1.0 - (1.0 - weight(M_C, v[M_C], changed)) * (1.0 - weight(M_I, v[M_I], changed)) *
                           (1.0 - weight(M_A, v[M_A], changed));
    double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15) : 6.42 * iss;
    double expl = 8.22 * weight(M_AV, v[M_AV], changed) * weight(M_AC, v[M_AC], changed) *
                  weight(M_PR, v[M_PR], changed) * weight(M_UI, v[M_UI], changed);
    double (*round_up)(double) = v31 ? roundup31 : roundup30;
    if (impact <= 0)
        *score = 0.0;
    else if (changed)
        *score = round_up(fmin(1.08 * (impact + expl), 10.0));
    else
        *score = round_up(fmin(impact + expl, 10.0));
    return true;
}
