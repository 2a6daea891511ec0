// The JSON report's schema (schemaVersion 2) as a zod schema, and its JSON
// Schema (`sales-audit schema --report`). The AuditReport type in
// src/engine/types.ts is what the engine builds; the assertions at the end of
// this file fail the type check when the two drift apart, and a test validates
// every JSON report the tests produce against the JSON Schema.
import * as z from 'zod/mini';
import { CATEGORIES, EFFORTS, GRADES, RULE_GROUPS, SEVERITIES, STATUSES, type AuditReport } from '../engine/types';
import { RESPONDENT_GROUPS } from '../model/respondents';

const severity = z.enum(SEVERITIES);
const category = z.enum(Object.keys(CATEGORIES) as [keyof typeof CATEGORIES, ...(keyof typeof CATEGORIES)[]]);
const status = z.enum(STATUSES);
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const share = z.number().check(z.gte(0), z.lte(1));
const percent = z.int().check(z.gte(0), z.lte(100));
const text = z.string();

const evidence = z.strictObject({
  path: text,
  file: z.optional(text),
  line: z.optional(z.int().check(z.gte(1))),
  column: z.optional(z.int().check(z.gte(1))),
  origin: z.enum(['file', 'interview']),
  respondent: z.optional(text),
  source: z.optional(text),
  asOf: z.optional(date),
  stale: z.optional(z.boolean()),
  /** With several respondents: the answer used and why ("from sales reps: 3 of 4 said monthly; ..."). */
  resolution: z.optional(text),
});

const waiver = z.strictObject({
  rule: text,
  reason: text,
  owner: text,
  expires: date,
  status: z.enum(['active', 'expired', 'unknown-rule']),
  evidence,
});

const data = z.record(text, z.union([text, z.number()]));

const check = z.strictObject({
  id: text,
  weight: share.check(
    z.describe(
      "The check's share of its rule, 6 places. A rule's score is the sum over its checks of weight x score (0 for a not-assessed check; a not-applicable check weighs 0), up to the rounding of the figures shown: 0.0000005 per weight listed, 0.0005 for the checks' scores together and 0.0005 for the rule's own.",
    ),
  ),
  status: z.enum(['known', 'partly-known', 'not-assessed', 'not-applicable']),
  score: z.nullable(share),
  upTo: z.nullable(share),
  missing: z.array(text),
  reason: z.optional(text),
  /**
   * A summarised entry (a rule with more than 100 checks of one kind, `rep:*`,
   * unless --per-person): how many checks it stands for, all with this status,
   * score and upTo; its weight is their shares added up and its missing
   * every fact they lack. A rule's score is the sum over its checks of
   * weight x score, up to the rounding of the figures shown (weights to 6
   * places, scores to 3): see `weight`'s description.
   */
  count: z.optional(
    z.int().check(z.gte(1), z.describe('A summarised entry (more than 100 checks of one kind, `rep:*`, unless --per-person): how many checks it stands for; its weight is their shares added up.')),
  ),
});

const rule = z.strictObject({
  id: text,
  title: text,
  category,
  severity,
  weight: z.number().check(z.gte(0)),
  source: text,
  docs: z.strictObject({ description: text, rationale: text }),
  status,
  score: z.nullable(share),
  upTo: z.nullable(share),
  coverage: percent,
  missing: z.array(text),
  reason: z.optional(text),
  checks: z.array(check),
  error: z.optional(text),
  waiver: z.optional(waiver),
  /** Rules presented together (the two compensation rules: one compensation review). */
  group: z.optional(z.strictObject({ id: z.enum(Object.keys(RULE_GROUPS) as [keyof typeof RULE_GROUPS, ...(keyof typeof RULE_GROUPS)[]]), title: text })),
});

/** Many people with the same finding or step, summarised as one. */
const people = z.strictObject({ count: z.int().check(z.gte(1)), of: z.int().check(z.gte(0)), population: z.optional(text), named: z.array(text) });

const finding = z.strictObject({
  id: text,
  ruleId: text,
  messageId: text,
  message: text,
  severity,
  fatal: z.boolean(),
  note: z.boolean(),
  suppressed: z.boolean(),
  data,
  evidence: z.array(evidence),
  thresholds: z.array(z.strictObject({ name: text, value: z.unknown(), source: z.optional(text) })),
  /** A rule's findings about one person, merged: each original message. */
  parts: z.optional(z.array(z.strictObject({ messageId: text, message: text, data }))),
  /** How many facts it rests on, when `evidence` cites only the first few. */
  evidenceTotal: z.optional(z.int().check(z.gte(1))),
  /** The same finding about many people, as one: how many, of how many, whom the message names. */
  people: z.optional(people),
});

