/* archive_members.h - the members met while reading one archive given to
 * krait (nested ones included), private to archive.c: each display path
 * once, with the bytes to scan and the findings about it, until they are
 * handed to the file_list in one go. A table, not the list itself, because
 * a later member of the same name replaces an earlier one (as extraction
 * would) and findings about one path gather from several places. */
#ifndef KRAIT_SCAN_ARCHIVE_MEMBERS_H
#define KRAIT_SCAN_ARCHIVE_MEMBERS_H

#include <stddef.h>
#include <stdint.h>

#include "discover.h"

typedef struct member {
    const char *path;     /* display path: "a.tar.gz!pkg/x.py" (arena) */
    uint64_t hash;        /* of the contents: duplicates that differ */
    int seen;             /* times the name was met */
    int duplicate_noted;
    const char *data;     /* kept for the scan, or NULL */
    size_t len;
    input_finding *findings; /* malloc'd */
    int nfindings, cap_findings;
} member;

typedef struct member_table {
    member *items;
    size_t n, cap;
    size_t *slots; /* open addressing: index + 1, 0 = empty */
    size_t nslots;
} member_table;

/* The entry for path (created when new, path copied into a). NULL when out
 * of memory. */
member *members_get(member_table *t, arena *a, const char *path);
/* Adds a finding (message copied into a). 0 or -1. */
int members_add_finding(member *m, arena *a, int rule, const char *message);
/* The entry for path, or NULL when there is none. */
member *members_find(const member_table *t, const char *path);
/* Hands every member with bytes or findings to l, in table order (the
 * list is sorted later). 0 or -1. */
int members_flush(member_table *t, file_list *l);
void members_free(member_table *t);

#endif
