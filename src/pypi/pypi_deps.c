/* pypi_deps.c - a PyPI release as an input of `krait deps`: the release
 * itself (NAME==VERSION, audited exactly) and what its metadata requires
 * (info.requires_dist, PEP 508 strings), under the virtual path
 * "pypi:NAME==VERSION". The release is recorded as a pinned requirement
 * (group "release"), its requirements as declared dependencies (kind
 * pyproject, group "requires_dist"): the deps kinds have no PyPI kind. */
#include <stdio.h>
#include <string.h>

#include "deps/inputs_int.h"
#include "pypi/pypi.h"

static void add_release(deps_set *s, const char *path, const pypi_package *p)
{
    char req[512];
    snprintf(req, sizeof req, "%s==%s", p->name, p->version);
    const char *msg;
    size_t off;
    const pep508_req *q = pep508_parse(s->a, req, strlen(req), &msg, &off);
    if (!q) {
        deps_error_at(s, path, 0, "the release '%s' is not a valid requirement: %s", req, msg);
        return;
    }
    deps_record *r = deps_add(s, path, 0, DEPS_REQUIREMENTS);
    r->group = "release";
    deps_fill_from_req(s, r, q);
}

static void add_requirement(deps_set *s, const char *path, const char *text, int index)
{
    const char *msg;
    size_t off;
    const pep508_req *q = pep508_parse(s->a, text, strlen(text), &msg, &off);
    if (!q) {
        deps_error_at(s, path, index, "invalid requirement '%s': %s (at column %zu)", text, msg,
                      off + 1);
        return;
    }
    deps_record *r = deps_add(s, path, index, DEPS_PYPROJECT);
    r->group = "requires_dist";
    deps_fill_from_req(s, r, q);
}

size_t pypi_add_deps(deps_set *s, const pypi_package *p)
{
    size_t before = s->n;
    const char *path = deps_strdup(s, p->spec);
    add_release(s, path, p);
    /* The line of a requirement is its 1-based place in requires_dist. */
    for (size_t i = 0; i < p->release->nrequires; i++)
        add_requirement(s, path, p->release->requires_dist[i], (int)i + 1);
    if (p->file)
        deps_note_at(s, path, 0, "release file %s (%s), uploaded %s", p->file->filename,
                     p->file->packagetype,
                     p->file->upload_time ? p->file->upload_time : "at an unknown date");
    if (p->note)
        deps_note_at(s, path, 0, "%s", p->note);
    return s->n - before;
}
