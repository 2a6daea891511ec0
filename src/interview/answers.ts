// The answers-file prompter: makes the interview scriptable (CI, tests, a
// consultant's prepared notes). The file is a YAML map of fact path -> value:
//
//   leadership.sales_managed_by: ceo
//   people[0].name: AE 1
//   people[0].selling_time_pct: 30
//   plan.last_reviewed: unknown        # don't know
//   notes.leadership: The CEO runs sales two days a week.
//
// A list is answered item by item (people[0].*, people[1].*...), with `[]` for
// "there are none", `unknown`, or, for people, `people_csv: reps.csv`. A fact
// the file does not give is skipped (asked next time). Every entry is checked
// before anything is written, so a typo stops the run with file:line:col.
import type { RespondentGroup } from '../model/respondents';
import { RESPONDENT_GROUPS } from '../model/respondents';
import { LineCounter, parseDocument, isMap, isScalar, type Pair } from 'yaml';
import { keysAt, schemaAt, unwrap } from '../model/introspect';
import { formatPath, parsePath, personKey, splitPersonKey } from '../model/paths';
import { toPlain } from '../load/yaml-doc';
import { SECTIONS, type Section } from '../model/schema';
import { suggest, type Diagnostic } from '../load/diagnostics';
import { issuesToDiagnostics } from '../load/issues';
import { isUnknown } from '../load/normalize';
import { PositionMap } from '../load/positions';
import { checkAnswer, questionFor, type Question } from './plan';
import { afterToday, parseValues, splitValues, checkValue, type FactAnswer, type ItemsAnswer, type ItemsContext, type Prompter } from './prompter';

export interface AnswerEntry {
  key: string;
  value: unknown;
  line: number;
  column: number;
}

/** The answers file's `respondent:` header: who answers, in which role group. */
export interface RespondentHeader {
  /** Absent for an anonymous respondent. */
  name?: string;
  group?: RespondentGroup;
  anonymous?: boolean;
  line: number;
  column: number;
}

/** The reserved top-level key of an answers file that says who answers. */
export const RESPONDENT_KEY = 'respondent';
/** The prefix of a rep's answers about themselves: `self.coaching.one_to_one`. */
export const SELF_PREFIX = 'self.';
/** The person-level fact a `self.` key stands for, as a path to check it by (`people[0].<fact>`). */
export const selfAsPerson = (key: string, index = 0): string => `people[${index}].${key.slice(SELF_PREFIX.length)}`;

export type AnswersResult = { ok: true; entries: Map<string, AnswerEntry>; respondent?: RespondentHeader } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses and checks an answers file; every problem is a diagnostic with a place.
 * With `opts.date`, the interview's date (YYYY-MM-DD), a date that cannot be
 * later (a role opened, a plan reviewed) is refused with the reason, before
 * anything is written.
 * `opts.respondent`: the answers are one respondent's among several (also so
 * when the file has a `respondent:` key), about the items the org file lists:
 * `people[3]` needs no `people[0]` before it.
 */
