"""docs/verificador.html num Chromium de verdade, sem tela e sem rede: confere um PDF real emitido pelo
Paço com a chave pública exportada, recusa um alterado e um de chave desconhecida, e confere o texto do QR.

Lento (abre um navegador) e depende do Chromium e do chromedriver do sistema (pacotes Debian
``chromium`` e ``chromium-driver``, ~500 MB: o .ci/run os instala; build/preparar.sh não, por serem
grandes para quem só desenvolve). Sem o Chromium, o teste é pulado dizendo por quê.
"""
import os
import re
import shutil
from pathlib import Path

import pytest

from desktop.services import documentos
from tests.services.test_documentos import _emitir

RAIZ = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (CHROMIUM and DRIVER),
                       reason="Chromium e chromedriver ausentes: apt-get install -y chromium chromium-driver"),
]


@pytest.fixture
def navegador(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium não instalado (extra test)")
    from selenium.webdriver.chrome.service import Service

    opcoes = webdriver.ChromeOptions()
    opcoes.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-dev-shm-usage"):
        opcoes.add_argument(flag)
    # o perfil e os relatórios de falha (o Crashpad usa ~/.config/chromium mesmo com --user-data-dir) numa pasta do
    # teste, não na casa do usuário
    pasta = tmp_path_factory.mktemp("chromium")
    opcoes.add_argument(f"--user-data-dir={pasta / 'perfil'}")
    ambiente = os.environ | {"HOME": str(pasta), "XDG_CONFIG_HOME": str(pasta / "config")}
    nav = webdriver.Chrome(service=Service(executable_path=DRIVER, env=ambiente), options=opcoes)
    nav.set_script_timeout(60)
    yield nav
    nav.quit()


def _resultado(nav, esperado_diferente_de: str = "") -> tuple[str, str]:
    from selenium.webdriver.support.ui import WebDriverWait

    el = nav.find_element("id", "resultado")
    WebDriverWait(nav, 30).until(lambda _n: el.get_attribute("data-situacao") not in ("", esperado_diferente_de))
    return el.get_attribute("data-situacao"), el.text


def _escolher(nav, campo: str, arquivo: Path) -> None:
    nav.execute_script(f"document.getElementById('resultado').dataset.situacao = ''")
    el = nav.find_element("id", campo)
    nav.execute_script("arguments[0].value = ''", el)
    el.send_keys(str(arquivo))


def test_verificador_html_no_chromium(navegador, sessao_admin, tmp_path):
    e = _emitir(sessao_admin, referencia="Maria", titular="Maria da Conceição", cpf="529.982.247-25")
    chave = tmp_path / "orgao.pacochave"
    chave.write_bytes(documentos.exportar_chave_publica(sessao_admin))
    bom, alterado, truncado = tmp_path / "bom.pdf", tmp_path / "alterado.pdf", tmp_path / "truncado.pdf"
    bom.write_bytes(e.pdf)
    meio = len(e.pdf) // 2
    alterado.write_bytes(e.pdf[:meio] + bytes([e.pdf[meio] ^ 1]) + e.pdf[meio + 1:])
    truncado.write_bytes(e.pdf[:-500])

    nav = navegador
    nav.get((RAIZ / "docs" / "verificador.html").as_uri())
    _escolher(nav, "pdf", bom)
    situacao, texto = _resultado(nav)
    assert situacao == "chave_desconhecida", texto

    _escolher(nav, "chave", chave)
    situacao, texto = _resultado(nav)
    assert situacao == "chave_importada" and "Secretaria Municipal de Educação" in texto

    _escolher(nav, "pdf", bom)
    situacao, texto = _resultado(nav)
    assert situacao == "autentico", texto
    assert "Maria da Conceição" in texto and "***.982.247-**" in texto and e.codigo in texto

    for ruim in (alterado, truncado):
        _escolher(nav, "pdf", ruim)
        situacao, texto = _resultado(nav)
        assert situacao == "alterado", (ruim.name, texto)

    qr = re.search(rb"paco-selo:(PACO1\.[A-Za-z0-9_.-]+)", e.pdf).group(1).decode()
    nav.find_element("id", "qr").send_keys(qr)
    nav.execute_script("document.getElementById('resultado').dataset.situacao = ''")
    nav.find_element("id", "conferir-qr").click()
    situacao, texto = _resultado(nav)
    assert situacao == "autentico" and "Confira se o papel" in texto

    # a verificação em JavaScript puro (navegadores sem Ed25519 no WebCrypto) dá as mesmas respostas
    from desktop.rules import selo

    s = selo.ler_selo(qr)
    publica = list(bytes(sessao_admin.db.execute("SELECT publica FROM documentos_chaves").fetchone()[0]))
    script = ("const [pub, sig, msg, cb] = arguments; window.paco.ed25519Js(new Uint8Array(pub), "
              "new Uint8Array(sig), new TextEncoder().encode(msg)).then(cb);")
    assert nav.execute_async_script(script, publica, list(s.assinatura), s.mensagem.decode()) is True
    assert nav.execute_async_script(script, publica, list(s.assinatura), s.mensagem.decode() + "x") is False
