/**
 * 报告 (issue 13): the semester analysis of the ledger as `duban analysis` gives it — per
 * 督办科室 and in total —, the units that lost 评优评先 eligibility, today's accountability
 * suggestions with a button each to record the measure (logged and undoable), and a button
 * that draws the 督办分析报告 sheet. The figures are read again whenever the pane reads the
 * ledger again (after a write, a reload, a co-author's edit).
 */
import { useEffect, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  makeStyles,
} from "@fluentui/react-components";
import type { LedgerReview } from "../../app/ledger-review";
import { datePeriod, semesterOf, semesterPeriod, type Period, type SemesterKind } from "../../domain/analysis/period";
import type { Suggestion } from "../../domain/accountability/suggest";
import { failure } from "../outcomes";
import type { Outcome } from "../services";
import { operationLabel } from "../../app/operations";
import { REPORT, STRINGS } from "../strings";
import { OutcomeLines, PaneForm, Section, ValueOptions } from "./parts";
import { FigureCard, IneligibleList, SuggestionList } from "./ReportParts";
import type { ViewProps } from "./types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "16px" },
  form: { display: "flex", flexDirection: "column", gap: "8px" },
  pair: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: "4px 8px" },
  hint: { gridColumn: "1 / -1" },
  /** Fluent's Select and Input keep a minimum width wider than half a 320 px pane. */
  narrow: { minWidth: 0, maxWidth: "100%" },
  cards: { display: "flex", flexDirection: "column", gap: "8px" },
  actions: { display: "flex", flexDirection: "column", gap: "4px", alignItems: "flex-start" },
});

interface PeriodDraft {
  readonly by: "semester" | "dates";
  readonly year: number;
  readonly kind: SemesterKind;
  readonly from: string;
  readonly to: string;
}

/** The two ends of a period of dates, each with its own date field. */
const PERIOD_ENDS = ["from", "to"] as const;

/** The period a draft names, or the Chinese line saying what is missing. */
export function periodOfDraft(draft: PeriodDraft): { period: Period } | { problem: string } {
  if (draft.by === "semester") return { period: semesterPeriod(draft.year, draft.kind) };
  if (draft.from === "" || draft.to === "") return { problem: REPORT.datesMissing };
  const result = datePeriod(draft.from, draft.to);
  return result.ok ? { period: result.period } : { problem: result.message };
}

function firstDraft(today: string): PeriodDraft {
  const semester = semesterOf(today);
  return {
    by: "semester",
    year: Number(semester.from.slice(0, 4)),
    kind: semester.from.slice(5, 7) === "02" ? "spring" : "autumn",
    from: semester.from,
    to: semester.to,
  };
}

function PeriodForm(props: {
  readonly draft: PeriodDraft;
  readonly onChange: (draft: PeriodDraft) => void;
  readonly onRun: () => void;
  readonly years: readonly number[];
  readonly disabled: boolean;
}) {
  const styles = useStyles();
  const { draft, onChange } = props;
  return (
    <PaneForm className={styles.form} label={REPORT.periodKind} onSubmit={props.onRun}>
      <RadioGroup
        layout="horizontal"
        aria-label={REPORT.periodKind}
        value={draft.by}
        onChange={(_, d) => onChange({ ...draft, by: d.value as PeriodDraft["by"] })}
      >
        <Radio value="semester" label={REPORT.bySemester} />
        <Radio value="dates" label={REPORT.byDates} />
      </RadioGroup>
      {draft.by === "semester" ? (
        <div className={styles.pair}>
          <Field label={REPORT.year}>
            <Select
              className={styles.narrow}
              value={String(draft.year)}
              onChange={(_, d) => onChange({ ...draft, year: Number(d.value) })}
            >
              <ValueOptions values={props.years} />
            </Select>
          </Field>
          <Field label={REPORT.semester}>
            <Select
              className={styles.narrow}
              value={draft.kind}
              onChange={(_, d) => onChange({ ...draft, kind: d.value as SemesterKind })}
            >
              <option value="spring">{REPORT.spring}</option>
              <option value="autumn">{REPORT.autumn}</option>
            </Select>
          </Field>
          <Caption1 className={styles.hint}>{REPORT.semesterHint}</Caption1>
        </div>
      ) : (
        <div className={styles.pair}>
          {PERIOD_ENDS.map((end) => (
            <Field key={end} label={REPORT[end]}>
              <Input
                className={styles.narrow}
                type="date"
                value={draft[end]}
                onChange={(_, d) => onChange({ ...draft, [end]: d.value })}
              />
            </Field>
          ))}
        </div>
      )}
      <Button type="submit" appearance="primary" disabled={props.disabled}>
        {REPORT.run}
      </Button>
    </PaneForm>
  );
}

/** The years a person may pick: those of the ledger's items and the six before today's. */
function yearsToOffer(today: string, issued: readonly (string | null)[]): number[] {
  const now = Number(today.slice(0, 4));
  const years = new Set<number>([now + 1]);
  for (let y = now; y >= now - 6; y--) years.add(y);
  for (const d of issued) if (d) years.add(Number(d.slice(0, 4)));
  return [...years].sort((a, b) => b - a);
}

