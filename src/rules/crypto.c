/* crypto.c - checks of the cryptography family (rows in crypto.def). */
#include "checks.h"
#include "common.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>


static int in_list(const char *s, const char *const *list, int nocase)
{
    for (; s && *list; list++)
        if ((nocase ? strcasecmp(s, *list) : strcmp(s, *list)) == 0)
            return 1;
    return 0;
}

/* The callee's name when expr is a call (ec.SECP192R1() is named by its
 * class, not by the "()" result), else expr's own qualified name. */
static const char *name_of(const rule_ctx *cx, const ast_node *expr)
{
    if (!expr)
        return NULL;
    if (expr->kind == AST_Call)
        return sem_qualname(cx->sem, expr->v.Call.func);
    return sem_qualname(cx->sem, expr);
}

/* Crypto.Cipher.AES.new(key, AES.MODE_ECB): only the .new() of a cipher
 * module, with a mode that resolves to MODE_ECB. */
int crypto_mode_ecb(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    if (!rc_ends_with(cx->qualname, "new"))
        return 0;
    const char *mode = sem_qualname(cx->sem, rc_param(node, 1, "mode"));
    return mode && strcmp(rc_last(mode), "MODE_ECB") == 0;
}

/* An alphabet to draw token characters from: string.ascii_letters and
 * friends, sums of them, or a literal run of at least ten characters
 * without spaces. */
static int is_alphabet(const rule_ctx *cx, const ast_node *expr, int depth)
{
    static const char *const sets[] = {"ascii_letters", "ascii_lowercase", "ascii_uppercase",
                                       "digits", "hexdigits", "octdigits", "punctuation",
                                       "printable", NULL};
    if (!expr || depth > 4)
        return 0;
    if (expr->kind == AST_BinOp && expr->v.BinOp.op == OP_Add)
        return is_alphabet(cx, expr->v.BinOp.left, depth + 1) ||
               is_alphabet(cx, expr->v.BinOp.right, depth + 1);
    const char *qn = sem_qualname(cx->sem, expr);
    if (qn && rc_under(qn, "string"))
        return in_list(rc_last(qn), sets, 0);
    const char *s = sem_const_str(cx->sem, expr);
    return s && strlen(s) >= 10 && !strpbrk(s, " \t\n");
}

int crypto_random_call(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *pool = rc_param(node, 0, "population");
    if (!pool)
        pool = rule_kwarg(node, "seq");
    if (is_alphabet(cx, pool, 0)) {
        hit->severity = MEDIUM;
        hit->message = rc_fmt(cx, "%s() draws from an alphabet: a predictable token or password "
                                  "generator; use the secrets module",
                              cx->qualname);
    }
    return 1;
}

static const char *const weak_hashes[] = {"md4", "md5", "sha", "sha1", "md5-sha1", "md5_sha1",
                                          NULL};

/* hashlib.md5() etc. and hashlib.new("md5"), unless usedforsecurity= is
 * false or not a constant (as Bandit: only absent or True counts). */
int crypto_hashlib_weak(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *fn = rc_last(cx->qualname);
    const char *algo = NULL;
    if (strcmp(fn, "new") == 0) {
        algo = sem_const_str(cx->sem, rc_param(node, 0, "name"));
    } else if (strcmp(fn, "file_digest") == 0) {
        const ast_node *d = rc_param(node, 1, "digest");
        algo = sem_const_str(cx->sem, d);
        if (!algo) {
            const char *qn = sem_qualname(cx->sem, d);
            algo = qn && rc_under(qn, "hashlib") ? rc_last(qn) : NULL;
        }
    } else {
        algo = fn;
    }
    if (!in_list(algo, weak_hashes, 1))
        return 0;
    if (rc_kw_truthy(cx, node, "usedforsecurity", 1) != 1)
        return 0;
    char upper[16];
    size_t n = strlen(algo) < sizeof upper - 1 ? strlen(algo) : sizeof upper - 1;
    for (size_t i = 0; i < n; i++)
        upper[i] = (char)toupper((unsigned char)algo[i]);
    upper[n] = '\0';
    hit->message = rc_fmt(cx, "Use of weak %s hash for security; consider usedforsecurity=False",
                          upper);
    return 1;
}

int crypto_crypt_weak(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    static const char *const weak[] = {"METHOD_CRYPT", "METHOD_MD5", "METHOD_BLOWFISH", NULL};
    const ast_node *method = strcmp(rc_last(cx->qualname), "crypt") == 0
                                 ? rc_param(node, 1, "salt")
                                 : rc_param(node, 0, "method");
    const char *qn = sem_qualname(cx->sem, method);
    if (!qn || !rc_under(qn, "crypt") || !in_list(rc_last(qn), weak, 0))
        return 0;
    hit->severity = MEDIUM;
    hit->message = rc_fmt(cx, "Use of insecure crypt.%s hash function", rc_last(qn));
    return 1;
}

/* Curves below 224 bits, by the names the libraries give them. */
static int curve_bits(const char *name)
{
    static const struct { const char *name; int bits; } curves[] = {
        {"SECP192R1", 192}, {"SECT163K1", 163}, {"SECT163R2", 163},
        {"P-192", 192},     {"P192", 192},      {"NIST P-192", 192},
        {"prime192v1", 192}, {"secp192r1", 192},
    };
    for (size_t i = 0; name && i < sizeof curves / sizeof *curves; i++)
        if (strcasecmp(name, curves[i].name) == 0)
            return curves[i].bits;
    return 0;
}

static int weak_curve(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *curve = rc_param(node, 0, "curve");
    const char *name = sem_const_str(cx->sem, curve); /* PyCryptodome: curve="P-192" */
    if (!name)
        name = rc_last(name_of(cx, curve));
    int bits = curve_bits(name);
    if (!bits)
        return 0;
    hit->severity = bits < 160 ? HIGH : MEDIUM;
    hit->message = rc_fmt(cx, "EC key on curve %s (%d bits): curves below 224 bits are "
                              "considered breakable", name, bits);
    return 1;
}

int crypto_weak_key(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *qn = cx->qualname;
    int from_cryptography = rc_under(qn, "cryptography");
    const char *kind = strstr(qn, ".rsa.") || strstr(qn, ".RSA.") || strstr(qn, ".RSAKey.")
                           ? "RSA"
                       : strstr(qn, ".dsa.") || strstr(qn, ".DSA.") || strstr(qn, ".DSSKey.")
                           ? "DSA"
                           : NULL;
    if (!kind)
        return weak_curve(cx, node, hit);
    const ast_node *size = from_cryptography
                               ? rc_param(node, strcmp(kind, "RSA") == 0 ? 1 : 0, "key_size")
                               : rc_param(node, 0, "bits");
    long long bits = 0;
    if (!size && strstr(qn, ".DSSKey."))
        bits = 1024; /* paramiko's DSSKey.generate() default */
    else if (!rc_int(cx, size, &bits))
        return 0;
    if (bits >= 2048)
        return 0;
    int limit = bits < 1024 ? 1024 : 2048;
    hit->severity = bits < 1024 ? HIGH : MEDIUM;
    hit->message = rc_fmt(cx, "%s key of %lld bits: sizes below %d bits are considered "
                              "breakable", kind, bits, limit);
    return 1;
}
