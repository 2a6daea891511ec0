// Two audits of one organisation compared: the headline, coverage and each
// category before and after, findings resolved, new and still open, checklist
// items done and new, and (when both org files are at hand) the facts that
// changed. Pure: reports (and orgs) in, an AuditDiff out. Findings and items
// are matched by their stable identity (identity.ts), never by message text or
// line, so reordering or reformatting an org file changes nothing.
import type { Org } from '../model/schema';
import { itemLabel, stablePath } from './identity';
import { meaningOf } from './summarise';
import { SEVERITIES, type AuditReport, type Category, type ChecklistItem, type Finding, type Grade, type Severity, type Status } from './types';

/** The version of the diff's JSON form; a breaking change bumps it (README "The diff report"). */
export const DIFF_SCHEMA_VERSION = 2;

/** One side of a comparison: its report, and its org when it came from an org file (for the facts). */
export interface DiffSide {
  report: AuditReport;
  org?: Org;
  /** How the user named this side (`audit.json`, `main:orgs/acme.yaml`). */
  label: string;
}

/** A before/after pair of numbers; `delta` is after minus before, null when either is unknown. */
export interface Change {
  before: number | null;
  after: number | null;
  delta: number | null;
}

/** One side's headline, as the comparison shows it. */
export interface SideSummary {
  label: string;
  file: string;
  auditDate: string;
  score: number | null;
  upTo: number | null;
  coverage: number;
  grade: Grade | null;
  gradeStatus: AuditReport['summary']['gradeStatus'];
}

/**
 * Why a finding left or joined the audit without the organisation changing for
 * better or worse: `unknown`, the facts it rests on are unknown on one side (not
 * given, or "don't know"); `contradicted`, they count as unknown there because
 * the file contradicts itself on them (a contradiction finding); otherwise the rule's
 * status on that side (`not-assessed`, `not-applicable`, `off`, `error`,
 * `waived`), or `absent` when that side's audit has no such rule.
 */
export type AssessmentReason = 'unknown' | 'contradicted' | 'not-assessed' | 'not-applicable' | 'off' | 'error' | 'waived' | 'absent';

/**
 * The contradiction that set a finding's facts aside (reason `contradicted`:
 * the facts count as unknown on that side because the file contradicts itself
 * there), in words a client reads, from that side's contradiction finding.
 */
export interface DiffContradiction {
  /** The doubtful fact ("the people in sales"). */
  fact: string;
  /** The facts it disagrees with ("how many people work at the company"), in the finding's order. */
  against: string[];
}

/** A finding in a comparison: resolved, no longer assessed or waived (as it was), new or newly assessed or still open (as it is now). */
export interface DiffFinding {
  id: string;
  ruleId: string;
  messageId: string;
  severity: Severity;
  fatal: boolean;
  message: string;
  /** Where it is now (new, still open) or was (resolved): the first evidence path. */
  path?: string;
  line?: number;
  /** Still open, but it says something else now (a figure moved, the severity changed): what it said before. */
  was?: { severity: Severity; message: string };
  /** No longer assessed or newly assessed: why (the other side's rule status, or `unknown` facts). */
  reason?: AssessmentReason;
  /** Reason `contradicted`: the contradiction on the other side, in words. */
  contradiction?: DiffContradiction;
}

/** A checklist item in a comparison: done (in before, gone after) or new. */
export interface DiffItem {
  id: string;
  ruleId: string;
  kind: ChecklistItem['kind'];
  action: string;
  gain: number;
  /** Gone but not done (checklist `noLongerAssessed`): why. */
  reason?: AssessmentReason;
  /** Reason `contradicted`: the contradiction in the later audit, in words. */
  contradiction?: DiffContradiction;
}

/** One fact that differs between two org files. */
export interface FactChange {
  /** A stable path (list items by name): `people["AE 1"].selling_time_pct`. */
  path: string;
  /** Absent when the fact was added. */
  before?: unknown;
  /** Absent when the fact was removed. */
  after?: unknown;
}

/** A list item whose label changed while its other facts stayed the same. */
export interface Rename {
  /** The list, e.g. `people`. */
  list: string;
  from: string;
  to: string;
}