export function parseAnswers(text: string, file: string, opts: { respondent?: boolean; date?: string } = {}): AnswersResult {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number) => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return { ok: false, diagnostics: [{ file, ...at(e.pos[0]), message: `invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` }] };
  }
  // Aliases, merge keys and odd keys are read as the org file's loader reads
  // them: a cycle or an alias bomb is refused with its place, never expanded.
  const plain = toPlain(doc.contents, file, lc);
  if (!plain.ok) return { ok: false, diagnostics: [plain.diagnostic] };
  const entries = new Map<string, AnswerEntry>();
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return { ok: true, entries };
  if (!isMap(doc.contents)) {
    return { ok: false, diagnostics: [{ file, line: 1, column: 1, message: 'expected a map of fact path -> answer, e.g. "leadership.sales_managed_by: ceo"' }] };
  }
  const diagnostics: Diagnostic[] = [];
  let respondent: RespondentHeader | undefined;
  for (const pair of doc.contents.items as Pair<unknown, unknown>[]) {
    const keyNode = pair.key as { value?: unknown; range?: [number, number, number] };
    const key = String(keyNode?.value ?? '');
    const pos = keyNode?.range ? at(keyNode.range[0]) : { line: 1, column: 1 };
    const value = (plain.raw as Record<string, unknown>)[key] ?? null;
    if (key === RESPONDENT_KEY) {
      const r = parseHeader(value, pair.value, at);
      if ('message' in r) diagnostics.push({ file, ...(r.at ?? pos), path: r.path, message: r.message });
      else respondent = { ...r, ...pos };
      continue;
    }
    if (key.startsWith(SELF_PREFIX)) {
      const problem = key.includes('[') ? `a self. answer is about one person: write the fact without an item number (self.coaching.one_to_one)` : checkEntry(selfAsPerson(key), value, opts.date);
      if (problem) diagnostics.push({ file, ...pos, path: key, message: problem.replaceAll('people[0].', SELF_PREFIX) });
      else if (value !== null) entries.set(key, { key, value, ...pos });
      continue;
    }
    // An answer about a person by name (`people[name=AE 4].x`, as the questionnaire writes it): checked as that fact of a person; the name is checked against the roster on import.
    const named = splitPersonKey(key);
    if (named) {
      const problem = checkEntry(`people[0]${named.rest}`, value, opts.date);
      const canonical = personKey(named.name, named.rest);
      if (problem) diagnostics.push({ file, ...pos, path: key, message: problem.replaceAll('people[0]', `people[name=${named.name}]`) });
      else if (value !== null) entries.set(canonical, { key, value, ...pos });
      continue;
    }
    const problem = checkEntry(key, value, opts.date);
    if (problem) diagnostics.push({ file, ...pos, path: key || undefined, message: problem });
    else if (value !== null) entries.set(formatPath(parsePath(key)), { key, value, ...pos });
  }
  // Items are numbered from 0 without gaps: people[2] needs people[1]. (Not for one respondent's answers about listed items.)
  if (opts.respondent || respondent)
    return diagnostics.length ? { ok: false, diagnostics: diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) } : { ok: true, entries, ...(respondent ? { respondent } : {}) };
  const items = new Set<string>();
  for (const k of entries.keys()) for (const m of k.matchAll(/\[(\d+)\]/g)) items.add(k.slice(0, m.index! + m[0].length));
  for (const [k, e] of entries) {
    for (const m of k.matchAll(/\[(\d+)\]/g)) {
      const n = Number(m[1]);
      const before = `${k.slice(0, m.index!)}[${n - 1}]`;
      if (n > 0 && !items.has(before)) {
        diagnostics.push({ file, line: e.line, column: e.column, path: e.key, message: `${before} has no answers: number the items from 0, without gaps` });
        break;
      }
    }
  }
  return diagnostics.length ? { ok: false, diagnostics: diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) } : { ok: true, entries, ...(respondent ? { respondent } : {}) };
}

const HEADER_EXAMPLE = 'e.g. respondent: {name: "Dana Reyes, AE", group: reps}';

