#!/usr/bin/env python3
"""Draws the app's home-screen icons into mobile/web/icons/ (committed; builds never run this).

The sky blue and sun gold of Kazakhstan's flag, the word «Көш» in Noto Sans Bold. Every icon is
full-bleed with the drawing inside the central 80 %, so the same picture serves as a maskable
icon (Android crops it to a circle or squircle) and as an ordinary one.
Needs Pillow (`python3 -m pip install pillow`) and Debian's fonts-noto-core.
"""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SKY = (0, 175, 202)
SUN = (254, 197, 12)
WHITE = (255, 255, 255)
BOLD = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"
OUT = Path(__file__).resolve().parent.parent / "mobile" / "web" / "icons"


def draw(size: int) -> Image.Image:
    # Draw big and scale down: Pillow's shapes are not antialiased.
    big = size * 4
    img = Image.new("RGB", (big, big), SKY)
    d = ImageDraw.Draw(img)
    r = big * 0.17
    cx, cy = big / 2, big * 0.36
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=SUN)
    font = ImageFont.truetype(BOLD, int(big * 0.22))
    d.text((big / 2, big * 0.70), "Көш", font=font, fill=WHITE, anchor="mm")
    return img.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (180, 192, 512):
        draw(size).save(OUT / f"icon-{size}.png", optimize=True)
        print(f"wrote {OUT / f'icon-{size}.png'}")


if __name__ == "__main__":
    main()
