"""What an editor shows for a data file: yaml-language-server (the YAML support of VS Code
and other editors), started from tests/editor/node_modules and spoken to over stdio with
the Language Server Protocol, with schema/<kind>.schema.json mapped to data/<kind>/*.yaml
as .vscode/settings.json maps them."""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / "tests" / "editor" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
QUIET = 1.0  # seconds without a message from the server after which its diagnostics are complete
KINDS = ("events", "sources", "actors", "terms", "figures", "claims")


def available() -> str | None:
    """None when the server can run here, else why not."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not SERVER.exists():
        return "yaml-language-server is not installed: run `npm ci --prefix tests/editor`"
    return None


class Editor:
    """One yaml-language-server process; ``diagnostics`` opens a document and returns what it shows."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.proc = subprocess.Popen(
            ["node", str(SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.next_id = 0
        self.published: dict[str, list[dict[str, Any]]] = {}
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.settings = {
            "yaml": {
                "validate": True,
                "yamlVersion": "1.2",
                "customTags": [],
                "schemas": {
                    (ROOT / "schema" / f"{k}.schema.json").as_uri(): f"data/{k}/*.yaml" for k in KINDS
                },
            }
        }
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": workspace.as_uri(),
                "capabilities": {"workspace": {"configuration": True}},
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self.send({"id": wanted, "method": method, "params": params})
        while True:
            msg = self.receive(timeout=30)
            if msg is None:
                raise TimeoutError(f"no answer to {method}")
            if msg.get("id") == wanted and "method" not in msg:
                return msg.get("result")

    def _read(self) -> None:
        """In a thread: every message from the server, into the inbox."""
        assert self.proc.stdout is not None
        while True:
            length = 0
            while True:
                line = self.proc.stdout.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.inbox.put(json.loads(self.proc.stdout.read(length)))

    def receive(self, timeout: float) -> dict[str, Any] | None:
        """The next message (answering the server's own requests), or None after ``timeout`` seconds."""
        try:
            msg = self.inbox.get(timeout=timeout)
        except queue.Empty:
            return None
        method = msg.get("method")
        if method == "textDocument/publishDiagnostics":
            self.published[msg["params"]["uri"]] = msg["params"]["diagnostics"]
        elif method == "workspace/configuration":  # the server asks for its settings
            items = msg["params"]["items"]
            self.send(
                {"id": msg["id"], "result": [self.settings.get(i.get("section", ""), None) for i in items]}
            )
        elif "id" in msg and method is not None:  # any other request from the server
            self.send({"id": msg["id"], "result": None})
        return msg

    def diagnostics(self, kind: str, name: str, text: str) -> list[tuple[int, int, str]]:
        """(1-based line, 1-based column, message) of what the editor marks in the document."""
        return self.diagnose([(kind, name, text)])[name]

    def diagnose(
        self, documents: list[tuple[str, str, str]], timeout: float = 60.0
    ) -> dict[str, list[tuple[int, int, str]]]:
        """Open each (kind, name, text) at once as data/<kind>/<name>.yaml; what the editor marks in each."""
        uris = {
            name: (self.workspace / "data" / kind / f"{name}.yaml").as_uri() for kind, name, _ in documents
        }
        for _kind, name, text in documents:
            self.published.pop(uris[name], None)
            self.notify(
                "textDocument/didOpen",
                {"textDocument": {"uri": uris[name], "languageId": "yaml", "version": 1, "text": text}},
            )
        # Validation is asynchronous (and may be published in steps): wait until every document
        # has diagnostics and the server has been quiet for a while.
        deadline = time.monotonic() + timeout
        while True:
            msg = self.receive(timeout=QUIET)
            if msg is None and all(uri in self.published for uri in uris.values()):
                break
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"no diagnostics for {[n for n, u in uris.items() if u not in self.published]}"
                )
        for uri in uris.values():
            self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        return {
            name: sorted(
                (d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1, d["message"])
                for d in self.published[uri]
            )
            for name, uri in uris.items()
        }

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()