/** The `respondent:` header: name (text), group (one of RESPONDENT_GROUPS), anonymous (true or false), nothing else. */
function parseHeader(
  value: unknown,
  node: unknown,
  at: (offset: number) => { line: number; column: number },
): Omit<RespondentHeader, 'line' | 'column'> | { message: string; path?: string; at?: { line: number; column: number } } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { message: `expected who answers as a map of name, group and anonymous, ${HEADER_EXAMPLE}`, path: RESPONDENT_KEY };
  // The place of a field's value, for its message.
  const place = (k: string, key = false) => {
    if (!isMap(node)) return undefined;
    const p = (node.items as Pair<unknown, unknown>[]).find((x) => isScalar(x.key) && x.key.value === k);
    const r = (key ? undefined : (p?.value as { range?: [number, number, number] } | undefined)?.range) ?? (p?.key as { range?: [number, number, number] } | undefined)?.range;
    return r ? at(r[0]) : undefined;
  };
  const out: Omit<RespondentHeader, 'line' | 'column'> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const path = `${RESPONDENT_KEY}.${k}`;
    if (k === 'name') {
      if (v === null) continue;
      if (typeof v !== 'string' || !v.trim()) return { message: `expected the respondent's name as text, ${HEADER_EXAMPLE}`, path, at: place(k) };
      out.name = v.trim();
    } else if (k === 'group') {
      if (typeof v !== 'string' || !(RESPONDENT_GROUPS as readonly string[]).includes(v)) {
        const s = typeof v === 'string' ? suggest(v, RESPONDENT_GROUPS) : undefined;
        return { message: `expected one of: ${RESPONDENT_GROUPS.join(', ')}; got ${v === null ? 'nothing' : JSON.stringify(v)}${s ? ` (did you mean "${s}"?)` : ''}`, path, at: place(k) };
      }
      out.group = v as RespondentGroup;
    } else if (k === 'anonymous') {
      if (typeof v !== 'boolean') return { message: `expected true or false; got ${v === null ? 'nothing' : JSON.stringify(v)}`, path, at: place(k) };
      out.anonymous = v;
    } else {
      const s = suggest(k, ['name', 'group', 'anonymous']);
      return { message: `unknown field "${k}"; expected name, group or anonymous${s ? ` (did you mean "${s}"?)` : ''}`, path, at: place(k, true) };
    }
  }
  if (out.anonymous && out.name) return { message: 'an anonymous respondent has no name: remove the name, or anonymous: true', path: `${RESPONDENT_KEY}.name`, at: place('name') };
  return out;
}

function checkEntry(key: string, value: unknown, date: string | undefined): string | undefined {
  const segs = parsePath(key);
  if (!key.trim() || !segs.length) return 'expected a fact path as the key, e.g. leadership.sales_managed_by';
  if (segs.includes(-1)) return `give the item's number: ${key.replace('[]', '[0]')}`;
  if (segs[0] === 'notes') {
    if (segs.length !== 2 || !(SECTIONS as readonly string[]).includes(String(segs[1]))) {
      const s = suggest(String(segs[1] ?? ''), SECTIONS);
      return `notes are per section: notes.<${SECTIONS.join('|')}>${s ? `; did you mean "notes.${s}"?` : ''}`;
    }
    return typeof value === 'string' || value === null ? undefined : 'expected text';
  }
  const q = questionFor(key, date);
  if (!q) {
    // Point at the first part of the path that is not in the schema.
    for (let i = 0; i < segs.length; i++) {
      if (!schemaAt(segs.slice(0, i + 1))) {
        const seg = segs[i]!;
        if (typeof seg === 'number') return `${formatPath(segs.slice(0, i))} is not a list`;
        const allowed = keysAt(segs.slice(0, i));
        const s = suggest(seg, allowed);
        return `unknown fact "${formatPath(segs.slice(0, i + 1))}"${s ? `; did you mean "${formatPath([...segs.slice(0, i), s])}"?` : allowed.length ? `; expected one of: ${allowed.join(', ')}` : ''}`;
      }
    }
    return `"${key}" is not a fact the interview asks (answer its fields one by one, e.g. ${key}.<field>)`;
  }
  // An empty value (`key:`) is "not answered": the questionnaire writes every
  // key empty, and a respondent leaves the ones they skip as they are.
  if (value === null || isUnknown(value)) return undefined;
  if (q.kind === 'items') {
    if (Array.isArray(value) && value.length === 0) return undefined;
    if (typeof value === 'string' && value.trim().toLowerCase() === 'none') return undefined;
    return `a list is answered item by item (${key}[0].<field>: ...), or with [] for none or unknown`;
  }
  const c = coerce(q, value);
  return c.ok ? undefined : c.message;
}

