/* egress.h - the pieces of the egress family (egress.def) that are pure
 * functions of a string, exposed for unit tests (tests/unit/test_egress.c):
 * Python Code Audit's secret-ish names, and telling a destination (URL, IP
 * address, webhook) from a string that only looks like one. */
#ifndef KRAIT_RULES_EGRESS_H
#define KRAIT_RULES_EGRESS_H

#include <stddef.h>

#include "../base/arena.h"

/* Code Audit's list (shared/parity/codeaudit-secret-names.txt), sorted by
 * the lower-case bytes of each name, then by the name (egress_names.c). */
extern const char *const egress_secret_names[];
extern const size_t egress_secret_names_count;

/* The list's spelling of `name` when it is one of the names, compared
 * case-insensitively and whole (ASCII); else NULL. */
const char *egress_secret_name(const char *name);

/* When `s` starts with an http/https/ftp/ws/wss URL whose host is a
 * literal, real destination (not loopback, reserved, an XML namespace or a
 * template): 1 and *shown, the URL up to the first blank, with its
 * credentials masked (user:****@, secret-ish query values ****) and cut to
 * about 200 bytes, in `a`. Else 0. */
int egress_url_destination(arena *a, const char *s, const char **shown);

/* 1 when `s` is exactly a dotted-quad IPv4 address (with an optional
 * :port) that can be a destination (not 0.x, 127.x, 255.x, the RFC 5737
 * documentation ranges, nor written with leading zeros). */
int egress_ipv4_destination(const char *s);

/* When `s` holds a Slack/Discord/Telegram/Teams webhook URL: 1 and
 * *shown, the URL up to the service's fixed prefix followed by "****"
 * (the rest is the secret), in `a`. Else 0. */
int egress_webhook(arena *a, const char *s, const char **shown);

#endif
