/**
 * The proof that the workbook's own formulas agree with the engine: registries of a few hundred
 * rows with deadlines spread around "today" — across holidays, make-up working days (调休),
 * a year without official data, user calendar rows, extensions, closed and terminated items,
 * dates typed as text — are refreshed, LibreOffice (headless) recalculates them, and every
 * row's 状态, 截止日期 and 剩余工作日 are compared with the engine's status, deadline and
 * working days left for the same day, and the 督办看板's counts with the engine's.
 *
 * The formulas read no text: a date typed as text (or as a yyyymmdd number) is no date to
 * them. So each registry is checked twice: as typed, where exactly the rows the refresh
 * reports differ (each of them holds such a date, painted red); and after the fixes `check`
 * offers were written (the dates as real dates) and the workbook refreshed again, where every
 * row agrees.
 *
 * One scenario keeps TODAY() and goes through `duban refresh` (today = the machine's date);
 * the others evaluate the workbook as of a fixed day (the plan's today expression becomes
 * DATE(y,m,d)), so holidays are crossed whatever day the test runs.
 *
 * Without LibreOffice (`soffice`) the test is skipped with a message — except when CI=true,
 * where it fails. DUBAN_KEEP_OUTPUT=1 keeps the recalculated workbooks in out/refresh-crosscheck/.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { xlsxSetupTarget } from "../../src/adapters/xlsx/apply-plan";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsx-workbook";
import { runRefresh } from "../../src/app/refresh";
import { loadRegistry } from "../../src/app/registry";
import { runStatus } from "../../src/app/status";
import { runCheck } from "../../src/app/check";
import { serialToIso } from "../../src/domain/dates";
import { BOARD_STATUSES } from "../../src/domain/dashboard-plan";
import { localToday } from "../../src/cli/run";
import { addDays } from "../../src/domain/dates";
import type { PlanNote } from "../../src/domain/setup-plan";
import { FORM_HEADERS, loadWorkbook, makeTempDir, removeDir, runCli } from "./helpers";
import { findSoffice, recalculate as recalculateIn } from "./libreoffice";

jest.setTimeout(300_000);

const SOFFICE = findSoffice();
const IN_CI = process.env.CI === "true";

/** Recalculates .xlsx files in LibreOffice (test/cli/libreoffice.ts); returns the recalculated copies. */
function recalculate(files: readonly string[], outDir: string, profileDir: string): string[] {
  return recalculateIn(SOFFICE!, files, outDir, profileDir);
}

// ── the registries ────────────────────────────────────────────────────────────────────────

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const [Y, M, D] = [0, 1, 2];
const parts = (iso: string) => iso.split("-").map(Number);

/** The same date typed the ways clerks type it. */
function typed(iso: string, variant: number): ExcelJS.CellValue {
  const p = parts(iso);
  const z = (n: number) => String(n).padStart(2, "0");
  switch (variant % 8) {
    case 0:
      return utc(iso);
    case 1:
      return `${p[Y]}.${p[M]}.${p[D]}`;
    case 2:
      return `${p[Y]}/${p[M]}/${p[D]}`;
    case 3:
      return `${p[Y]}年${p[M]}月${p[D]}日`;
    case 4:
      return ` ${iso} `;
    case 5:
      return `${p[Y]}${z(p[M])}${z(p[D])}`;
    case 6:
      return Number(`${p[Y]}${z(p[M])}${z(p[D])}`);
    default:
      // A date with a time of day, as a serial.
      return (utc(iso).getTime() - Date.UTC(1899, 11, 30)) / 86400000 + 0.6;
  }
}

const RESULTS = [
  "按期办结",
  "逾期办结",
  "延期办结",
  "终止",
  " 终止 ",
  "终止\n",
  "正在推进",
  "",
  "已办结（待销号）",
  "尚未办结",
];

interface Scenario {
  readonly name: string;
  /** null: keep TODAY(), today is the machine's date. */
  readonly fixed: string | null;
  readonly settings?: readonly (readonly ExcelJS.CellValue[])[];
  readonly calendar?: readonly (readonly ExcelJS.CellValue[])[];
}

const HEADERS = [...FORM_HEADERS, "办结日期", "延期至"];
const COL = Object.fromEntries(HEADERS.map((h, i) => [h.replace(/\s+/g, ""), i + 1])) as Record<string, number>;