/** Two audits compared: the JSON form of `diff`, `audit --baseline` (`since`) and `lint --baseline` (`baseline.diff`). */
export interface AuditDiff {
  schemaVersion: typeof DIFF_SCHEMA_VERSION;
  tool: { name: 'sales-audit'; version: string };
  before: SideSummary;
  after: SideSummary;
  score: Change;
  upTo: Change;
  coverage: Change;
  grade: { before: Grade | null; after: Grade | null };
  /** Every category, in report order. */
  categories: ({ id: Category; title: string } & { score: Change; coverage: Change })[];
  /** Rules whose status or score changed, in catalogue order. */
  rules: { id: string; title: string; status: { before: Status | null; after: Status | null }; score: Change }[];
  /**
   * `resolved`: gone while the audit still knows the facts it rested on (an
   * improvement); `noLongerAssessed`: gone because those facts became unknown or
   * the rule stopped judging (not assessed, not applicable, off, in error),
   * which is no improvement; `waived`: gone under a waiver; `new`: a finding
   * the audit could have made before and did not (a regression);
   * `newlyAssessed`: a finding that appears because its facts became known or
   * its rule began judging (or its waiver ended), which is no regression;
   * `worse`: on both sides, and worse now (a regression): its severity rose,
   * or the check it is about (the person's, the stage's) scores lower, its
   * figure moved the wrong way (`was` says what it said before); `open`: on
   * both sides, not worse.
   */
  findings: { resolved: DiffFinding[]; noLongerAssessed: DiffFinding[]; waived: DiffFinding[]; new: DiffFinding[]; newlyAssessed: DiffFinding[]; worse: DiffFinding[]; open: DiffFinding[] };
  /** `noLongerAssessed`: items gone because their facts are unknown now, their rule stopped judging or is waived (not done; `reason` says which). */
  checklist: { done: DiffItem[]; noLongerAssessed: DiffItem[]; new: DiffItem[] };
  /**
   * The facts that changed, when both sides are org files (a JSON report holds
   * no facts): null otherwise. A renamed list item is named in `renamed`, and
   * its findings are resolved under the old name and new under the new one.
   */
  facts: { changed: FactChange[]; renamed: Rename[] } | null;
  /** The regression gate's inputs: the headline fell, new findings appeared or open ones got worse (by severity; newly assessed ones are not counted). */
  regression: { scoreFell: boolean; newFindings: Record<Severity, number>; worseFindings: Record<Severity, number> };
}

const change = (before: number | null, after: number | null): Change => ({
  before,
  after,
  delta: before === null || after === null ? null : Math.round((after - before) * 10) / 10,
});

const side = (s: DiffSide): SideSummary => ({
  label: s.label,
  file: s.report.org.file,
  auditDate: s.report.auditDate,
  score: s.report.summary.score,
  upTo: s.report.summary.upTo,
  coverage: s.report.summary.coverage,
  grade: s.report.summary.grade,
  gradeStatus: s.report.summary.gradeStatus,
});

/** Findings that count: not informational notes, not suppressed by a waiver. */
const active = (r: AuditReport): Finding[] => r.findings.filter((f) => !f.note && !f.suppressed);

/** A finding's identity (a report from before identities existed falls back on its rule, message id and fact paths). */
export const idOf = (f: Pick<Finding, 'ruleId' | 'messageId' | 'evidence'> & { id?: string }): string => f.id ?? [f.ruleId, f.messageId, ...f.evidence.map((e) => e.path)].join('/');
/** The subject part of an identity: what it is about, whatever it says. */
const subjectKey = (f: Finding) => `${f.ruleId}\u0000${idOf(f).split('/').slice(2).join('/')}`;

/** The message ids a finding is made of (`noPlan+noHours`: a merged finding, group.ts). */
const partsOf = (f: Finding): Set<string> => new Set(f.messageId.split('+'));
/**
 * The list item all of a finding's subjects lie in (`people["AE 4"]`), from its
 * identity's stable paths; undefined when they lie in none or in several.
 */
const itemSubject = (f: { id: string }): string | undefined => {
  let item: string | undefined;
  for (const p of f.id.split('/').slice(2).join('/').split('+')) {
    const t = tokens(p);
    const i = t.findIndex((x) => x.startsWith('['));
    if (i < 0) return undefined;
    const here = keyOf(t.slice(0, i + 1));
    if (item !== undefined && item !== here) return undefined;
    item = here;
  }
  return item;
};

