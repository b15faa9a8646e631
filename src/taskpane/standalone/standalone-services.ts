/**
 * The pane's services on the standalone page: the same use cases on an .xlsx in memory. The
 * file itself is never changed — 下载 saves the result as a new file. Undo keeps the workbook
 * as it was before each operation (in memory, for this page only): the standalone workbook has
 * no 操作日志, since a file is not co-authored while it sits in one browser tab.
 *
 * This module and the xlsx adapter load lazily (import()) when a file is opened.
 */
import type { IsoDate } from "../../domain/cell";
import type { DocumentPort } from "../../app/documents";
import { runFix } from "../../app/fix";
import { runNumbering } from "../../app/number";
import { createPaneServices } from "../pane-services";
import type { Outcome, PaneServices } from "../services";
import { metaLabel, operationMeta, type OperationKind, type OperationMeta } from "../../app/operations";
import { OUTCOMES, STRINGS } from "../strings";
import { looksLikeXlsx, type OpenBook, type StandaloneBook } from "./book";
import { openPackageBook } from "./package-book";

/** Operations that only read (no undo step is kept for them). */
const READ_ONLY: ReadonlySet<OperationKind> = new Set<OperationKind>(["read"]);

/**
 * The download name of a processed file: the original name with （已处理）.
 * @example processedName("登记表.xlsx") // "登记表（已处理）.xlsx"
 */
export function processedName(name: string): string {
  const dot = name.toLowerCase().lastIndexOf(".xls");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const bare = stem.endsWith(STRINGS.processedSuffix) ? stem.slice(0, -STRINGS.processedSuffix.length) : stem;
  return STRINGS.processedName(bare);
}

/** The workbook of the page, with its undo steps. */
class StandaloneSession {
  private readonly steps: { operation: string; bytes: Uint8Array }[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    public book: StandaloneBook,
    private readonly name: string,
    private readonly open: OpenBook,
  ) {}

  /** Runs operations one after the other; a failed write operation leaves the workbook as before. */
  run<T>(op: OperationKind | OperationMeta, fn: (port: DocumentPort) => Promise<T>): Promise<T> {
    const meta = operationMeta(op);
    const operation = metaLabel(meta);
    const next = this.queue.then(async () => {
      if (READ_ONLY.has(meta.kind)) return fn(this.book.port);
      const before = await this.book.toBytes();
      try {
        const result = await fn(this.book.port);
        this.steps.push({ operation, bytes: before });
        return result;
      } catch (error) {
        this.book = await this.open(before, this.name);
        throw error;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async undo(): Promise<Outcome> {
    const step = this.steps.pop();
    if (!step) return { tone: "info", title: OUTCOMES.nothingToUndo, lines: [] };
    this.book = await this.open(step.bytes, this.name);
    return { tone: "success", title: OUTCOMES.undone(step.operation), lines: [STRINGS.standaloneUndoNote] };
  }
}

/**
 * Opens a picked file and gives the pane's services on it.
 * @example const services = await openStandalone(bytes, "登记表.xlsx", () => "2026-12-02")
 */
export async function openStandalone(
  bytes: Uint8Array,
  name: string,
  today: () => IsoDate,
  open: OpenBook = openPackageBook,
): Promise<PaneServices> {
  if (!looksLikeXlsx(bytes)) throw new Error(STRINGS.notXlsx(name));
  const session = new StandaloneSession(await open(bytes, name), name, open);
  return createPaneServices<DocumentPort>({
    mode: "standalone",
    source: name,
    today,
    run: (operation, fn) => session.run(operation, fn),
    setupTarget: () => session.book.setup,
    warnings: () => [],
    number: (port, day) => runNumbering(port, day),
    undo: () => session.undo(),
    fix: (port, day, only) => runFix(port, day, only ? { only } : {}),
    select: null,
    followSelection: null,
    watch: null,
    download: async () => ({
      name: processedName(name),
      bytes: await session.book.toBytes(),
      losses: session.book.losses(),
    }),
  });
}
