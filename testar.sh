#!/usr/bin/env bash
# Prepara e roda todos os testes (sem tela: Qt offscreen).
set -euo pipefail
cd "$(dirname "$0")"
bash build/preparar.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
