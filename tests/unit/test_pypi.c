/* test_pypi.c - the pieces of `pypi:NAME` that need no server (src/pypi):
 * the argument, the index URL, the URL policy, the JSON document, the
 * choice of a file and the digest. The whole fetch is tested against a
 * fake index in tests/pypi/run.py. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "pypi/pypi.h"

static void request_is_parsed_and_normalised(void **state)
{
    (void)state;
    arena *a = arena_new();
    pypi_request r;
    char err[256];
    assert_int_equal(pypi_parse_request(a, "pypi:Foo.Bar_baz", &r, err, sizeof err), 0);
    assert_string_equal(r.name, "Foo.Bar_baz");
    assert_string_equal(r.key, "foo-bar-baz");
    assert_null(r.version);
    assert_int_equal(pypi_parse_request(a, "pypi:x==1.0RC1.POST2", &r, err, sizeof err), 0);
    assert_string_equal(r.version, "1.0rc1.post2");
    assert_int_equal(pypi_parse_request(a, "pypi:x==v1!2.0+Local", &r, err, sizeof err), 0);
    assert_string_equal(r.version, "1!2.0+local");
    arena_free(a);
}

static void bad_requests_are_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "pypi:", "pypi:==1.0", "pypi:-x", "pypi:x-", "pypi:a/b", "pypi:a%2fb", "pypi:a b",
        "pypi:a?b", "pypi:a#b", "pypi:a@b", "pypi:x[extra]", "pypi:x>=1", "pypi:x==",
        "pypi:x==1.0/..", "pypi:x== 1.0", "pypi:x==1.*", "pypi:x==latest", "pypi:x===1",
        "pypi:x==1.0==2", "pypi:\xc3\xa9",
    };
    arena *a = arena_new();
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pypi_request r;
        char err[256] = "";
        if (pypi_parse_request(a, bad[i], &r, err, sizeof err) == 0)
            fail_msg("accepted '%s'", bad[i]);
        assert_true(strncmp(err, bad[i], strlen(bad[i])) == 0); /* names the argument */
    }
    arena_free(a);
}

static void index_url_gives_the_json_base(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"https://pypi.org/simple/", "https://pypi.org"},
        {"https://pypi.org/simple", "https://pypi.org"},
        {"https://pypi.org", "https://pypi.org"},
        {"https://pypi.org/", "https://pypi.org"},
        {"https://h.example/artifactory/api/pypi/pypi-remote/simple",
         "https://h.example/artifactory/api/pypi/pypi-remote"},
        {"https://nexus.example/repository/pypi-all/simple/",
         "https://nexus.example/repository/pypi-all"},
        {"https://devpi.example/root/pypi/+simple/", "https://devpi.example/root/pypi"},
        {"https://user:token@mirror.example/simple/", "https://user:token@mirror.example"},
        {"http://127.0.0.1:8080/simple//", "http://127.0.0.1:8080"},
        {"http://localhost/x/simple/", "http://localhost/x"},
        {"http://[::1]:9/simple", "http://[::1]:9"},
        {"https://mirror.example/notsimple/", "https://mirror.example/notsimple"},
        {"http:/127.0.0.1/simple", "http://127.0.0.1"}, /* as libcurl reads it */
        {"HTTPS://PyPI.org/Simple/", "https://PyPI.org/Simple"}, /* "/simple" only in lowercase */
    };
    arena *a = arena_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[256] = "";
        const char *base = pypi_api_base(a, cases[i][0], err, sizeof err);
        if (!base)
            fail_msg("'%s' refused: %s", cases[i][0], err);
        assert_string_equal(base, cases[i][1]);
    }
    static const char *const bad[] = {
        "http://mirror.example/simple/", "ftp://mirror.example/simple/", "file:///srv/simple",
        "https://mirror.example/simple/?x=1", "https://mirror.example/simple/#top", "mirror",
        "", "http://127.0.0.1.example.com/simple", "http://128.0.0.1/simple",
        "http:/127.#", "https://mirror.example/simple?", "https://mirror.example/a b/simple",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char err[256] = "";
        if (pypi_api_base(a, bad[i], err, sizeof err))
            fail_msg("'%s' accepted", bad[i]);
        assert_non_null(strstr(err, "index URL"));
    }
    arena_free(a);
}

static void only_https_or_loopback_http_is_fetched(void **state)
{
    (void)state;
    assert_true(pypi_url_allowed("https://files.pythonhosted.org/packages/x.tar.gz"));
    assert_true(pypi_url_allowed("HTTPS://files.pythonhosted.org/x"));
    assert_true(pypi_url_allowed("http://127.0.0.1:4000/x"));
    assert_true(pypi_url_allowed("http://127.1.2.3/x"));
    assert_true(pypi_url_allowed("http://localhost/x"));
    assert_true(pypi_url_allowed("http://[::1]/x"));
    assert_false(pypi_url_allowed("http://files.pythonhosted.org/x"));
    assert_false(pypi_url_allowed("http://127.0.0.1@evil.example/x"));
    assert_false(pypi_url_allowed("http://localhost.evil.example/x"));
    assert_false(pypi_url_allowed("file:///etc/passwd"));
    assert_false(pypi_url_allowed("ftp://127.0.0.1/x"));
    assert_false(pypi_url_allowed("gopher://127.0.0.1/x"));
    assert_false(pypi_url_allowed("/relative/x.tar.gz"));
    assert_false(pypi_url_allowed(""));
}

