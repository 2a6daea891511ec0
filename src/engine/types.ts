// The shapes shared by rules, the engine and the renderers. The AuditReport is
// the engine's only output and the renderers' only input; its JSON form is a
// documented, versioned contract (see docs in README "JSON report").
import type { Org } from '../model/schema';
import type { Perception } from './resolve';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** The weights OpenSSF Scorecard gives its check risk levels. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 7.5, medium: 5, low: 2.5 };

export const CATEGORIES = {
  leadership: 'Leadership',
  strategy: 'Strategy',
  process: 'Process',
  people: 'People',
  enablement: 'Enablement',
  compensation: 'Compensation',
} as const;
export type Category = keyof typeof CATEGORIES;

/**
 * Rules presented together in the report under one heading, as one review a
 * sales leader would hold (id -> heading). A rule names its group in its
 * definition; the report carries it on the rule's result, so renderers only
 * render it.
 */
export const RULE_GROUPS = {
  compensation: 'Compensation review',
} as const;
export type RuleGroup = keyof typeof RULE_GROUPS;

export const EFFORTS = ['low', 'medium', 'high'] as const;
export type Effort = (typeof EFFORTS)[number];

/**
 * A rule's verdict. `not-assessed`: it applies but nothing it needs is known;
 * `not-applicable`: known facts say it does not apply (it leaves the
 * denominator); pass, partial and fail judge what is known (see `coverage`),
 * except that `pass` needs the points earned at the pass bar too: a rule whose
 * known checks pass but whose unknowns hold its points under the bar is
 * `incomplete` (never "pass" beside a low score).
 */
export const STATUSES = ['pass', 'partial', 'fail', 'incomplete', 'not-assessed', 'not-applicable', 'waived', 'error', 'off'] as const;
export type Status = (typeof STATUSES)[number];

export type Data = Record<string, string | number>;
/** What a rule may pass as data: undefined entries are dropped. */
export type DataIn = Record<string, string | number | undefined>;

/** A remediation step as data; the action may use {placeholders} from the step's data. */
export interface StepDef {
  action: string;
  /** The role that should own the step (CEO, Sales manager, Finance, Marketing...). */
  owner: string;
  effort: Effort;
}

export interface FindingOut<M extends string> {
  message: M;
  data?: Data;
  /** Fact paths that are the evidence (the first is the primary location). */
  paths: string[];
  /** Option names whose values and sources the report shows beside the finding. */
  thresholds?: string[];
  /** An informational note (a risk, not a failure): it does not count as a finding. */
  note?: boolean;
  /**
   * How far the fact misses, from 0 (just) to 1 (entirely). A near miss (up to
   * NEAR_MISS) is reported one severity lower than the rule's. Without it, a
   * finding of a rule that passes on what is known counts as a near miss.
   */
  gap?: number;
  /**
   * How far the fact is from the target, from 0 (just) to 1 (entirely), for
   * order only: a summary of many people's findings names the widest miss
   * first, and the rule's steps follow that order. Unlike `gap` it leaves the
   * severity alone (a rule whose severities are its own bands, such as
   * selling-time's failBelow and passAbove). `gap`, when given, is the order.
   */
  shortfall?: number;
}

export interface StepOut<S extends string> {
  step: S;
  data?: Data;
  paths?: string[];
  /** An alternative to the step before it (either one closes the gap): the checklist marks it "or". */
  or?: boolean;
}

/**
 * One check of a rule: one person, stage, plan element, friction point or
 * policy. The engine adds the checks up (see scoring.ts): a known check earns
 * its score, an unknown one earns nothing and its weight is "in play", a check
 * that does not apply leaves the denominator.
 */
export interface CheckOut {
  /** Stable within the rule: the subject it is about ("plan", "people:AE 1", "stage:Discovery"). */
  id: string;
  /** Relative weight inside the rule (any positive number; default 1). */
  weight?: number;
  /**
   * In [0, 1]: a point when every fact is known; a range [worst, best] when
   * some are not (the check earns the worst, and could reach the best).
   * Absent with `notApplicable`.
   */
  score?: number | readonly [number, number];
  /** The facts that would settle the check (required when score is a range). */
  unknown?: string[];
  /** Why the check does not apply, in plain words (known facts only: an unknown never makes a check inapplicable). */
  notApplicable?: string;
}