const checklistItem = z.strictObject({
  id: text,
  rank: z.int().check(z.gte(1)),
  kind: z.enum(['fix', 'find-out']),
  ruleId: text,
  /** Every rule the item moves when more than one, `ruleId` first (a question several rules wait on). */
  ruleIds: z.optional(z.array(text).check(z.minLength(2))),
  stepId: text,
  action: text,
  owner: text,
  effort: z.enum(EFFORTS),
  gain: z.number().check(z.gte(0), z.lte(100)),
  facts: z.optional(z.array(text)),
  fatal: z.optional(z.boolean()),
  or: z.optional(z.boolean()),
  severity,
  evidence: z.array(evidence),
  /** How many facts it rests on, when `evidence` cites only the first few. */
  evidenceTotal: z.optional(z.int().check(z.gte(1))),
  /** One step for many people: how many, of how many, whom the action names. */
  people: z.optional(people),
  status: z.literal('open'),
});

const group = z.enum(RESPONDENT_GROUPS);
const groupAnswer = z.strictObject({ group, value: z.optional(z.unknown()), count: z.int().check(z.gte(0)), of: z.int().check(z.gte(0)), unknown: z.int().check(z.gte(0)), words: text });

/** Several respondents: who answered (counts, never names), where groups disagree, alignment per section, and which answer each fact used. */
const perception = z.strictObject({
  respondents: z.array(z.strictObject({ group, named: z.int().check(z.gte(0)), anonymous: z.int().check(z.gte(0)) })),
  gaps: z.array(z.strictObject({ fact: text, section: text, answers: z.array(groupAnswer), recorded: z.optional(z.unknown()), rules: z.array(text), decisive: z.array(text) })),
  alignment: z.array(z.strictObject({ section: text, facts: z.int().check(z.gte(0)), agree: z.int().check(z.gte(0)), pct: z.nullable(percent) })),
  resolutions: z.array(z.strictObject({ path: text, from: z.union([group, z.literal('file')]), reason: text })),
});

/** The JSON report, `sales-audit audit --format json` (schemaVersion 2). */
export const ReportSchema = z.strictObject({
  schemaVersion: z.literal(2),
  tool: z.strictObject({ name: z.literal('sales-audit'), version: text }),
  auditDate: date,
  org: z.strictObject({ file: text, company: z.nullable(text), respondents: z.array(text) }),
  summary: z.strictObject({
    score: z.nullable(percent),
    upTo: z.nullable(percent),
    unknownFacts: z.int().check(z.gte(0)),
    grade: z.nullable(z.enum(GRADES)),
    gradeStatus: z.enum(['graded', 'incomplete', 'unscored']),
    gradeNote: z.nullable(text),
    gradeCapped: z.boolean(),
    coverage: percent,
    coverageFloor: percent,
    fatal: z.int().check(z.gte(0)),
    counts: z.record(status, z.int().check(z.gte(0))),
    findings: z.record(severity, z.int().check(z.gte(0))),
  }),
  categories: z.array(z.strictObject({ id: category, title: text, score: z.nullable(percent), upTo: z.nullable(percent), coverage: percent, rules: z.array(text) })),
  rules: z.array(rule),
  findings: z.array(finding),
  checklist: z.array(checklistItem),
  unknowns: z.array(evidence),
  labels: z.record(text, text),
  /** The interview's question for each fact a rule misses (rules[].missing), keyed by fact path. */
  questions: z.record(text, text),
  waivers: z.array(waiver),
  notes: z.partialRecord(text, text),
  /** With --baseline: the comparison with the earlier audit (an AuditDiff, its own schemaVersion; see README). */
  since: z.optional(z.looseObject({ schemaVersion: z.literal(2) })),
  /** Present only when the org file keeps several respondents' answers (`responses:`). */
  perception: z.optional(perception),
});

/** The JSON Schema (draft 2020-12) of the JSON report. */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReportSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'sales-audit JSON report (schemaVersion 2)' };
}

// The type check holds the schema and the engine's type together: each must be assignable to the other.
type Parsed = Omit<z.infer<typeof ReportSchema>, 'since'>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<Parsed, AuditReport> = true;
void sameShape;
