/* Stand-in for Windows' icuuc.dll under Wine 8 (test only). Every converter
 * is "not available", so Qt uses its built-in UTF-8/UTF-16/Latin-1 codecs. */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
typedef int UErrorCode;
typedef uint16_t UChar;
enum { U_FILE_ACCESS_ERROR = 4, U_UNSUPPORTED_ERROR = 16 };

static void fail(UErrorCode *err) {
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
}

EXPORT void *ucnv_open(const char *name, UErrorCode *err) { (void)name; fail(err); return NULL; }
EXPORT void ucnv_close(void *cnv) { (void)cnv; }
EXPORT void ucnv_reset(void *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; fail(err); return ""; }
EXPORT void ucnv_getToUCallBack(const void *cnv, void **action, const void **ctx) {
    (void)cnv; if (action) *action = NULL; if (ctx) *ctx = NULL;
}
EXPORT void ucnv_getFromUCallBack(const void *cnv, void **action, const void **ctx) {
    (void)cnv; if (action) *action = NULL; if (ctx) *ctx = NULL;
}
EXPORT void ucnv_setToUCallBack(void *cnv, void *a, const void *c, void **oa, const void **oc,
                                UErrorCode *err) {
    (void)cnv; (void)a; (void)c; if (oa) *oa = NULL; if (oc) *oc = NULL; fail(err);
}
EXPORT void ucnv_setFromUCallBack(void *cnv, void *a, const void *c, void **oa, const void **oc,
                                  UErrorCode *err) {
    (void)cnv; (void)a; (void)c; if (oa) *oa = NULL; if (oc) *oc = NULL; fail(err);
}
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *src, int32_t len, int32_t off,
                                  UErrorCode *err) {
    (void)args; (void)src; (void)len; (void)off; fail(err);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **src, const UChar *limit,
                                    int32_t off, UErrorCode *err) {
    (void)args; (void)src; (void)limit; (void)off; fail(err);
}
EXPORT void ucnv_toUnicode(void *cnv, UChar **t, const UChar *tl, const char **s, const char *sl,
                           int32_t *offs, int8_t flush, UErrorCode *err) {
    (void)cnv; (void)t; (void)tl; (void)s; (void)sl; (void)offs; (void)flush; fail(err);
}
EXPORT void ucnv_fromUnicode(void *cnv, char **t, const char *tl, const UChar **s,
                             const UChar *sl, int32_t *offs, int8_t flush, UErrorCode *err) {
    (void)cnv; (void)t; (void)tl; (void)s; (void)sl; (void)offs; (void)flush; fail(err);
}
EXPORT int32_t ucnv_toUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; fail(err); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; fail(err); return 0; }
EXPORT const char *ucnv_getStandardName(const char *n, const char *std, UErrorCode *err) {
    (void)n; (void)std; fail(err); return NULL;
}
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
/* Qt passes these two as callback pointers; they are never called here. */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
