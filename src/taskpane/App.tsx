/**
 * The task pane: a header, then — inside Excel — the pane on the open workbook; outside Excel,
 * the standalone page (pick or drop an .xlsx, then the same pane on it).
 */
import { useState } from "react";
import { Body1, Button, Caption1, Title2, makeStyles, tokens } from "@fluentui/react-components";
import type { HostInfo } from "./host-info";
import { Pane } from "./Pane";
import type { PaneServices } from "./services";
import { StandaloneStart } from "./StandaloneStart";
import { STRINGS } from "./strings";
import { TitledMessage } from "./views/parts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "10px",
    padding: "12px",
    minHeight: "100vh",
    boxSizing: "border-box",
    maxWidth: "720px",
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: "8px",
  },
});

export interface AppProps {
  readonly host: HostInfo | null;
  /** The services on the open workbook (inside Excel). */
  readonly services?: PaneServices;
  /** Opens a picked file on the standalone page. */
  readonly openFile?: (bytes: Uint8Array, name: string) => Promise<PaneServices>;
}

function Standalone({
  host,
  openFile,
}: {
  readonly host: Extract<HostInfo, { mode: "standalone" }>;
  readonly openFile?: AppProps["openFile"];
}) {
  const [services, setServices] = useState<PaneServices | null>(null);
  if (services) {
    return (
      <Pane
        key={services.source}
        services={services}
        extra={
          <Button size="small" appearance="subtle" onClick={() => setServices(null)}>
            {STRINGS.openAnother}
          </Button>
        }
      />
    );
  }
  return (
    <>
      <TitledMessage intent="info" testId="standalone" title={STRINGS.standaloneTitle}>
        {STRINGS.standalone[host.reason]}
        {host.host ? STRINGS.hostLabel(host.host) : ""}
      </TitledMessage>
      {openFile && <StandaloneStart onOpen={async (bytes, name) => setServices(await openFile(bytes, name))} />}
    </>
  );
}

export function App({ host, services, openFile }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1">{STRINGS.appTitle}</Title2>
        <Caption1>{STRINGS.appSubtitle}</Caption1>
      </header>
      {host === null && <Body1 role="status">{STRINGS.loading}</Body1>}
      {host?.mode === "excel" && services && <Pane services={services} />}
      {host?.mode === "standalone" && <Standalone host={host} openFile={openFile} />}
    </main>
  );
}
