#!/usr/bin/env bash
# Gera o pacote do Paço para Linux (x86_64) com o PyInstaller a partir de installer.spec:
#   dist/paco/                              a pasta do programa (roda sem Python instalado)
#   dist/paco-<versão>-linux-x86_64.tar.gz  para distribuir
#   dist/paco_<versão>_amd64.deb            se houver dpkg-deb (instala em /opt/paco, /usr/bin/paco)
# Imprime o tamanho (MB) da pasta, do .tar.gz e do .deb e roda o autoteste do pacote.
# Uso: bash build/linux.sh [--sem-deb] [--sem-autoteste]
set -euo pipefail
cd "$(dirname "$0")/.."
RAIZ=$(pwd)

FAZER_DEB=1; AUTOTESTE=1
for arg in "$@"; do
  case "$arg" in
    --sem-deb) FAZER_DEB=0 ;;
    --sem-autoteste) AUTOTESTE=0 ;;
    *) echo "Opção desconhecida: $arg (use --sem-deb e/ou --sem-autoteste)" >&2; exit 2 ;;
  esac
done

bash build/preparar.sh
PY=.venv/bin/python
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "Instalando o PyInstaller no .venv..."
  "$PY" -m pip install -q --disable-pip-version-check ".[build]" 2>/dev/null \
    || "$PY" -m pip install -q --disable-pip-version-check "pyinstaller>=6.0"
fi

VERSAO=$("$PY" -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
echo "Gerando o Paço $VERSAO (PyInstaller)..."
inicio=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/out installer.spec
echo "Pacote gerado em $(( $(date +%s) - inicio )) s: dist/paco"

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
TAR="dist/paco-$VERSAO-linux-x86_64.tar.gz"
tar -C dist -czf "$TAR" paco
PASTA_B=$(du -sb dist/paco | cut -f1)
TAR_B=$(stat -c %s "$TAR")
echo "Tamanho: pasta dist/paco $(mb "$PASTA_B") MB; $TAR $(mb "$TAR_B") MB"

if [ "$FAZER_DEB" = 1 ] && command -v dpkg-deb >/dev/null 2>&1; then
  DEB="dist/paco_${VERSAO}_amd64.deb"
  raiz_deb=$(mktemp -d)
  trap 'rm -rf "$raiz_deb"' EXIT
  mkdir -p "$raiz_deb/DEBIAN" "$raiz_deb/opt" "$raiz_deb/usr/bin" "$raiz_deb/usr/share/applications"
  cp -a dist/paco "$raiz_deb/opt/paco"
  ln -s /opt/paco/paco "$raiz_deb/usr/bin/paco"
  ln -s /opt/paco/paco-cli "$raiz_deb/usr/bin/paco-cli"
  cat > "$raiz_deb/usr/share/applications/paco.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=Paço
Comment=Sistema para secretarias municipais (Magistério, Conselho Tutelar, Certificação)
Exec=/opt/paco/paco
Terminal=false
Categories=Office;
DESKTOP
  cat > "$raiz_deb/DEBIAN/control" <<CONTROL
Package: paco
Version: $VERSAO
Architecture: amd64
Maintainer: Paço <paco@localhost>
Installed-Size: $(( PASTA_B / 1024 ))
Depends: libegl1, libgl1, libfontconfig1, libxkbcommon0, libdbus-1-3, fonts-dejavu-core, libxcb-cursor0, libxkbcommon-x11-0
Section: misc
Priority: optional
Description: Paço — sistema desktop offline para secretarias municipais
 Magistério, Conselho Tutelar e Certificação, com base cifrada, diário de
 auditoria e documentos verificáveis. Os dados ficam na pasta do usuário
 (~/.local/share/Paco) e não são apagados ao remover o pacote.
CONTROL
  dpkg-deb --root-owner-group --build "$raiz_deb" "$DEB" >/dev/null
  echo "Pacote Debian: $DEB $(mb "$(stat -c %s "$DEB")") MB"
fi

if [ "$AUTOTESTE" = 1 ]; then
  echo "Autoteste do pacote (sem tela):"
  QT_QPA_PLATFORM=offscreen dist/paco/paco --self-test
fi
