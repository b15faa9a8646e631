/** Printing sheets through LibreOffice in tests: which tools are there, and finding text in a PDF's text. */
import { execFileSync } from "child_process";

const TOOLS = ["soffice", "pdftotext", "pdfinfo", "pdftoppm"];

function missingTools(): string[] {
  return TOOLS.filter((tool) => {
    try {
      execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * `describe` when LibreOffice and poppler-utils are installed (or under CI=true, where missing
 * tools fail the test), else `describe.skip` with a message naming the test and the tools.
 */
export function renderingTools(what: string): jest.Describe {
  const missing = missingTools();
  const inCI = process.env.CI === "true";
  if (missing.length > 0 && !inCI) {
    console.warn(`跳过${what}：缺少 ${missing.join("、")}（安装 LibreOffice 与 poppler-utils 后运行）`);
  }
  return missing.length === 0 || inCI ? describe : describe.skip;
}

/** Text with all white space (ideographic spaces and line breaks included) removed. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u3000]+/g, "");
}

/**
 * True when `needle` is in `haystack` — contiguous, or, where the PDF interleaves a wrapped
 * cell with its neighbour's lines, as an in-order run at most twice as long plus a little.
 */
export function appearsIn(haystack: string, needle: string): boolean {
  if (needle === "" || haystack.includes(needle)) return true;
  const chars = [...needle];
  const limit = chars.length * 2 + 40;
  for (let start = haystack.indexOf(chars[0]); start >= 0; start = haystack.indexOf(chars[0], start + 1)) {
    let at = start;
    let ok = true;
    for (const ch of chars) {
      const found = haystack.indexOf(ch, at);
      if (found < 0 || found - start > limit) {
        ok = false;
        break;
      }
      at = found + ch.length;
    }
    if (ok) return true;
  }
  return false;
}
