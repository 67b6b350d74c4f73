"""Widgets compartilhados pelas telas: campos que validam enquanto se digita, tarefas em segundo plano."""