/** What a finding says, whoever it is about: rule, message id and the parameters that change its meaning (summarise.ts meaningOf). */
const kindKey = (f: Finding): string => `${f.ruleId}\u0000${f.messageId}\u0000${meaningOf(f.data, typeof f.data?.name === 'string' ? f.data.name : undefined)}`;

/** A finding about a team: its evidence spans more than one person (and it is not a summary, which names a few). */
const isTeam = (f: Finding): boolean => !f.people && new Set(f.evidence.map((e) => /^people\[(\d+)\]/.exec(e.path)?.[1]).filter((x) => x !== undefined)).size > 1;

const toDiffFinding = (f: Finding, was?: Finding): DiffFinding => ({
  id: idOf(f),
  ruleId: f.ruleId,
  messageId: f.messageId,
  severity: f.severity,
  fatal: f.fatal,
  message: f.message,
  ...(f.evidence[0]?.path ? { path: f.evidence[0].path } : {}),
  ...(f.evidence[0]?.line ? { line: f.evidence[0].line } : {}),
  ...(was && (was.message !== f.message || was.severity !== f.severity) ? { was: { severity: was.severity, message: was.message } } : {}),
});

/**
 * Matches the findings of two reports: first by identity; what is left, by
 * rule and subject (the same person or stage, said differently: still open,
 * with what it said before). Each finding is matched at most once.
 */
function matchFindings(before: Finding[], after: Finding[]): { resolved: Finding[]; new: Finding[]; open: DiffFinding[] } {
  const left = new Map<number, Finding>(before.map((f, i) => [i, f]));
  const open: DiffFinding[] = [];
  const fresh: Finding[] = [];
  const take = (key: (f: Finding) => string, f: Finding): Finding | undefined => {
    for (const [i, b] of left)
      if (key(b) === key(f)) {
        left.delete(i);
        return b;
      }
    return undefined;
  };
  const unmatched: Finding[] = [];
  for (const f of after) {
    const b = take(idOf, f);
    if (b) open.push(toDiffFinding(f, b));
    else unmatched.push(f);
  }
  const unmatched2: Finding[] = [];
  for (const f of unmatched) {
    const b = take(subjectKey, f);
    if (b) open.push(toDiffFinding(f, b));
    else unmatched2.push(f);
  }
  // The same rule about the same list item (a person, a stage) saying one of the things it said before: a
  // finding merged with another about that item (group.ts), or split from one, is still there, not resolved.
  const unmatched2b: Finding[] = [];
  for (const f of unmatched2) {
    const item = itemSubject(f);
    const mine = partsOf(f);
    let b: Finding | undefined;
    if (item !== undefined)
      for (const [i, x] of left)
        if (x.ruleId === f.ruleId && itemSubject(x) === item && [...partsOf(x)].some((m) => mine.has(m))) {
          left.delete(i);
          b = x;
          break;
        }
    if (b) open.push(toDiffFinding(f, b));
    else unmatched2b.push(f);
  }
  // A team finding whose identity joins every rep's path is the same problem when one rep joins or leaves.
  const unmatched3: Finding[] = [];
  for (const f of unmatched2b) {
    const b = isTeam(f) ? take((x) => (isTeam(x) ? `${kindKey(x)}\u0000team` : `\u0001${idOf(x)}`), f) : undefined;
    if (b) open.push(toDiffFinding(f, b));
    else unmatched3.push(f);
  }
  // A summary (more than 100 people, `people`) is the same problem as the per-person findings of its kind on
  // the other side, and as a summary of its kind: crossing the threshold resolves nothing and adds nothing.
  const summaryKinds = new Set([...left.values(), ...unmatched3].filter((x) => x.people).map(kindKey));
  for (const f of unmatched3) {
    if (!summaryKinds.has(kindKey(f))) {
      fresh.push(f);
      continue;
    }
    let was: Finding | undefined;
    for (const [i, b] of left)
      if (kindKey(b) === kindKey(f) && (f.people || b.people)) {
        was ??= b;
        left.delete(i);
      }
    if (was) open.push(toDiffFinding(f, was));
    // A person's finding after a summary that already took the before side: the summary was about them too.
    else if (!f.people && open.some((o) => o.ruleId === f.ruleId && o.messageId === f.messageId)) continue;
    else fresh.push(f);
  }
  return { resolved: [...left.values()], new: fresh, open: open.sort(order) };
}

