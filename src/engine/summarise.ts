// Per-person findings of a large organisation, summarised: when one rule says
// the same thing (one message id, one step) about very many people, the report
// carries one finding that says how many it concerns and names a few, and one
// checklist step for them, instead of tens of thousands of lines (issue 9 item
// 6). Done in the report's data, so every format shows the same summary
// without logic of its own; presentation only, so no score moves.
import type { Org } from '../model/schema';
import { subjectOf } from './group';
import { itemLabel } from './identity';
import { naturalCompare } from './natural-compare';
import { SEVERITY_WEIGHT, type CheckResult, type Evidence, type Finding, type PeopleSummary } from './types';

/**
 * More findings than this of one kind (one rule, one message id, one severity) about
 * people, and they are summarised as one. Well above the bundled examples (15
 * people at most) and the team a reader goes through name by name; a
 * 10,000-person roster has kinds with thousands.
 */
export const SUMMARISE_OVER = 100;

/**
 * A finding or checklist item that rests on more facts than this (a team-wide
 * finding over thousands of reps, a find-out item with a fact per person)
 * cites the first this many as evidence, and says how many there are
 * (`evidenceTotal`); a find-out item's `facts` still lists every one, and
 * perPerson cites them all. Above the bundled examples' 15 people.
 */
export const CITED_AT_MOST = 20;

/** How many people a summarised finding or checklist step names (worst first, then by name); the rest are counted. */
export const SUMMARY_NAMED = 5;

/** A finding before the engine marks it fatal or suppressed, with how far its fact misses (0..1) when the rule said. */
export type RawFinding = Omit<Finding, 'fatal' | 'suppressed'> & { gap?: number };

/** A remediation step as the engine holds it before the checklist is ranked. */
export interface RawStep {
  stepId: string;
  action: string;
  owner: string;
  effort: 'low' | 'medium' | 'high';
  evidence: Evidence[];
  or?: true;
  people?: PeopleSummary;
  /** The step's parameters, read only to tell apart steps that say different things (`meaningOf`); dropped before the report. */
  data?: Readonly<Record<string, unknown>>;
  /** A summarised step: what sets its people apart from another summary of the same step (the finding they share), for its id. */
  group?: string;
}

/** The index of the person a finding or step is about (`people[4]` -> 4), or undefined when it is not about one person. */
function personOf(x: { evidence: Evidence[] }): number | undefined {
  const s = subjectOf(x);
  return s !== undefined && s.startsWith('people[') ? Number(s.slice(7, -1)) : undefined;
}

// Natural order lives in its own leaf module (lint's file order uses it too); re-exported for the engine's callers.
export { naturalCompare };

/** 12345 -> "12,345": the same bytes on every Node, whatever its ICU data. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The parameters of a message that change what it says (which action, which
 * element: words), as a key; not the person's own figures, dates, paths or
 * name. Two findings of one message id say the same thing only when these
 * agree ("on an improvement plan" is not "on extra coaching").
 */
export function meaningOf(data: Readonly<Record<string, unknown>> | undefined, name?: string): string {
  if (!data) return '';
  // Read once per finding of a large roster, and most findings have no such parameter: no arrays unless one is found.
  let keys: string[] | undefined;
  for (const k in data) {
    const v = data[k];
    if (k !== 'name' && k !== 'names' && typeof v === 'string' && v !== name && !hasDigit(v)) (keys ??= []).push(k);
  }
  if (!keys) return '';
  if (keys.length === 1) return `${keys[0]}=${data[keys[0]!] as string}`;
  return keys
    .sort(byCodeUnit)
    .map((k) => `${k}=${data[k] as string}`)
    .join(',');
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) return true;
  return false;
}

/** A summarised step's group for its id: the message id and meaning of its people's finding, and its own meaning ("" when none). */
function groupOf(key: string): string {
  const [, own, kind] = key.split('\u0000');
  // kind is "finding high lowHours action=..." : drop the note/severity words, which the checklist does not split on.
  const finding = (kind ?? '').split(' ').slice(2).join(' ').trim();
  return [finding, own].filter(Boolean).join(';');
}

