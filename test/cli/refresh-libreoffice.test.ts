/**
 * The proof that the workbook's own formulas agree with the engine: registries of a few hundred
 * rows with deadlines spread around "today" — across holidays, make-up working days (调休),
 * a year without official data, user calendar rows, extensions, closed and terminated items,
 * dates typed as text — are refreshed, LibreOffice (headless) recalculates them, and every
 * row's 状态 cell is compared with the engine's status for the same day.
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
import { xlsxSetupTarget } from "../../src/adapters/xlsx/apply-plan";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsx-workbook";
import { runRefresh } from "../../src/app/refresh";
import { loadRegistry } from "../../src/app/registry";
import { runStatus } from "../../src/app/status";
import { BOARD_STATUSES } from "../../src/domain/dashboard-plan";
import { localToday } from "../../src/cli/run";
import { addDays } from "../../src/domain/dates";
import type { PlanNote } from "../../src/domain/setup-plan";
import { FORM_HEADERS, loadWorkbook, makeTempDir, removeDir, runCli } from "./helpers";
import { findSoffice, recalculate as recalculateIn } from "./libreoffice";

jest.setTimeout(300_000);

const SOFFICE = findSoffice();
const IN_CI = process.env.CI === "true";

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
    settings: [["临期预警工作日", "5个工作日"]],
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

suite("the 状态 formula, recalculated by LibreOffice, agrees with the engine on every row", () => {
  let dir: string;
  interface Outcome {
    readonly today: string;
    readonly mismatches: string[];
    readonly compared: number;
    readonly noted: Set<number>;
    readonly statuses: Set<string>;
    /** LibreOffice's 状态 of each row. */
    readonly lo: Map<number, string>;
    readonly rowsOf: Map<string, number[]>;
    /** 督办看板 rows as LibreOffice computed them, and as the engine's statuses count them. */
    readonly board: { readonly lo: string[]; readonly engine: string[] };
    /** The engine's status of each item row. */
    readonly engineOf: Map<number, string>;
  }
  const results = new Map<string, Outcome>();

  beforeAll(async () => {
    dir = makeTempDir();
    const inputs: string[] = [];
    const todays = new Map<string, string>();
    const notes = new Map<string, readonly PlanNote[]>();
    const rowsOf = new Map<string, Map<string, number[]>>();
    let realToday = "";
    for (const s of SCENARIOS) {
      const today = s.fixed ?? localToday();
      if (s.fixed === null) realToday = today;
      todays.set(s.name, today);
      const source = path.join(dir, `${s.name}-input.xlsx`);
      const refreshed = path.join(dir, `${s.name}.xlsx`);
      rowsOf.set(s.name, await writeScenario(s, today, source));
      if (s.fixed === null) {
        const cli = await runCli(["refresh", source, "-o", refreshed, "--json"], { cwd: dir, today });
        expect(cli.code).toBe(0);
        notes.set(s.name, JSON.parse(cli.stdout).notes);
      } else {
        const book = await XlsxWorkbook.load(source);
        const [y, m, d] = parts(s.fixed);
        const result = await runRefresh(book, xlsxSetupTarget(book.workbook), today, {
          todayFormula: `DATE(${y},${m},${d})`,
        });
        notes.set(s.name, result.notes);
        await book.save(refreshed);
      }
      inputs.push(refreshed);
    }
    const outDir = path.join(dir, "recalculated");
    const recalculated = recalculateIn(SOFFICE!, inputs, outDir, path.join(dir, "profile"));
    // TODAY() was evaluated by LibreOffice: if the date turned meanwhile, the comparison is void.
    if (realToday !== localToday()) throw new Error("the date changed during the test; run it again");
    for (const [i, s] of SCENARIOS.entries()) {
      const today = todays.get(s.name)!;
      const engine = await runStatus(await XlsxWorkbook.load(inputs[i]), today);
      const byRow = new Map(engine.items.map((it) => [it.row, it.status as string]));
      const wb = await loadWorkbook(recalculated[i]);
      const ws = wb.getWorksheet("督办事项登记表")!;
      let statusCol = 0;
      ws.getRow(2).eachCell((c, col) => {
        if (c.value === "状态") statusCol = col;
      });
      expect(statusCol).toBe(HEADERS.length + 7); // the seven extension columns the registry lacked
      const mismatches: string[] = [];
      const lo = new Map<number, string>();
      const statuses = new Set<string>();
      let compared = 0;
      for (let row = 3; row <= 600; row++) {
        const cell = ws.getCell(row, statusCol);
        const value = cell.value as { result?: unknown } | null;
        if (value === null || typeof value !== "object") continue;
        const got = value.result === undefined || value.result === null ? "" : String(value.result);
        const expected = byRow.get(row) ?? "";
        lo.set(row, got);
        compared += 1;
        if (expected !== "") statuses.add(expected);
        if (got !== expected) mismatches.push(`第${row}行：LibreOffice“${got}”，引擎“${expected}”`);
      }
      // The board: counts by status, and by section × status, against the engine's statuses.
      const loaded = await loadRegistry(await XlsxWorkbook.load(inputs[i]), today);
      const sectionOf = new Map(loaded.items.map((it) => [it.row, it.section]));
      const board = wb.getWorksheet("督办看板")!;
      const resultOf = (r: number, c: number) => {
        const v = board.getCell(r, c).value as { result?: unknown } | string | null;
        return typeof v === "object" && v !== null ? String(v.result ?? 0) : String(v ?? "");
      };
      const boardLo: string[] = [];
      const boardEngine: string[] = [];
      const count = (pred: (row: number, status: string) => boolean) =>
        String([...byRow].filter(([row, status]) => pred(row, status)).length);
      BOARD_STATUSES.forEach((status, j) => {
        boardLo.push(`${status}:${resultOf(6 + j, 2)}`);
        boardEngine.push(`${status}:${count((_, st) => st === status)}`);
      });
      for (let r = 14; board.getCell(r, 1).value !== "其他或未填写"; r++) {
        const section = String(board.getCell(r, 1).value);
        BOARD_STATUSES.forEach((status, j) => {
          boardLo.push(`${section}/${status}:${resultOf(r, 3 + j)}`);
          boardEngine.push(
            `${section}/${status}:${count((row, st) => st === status && sectionOf.get(row) === section)}`,
          );
        });
      }
      const noted = new Set((notes.get(s.name) ?? []).filter((n) => n.sheet === "督办事项登记表").map((n) => n.row!));
      results.set(s.name, {
        today,
        mismatches,
        compared,
        noted,
        statuses,
        lo,
        rowsOf: rowsOf.get(s.name)!,
        board: { lo: boardLo, engine: boardEngine },
        engineOf: byRow,
      });
    }
    if (process.env.DUBAN_KEEP_OUTPUT === "1") {
      const keep = path.resolve(__dirname, "../../out/refresh-crosscheck");
      fs.mkdirSync(keep, { recursive: true });
      for (const [i, s] of SCENARIOS.entries()) {
        fs.copyFileSync(inputs[i], path.join(keep, `${s.name}.xlsx`));
        fs.copyFileSync(recalculated[i], path.join(keep, `${s.name}-recalculated.xlsx`));
      }
    }
  });

  afterAll(() => dir && removeDir(dir));

  it.each(SCENARIOS.map((s) => [s.name]))("%s: every row not reported by the refresh agrees", (name) => {
    const r = results.get(name)!;
    const unexplained = r.mismatches.filter((m) => !r.noted.has(Number(/第(\d+)行/.exec(m)![1])));
    expect(unexplained).toEqual([]);
    expect(r.compared).toBeGreaterThan(300);
    // The spread really exercises every status.
    expect([...r.statuses].sort()).toEqual(["临期", "办理中", "已办结", "已终止", "逾期"]);
  });

  it.each(SCENARIOS.map((s) => [s.name]))("%s: the 督办看板 counts what the engine counts", (name) => {
    const { board, noted, lo, engineOf } = results.get(name)!;
    // The one row the refresh reports (a full-width date, no section) is counted under the
    // formula's status; move it to the engine's before comparing.
    const [row] = [...noted];
    const [from, to] = [lo.get(row)!, engineOf.get(row)!];
    expect(from).toBe("办理中");
    const adjusted = board.lo.map((e) => {
      const [key, n] = e.split(":");
      return key === from ? `${key}:${Number(n) - 1}` : key === to ? `${key}:${Number(n) + 1}` : e;
    });
    expect(adjusted).toEqual(board.engine);
    expect(board.engine.length).toBeGreaterThan(20);
  });

  it.each(SCENARIOS.map((s) => [s.name]))("%s: the one row the refresh reports is the full-width date", (name) => {
    const r = results.get(name)!;
    expect(r.noted.size).toBe(1);
    expect(r.mismatches).toHaveLength(1);
  });

  /** LibreOffice's status of the first (plain-deadline) row of the item due `k` days after today. */
  const plain = (scenario: string, k: number) => {
    const r = results.get(scenario)!;
    return r.lo.get(r.rowsOf.get(`事项 ${k}`)![0]);
  };

  it("counts working days across the Spring Festival and its make-up Saturday", () => {
    // From Thu 2026-02-12: Fri 13, Sat 14 (调休上班), then holidays to the 23rd; Tue 24 is the 3rd working day.
    expect(plain("spring-festival-2026", 12)).toBe("临期");
    expect(plain("spring-festival-2026", 13)).toBe("办理中");
  });

  it("uses the 设置 threshold (5个工作日) across Mid-Autumn and National Day", () => {
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