const order = (a: DiffFinding, b: DiffFinding) => Number(b.fatal) - Number(a.fatal) || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);

// ---- assessed on both sides? ----

/** A path's parts: names and list segments (`[3]`, `["AE 1"]`, `[]`); a quoted label may hold dots and brackets. */
const tokens = (path: string): string[] => path.match(/\["(?:[^"\\]|\\.)*"(?:#\d+)?\]|\[[^\]]*\]|[^.[]+/g) ?? [];
/** `[]` and `[-1]` stand for every item of a list. */
const wild = (t: string) => t === '[]' || t === '[-1]';

/** One side as the other side's findings are checked against it: its report, and its org for list items by name. */
interface Judge {
  report: AuditReport;
  org?: Org;
  rules: Map<string, AuditReport['rules'][number]>;
  /** Per rule, the facts it could not judge (its `missing`), each as its tokens joined (`keyOf`). */
  missing: Map<string, Set<string>>;
  /** Ids of findings suppressed by a waiver. */
  waived: Set<string>;
  /** This side's list labels, for its own findings' paths. */
  labels: Labels;
}

/**
 * A side's fact path in the form both sides share: list items by name when
 * both orgs are at hand, by position otherwise (a JSON report holds no org).
 */
const pathForm = (path: string, org: Org | undefined, byName: boolean, cache: Labels): string[] => tokens(byName && org && !/\[\]/.test(path) ? stablePath(path, org, cache) : path);

/** Each list's labels, read once per side (stablePath's cache): a 10,000-person roster is not read again per path. */
type Labels = NonNullable<Parameters<typeof stablePath>[2]>;

function judge(s: DiffSide, byName: boolean): Judge {
  const r = s.report;
  const labels: Labels = new WeakMap();
  return {
    labels,
    report: r,
    org: s.org,
    rules: new Map(r.rules.map((x) => [x.id, x])),
    missing: new Map(r.rules.map((x) => [x.id, new Set(x.missing.map((m) => keyOf(pathForm(m, s.org, byName, labels).map((t) => (wild(t) ? '[]' : t)))))])),
    waived: new Set(r.findings.filter((f) => f.suppressed).map((f) => idOf(f))),
  };
}

const keyOf = (t: string[]) => t.join('\u0000');

/**
 * True when one of `missing` is the fact `p` or holds it (`people` holds
 * `people[3].attainment`, `people[].attainment` holds each person's): each
 * prefix of `p`, with its list segments as they are or as `[]`, is looked up,
 * so a 10,000-person roster costs a few lookups per finding, not a scan.
 */
function covered(missing: Set<string>, p: string[]): boolean {
  if (!missing.size) return false;
  let variants: string[][] = [[]];
  for (const t of p) {
    variants = variants.flatMap((v) =>
      t.startsWith('[')
        ? [
            [...v, t],
            [...v, '[]'],
          ]
        : [[...v, t]],
    );
    if (variants.some((v) => missing.has(keyOf(v)))) return true;
  }
  return false;
}

/**
 * Why the other side's audit could not have made finding `f` (of side `own`),
 * or undefined when it judged what `f` is about: its rule did not judge
 * (status), was waived, or the facts `f` rests on were unknown there.
 */
function unassessed(f: Finding, own: DiffSide, mine: Judge, other: Judge, byName: boolean): AssessmentReason | undefined {
  const rule = other.rules.get(f.ruleId);
  if (!rule) return 'absent';
  if (rule.status === 'waived' || other.waived.has(idOf(f))) return 'waived';
  if (rule.status === 'not-assessed' || rule.status === 'not-applicable' || rule.status === 'off' || rule.status === 'error') return rule.status;
  const missing = other.missing.get(f.ruleId) ?? new Set<string>();
  const facts = f.evidence.map((e) => pathForm(e.path, own.org, byName, mine.labels));
  if (!facts.some((p) => covered(missing, p))) return undefined;
  return contradictionOver(f, own, mine, other, byName) ? 'contradicted' : 'unknown';
}

/**
 * The other side's contradiction that set `f`'s facts aside: one whose doubtful
 * fact (its first evidence, the list it counts as unknown) holds a fact `f`
 * rests on, in that side's words. Undefined when none does.
 */
