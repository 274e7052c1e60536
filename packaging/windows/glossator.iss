; Inno Setup script: a per-user or per-machine installer around the one-folder build.
; Built by packaging\windows\build-windows.ps1 on Windows (Inno Setup 6), which passes
;   /DAppVersion=<version from pyproject.toml> /DSourceDir=<packaging\dist\glossator>
; The defaults below are for running ISCC by hand from the repository root.

#define AppName "Glossator"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\glossator"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\build\glossator.ico"
#endif

[Setup]
; A stable AppId keeps upgrades in place; never change it.
AppId={{5A0C6D8E-3F41-4B7A-9C2E-6E1F0B4D2A91}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Glossator maintainers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs for the current user without elevation; an administrator may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=Glossator-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\glossator.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: glossator.exe (windowed), glossator-cli.exe (console) and _internal.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\glossator.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\glossator.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\glossator.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
