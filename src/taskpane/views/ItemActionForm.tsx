/** The forms of 销号 (办结日期, 督办结果), 延期 (延期至, 批准人) and 终止 (批准人). */
import { useState } from "react";
import { Button, Caption1, Field, Input, Select, makeStyles } from "@fluentui/react-components";
import type { LedgerItem } from "../../app/ledger-snapshot";
import type { ItemAction } from "../../app/item-actions";
import { CLOSING_RESULTS, suggestClosingResult } from "../../domain/closing";
import type { PaneState } from "../use-pane";
import { STRINGS } from "../strings";
import { PaneForm, ValueOptions } from "./parts";

export type ActionKind = ItemAction["kind"];

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "8px" },
  buttons: { display: "flex", gap: "8px" },
});

function ApproverField(props: {
  readonly label: string;
  readonly names: readonly string[];
  readonly value: string;
  readonly onChange: (name: string) => void;
}) {
  return (
    <Field label={props.label} required>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <ValueOptions values={props.names} />
      </Select>
    </Field>
  );
}

/** 办结日期 and 督办结果 (a closing word, suggested from the dates until one is chosen). */
function CloseFields(props: {
  readonly closedOn: string;
  readonly onClosedOn: (date: string) => void;
  readonly result: string;
  readonly onResult: (result: string) => void;
}) {
  return (
    <>
      <Field label={STRINGS.closedOn} required>
        <Input type="date" value={props.closedOn} onChange={(_, d) => props.onClosedOn(d.value)} />
      </Field>
      <Field label={STRINGS.result} required>
        <Select value={props.result} onChange={(_, d) => props.onResult(d.value)}>
          <ValueOptions values={CLOSING_RESULTS} />
        </Select>
      </Field>
    </>
  );
}

export function ItemActionForm(props: {
  readonly kind: ActionKind;
  readonly item: LedgerItem;
  readonly pane: PaneState;
  readonly onDone: () => void;
}) {
  const styles = useStyles();
  const { kind, item, pane } = props;
  const today = pane.services.today();
  const principals = (pane.ledger?.settings.leaders ?? []).filter((l) => l.principal).map((l) => l.name);
  const [closedOn, setClosedOn] = useState(today);
  const [result, setResult] = useState<string | null>(null);
  const [extendedTo, setExtendedTo] = useState("");
  const [approver, setApprover] = useState(principals[0] ?? "");
  const suggested = suggestClosingResult(item, closedOn || today);
  const ref = { sheet: item.sheet, row: item.row };

  if (kind !== "close" && principals.length === 0) return <Caption1 role="alert">{STRINGS.noPrincipal}</Caption1>;

  const action: ItemAction =
    kind === "close"
      ? { kind, ...ref, closedOn, result: result ?? suggested }
      : kind === "extend"
        ? { kind, ...ref, extendedTo, approver }
        : { kind, ...ref, approver };
  const label = STRINGS[kind];
  const submit = async () => {
    const outcome = await pane.perform(label, () => pane.services.itemAction(action));
    if (outcome && outcome.tone !== "error") props.onDone();
  };
  return (
    <PaneForm className={styles.form} label={STRINGS[`${kind}Title`]} onSubmit={() => void submit()}>
      {kind === "close" && (
        <CloseFields closedOn={closedOn} onClosedOn={setClosedOn} result={result ?? suggested} onResult={setResult} />
      )}
      {kind === "extend" && (
        <>
          <Field label={STRINGS.extendedTo} required>
            <Input type="date" value={extendedTo} onChange={(_, d) => setExtendedTo(d.value)} />
          </Field>
          <ApproverField label={STRINGS.approver} names={principals} value={approver} onChange={setApprover} />
        </>
      )}
      {kind === "terminate" && (
        <>
          <Caption1>{STRINGS.terminateConfirm}</Caption1>
          <ApproverField label={STRINGS.terminateApprover} names={principals} value={approver} onChange={setApprover} />
        </>
      )}
      <div className={styles.buttons}>
        <Button
          type="submit"
          appearance="primary"
          disabled={pane.busy !== null || (kind === "extend" && extendedTo === "")}
        >
          {STRINGS.submit}
          {label}
        </Button>
        <Button type="button" onClick={props.onDone}>
          {STRINGS.cancel}
        </Button>
      </div>
    </PaneForm>
  );
}
