/* html_overview.h - the pieces of `krait overview --format html`
 * (html_overview*.c). Private to src/report. Like the scan report, every
 * string taken from the measured files (paths, names, modules, messages)
 * goes through html_text. */
#ifndef KRAIT_HTML_OVERVIEW_H
#define KRAIT_HTML_OVERVIEW_H

#include "html_internal.h"
#include "overview.h"

/* The measured files, largest first and most complex first (ties in path
 * order): the charts' top 20 read them. */
typedef struct ov_ranked {
    const scan_file **by_lines;
    const scan_file **by_complexity;
    size_t n;
    /* The bytes of directory every measured path starts with ("corpus/"
     * when all are under it): left out of the charts' labels, which have
     * little room (the bars' titles keep the whole path). */
    size_t common_dir;
} ov_ranked;

/* radon's rank of a block's complexity: 'A' (1-5) to 'F' (41 and more). */
char ov_rank(int complexity);

/* Charts (html_overview_charts.c). */
void ov_put_charts(buf *b, const overview_input *in, const ov_ranked *r);

/* Tables (html_overview_tables.c): the most complex functions (the `top`
 * most complex, 0: all; a long list folded under the 20 first), the
 * per-file table, the modules by origin, the warnings. */
void ov_put_functions(buf *b, const overview_summary *s, long top);
void ov_put_files(buf *b, const overview_input *in);
void ov_put_modules(buf *b, const overview_summary *s);
void ov_put_warnings(buf *b, const overview_input *in);

/* A <th> whose button sorts its column (the script makes it work);
 * `numeric`: sorted as numbers, highest first. */
void ov_put_sort_th(buf *b, const char *label, int numeric, const char *title);
/* The filter bar of table `table_id` over its column `col` (hidden until
 * the script shows it). */
void ov_put_filter(buf *b, const char *table_id, int col, const char *placeholder, size_t rows);

#endif