export type CheckOutput<M extends string, S extends string> =
  | { checks: CheckOut[]; findings?: FindingOut<M>[]; steps?: StepOut<S>[] }
  /** One check, fully known. */
  | { score: number; findings?: FindingOut<M>[]; steps?: StepOut<S>[] }
  /** One check, not known at all; `findings` may carry notes (note: true) only, e.g. why a fact counts as unknown. */
  | { notAssessed: string[]; findings?: FindingOut<M>[] }
  /** The whole rule does not apply (known facts say so). */
  | { notApplicable: string; findings?: FindingOut<M>[] };

export interface CheckContext<O, M extends string = string, S extends string = string> {
  org: Org;
  /** Builds a finding with a typed message id. */
  finding(message: M, paths: string[], data?: DataIn, extra?: { thresholds?: string[]; note?: boolean; gap?: number; shortfall?: number }): FindingOut<M>;
  /** Builds a remediation step with a typed step id. */
  step(step: S, data?: DataIn, paths?: string[], extra?: { or?: boolean }): StepOut<S>;
  options: O;
  /** The audit date, YYYY-MM-DD: rules never read the clock. */
  date: string;
  /** True when the fact was explicitly answered "unknown". */
  isUnknown(path: string): boolean;
}

/** A numeric threshold in a rule's options: its range, its default, and where that default comes from. */
export interface OptionThreshold {
  default: number;
  min: number;
  max: number;
  /** Only whole numbers. */
  whole?: boolean;
  description: string;
  source: string;
}

export type OptionValues<T extends Record<string, OptionThreshold>> = { [K in keyof T]: number };

/**
 * A rule's options, as data (see `options()` in define-rule.ts). A run that
 * configures none uses the defaults and never builds a schema; the zod schema
 * that checks .sales-audit.yaml is built from this (src/config/rule-options.ts).
 */
export interface OptionRelation<T extends Record<string, OptionThreshold>> {
  holds(o: OptionValues<T>): boolean;
  message: string;
  /** The option the message is reported on. */
  path: string;
}

