/** The calendar overrides of 工作日历: the office's own working days and days off. */
import { useState } from "react";
import { Button, Caption1, Field, Input, Radio, RadioGroup, makeStyles } from "@fluentui/react-components";
import { formatChineseDate } from "../../domain/dates";
import type { PaneState } from "../use-pane";
import { STRINGS } from "../strings";
import { PaneForm, Section } from "./parts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "8px" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  entry: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
});

export function CalendarSection({ pane }: { readonly pane: PaneState }) {
  const styles = useStyles();
  const [date, setDate] = useState("");
  const [working, setWorking] = useState("off");
  const [note, setNote] = useState("");
  const overrides = pane.ledger?.calendarOverrides ?? [];
  const busy = pane.busy !== null;
  const setDay = () =>
    void pane.perform(STRINGS.calendar, () => pane.services.setCalendar({ date, working: working === "work", note }));
  return (
    <Section title={STRINGS.calendar}>
      <Caption1>{STRINGS.calendarIntro}</Caption1>
      {overrides.length === 0 ? (
        <Caption1>{STRINGS.calendarNone}</Caption1>
      ) : (
        <ul className={styles.list}>
          {overrides.map((o) => (
            <li key={o.date} className={styles.entry}>
              <span>
                {formatChineseDate(o.date)} {o.working ? STRINGS.calendarWorking : STRINGS.calendarOff}
                {STRINGS.noteSuffix(o.note ?? "")}
              </span>
              <Button
                size="small"
                disabled={busy}
                onClick={() => void pane.perform(STRINGS.calendar, () => pane.services.clearCalendar(o.date))}
              >
                {STRINGS.calendarRemove(formatChineseDate(o.date))}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <PaneForm className={styles.form} label={STRINGS.calendar} onSubmit={setDay}>
        <Field label={STRINGS.calendarDate} required>
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <RadioGroup
          value={working}
          onChange={(_, d) => setWorking(d.value)}
          layout="horizontal"
          aria-label={STRINGS.calendar}
        >
          <Radio value="off" label={STRINGS.calendarOff} />
          <Radio value="work" label={STRINGS.calendarWorking} />
        </RadioGroup>
        <Field label={STRINGS.calendarNote}>
          <Input value={note} onChange={(_, d) => setNote(d.value)} />
        </Field>
        <Button type="submit" disabled={busy || date === ""}>
          {STRINGS.calendarAdd}
        </Button>
      </PaneForm>
    </Section>
  );
}
