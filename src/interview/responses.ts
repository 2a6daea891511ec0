// Several respondents (issue 14): one respondent's answers, kept in the org
// file under `responses:` as one entry per respondent, never mixed with the
// consultant's own facts or with another respondent's answers. Re-importing a
// named respondent replaces only their own entry; a respondent without a name
// is found again only by the resume code of their entry (`--resume`), else
// each import or session adds an entry.
import type { Response } from '../model/schema';
import { canAnswer, factPattern, type CustomGroups, type RespondentGroup } from '../model/respondents';
import { isUnknown, UNKNOWN } from '../load/normalize';
import { AnswersError, coerce, SELF_PREFIX, selfAsPerson, type AnswerEntry } from './answers';
import { questionFor } from './plan';
import { getAt, personIndex, personKey, splitPersonKey, storedKey } from '../model/paths';
import { suggest } from '../load/diagnostics';
import type { OrgText } from './writeback';

/** A key about an item of a list other than people (`admin.non_sales_tasks[0].task`). */
const LIST_ITEM = /^(?!people\[|self\.)[^[]*\[\d+\]/;

/** Who gives a set of answers. */
export interface Respondent {
  /** Absent when anonymous. */
  name?: string;
  group: RespondentGroup;
  anonymous?: boolean;
  /** A respondent without a name: the code their entry is found again by (`--resume`; see newResumeCode). */
  resume?: string;
}

/** Whether a respondent has no name to be found again by (anonymous, or only a group given): they resume by a code. */
export const nameless = (who: Respondent): boolean => who.anonymous === true || !who.name;

/**
 * A fresh resume code for a respondent without a name: 8 random hex digits,
 * none that an entry of `responses` already has.
 * @param responses - the org file's `responses:` as read
 * @param random - 4 random bytes (crypto.randomBytes in the CLI)
 */
export function newResumeCode(responses: unknown, random: () => Uint8Array): string {
  const taken = new Set(Array.isArray(responses) ? responses.map((r) => (r as Response | null)?.resume) : []);
  for (;;) {
    const code = [...random()].map((b) => b.toString(16).padStart(2, '0')).join('');
    if (!taken.has(code)) return code;
  }
}

/** The roster person a named respondent is (same name, ignoring case and spaces at the ends); undefined when anonymous or not listed. */
export function personOf(who: Respondent, people: readonly { name?: unknown }[] | undefined): number | undefined {
  if (who.anonymous || !who.name) return undefined;
  return personIndex(people, who.name);
}

export { storedKey };

/**
 * A respondent's entry for `responses:` from an answers file's entries: each
 * value checked and read as the interview reads it (`unknown` kept as the
 * word, a list answered "none" as []). A `self.` answer of a respondent found
 * in the roster becomes that person's fact; otherwise it stays `self.`.
 * @throws AnswersError for a value its fact does not take (file:line:col)
 */
export function responseFromAnswers(entries: ReadonlyMap<string, AnswerEntry>, who: Respondent, date: string, file: string, person?: number, org?: unknown, orgFile = 'the org file'): Response {
  const answers: Record<string, unknown> = {};
  const people = (org as { people?: unknown[] } | undefined)?.people;
  for (const [given, e] of entries) {
    // An answer about a person by name: about a person of the roster, never silently someone else (issue 14).
    const named = splitPersonKey(given);
    if (named && org !== undefined && personIndex(people, named.name) === undefined) {
      const names = (people ?? []).map((p) => (p as { name?: unknown })?.name).filter((n): n is string => typeof n === 'string');
      const s = suggest(named.name, names);
      throw new AnswersError({ file, line: e.line, column: e.column, path: e.key, message: `no person named "${named.name}" in ${orgFile}${s ? ` (did you mean "${s}"?)` : ''}` });
    }
    const key = named ? `people[0]${named.rest}` : given;
    // An answer about a list item is about one the org file lists (a respondent does not add people).
    if (org !== undefined)
      for (const m of key.matchAll(/\[(\d+)\]/g)) {
        const list = getAt(org, key.slice(0, m.index!));
        const n = Array.isArray(list) ? list.length : 0;
        if (Number(m[1]) >= n)
          throw new AnswersError({
            file,
            line: e.line,
            column: e.column,
            path: e.key,
            message: `${key.slice(0, m.index! + m[0].length)} is not in ${orgFile}, which lists ${n} item${n === 1 ? '' : 's'} there (numbered from 0)`,
          });
      }
    // A rep answers facts, never a list's shape or its items: the consultant keeps lists, and a rep's item 0 need not be the file's item 0 (issue 14, item 4).
    if (who.group === 'reps' && (LIST_ITEM.test(key) || questionFor(key)?.kind === 'items'))
      throw new AnswersError({
        file,
        line: e.line,
        column: e.column,
        path: e.key,
        message: `a rep answers facts, not a list's items: ${key.replace(/\[\d+\].*$/, '')} is the consultant's to list (remove this answer)`,
      });
    const self = key.startsWith(SELF_PREFIX);
    // Stored by the person's name (an index form from an older questionnaire is migrated here).
    const path = named ? personKey(named.name, named.rest) : storedKey(self && person !== undefined ? selfAsPerson(key, person) : key, people);
    if (isUnknown(e.value)) {
      answers[path] = UNKNOWN;
      continue;
    }
    const q = questionFor(self ? selfAsPerson(key) : key);
    if (!q) {
      // Notes are the consultant's, per section: kept with the answers as given (text, checked by the parser).
      answers[path] = e.value;
      continue;
    }
    if (q.kind === 'items') {
      answers[path] = [];
      continue;
    }
    const c = coerce(q, e.value);
    if (!c.ok) throw new AnswersError({ file, line: e.line, column: e.column, path: e.key, message: c.message });
    answers[path] = c.value;
  }
  return {
    ...(who.name && !who.anonymous ? { respondent: who.name } : {}),
    group: who.group,
    ...(who.anonymous ? { anonymous: true } : {}),
    on: date,
    ...(who.resume && nameless(who) ? { resume: who.resume } : {}),
    answers,
  };
}

/**
 * The index of a respondent's own entry in `responses:`: a named one's by name
 * and group; one without a name by its resume code and group (none without a
 * code: nothing else tells two anonymous reps apart). Undefined for a new one.
 */
export function entryIndex(responses: unknown, who: Respondent): number | undefined {
  if (!Array.isArray(responses)) return undefined;
  const mine = nameless(who)
    ? who.resume === undefined
      ? () => false
      : (r: Response) => r.resume === who.resume && r.group === who.group && !r.respondent
    : (r: Response) => r.respondent === who.name && r.group === who.group && !r.anonymous;
  const i = responses.findIndex((r) => r && typeof r === 'object' && mine(r as Response));
  return i < 0 ? undefined : i;
}

/**
 * Writes a respondent's entry into the org text: in place of their own entry
 * when there is one, else appended. Every other entry, and the rest of the
 * file, stays as it is.
 * @returns whether it replaced an earlier entry
 */
export function putResponse(org: OrgText, entry: Response, who: Respondent): boolean {
  const raw = org.state().data.responses;
  const i = entryIndex(raw, who);
  if (i !== undefined) {
    org.set(['responses', i], entry);
    return true;
  }
  org.set(['responses', Array.isArray(raw) ? raw.length : 0], entry);
  return false;
}

/**
 * The facts a respondent's terminal interview asks: those the rules read that
 * their group can answer (src/model/respondents.ts), a person's facts only
 * about the respondent themselves for a rep found in the roster (none for
 * another rep), and about everyone for the other groups. Patterns keep `[]`.
 * `custom`: who answers the plugin rules' custom facts (customFactGroups).
 */
export function respondentFacts(reads: readonly string[], who: Respondent, person: number | undefined, custom?: CustomGroups): string[] {
  const out = new Set<string>();
  for (const r of reads) {
    if (!canAnswer(who.group, r, custom)) continue;
    if (r.startsWith('people[]')) {
      if (who.group !== 'reps') out.add(r);
      else if (person !== undefined) out.add(`people[${person}]${r.slice('people[]'.length)}`);
      continue;
    }
    out.add(r);
  }
  return [...out].sort();
}

/** Whether a question's fact is one of `wanted` (a pattern with `[]` stands for every item). */
export const isWanted = (path: string, wanted: readonly string[]): boolean => wanted.some((w) => w === path || (w.includes('[]') && factPattern(path) === w));

/**
 * A respondent's entry with one more answer, as an edit of the org text:
 * their entry at `index` when this session has one, else their own named
 * entry, else a new one. Returns the entry's index.
 */
export function addAnswer(org: OrgText, who: Respondent, date: string, path: string, value: unknown, index: number | undefined): number {
  const raw = org.state().data.responses;
  const list = Array.isArray(raw) ? (raw as Response[]) : [];
  // By its code when it has one: the file may have changed under the session (another entry added before it).
  const at = who.resume !== undefined && nameless(who) ? entryIndex(raw, who) : index !== undefined && list[index] && list[index].group === who.group ? index : entryIndex(raw, who);
  const before = at === undefined ? {} : (list[at]?.answers ?? {});
  const entry: Response = {
    ...(who.name && !who.anonymous ? { respondent: who.name } : {}),
    group: who.group,
    ...(who.anonymous ? { anonymous: true } : {}),
    on: date,
    ...(who.resume && nameless(who) ? { resume: who.resume } : {}),
    // A person's fact by the person's name, so it stays theirs when the roster is reordered.
    answers: { ...before, [storedKey(path, (org.state().data as { people?: unknown[] }).people)]: value },
  };
  const i = at ?? list.length;
  org.set(['responses', i], entry);
  return i;
}