export interface RuleOptions<T extends Record<string, OptionThreshold> = Record<string, OptionThreshold>> {
  thresholds: T;
  defaults: OptionValues<T>;
  /** A rule between thresholds, e.g. failBelow <= passAbove; `path` names the option it reports on. */
  relation?: OptionRelation<T>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any rule's own thresholds
export interface RuleDefinition<M extends string = string, S extends string = string, O extends RuleOptions<any> = RuleOptions<any>> {
  id: string;
  title: string;
  /** Where the rule comes from in the source article, e.g. "Jackson, mistake 7". */
  source: string;
  category: Category;
  severity: Severity;
  /** The review the report presents this rule in, with the other rules of the group (see RULE_GROUPS). */
  group?: RuleGroup;
  /** Every fact the rule reads (list items as `people[].x`): the interview asks for them. */
  reads: string[];
  /** Facts without which the rule cannot be assessed (all must be known). */
  requires: string[];
  /**
   * Whom the rule judges person by person, for a summary of many people's
   * findings ("300 of 2,100 reps"): `noun` in the field's words (plural), and
   * `count`, how many people of the org (after the engine's reading of it)
   * are such. Without it a summary counts everyone the org lists ("people").
   */
  population?: { noun: string; count: (org: Org) => number };
  /** Tunable thresholds; each one's `source` cites where its default comes from. */
  options?: O;
  docs: {
    /** What the rule checks, in one or two sentences. */
    description: string;
    /** Why it matters. */
    rationale: string;
  };
  messages: Record<M, string>;
  steps: Record<S, StepDef>;
  /**
   * A plugin rule's own facts, under `custom.<rule id>` in the org file: their
   * schema (zod/mini, as the model's), checked with file:line:col errors. The
   * interview asks the ones the rule `reads`, each field made with `fact(schema,
   * { question })` worded as its question.
   */
  facts?: import('zod/mini').ZodMiniType;
  check(ctx: CheckContext<O['defaults'], M, S>): CheckOutput<M, S>;
}

/** Per-organisation settings for one rule (from .sales-audit.yaml). */
export interface RuleSettings {
  enabled?: boolean;
  severity?: Severity;
  weight?: number;
  options?: Record<string, unknown>;
}

// ---- the report ----

export interface Evidence {
  path: string;
  file?: string;
  line?: number;
  column?: number;
  /** Where the fact came from: the file as written, or an interview answer. */
  origin: 'file' | 'interview';
  respondent?: string;
  /** Several respondents: which answer the value came from and why ("from sales reps: 3 of 4 said monthly (the best informed group)"). */
  resolution?: string;
  /** The stated source of the fact or its section (`sources:` in the org file). */
  source?: string;
  /** The date the source speaks for, YYYY-MM-DD. */
  asOf?: string;
  /** The source is older than STALE_AFTER_MONTHS before the audit date. */
  stale?: boolean;
}

export interface Threshold {
  name: string;
  value: unknown;
  source?: string;
}

export interface Finding {
  /**
   * Stable identity across audits of the same organisation: rule, message id
   * and the subjects it is about, with list items named, not numbered
   * (`selling-time/repLow/people["AE 1"].selling_time_pct`; see identity.ts).
   */
  id: string;
  ruleId: string;
  messageId: string;
  message: string;
  severity: Severity;
  /** A failing critical rule: reported first; caps the grade. */
  fatal: boolean;
  note: boolean;
  /** True when the rule is waived: the finding is suppressed. */
  suppressed: boolean;
  data: Data;
  evidence: Evidence[];
  thresholds: Threshold[];
  /**
   * For one finding made of several about the same subject (a person's plan
   * and hours, see engine/group.ts): each one as the rule stated it.
   */
  parts?: { messageId: string; message: string; data: Data }[];
  /** How many facts the finding rests on, when `evidence` cites only the first CITED_AT_MOST (engine/summarise.ts); absent when it cites every one. */
  evidenceTotal?: number;
  /**
   * For one finding that stands for the same finding about many people (more
   * than SUMMARISE_OVER, engine/summarise.ts): how many, out of how many, and
   * whom the message names. Absent when the audit runs per person.
   */
  people?: PeopleSummary;
}

/** Many people with the same finding or step, summarised as one (engine/summarise.ts). */
export interface PeopleSummary {
  /** How many people it concerns. */
  count: number;
  /** How many people the rule judged (its `population`), or, for a rule that does not say, how many the org lists. */
  of: number;
  /** Who those are, in the field's words ("reps", "quota-carrying reps"; "people" for a rule that does not say). */
  population?: string;
  /** The people the message names (SUMMARY_NAMED at most), worst first, then by name; the others are counted. */
  named: string[];
}

export interface RuleResult {
  id: string;
  title: string;
  category: Category;
  /** The review the rule is presented in with the other rules of its group, e.g. `{id: "compensation", title: "Compensation review"}`; absent for a rule on its own. */
  group?: { id: RuleGroup; title: string };
  severity: Severity;
  weight: number;
  source: string;
  /** What the rule checks and why (the rule's own docs), so reports need not import rules. */
  docs: { description: string; rationale: string };
  status: Status;
  /**
   * Points earned out of points applicable, in [0, 1], rounded to 3 places: an
   * unknown check earns nothing. Null when the rule does not apply, is off or
   * in error.
   */
  score: number | null;
  /** The score if every unknown check went well, in [0, 1]; null as `score`. */
  upTo: number | null;
  /** Share of the rule's applicable check weight that is known, 0..100 integer. */
  coverage: number;
  /** Facts that would settle the unknown checks. */
  missing: string[];
  /** Why the rule does not apply (status not-applicable). */
  reason?: string;
  checks: CheckResult[];
  error?: string;
  waiver?: WaiverState;
}

/** A check as the report shows it. */
export interface CheckResult {
  id: string;
  /** Its share of the rule, in (0, 1], 3 places. */
  weight: number;
  status: 'known' | 'partly-known' | 'not-assessed' | 'not-applicable';
  /** Earned, in [0, 1]; null when not applicable. */
  score: number | null;
  /** Reachable once the unknown facts are known, in [0, 1]; null when not applicable. */
  upTo: number | null;
  /** Facts that would settle it. */
  missing: string[];
  /** Why it does not apply. */
  reason?: string;
  /**
   * Present only on a summarised entry (more than SUMMARISE_OVER checks of one
   * kind in a rule, `rep:*`): how many checks it stands for, all with this
   * status, score and upTo. Its `weight` is their shares added up (6 places),
   * its `missing` every fact they lack.
   */
  count?: number;
}

export interface WaiverState {
  rule: string;
  reason: string;
  owner: string;
  expires: string;
  status: 'active' | 'expired' | 'unknown-rule';
  evidence: Evidence;
}

export interface CategoryScore {
  id: Category;
  title: string;
  /** Points earned out of points applicable, 0..100 integer; null when no rule of the category applies. */
  score: number | null;
  /** The score if every unknown check went well, 0..100 integer; null as `score`. */
  upTo: number | null;
  /** Known share of the applicable check weight, 0..100 integer. */
  coverage: number;
  rules: string[];
}

export interface ChecklistItem {
  /** Stable identity across audits: rule, step id (or `find-out`) and the facts it is about (see identity.ts). */
  id: string;
  rank: number;
  /** `fix`: a remediation step; `find-out`: a question whose answer could move the score. */
  kind: 'fix' | 'find-out';
  /** The rule the item belongs to (the first of `ruleIds` when it moves several). */
  ruleId: string;
  /**
   * Every rule the item moves, when more than one, `ruleId` first, then in the
   * catalogue's order: a find-out item asks once for facts several rules wait
   * on (the roster a partial roster leaves out moves up to five), and its gain
   * is the points in play on all of them. Absent when the item moves one rule.
   */
  ruleIds?: string[];
  /** The step id (fix), or `find-out` (find-out). */
  stepId: string;
  action: string;
  owner: string;
  effort: Effort;
  /**
   * Headline points, one decimal. A fix item: the points the headline rises once
   * every known shortfall of its rule is fixed, carried by the rule's first
   * item only (0 on the others: together they earn it). A find-out item: the
   * points in play on its unknown facts (the most the answer can add). The
   * headline, all fix gains and all find-out points add up to 100.
   */
  gain: number;
  /** A find-out item: the facts to ask about. */
  facts?: string[];
  /** A fix item of a failing critical rule (fatal): listed first. */
  fatal?: boolean;
  /** An alternative to the item before it: doing either one is enough. */
  or?: boolean;
  severity: Severity;
  evidence: Evidence[];
  /** How many facts the item rests on, when `evidence` cites only the first CITED_AT_MOST; absent when it cites every one. */
  evidenceTotal?: number;
  /** One step for many people (a summarised finding's fix): how many, out of how many, and whom the action names. */
  people?: PeopleSummary;
  status: 'open';
}

export interface AuditReport {
  schemaVersion: 2;
  tool: { name: 'sales-audit'; version: string };
  auditDate: string;
  org: { file: string; company: string | null; respondents: string[] };
  summary: {
    /**
     * The headline: points earned out of points applicable, 0..100 integer
     * (an unknown earns nothing; a rule or check that does not apply leaves
     * the denominator). Null only when nothing applies.
     */
    score: number | null;
    /** The score if every unknown check went well, 0..100 integer; null as `score`. */
    upTo: number | null;
    /** Distinct facts that would settle the unknown checks. */
    unknownFacts: number;
    /** A letter only at or above the coverage floor; null otherwise (see gradeNote). */
    grade: Grade | null;
    /** `graded`, `incomplete` (coverage under the floor) or `unscored` (nothing applies). */
    gradeStatus: 'graded' | 'incomplete' | 'unscored';
    /** Why there is no letter, or why it is capped; null when neither. */
    gradeNote: string | null;
    /** The grade is held at C: a critical rule fails, or is too little known to rule a failure out. */
    gradeCapped: boolean;
    /** Known share of the applicable check weight, 0..100 integer. */
    coverage: number;
    /** Coverage (%) under which no letter grade is given. */
    coverageFloor: number;
    fatal: number;
    counts: Record<Status, number>;
    findings: Record<Severity, number>;
  };
  categories: CategoryScore[];
  rules: RuleResult[];
  /** Fatal first, then by severity, then rule order. */
  findings: Finding[];
  checklist: ChecklistItem[];
  /** Facts answered "unknown" (don't know), and by whom when known. */
  unknowns: Evidence[];
  /**
   * Every fact path the report mentions (evidence, missing facts, unknowns), in
   * words a client reads, with the org's own names (src/model/describe.ts):
   * `people[7].actions` -> "the performance actions of AE 3". Client formats
   * lead with these words; machine formats keep the paths.
   */
  labels: Record<string, string>;
  /**
   * The interview's question for each fact a rule could not do without
   * (`RuleResult.missing`), keyed like `labels`: `metrics.team_involved` ->
   * "Did the reps help define the metrics?". Facts without a question
   * (a plugin's) are left out.
   */
  questions: Record<string, string>;
  waivers: WaiverState[];
  notes: Partial<Record<string, string>>;
  /**
   * Several respondents (present only when the org file keeps `responses:`):
   * respondents per group, the facts groups disagree on ("Where people
   * disagree"), the alignment per section and which answer each fact used.
   */
  perception?: Perception;
}

export const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;
export type Grade = (typeof GRADES)[number];
