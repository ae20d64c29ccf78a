"""Compare two built sites as a reader sees them: each page's article and its head's title,
meta tags and structured data, with HTML entities read as the characters they are.

    python tools/sitediff.py OLD_SITE NEW_SITE [-v]

Prints the pages only one site has, how many pages changed, and (with -v) each change; then
whether the data downloads are byte-identical. For reviewing a change to the renderers: the
pages should differ only where the change meant them to.
"""

from __future__ import annotations

import difflib
import html
import re
import sys
from pathlib import Path

_HEAD = re.compile(
    r'<meta (?:name|property)="[^"]*" content="[^"]*"'
    r'|<script type="application/ld\+json">.*?</script>'
    r"|<title>.*?</title>",
    re.S,
)


def parts(page: Path) -> list[str]:
    text = page.read_text(errors="replace")
    article = re.search(r"<article.*?</article>", text, re.S)
    head = "\n".join(_HEAD.findall(text))
    return html.unescape(head + "\n" + (article.group(0) if article else "")).splitlines()


def main(old: Path, new: Path, verbose: bool) -> int:
    before = {p.relative_to(old) for p in old.rglob("*.html")}
    after = {p.relative_to(new) for p in new.rglob("*.html")}
    print("only before:", sorted(map(str, before - after))[:20])
    print("only after:", sorted(map(str, after - before))[:20])
    changed = 0
    for rel in sorted(before & after):
        diff = list(difflib.unified_diff(parts(old / rel), parts(new / rel), str(rel), str(rel), n=0, lineterm=""))
        if diff:
            changed += 1
            if verbose:
                print("\n".join(diff[:40]))
    print("pages with a changed article or head:", changed, "of", len(before & after))
    for f in ("data/dataset.json", "data/events.csv", "data/schema.json"):
        same = (old / f).read_bytes() == (new / f).read_bytes()
        print(f, "same" if same else "different")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), "-v" in sys.argv[3:]))
