/* pyrepr.h - Python's repr() of constant values, byte for byte as CPython
 * 3.14 prints them (ast.dump relies on repr for every constant). All
 * functions append to `out`; none depends on the C locale. */
#ifndef KRAIT_PYREPR_H
#define KRAIT_PYREPR_H

#include <stddef.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "ast.h"

/* repr(str) of UTF-8 text (lone surrogates as 3-byte sequences; NUL ok). */
void py_repr_str(buf *out, const char *s, size_t len);
/* repr(bytes). */
void py_repr_bytes(buf *out, const char *s, size_t len);
/* repr(float): shortest round-trip digits, '1e+16', '0.0001', 'inf'. */
void py_repr_float(buf *out, double x);
/* repr(complex(0.0, imag)) as an imaginary literal gives it: '1.5j', '1j'. */
void py_repr_imag(buf *out, double imag);
/* repr() of any constant; `scratch` holds big-integer conversions. */
void py_repr_const(buf *out, const ast_const *c, arena *scratch);

#endif