function contradictionOver(f: Pick<Finding, 'evidence'>, own: DiffSide, mine: Judge, other: Judge, byName: boolean): DiffContradiction | undefined {
  const facts = f.evidence.map((e) => pathForm(e.path, own.org, byName, mine.labels));
  for (const c of other.report.findings) {
    if (c.messageId !== 'contradiction' || !c.evidence.length) continue;
    const [list, ...by] = c.evidence.map((e) => e.path);
    const key = new Set([keyOf(pathForm(list!, other.org, byName, other.labels).map((t) => (wild(t) ? '[]' : t)))]);
    if (!facts.some((p) => covered(key, p))) continue;
    const words = (p: string) => other.report.labels?.[p] ?? p;
    return { fact: words(list!), against: [...new Set(by.map((p) => againstWords(p, words(p))))] };
  }
  return undefined;
}

/**
 * A fact a contradicted one disagrees with, in words that read inside one
 * sentence: a label that ends in its standard term (`how many reps report to
 * one first-line sales manager (span of control)`) by that term (`the span of
 * control`), so no parentheses nest; a role's `open` by the role (`the role
 * Sales Director`), whether it is open or filled (its label asks whether it is
 * being hired for, which is wrong of a filled role).
 */
function againstWords(path: string, label: string): string {
  const role = /^roles\[\d+\]\.open$/.test(path) ? /^whether (.+) is being hired for$/.exec(label) : null;
  if (role) return `the role ${role[1]}`;
  const term = / \(([^()]+)\)$/.exec(label);
  return term ? `the ${term[1]}` : label;
}

/** The label of a list item key (itemSubject): `people["AE 1"#2]` -> `AE 1`; undefined for an item without one. */
const labelOfItem = (item: string): string | undefined => {
  const m = /\[("(?:[^"\\]|\\.)*")(?:#\d+)?\]$/.exec(item);
  return m ? (JSON.parse(m[1]!) as string) : undefined;
};

/** The score of a rule's check about list item `label` (check ids end `:<label>`: `rep:AE 1`), null when not one known check. */
const checkScore = (r: AuditReport, ruleId: string, label: string): number | null => {
  const checks = r.rules.find((x) => x.id === ruleId)?.checks.filter((c) => c.id.endsWith(`:${label}`) && c.count === undefined) ?? [];
  return checks.length === 1 && checks[0]!.status === 'known' ? checks[0]!.score : null;
};

/**
 * An open finding that got worse: its severity rose, or the check it is about
 * (one person's, one stage's), known on both sides, scores lower now, which is
 * its figure moving the wrong way (selling time 41% -> 30%). A finding that
 * reads the same is never worse.
 */
function isWorse(f: DiffFinding, before: AuditReport, after: AuditReport): boolean {
  if (!f.was) return false;
  if (SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(f.was.severity)) return true;
  const item = itemSubject(f);
  const label = item === undefined ? undefined : labelOfItem(item);
  if (label === undefined) return false;
  const b = checkScore(before, f.ruleId, label);
  const a = checkScore(after, f.ruleId, label);
  return a !== null && b !== null && a < b;
}

/**
 * Sorts the findings gone and come into what changed in the organisation
 * (resolved, new) and what changed in what the audit could judge (no longer
 * assessed, waived, newly assessed).
 */
function classify(raw: ReturnType<typeof matchFindings>, before: DiffSide, after: DiffSide, jb: Judge, ja: Judge, byName: boolean): { findings: AuditDiff['findings']; setAside: SetAside[] } {
  const out: AuditDiff['findings'] = { resolved: [], noLongerAssessed: [], waived: [], new: [], newlyAssessed: [], worse: [], open: [] };
  const setAside: SetAside[] = [];
  for (const f of raw.open) (isWorse(f, before.report, after.report) ? out.worse : out.open).push(f);
  for (const f of raw.resolved) {
    const why = unassessed(f, before, jb, ja, byName);
    if (why === 'waived') out.waived.push(toDiffFinding(f));
    else if (why) out.noLongerAssessed.push({ ...toDiffFinding(f), reason: why, ...contradictionField(why, f, before, jb, ja, byName) });
    else out.resolved.push(toDiffFinding(f));
    if (why) setAside.push({ finding: f, reason: why, ...contradictionField(why, f, before, jb, ja, byName) });
  }
  for (const f of raw.new) {
    const why = unassessed(f, after, ja, jb, byName);
    if (why) out.newlyAssessed.push({ ...toDiffFinding(f), reason: why, ...contradictionField(why, f, after, ja, jb, byName) });
    else out.new.push(toDiffFinding(f));
  }
  for (const k of ['resolved', 'noLongerAssessed', 'waived', 'new', 'newlyAssessed', 'worse', 'open'] as const) out[k].sort(order);
  return { findings: out, setAside };
}

