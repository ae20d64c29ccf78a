"""Serve a built site on loopback the way a production host does: gzip-compressed text and
cache headers. For audits (Lighthouse), where Python's plain http.server would make every
page look several times heavier than GitHub Pages serves it.

    .venv/bin/python bench/serve_site.py site/ 8000
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import sys

COMPRESS = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv")


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = self.translate_path(self.path)
        if path.endswith("/"):
            path += "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.endswith(COMPRESS):
            return super().send_head()
        try:
            with open(path, "rb") as f:
                body = gzip.compress(f.read(), mtime=0)
        except OSError:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def main() -> None:
    root, port = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8000
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=root))
    print(f"serving {root} on http://127.0.0.1:{port}/ (gzip)")
    server.serve_forever()


if __name__ == "__main__":
    main()
