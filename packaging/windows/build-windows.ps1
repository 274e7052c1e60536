# Windows recipe: builds packaging\dist\glossator\ (one folder) and
# packaging\dist\Glossator-<version>-windows-x64-setup.exe (Inno Setup).
# Runs on Windows 10/11 x64 with Python 3.11+ (python.org) and Inno Setup 6 (ISCC.exe on PATH
# or in its default folder); it is not run by CI, which builds on Linux.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
# Signing (optional): set WINDOWS_SIGN_CERT to a .pfx file and WINDOWS_SIGN_PASSWORD; signtool
# (Windows SDK) then signs both executables before packing and the installer after.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$Root = (Get-Location).Path
$Build = Join-Path $Root "packaging\build"
$Dist = Join-Path $Root "packaging\dist"
$Venv = Join-Path $Build "venv-windows"
$Py = if ($env:PYTHON) { $env:PYTHON } else { "py" }

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe failed with exit code $LASTEXITCODE" }
}

$Version = & $Py -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"
Write-Host "== Glossator $Version"

if (-not (Test-Path "$Venv\Scripts\python.exe")) { Invoke-Checked $Py @("-m", "venv", $Venv) }
$VenvPy = "$Venv\Scripts\python.exe"
Invoke-Checked $VenvPy @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
$Requirements = & $VenvPy -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; print('\n'.join(p['dependencies'] + p['optional-dependencies']['packaging']))"
# Pillow lets PyInstaller turn resources\icons\glossator-256.png into the executables' icon.
Invoke-Checked $VenvPy (@("-m", "pip", "install", "--quiet") + $Requirements + @("pillow"))

Write-Host "== one-folder build (PyInstaller)"
Invoke-Checked "$Venv\Scripts\pyinstaller.exe" @("--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", $Dist, "--workpath", "$Build\pyinstaller-windows", "packaging\glossator.spec")
$Folder = Join-Path $Dist "glossator"
Invoke-Checked "$Folder\glossator-cli.exe" @("--version")
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Checked "$Folder\glossator-cli.exe" @("--self-test")
Remove-Item Env:QT_QPA_PLATFORM
Invoke-Checked "$Folder\glossator-cli.exe" @("--self-test")  # the windows platform plugin

$Icon = Join-Path $Build "glossator.ico"
Invoke-Checked $VenvPy @("-c", "from PIL import Image; Image.open(r'resources\icons\glossator-256.png').save(r'$Icon', sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])")

$Sign = $env:WINDOWS_SIGN_CERT
function Sign-File([string]$Path) {
    Invoke-Checked "signtool.exe" @("sign", "/f", $Sign, "/p", $env:WINDOWS_SIGN_PASSWORD,
        "/fd", "sha256", "/tr", "http://timestamp.digicert.com", "/td", "sha256", $Path)
}
if ($Sign) { Sign-File "$Folder\glossator.exe"; Sign-File "$Folder\glossator-cli.exe" }

Write-Host "== installer (Inno Setup)"
$Iscc = (Get-Command "ISCC.exe" -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
Invoke-Checked $Iscc @("/DAppVersion=$Version", "/DSourceDir=$Folder", "/DOutputDir=$Dist",
    "/DIconFile=$Icon", "packaging\windows\glossator.iss")
$Setup = Join-Path $Dist "Glossator-$Version-windows-x64-setup.exe"
if ($Sign) { Sign-File $Setup }
Write-Host ("== built {0}: {1:N1} MB" -f (Split-Path $Setup -Leaf), ((Get-Item $Setup).Length / 1MB))
