// Several respondents, one audit (issue 14). Before the rules run, the answers
// kept per respondent (`responses:` in the org file) become one value per fact
// by a stated policy, and the facts on which the role groups disagree are
// collected for the report. Pure: the org in, a resolved copy and the record
// of which answer was used and why out.
//
// The policy, in order:
// 1. A fact written in the org file's body is the consultant's record and
//    stands, unless `resolution:` names a group for it that answered.
// 2. Otherwise the group named in `resolution:` for the fact, then the groups
//    that can answer it, best informed first (src/model/respondents.ts), then
//    any other group that answered: the first whose members give one answer.
// 3. Within a group: the majority answer; for a number, the median. A tie is
//    broken by the answer of the person the fact is about (a rep about their
//    own coaching); a tie left is said as such and the next group decides.
// 4. "Don't know" answers do not vote; a fact every respondent answered
//    "don't know" and the body does not give is unknown.
// A rep's answer about themselves that was not tied to a person of the roster
// (`self.<fact>`, always so for an anonymous rep) speaks for the reps in
// general: it is compared with the others' answers, and decides no one
// person's fact.
import type { Org, Response } from '../model/schema';
import { formatPath, getAt, keyToPath, parsePath } from '../model/paths';
import * as ENUMS from '../model/enums';
import { customFactGroups, factPattern, GROUP_LABELS, knownBy, RESPONDENT_GROUPS, type RespondentGroup } from '../model/respondents';
import type { Category } from './types';

/** Two numbers agree when they differ by at most this share of the larger (house default: estimates of a share of time or a count differ by that much between honest people). */
export const NUMBER_TOLERANCE = 0.1;

/** The fewest known answers a group with an anonymous member must give before its answer is shown or used. */
export const ANONYMOUS_MIN = 3;

/** One group's answer on a fact, aggregated over its members (and, for a person-level fact, over the people). */
export interface GroupAnswer {
  group: RespondentGroup;
  /** The majority answer (a number: the median); absent on a tie. */
  value?: unknown;
  /** How many known answers gave `value` (a number: how many answers the median is of). */
  count: number;
  /** Known answers in all. */
  of: number;
  /** "Don't know" answers. */
  unknown: number;
  /** True when the answers are not shown, nor used, to keep an anonymous respondent's answer from being worked out (fewer than ANONYMOUS_MIN). */
  withheld?: true;
  /** The answer in words: "3 of 4 said monthly", "median 30 of 3 answers (20 to 40)", "split: 2 said weekly, 2 said monthly". */
  words: string;
}

/** Which answer a fact's value came from, and why. */
export interface Resolution {
  path: string;
  /** The group whose answer was used, or `file` when the org file's own value stands. */
  from: RespondentGroup | 'file';
  /** "from sales reps: 3 of 4 said monthly (the best informed group)". */
  reason: string;
}

/** A fact on which role groups disagree. */
export interface PerceptionGap {
  /** The fact, with list items as `[]` for a person-level fact (`people[].coaching.one_to_one`). */
  fact: string;
  section: string;
  answers: GroupAnswer[];
  /** The value the org file's body gives (the consultant's record), when it gives one for this fact and a group answered otherwise. */
  recorded?: unknown;
  /** Rules that read the fact (or the object or list that holds it). */
  rules: string[];
  /** Rules whose verdict differs depending on which group's answer is used (filled by the engine). */
  decisive: string[];
}

/** How far the groups agree in one section: facts answered by two groups or more, and how many of them they agree on. */
export interface Alignment {
  section: string;
  facts: number;
  agree: number;
  /** agree / facts, 0..100 integer; null when no fact was answered by two groups. */
  pct: number | null;
}

/** What the report says about several respondents. */
export interface Perception {
  /** Respondents per group: named and anonymous (never a name). */
  respondents: { group: RespondentGroup; named: number; anonymous: number }[];
  gaps: PerceptionGap[];
  alignment: Alignment[];
  /** Per fact path the respondents decided or disputed: the answer used and why. */
  resolutions: Resolution[];
}

export interface Resolved {
  org: Org;
  unknowns: string[];
  /** Absent when the org keeps no responses. */
  perception?: Perception;
}

/** One answer: `respondent` only for a named respondent; `anonymous` for an anonymous one (whose answers are shown only as counts and a median). */
type Vote = { value: unknown; unknown: boolean; respondent?: string; anonymous?: boolean };

