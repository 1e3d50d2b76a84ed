#!/usr/bin/env bash
# Makes mobile/web/fonts/kosh-sans.woff2 and kosh-arabic.woff2, the app's bundled fonts, and
# their licence beside them.
#
# The subset file is committed as a source asset, so builds never need fonttools; run this only
# to change which characters the font covers. Source: Noto Sans Regular from Debian's
# fonts-noto-core (SIL Open Font License 1.1, no Reserved Font Name, so a subset may be shipped).
#
# Covered: Latin with Latin-1 and Latin Extended-A/B (Kazakh Latin ä ö ü ū ğ ş ı ñ), the
# modifier letters of Uzbek oʻ gʻ (U+02BB, U+02BC), combining marks, all of Cyrillic U+0400-04FF
# (every Kazakh letter: Ә Ғ Қ Ң Ө Ұ Ү Һ І and lowercase), general punctuation, the currency
# signs (tenge ₸ U+20B8) and №. Chinese, arrows and maths signs (not in Noto Sans) are left
# to the system fonts.
#
# Kosh Arabic is Noto Sans Arabic Regular (same source, same licence) subset to the letters of
# Kazakh in the Arabic script (locales/src/arabic.rs: ا ب ۆ گ ع د ە ج ز ي ك ق ل م ن ڭ و پ ر س ت ۋ
# ۇ ف ح ھ چ ش ى, the high hamza ٴ and the letters written with it ٵ ٶ ٷ ٸ), the Arabic comma,
# semicolon and question mark, tatweel and the joiners and direction marks, with the shaping
# features that join the letters. The page loads it only when Arabic text is on screen
# (unicode-range in index.html).
set -euo pipefail
cd "$(dirname "$0")/.."

src=/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
out=mobile/web/fonts/kosh-sans.woff2
if [ ! -f "$src" ]; then
  echo "==> Installing Debian's fonts-noto-core (the source of the subset)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-core
fi
if ! command -v pyftsubset >/dev/null 2>&1; then
  echo "==> Installing fonttools and brotli from PyPI (pyftsubset, woff2)"
  python3 -m pip install -q fonttools brotli
fi

echo "==> Subsetting $src into $out"
pyftsubset "$src" \
  --unicodes="U+0020-007E,U+00A0-024F,U+02B0-02FF,U+0300-036F,U+0400-04FF,U+1E9E,U+2000-206F,U+20A0-20C0,U+2116,U+2122,U+FEFF,U+FFFD" \
  --layout-features='kern,liga,calt,ccmp,locl,mark,mkmk' \
  --no-hinting --desubroutinize \
  --flavor=woff2 --output-file="$out"

# The server sets the summary's PDF file with the same letters (backend/src/summary.rs), and its
# PDF writer reads TrueType, not WOFF2: the same subset, unpacked.
echo "==> Unpacking $out into backend/assets/kosh-sans.ttf (the summary's PDF)"
python3 -c "from fontTools.ttLib import TTFont; f = TTFont('$out'); f.flavor = None; f.save('backend/assets/kosh-sans.ttf')"

arabic_src=/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf
arabic_out=mobile/web/fonts/kosh-arabic.woff2
echo "==> Subsetting $arabic_src into $arabic_out"
pyftsubset "$arabic_src" \
  --unicodes="U+0020,U+00A0,U+060C,U+061B,U+061F,U+0627,U+0628,U+062A,U+062C,U+062D,U+062F,U+0631,U+0632,U+0633,U+0634,U+0639,U+0640,U+0641,U+0642,U+0643,U+0644,U+0645,U+0646,U+0648,U+0649,U+064A,U+0674,U+0675,U+0676,U+0677,U+0678,U+067E,U+0686,U+06AD,U+06AF,U+06BE,U+06C6,U+06C7,U+06CB,U+06D5,U+200C-200F" \
  --layout-features='init,medi,fina,isol,rlig,liga,calt,ccmp,locl,mark,mkmk,curs,kern' \
  --no-hinting --desubroutinize \
  --flavor=woff2 --output-file="$arabic_out"

echo "==> Writing the licence beside them (mobile/web/fonts/OFL.txt, backend/assets/OFL.txt)"
{
  echo "Kosh Sans (kosh-sans.woff2) is a subset of Noto Sans Regular, and Kosh Arabic"
  echo "(kosh-arabic.woff2) a subset of Noto Sans Arabic Regular, made by scripts/make-font.sh."
  echo "Copyright 2010, 2012-2020 Google Inc.; 2015-2020 Google LLC."
  echo "This Font Software is licensed under the SIL Open Font License, Version 1.1."
  echo
  # The licence text as Debian ships it: the OFL-1.1 stanza of the package's copyright file.
  zcat -f /usr/share/doc/fonts-noto-core/copyright |
    awk '/^License: OFL-1.1$/ { n++; if (n == 1) next } n >= 1 && /^License: OFL-1.1$/ { on = 1; next } on && /^[^ ]/ { exit } on { sub(/^ /, ""); if ($0 == ".") $0 = ""; print }'
} > mobile/web/fonts/OFL.txt
cp mobile/web/fonts/OFL.txt backend/assets/OFL.txt
ls -l "$out" "$arabic_out"