static void credentials_are_kept_out_of_messages(void **state)
{
    (void)state;
    char out[256];
    pypi_url_redact("https://user:s3cret@mirror.example/simple/x", out, sizeof out);
    assert_string_equal(out, "https://mirror.example/simple/x");
    pypi_url_redact("https://tok@mirror.example/a", out, sizeof out);
    assert_string_equal(out, "https://mirror.example/a");
    pypi_url_redact("https://pypi.org/pypi/x/json", out, sizeof out);
    assert_string_equal(out, "https://pypi.org/pypi/x/json");
    pypi_url_redact("not a url", out, sizeof out);
    assert_string_equal(out, "not a url");
    arena *a = arena_new();
    char err[256];
    assert_null(pypi_api_base(a, "http://user:s3cret@mirror.example/simple/", err, sizeof err));
    assert_null(strstr(err, "s3cret"));
    arena_free(a);
}

static void index_text_cannot_drive_the_terminal(void **state)
{
    (void)state;
    char s[] = "a\x1b[31mb\tc\x7f\xc2\x9b" "2J\xc3\xa9\xe2\x80\xae";
    pypi_clean_text(s);
    assert_string_equal(s, "a?[31mb?c???2J\xc3\xa9\xe2\x80\xae"); /* é, U+202E kept */
    static const char doc[] =
        "{\"info\": {\"name\": \"x\\u001b]0;pwn\\u0007\", \"version\": \"1\","
        " \"requires_dist\": [\"a\\u001b[2J\"]}, \"urls\": ["
        " {\"filename\": \"x.tar.gz\", \"url\": \"https://h/x\\u001b\", \"packagetype\": \"sdist\"},"
        " {\"filename\": \"x\\u0085.tar.gz\", \"url\": \"https://h/y\", \"packagetype\": \"sdist\","
        "  \"yanked_reason\": \"\\u001b[8m\"}]}";
    arena *a = arena_new();
    pypi_release r;
    char err[256];
    assert_int_equal(pypi_release_parse(a, doc, strlen(doc), &r, err, sizeof err), 0);
    assert_string_equal(r.name, "x?]0;pwn?");
    assert_string_equal(r.requires_dist[0], "a?[2J");
    assert_int_equal(r.nfiles, 1); /* the URL with a control character is dropped */
    assert_string_equal(r.files[0].filename, "x??.tar.gz");
    assert_string_equal(r.files[0].yanked_reason, "?[8m");
    arena_free(a);
    char out[128];
    pypi_url_redact("https://u:p@h/\x1b[2J", out, sizeof out);
    assert_null(strchr(out, '\x1b'));
}

static const char release_json[] =
    "{\"info\": {\"name\": \"Demo\", \"version\": \"1.0\", \"requires_dist\": "
    "[\"a>=1\", 3, \"b; extra == 'x'\"]},"
    " \"urls\": ["
    "  {\"filename\": \"demo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl\", \"url\": "
    "\"https://f/1\", \"packagetype\": \"bdist_wheel\", \"digests\": {\"sha256\": "
    "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}, \"size\": 10,"
    "   \"upload_time_iso_8601\": \"2024-01-01T00:00:00Z\", \"yanked\": false},"
    "  {\"filename\": \"demo-1.0-py2.py3-none-any.whl\", \"url\": \"https://f/2\", "
    "\"packagetype\": \"bdist_wheel\", \"digests\": {\"sha256\": \"short\"}},"
    "  {\"filename\": \"demo-1.0.zip\", \"url\": \"https://f/3\", \"packagetype\": \"sdist\","
    "   \"upload_time\": \"2024-01-02T00:00:00\", \"yanked\": true, \"yanked_reason\": \"\"},"
    "  {\"filename\": \"no-url.tar.gz\", \"packagetype\": \"sdist\"},"
    "  \"not an object\""
    " ]}";

