/* sarif_common.c - SARIF pieces shared by the scan and dependency reports. */
#include "sarif_common.h"

void sarif_put_text(jw *w, const char *key, const char *text)
{
    jw_key(w, key);
    jw_begin_object(w);
    jw_member_string(w, "text", text);
    jw_end_object(w);
}

void sarif_put_artifact(jw *w, const char *path, const fc_cwd *cwd)
{
    buf uri;
    buf_init(&uri);
    const char *rel = fc_project_path(path, cwd);
    if (!rel && path[0] == '/')
        buf_puts(&uri, "file://");
    fc_put_uri_path(&uri, rel ? rel : path);
    jw_key(w, "artifactLocation");
    jw_begin_object(w);
    jw_member_string(w, "uri", uri.data ? uri.data : "");
    if (rel)
        jw_member_string(w, "uriBaseId", SARIF_SRCROOT);
    jw_end_object(w);
    buf_free(&uri);
}

void sarif_put_line_location(jw *w, const char *path, int line, const fc_cwd *cwd)
{
    jw_key(w, "locations");
    jw_begin_array(w);
    jw_begin_object(w);
    jw_key(w, "physicalLocation");
    jw_begin_object(w);
    sarif_put_artifact(w, path, cwd);
    if (line > 0) {
        jw_key(w, "region");
        jw_begin_object(w);
        jw_member_int(w, "startLine", line);
        jw_end_object(w);
    }
    jw_end_object(w);
    jw_end_object(w);
    jw_end_array(w);
}

void sarif_put_base_ids(jw *w, const fc_cwd *cwd)
{
    jw_key(w, "originalUriBaseIds");
    jw_begin_object(w);
    jw_key(w, SARIF_SRCROOT);
    jw_begin_object(w);
    if (cwd->path[0]) {
        buf uri;
        buf_init(&uri);
        buf_puts(&uri, "file://");
        fc_put_uri_path(&uri, cwd->path);
        if (uri.data[uri.len - 1] != '/')
            buf_putc(&uri, '/'); /* a base URI must end with a slash */
        jw_member_string(w, "uri", uri.data);
        buf_free(&uri);
    }
    sarif_put_text(w, "description", "The directory krait was run from.");
    jw_end_object(w);
    jw_end_object(w);
}
