// The one helper every rule goes through: it fixes the rule's message and step
// ids as types (so a typo fails the build) and fills what every rule shares.
import { isCalendarDate } from './calendar';
import { oncePerAudit } from './per-audit';
import { naturalCompare, thousands } from './summarise';
import type { DataIn, OptionThreshold, OptionValues, RuleDefinition, RuleOptions } from './types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a rule with no thresholds
export const NO_OPTIONS: RuleOptions<{}> = { thresholds: {}, defaults: {} };

/**
 * A numeric threshold in a rule's options: its range, its default, and where
 * that default comes from (shown beside findings and by `explain`).
 */
export const threshold = (t: OptionThreshold): OptionThreshold => t;

/**
 * A rule's options. Strict: a misspelt threshold in .sales-audit.yaml is an
 * error, never ignored. Kept as data, so that a run which configures no
 * thresholds does not build (or even load) a schema for them.
 */
export function options<T extends Record<string, OptionThreshold>>(thresholds: T, relation?: RuleOptions<T>['relation']): RuleOptions<T> {
  const defaults = Object.fromEntries(Object.entries(thresholds).map(([k, t]) => [k, t.default])) as OptionValues<T>;
  return relation ? { thresholds, defaults, relation } : { thresholds, defaults };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any rule's own thresholds
export function defineRule<M extends string, S extends string, O extends RuleOptions<any> = typeof NO_OPTIONS>(
  rule: Omit<RuleDefinition<M, S, O>, 'options' | 'requires'> & { options?: O; requires?: string[] },
): RuleDefinition<M, S, O> {
  return { ...rule, requires: rule.requires ?? [], options: (rule.options ?? NO_OPTIONS) as O };
}

/**
 * The options a rule runs with: its defaults, overridden by the configured
 * values. The config loader has checked those against the options schema; this
 * checks them again for callers that go straight to the engine.
 */
export function resolveOptions(rule: RuleDefinition, given: Record<string, unknown> | undefined): { ok: true; options: Record<string, number> } | { ok: false; error: string } {
  const decl: RuleOptions = rule.options ?? NO_OPTIONS;
  const options: Record<string, number> = { ...decl.defaults };
  const problems: string[] = [];
  for (const [name, value] of Object.entries(given ?? {})) {
    const t = decl.thresholds[name];
    if (!t) problems.push(`${name}: not an option of ${rule.id}`);
    else if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${name}: expected a number`);
    else if (t.whole && !Number.isSafeInteger(value)) problems.push(`${name}: expected a whole number`);
    else if (value < t.min || value > t.max) problems.push(`${name}: expected a number from ${t.min} to ${t.max}`);
    else options[name] = value;
  }
  if (!problems.length && decl.relation && !decl.relation.holds(options)) problems.push(`${decl.relation.path}: ${decl.relation.message}`);
  return problems.length ? { ok: false, error: `invalid options: ${problems.join('; ')}` } : { ok: true, options };
}

/**
 * Replaces {name} placeholders with values from data. A whole number is written
 * with a thousands separator ("2,100": thousands(), not the locale), so every
 * count in client text reads the same on every Node; the data keeps the number.
 */
export function interpolate(template: string, data: Record<string, string | number> = {}): string {
  // A rule's few templates, each split once: a 10,000-person roster fills them tens of thousands of times.
  let parts = TEMPLATES.get(template);
  if (!parts) TEMPLATES.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += (parts[i]! in data ? textOf(data[parts[i]!]!) : `{${parts[i]}}`) + parts[i + 1]!;
  return out;
}
const TEMPLATES = new Map<string, string[]>();
const textOf = (v: string | number) => (typeof v === 'number' && Number.isInteger(v) ? thousands(v) : String(v));

/** Option name -> { default, source } as the rule declares them. */
export function optionDocs(rule: RuleDefinition): { name: string; default: number; source: string; description: string }[] {
  const thresholds: Record<string, OptionThreshold> = rule.options?.thresholds ?? {};
  return Object.entries(thresholds).map(([name, t]) => ({ name, default: t.default, source: t.source, description: t.description }));
}

/** Whole days from a to b (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Whole months from a to b (both YYYY-MM-DD), counting only complete months. */
export function monthsBetween(a: string, b: string): number {
  const [ay, am, ad] = ymd(a);
  const [by, bm, bd] = ymd(b);
  return (by - ay) * 12 + (bm - am) - (bd < ad ? 1 : 0);
}
/** Year, month and day of YYYY-MM-DD (sliced, not split: rules ask per person). */
const ymd = (s: string): [number, number, number] =>
  s.length === 10 && s[4] === '-' && s[7] === '-' ? [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8))] : (s.split('-').map(Number) as [number, number, number]);

/**
 * Where `pastDate` puts its note on a date after the audit date: the rule's
 * own `futureDate` message (every rule that reads such a date declares one,
 * with `{value}` and `{auditDate}` placeholders).
 */
export interface FutureDateNote<F> {
  /** The rule's `finding` (from its check context). */
  finding: (message: 'futureDate', paths: string[], data: DataIn, extra: { note: true }) => F;
  /** The fact's path, e.g. `roles[2].opened_on`: the note's evidence. */
  path: string;
  /** The message's other placeholders (a name, a title); `value` and `auditDate` are added after them. */
  data?: DataIn;
  /** The list the note joins (the rule's findings or notes, in the order it reports them). */
  to: F[];
}

/**
 * A date fact of something that has already happened (a leader took the role,
 * a territory opened, a plan was reviewed, an action was taken), read against
 * the audit date. A date after the audit date cannot be right: it is not used,
 * so the fact counts as unknown (what it would settle earns nothing and could
 * reach its best), and with `note` the rule says so in a `futureDate` note
 * (`note: true`: it is not a finding) so the reader checks it. Without `note`
 * the date counts as unknown silently: for a fact another rule already notes,
 * or one whose absence the rule does not report. A date that is not a calendar
 * date (only a bare model passed to the library's `audit` can hold one: the
 * loader refuses it) counts as unknown too, without a note, since it is not
 * after anything.
 *
 * @param value - the fact as given, YYYY-MM-DD; undefined when left out.
 * @param auditDate - the audit date, YYYY-MM-DD (the check context's `date`).
 * @param note - the note to add when `value` is after `auditDate`.
 * @returns `value` when it is a calendar date on or before the audit date (the
 *   same day counts as before); undefined when it is left out, not a calendar
 *   date, or after the audit date.
 */
export function pastDate<F>(value: string | undefined, auditDate: string, note?: FutureDateNote<F>): string | undefined {
  if (value === undefined || !isCalendarDate(value)) return undefined;
  // YYYY-MM-DD compares as text in date order.
  if (value <= auditDate) return value;
  note?.to.push(note.finding('futureDate', [note.path], { ...note.data, value, auditDate }, { note: true }));
  return undefined;
}

export const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** "1 hour", "3 hours", "2,100 reps": a count with its noun, singular or plural as English wants. */
export const countOf = (n: number, one: string, many = `${one}s`) => `${thousands(n)} ${n === 1 ? one : many}`;

/** "AE 1", "AE 1 and AE 2", "AE 1, AE 2 and AE 3": names as a sentence lists them. */
export const joinNames = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

export { isCalendarDate, naturalCompare, thousands };

/** The most names a rule message lists; the rest are counted ("and 1,195 more"). */
export const NAMES_LISTED = 5;

/**
 * A list of people or items for a client-facing sentence that stays short however
 * long the roster: "AE 1, AE 2 and AE 10", or past NAMES_LISTED "AE 1, AE 2, AE 3,
 * AE 4, AE 5 and 1,195 more". Names are put in natural order (naturalCompare)
 * unless `ordered` says the given order means something (process stages, a sequence);
 * duplicates are kept (the caller decides what is distinct). `last` joins the last
 * name when all are listed (", " for "one of A, B, or C" sentences). Byte-identical on every Node.
 */
export function listNames(names: readonly string[], opts: { ordered?: boolean; last?: string } = {}): string {
  const all = opts.ordered ? [...names] : [...names].sort(naturalCompare);
  if (all.length > NAMES_LISTED) return `${all.slice(0, NAMES_LISTED).join(', ')} and ${thousands(all.length - NAMES_LISTED)} more`;
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')}${opts.last ?? ' and '}${all[all.length - 1]}`;
}

// ---- check accounting helpers (see CheckOut in types.ts and tally() in scoring.ts) ----

/**
 * Reads a tri-state fact inside `bracket`: the value when known, else the worst
 * or the best it could be (the caller says which value is which for this score).
 */
export type Pick = <V>(value: V | undefined, worst: V, best: V) => V;

/**
 * A check's score bracketed over its unknown facts: `score` runs twice, once
 * with every unknown at its worst and once at its best; returns [worst, best]
 * in [0, 1] (equal when nothing it read was unknown). The check earns the
 * first: an unknown earns nothing. `score` must not get better as a fact gets
 * worse (the property tests check that making a fact unknown never raises a
 * score).
 */
export function bracket(score: (pick: Pick) => number): [number, number] {
  const worst = clamp01(score((v, w) => (v === undefined ? w : v)));
  const best = clamp01(score((v, _w, b) => (v === undefined ? b : v)));
  return worst <= best ? [worst, best] : [best, worst];
}

/** One meaning of "none" typed as text, for every rule: none, no, nobody, no one, nothing, n/a, -. */
export const NONE_TEXT = /^(none|no|nobody|no one|no-one|nothing|n\/a|-)$/i;
/** True when a text fact says there is none (a known absence, unlike a key left out). */
export const saysNone = (text: string | undefined): boolean => text !== undefined && NONE_TEXT.test(text.trim());

/** A person who sells, as the rules see them. */
export interface RepRef<P> {
  p: P;
  /** Index in `people`. */
  i: number;
  /** The name, or `people[i]` when none is given. */
  name: string;
  /** `is_rep: true`: certainly a rep. When the key is left out the person may or may not sell. */
  certain: boolean;
}

/**
 * The people who sell or may sell: `is_rep: false` is a known non-seller and is
 * left out; `is_rep` left out is unknown (see `repCheck`).
 */
export function repsOf<P extends { is_rep?: boolean; name?: string }>(people: readonly P[] | undefined): RepRef<P>[] {
  // Once per audit (per-audit.ts): a dozen rules and helpers ask for the same roster's reps.
  return people ? oncePerAudit(people, 'repsOf', listReps) : [];
}

function listReps<P extends { is_rep?: boolean; name?: string }>(people: readonly P[]): RepRef<P>[] {
  // A loop, not flatMap: no array per person.
  const reps: RepRef<P>[] = [];
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    if (p.is_rep !== false) reps.push({ p, i, name: p.name ?? `people[${i}]`, certain: p.is_rep === true });
  }
  return reps;
}

/** Why a seller counts as part-time, for a rule's note: the fact that says so and the words. */
export interface PartTime {
  /** The fact that makes the person part-time: `people[i].selling_share_pct` or `people[i].direct_reports`. */
  path: string;
  /** "40% of the job", "and manages 3 people". */
  why: string;
  /** The selling share (%, under 100) when it is known: the one measure a rule can scale a figure by. */
  share?: number;
}

/**
 * A part-time seller (a selling CEO, a player-coach): a selling share under
 * 100%, or certainly a rep with people reporting to them; undefined for anyone
 * else (a share not given counts as full-time). Every rule that aggregates
 * reps treats a part-time seller one way: judged as any rep, except that a
 * result known to count against them (a quota missed, an underperformance
 * known to be left unmanaged, a low selling time) is not held against them as
 * a full-time rep's would be, since their quota and their week are a part of a
 * job beside another one. A part-time seller is therefore never scored below a
 * full-time rep with the same record, so deleting the fact that makes them
 * part-time can never raise a score.
 */
export function partTimeOf(rep: RepRef<{ selling_share_pct?: number; direct_reports?: number }>): PartTime | undefined {
  const { p, i, certain } = rep;
  const share = p.selling_share_pct;
  if (share !== undefined && share < 100) return { path: `people[${i}].selling_share_pct`, why: `${share}% of the job`, share };
  const reports = p.direct_reports;
  if (certain && reports !== undefined && reports > 0) return { path: `people[${i}].direct_reports`, why: `and manages ${countOf(reports, 'person', 'people')}` };
  return undefined;
}

/**
 * A per-rep check. When it is not known whether the person sells, the check
 * may not apply: it earns nothing and could reach its best (an unknown never
 * takes a check out of the denominator), and `people[i].is_rep` joins the facts
 * that would settle it.
 */
export function repCheck(
  rep: RepRef<unknown>,
  id: string,
  score: number | readonly [number, number],
  unknown: string[] = [],
  weight?: number,
): { id: string; score: [number, number]; unknown: string[]; weight?: number } {
  const [lo, hi] = typeof score === 'number' ? [score, score] : score;
  const out = rep.certain ? { id, score: [lo, hi] as [number, number], unknown } : { id, score: [0, hi] as [number, number], unknown: [...unknown, `people[${rep.i}].is_rep`] };
  return weight === undefined ? out : { ...out, weight };
}

/** A check whose facts are all unknown: earns nothing, could reach 1. */
export const unknownCheck = (id: string, unknown: string[], weight?: number) => ({ id, score: [0, 1] as [number, number], unknown, ...(weight === undefined ? {} : { weight }) });

/**
 * Reads a tri-state fact, named by its path, inside `settle`: the value when
 * known, else the worst or the best it could be.
 */
export type PathPick = <V>(path: string, value: V | undefined, worst: V, best: V) => V;

/**
 * Runs an assessment with every unknown fact at its worst and at its best (a
 * check earns the worst: an unknown earns nothing), and names the unknown facts
 * that move it, each tried alone from either end. `run` must not get better as
 * a fact gets worse. Returns both assessments whole, for rules that read more
 * than the score (a maturity level, say).
 */
export function settleAssessment<T extends { score: number }>(run: (pick: PathPick) => T): { worst: T; best: T; unknown: string[] } {
  const seen = new Set<string>();
  const at = (bestOf: (path: string) => boolean) =>
    run((path, value, w, b) => {
      if (value !== undefined) return value;
      seen.add(path);
      return bestOf(path) ? b : w;
    });
  const worst = at(() => false);
  const best = at(() => true);
  const unknown = best.score > worst.score ? [...seen].filter((f) => at((x) => x === f).score > worst.score || at((x) => x !== f).score < best.score) : [];
  return { worst, best, unknown };
}

/** `settleAssessment` for a plain score: the check's [worst, best] and the unknown facts that move it. */
export function settle(run: (pick: PathPick) => number): { score: [number, number]; unknown: string[] } {
  const s = settleAssessment((pick) => ({ score: run(pick) }));
  return { score: [s.worst.score, s.best.score], unknown: s.unknown };
}

/** What the file says the sales team holds at least: a lower bound on the company's headcount. */
export interface SalesTeamFloor {
  /** The largest count the roster facts give (people): the people listed, the filled roles, a manager's span with the manager; 0 when none is stated. */
  least: number;
  /** The facts that give `least` (paths), for a finding's evidence. */
  paths: string[];
  /** `least` in words a client reads ("10 people are listed in sales"); '' when 0. */
  words: string;
  /**
   * The roster facts not stated (`people`, `roles`, `roles[i].open`,
   * `leadership.reps_per_manager`): any of them could raise `least`, so a
   * verdict that needs the whole sales team (a small company's credit) waits
   * for them. An empty list is not stated (the engine leaves it out first).
   */
  missing: string[];
}

/**
 * The sales team the org file describes, as a lower bound on the company's
 * headcount: every person listed, every filled role (one person at least) and
 * a manager's span of control (the reps and the manager) is in the company.
 * A plan's ramped reps are not: they count hires to come. Pure.
 */
export function salesTeamFloor(org: TeamFacts): SalesTeamFloor {
  // Once per audit (per-audit.ts): every checklist step's owner asks (resolveOwner), thousands of times on a large roster.
  return oncePerAudit(org, 'salesTeamFloor', teamFloor);
}

type TeamFacts = { people?: readonly unknown[]; roles?: readonly { open?: boolean }[]; leadership?: { reps_per_manager?: number } };

function teamFloor(org: TeamFacts): SalesTeamFloor {
  const counts: { n: number; paths: string[]; words: string }[] = [];
  const missing: string[] = [];
  if (org.people === undefined) missing.push('people');
  else counts.push({ n: org.people.length, paths: ['people'], words: `${countOf(org.people.length, 'person', 'people')} ${org.people.length === 1 ? 'is' : 'are'} listed in sales` });
  if (org.roles === undefined) missing.push('roles');
  else {
    const filled = [...org.roles.entries()].filter(([, r]) => r.open === false);
    missing.push(...[...org.roles.entries()].filter(([, r]) => r.open === undefined).map(([i]) => `roles[${i}].open`));
    counts.push({ n: filled.length, paths: filled.map(([i]) => `roles[${i}].open`), words: `${countOf(filled.length, 'sales role')} ${filled.length === 1 ? 'is' : 'are'} filled` });
  }
  const span = org.leadership?.reps_per_manager;
  if (span === undefined) missing.push('leadership.reps_per_manager');
  else if (span > 0) counts.push({ n: span + 1, paths: ['leadership.reps_per_manager'], words: `one manager leads ${countOf(span, 'rep')}` });
  const top = counts.reduce<(typeof counts)[number] | undefined>((a, c) => (c.n > 0 && (a === undefined || c.n > a.n) ? c : a), undefined);
  return top ? { least: top.n, paths: top.paths, words: top.words, missing } : { least: 0, paths: [], words: '', missing };
}
