/*
 * The ribbon commands' result dialog: the title and lines of an outcome, set as text (never
 * markup), and a 关闭 button that tells the command to close the dialog.
 */
import { DIALOG, STRINGS } from "../taskpane/strings";
import { outcomeFromSearch } from "./dialog-url";

const TONE_COLOURS = { success: "#107c10", info: "#0f6cbd", warning: "#bc4b09", error: "#c50f1f" } as const;

function render(): void {
  const root = document.getElementById("container");
  if (!root) return;
  const outcome = outcomeFromSearch(window.location.search) ?? {
    tone: "info" as const,
    title: STRINGS.appTitle,
    lines: [DIALOG.empty],
  };
  const title = document.createElement("h1");
  title.textContent = outcome.title;
  title.style.cssText = `font-size:16px;margin:0 0 8px;color:${TONE_COLOURS[outcome.tone]}`;
  root.appendChild(title);
  if (outcome.lines.length > 0) {
    const list = document.createElement("ul");
    list.style.cssText = "margin:0 0 12px;padding-left:18px;font-size:13px";
    for (const line of outcome.lines) {
      const li = document.createElement("li");
      li.textContent = line;
      list.appendChild(li);
    }
    root.appendChild(list);
  }
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = DIALOG.close;
  button.style.cssText = "font:inherit;padding:4px 16px";
  button.addEventListener("click", () => {
    try {
      Office.context.ui.messageParent("close");
    } catch {
      window.close();
    }
  });
  root.appendChild(button);
}

render();
if (typeof Office !== "undefined") void Office.onReady();