function Results({ review, pane }: { readonly review: LedgerReview } & Pick<ViewProps, "pane">) {
  const styles = useStyles();
  const [handler, setHandler] = useState("");
  const { analysis, accountability } = review;
  const { figures } = analysis;
  const busy = pane.busy !== null;
  const record = (s: Suggestion) => {
    if (s.number === null) return;
    const choice = { number: s.number, measure: s.measure, handler: handler.trim() };
    void pane.perform(operationLabel("accountability-record"), () => pane.services.recordMeasure(choice));
  };
  // The sheet's button comes first: toasts at the pane's foot would cover a last button.
  return (
    <>
      <div className={styles.actions}>
        <Button
          disabled={busy}
          onClick={() => {
            const period = analysis.period;
            void pane.perform(operationLabel("analysis-report"), () => pane.services.writeAnalysis(period));
          }}
        >
          {REPORT.writeSheet}
        </Button>
        <Caption1>{REPORT.writeHint}</Caption1>
        {pane.services.mode === "standalone" && <Caption1>{REPORT.standaloneKeep}</Caption1>}
      </div>
      <Section title={REPORT.periodTitle(analysis.period.label)}>
        {figures.total.items === 0 && <Caption1>{REPORT.noItems}</Caption1>}
        <div className={styles.cards} data-testid="figures">
          <FigureCard title={REPORT.total} figures={figures.total} />
          {figures.sections.map((s) => (
            <FigureCard key={s.section} title={s.section} figures={s} />
          ))}
        </div>
        {figures.total.closedAssumedOnTime > 0 && (
          <Caption1>{REPORT.assumed(figures.total.closedAssumedOnTime)}</Caption1>
        )}
        {figures.undated > 0 && <Caption1>{REPORT.undated(figures.undated)}</Caption1>}
      </Section>
      {figures.overdue.length > 0 && (
        <Section title={STRINGS.listTitle(REPORT.overdueTitle, figures.overdue.length)}>
          <OutcomeLines
            lines={figures.overdue.map((o) => REPORT.overdueLine(o.number, o.section, o.workingDaysLate))}
          />
        </Section>
      )}
      <Section title={REPORT.ineligibleTitle}>
        <IneligibleList units={analysis.ineligible} />
      </Section>
      <Section title={STRINGS.listTitle(REPORT.suggestionsTitle, accountability.suggestions.length)}>
        <Caption1>{REPORT.suggestionsIntro}</Caption1>
        {accountability.suggestions.length > 0 && (
          <Field label={REPORT.handler}>
            <Input value={handler} onChange={(_, d) => setHandler(d.value)} />
          </Field>
        )}
        <SuggestionList suggestions={accountability.suggestions} disabled={busy} onRecord={record} />
      </Section>
      {accountability.issues.length > 0 && (
        <Section title={REPORT.logIssues}>
          <OutcomeLines lines={accountability.issues.map((i) => i.message)} />
        </Section>
      )}
    </>
  );
}

export function ReportView({ pane }: ViewProps) {
  const styles = useStyles();
  const today = pane.services.today();
  const [draft, setDraft] = useState<PeriodDraft>(() => firstDraft(today));
  const [period, setPeriod] = useState<Period>(() => semesterOf(today));
  const [review, setReview] = useState<LedgerReview | null>(null);
  const [problem, setProblem] = useState<Outcome | null>(null);
  const [reading, setReading] = useState(false);
  const latest = useRef(0);
  const { services, ledger } = pane;

  // Read again for the period asked, and whenever the pane has read the ledger again.
  useEffect(() => {
    const ask = ++latest.current;
    setReading(true);
    services.review(period).then(
      (r) => {
        if (ask !== latest.current) return;
        setReview(r);
        setProblem(null);
        setReading(false);
      },
      (error: unknown) => {
        if (ask !== latest.current) return;
        setReview(null);
        setProblem(failure(REPORT.failed, error));
        setReading(false);
      },
    );
  }, [services, ledger, period]);

  const run = () => {
    const asked = periodOfDraft(draft);
    if ("problem" in asked) setProblem({ tone: "warning", title: asked.problem, lines: [] });
    else setPeriod(asked.period);
  };
  return (
    <div className={styles.root}>
      <Caption1>{REPORT.intro}</Caption1>
      <PeriodForm
        draft={draft}
        onChange={setDraft}
        onRun={run}
        years={yearsToOffer(today, ledger?.items.map((i) => i.issuedOn) ?? [])}
        disabled={reading}
      />
      {problem && (
        <div role="alert" data-testid="report-problem">
          <Caption1>{problem.title}</Caption1>
          <OutcomeLines lines={problem.lines} />
        </div>
      )}
      {reading && review === null && <Spinner size="small" label={REPORT.reading} />}
      {review && <Results review={review} pane={pane} />}
    </div>
  );
}
