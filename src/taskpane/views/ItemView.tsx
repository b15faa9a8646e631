/**
 * 当前事项: the item at Excel's selection (or the one clicked, or picked on the standalone page):
 * its status and working days, its documents, and 销号 / 延期 / 终止 — each a logged, undoable
 * write that the checks verify at once.
 */
import { useState } from "react";
import { Button, Caption1, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { LedgerItem } from "../../app/ledger-snapshot";
import type { DocumentKindChoice } from "../services";
import { STRINGS } from "../strings";
import { ItemActionForm, type ActionKind } from "./ItemActionForm";
import { Section, StatusBadge, itemContent, shortDate } from "./parts";
import type { ViewProps } from "./types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "16px" },
  head: { display: "flex", gap: "8px", alignItems: "baseline", flexWrap: "wrap" },
  fields: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: "10px", rowGap: "2px", margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px" },
  /** Fluent's Select keeps a minimum width wider than a 320 px pane. */
  select: { minWidth: 0, maxWidth: "100%" },
});

const DOCUMENTS: readonly { kind: DocumentKindChoice; label: string }[] = [
  { kind: "notice", label: STRINGS.notice },
  { kind: "report", label: STRINGS.report },
  { kind: "remind", label: STRINGS.remind },
];

function Details({ item }: { readonly item: LedgerItem }) {
  const styles = useStyles();
  const rows: [string, string][] = [
    [STRINGS.columns.content, itemContent(item)],
    [STRINGS.columns.section, item.section || "—"],
    [STRINGS.columns.hostUnit, item.hostUnit || "—"],
    [STRINGS.itemFields.issuedOn, shortDate(item.issuedOn)],
    [STRINGS.itemFields.dueOn, shortDate(item.dueOn)],
    ...(item.extendedTo ? ([[STRINGS.itemFields.extendedTo, shortDate(item.extendedTo)]] as [string, string][]) : []),
    [STRINGS.columns.daysLeft, STRINGS.daysLeft(item.workingDaysLeft)],
    ...(item.closedOn ? ([[STRINGS.itemFields.closedOn, shortDate(item.closedOn)]] as [string, string][]) : []),
    ...(item.result ? ([[STRINGS.itemFields.result, item.result]] as [string, string][]) : []),
    ...(item.extensionApprover ? ([[STRINGS.itemFields.approver, item.extensionApprover]] as [string, string][]) : []),
  ];
  return (
    <dl className={styles.fields}>
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The standalone page has no selection: a list to pick the item from. */
function Picker({ pane }: Pick<ViewProps, "pane">) {
  const styles = useStyles();
  const items = pane.ledger?.items ?? [];
  const several = (pane.ledger?.ledgerSheets.length ?? 1) > 1;
  const value = pane.current ? `${pane.current.sheet}\u0000${pane.current.row}` : "";
  return (
    <Field label={STRINGS.itemPick}>
      <Select
        className={styles.select}
        value={value}
        onChange={(_, d) => {
          const [sheet, row] = d.value.split("\u0000");
          if (sheet) pane.show({ sheet, row: Number(row) });
        }}
      >
        <option value="">—</option>
        {items.map((i) => (
          <option key={`${i.sheet}:${i.row}`} value={`${i.sheet}\u0000${i.row}`}>
            {`${several ? STRINGS.otherSheet(i.sheet, i.row) : STRINGS.rowLabel(i.row)} ${i.number || STRINGS.unnumbered} ${itemContent(i).slice(0, 24)}`}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function ItemView({ pane }: ViewProps) {
  const styles = useStyles();
  const [form, setForm] = useState<ActionKind | null>(null);
  const item = pane.currentItem;
  const standalone = pane.services.mode === "standalone";
  const busy = pane.busy !== null;
  const finished = item !== null && (item.status === "已办结" || item.status === "已终止");
  return (
    <div className={styles.root}>
      {standalone && <Picker pane={pane} />}
      {item === null ? (
        <Caption1>{standalone ? STRINGS.itemNoneStandalone : STRINGS.itemNone}</Caption1>
      ) : (
        <>
          <div className={styles.head}>
            <Text size={500} weight="semibold">
              {item.number || STRINGS.unnumbered}
            </Text>
            <StatusBadge status={item.status} />
            <Caption1>
              {STRINGS.itemPlace(
                (pane.ledger?.ledgerSheets.length ?? 1) > 1 ? item.sheet : null,
                item.row,
                item.lastRow,
              )}
            </Caption1>
          </div>
          <Details item={item} />
          <Section title={STRINGS.documents}>
            {item.number === "" && <Caption1>{STRINGS.documentNeedsNumber}</Caption1>}
            <div className={styles.buttons}>
              {DOCUMENTS.map((d) => (
                <Button
                  key={d.kind}
                  disabled={busy || item.number === ""}
                  onClick={() => void pane.perform(d.label, () => pane.services.document(d.kind, item.number))}
                >
                  {d.label}
                </Button>
              ))}
            </div>
          </Section>
          <Section title={`${STRINGS.close} / ${STRINGS.extend} / ${STRINGS.terminate}`}>
            {finished ? (
              <Caption1>{STRINGS.itemClosedAlready}</Caption1>
            ) : (
              <>
                <div className={styles.buttons}>
                  {(["close", "extend", "terminate"] as const).map((kind) => (
                    <Button
                      key={kind}
                      appearance={form === kind ? "primary" : "secondary"}
                      aria-pressed={form === kind}
                      disabled={busy}
                      onClick={() => setForm(form === kind ? null : kind)}
                    >
                      {STRINGS[kind]}
                    </Button>
                  ))}
                </div>
                {form && (
                  <ItemActionForm
                    key={`${form}:${item.sheet}:${item.row}`}
                    kind={form}
                    item={item}
                    pane={pane}
                    onDone={() => setForm(null)}
                  />
                )}
              </>
            )}
          </Section>
        </>
      )}
    </div>
  );
}
