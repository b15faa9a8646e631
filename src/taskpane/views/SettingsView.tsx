/**
 * 设置: the 设置 sheet — 单位名称, 编号前缀, 临期预警工作日, 催办回复工作日, contact, the sections
 * and the leaders (who is a principal leader) — and the calendar overrides of 工作日历.
 */
import { useState } from "react";
import { Button, Caption1, Checkbox, Field, Input, Textarea, makeStyles } from "@fluentui/react-components";
import type { Leader, Settings } from "../../domain/model";
import type { SettingsEdit } from "../../app/settings-edit";
import { STRINGS } from "../strings";
import { CalendarSection } from "./CalendarSection";
import { PaneForm, Section } from "./parts";
import type { ViewProps } from "./types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "20px" },
  form: { display: "flex", flexDirection: "column", gap: "10px" },
  leader: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: "4px 8px", alignItems: "end" },
  leaders: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "10px" },
});

interface Draft {
  orgName: string;
  numberPrefix: string;
  warningDays: string;
  remindReplyDays: string;
  contactPhone: string;
  contactEmail: string;
  sections: string;
  leaders: Leader[];
}

function draftOf(s: Settings): Draft {
  return {
    orgName: s.orgName,
    numberPrefix: s.numberPrefix,
    warningDays: String(s.warningDays),
    remindReplyDays: String(s.remindReplyDays),
    contactPhone: s.contactPhone,
    contactEmail: s.contactEmail,
    sections: s.sections.join("\n"),
    leaders: s.leaders.map((l) => ({ ...l })),
  };
}

/** The edit a draft asks for (day counts that are not whole numbers go through as NaN and are refused). */
export function editOf(d: Draft): SettingsEdit {
  const day = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.trim()));
  return {
    orgName: d.orgName,
    numberPrefix: d.numberPrefix,
    warningDays: day(d.warningDays),
    remindReplyDays: day(d.remindReplyDays),
    contactPhone: d.contactPhone,
    contactEmail: d.contactEmail,
    sections: d.sections.split(/\r?\n/),
    leaders: d.leaders,
  };
}

function SettingsForm({ pane, settings }: Pick<ViewProps, "pane"> & { readonly settings: Settings }) {
  const styles = useStyles();
  const [draft, setDraft] = useState(() => draftOf(settings));
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft({ ...draft, [key]: value });
  const setLeader = (i: number, leader: Leader) => set("leaders")(draft.leaders.map((l, j) => (j === i ? leader : l)));
  const text = (
    key: "orgName" | "numberPrefix" | "warningDays" | "remindReplyDays" | "contactPhone" | "contactEmail",
    label: string,
    type = "text",
  ) => (
    <Field label={label}>
      <Input type={type as "text"} value={draft[key]} onChange={(_, d) => set(key)(d.value)} />
    </Field>
  );
  const save = () => void pane.perform(STRINGS.saveSettings, () => pane.services.saveSettings(editOf(draft)));
  return (
    <PaneForm className={styles.form} label={STRINGS.views.settings} onSubmit={save}>
      {text("orgName", STRINGS.orgName)}
      {text("numberPrefix", STRINGS.numberPrefix)}
      {text("warningDays", STRINGS.warningDays, "number")}
      {text("remindReplyDays", STRINGS.remindReplyDays, "number")}
      {text("contactPhone", STRINGS.contactPhone)}
      {text("contactEmail", STRINGS.contactEmail, "email")}
      <Field label={STRINGS.sections}>
        <Textarea rows={5} value={draft.sections} onChange={(_, d) => set("sections")(d.value)} resize="vertical" />
      </Field>
      <Section title={STRINGS.leaders}>
        <ul className={styles.leaders}>
          {draft.leaders.map((leader, i) => (
            <li key={i} className={styles.leader}>
              <Field label={STRINGS.leaderName}>
                <Input value={leader.name} onChange={(_, d) => setLeader(i, { ...leader, name: d.value })} />
              </Field>
              <Field label={STRINGS.leaderTitle}>
                <Input value={leader.title} onChange={(_, d) => setLeader(i, { ...leader, title: d.value })} />
              </Field>
              <Checkbox
                label={STRINGS.leaderPrincipal}
                checked={leader.principal}
                onChange={(_, d) => setLeader(i, { ...leader, principal: d.checked === true })}
              />
              <Button size="small" onClick={() => set("leaders")(draft.leaders.filter((_, j) => j !== i))}>
                {STRINGS.removeLeader(leader.name)}
              </Button>
            </li>
          ))}
        </ul>
        <Button onClick={() => set("leaders")([...draft.leaders, { name: "", title: "", principal: false }])}>
          {STRINGS.addLeader}
        </Button>
      </Section>
      <Button type="submit" appearance="primary" disabled={pane.busy !== null}>
        {STRINGS.saveSettings}
      </Button>
    </PaneForm>
  );
}

export function SettingsView({ pane }: ViewProps) {
  const styles = useStyles();
  const ledger = pane.ledger;
  if (!ledger) return null;
  return (
    <div className={styles.root}>
      <Caption1>{STRINGS.settingsIntro}</Caption1>
      {ledger.hasSettingsSheet ? (
        // A new key after each read: the form starts again from what the sheet now holds.
        <SettingsForm key={JSON.stringify(ledger.settings)} pane={pane} settings={ledger.settings} />
      ) : (
        <Caption1 role="alert">{STRINGS.noSettingsSheet}</Caption1>
      )}
      <CalendarSection pane={pane} />
    </div>
  );
}
