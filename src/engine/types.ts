// The shapes shared by rules, the engine and the renderers. The AuditReport is
// the engine's only output and the renderers' only input; its JSON form is a
// documented, versioned contract (see docs in README "JSON report").
import type { Org } from '../model/schema';

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

export const EFFORTS = ['low', 'medium', 'high'] as const;
export type Effort = (typeof EFFORTS)[number];

export const STATUSES = ['pass', 'partial', 'fail', 'not-assessed', 'waived', 'error', 'off'] as const;
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
}

export interface StepOut<S extends string> {
  step: S;
  data?: Data;
  paths?: string[];
}

export type CheckOutput<M extends string, S extends string> =
  | { score: number; findings?: FindingOut<M>[]; steps?: StepOut<S>[] }
  /** Not assessable; `findings` may carry notes (note: true) only, e.g. why a fact counts as unknown. */
  | { notAssessed: string[]; findings?: FindingOut<M>[] };

export interface CheckContext<O, M extends string = string, S extends string = string> {
  org: Org;
  /** Builds a finding with a typed message id. */
  finding(message: M, paths: string[], data?: DataIn, extra?: { thresholds?: string[]; note?: boolean }): FindingOut<M>;
  /** Builds a remediation step with a typed step id. */
  step(step: S, data?: DataIn, paths?: string[]): StepOut<S>;
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
  /** Every fact the rule reads (list items as `people[].x`): the interview asks for them. */
  reads: string[];
  /** Facts without which the rule cannot be assessed (all must be known). */
  requires: string[];
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
}

export interface Threshold {
  name: string;
  value: unknown;
  source?: string;
}

export interface Finding {
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
}

export interface RuleResult {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  weight: number;
  source: string;
  /** What the rule checks and why (the rule's own docs), so reports need not import rules. */
  docs: { description: string; rationale: string };
  status: Status;
  /** In [0, 1], rounded to 3 places; null when not assessed, off or in error. */
  score: number | null;
  /** Facts that would let the rule be assessed. */
  missing: string[];
  error?: string;
  waiver?: WaiverState;
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
  /** 0..100 integer, null when nothing in the category was assessed. */
  score: number | null;
  coverage: number;
  rules: string[];
}

export interface ChecklistItem {
  rank: number;
  ruleId: string;
  stepId: string;
  action: string;
  owner: string;
  effort: Effort;
  /** Points the overall score rises if the item's rule reached full score. */
  gain: number;
  severity: Severity;
  evidence: Evidence[];
  status: 'open';
}

export interface AuditReport {
  schemaVersion: 1;
  tool: { name: 'sales-audit'; version: string };
  auditDate: string;
  org: { file: string; company: string | null; respondents: string[] };
  summary: {
    /** 0..100 integer; null ("?") when no rule was assessed. */
    score: number | null;
    grade: Grade | null;
    /** The grade would be higher but a fatal finding caps it at C. */
    gradeCapped: boolean;
    /** Assessed weight / total weight, 0..100 integer. */
    coverage: number;
    /** Coverage is under half: the grade speaks for a small part of the org. */
    provisional: boolean;
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
  waivers: WaiverState[];
  notes: Partial<Record<string, string>>;
}

export const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;
export type Grade = (typeof GRADES)[number];
