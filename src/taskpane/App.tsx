import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { HostInfo } from "./host-info";
import type { PaneActions } from "./pane-actions";
import { Workbench } from "./Workbench";
import { STRINGS } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "16px",
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: "12px",
  },
});

export interface AppProps {
  readonly host: HostInfo | null;
  /** What the pane can do in this workbook (inside Excel). */
  readonly actions?: PaneActions;
}

/** The task pane: a header, the mode the pane runs in, and inside Excel the workbench. */
export function App({ host, actions }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1">{STRINGS.appTitle}</Title2>
        <Caption1>{STRINGS.appSubtitle}</Caption1>
      </header>
      {host === null && <Body1 role="status">{STRINGS.loading}</Body1>}
      {host?.mode === "excel" && (
        <MessageBar intent="success">
          <MessageBarBody>
            {STRINGS.excelReady}
            {host.platform ? `（${STRINGS.platformLabel}：${host.platform}）` : ""}
          </MessageBarBody>
        </MessageBar>
      )}
      {host?.mode === "excel" && actions && <Workbench actions={actions} />}
      {host?.mode === "standalone" && (
        <MessageBar intent="warning" data-testid="standalone">
          <MessageBarBody>
            <MessageBarTitle>{STRINGS.standaloneTitle}</MessageBarTitle>
            {STRINGS.standalone[host.reason]}
            {host.host ? `（${STRINGS.hostLabel}：${host.host}）` : ""}
            <div>{STRINGS.standaloneHint}</div>
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
