#!/usr/bin/env bash
# Reproduces the subset fonts embedded in Disclosure.Reporting.Pdf.
#
# Sources (all TrueType with glyf outlines; PDFsharp cannot embed CFF outlines or read TTC collections):
#   Noto Serif SC Regular and Bold (OFL-1.1)  npm: @expo-google-fonts/noto-serif-sc@0.4.3
#   Noto Sans SC Medium (OFL-1.1)             npm: @expo-google-fonts/noto-sans-sc@0.4.3
#   LXGW WenKai Regular (OFL-1.1)             Debian: fonts-lxgw-wenkai
#
# Needs: apt-get update && apt-get install -y fonttools fonts-lxgw-wenkai; npm.
# The character set is GB2312 (all 7445 characters, incl. its symbols and full-width forms), ASCII,
# Latin-1 punctuation, general punctuation, CJK symbols and punctuation, full-width forms,
# circled numbers, and a short list of GBK characters common in names and places (extra-chars.txt).
# The Hei face (Noto Sans SC), which is also the last fallback, covers all of GBK.
set -euo pipefail
export SOURCE_DATE_EPOCH=1704067200 # fixed head.modified: the same sources give the same bytes
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent @expo-google-fonts/noto-serif-sc@0.4.3 >/dev/null && mkdir serif && tar xzf ./expo-google-fonts-noto-serif-sc-*.tgz -C serif)
(cd "$work" && npm pack --silent @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null && mkdir sans && tar xzf ./expo-google-fonts-noto-sans-sc-*.tgz -C sans)
serif_regular="$work/serif/package/400Regular/NotoSerifSC_400Regular.ttf"
serif_bold="$work/serif/package/700Bold/NotoSerifSC_700Bold.ttf"
hei="$work/sans/package/500Medium/NotoSansSC_500Medium.ttf"
kai=/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf

/usr/bin/python3 - "$here/extra-chars.txt" "$work/chars.txt" "$work/chars-level1.txt" "$work/chars-gbk.txt" <<'PY'
import sys


def gb2312(rows):
    out = set()
    for hi in rows:
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


chars = gb2312(range(0xA1, 0xF8))
level1 = gb2312(range(0xA1, 0xD8))  # symbols + the 3755 level-1 hanzi, enough for headings
ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x205E), (0x2460, 0x24FF), (0x3000, 0x303F), (0xFF01, 0xFF5E), (0xFFE0, 0xFFE6)]
for a, b in ranges:
    chars.update(chr(c) for c in range(a, b + 1))
with open(sys.argv[1], encoding="utf-8") as f:
    chars.update(c for c in f.read() if not c.isspace())
# Never ship Kangxi radicals / compatibility ideographs: text extraction must give back the unified ideographs.
chars = {c for c in chars if not (0x2F00 <= ord(c) <= 0x2FDF or 0xF900 <= ord(c) <= 0xFAFF)}
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("".join(sorted(chars)))
level1 |= {c for c in chars if ord(c) < 0x4E00 or ord(c) > 0x9FFF}
with open(sys.argv[3], "w", encoding="utf-8") as f:
    f.write("".join(sorted(level1)))
# The fallback face covers all of GBK (21,000 hanzi), so that rare characters in names still print.
gbk = set(chars)
for hi in range(0x81, 0xFF):
    for lo in range(0x40, 0xFF):
        try:
            gbk.add(bytes([hi, lo]).decode("gbk"))
        except UnicodeDecodeError:
            pass
gbk = {c for c in gbk if not (0x2F00 <= ord(c) <= 0x2FDF or 0xF900 <= ord(c) <= 0xFAFF or 0xE000 <= ord(c) <= 0xF8FF)}
with open(sys.argv[4], "w", encoding="utf-8") as f:
    f.write("".join(sorted(gbk)))
PY

subset() {
  pyftsubset "$1" --text-file="$work/$3" --output-file="$here/$2" \
    --layout-features='' --no-hinting --desubroutinize --drop-tables+=DSIG,GSUB,GPOS,GDEF,BASE,vhea,vmtx \
    --name-IDs='*' --name-legacy --name-languages='*' --notdef-outline --recommended-glyphs
}
# Body and tables: the full set.
subset "$serif_regular" NotoSerifSC-Regular.subset.ttf chars.txt
# Title, bold runs and bold table labels: a real bold weight, the full set.
subset "$serif_bold" NotoSerifSC-Bold.subset.ttf chars.txt
# Kai (（一） headings): level-1 hanzi only; the renderer falls back to the other faces for anything else.
subset "$kai" LXGWWenKai-Regular.subset.ttf chars-level1.txt
# Hei (一、 headings) doubles as the fallback face for characters outside GB2312: all of GBK.
subset "$hei" NotoSansSC-Medium.subset.ttf chars-gbk.txt

# LXGW WenKai reserves its font names: a modified version (this subset) must be renamed (OFL-1.1 §3).
/usr/bin/python3 - "$here/LXGWWenKai-Regular.subset.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont
font = TTFont(sys.argv[1])
names = {1: "Disclosure Kai", 2: "Regular", 3: "Disclosure Kai Regular (subset of LXGW WenKai)",
         4: "Disclosure Kai Regular", 6: "DisclosureKai-Regular", 16: "Disclosure Kai", 17: "Regular"}
font["name"].names = [n for n in font["name"].names if n.nameID not in names and n.nameID not in (18, 21, 22)]
for name_id, value in names.items():
    font["name"].setName(value, name_id, 3, 1, 0x409)
    font["name"].setName(value, name_id, 1, 0, 0)
font.save(sys.argv[1])
PY
ls -l "$here"/*.subset.ttf
