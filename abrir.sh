#!/usr/bin/env bash
# Prepara e abre o Paço. Sem base configurada, abre uma base de demonstração.
set -euo pipefail
cd "$(dirname "$0")"
bash build/preparar.sh
exec .venv/bin/python -m desktop.app --demo-se-vazio "$@"
