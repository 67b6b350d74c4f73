#!/usr/bin/env bash
# Prepara esta máquina para rodar o Paço a partir do código-fonte (Debian/Ubuntu, Python 3.11+):
# instala, se faltarem, as bibliotecas do sistema que o Qt precisa (também sem tela) e cria o
# ambiente Python em .venv com as dependências do pyproject.toml. Rodar de novo é rápido.
set -euo pipefail
cd "$(dirname "$0")/.."

PACOTES_DEBIAN="python3-venv libegl1 libgl1 libglvnd0 libglx0 libfontconfig1 libfreetype6
 libglib2.0-0 libxkbcommon0 libdbus-1-3 libx11-6 libxcb1 fonts-dejavu-core libxcb-cursor0
 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1"

faltando=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $PACOTES_DEBIAN; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || faltando="$faltando $p"
  done
fi
if [ -n "$faltando" ]; then
  echo "Instalando pacotes do sistema:$faltando"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $faltando >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
selo=".venv/.paco-instalado"
if [ ! -f "$selo" ] || [ pyproject.toml -nt "$selo" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
  touch "$selo"
fi
