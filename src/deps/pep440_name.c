/* pep440_name.c - distribution names: PEP 503 normalisation and PEP 508
 * validity. Advisories, lock files and requirements spell one project many
 * ways ("Foo.Bar_baz", "foo-bar-baz"); only the normalised name matches. */
#include "deps/pep440.h"

#include "deps/pep440_int.h"

static bool is_name_sep(char c)
{
    return c == '-' || c == '_' || c == '.';
}

const char *pep503_normalize(arena *a, const char *name, size_t len)
{
    char *out = arena_alloc_raw(a, len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (is_name_sep(name[i])) {
            while (i < len && is_name_sep(name[i]))
                i++;
            out[n++] = '-';
        } else
            out[n++] = pep440_lower(name[i++]);
    }
    out[n] = '\0';
    return out;
}

static bool name_alnum(char c)
{
    return pep440_is_digit(c) || (pep440_lower(c) >= 'a' && pep440_lower(c) <= 'z');
}

/* ^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$, ignoring case */
bool pep508_name_valid(const char *name, size_t len)
{
    if (len == 0 || !name_alnum(name[0]) || !name_alnum(name[len - 1]))
        return false;
    for (size_t i = 1; i + 1 < len; i++)
        if (!name_alnum(name[i]) && !is_name_sep(name[i]))
            return false;
    return true;
}
