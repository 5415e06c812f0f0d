/* inputs_pyproject.c - pyproject.toml: PEP 621's [project] dependencies
 * and optional-dependencies, PEP 735's [dependency-groups], and Poetry's
 * tables (inputs_poetry.c). Each entry is a PEP 508 string read with the
 * packaging grammar (inputs_pep508.c); its line is the string's line. A
 * group's {include-group = "..."} is checked (the group must exist, no
 * cycles) but not expanded: the included group's records are already in
 * the set, so expanding would only repeat them. */
#include <string.h>

#include "deps/inputs_int.h"
#include "deps/toml.h"

static size_t add_string(deps_set *s, const char *path, const toml_value *v, deps_kind kind,
                         const char *group)
{
    size_t len;
    const char *text = toml_as_string(v, &len);
    if (!text) {
        deps_error_at(s, path, toml_line(v), "expected a requirement string, found %s",
                      toml_type_name(toml_type_of(v)));
        return 0;
    }
    const char *msg = NULL;
    size_t off = 0;
    const pep508_req *q = pep508_parse(s->a, text, len, &msg, &off);
    if (!q) {
        deps_error_at(s, path, toml_line(v), "invalid requirement '%s': %s (at column %zu)", text,
                      msg, off + 1);
        return 0;
    }
    deps_record *r = deps_add(s, path, toml_line(v), kind);
    r->group = group;
    deps_fill_from_req(s, r, q);
    return 1;
}

static size_t add_array(deps_set *s, const char *path, const toml_value *arr, const char *what,
                        deps_kind kind, const char *group)
{
    if (!arr)
        return 0;
    if (toml_type_of(arr) != TOML_ARRAY) {
        deps_error_at(s, path, toml_line(arr), "%s must be an array of strings", what);
        return 0;
    }
    size_t added = 0;
    for (size_t i = 0; i < toml_len(arr); i++)
        added += add_string(s, path, toml_at(arr, i), kind, group);
    return added;
}

/* [project] dynamic = ["dependencies", ...]: the build backend computes
 * them (from setup.py, a requirements file...), so this file cannot say. */
static void note_dynamic(deps_set *s, const char *path, const toml_value *project)
{
    const toml_value *dyn = toml_get(project, "dynamic");
    for (size_t i = 0; i < toml_len(dyn); i++) {
        const char *field = toml_as_string(toml_at(dyn, i), NULL);
        if (field && (strcmp(field, "dependencies") == 0 ||
                      strcmp(field, "optional-dependencies") == 0))
            deps_note_at(s, path, toml_line(dyn),
                         "[project] %s are dynamic (computed by the build backend): "
                         "audit the file they come from or a lock file", field);
    }
}

static size_t read_project(deps_set *s, const char *path, const toml_value *project)
{
    note_dynamic(s, path, project);
    size_t added = add_array(s, path, toml_get(project, "dependencies"),
                             "[project] dependencies", DEPS_PYPROJECT, NULL);
    const toml_value *opt = toml_get(project, "optional-dependencies");
    if (opt && toml_type_of(opt) != TOML_TABLE) {
        deps_error_at(s, path, toml_line(opt), "[project] optional-dependencies must be a table");
        return added;
    }
    for (size_t i = 0; i < toml_len(opt); i++)
        added += add_array(s, path, toml_value_at(opt, i), "an optional-dependencies group",
                           DEPS_PYPROJECT_EXTRA, toml_key_at(opt, i, NULL));
    return added;
}

/* The group named `name` (compared PEP 503-normalised, as PEP 735 says). */
static const toml_value *find_group(deps_set *s, const toml_value *groups, const char *name)
{
    const char *want = pep503_normalize(s->a, name, strlen(name));
    for (size_t i = 0; i < toml_len(groups); i++) {
        const char *k = toml_key_at(groups, i, NULL);
        if (strcmp(pep503_normalize(s->a, k, strlen(k)), want) == 0)
            return toml_value_at(groups, i);
    }
    return NULL;
}

/* Whether following include-group from `group` comes back to `start`. */
static bool include_cycle(deps_set *s, const toml_value *groups, const toml_value *group,
                          const toml_value *start, int depth)
{
    if (depth > 64)
        return true;
    for (size_t i = 0; i < toml_len(group); i++) {
        const char *inc = toml_as_string(toml_get(toml_at(group, i), "include-group"), NULL);
        const toml_value *g = inc ? find_group(s, groups, inc) : NULL;
        if (g && (g == start || include_cycle(s, groups, g, start, depth + 1)))
            return true;
    }
    return false;
}

static size_t read_group(deps_set *s, const char *path, const toml_value *groups, size_t i)
{
    const char *name = toml_key_at(groups, i, NULL);
    const toml_value *g = toml_value_at(groups, i);
    if (toml_type_of(g) != TOML_ARRAY) {
        deps_error_at(s, path, toml_line(g), "dependency group '%s' must be an array", name);
        return 0;
    }
    if (include_cycle(s, groups, g, g, 0))
        deps_error_at(s, path, toml_line(g), "dependency group '%s' includes itself", name);
    size_t added = 0;
    for (size_t j = 0; j < toml_len(g); j++) {
        const toml_value *item = toml_at(g, j);
        if (toml_type_of(item) != TOML_TABLE) {
            added += add_string(s, path, item, DEPS_DEPENDENCY_GROUP, name);
            continue;
        }
        const char *inc = toml_as_string(toml_get(item, "include-group"), NULL);
        if (!inc || toml_len(item) != 1)
            deps_error_at(s, path, toml_line(item),
                          "dependency group '%s': a table must be {include-group = \"...\"}", name);
        else if (!find_group(s, groups, inc))
            deps_error_at(s, path, toml_line(item),
                          "dependency group '%s' includes unknown group '%s'", name, inc);
    }
    return added;
}

size_t deps_read_pyproject(deps_set *s, const char *path)
{
    size_t len;
    const char *text = deps_slurp(s, path, &len);
    return text ? deps_read_pyproject_text(s, path, text, len) : 0;
}

size_t deps_read_pyproject_text(deps_set *s, const char *path, const char *text, size_t len)
{
    path = deps_strdup(s, path);
    toml_error err;
    const toml_value *root = toml_parse(s->a, text, len, &err);
    if (!root) {
        deps_error_at(s, path, err.line, "TOML: %s (column %d)", err.message, err.column);
        return 0;
    }
    size_t added = 0;
    const toml_value *project = toml_get(root, "project");
    if (project && toml_type_of(project) != TOML_TABLE)
        deps_error_at(s, path, toml_line(project), "[project] must be a table");
    else
        added += read_project(s, path, project);
    const toml_value *groups = toml_get(root, "dependency-groups");
    if (groups && toml_type_of(groups) != TOML_TABLE)
        deps_error_at(s, path, toml_line(groups), "[dependency-groups] must be a table");
    else
        for (size_t i = 0; i < toml_len(groups); i++)
            added += read_group(s, path, groups, i);
    const toml_value *poetry = toml_get_path(root, "tool.poetry");
    if (poetry)
        added += deps_read_poetry(s, path, poetry);
    return added;
}
