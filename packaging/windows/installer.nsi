; Installer of 合作台账 Cooperation Ledger. Built by build.sh on Linux:
;   makensis -INPUTCHARSET UTF8 -DVERSION=… -DSRCDIR=… -DOUTFILE=… -DICON=… installer.nsi
; Per-user: no administrator rights, installs to %LOCALAPPDATA%\Programs\CoopLedger.
; The ledger, settings and backups live elsewhere (%LOCALAPPDATA%\CoopLedger and
; the registry key HKCU\Software\CoopLedger): install, upgrade and uninstall never
; touch them.
Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
SetCompressorDictSize 64
ManifestDPIAware true
RequestExecutionLevel user

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define APPKEY "CoopLedger"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"

Name "$(AppName)"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\CoopLedger"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "$(AppName) ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "合作台账 Cooperation Ledger"
VIAddVersionKey /LANG=0 "FileDescription" "合作台账 Cooperation Ledger setup"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"
VIAddVersionKey /LANG=0 "CompanyName" "Cooperation Ledger"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEFINISHPAGE_BITMAP "wizard.bmp"  ; make_wizard_bitmap.py draws it
!define MUI_UNWELCOMEFINISHPAGE_BITMAP "wizard.bmp"
!define MUI_FINISHPAGE_RUN "$INSTDIR\CoopLedgerW.exe"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"

; Two pages to click through: where (安装), then done (完成, start it now).
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; English is loaded first: it is what a Windows in neither language gets. A
; Chinese Windows is matched to SimpChinese by its UI language.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString AppName ${LANG_ENGLISH} "Cooperation Ledger"
LangString AppName ${LANG_SIMPCHINESE} "合作台账"
LangString RunNow ${LANG_ENGLISH} "Start Cooperation Ledger now"
LangString RunNow ${LANG_SIMPCHINESE} "立即启动合作台账"
LangString StillRunning ${LANG_ENGLISH} "Cooperation Ledger is still running. Close it (the window and any command), then click Retry."
LangString StillRunning ${LANG_SIMPCHINESE} "合作台账正在运行。请先关闭它（窗口和命令行），再点“重试”。"
LangString NotOurFolder ${LANG_ENGLISH} "$INSTDIR already holds another program's files (an _internal folder). Choose an empty folder for Cooperation Ledger."
LangString NotOurFolder ${LANG_SIMPCHINESE} "$INSTDIR 中已有其他程序的文件（_internal 文件夹）。请为合作台账选择一个空文件夹。"
LangString CannotRemove ${LANG_ENGLISH} "The old program files in $INSTDIR could not be removed. Close Cooperation Ledger and try again."
LangString CannotRemove ${LANG_SIMPCHINESE} "无法删除 $INSTDIR 中的旧程序文件。请关闭合作台账后重试。"

; The files of this version's build. Removing the old ones first means an
; upgrade never leaves a stale DLL of the previous version beside the new ones.
!macro RemoveProgramFiles
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\CoopLedger.exe"
  Delete "$INSTDIR\CoopLedgerW.exe"
!macroend

; While any copy of the program runs it holds this mutex (desktop_app/running.py).
; Windows lets a running .exe be renamed, so no file test can tell; replacing
; or deleting a running program's DLLs leaves a half-updated folder. A silent
; run exits with code 2 instead of asking.
!macro WAIT_UNTIL_CLOSED un
Function ${un}WaitUntilClosed
  retry:
  System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "Local\CoopLedger.Running") p .r0'
  IntPtrCmp $0 0 closed
    System::Call 'kernel32::CloseHandle(p r0)'
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" /SD IDCANCEL IDRETRY retry
    SetErrorLevel 2
    Quit
  closed:
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED ""
!insertmacro WAIT_UNTIL_CLOSED "un."

Function .onInit
  SetShellVarContext current
  Call WaitUntilClosed
FunctionEnd

Function un.onInit
  SetShellVarContext current
  Call un.WaitUntilClosed
FunctionEnd

Section "Install"
  ; Our folder has our launcher beside _internal; any other _internal belongs
  ; to another program (every PyInstaller program has one) and stays untouched.
  IfFileExists "$INSTDIR\_internal\*.*" 0 ours
  IfFileExists "$INSTDIR\CoopLedgerW.exe" ours 0
    MessageBox MB_OK|MB_ICONSTOP "$(NotOurFolder)" /SD IDOK
    SetErrorLevel 2
    Quit
  ours:
  Call WaitUntilClosed
  SetOutPath "$INSTDIR"
  ClearErrors
  !insertmacro RemoveProgramFiles
  IfErrors 0 removed
    MessageBox MB_OK|MB_ICONSTOP "$(CannotRemove)" /SD IDOK
    SetErrorLevel 2
    Quit
  removed:

  File /r "${SRCDIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\合作台账.lnk" "$INSTDIR\CoopLedgerW.exe" "" "$INSTDIR\CoopLedgerW.exe" 0
  CreateShortcut "$DESKTOP\合作台账.lnk" "$INSTDIR\CoopLedgerW.exe" "" "$INSTDIR\CoopLedgerW.exe" 0

  ; Apps & features
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "合作台账 Cooperation Ledger"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Cooperation Ledger"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\CoopLedgerW.exe,0"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  ; Only what the installer wrote. The data folder (%LOCALAPPDATA%\CoopLedger:
  ; ledgers, backups, attachments, the log) and the settings stay.
  !insertmacro RemoveProgramFiles
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: never a recursive delete of a chosen folder
  Delete "$SMPROGRAMS\合作台账.lnk"
  Delete "$DESKTOP\合作台账.lnk"
  ; Apps & features lists the copy it was installed from: a copy in another
  ; folder must not take the live one's entry with it.
  ReadRegStr $0 HKCU "${UNINSTKEY}" "InstallLocation"
  StrCmp $0 "$INSTDIR" 0 +2
    DeleteRegKey HKCU "${UNINSTKEY}"
SectionEnd