/** A finding of the earlier audit gone without being resolved (no longer assessed, or waived): why, for the items that came of it. */
interface SetAside {
  finding: Finding;
  reason: AssessmentReason;
  contradiction?: DiffContradiction;
}

/** `{ contradiction }` for reason `contradicted`, else nothing (a field the JSON leaves out). */
const contradictionField = (why: AssessmentReason, f: Pick<Finding, 'evidence'>, own: DiffSide, mine: Judge, other: Judge, byName: boolean): { contradiction?: DiffContradiction } => {
  const c = why === 'contradicted' ? contradictionOver(f, own, mine, other, byName) : undefined;
  return c ? { contradiction: c } : {};
};

/**
 * An item is done only when its rule still judges the facts it was about (as a
 * finding is resolved): a fix item whose facts became unknown, or a find-out
 * item whose facts are still unknown (the list that held them went), is not.
 */
function itemUnassessed(c: ChecklistItem, before: DiffSide, jb: Judge, ja: Judge, byName: boolean): AssessmentReason | undefined {
  return unassessed({ ruleId: c.ruleId, messageId: c.stepId, evidence: c.evidence, id: c.id } as Finding, before, jb, ja, byName);
}

/**
 * Why a gone item is not done, with the contradiction when its facts were set
 * aside as contradictory; undefined when it is done. A step often cites fewer
 * facts than the finding it fixes (the uniform plan's step rests on the plan,
 * its finding on the headcount too), so the item is also not done when a
 * finding of its rule that shares one of its facts went without being
 * resolved: the item takes that finding's reason. Its own facts and rule come
 * first (their reason is the item's own).
 */
function whyNotDone(c: ChecklistItem, setAside: Map<string, SetAside>, before: DiffSide, jb: Judge, ja: Judge, byName: boolean): Omit<SetAside, 'finding'> | undefined {
  const own = itemUnassessed(c, before, jb, ja, byName);
  if (own) return { reason: own, ...contradictionField(own, c, before, jb, ja, byName) };
  // Both from the earlier report: its paths compare as they are.
  const gone = c.evidence.map((e) => setAside.get(`${c.ruleId}\u0000${e.path}`)).find((s) => s !== undefined);
  return gone && { reason: gone.reason, ...(gone.contradiction ? { contradiction: gone.contradiction } : {}) };
}

/** The findings set aside by rule and fact (`ruleId\0path`), the first (in the earlier report's order) for each: an item looks its facts up, not a scan. */
const setAsideByFact = (xs: SetAside[]): Map<string, SetAside> => {
  const out = new Map<string, SetAside>();
  for (const x of xs) for (const e of x.finding.evidence) if (!out.has(`${x.finding.ruleId}\u0000${e.path}`)) out.set(`${x.finding.ruleId}\u0000${e.path}`, x);
  return out;
};

const itemOf = (c: ChecklistItem): DiffItem => ({ id: c.id ?? `${c.ruleId}/${c.stepId}/${c.action}`, ruleId: c.ruleId, kind: c.kind, action: c.action, gain: c.gain });

/** The keys an item matches by: its identity, and for an item about a team or many people its rule and step. */
const itemKeys = (c: ChecklistItem): string[] => {
  const persons = new Set(c.evidence.map((e) => /^people\[(\d+)\]/.exec(e.path)?.[1]).filter((x) => x !== undefined));
  return c.people || persons.size > 1 ? [itemOf(c).id, `${c.ruleId}\u0000${c.stepId}\u0000many`] : [itemOf(c).id];
};