/** A value as an identity for counting: a list's order does not matter. */
const keyOf = (v: unknown): string => JSON.stringify(Array.isArray(v) ? [...v].map(String).sort() : v);
// A choice's code in words (`stage_weighted` -> "weighted by pipeline stage"), from the model's choice lists; codes of one word ("monthly", "none") read as they are.
const CODE_WORDS = new Map<string, string>(
  Object.values(ENUMS)
    .flatMap((e) => Object.entries(e as Record<string, string>))
    .filter(([k]) => k.includes('_'))
    .map(([k, label]) => [k, /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label]),
);
const codeWords = (v: unknown): string => (typeof v === 'string' ? (CODE_WORDS.get(v) ?? v) : String(v));
/** A value in words: yes/no, a choice's label for its code, a list joined. */
export const valueWords = (v: unknown): string => (v === true ? 'yes' : v === false ? 'no' : Array.isArray(v) ? (v.length ? v.map(codeWords).join(', ') : 'none') : codeWords(v));

/** The reason's group name: "sales reps". */
const groupName = (g: RespondentGroup) => GROUP_LABELS[g].replace(/ \(.*\)$/, '');

/**
 * One group's answer from its members' votes: the majority, a number's
 * median. `own` is the answer of the person the fact is about, which breaks a
 * tie. Undefined when every vote is "don't know".
 */
export function groupAnswer(group: RespondentGroup, votes: readonly Vote[], own?: unknown): GroupAnswer | undefined {
  const known = votes.filter((v) => !v.unknown).map((v) => v.value);
  const unknown = votes.length - known.length;
  const dk = unknown ? ` (${unknown} did not know)` : '';
  if (!known.length) return unknown ? { group, count: 0, of: 0, unknown, words: `${unknown === 1 ? 'did not know' : `${unknown} did not know`}` } : undefined;
  // With an anonymous member, fewer than ANONYMOUS_MIN answers would let a reader subtract the named members' answers (shown in their own evidence) and learn the anonymous one's: no value, no breakdown.
  if (known.length < ANONYMOUS_MIN && votes.some((v) => v.anonymous && !v.unknown))
    return { group, count: known.length, of: known.length, unknown, withheld: true, words: `answers withheld: fewer than ${ANONYMOUS_MIN} in a group with an anonymous respondent` };
  if (known.every((v) => typeof v === 'number')) {
    const xs = (known as number[]).slice().sort((a, b) => a - b);
    const mid = xs.length >> 1;
    // The middle answer; for an even count, the lower of the two middle ones, so the value is one somebody gave.
    const median = xs.length % 2 ? xs[mid]! : xs[mid - 1]!;
    // The range shows the lowest and highest answers: never for a group with an anonymous member.
    const range = votes.some((v) => v.anonymous) ? '' : ` (${xs[0]} to ${xs[xs.length - 1]})`;
    const words = xs.length === 1 ? String(median) : `median ${median} of ${xs.length} answers${range}`;
    return { group, value: median, count: xs.length, of: xs.length, unknown, words: words + dk };
  }
  const counts = new Map<string, { value: unknown; n: number }>();
  for (const v of known) {
    const k = keyOf(v);
    const c = counts.get(k) ?? { value: v, n: 0 };
    c.n++;
    counts.set(k, c);
  }
  // Most said first; equal counts in the order of their words, so the same answers always read the same.
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || (valueWords(a.value) < valueWords(b.value) ? -1 : 1));
  const top = ranked[0]!;
  const tied = ranked.filter((r) => r.n === top.n);
  const said = (r: { value: unknown; n: number }) => (known.length === 1 ? valueWords(r.value) : `${r.n} of ${known.length} said ${valueWords(r.value)}`);
  if (tied.length === 1) return { group, value: top.value, count: top.n, of: known.length, unknown, words: said(top) + dk };
  const mine = own === undefined ? undefined : tied.find((r) => keyOf(r.value) === keyOf(own));
  const split = `split: ${tied.map((r) => `${r.n} said ${valueWords(r.value)}`).join(', ')}`;
  if (mine) return { group, value: mine.value, count: mine.n, of: known.length, unknown, words: `${split}; the person's own answer (${valueWords(mine.value)}) decides${dk}` };
  return { group, count: top.n, of: known.length, unknown, words: split + dk };
}

/** Whether two group answers agree (numbers within NUMBER_TOLERANCE of the larger). */
export function agrees(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= NUMBER_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  return keyOf(a) === keyOf(b);
}

