#!/usr/bin/env bash
# Prints the document sheets of a workbook the way a person would: each sheet alone through
# LibreOffice (headless) to PDF, then the PDF's text (pdftotext -layout), its page count and
# size (pdfinfo) and a PNG per page (pdftoppm) for a person to compare with the policy's forms.
#
#   scripts/render-documents.sh FILE.xlsx [OUTDIR] [SHEET...]
#
# Without SHEET names, every sheet whose name starts with 通知单, 书面报告, 催办提示单 or
# 督办分析报告 is printed. For each sheet S it writes OUTDIR/S.xlsx (the sheet alone, split off by
# the package writer of lib/ so charts stay — by ExcelJS, dropping them, when lib/ is not built —;
# a workbook of one sheet is copied as it is), S.pdf, S.txt, S.info and S-1.png, S-2.png …
# (OUTDIR defaults to out/documents). Exit 2 when a tool is missing.
set -euo pipefail

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

FILE=$1
OUTDIR=${2:-out/documents}
shift $(( $# >= 2 ? 2 : 1 ))

for tool in soffice pdftotext pdfinfo pdftoppm node; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "缺少工具：$tool（需要 LibreOffice 与 poppler-utils）" >&2
    exit 2
  fi
done
if [[ ! -f "$FILE" ]]; then
  echo "找不到文件：$FILE" >&2
  exit 2
fi

ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)

# 1. One workbook per document sheet (the other sheets removed), so each prints alone.
#    Prints the names of the files written, one per line.
mapfile -t BOOKS < <(
  NODE_PATH="$ROOT/node_modules" node - "$ROOT" "$FILE" "$OUTDIR" "$@" <<'JS'
const ExcelJS = require("exceljs");
const fs = require("fs");
const path = require("path");
const [root, file, outdir, ...wanted] = process.argv.slice(2);
// The package writer (the compiled command line, lib/) removes the other sheets keeping
// everything else as it is; without lib/, ExcelJS does, dropping what it does not model.
let XlsxWorkbook = null;
try {
  ({ XlsxWorkbook } = require(path.join(root, "lib/adapters/xlsx/xlsx-workbook.js")));
} catch {
  console.error("未找到 lib/（npx tsc -p tsconfig.cli.json 生成）：拆分工作表时图表等内容会丢失");
}
const DOCUMENT = /^(通知单|书面报告|催办提示单|督办分析报告)/;
(async () => {
  const probe = new ExcelJS.Workbook();
  await probe.xlsx.readFile(file);
  const names = probe.worksheets.map((ws) => ws.name).filter((n) => (wanted.length ? wanted.includes(n) : DOCUMENT.test(n)));
  for (const missing of wanted.filter((n) => !names.includes(n))) console.error(`工作表不存在：${missing}`);
  for (const name of names) {
    const out = path.join(outdir, `${name}.xlsx`);
    // A workbook of that one sheet prints as it is: nothing to split, and an ExcelJS round trip
    // would drop what ExcelJS does not model (a chart, for one).
    if (probe.worksheets.length === 1) {
      require("fs").copyFileSync(file, out);
      console.log(out);
      continue;
    }
    if (XlsxWorkbook) {
      const book = await XlsxWorkbook.load(file);
      for (const other of await book.sheetNames()) if (other !== name) await book.deleteSheet(other);
      fs.writeFileSync(out, await book.toBuffer());
      console.log(out);
      continue;
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const ws of [...wb.worksheets]) if (ws.name !== name) wb.removeWorksheet(ws.id);
    await wb.xlsx.writeFile(out);
    console.log(out);
  }
})().catch((e) => {
  console.error(e.message);
  process.exit(2);
});
JS
)
if [[ ${#BOOKS[@]} -eq 0 ]]; then
  echo "没有可打印的文书工作表：$FILE" >&2
  exit 2
fi

# 2. LibreOffice → PDF, with a private profile so parallel runs do not collide. The official
#    faces (方正小标宋简体, 仿宋_GB2312) are rarely installed on Linux: map them to the nearest
#    serif CJK face there is (Noto Serif CJK SC, bold for the title) instead of the sans default.
#    Column widths count characters of the default font, Calibri: without it (or its metric
#    twin Carlito) LibreOffice measures DejaVu Sans, whose digits are a quarter wider, and the
#    page shrinks to fit; Noto Sans CJK's digits are closer.
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
cat >"$PROFILE/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern">
    <test name="family"><string>Calibri</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>Carlito</string><string>Noto Sans CJK SC</string></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>仿宋_GB2312</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>仿宋</string><string>FangSong</string><string>Noto Serif CJK SC</string></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>方正小标宋简体</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>方正小标宋_GBK</string><string>Noto Serif CJK SC</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>
  </match>
</fontconfig>
XML
FONTCONFIG_FILE="$PROFILE/fonts.conf" soffice -env:UserInstallation="file://$PROFILE/lo" --headless --norestore \
  --convert-to pdf --outdir "$OUTDIR" "${BOOKS[@]}" >/dev/null 2>&1

# 3. Text, page count and PNGs.
for book in "${BOOKS[@]}"; do
  stem=${book%.xlsx}
  pdf="$stem.pdf"
  if [[ ! -f "$pdf" ]]; then
    echo "LibreOffice 未能生成 PDF：$book" >&2
    exit 1
  fi
  pdftotext -layout "$pdf" "$stem.txt"
  pdfinfo "$pdf" >"$stem.info"
  rm -f "$stem"-*.png
  pdftoppm -png -r 80 "$pdf" "$stem"
  pages=$(awk '/^Pages:/ {print $2}' "$stem.info")
  size=$(awk -F': *' '/^Page size:/ {print $2}' "$stem.info")
  echo "$(basename "$stem")：$pages 页，$size"
done