static void release_json_is_read(void **state)
{
    (void)state;
    arena *a = arena_new();
    pypi_release r;
    char err[256];
    assert_int_equal(pypi_release_parse(a, release_json, strlen(release_json), &r, err,
                                        sizeof err),
                     0);
    assert_string_equal(r.name, "Demo");
    assert_string_equal(r.version, "1.0");
    assert_int_equal(r.nrequires, 2); /* the number is skipped */
    assert_string_equal(r.requires_dist[1], "b; extra == 'x'");
    assert_int_equal(r.nfiles, 3); /* without a url, or not an object: skipped */
    assert_string_equal(r.files[0].sha256,
                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_int_equal(r.files[0].size, 10);
    assert_string_equal(r.files[0].upload_time, "2024-01-01T00:00:00Z");
    assert_null(r.files[1].sha256); /* malformed */
    assert_int_equal(r.files[1].size, -1);
    assert_true(r.files[2].yanked);
    assert_null(r.files[2].yanked_reason); /* "" is no reason */
    assert_string_equal(r.files[2].upload_time, "2024-01-02T00:00:00");
    arena_free(a);
}

static void bad_json_is_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "", "{", "[]", "{\"info\": 1, \"urls\": []}", "{\"info\": {\"name\": \"x\"}, \"urls\": []}",
        "{\"info\": {\"name\": \"x\", \"version\": \"1\"}}",
        "{\"info\": {\"name\": \"x\", \"version\": \"1\"}, \"urls\": {}}",
        "{\"info\": {\"name\": \"\", \"version\": \"1\"}, \"urls\": []}",
    };
    arena *a = arena_new();
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pypi_release r;
        char err[256] = "";
        if (pypi_release_parse(a, bad[i], strlen(bad[i]), &r, err, sizeof err) == 0)
            fail_msg("accepted '%s'", bad[i]);
        assert_non_null(strstr(err, "the index's JSON"));
    }
    arena_free(a);
}

static pypi_file file(const char *name, const char *kind, bool yanked)
{
    pypi_file f = {.filename = name, .url = "https://x", .packagetype = kind, .size = -1,
                   .yanked = yanked};
    return f;
}

/* The chosen file's name, or the error (in err). */
#define choose(files, n) choose_into(files, n, err, sizeof err)
static const char *choose_into(const pypi_file *files, size_t n, char *err, size_t errlen)
{
    pypi_release r = {.name = "p", .version = "1", .files = files, .nfiles = n};
    const pypi_file *f = pypi_choose_file(&r, err, errlen);
    return f ? f->filename : err;
}

static void the_file_is_chosen_deterministically(void **state)
{
    (void)state;
    char err[256];
    pypi_file a[] = {
        file("p-1-cp312-cp312-win_amd64.whl", "bdist_wheel", false),
        file("p-1.zip", "sdist", false),
        file("p-1-py3-none-any.whl", "bdist_wheel", false),
        file("p-1.tar.gz", "sdist", false),
    };
    assert_string_equal(choose(a, 4), "p-1.tar.gz");
    assert_string_equal(choose(a, 3), "p-1.zip");
    assert_string_equal(choose(a, 1), "p-1-cp312-cp312-win_amd64.whl");
    pypi_file w[] = {
        file("p-1-cp311-abi3-linux.whl", "bdist_wheel", false),
        file("p-1-py2.py3-none-any.whl", "bdist_wheel", false),
        file("p-1-py3-none-any.whl", "bdist_wheel", false),
        file("p-1-1-py3-none-any.whl", "bdist_wheel", false), /* a build tag */
        file("p-1-cp310-abi3-linux.whl", "bdist_wheel", false),
    };
    assert_string_equal(choose(w, 5), "p-1-1-py3-none-any.whl");
    assert_string_equal(choose(w, 2), "p-1-py2.py3-none-any.whl");
    pypi_file w2[] = {w[4], w[0]}; /* no pure wheel: the first by name */
    assert_string_equal(choose(w2, 2), "p-1-cp310-abi3-linux.whl");
    pypi_file y[] = {file("p-1.tar.gz", "sdist", true), w[2]};
    assert_string_equal(choose(y, 2), "p-1-py3-none-any.whl"); /* not yanked first */
    assert_string_equal(choose(y, 1), "p-1.tar.gz");           /* yanked, the caller decides */
    pypi_file none[] = {file("p-1.egg", "bdist_egg", false), file("p-1.exe", "bdist_wininst", false),
                        file("p-1.tar.gz", "bdist_wheel", false) /* not a .whl */};
    assert_string_equal(choose(none, 3), "p 1 has no sdist and no wheel to audit (3 other files)");
    assert_string_equal(choose(none, 0), "p 1 has no sdist and no wheel to audit (0 other files)");
}

/* FIPS 180-2's examples, and a million 'a's (its long message). */
static void sha256_matches_the_standard(void **state)
{
    (void)state;
    char hex[65];
    assert_int_equal(pypi_sha256_hex("", 0, hex), 0);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_int_equal(pypi_sha256_hex("abc", 3, hex), 0);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    assert_int_equal(pypi_sha256_hex(two, strlen(two), hex), 0);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    static char million[1000000];
    memset(million, 'a', sizeof million);
    assert_int_equal(pypi_sha256_hex(million, sizeof million, hex), 0);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(request_is_parsed_and_normalised),
        cmocka_unit_test(bad_requests_are_refused),
        cmocka_unit_test(index_url_gives_the_json_base),
        cmocka_unit_test(only_https_or_loopback_http_is_fetched),
        cmocka_unit_test(credentials_are_kept_out_of_messages),
        cmocka_unit_test(release_json_is_read),
        cmocka_unit_test(index_text_cannot_drive_the_terminal),
        cmocka_unit_test(bad_json_is_refused),
        cmocka_unit_test(the_file_is_chosen_deterministically),
        cmocka_unit_test(sha256_matches_the_standard),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
