/* toml_dump.c - the TOML reader's test driver: prints a file's tree as
 * tagged JSON, the toml-test convention ({"type": "integer", "value": "42"}
 * for scalars, plain objects and arrays for tables and arrays, keys in
 * document order), or "invalid at LINE:COL: message" with status 1.
 * compare.py prints Python's tomllib answer the same way and compares.
 *
 *   toml_dump FILE          one file
 *   toml_dump --time FILE   parse only, print MB/s (the benchmark) */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "deps/toml.h"

static void json_string(buf *b, const char *s, size_t n)
{
    buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)c);
        } else if (c < 0x20 || c == 0x7F) {
            buf_printf(b, "\\u%04x", c);
        } else {
            buf_putc(b, (char)c);
        }
    }
    buf_putc(b, '"');
}

static void scalar(buf *b, const toml_value *v)
{
    char num[64];
    const char *text = num;
    size_t len;
    int64_t i;
    double f;
    bool t;
    if (toml_as_int(v, &i)) {
        snprintf(num, sizeof num, "%" PRId64, i);
    } else if (toml_as_float(v, &f)) {
        if (f != f)
            strcpy(num, "nan");
        else if (f == __builtin_inf() || f == -__builtin_inf())
            strcpy(num, f > 0 ? "inf" : "-inf");
        else /* the shortest text that reads back as the same double */
            for (int prec = 15; prec <= 17; prec++)
                if (snprintf(num, sizeof num, "%.*g", prec, f), strtod(num, NULL) == f)
                    break;
    } else if (toml_as_bool(v, &t)) {
        strcpy(num, t ? "true" : "false");
    } else if ((text = toml_as_string(v, &len)) == NULL) {
        text = toml_as_datetime(v);
    }
    if (toml_type_of(v) != TOML_STRING)
        len = strlen(text);
    buf_printf(b, "{\"type\": \"%s\", \"value\": ", toml_type_name(toml_type_of(v)));
    json_string(b, text, len);
    buf_putc(b, '}');
}

static void dump(buf *b, const toml_value *v)
{
    size_t n = toml_len(v);
    if (toml_type_of(v) == TOML_TABLE) {
        buf_putc(b, '{');
        for (size_t i = 0; i < n; i++) {
            size_t klen;
            const char *k = toml_key_at(v, i, &klen);
            if (i)
                buf_puts(b, ", ");
            json_string(b, k, klen);
            buf_puts(b, ": ");
            dump(b, toml_value_at(v, i));
        }
        buf_putc(b, '}');
    } else if (toml_type_of(v) == TOML_ARRAY) {
        buf_putc(b, '[');
        for (size_t i = 0; i < n; i++) {
            if (i)
                buf_puts(b, ", ");
            dump(b, toml_at(v, i));
        }
        buf_putc(b, ']');
    } else {
        scalar(b, v);
    }
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    buf b;
    buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return b.data ? b.data : calloc(1, 1);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Best of 5 parses, arena reset between them as a scan worker does. */
static int bench(const char *data, size_t len)
{
    arena *a = arena_new();
    double best = 1e9;
    for (int run = 0; run < 5; run++) {
        arena_reset(a);
        toml_error err;
        double t0 = now();
        const toml_value *root = toml_parse(a, data, len, &err);
        double t = now() - t0;
        if (!root) {
            printf("invalid at %d:%d: %s\n", err.line, err.column, err.message);
            return 1;
        }
        if (t < best)
            best = t;
    }
    printf("%.1f MB in %.3f s: %.1f MB/s, arena %.1f MB\n", len / 1e6, best, len / 1e6 / best,
           arena_used(a) / 1e6);
    arena_free(a);
    return 0;
}

int main(int argc, char **argv)
{
    bool timing = argc == 3 && strcmp(argv[1], "--time") == 0;
    if (argc != 2 && !timing) {
        fputs("usage: toml_dump [--time] FILE\n", stderr);
        return 2;
    }
    size_t len;
    char *data = read_file(argv[argc - 1], &len);
    if (timing)
        return bench(data, len);
    arena *a = arena_new();
    toml_error err;
    const toml_value *root = toml_parse(a, data, len, &err);
    int status = 0;
    if (!root) {
        printf("invalid at %d:%d: %s\n", err.line, err.column, err.message);
        status = 1;
    } else {
        buf out;
        buf_init(&out);
        dump(&out, root);
        buf_putc(&out, '\n');
        fwrite(out.data, 1, out.len, stdout);
        buf_free(&out);
    }
    arena_free(a);
    free(data);
    return status;
}