/** Rows spread around today: plain, extended, typed as text, closed or terminated; plus odd rows. */
function registryRows(today: string): Record<string, ExcelJS.CellValue>[] {
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let k = -12; k <= 22; k++) {
    const due = addDays(today, k);
    const base = {
      督办事项内容: `事项 ${k}`,
      任务下达时间: utc(addDays(today, -30)),
      督办科室或单位: ["办公室", "秘书科", "督导室", "组织科"][(k + 12) % 4],
    };
    rows.push({ ...base, 要求完成时间: utc(due) });
    rows.push({ ...base, 要求完成时间: utc(addDays(due, -9)), 延期至: utc(due) });
    rows.push({ ...base, 要求完成时间: typed(due, k + 12) });
    rows.push({ ...base, 要求完成时间: utc(addDays(due, 4)), 延期至: typed(due, k + 13) });
    const result = RESULTS[(k + 12) % RESULTS.length];
    rows.push({
      ...base,
      要求完成时间: utc(due),
      督办结果: result === "" ? null : result,
      办结日期: (k + 12) % 3 === 0 ? typed(addDays(today, -1), k) : null,
    });
  }
  rows.push({ 督办事项内容: "没有期限" });
  rows.push({ 备注: "只有备注" });
  rows.push({ 序号: 999 }); // not an item
  rows.push({ 督办事项内容: "不存在的日期", 要求完成时间: `${parts(today)[Y]}-02-30` });
  rows.push({ 督办事项内容: "错误值期限", 要求完成时间: { error: "#N/A" }, 延期至: utc(addDays(today, 2)) });
  rows.push({ 督办事项内容: "无效延期", 要求完成时间: utc(addDays(today, 1)), 延期至: "下周" });
  rows.push({ 督办事项内容: "办结日期无效", 要求完成时间: utc(addDays(today, -3)), 办结日期: "已办" });
  // Read differently by the formula (full-width digits): the refresh must name this row.
  rows.push({
    督办事项内容: "全角数字",
    要求完成时间: `２０${String(parts(today)[Y]).slice(2)}-${parts(today)[M]}-${parts(today)[D]}`,
  });
  return rows;
}

/** Writes a scenario's workbook; returns the sheet rows of each 督办事项内容. */
async function writeScenario(s: Scenario, today: string, file: string): Promise<Map<string, number[]>> {
  const rowsOf = new Map<string, number[]>();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("督办事项登记表");
  ws.getCell(1, 1).value = "督办事项登记表";
  ws.mergeCells(1, 1, 1, 14);
  HEADERS.forEach((h, i) => (ws.getCell(2, i + 1).value = h));
  [5, 12, 14, 9, 6, 6, 15, 15, 10, 10, 8, 8, 14, 12, 15, 15].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let row = 3;
  for (const [i, spec] of registryRows(today).entries()) {
    for (const [key, value] of Object.entries(spec)) if (value !== null) ws.getCell(row, COL[key]).value = value;
    const content = String(spec.督办事项内容 ?? "");
    rowsOf.set(content, [...(rowsOf.get(content) ?? []), row]);
    row += i % 17 === 16 ? 2 : 1; // a blank row now and then
  }
  if (s.settings) {
    const st = wb.addWorksheet("设置");
    s.settings.forEach((cells, r) => cells.forEach((v, c) => (st.getCell(r + 1, c + 1).value = v)));
  }
  if (s.calendar) {
    const cal = wb.addWorksheet("工作日历");
    s.calendar.forEach((cells, r) => cells.forEach((v, c) => (cal.getCell(r + 1, c + 1).value = v)));
  }
  await wb.xlsx.writeFile(file);
  return rowsOf;
}

const SCENARIOS: readonly Scenario[] = [
  { name: "today", fixed: null },
  {
    name: "mid-autumn-national-day-2026",
    fixed: "2026-09-23",
    settings: [["临期预警工作日", 5]],
  },
  { name: "spring-festival-2026", fixed: "2026-02-12" },
  { name: "new-year-2026", fixed: "2025-12-30", settings: [["临期预警工作日", 0]] },
  {
    name: "into-2027-without-official-data",
    fixed: "2026-12-30",
    calendar: [
      ["日期", "是否工作日", "类型", "来源", "说明"],
      [utc("2027-01-01"), 0, "节假日", "用户", "元旦"],
      [utc("2027-01-04"), "否", "", "用户", "元旦补休（假设）"],
      [utc("2027-01-09"), 1, "调休上班", "用户", "调休（假设）"],
      ["2027-01-11", "", "放假", "", "按类型放假"],
      [utc("2026-12-31"), 0, "工作日", "官方", "改了却没改来源"],
    ],
  },
];

// ── the test ──────────────────────────────────────────────────────────────────────────────

const suite = SOFFICE ? describe : describe.skip;

