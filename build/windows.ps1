# Gera o Paço para Windows: a pasta dist\paco (PyInstaller, installer.spec), o seu .zip e o
# instalador dist\paco-<versão>-windows-x64-instalador.exe (Inno Setup 6, build\windows\paco.iss).
# Requisitos: Python 3.11 (64 bits) no PATH como "py" ou "python"; Inno Setup 6 (ISCC.exe).
# Uso (PowerShell, na raiz do repositório):  powershell -ExecutionPolicy Bypass -File build\windows.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

# 1. Ambiente Python com as dependências e o PyInstaller (extra "build" do pyproject.toml)
if (-not (Test-Path ".venv\Scripts\python.exe")) {
    if (Get-Command py -ErrorAction SilentlyContinue) { py -3.11 -m venv .venv } else { python -m venv .venv }
}
$py = ".venv\Scripts\python.exe"
& $py -m pip install -q --disable-pip-version-check --upgrade pip
& $py -m pip install -q --disable-pip-version-check -e ".[build]"
if ($LASTEXITCODE -ne 0) { throw "Falha ao instalar as dependências." }

# 2. O pacote de uma pasta
$versao = & $py -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
Write-Host "Gerando o Paço $versao (PyInstaller)..."
& $py -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build\out installer.spec
if ($LASTEXITCODE -ne 0) { throw "O PyInstaller falhou." }

# 3. Autoteste do pacote, sem tela (paco-cli.exe tem console; paco.exe não)
$env:QT_QPA_PLATFORM = "offscreen"
& dist\paco\paco-cli.exe --self-test
if ($LASTEXITCODE -ne 0) { throw "O autoteste do pacote falhou." }
Remove-Item Env:QT_QPA_PLATFORM

# 4. Tamanho, .zip e instalador
$bytes = (Get-ChildItem dist\paco -Recurse -File | Measure-Object Length -Sum).Sum
$zip = "dist\paco-$versao-windows-x64.zip"
if (Test-Path $zip) { Remove-Item $zip }
Compress-Archive -Path dist\paco -DestinationPath $zip
Write-Host ("Tamanho: pasta dist\paco {0:N1} MB; {1} {2:N1} MB" -f ($bytes / 1MB), $zip, ((Get-Item $zip).Length / 1MB))

$iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
          "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $iscc) { throw "Inno Setup 6 não encontrado: instale-o (ISCC.exe) e rode de novo." }
& $iscc "/DVersao=$versao" build\windows\paco.iss
if ($LASTEXITCODE -ne 0) { throw "O Inno Setup falhou." }
$instalador = "dist\paco-$versao-windows-x64-instalador.exe"
Write-Host ("Instalador: {0} {1:N1} MB" -f $instalador, ((Get-Item $instalador).Length / 1MB))
