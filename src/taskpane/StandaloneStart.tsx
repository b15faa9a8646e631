/**
 * The standalone page's start: pick or drop an .xlsx. The file is read in the browser only; the
 * xlsx adapter loads (a lazy chunk) when a file is opened.
 */
import { useRef, useState, type DragEvent } from "react";
import { Button, Caption1, Spinner, makeStyles, shorthands, tokens } from "@fluentui/react-components";
import { failure } from "./outcomes";
import type { Outcome } from "./services";
import { STRINGS } from "./strings";
import { TitledMessage } from "./views/parts";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: "8px",
    padding: "20px 12px",
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: "center",
  },
  active: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: "none" },
});

export interface StandaloneStartProps {
  /** Opens the picked file (loads the standalone chunk). */
  readonly onOpen: (bytes: Uint8Array, name: string) => Promise<void>;
}

export function StandaloneStart({ onOpen }: StandaloneStartProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<Outcome | null>(null);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setOpening(file.name);
    setError(null);
    try {
      await onOpen(new Uint8Array(await file.arrayBuffer()), file.name);
    } catch (e) {
      setError(failure(STRINGS.openFailed, e));
    } finally {
      setOpening(null);
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void open(e.dataTransfer.files[0]);
  };
  return (
    <>
      <Caption1>{STRINGS.standaloneIntro}</Caption1>
      <div
        className={over ? `${styles.zone} ${styles.active}` : styles.zone}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        role="region"
        aria-label={STRINGS.dropZoneLabel}
        data-testid="drop-zone"
      >
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={opening !== null}>
          {STRINGS.pickFile}
        </Button>
        <Caption1>{STRINGS.dropHere}</Caption1>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="file-input"
          aria-label={STRINGS.pickFile}
          onChange={(e) => void open(e.target.files?.[0])}
        />
      </div>
      {opening && <Spinner size="small" label={STRINGS.opening(opening)} />}
      {error && (
        <TitledMessage intent="error" testId="open-error" title={error.title}>
          {error.lines.join(" ")}
        </TitledMessage>
      )}
    </>
  );
}
