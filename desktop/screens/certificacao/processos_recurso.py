"""Recurso do resultado na aba Trabalhadores e processos (Portaria MEC 902/2024, art. 13 XI; Lei 9.784/1999,
arts. 51 e 66): o estado dos botões e o texto do prazo, e os diálogos de recurso, renúncia e decisão."""
from __future__ import annotations

from desktop.rules.certificacao.tipos import Etapa
from desktop.rules.papeis import Permissao
from desktop.screens.widgets import formato

from .comum import abrir
from .dialogos_processo import DialogoDecisao, DialogoRecurso, DialogoRenuncia


class RecursoNaAba:
    """Mistura da ``AbaProcessos`` (usa ``sessao``, ``detalhe``, ``processo_id``, os botões e ``_depois_do_dialogo``)."""

    def recurso_pendente(self) -> dict | None:
        d = self.detalhe or {}
        return next((r for r in d.get("recursos", []) if not r["decidido_em"]), None)

    def _estado_recurso(self) -> None:
        d = self.detalhe
        editar = self.sessao.pode(Permissao.CERTIFICACAO_EDITAR)
        na_avaliacao = bool(d and d["etapa"] == Etapa.AVALIACAO.value and d["resultado_em"])
        self.botao_recurso.setEnabled(editar and na_avaliacao and self.recurso_pendente() is None)
        self.botao_decidir.setEnabled(editar and na_avaliacao and self.recurso_pendente() is not None)
        self.botao_renuncia.setEnabled(editar and na_avaliacao and self.recurso_pendente() is None
                                       and not (d or {}).get("renuncia_recurso_em"))
        self.botao_corrigir.setEnabled(bool(d) and editar)
        self.botao_pasta.setEnabled(bool(d) and self.sessao.pode(Permissao.DOCUMENTOS_EMITIR))
        self.botao_anexos.setEnabled(bool(d))
        self.botao_comunicado.setEnabled(bool(d and d["resultado_em"]) and self.sessao.pode(Permissao.DOCUMENTOS_EMITIR))
        if not d:
            self.recursos.setText("")
            return
        linhas = []
        for r in d["recursos"]:
            situacao = ("pendente de decisão" if not r["decidido_em"] else
                        f"{'deferido' if r['deferido'] else 'indeferido'} em {formato.data(r['decidido_em'])}: {r['decisao']}")
            linhas.append(f"Recurso de {formato.data(r['interposto_em'])} — {situacao}")
        if d.get("renuncia_recurso_em"):
            linhas.append(f"Renúncia escrita ao recurso em {formato.data(d['renuncia_recurso_em'])}: "
                          f"{d['renuncia_recurso_termo']} (Lei 9.784/1999, art. 51).")
        if na_avaliacao and d["prazo_recurso"]:
            linhas.append(f"Prazo de recurso até {formato.data(d['prazo_recurso'])}, em dias úteis (Portaria MEC 902/2024, "
                          "art. 13, XI; Lei 9.784/1999, art. 66). Os documentos do resultado saem depois do prazo, "
                          "da decisão do recurso ou da renúncia escrita.")
        self.recursos.setText("\n".join(linhas))

    def _on_recurso(self) -> None:
        if self.detalhe:
            abrir(self, DialogoRecurso(self.sessao, self.detalhe, self), lambda _r: self._depois_do_dialogo(
                "Recurso registrado; registre a decisão antes da etapa de certificação.", self.processo_id))

    def _on_renuncia(self) -> None:
        if self.detalhe:
            abrir(self, DialogoRenuncia(self.sessao, self.detalhe, self), lambda _r: self._depois_do_dialogo(
                "Renúncia ao recurso registrada; a etapa de certificação já pode emitir os documentos.",
                self.processo_id))

    def _on_decidir(self) -> None:
        r = self.recurso_pendente()
        if self.detalhe and r:
            abrir(self, DialogoDecisao(self.sessao, self.detalhe, r, self), lambda _r: self._depois_do_dialogo(
                "Decisão do recurso registrada.", self.processo_id))