/** The parameters meaningOf keys on, as data. */
function meaningData(data: Readonly<Record<string, unknown>> | undefined, name?: string): Record<string, string> {
  const key = meaningOf(data, name);
  return key
    ? Object.fromEntries(
        Object.keys(data!)
          .filter((k) => key.split(',').some((kv) => kv.startsWith(`${k}=`)))
          .map((k) => [k, data![k] as string]),
      )
    : {};
}

/** "AE 1, AE 2, AE 3 and 295 more": the names shown, and how many are not. */
function namesWithMore(names: readonly string[], count: number): string {
  const rest = count - names.length;
  return rest > 0 ? `${names.join(', ')} and ${thousands(rest)} more` : names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
}

/**
 * One rule's findings (already one per person: engine/group.ts) with each
 * kind (message id and severity) about more than SUMMARISE_OVER people replaced, at the place of its
 * first, by one finding: "400 of 10,000 people: AE 1 …; AE 7 …; and 395 more."
 * It names SUMMARY_NAMED people, the widest miss first,
 * then by name; its evidence is theirs (so SARIF and GitHub still point at
 * lines), its `people` says how many and whom. Also returns the order of every
 * person the rule found something about (worst first), for the rule's steps.
 */
export function summariseFindings(findings: readonly RawFinding[], org: Org, population?: Population): { findings: RawFinding[]; order: Map<number, number>; kindOf: Map<number, string> } {
  const people = org.people ?? [];
  const person = findings.map(personOf);
  // Each person's name once (the sort below reads two per comparison).
  const names = new Map<number, string>();
  for (const p of person) if (p !== undefined && !names.has(p)) names.set(p, itemLabel(people[p]) ?? `people[${p}]`);
  const name = (i: number) => names.get(i) ?? itemLabel(people[i]) ?? `people[${i}]`;
  // Worst first: severity, then how far the fact misses, then name; the roster order breaks ties.
  // Each finding's keys read once into flat arrays: the sort compares a large roster's findings 150,000 times.
  const weight = new Float64Array(findings.length);
  const gap = new Float64Array(findings.length);
  const label: string[] = new Array<string>(findings.length);
  const rank: number[] = [];
  for (let i = 0; i < findings.length; i++) {
    const p = person[i];
    if (p === undefined) continue;
    weight[i] = SEVERITY_WEIGHT[findings[i]!.severity];
    gap[i] = findings[i]!.gap ?? -1;
    label[i] = name(p);
    rank.push(i);
  }
  rank.sort((a, b) => weight[b]! - weight[a]! || gap[b]! - gap[a]! || naturalCompare(label[a]!, label[b]!) || person[a]! - person[b]! || a - b);
  const order = new Map<number, number>();
  for (const i of rank) if (!order.has(person[i]!)) order.set(person[i]!, order.size);
  const kinds = new Map<string, number[]>();
  const kindOf = new Map<number, string>();
  for (const i of rank) {
    // Apart by severity too (a near miss is one lower), so counts by severity and the fail-on gate stay exact;
    // and by what the message says (meaningOf), so a summary never mixes situations.
    const f = findings[i]!;
    const key = `${f.note ? 'note' : 'finding'} ${f.severity} ${f.messageId} ${meaningOf(f.data, name(person[i]!))}`;
    if (!kindOf.has(person[i]!)) kindOf.set(person[i]!, key);
    const list = kinds.get(key);
    if (list) list.push(i);
    else kinds.set(key, [i]);
  }
  const out: RawFinding[] = [];
  const first = new Map<number, number[]>();
  const dropped = new Set<number>();
  for (const members of kinds.values()) {
    if (members.length <= SUMMARISE_OVER) continue;
    first.set(minOf(members), members);
    for (const i of members) dropped.add(i);
  }
  findings.forEach((f, i) => {
    const members = first.get(i);
    if (members)
      out.push(
        summaryFinding(
          members.map((m) => findings[m]!),
          members.map((m) => name(person[m]!)),
          populationOf(population, people.length, members.length),
        ),
      );
    else if (!dropped.has(i)) out.push(f);
  });
  return { findings: out, order, kindOf };
}

