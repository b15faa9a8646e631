import { useEffect, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  makeStyles,
} from "@fluentui/react-components";
import type { LiveSummary } from "./live-summary";
import type { ActionOutcome, DocumentKindChoice, PaneActions } from "./pane-actions";
import { STRINGS } from "./strings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px" },
  lines: { margin: "4px 0 0", paddingLeft: "18px", maxHeight: "320px", overflowY: "auto" },
});

export interface WorkbenchProps {
  readonly actions: PaneActions;
}

/** The pane's work area: registry actions, documents by number, and the last outcome. */
export function Workbench({ actions }: WorkbenchProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const [number, setNumber] = useState("");
  const [live, setLive] = useState<LiveSummary | null>(null);
  useEffect(() => actions.watch?.(setLive), [actions]);

  const run = async (label: string, action: () => Promise<ActionOutcome>) => {
    setBusy(label);
    setOutcome(null);
    try {
      setOutcome(await action());
    } finally {
      setBusy(null);
    }
  };
  const doc = (kind: DocumentKindChoice, label: string) => () => run(label, () => actions.document(kind, number));
  const refresh = actions.refresh;

  return (
    <>
      <section className={styles.section} aria-label={STRINGS.registrySection}>
        <Subtitle2 as="h2">{STRINGS.registrySection}</Subtitle2>
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={busy !== null} onClick={() => run(STRINGS.check, actions.check)}>
            {STRINGS.check}
          </Button>
          <Button disabled={busy !== null} onClick={() => run(STRINGS.number, actions.number)}>
            {STRINGS.number}
          </Button>
          {refresh && (
            <Button disabled={busy !== null} onClick={() => run(STRINGS.refresh, refresh)}>
              {STRINGS.refresh}
            </Button>
          )}
          <Button disabled={busy !== null} onClick={() => run(STRINGS.undo, actions.undo)}>
            {STRINGS.undo}
          </Button>
        </div>
      </section>
      <section className={styles.section} aria-label={STRINGS.documentSection}>
        <Subtitle2 as="h2">{STRINGS.documentSection}</Subtitle2>
        <Field label={STRINGS.numberLabel} hint={STRINGS.numberHint}>
          <Input value={number} onChange={(_, d) => setNumber(d.value)} placeholder="〔2026〕3号" />
        </Field>
        <div className={styles.buttons}>
          <Button disabled={busy !== null} onClick={doc("notice", STRINGS.notice)}>
            {STRINGS.notice}
          </Button>
          <Button disabled={busy !== null} onClick={doc("report", STRINGS.report)}>
            {STRINGS.report}
          </Button>
          <Button disabled={busy !== null} onClick={doc("remind", STRINGS.remind)}>
            {STRINGS.remind}
          </Button>
        </div>
      </section>
      {live && (
        <Caption1 role="status" data-testid="live">
          {live.errors + live.warnings === 0
            ? STRINGS.liveClean
            : `${STRINGS.livePrefix}错误 ${live.errors} 条，警告 ${live.warnings} 条`}
          {live.source !== "local" ? STRINGS.liveRemote : ""}
        </Caption1>
      )}
      {busy !== null && <Spinner size="small" label={`${busy}${STRINGS.running}`} />}
      {outcome && (
        <MessageBar intent={outcome.tone} data-testid="outcome">
          <MessageBarBody>
            <MessageBarTitle>{outcome.title}</MessageBarTitle>
            {outcome.lines.length > 0 && (
              <ul className={styles.lines}>
                {outcome.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
