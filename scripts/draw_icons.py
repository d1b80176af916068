"""Draw the app icons (static/img/icon-*.png) from static/img/icon.svg.

A speech bubble holding a keypad: help, in words and by phone. The maskable
icon fills its square and keeps the drawing inside the central safe circle.
Run after changing the drawing: .venv/bin/python scripts/draw_icons.py
"""

import os
from pathlib import Path

from playwright.sync_api import sync_playwright

IMG = Path(__file__).resolve().parent.parent / "static" / "img"
BLUE = "#0b50d0"


def drawing(scale):
    """The bubble and its keypad, centred on (256, 256), at ``scale``."""
    dots = "".join(
        f'<circle cx="{192 + 64 * col}" cy="{198 + 58 * row}" r="21" fill="{BLUE}"/>'
        for row in range(3)
        for col in range(3)
    )
    return (
        f'<g transform="translate(256 256) scale({scale}) translate(-256 -256)">'
        '<path fill="#fff" d="M140 128h232a44 44 0 0 1 44 44v164a44 44 0 0 1-44 44'
        'H236l-72 56v-56h-24a44 44 0 0 1-44-44V172a44 44 0 0 1 44-44z"/>'
        f"{dots}</g>"
    )


def svg(maskable):
    background = (
        f'<rect width="512" height="512" fill="{BLUE}"/>'
        if maskable
        else f'<rect width="512" height="512" rx="112" fill="{BLUE}"/>'
    )
    scale = 0.72 if maskable else 1
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
        f"{background}{drawing(scale)}</svg>"
    )


def main():
    (IMG / "icon.svg").write_text(svg(maskable=False) + "\n")
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        for name, size, maskable in [
            ("icon-192.png", 192, False),
            ("icon-512.png", 512, False),
            ("icon-maskable-512.png", 512, True),
        ]:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                "<style>html,body{margin:0;background:transparent}"
                "svg{display:block;width:100vw;height:100vh}</style>" + svg(maskable)
            )
            page.screenshot(path=IMG / name, omit_background=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