if (!SOFFICE) {
  if (IN_CI) {
    it("LibreOffice (soffice) is installed for the formula cross-check", () => {
      throw new Error(
        "CI=true 时必须能运行 LibreOffice：PATH 中没有 soffice，请安装 libreoffice-calc 以完成状态公式交叉验证",
      );
    });
  } else {
    console.warn("跳过 LibreOffice 交叉验证：未找到 soffice（Debian：apt-get install libreoffice-calc）");
  }
}

/** Writes the dates `check` offers as fixes (date-as-text) as real dates, as duban fix does. */
async function applyDateFixes(book: XlsxWorkbook, today: string): Promise<number> {
  const check = await runCheck(book, today);
  const fixes = check.issues.filter((i) => i.code === "date-as-text" && i.fix !== undefined);
  await book.writeCells(
    fixes.map((i) => ({ sheet: "督办事项登记表", row: i.row, col: COL[i.column], value: { t: "date", v: i.fix! } })),
  );
  return fixes.length;
}

/**
 * The cached results of a recalculated sheet's formula cells, by address, read from its XML:
 * ExcelJS drops a result of 0 (and of ""), which 剩余工作日 must tell apart.
 */
function sheetResults(file: string, sheet: string): Map<string, string> {
  const zip = unzipSync(fs.readFileSync(file));
  const text = (name: string) => strFromU8(zip[name]);
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(text("xl/workbook.xml"))![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(text("xl/_rels/workbook.xml.rels"))![1];
  const xml = text(`xl/${target.replace(/^\/?xl\//, "")}`);
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>(?:<f[^>]*>[^<]*<\/f>|<f[^>]*\/>)(?:<v>([^<]*)<\/v>)?<\/c>/g)) {
    out.set(m[1], m[2] ?? "");
  }
  return out;
}

/** A recalculated formula cell's result as text: a date as YYYY-MM-DD, a number as it is, "" for nothing. */
function resultText(value: unknown, date: boolean, raw?: string): string {
  const v = value as { result?: unknown; error?: string } | null;
  if (v === null || typeof v !== "object") return "";
  const r = v.result === undefined && raw !== undefined && raw !== "" ? Number(raw) : v.result;
  if (r === undefined || r === null || r === "") return "";
  if (r instanceof Date) return r.toISOString().slice(0, 10);
  if (typeof r === "object" && r !== null && "error" in r) return String((r as { error: string }).error);
  if (date && typeof r === "number") return serialToIso(r) ?? String(r);
  return String(r);
}

interface Outcome {
  readonly today: string;
  /** Rows where LibreOffice and the engine differ, with what differs. */
  readonly mismatches: Map<number, string[]>;
  readonly compared: number;
  readonly noted: Set<number>;
  readonly statuses: Set<string>;
  /** LibreOffice's 状态 of each row. */
  readonly lo: Map<number, string>;
  readonly rowsOf: Map<string, number[]>;
  /** 督办看板 rows as LibreOffice computed them, and as the engine's statuses count them. */
  readonly board: { readonly lo: string[]; readonly engine: string[] };
  /** How many dates the fixes wrote (the fixed variant only). */
  readonly fixed: number;
}

