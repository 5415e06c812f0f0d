/* inputs_pipfile.c - Pipfile.lock (pipenv): JSON with "default" and
 * "develop" sections, each mapping a package name to {"version": "==X",
 * "hashes": [...], "markers": "...", "extras": [...]} or to a VCS/path
 * source ("git", "path", "file", "editable"). Read with cJSON (Debian's
 * libcjson). cJSON keeps no positions, so the line of a package is found
 * by searching the text for its key after its section's key: exact for
 * the files pipenv writes (one key per line). */
#include <cjson/cJSON.h>
#include <string.h>

#include "deps/inputs_int.h"

/* A position in the text and its line, so that finding the next key costs
 * only the text between (a large lock file stays linear). */
typedef struct cursor {
    size_t pos;
    int line;
} cursor;

/* The line of the first `"key"` (followed by ':') at or after the cursor,
 * which moves past it; 0 (cursor unchanged) if there is none. */
static int line_of_key(const char *text, size_t len, cursor *at, const char *key)
{
    size_t klen = strlen(key);
    int line = at->line;
    for (size_t i = at->pos; i + klen + 2 <= len; i++) {
        if (text[i] == '\n')
            line++;
        if (text[i] != '"' || memcmp(text + i + 1, key, klen) != 0 || text[i + 1 + klen] != '"')
            continue;
        size_t j = i + klen + 2;
        while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
            j++;
        if (j < len && text[j] == ':') {
            at->pos = j;
            at->line = line;
            return line;
        }
    }
    return 0;
}

static const char *json_string(deps_set *s, const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? deps_strdup(s, v->valuestring) : NULL;
}

static void read_source(deps_record *r, const cJSON *pkg)
{
    if (cJSON_GetObjectItemCaseSensitive(pkg, "git") || cJSON_GetObjectItemCaseSensitive(pkg, "hg"))
        r->unauditable = "VCS requirement";
    else if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(pkg, "editable")))
        r->unauditable = "editable requirement", r->editable = true;
    else if (cJSON_GetObjectItemCaseSensitive(pkg, "path"))
        r->unauditable = "local path requirement";
    else if (cJSON_GetObjectItemCaseSensitive(pkg, "file"))
        r->unauditable = "URL requirement";
}

static void read_extras(deps_set *s, deps_record *r, const cJSON *arr)
{
    int n = cJSON_IsArray(arr) ? cJSON_GetArraySize(arr) : 0;
    const char **ex = arena_alloc(s->a, sizeof *ex * ((size_t)n + 1));
    const cJSON *e;
    cJSON_ArrayForEach(e, arr)
        if (cJSON_IsString(e))
            ex[r->nextras++] = deps_strdup(s, e->valuestring);
    r->extras = ex;
}

static size_t read_section(deps_set *s, const char *path, const char *text, size_t len,
                           const cJSON *root, const char *section)
{
    const cJSON *sec = cJSON_GetObjectItemCaseSensitive(root, section);
    if (!sec)
        return 0;
    cursor from = {0, 1};
    int sec_line = line_of_key(text, len, &from, section);
    if (!cJSON_IsObject(sec)) {
        deps_error_at(s, path, sec_line, "\"%s\" must be an object", section);
        return 0;
    }
    size_t added = 0;
    const cJSON *pkg;
    cJSON_ArrayForEach(pkg, sec) {
        int line = line_of_key(text, len, &from, pkg->string);
        if (!cJSON_IsObject(pkg)) {
            deps_error_at(s, path, line, "package \"%s\" must be an object", pkg->string);
            continue;
        }
        deps_record *r = deps_add(s, path, line, DEPS_PIPFILE_LOCK);
        r->name = deps_strdup(s, pkg->string);
        r->group = section;
        const cJSON *hashes = cJSON_GetObjectItemCaseSensitive(pkg, "hashes");
        r->hashes = cJSON_IsArray(hashes) && cJSON_GetArraySize(hashes) > 0;
        read_extras(s, r, cJSON_GetObjectItemCaseSensitive(pkg, "extras"));
        const char *markers = json_string(s, pkg, "markers");
        if (markers)
            deps_set_marker(s, r, markers);
        read_source(r, pkg);
        const char *version = json_string(s, pkg, "version");
        if (version) /* "==1.2.3": a specifier pinning the version */
            r->specifier = version;
        else if (!r->unauditable)
            r->unauditable = "no version in the lock file";
        deps_finish(s, r);
        if (!r->key)
            deps_error_at(s, path, line, "'%s' is not a valid package name", r->name);
        added++;
    }
    return added;
}

size_t deps_read_pipfile_text(deps_set *s, const char *path, const char *text, size_t len)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
    if (!root || !cJSON_IsObject(root)) {
        size_t at = end && end >= text ? (size_t)(end - text) : 0;
        int line = 1;
        for (size_t k = 0; k < at && k < len; k++)
            line += text[k] == '\n';
        deps_error_at(s, path, root ? 1 : line, root ? "JSON: the top level must be an object"
                                                      : "JSON: syntax error");
        cJSON_Delete(root);
        return 0;
    }
    size_t added = read_section(s, path, text, len, root, "default");
    added += read_section(s, path, text, len, root, "develop");
    cJSON_Delete(root);
    return added;
}
