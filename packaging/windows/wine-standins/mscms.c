/* Stand-in for the colour-profile calls Qt's windows plugin makes (test only).
 * Every call reports "no profile"; Qt then treats the screen as sRGB. */
#include <windows.h>

typedef HANDLE HPROFILE;

__declspec(dllexport) BOOL WINAPI GetColorProfileFromHandle(HPROFILE p, PBYTE buf, PDWORD size) {
    (void)p; (void)buf;
    if (size) *size = 0;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

__declspec(dllexport) BOOL WINAPI CloseColorProfile(HPROFILE p) {
    (void)p;
    return TRUE;
}

__declspec(dllexport) HPROFILE WINAPI WcsCreateIccProfile(HPROFILE p, DWORD options) {
    (void)p; (void)options;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}

__declspec(dllexport) HPROFILE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share,
                                                        DWORD creation) {
    (void)profile; (void)access; (void)share; (void)creation;
    SetLastError(ERROR_FILE_NOT_FOUND);
    return NULL;
}
