/** Writing one operation's cells: through the 操作日志 when the port keeps it, plainly otherwise, never an empty write. */
import type { CellWrite } from "../../src/app/port";
import { writeOperation } from "../../src/app/ports/operation-log";
import { grid } from "../domain/grid-helpers";
import { LoggedMemoryPort, MemoryPort } from "./memory-port";

const WRITE: CellWrite = { sheet: "设置", row: 1, col: 1, value: { t: "string", v: "x" }, old: { t: "empty" } };

describe("writeOperation", () => {
  it.each([
    ["a port that keeps the log writes through it", true, [WRITE], true, ["writeLogged:修改设置"]],
    ["a plain port writes plainly", false, [WRITE], false, ["writeCells"]],
    ["nothing to write on a port that keeps the log: no write, still logged", true, [], true, []],
    ["nothing to write on a plain port: no write", false, [], false, []],
  ])("%s", async (_rule, keepsLog, writes, logged, calls) => {
    const sheets = [grid("设置", [["名称"]])];
    const port = keepsLog ? new LoggedMemoryPort(sheets) : new MemoryPort(sheets);
    await expect(writeOperation(port, writes, { kind: "settings" })).resolves.toBe(logged);
    expect(port.calls).toEqual(calls);
  });
});
