/*
 * Ribbon function file. 检查, 编号 and 刷新红黄绿灯 run from the ribbon without the task pane
 * (ExecuteFunction): each runs its use case through the Office adapter (logged like the pane's,
 * so 撤销上次操作 in the pane takes it back), then shows what it did in a small dialog
 * (dialog.html). The command ends (event.completed) when the person closes the dialog.
 */
import { OfficeWorkbook } from "../adapters/office/office-workbook";
import { runCheck } from "../app/check";
import { numberCoauthored } from "../app/number-coauthored";
import { runRefresh } from "../app/refresh";
import { localIsoDate } from "../taskpane/local-today";
import { attempt, checkOutcome, numberOutcome, refreshOutcome } from "../taskpane/outcomes";
import type { Outcome } from "../taskpane/services";
import { OUTCOMES } from "../taskpane/strings";
import { COMMAND_NAMES, dialogUrl } from "./dialog-url";

const office = new OfficeWorkbook();
const today = () => localIsoDate(new Date());

const COMMANDS: Readonly<Record<keyof typeof COMMAND_NAMES, () => Promise<Outcome>>> = {
  dubanCheck: () =>
    attempt(OUTCOMES.failed.check, async () => {
      const result = await office.operation("check", (s) => runCheck(s, today()));
      return checkOutcome(result.issues, result.rows);
    }),
  dubanNumber: () =>
    attempt(OUTCOMES.failed.number, async () => {
      const { assigned, clashes } = await office.operation("number", (s) => numberCoauthored(s, today()));
      return numberOutcome(assigned, clashes);
    }),
  dubanRefresh: () =>
    attempt(OUTCOMES.failed.refresh, async () => {
      const { result, warnings } = await office.operation("refresh", async (s) => ({
        result: await runRefresh(s, s, today()),
        warnings: s.warnings,
      }));
      return refreshOutcome(result, warnings);
    }),
};

/** Shows an outcome in a dialog; resolves when the person closes it (or at once if Office cannot show one). */
function showOutcome(outcome: Outcome): Promise<void> {
  return new Promise((resolve) => {
    try {
      Office.context.ui.displayDialogAsync(dialogUrl(window.location.href, outcome), { height: 45, width: 30 }, (r) => {
        if (r.status !== Office.AsyncResultStatus.Succeeded) return resolve();
        const dialog = r.value;
        const close = () => {
          dialog.close();
          resolve();
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      });
    } catch {
      resolve();
    }
  });
}

function command(run: () => Promise<Outcome>) {
  return async (event: Office.AddinCommands.Event) => {
    await showOutcome(await run());
    event.completed();
  };
}

Office.onReady(() => {
  for (const name of Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]) {
    const fn = command(COMMANDS[name]);
    // Office.actions.associate where the host has it; a global function for older hosts.
    (window as unknown as Record<string, unknown>)[name] = fn;
    if (Office.actions?.associate) Office.actions.associate(name, fn);
  }
});
