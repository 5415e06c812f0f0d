/* fuzz_requirements.c - libFuzzer target: any bytes as a requirements file
 * (src/deps/inputs_requirements.c, with its line handling, options and
 * PEP 508 parser), as pyproject.toml and each lock file (the readers on
 * top of the TOML and JSON parsers), as setup.cfg, setup.py and core
 * metadata, as a distribution file when it looks like gzip or zip, as one
 * PEP 508 string, and as a Poetry constraint.
 * Besides crashes, leaks, hangs and sanitizer reports, these properties
 * trap:
 *   - every record has a path, a line within the input, a key only with
 *     a name, a parsed specifier set only with a specifier text, and an
 *     exact version whenever it is pinned;
 *   - an accepted PEP 508 string's normalised marker is itself accepted,
 *     and normalising it again gives the same text (idempotent);
 *   - a converted Poetry constraint is a valid PEP 440 specifier set or
 *     an explicit refusal. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/buf.h"
#include "deps/deps_input.h"
#include "deps/inputs_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_records(const deps_set *s, size_t size)
{
    for (size_t i = 0; i < s->n; i++) {
        const deps_record *r = &s->records[i];
        if (!r->path || r->line < 1 || (size_t)r->line > size + 1 || (r->key && !r->name) ||
            (r->specset && !r->specifier) || (r->pinned && !r->version))
            __builtin_trap();
    }
    for (size_t i = 0; i < s->nerrors; i++)
        if (!s->errors[i].message || !s->errors[i].path)
            __builtin_trap();
}

/* The bytes as a distribution file (inputs_archive.c reads a path: a
 * memory file's /proc/self/fd name). Only crashes and sanitizer reports
 * count: whatever the archive holds, its records are checked above. */
static void read_as_distribution_file(const uint8_t *data, size_t size)
{
    if (size < 4 || !((data[0] == 0x1f && data[1] == 0x8b) || (data[0] == 'P' && data[1] == 'K')))
        return; /* gzip or zip: the shapes sdists and wheels come in */
    int fd = memfd_create("fuzz-dist", MFD_CLOEXEC);
    if (fd < 0 || write(fd, data, size) != (ssize_t)size)
        __builtin_trap();
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    deps_set *d = deps_set_new();
    deps_read_archive(d, path);
    for (size_t i = 0; i < d->n; i++)
        if (!d->records[i].path)
            __builtin_trap();
    deps_set_free(d);
    close(fd);
}

static void check_marker(arena *a, const char *marker)
{
    buf b;
    buf_init(&b);
    buf_printf(&b, "x; %s", marker);
    const pep508_req *again = pep508_parse(a, b.data, b.len, NULL, NULL);
    if (!again || !again->marker || strcmp(again->marker, marker) != 0)
        __builtin_trap();
    buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    deps_set *s = deps_set_new();
    deps_read_requirements_text(s, "/nonexistent/fuzz/requirements.txt", text, size);
    check_records(s, size);
    /* the same bytes as pyproject.toml and as each lock file */
    static const char *const as[] = {"/f/pyproject.toml", "/f/uv.lock", "/f/poetry.lock",
                                     "/f/Pipfile.lock", "/f/pdm.lock", "/f/pylock.toml"};
    for (size_t i = 0; i < sizeof as / sizeof *as; i++) {
        deps_set *t = deps_set_new();
        if (i == 0)
            deps_read_pyproject_text(t, as[i], text, size);
        else
            deps_read_lock_text(t, as[i], text, size);
        for (size_t j = 0; j < t->n; j++)
            if (!t->records[j].path || !t->records[j].name)
                __builtin_trap();
        deps_set_free(t);
    }
    /* the same bytes as setup.cfg and setup.py (inputs_setupcfg.c,
     * inputs_setup.c), and as core metadata (PKG-INFO, inputs_metadata.c) */
    deps_set *u = deps_set_new();
    deps_read_setup_cfg_text(u, "/nonexistent/fuzz/setup.cfg", text, size);
    deps_read_setup_py_text(u, "/nonexistent/fuzz/setup.py", text, size);
    deps_read_metadata_text(u, "/nonexistent/fuzz/PKG-INFO", text, size);
    check_records(u, size);
    deps_set_free(u);
    read_as_distribution_file(data, size);
    const pep508_req *q = pep508_parse(s->a, text, size, NULL, NULL);
    if (q && q->marker && !memchr(text, '\\', size) && !memchr(text, '\'', size))
        check_marker(s->a, q->marker);
    char *nul_terminated = arena_strndup(s->a, text, size);
    const char *why = NULL;
    const char *spec = deps_poetry_to_pep440(s->a, nul_terminated, &why);
    if (!spec && !why)
        __builtin_trap();
    deps_set_free(s);
    return 0;
}