/** The fact a stored answer key speaks for, as a pattern: `self.x` -> `people[].x`. */
const patternOf = (key: string) => (key.startsWith('self.') ? `people[].${key.slice(5)}` : factPattern(key));

/**
 * The org the rules see, from the org and its responses by the policy above,
 * with the perception record. Without responses the org and unknowns are
 * returned as given and there is no perception.
 * @param org the loaded org (not changed)
 * @param unknowns fact paths the body answers "don't know"
 * @param reads each rule's id and the facts it reads (`people[].x`), to name the rules a gap affects
 */
export function resolveResponses(org: Org, unknowns: readonly string[], reads: readonly { id: string; reads: readonly string[]; category?: Category; facts?: unknown }[] = []): Resolved {
  const responses: readonly Response[] = org.responses ?? [];
  if (!responses.length) return { org, unknowns: [...unknowns] };
  const out = structuredClone(org);
  const unknownSet = new Set(unknowns);
  const overrides = org.resolution ?? {};
  // Plugin rules' custom facts: who answers them best (their askOf, else their section's groups).
  const custom = customFactGroups(reads);

  // Votes per concrete path, per group; and per pattern for the gaps.
  const byPath = new Map<string, Map<RespondentGroup, Vote[]>>();
  const byPattern = new Map<string, Map<RespondentGroup, Vote[]>>();
  const add = (m: Map<string, Map<RespondentGroup, Vote[]>>, key: string, g: RespondentGroup, v: Vote) => {
    const groups = m.get(key) ?? new Map<RespondentGroup, Vote[]>();
    m.set(key, groups);
    groups.set(g, [...(groups.get(g) ?? []), v]);
  };
  for (const r of responses) {
    for (const [given, raw] of Object.entries(r.answers ?? {})) {
      // An answer about a person is keyed by their name (`people[name=AE 4].x`): found in the roster as it is now. The loader refuses a name the roster lacks.
      const key = keyToPath(given, org.people);
      if (key === undefined) continue;
      const self = key.startsWith('self.');
      // A rep's answer about an item of a list other than people (kept by an older import) is not compared with the file's item of that number: it may be another item.
      if (r.group === 'reps' && /^(?!people\[)[^[]*\[\d+\]/.test(key)) continue;
      // A `self.` answer speaks for the reps in general only when a rep gave it: a manager's answer about themselves says nothing about the reps.
      if (self && r.group !== 'reps') continue;
      const unknown = typeof raw === 'string' && raw.trim().toLowerCase() === 'unknown';
      const vote: Vote = { value: raw, unknown, ...(r.respondent && !r.anonymous ? { respondent: r.respondent } : { anonymous: true }) };
      // A person's fact is compared person by person (what AE 4 says of AE 4 against what the file or the VP says of AE 4), never pooled over people.
      const path = self ? undefined : formatPath(parsePath(key));
      add(byPattern, path ?? patternOf(key), r.group, vote);
      if (path) add(byPath, path, r.group, vote);
    }
  }

  const resolutions: Resolution[] = [];
  for (const [path, groups] of [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const segs = parsePath(path);
    const person = typeof segs[1] === 'number' && segs[0] === 'people' ? org.people?.[segs[1]] : undefined;
    const own = (votes: Vote[]) => (person?.name ? votes.find((v) => !v.unknown && v.respondent === person.name)?.value : undefined);
    const override = overrides[path] ?? overrides[factPattern(path)];
    const best = knownBy(path, custom);
    const chosenGroup = override === 'file' ? undefined : override;
    const order = [...new Set([...(chosenGroup ? [chosenGroup] : []), ...best, ...RESPONDENT_GROUPS])].filter((g) => groups.has(g));
    const answers = order.map((g) => groupAnswer(g, groups.get(g)!, own(groups.get(g)!))).filter((a): a is GroupAnswer => a !== undefined);
    const body = getAt(org, segs);
    const chosen = answers.find((a) => a.value !== undefined);
    // The body is the consultant's record: it stands unless `resolution:` names
    // a group for the fact and that group answered. A claim the others
    // contradict never replaces it on its own (a VP's "stage-weighted" against
    // the file's and the reps' "gut" would lift the verdict on a disputed word);
    // the disagreement is shown, and is a finding where it decides a rule.
    if (body !== undefined && (override === 'file' || !(override && chosen?.group === override))) {
      const allAgree = answers.every((a) => a.value !== undefined && agrees(a.value, body));
      resolutions.push({
        path,
        from: 'file',
        reason:
          override === 'file'
            ? 'as written in the org file; the consultant chose the file for this fact'
            : allAgree
              ? `as written in the org file, as ${answers.map((a) => groupName(a.group)).join(' and ')} answered`
              : 'as written in the org file (the consultant\u2019s record; resolution: can name a group instead)',
      });
      continue;
    }
    if (!chosen) {
      // Nobody gave one answer: every group said "don't know", or was split.
      if (answers.every((a) => a.of === 0) && body === undefined) unknownSet.add(path);
      resolutions.push({
        path,
        from: answers[0]?.group ?? best[0] ?? 'file',
        reason: answers.some((a) => a.of > 0) ? `no answer: ${answers.map((a) => `${groupName(a.group)} ${a.words}`).join('; ')}` : 'every respondent said they did not know',
      });
      continue;
    }
    if (!setAt(out, segs, chosen.value)) continue;
    unknownSet.delete(path);
    const why =
      override === chosen.group
        ? 'the group the consultant chose for this fact'
        : answers.length === 1
          ? 'the only group that answered'
          : best[0] === chosen.group
            ? 'the best informed group'
            : `the best informed group that gave one answer`;
    resolutions.push({
      path,
      from: chosen.group,
      reason: `from ${groupName(chosen.group)}: ${chosen.words}; ${why}${body !== undefined && !agrees(chosen.value, body) ? `, over the org file\u2019s ${valueWords(body)}` : ''}`,
    });
  }

  // Gaps and alignment: by fact pattern, every group that gave one answer or was split.
  const gaps: PerceptionGap[] = [];
  const perSection = new Map<string, { facts: number; agree: number }>();
  for (const [fact, groups] of [...byPattern].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const answers = RESPONDENT_GROUPS.filter((g) => groups.has(g))
      .map((g) => groupAnswer(g, groups.get(g)!))
      .filter((a): a is GroupAnswer => a !== undefined && a.of > 0 && !a.withheld);
    // The body's own value takes part when it gives one for this very fact (not for a pattern over a list).
    const body = fact.includes('[]') ? undefined : getAt(org, fact);
    const withBody = body !== undefined && answers.some((a) => a.value === undefined || !agrees(a.value, body));
    if (answers.length < 2 && !withBody) continue;
    const section = String(parsePath(fact)[0]);
    if (answers.length >= 2) {
      const s = perSection.get(section) ?? { facts: 0, agree: 0 };
      perSection.set(section, s);
      s.facts++;
      const first = answers[0]!;
      if (answers.every((a) => a.value !== undefined && agrees(a.value, first.value))) {
        s.agree++;
        if (!withBody) continue;
      }
    }
    gaps.push({ fact, section, answers, ...(withBody ? { recorded: body } : {}), rules: reads.filter((r) => readsFact(r.reads, factPattern(fact))).map((r) => r.id), decisive: [] });
  }
  const alignment = [...perSection].map(([section, s]) => ({ section, ...s, pct: s.facts ? Math.floor((100 * s.agree) / s.facts) : null }));

  const respondents = RESPONDENT_GROUPS.filter((g) => responses.some((r) => r.group === g)).map((group) => ({
    group,
    named: responses.filter((r) => r.group === group && !r.anonymous && r.respondent).length,
    anonymous: responses.filter((r) => r.group === group && (r.anonymous || !r.respondent)).length,
  }));
  return { org: out, unknowns: [...unknownSet].sort(), perception: { respondents, gaps, alignment, resolutions } };
}

/** Whether a rule's reads cover a fact: the fact itself, or an object or list it reads whole (none of whose fields it names). */
function readsFact(reads: readonly string[], fact: string): boolean {
  return reads.some((x) => {
    if (x === fact) return true;
    if (!fact.startsWith(`${x}.`) && !fact.startsWith(`${x}[`)) return false;
    return !reads.some((y) => y !== x && (y.startsWith(`${x}.`) || y.startsWith(`${x}[`)));
  });
}

/**
 * Sets a fact in a plain org, creating the objects on the way; false when a
 * list item on the way is not there (an answer about a person no longer listed).
 */
export function setAt(root: unknown, segs: readonly (string | number)[], value: unknown): boolean {
  let cur = root as Record<string | number, unknown>;
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i]!;
    let next = cur[s];
    if (next === undefined || next === null) {
      if (typeof segs[i + 1] === 'number') return false;
      next = cur[s] = {};
    }
    if (typeof next !== 'object') return false;
    cur = next as Record<string | number, unknown>;
  }
  cur[segs[segs.length - 1]!] = value;
  return true;
}
