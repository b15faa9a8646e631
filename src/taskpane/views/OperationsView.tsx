/**
 * 操作: 编号, 刷新红黄绿灯, 撤销上次操作 over the whole registry, with progress; one operation at
 * a time (buttons are disabled while one runs); on the standalone page, 下载.
 */
import { Button, Caption1, ProgressBar, Text, makeStyles } from "@fluentui/react-components";
import { saveBytes } from "../download";
import type { Outcome } from "../services";
import { STRINGS } from "../strings";
import { OutcomeLines, Section } from "./parts";
import type { ViewProps } from "./types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "16px" },
  action: { display: "flex", flexDirection: "column", gap: "4px", alignItems: "flex-start" },
});

function LastOutcome({ outcome }: { readonly outcome: Outcome }) {
  return (
    <Section title={STRINGS.lastOutcome}>
      <Text weight="semibold" data-testid="last-outcome">
        {outcome.title}
      </Text>
      <OutcomeLines lines={outcome.lines} />
    </Section>
  );
}

export function OperationsView({ pane }: ViewProps) {
  const styles = useStyles();
  const { services, busy } = pane;
  const download = services.download;
  const actions: { label: string; hint: string; run: () => Promise<Outcome>; primary?: boolean }[] = [
    { label: STRINGS.number, hint: STRINGS.numberHint, run: services.number, primary: true },
    { label: STRINGS.refresh, hint: STRINGS.refreshHint, run: services.refresh },
    { label: STRINGS.undo, hint: STRINGS.undoHint, run: services.undo },
  ];
  return (
    <div className={styles.root}>
      <Caption1>{STRINGS.operationsIntro}</Caption1>
      {busy !== null && <ProgressBar aria-label={STRINGS.running(busy)} thickness="large" />}
      {busy !== null && <Text role="status">{STRINGS.running(busy)}</Text>}
      {actions.map((a) => (
        <div key={a.label} className={styles.action}>
          <Button
            appearance={a.primary ? "primary" : "secondary"}
            disabled={busy !== null}
            onClick={() => void pane.perform(a.label, a.run)}
          >
            {a.label}
          </Button>
          <Caption1>{a.hint}</Caption1>
        </div>
      ))}
      {download && (
        <div className={styles.action}>
          <Button
            disabled={busy !== null}
            onClick={() =>
              void pane.perform(STRINGS.download, async () => {
                const file = await download();
                saveBytes(file.bytes, file.name);
                return file.losses.length === 0
                  ? { tone: "success", title: STRINGS.downloaded(file.name), lines: [] }
                  : { tone: "warning", title: STRINGS.downloadedWithLosses(file.name), lines: file.losses };
              })
            }
          >
            {STRINGS.download}
          </Button>
          <Caption1>{STRINGS.downloadHint}</Caption1>
        </div>
      )}
      {pane.outcome && <LastOutcome outcome={pane.outcome} />}
    </div>
  );
}