/** Compares two audits of one organisation. */
export function diffAudits(before: DiffSide, after: DiffSide, toolVersion = '0.0.0'): AuditDiff {
  const b = before.report;
  const a = after.report;
  // List items are compared by name when both orgs are at hand, by position when a side is a JSON report.
  const byName = !!before.org && !!after.org;
  const ja = judge(after, byName);
  const jb = judge(before, byName);
  const { findings, setAside } = classify(matchFindings(active(b), active(a)), before, after, jb, ja, byName);
  // By identity, and a team's or a summary's item by rule and step (its identity names every rep, or the threshold was crossed).
  const beforeItems = new Set(b.checklist.flatMap(itemKeys));
  const afterItems = new Set(a.checklist.flatMap(itemKeys));
  const aside = setAsideByFact(setAside);
  const gone = b.checklist.filter((c) => !itemKeys(c).some((k) => afterItems.has(k))).map((c) => ({ c, why: whyNotDone(c, aside, before, jb, ja, byName) }));
  const newFindings = Object.fromEntries(SEVERITIES.map((s) => [s, findings.new.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const worseFindings = Object.fromEntries(SEVERITIES.map((s) => [s, findings.worse.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const score = change(b.summary.score, a.summary.score);
  const ruleIds = [...new Set([...a.rules.map((r) => r.id), ...b.rules.map((r) => r.id)])];
  const ruleChanges = ruleIds.flatMap((id) => {
    const rb = b.rules.find((r) => r.id === id);
    const ra = a.rules.find((r) => r.id === id);
    const pct = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 100));
    const sc = change(pct(rb?.score), pct(ra?.score));
    if (rb?.status === ra?.status && sc.before === sc.after) return [];
    return [{ id, title: (ra ?? rb)!.title, status: { before: rb?.status ?? null, after: ra?.status ?? null }, score: sc }];
  });
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    tool: { name: 'sales-audit', version: toolVersion },
    before: side(before),
    after: side(after),
    score,
    upTo: change(b.summary.upTo, a.summary.upTo),
    coverage: change(b.summary.coverage, a.summary.coverage),
    grade: { before: b.summary.grade, after: a.summary.grade },
    categories: a.categories.map((c) => {
      const cb = b.categories.find((x) => x.id === c.id);
      return { id: c.id, title: c.title, score: change(cb?.score ?? null, c.score), coverage: change(cb?.coverage ?? null, c.coverage) };
    }),
    rules: ruleChanges,
    findings,
    checklist: {
      done: gone.filter((g) => !g.why).map((g) => itemOf(g.c)),
      noLongerAssessed: gone.flatMap(({ c, why }) => (why ? [{ ...itemOf(c), ...why }] : [])),
      new: a.checklist.filter((c) => !itemKeys(c).some((k) => beforeItems.has(k))).map(itemOf),
    },
    facts: before.org && after.org ? factChanges(before.org, after.org) : null,
    regression: { scoreFell: score.delta !== null && score.delta < 0, newFindings, worseFindings },
  };
}

// ---- facts ----

/** Every leaf fact of an org by stable path (list items by label, plain lists as one value); `items`, each list item by its path. */
function flatten(value: unknown, path: string, out: Map<string, unknown>, items: Map<string, unknown>): void {
  if (Array.isArray(value)) {
    if (!value.length || value.every((v) => v === null || typeof v !== 'object')) {
      out.set(path, value);
      return;
    }
    const seen = new Map<string, number>();
    value.forEach((item, i) => {
      const label = itemLabel(item);
      const n = label === undefined ? 0 : (seen.get(label) ?? 0) + 1;
      if (label !== undefined) seen.set(label, n);
      const at = `${path}[${label === undefined ? i : `${JSON.stringify(label)}${n > 1 ? `#${n}` : ''}`}]`;
      items.set(at, item);
      flatten(item, at, out, items);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value).sort()) flatten((value as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out, items);
    return;
  }
  out.set(path, value);
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/**
 * The facts that differ between two orgs, by stable path, in path order; and
 * the list items that were renamed (an item gone and one come in the same list
 * whose other facts are all the same). A list item removed or added is one
 * change, the item (`people["AE 3"]`, `before` or `after` its whole value), not
 * one per fact in it.
 */
export function factChanges(before: Org, after: Org): { changed: FactChange[]; renamed: Rename[] } {
  // The answers log and the sources map record how facts were gathered, not the organisation.
  const strip = (o: Org) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'answers'));
  const fb = new Map<string, unknown>();
  const fa = new Map<string, unknown>();
  const ib = new Map<string, unknown>();
  const ia = new Map<string, unknown>();
  flatten(strip(before), '', fb, ib);
  flatten(strip(after), '', fa, ia);
  // The outermost items on one side only; the facts inside them are not listed again.
  const whole = new Map<string, unknown>();
  // Looked up at each list segment's end, so a 10,000-person roster gone costs a few lookups per fact, not a scan.
  const within = (p: string) => {
    for (let i = p.indexOf(']'); i >= 0 && i < p.length - 1; i = p.indexOf(']', i + 1)) if (whole.has(p.slice(0, i + 1))) return true;
    return false;
  };
  const oneSide = [...[...ib].filter(([p]) => !ia.has(p)), ...[...ia].filter(([p]) => !ib.has(p))].sort(([p], [q]) => p.length - q.length);
  for (const [p, v] of oneSide) {
    if (within(p)) continue;
    whole.set(p, v);
    (ib.has(p) ? fb : fa).set(p, v);
  }
  const changed: FactChange[] = [];
  for (const p of [...new Set([...fb.keys(), ...fa.keys()])].sort()) {
    if (within(p)) continue;
    const hasB = fb.has(p);
    const hasA = fa.has(p);
    if (hasB && hasA && same(fb.get(p), fa.get(p))) continue;
    changed.push({ path: p, ...(hasB ? { before: fb.get(p) } : {}), ...(hasA ? { after: fa.get(p) } : {}) });
  }
  return { changed, renamed: renames(before, after) };
}

function renames(before: Org, after: Org): Rename[] {
  const out: Rename[] = [];
  // The org's lists: top-level (people) and one level down (process.stages, metrics.kpis).
  const lists = (o: Org): [string, unknown[]][] => {
    const found: [string, unknown[]][] = [];
    for (const [k, v] of Object.entries(o)) {
      if (Array.isArray(v)) found.push([k, v]);
      else if (v && typeof v === 'object') for (const [k2, x] of Object.entries(v)) if (Array.isArray(x)) found.push([`${k}.${k2}`, x]);
    }
    return found;
  };
  const afterLists = new Map(lists(after));
  for (const [name, listB] of lists(before)) {
    const listA = afterLists.get(name);
    if (!listA) continue;
    const labelsA = new Set(listA.map(itemLabel));
    const labelsB = new Set(listB.map(itemLabel));
    const gone = listB.filter((x) => itemLabel(x) !== undefined && !labelsA.has(itemLabel(x)));
    const come = listA.filter((x) => itemLabel(x) !== undefined && !labelsB.has(itemLabel(x)));
    const rest = (x: unknown) =>
      JSON.stringify(
        Object.fromEntries(
          Object.entries(x as object)
            .filter(([, v]) => typeof v !== 'string' || v.trim() !== itemLabel(x))
            .sort(([p], [q]) => (p < q ? -1 : 1)),
        ),
      );
    for (const g of gone) {
      const i = come.findIndex((c) => rest(c) === rest(g));
      if (i < 0) continue;
      out.push({ list: name, from: itemLabel(g)!, to: itemLabel(come[i])! });
      come.splice(i, 1);
    }
  }
  return out;
}

/**
 * The regression gate (`--fail-on-regression [severity]`): fails when the
 * headline fell, or when a new finding, or an open one that got worse, is at
 * or above `severity`.
 */
export function regressionFailures(d: AuditDiff, severity: Severity, since: string): { gate: 'regression'; message: string }[] {
  const out: { gate: 'regression'; message: string }[] = [];
  if (d.regression.scoreFell) out.push({ gate: 'regression', message: `the score fell from ${d.score.before} to ${d.score.after} since ${since}` });
  const at = SEVERITIES.slice(0, SEVERITIES.indexOf(severity) + 1);
  const n = at.reduce((a, s) => a + d.regression.newFindings[s], 0);
  if (n) out.push({ gate: 'regression', message: `${n} new finding${n === 1 ? '' : 's'} at or above ${severity} since ${since}` });
  // A report compared before `worse` existed has no such counts.
  const w = at.reduce((a, s) => a + (d.regression.worseFindings?.[s] ?? 0), 0);
  if (w) out.push({ gate: 'regression', message: `${w} finding${w === 1 ? '' : 's'} at or above ${severity} got worse since ${since}` });
  return out;
}