/**
 * What the org-file loader would say about this value for this fact (its
 * wording, "; write the number without "%"" included), so an answers file and
 * an org file get the same message for the same mistake. Undefined when the
 * schema takes the value.
 */
export function loaderMessage(q: Question, value: unknown): string | undefined {
  const s = schemaAt(q.segs);
  if (!s) return undefined;
  const fact = unwrap(s);
  const r = fact.safeParse(value);
  if (r.success) return undefined;
  const d = issuesToDiagnostics(r.error.issues.slice(0, 1), '', new PositionMap(), value, fact)[0];
  if (!d) return undefined;
  const item = r.error.issues[0]!.path.find((x) => typeof x === 'number');
  return typeof item === 'number' && !d.message.startsWith('item ') ? `item ${item + 1}: ${d.message}` : d.message;
}

/** An answers-file value as the fact's value, checked against the schema; a problem is worded as the loader words it. */
export function coerce(q: Question, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const r = coerceValue(q, value);
  if (r.ok) return r;
  // The value as the answers file gave it, or as far as it could be read (a quoted "150" is checked as 150).
  return { ok: false, message: ('tried' in r ? loaderMessage(q, r.tried) : undefined) ?? r.message };
}

function coerceValue(q: Question, value: unknown): { ok: true; value: unknown } | { ok: false; message: string; tried?: unknown } {
  const got = value === null ? 'nothing' : typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'a list' : String(value);
  switch (q.kind) {
    case 'select': {
      const values = q.choices!.map((c) => c.value);
      if (typeof value === 'string' && values.includes(value)) return { ok: true, value };
      const s = typeof value === 'string' ? suggest(value, values) : undefined;
      return { ok: false, message: `expected one of: ${values.join(', ')}; got ${got}${s ? ` (did you mean "${s}"?)` : ''}`, tried: value };
    }
    case 'checkbox': {
      const list = Array.isArray(value)
        ? value
        : typeof value === 'string'
          ? value
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean)
          : undefined;
      const values = q.choices!.map((c) => c.value);
      const bad = list?.find((x) => typeof x !== 'string' || !values.includes(x));
      if (!list || bad !== undefined) return { ok: false, message: `expected a list of: ${values.join(', ')}; got ${bad !== undefined ? JSON.stringify(bad) : got}`, tried: list ?? value };
      // As in the terminal: `none` says there are none, so it cannot come with others.
      if (list.length > 1 && list.includes('none') && values.includes('none')) return { ok: false, message: `"none" goes on its own; got ${list.join(', ')}` };
      const m = checkValue(q, list);
      return m ? { ok: false, message: m, tried: list } : { ok: true, value: list };
    }
    case 'boolean': {
      // One rule for every YAML file, YAML 1.2's: `yes` and `on` are text, as in an org file.
      if (typeof value === 'boolean') return { ok: true, value };
      const v = typeof value === 'string' ? value.trim().toLowerCase() : '';
      const hint = ['yes', 'y', 'on', 'no', 'n', 'off'].includes(v) ? ` (YAML 1.2 reads ${v} as text: write ${['yes', 'y', 'on'].includes(v)})` : '';
      return { ok: false, message: `expected true or false; got ${got}${hint}`, tried: value };
    }
    case 'number': {
      // A YAML file, read as the org file is (its messages word for word), except that a percentage may end in "%" (`40%`), as the questionnaire and the terminal promise.
      const text = typeof value === 'string' ? (q.unit === '%' ? value.trim().replace(/\s*%$/, '') : value.trim()) : '';
      const n = typeof value === 'number' ? value : text !== '' ? Number(text) : NaN;
      if (!Number.isFinite(n)) return { ok: false, message: `expected a number; got ${got}`, tried: value };
      const m = checkValue(q, n);
      return m ? { ok: false, message: `${m}; got ${n}`, tried: n } : { ok: true, value: n };
    }
    case 'values': {
      const r = Array.isArray(value)
        ? (() => {
            const m = checkValue(q, value);
            return m ? { ok: false as const, message: m, tried: value } : { ok: true as const, value };
          })()
        : parseValues(q, String(value ?? ''));
      return r.ok ? r : { ...r, tried: Array.isArray(value) ? value : splitValues(q, String(value ?? '')) };
    }
    default: {
      const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
      if (text === undefined) return { ok: false, message: `expected ${q.kind === 'date' ? 'a date as YYYY-MM-DD' : 'text'}; got ${got}`, tried: value };
      const m = checkAnswer(q.segs, text);
      if (m) return { ok: false, message: `${m}; got ${JSON.stringify(text)}`, tried: text };
      // A date after the interview's: the reason names the date already (no "; got").
      const late = afterToday(q, text);
      return late ? { ok: false, message: late } : { ok: true, value: text };
    }
  }
}

