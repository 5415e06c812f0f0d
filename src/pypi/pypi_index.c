/* pypi_index.c - the JSON API document of a release
 * (https://docs.pypi.org/api/json/: "info" and the release's files in
 * "urls") and the choice of the one file krait audits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "pypi/pypi.h"

static int fail(char *err, size_t errlen, const char *what)
{
    snprintf(err, errlen, "the index's JSON %s", what);
    return -1;
}

/* A copy of text in the arena, made safe to print (pypi_clean_text). */
static const char *clean_copy(arena *a, const char *text)
{
    char *s = arena_strndup(a, text, strlen(text));
    pypi_clean_text(s);
    return s;
}

/* A string member copied into the arena; NULL when absent or not a string. */
static const char *get_string(arena *a, const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) && v->valuestring ? clean_copy(a, v->valuestring) : NULL;
}

static const char *get_sha256(arena *a, const cJSON *file)
{
    const char *hex = get_string(a, cJSON_GetObjectItemCaseSensitive(file, "digests"), "sha256");
    if (!hex || strlen(hex) != 64 || strspn(hex, "0123456789abcdefABCDEF") != 64)
        return NULL;
    char *low = (char *)hex;
    for (char *p = low; *p; p++)
        if (*p >= 'A' && *p <= 'F')
            *p = (char)(*p - 'A' + 'a');
    return low;
}

/* One entry of "urls"; false when it lacks what krait needs to use it. */
static bool read_file(arena *a, const cJSON *f, pypi_file *out)
{
    memset(out, 0, sizeof *out);
    out->filename = get_string(a, f, "filename");
    out->url = get_string(a, f, "url");
    out->packagetype = get_string(a, f, "packagetype");
    if (!out->filename || !out->url || !out->packagetype)
        return false;
    /* A URL that had control characters (now '?') is not fetched at all:
     * the cleaned text would be another URL. */
    const cJSON *raw = cJSON_GetObjectItemCaseSensitive(f, "url");
    if (strcmp(raw->valuestring, out->url) != 0)
        return false;
    out->sha256 = get_sha256(a, f);
    out->upload_time = get_string(a, f, "upload_time_iso_8601");
    if (!out->upload_time)
        out->upload_time = get_string(a, f, "upload_time");
    const cJSON *size = cJSON_GetObjectItemCaseSensitive(f, "size");
    out->size = cJSON_IsNumber(size) && size->valuedouble >= 0 && size->valuedouble < 9e15
                    ? (long long)size->valuedouble
                    : -1;
    out->yanked = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f, "yanked"));
    out->yanked_reason = get_string(a, f, "yanked_reason");
    if (out->yanked_reason && !*out->yanked_reason)
        out->yanked_reason = NULL;
    return true;
}

static int read_files(arena *a, const cJSON *urls, pypi_release *out, char *err, size_t errlen)
{
    if (!cJSON_IsArray(urls))
        return fail(err, errlen, "has no \"urls\" array");
    size_t n = (size_t)cJSON_GetArraySize(urls), k = 0;
    pypi_file *files = arena_alloc(a, (n ? n : 1) * sizeof *files);
    const cJSON *f;
    cJSON_ArrayForEach(f, urls)
        if (cJSON_IsObject(f) && read_file(a, f, &files[k]))
            k++;
    out->files = files;
    out->nfiles = k;
    return 0;
}

static void read_requires(arena *a, const cJSON *info, pypi_release *out)
{
    const cJSON *req = cJSON_GetObjectItemCaseSensitive(info, "requires_dist");
    size_t n = cJSON_IsArray(req) ? (size_t)cJSON_GetArraySize(req) : 0, k = 0;
    const char **list = arena_alloc(a, (n ? n : 1) * sizeof *list);
    const cJSON *r;
    if (n)
        cJSON_ArrayForEach(r, req)
            if (cJSON_IsString(r) && r->valuestring)
                list[k++] = clean_copy(a, r->valuestring);
    out->requires_dist = list;
    out->nrequires = k;
}

int pypi_release_parse(arena *a, const char *json, size_t len, pypi_release *out, char *err,
                       size_t errlen)
{
    memset(out, 0, sizeof *out);
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root)
        return fail(err, errlen, "is not valid JSON (or is nested too deeply)");
    int rc = -1;
    const cJSON *info = cJSON_GetObjectItemCaseSensitive(root, "info");
    if (!cJSON_IsObject(info)) {
        fail(err, errlen, "has no \"info\" object");
        goto done;
    }
    out->name = get_string(a, info, "name");
    out->version = get_string(a, info, "version");
    if (!out->name || !out->version || !*out->name || !*out->version) {
        fail(err, errlen, "has no info.name or info.version");
        goto done;
    }
    read_requires(a, info, out);
    rc = read_files(a, cJSON_GetObjectItemCaseSensitive(root, "urls"), out, err, errlen);
done:
    cJSON_Delete(root);
    return rc;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Lower is better; -1: never chosen. */
static int file_rank(const pypi_file *f)
{
    int base;
    if (strcmp(f->packagetype, "sdist") == 0)
        base = has_suffix(f->filename, ".tar.gz") ? 0 : 1;
    else if (strcmp(f->packagetype, "bdist_wheel") == 0 && has_suffix(f->filename, ".whl"))
        base = has_suffix(f->filename, "-py3-none-any.whl")       ? 2
               : has_suffix(f->filename, "-py2.py3-none-any.whl") ? 3
               : has_suffix(f->filename, "-none-any.whl")         ? 4
                                                                  : 5;
    else
        return -1;
    return base + (f->yanked ? 10 : 0);
}

const pypi_file *pypi_choose_file(const pypi_release *r, char *err, size_t errlen)
{
    const pypi_file *best = NULL;
    int best_rank = 0;
    for (size_t i = 0; i < r->nfiles; i++) {
        int rank = file_rank(&r->files[i]);
        if (rank < 0)
            continue;
        if (!best || rank < best_rank ||
            (rank == best_rank && strcmp(r->files[i].filename, best->filename) < 0)) {
            best = &r->files[i];
            best_rank = rank;
        }
    }
    if (!best)
        snprintf(err, errlen, "%s %s has no sdist and no wheel to audit (%zu other file%s)",
                 r->name, r->version, r->nfiles, r->nfiles == 1 ? "" : "s");
    return best;
}
