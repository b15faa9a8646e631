/**
 * The working pane: header (what it works on, today), the views as tabs, the last failure as a
 * MessageBar saying what to do, and a toast after each successful write offering 撤销.
 */
import { useRef, useState, type ReactNode } from "react";
import {
  Button,
  Caption1,
  Link,
  Spinner,
  Toast,
  ToastBody,
  ToastTitle,
  Toaster,
  makeStyles,
  useId,
  useToastController,
} from "@fluentui/react-components";
import { formatChineseDate } from "../domain/dates";
import { STRINGS } from "./strings";
import type { Outcome, PaneServices } from "./services";
import { usePane, type PaneState } from "./use-pane";
import { VIEWS, type ViewId } from "./views";
import { ViewTabs } from "./ViewTabs";
import { OutcomeLines, TitledMessage } from "./views/parts";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: "4px 12px", alignItems: "center" },
  panel: { paddingTop: "12px", paddingBottom: "48px" },
});

function OutcomeBar({ outcome, onDismiss }: { readonly outcome: Outcome; readonly onDismiss: () => void }) {
  return (
    <TitledMessage
      intent={outcome.tone}
      testId="outcome"
      title={outcome.title}
      actions={
        <Button size="small" onClick={onDismiss}>
          {STRINGS.dismiss}
        </Button>
      }
    >
      <OutcomeLines lines={outcome.lines} />
    </TitledMessage>
  );
}

function LiveLine({ pane }: { readonly pane: PaneState }) {
  const live = pane.live;
  if (!live) return null;
  return (
    <Caption1 role="status" data-testid="live">
      {live.errors + live.warnings === 0 ? STRINGS.liveClean : STRINGS.live(live.errors, live.warnings)}
      {live.source !== "local" ? STRINGS.liveRemote : ""}
    </Caption1>
  );
}

export function Pane({ services, extra }: { readonly services: PaneServices; readonly extra?: ReactNode }) {
  const styles = useStyles();
  const toasterId = useId("toaster");
  const { dispatchToast } = useToastController(toasterId);
  const [view, setView] = useState<ViewId>("overview");
  const undoRef = useRef<() => void>(() => undefined);
  const pane = usePane(services, (outcome) => {
    if (outcome.tone !== "success" && outcome.tone !== "info") return;
    dispatchToast(
      <Toast>
        <ToastTitle
          action={
            outcome.undoable ? (
              <Link onClick={() => undoRef.current()} data-testid="toast-undo">
                {STRINGS.toastUndo}
              </Link>
            ) : undefined
          }
        >
          {outcome.title}
        </ToastTitle>
        {outcome.lines.length > 0 && <ToastBody>{STRINGS.joinLines(outcome.lines.slice(0, 3))}</ToastBody>}
      </Toast>,
      { intent: outcome.tone, timeout: 8000 },
    );
  });
  undoRef.current = () => void pane.perform(STRINGS.undo, services.undo);
  const failed =
    pane.outcome && (pane.outcome.tone === "error" || pane.outcome.tone === "warning") ? pane.outcome : null;
  const Current = VIEWS.find((v) => v.id === view)?.Component ?? VIEWS[0].Component;
  return (
    <>
      <div className={styles.bar}>
        <Caption1>{STRINGS.sourceLine(services.source, formatChineseDate(services.today()))}</Caption1>
        <Button
          size="small"
          appearance="subtle"
          disabled={pane.loading || pane.busy !== null}
          onClick={() => void pane.reload()}
        >
          {STRINGS.reload}
        </Button>
        {extra}
      </div>
      <LiveLine pane={pane} />
      {failed && <OutcomeBar outcome={failed} onDismiss={pane.dismissOutcome} />}
      {pane.loadError && <OutcomeBar outcome={pane.loadError} onDismiss={() => void pane.reload()} />}
      {pane.ledger === null && pane.loading && <Spinner size="small" label={STRINGS.reading} />}
      {pane.ledger && (
        <>
          <ViewTabs views={VIEWS} selected={view} onSelect={setView} label={STRINGS.viewsLabel} panelId="pane-view" />
          <div className={styles.panel} role="tabpanel" id="pane-view" aria-labelledby={`tab-${view}`}>
            <Current pane={pane} goTo={setView} />
          </div>
        </>
      )}
      <Toaster toasterId={toasterId} position="bottom" />
    </>
  );
}