export class AnswersPrompter implements Prompter {
  /** Entries that were asked for. */
  readonly used = new Set<string>();

  constructor(
    readonly entries: Map<string, AnswerEntry>,
    private readonly file: string,
  ) {}

  private take(path: string): AnswerEntry | undefined {
    const e = this.entries.get(path);
    if (e) this.used.add(path);
    return e;
  }

  private hasItem(path: string, index: number): boolean {
    const prefix = `${path}[${index}]`;
    return [...this.entries.keys()].some((k) => k === prefix || k.startsWith(`${prefix}.`) || k.startsWith(`${prefix}[`));
  }

  async ask(q: Question): Promise<FactAnswer> {
    const e = this.take(q.path);
    if (!e) return { kind: 'skip' };
    if (isUnknown(e.value)) return { kind: 'unknown' };
    const c = coerce(q, e.value);
    if (!c.ok) throw new AnswersError({ file: this.file, line: e.line, column: e.column, path: q.path, message: c.message });
    return { kind: 'value', value: c.value };
  }

  async askItems(q: Question, _p: unknown, ctx: ItemsContext): Promise<ItemsAnswer> {
    if (q.continuing) return this.hasItem(q.path, q.count ?? 0) ? { kind: 'add' } : { kind: 'done' };
    const e = this.take(q.path);
    if (e && isUnknown(e.value)) return { kind: 'unknown' };
    if (e) return { kind: 'none' };
    if (q.csv) {
      const csvPath = formatPath([...q.segs.slice(0, -1), q.csv]);
      const c = this.take(csvPath);
      if (c && isUnknown(c.value)) return { kind: 'unknown' };
      if (c) {
        const problem = await ctx.checkCsv(String(c.value));
        if (problem) throw new AnswersError({ file: this.file, line: c.line, column: c.column, path: csvPath, message: problem });
        return { kind: 'csv', path: String(c.value).trim() };
      }
    }
    return this.hasItem(q.path, 0) ? { kind: 'add' } : { kind: 'skip' };
  }

  async askNote(section: Section): Promise<string | undefined> {
    const e = this.take(`notes.${section}`);
    return typeof e?.value === 'string' ? e.value : undefined;
  }

  /** Answers kept though they differ from their counterpart (a territory's date from its role's), with the difference. */
  readonly kept: { entry: AnswerEntry; difference: string }[] = [];

  /**
   * Offers (open roles as open territories) are declined: the file says what
   * it means. An answer that differs from its counterpart is kept as the file
   * gives it, and noted (see kept).
   */
  async confirm(id: string, message: string): Promise<boolean> {
    if (!id.startsWith('keep:')) return false;
    const entry = this.entries.get(id.slice('keep:'.length));
    if (entry) this.kept.push({ entry, difference: message.replace(/\. Keep [^\n]*\?$/, '') });
    return true;
  }

  /** Whether the file answers this fact path. */
  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Entries never asked for: already answered in the file, not needed, or not applicable. */
  unused(): AnswerEntry[] {
    return [...this.entries.entries()].filter(([k]) => !this.used.has(k)).map(([, e]) => e);
  }
}

/** A bad value in the answers file, found when its question comes up. */
export class AnswersError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'AnswersError';
  }
}