/** The smallest of a list (a loop: spreading an unbounded list into Math.min overflows the stack). */
function minOf(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

/** Whom a rule judged, for its summaries: `noun` (plural, the field's words) and how many (`count`). */
export interface Population {
  noun: string;
  count: number;
}

/** "300 of 2,100 reps", or "All 2,100 reps" when the count is everyone (`all`: the word for "All" mid-sentence). */
function someOf(count: number, total: number, noun: string, all = 'All'): string {
  return count === total ? `${all} ${thousands(total)} ${noun}` : `${thousands(count)} of ${thousands(total)} ${noun}`;
}

/** The population a summary counts against: the rule's, never fewer than the people summarised; else everyone listed. */
function populationOf(population: Population | undefined, listed: number, members: number): Population & { said: boolean } {
  return population ? { noun: population.noun, count: Math.max(population.count, members), said: true } : { noun: 'people', count: listed, said: false };
}

/** The engine's labels a finding's message may open with ("Not measured: the company cannot say …"). */
const LABELS = ['Not measured', 'Where people disagree'] as const;

/**
 * A summary's sentence: `who` ("400 of 8,000 reps (AE 1, … and 395 more)"), then the first person's message as the
 * example, read as one sentence. A label the message opens with leads ("Not measured for 400 of 8,000 reps (…), for
 * example: the company cannot say …", not "…, for example: Not measured: …"; `whoMid` is `who` mid-sentence), and a
 * person's merged findings ("AE 1: has no plan; …") lose the colon after the name ("for example: AE 1 has no plan; …").
 */
function exampleSentence(message: string, name: string | undefined, who: string, whoMid: string): string {
  const label = LABELS.find((l) => message.startsWith(`${l}: `));
  if (label) return `${label} for ${whoMid}, for example: ${message.slice(label.length + 2)}`;
  const example = name !== undefined && message.startsWith(`${name}: `) ? `${name} ${message.slice(name.length + 2)}` : message;
  return `${who}, for example: ${example}`;
}

function summaryFinding(members: readonly RawFinding[], names: readonly string[], pop: Population & { said: boolean }): RawFinding {
  const total = pop.count;
  const shown = members.slice(0, SUMMARY_NAMED);
  const head = members[0]!;
  const count = members.length;
  const meaning = meaningOf(head.data, names[0]);
  return {
    // What the message says is part of the identity: two situations of one message id are two findings.
    id: `${head.ruleId}/${head.messageId}/people[severity=${head.severity}${meaning ? `,${meaning}` : ''}]`,
    ruleId: head.ruleId,
    messageId: head.messageId,
    // The sentence once, with the names: the others' figures may differ, so it is the first's, as an example.
    message: exampleSentence(
      head.message,
      names[0],
      `${someOf(count, total, pop.noun)} (${namesWithMore(names.slice(0, SUMMARY_NAMED), count)})`,
      `${someOf(count, total, pop.noun, 'all')} (${namesWithMore(names.slice(0, SUMMARY_NAMED), count)})`,
    ),
    severity: head.severity,
    note: head.note,
    // The parameters that say which situation this is (meaningOf) stay, beside the counts.
    data: { ...meaningData(head.data, names[0]), people: count, of: total },
    evidence: shown.flatMap((m) => m.evidence),
    thresholds: head.thresholds,
    people: { count, of: total, ...(pop.said ? { population: pop.noun } : {}), named: names.slice(0, SUMMARY_NAMED) },
  };
}

/**
 * One rule's steps with each step about more than SUMMARISE_OVER people
 * replaced, at the place of its first, by one: "For 400 of 10,000 people: Give
 * AE 2 …; …; and 395 more." The people named come in `order` (the rule's
 * findings, worst first), then in roster order.
 */
export function summariseSteps(steps: readonly RawStep[], org: Org, order: ReadonlyMap<number, number>, kindOf: ReadonlyMap<number, string> = new Map(), population?: Population): RawStep[] {
  const people = org.people ?? [];
  const person = steps.map(personOf);
  const kinds = new Map<string, number[]>();
  steps.forEach((s, i) => {
    if (person[i] === undefined) return;
    // Apart by what the step says and by the kind of finding its person has, so an item counts exactly the people of its finding.
    const label = itemLabel(people[person[i]!]);
    const key = `${s.stepId}${s.or ? ' or' : ''}\u0000${meaningOf(s.data, label)}\u0000${kindOf.get(person[i]!) ?? ''}`;
    const list = kinds.get(key);
    if (list) list.push(i);
    else kinds.set(key, [i]);
  });
  const first = new Map<number, number[]>();
  const keyOf = new Map<number, string>();
  const dropped = new Set<number>();
  for (const [key, members] of kinds) {
    if (members.length <= SUMMARISE_OVER) continue;
    first.set(members[0]!, members);
    keyOf.set(members[0]!, key);
    for (const i of members) dropped.add(i);
  }
  const at = (i: number) => order.get(person[i]!) ?? order.size + person[i]!;
  const out: RawStep[] = [];
  steps.forEach((s, i) => {
    const members = first.get(i);
    if (!members) {
      if (!dropped.has(i)) out.push(s);
      return;
    }
    const sorted = [...members].sort((a, b) => at(a) - at(b) || a - b);
    const shown = sorted.slice(0, SUMMARY_NAMED);
    const count = members.length;
    const pop = populationOf(population, people.length, count);
    out.push({
      stepId: s.stepId,
      action: `For ${someOf(count, pop.count, pop.noun, 'all')} (${namesWithMore(
        shown.map((m) => itemLabel(people[person[m]!]) ?? `people[${person[m]}]`),
        count,
      )}), for example: ${steps[sorted[0]!]!.action}`,
      owner: s.owner,
      effort: s.effort,
      evidence: shown.flatMap((m) => steps[m]!.evidence),
      ...(s.or ? { or: true as const } : {}),
      group: groupOf(keyOf.get(i)!),
      people: { count, of: pop.count, ...(pop.said ? { population: pop.noun } : {}), named: shown.map((m) => itemLabel(people[person[m]!]) ?? `people[${person[m]}]`) },
    });
  });
  return out;
}

/**
 * A rule's checks as the report lists them when it has more than
 * SUMMARISE_OVER of one kind (the same id prefix: `rep:`, `person:`): those
 * are replaced, at the place of the first, by one entry per outcome (status,
 * score and upTo as shown), `id` the prefix and `*` (`rep:*`), with `count`,
 * the weight they carry together (their unrounded `shares` added up, 6
 * places) and every fact they lack. So a rule's score is still the sum of
 * weight x score over its entries (up to rounding: report-schema.ts), and a
 * 10,000-person report does not list 10,000 checks per rule. Undefined when
 * no kind is that large (every bundled example): the checks stay as they are.
 */
export function summariseChecks(checks: readonly CheckResult[], shares: readonly number[]): CheckResult[] | undefined {
  if (checks.length <= SUMMARISE_OVER) return undefined;
  const kindOf = (id: string) => {
    const colon = id.indexOf(':');
    return colon > 0 ? id.slice(0, colon) : undefined;
  };
  const sizes = new Map<string, number>();
  for (const c of checks) {
    const k = kindOf(c.id);
    if (k !== undefined) sizes.set(k, (sizes.get(k) ?? 0) + 1);
  }
  if (![...sizes.values()].some((n) => n > SUMMARISE_OVER)) return undefined;
  const out: CheckResult[] = [];
  // Each kind's entries so far, one per outcome: a few per kind, so a scan (no key string built per check,
  // which turning scores into text made a large share of a 10,000-person audit).
  const entries = new Map<string, { check: CheckResult; weight: number; facts: Set<string> }[]>();
  checks.forEach((c, i) => {
    const k = kindOf(c.id);
    if (k === undefined || sizes.get(k)! <= SUMMARISE_OVER) {
      out.push(c);
      return;
    }
    let list = entries.get(k);
    if (!list) entries.set(k, (list = []));
    const entry = list.find(({ check: e }) => e.status === c.status && e.score === c.score && e.upTo === c.upTo);
    if (entry) {
      entry.check.count!++;
      entry.weight += shares[i]!;
      for (const f of c.missing) entry.facts.add(f);
      return;
    }
    const check: CheckResult = { id: `${k}:*`, weight: 0, status: c.status, score: c.score, upTo: c.upTo, missing: [], count: 1 };
    list.push({ check, weight: shares[i]!, facts: new Set(c.missing) });
    out.push(check);
  });
  for (const list of entries.values())
    for (const { check, weight, facts } of list) {
      check.weight = Math.round(weight * 1e6) / 1e6;
      check.missing = [...facts];
    }
  return out;
}
