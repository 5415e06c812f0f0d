/* db_update.c - `krait db update`: download the OSV export with libcurl
 * into a temporary file in the target directory, check it, then rename it
 * over the old database. Every failure path removes the temporary file and
 * leaves the old database untouched. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <curl/curl.h>

#include "deps/db_update.h"

static int fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

/* mkdir -p of the directory part of `path` (a malloc'd copy in *dir). */
static int make_parent(const char *path, char **dir, char *err, size_t errlen)
{
    char *d = strdup(path);
    if (!d)
        abort();
    char *slash = strrchr(d, '/');
    if (!slash) {
        strcpy(d, ".");
    } else {
        *(slash == d ? slash + 1 : slash) = '\0';
        for (char *p = d + 1; *p; p++) {
            if (*p != '/')
                continue;
            *p = '\0';
            if (mkdir(d, 0755) != 0 && errno != EEXIST)
                goto error;
            *p = '/';
        }
        if (mkdir(d, 0755) != 0 && errno != EEXIST)
            goto error;
    }
    *dir = d;
    return 0;
error:
    fail(err, errlen, "%s: cannot create the directory: %s", d, strerror(errno));
    free(d);
    return -1;
}

typedef struct sink {
    int fd;
    size_t bytes, max;
    bool too_large, write_failed;
    int write_errno;
} sink;

static size_t write_cb(char *data, size_t size, size_t n, void *user)
{
    sink *s = user;
    size_t len = size * n;
    if (s->bytes + len > s->max) {
        s->too_large = true;
        return 0; /* abort the transfer */
    }
    for (size_t done = 0; done < len;) {
        ssize_t w = write(s->fd, data + done, len - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            s->write_failed = true;
            s->write_errno = errno;
            return 0;
        }
        done += (size_t)w;
    }
    s->bytes += len;
    return len;
}

static void set_transfer_options(CURL *c, const db_update_options *o, const char *url, sink *s,
                                 char *curl_err)
{
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_cb);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, s);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_err);
    /* http(s) only, for the first request and for every redirect: a mirror
     * must not bounce krait to file:// or anything else. */
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, o->connect_timeout ? o->connect_timeout : 30L);
    /* No total timeout (the export is large, links are slow); a stall of
     * stall_timeout seconds below 1 byte/s ends the transfer instead. */
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, o->stall_timeout ? o->stall_timeout : 60L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "krait/" KRAIT_VERSION);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
}

/* The transfer itself; 0, or -1 with the reason in err. */
static int download(const db_update_options *o, const char *url, int fd,
                    db_update_result *res, char *err, size_t errlen)
{
    CURL *c = curl_easy_init();
    if (!c)
        return fail(err, errlen, "cannot start libcurl");
    char curl_err[CURL_ERROR_SIZE] = "";
    sink s = {fd, 0, o->max_bytes ? o->max_bytes : (size_t)1 << 30, false, false, 0};
    set_transfer_options(c, o, url, &s, curl_err);
    CURLcode rc = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &res->http_status);
    curl_easy_cleanup(c);
    res->bytes = s.bytes;
    if (s.too_large)
        return fail(err, errlen, "%s: more than %zu bytes: refused", url, s.max);
    if (s.write_failed)
        return fail(err, errlen, "writing the download: %s", strerror(s.write_errno));
    if (rc != CURLE_OK)
        return fail(err, errlen, "%s: %s", url, curl_err[0] ? curl_err : curl_easy_strerror(rc));
    if (res->http_status >= 400 || (res->http_status && res->http_status < 200))
        return fail(err, errlen, "%s: HTTP status %ld", url, res->http_status);
    return 0;
}

/* The downloaded file must be an export krait can read, with advisories;
 * *db keeps it open for the index. */
static int verify(const char *tmp, const char *url, db_update_result *res, osv_db **db,
                  char *err, size_t errlen)
{
    char why[512];
    *db = osv_db_open(tmp, NULL, why, sizeof why);
    if (!*db) {
        const char *colon = strstr(why, ": "); /* the temporary name is no help */
        return fail(err, errlen, "%s: the download is not a readable OSV export (%s)", url,
                    colon ? colon + 2 : why);
    }
    res->advisories = osv_db_count(*db);
    if (!res->advisories)
        return fail(err, errlen, "%s: the download holds no PyPI advisory", url);
    return 0;
}

static int install(const char *tmp, const char *dir, const char *dest, char *err,
                   size_t errlen)
{
    if (rename(tmp, dest) != 0)
        return fail(err, errlen, "%s: %s", dest, strerror(errno));
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) { /* make the rename itself durable */
        fsync(dfd);
        close(dfd);
    }
    return 0;
}

int db_update(const db_update_options *o, db_update_result *res, char *err, size_t errlen)
{
    const char *url = o->url ? o->url : OSV_EXPORT_URL;
    char *dir, *tmp;
    memset(res, 0, sizeof *res);
    if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
        return fail(err, errlen, "%s: only http:// and https:// URLs are supported", url);
    if (make_parent(o->dest, &dir, err, errlen) != 0)
        return -1;
    if (asprintf(&tmp, "%s/.krait-osv-download-XXXXXX", dir) < 0)
        abort();
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fail(err, errlen, "%s: cannot create a temporary file: %s", dir, strerror(errno));
        free(tmp);
        free(dir);
        return -1;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    int rc = download(o, url, fd, res, err, errlen);
    curl_global_cleanup();
    if (rc == 0 && fsync(fd) != 0)
        rc = fail(err, errlen, "%s: %s", tmp, strerror(errno));
    close(fd);
    osv_db *db = NULL;
    if (rc == 0)
        rc = verify(tmp, url, res, &db, err, errlen);
    if (rc == 0)
        rc = install(tmp, dir, o->dest, err, errlen);
    /* the renamed file is the one loaded: its index is written now, so
     * the first audit is already fast (a failure only costs that speed) */
    if (rc == 0 && osv_index_write(o->dest, db, &res->index))
        res->index.state = OSV_INDEX_BUILT;
    else if (rc == 0)
        res->index.state = OSV_INDEX_FAILED;
    osv_db_close(db);
    if (rc != 0)
        unlink(tmp);
    free(tmp);
    free(dir);
    return rc;
}

osv_db *osv_db_open_cli(const char *path, osv_index_info *info, char *err, size_t errlen)
{
    char *def = path ? NULL : osv_default_db_path();
    const char *p = path ? path : def;
    struct stat st;
    if (!p) {
        snprintf(err, errlen, "no OSV database: HOME is not set; give one with --db PATH");
        return NULL;
    }
    if (stat(p, &st) != 0 && errno == ENOENT) {
        snprintf(err, errlen,
                 "no OSV database at %s: run `krait db update%s`, or download %s and give "
                 "it with --db PATH",
                 p, path ? " --db PATH" : "", OSV_EXPORT_URL);
        free(def);
        return NULL;
    }
    osv_db *db = osv_db_open_for(p, NULL, 0, info, err, errlen);
    free(def);
    return db;
}