/** Compares every row of a recalculated registry with the engine, and the board's counts. */
async function compare(
  refreshed: string,
  recalculated: string,
  today: string,
): Promise<Omit<Outcome, "noted" | "rowsOf" | "fixed" | "today">> {
  const engine = await runStatus(await XlsxWorkbook.load(refreshed), today);
  const byRow = new Map(engine.items.map((it) => [it.row, it]));
  const wb = await loadWorkbook(recalculated);
  const ws = wb.getWorksheet("督办事项登记表")!;
  const colOf = (header: string) => {
    let found = 0;
    ws.getRow(2).eachCell((c, col) => {
      if (c.value === header) found = col;
    });
    return found;
  };
  const [statusCol, deadlineCol, leftCol] = ["状态", "截止日期", "剩余工作日"].map(colOf);
  const raw = sheetResults(recalculated, "督办事项登记表");
  expect([statusCol, deadlineCol, leftCol]).toEqual([HEADERS.length + 7, HEADERS.length + 8, HEADERS.length + 9]);
  const mismatches = new Map<number, string[]>();
  const lo = new Map<number, string>();
  const statuses = new Set<string>();
  let compared = 0;
  for (let row = 3; row <= 600; row++) {
    if (typeof ws.getCell(row, statusCol).value !== "object" || ws.getCell(row, statusCol).value === null) continue;
    const got = {
      status: resultText(ws.getCell(row, statusCol).value, false),
      deadline: resultText(ws.getCell(row, deadlineCol).value, true),
      left: resultText(ws.getCell(row, leftCol).value, false, raw.get(ws.getCell(row, leftCol).address)),
    };
    const it = byRow.get(row);
    const want = {
      status: it?.status ?? "",
      deadline: it?.deadline ?? "",
      left: it?.workingDaysLeft === null || it?.workingDaysLeft === undefined ? "" : String(it.workingDaysLeft),
    };
    lo.set(row, got.status);
    compared += 1;
    if (want.status !== "") statuses.add(want.status);
    const differs = (["status", "deadline", "left"] as const)
      .filter((k) => got[k] !== want[k])
      .map((k) => `${k}: LibreOffice“${got[k]}”，引擎“${want[k]}”`);
    if (differs.length > 0) mismatches.set(row, differs);
  }
  // The board: counts by status, and by section × status, against the engine's statuses.
  const loaded = await loadRegistry(await XlsxWorkbook.load(refreshed), today);
  const sectionOf = new Map(loaded.items.map((it) => [it.row, it.section]));
  const board = wb.getWorksheet("督办看板")!;
  const resultOf = (r: number, c: number) => {
    const v = board.getCell(r, c).value as { result?: unknown } | string | null;
    return typeof v === "object" && v !== null ? String(v.result ?? 0) : String(v ?? "");
  };
  const boardLo: string[] = [];
  const boardEngine: string[] = [];
  const count = (pred: (row: number, status: string) => boolean) =>
    String([...byRow].filter(([row, it]) => pred(row, it.status)).length);
  BOARD_STATUSES.forEach((status, j) => {
    boardLo.push(`${status}:${resultOf(6 + j, 2)}`);
    boardEngine.push(`${status}:${count((_, st) => st === status)}`);
  });
  for (let r = 14; board.getCell(r, 1).value !== "其他或未填写"; r++) {
    const section = String(board.getCell(r, 1).value);
    BOARD_STATUSES.forEach((status, j) => {
      boardLo.push(`${section}/${status}:${resultOf(r, 3 + j)}`);
      boardEngine.push(`${section}/${status}:${count((row, st) => st === status && sectionOf.get(row) === section)}`);
    });
  }
  return { mismatches, compared, statuses, lo, board: { lo: boardLo, engine: boardEngine } };
}

suite("the workbook's row formulas, recalculated by LibreOffice, agree with the engine on every row", () => {
  let dir: string;
  /** Per scenario: the registry as typed, and after the date fixes. */
  const results = new Map<string, { typed: Outcome; fixed: Outcome }>();

  beforeAll(async () => {
    dir = makeTempDir();
    const jobs: {
      name: string;
      variant: "typed" | "fixed";
      file: string;
      today: string;
      notes: readonly PlanNote[];
      fixed: number;
      rowsOf: Map<string, number[]>;
    }[] = [];
    let realToday = "";
    const refresh = async (source: string, target: string, s: Scenario, today: string) => {
      if (s.fixed === null) {
        const cli = await runCli(["refresh", source, "-o", target, "--json"], { cwd: dir, today });
        expect(cli.code).toBe(0);
        return JSON.parse(cli.stdout).notes as PlanNote[];
      }
      const book = await XlsxWorkbook.load(source);
      const [y, m, d] = parts(s.fixed);
      const result = await runRefresh(book, xlsxSetupTarget(book), today, {
        todayFormula: `DATE(${y},${m},${d})`,
      });
      await book.save(target);
      return result.notes;
    };
    for (const s of SCENARIOS) {
      const today = s.fixed ?? localToday();
      if (s.fixed === null) realToday = today;
      const source = path.join(dir, `${s.name}-input.xlsx`);
      const rowsOf = await writeScenario(s, today, source);
      const typed = path.join(dir, `${s.name}.xlsx`);
      jobs.push({
        name: s.name,
        variant: "typed",
        file: typed,
        today,
        notes: await refresh(source, typed, s, today),
        fixed: 0,
        rowsOf,
      });
      // The fixes check offers, written, then refreshed again (what a clerk does after the report).
      const book = await XlsxWorkbook.load(typed);
      const fixes = await applyDateFixes(book, today);
      const between = path.join(dir, `${s.name}-fixed-input.xlsx`);
      await book.save(between);
      const fixed = path.join(dir, `${s.name}-fixed.xlsx`);
      jobs.push({
        name: s.name,
        variant: "fixed",
        file: fixed,
        today,
        notes: await refresh(between, fixed, s, today),
        fixed: fixes,
        rowsOf,
      });
    }
    const recalculated = recalculate(
      jobs.map((j) => j.file),
      path.join(dir, "recalculated"),
      path.join(dir, "profile"),
    );
    // TODAY() was evaluated by LibreOffice: if the date turned meanwhile, the comparison is void.
    if (realToday !== localToday()) throw new Error("the date changed during the test; run it again");
    for (const [i, job] of jobs.entries()) {
      const outcome = await compare(job.file, recalculated[i], job.today);
      const noted = new Set(job.notes.filter((n) => n.sheet === "督办事项登记表").map((n) => n.row!));
      const entry = results.get(job.name) ?? ({} as { typed: Outcome; fixed: Outcome });
      entry[job.variant] = { ...outcome, today: job.today, noted, rowsOf: job.rowsOf, fixed: job.fixed };
      results.set(job.name, entry);
    }
    if (process.env.DUBAN_KEEP_OUTPUT === "1") {
      const keep = path.resolve(__dirname, "../../out/refresh-crosscheck");
      fs.mkdirSync(keep, { recursive: true });
      for (const [i, job] of jobs.entries()) {
        fs.copyFileSync(job.file, path.join(keep, path.basename(job.file)));
        fs.copyFileSync(
          recalculated[i],
          path.join(keep, path.basename(job.file).replace(".xlsx", "-recalculated.xlsx")),
        );
      }
    }
  });

  afterAll(() => dir && removeDir(dir));

  const names = SCENARIOS.map((s) => [s.name]);
  const explain = (o: Outcome) => [...o.mismatches].map(([row, d]) => `第${row}行 ${d.join("；")}`);

  it.each(names)("%s, as typed: every row that differs is one the refresh reports (a date written as text)", (name) => {
    const { typed } = results.get(name)!;
    const unexplained = explain(typed).filter((m) => !typed.noted.has(Number(/第(\d+)行/.exec(m)![1])));
    expect(unexplained).toEqual([]);
    expect(typed.compared).toBeGreaterThan(300);
    // Dates typed as text really are in the registry, and really differ.
    expect(typed.mismatches.size).toBeGreaterThan(10);
    expect([...typed.statuses].sort()).toEqual(["临期", "办理中", "已办结", "已终止", "逾期"]);
  });

  it.each(names)("%s, after check's fixes: 状态, 截止日期 and 剩余工作日 agree on every row", (name) => {
    const { fixed } = results.get(name)!;
    expect(fixed.fixed).toBeGreaterThan(50);
    expect(explain(fixed)).toEqual([]);
    expect(fixed.noted).toEqual(new Set());
    expect(fixed.compared).toBeGreaterThan(300);
    expect([...fixed.statuses].sort()).toEqual(["临期", "办理中", "已办结", "已终止", "逾期"]);
  });

  it.each(names)("%s: the 督办看板 counts what the engine counts", (name) => {
    const { fixed } = results.get(name)!;
    expect(fixed.board.lo).toEqual(fixed.board.engine);
    expect(fixed.board.engine.length).toBeGreaterThan(20);
  });

  /** LibreOffice's status of the first (plain-deadline) row of the item due `k` days after today. */
  const plain = (scenario: string, k: number) => {
    const r = results.get(scenario)!.fixed;
    return r.lo.get(r.rowsOf.get(`事项 ${k}`)![0]);
  };

  it("counts working days across the Spring Festival and its make-up Saturday", () => {
    // From Thu 2026-02-12: Fri 13, Sat 14 (调休上班), then holidays to the 23rd; Tue 24 is the 3rd working day.
    expect(plain("spring-festival-2026", 12)).toBe("临期");
    expect(plain("spring-festival-2026", 13)).toBe("办理中");
  });

  it("uses the 设置 threshold across Mid-Autumn and National Day", () => {
    // From Wed 2026-09-23: 24, 28, 29, 30 and (after 1–7 Oct off) Thu 8 Oct is the 5th working day.
    expect(plain("mid-autumn-national-day-2026", 15)).toBe("临期");
    expect(plain("mid-autumn-national-day-2026", 16)).toBe("办理中");
  });

  it("is 临期 only on the deadline itself with a threshold of 0, and 逾期 the day after", () => {
    expect(plain("new-year-2026", 0)).toBe("临期");
    expect(plain("new-year-2026", 1)).toBe("办理中");
    expect(plain("new-year-2026", -1)).toBe("逾期");
  });

  it("follows the user's 工作日历 rows in a year without official data", () => {
    // From Wed 2026-12-30: Thu 31 (a 官方 row edited without 来源 still counts), 1 and 4 Jan are
    // user days off, Tue 5 Jan is the 2nd working day; Fri 8 is the 5th (the 9th is a user 调休).
    expect(plain("into-2027-without-official-data", 6)).toBe("临期");
    expect(plain("into-2027-without-official-data", 9)).toBe("办理中");
  });
});
