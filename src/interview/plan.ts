// The question planner: from the facts in the file, the facts the rules read
// (each rule's `reads`) and the schema's meta, the ordered list of questions
// still to ask. Pure: no I/O, no prompts. Nothing here is worded by hand: the
// question, help, choices, units and ranges all come from src/model/schema.ts,
// so a new fact plus a rule that reads it is all the interview needs.
import type * as z from 'zod/mini';
import { daysBetween } from '../engine/define-rule';
import { child, customSectionOf, keysAt, kindOf, metaOf, orgRoot, schemaAt, unwrap } from '../model/introspect';
import { namingWhoRunsSales } from '../model/describe';
import { formatPath, parsePath, type Segment } from '../model/paths';
import { SECTIONS, type FactMeta, type Section } from '../model/schema';

export interface RuleReads {
  id: string;
  title: string;
  reads: readonly string[];
}

/** How a fact is asked. */
export type Kind =
  | 'select' // one of the schema's choices
  | 'checkbox' // several of the choices
  | 'number'
  | 'boolean'
  | 'text'
  | 'date' // YYYY-MM-DD
  | 'values' // a list of plain values, typed comma-separated (attainment, exit criteria)
  | 'items'; // a list of objects, asked as an "add another?" loop

export interface Choice {
  value: string;
  label: string;
}

export interface Question {
  /** Unique within a session: the fact path, or `<list path>#<items so far>` for an "add" question. */
  id: string;
  /** The fact path: `people[1].selling_time_pct`. */
  path: string;
  segs: Segment[];
  /** The path with list indices removed, as rules write their reads: `people[].selling_time_pct`. */
  pattern: string;
  section: Section;
  kind: Kind;
  message: string;
  help?: string;
  unit?: string;
  choices?: Choice[];
  min?: number;
  max?: number;
  integer?: boolean;
  /** For `values`: the kind of each value. */
  valueKind?: 'number' | 'text';
  /** For `items`: the singular noun ("person"), the CSV alternative (people_csv) and the items so far. */
  item?: string;
  csv?: string;
  /** For `items` with a CSV alternative: that fact's question and help. */
  csvMessage?: string;
  csvHelp?: string;
  count?: number;
  /** For `items`: the list exists already (the question is "add another?"). */
  continuing?: boolean;
  /** For an item's fields: which item ("Person 2 (AE 2)"). */
  context?: string;
  /** The rules the answer feeds (why we ask). Empty for facts asked for the report (askAlways). */
  feeds: { id: string; title: string }[];
  /** The answer already in the file (asked again with --all). */
  current?: unknown;
  /** The file says `unknown` (don't know). */
  currentUnknown?: boolean;
  /**
   * With `conditional`, for a list not started: how many questions it stands
   * for (itself, one item's questions, the "add another?" after it), so
   * progress counts do not jump when the first item is added.
   */
  estimate?: number;
  /**
   * For a date that cannot be after the interview's date (notAfterToday in the
   * model): that date (YYYY-MM-DD) and the question to ask again.
   */
  notAfter?: { date: string; again: string };
}

export interface PlanState {
  data: Record<string, unknown>;
  unknowns: ReadonlySet<string>;
  /** Lists whose "add another?" loop is unfinished. */
  openLists: ReadonlySet<string>;
}

export interface PlanOptions {
  /** Ask every fact again, answered or not. */
  all?: boolean;
  /** Only this section. */
  section?: Section;
  /** Also list the questions that depend on a fact not answered yet (for counting progress). */
  conditional?: boolean;
  /**
   * Only the questions that settle these facts (concrete or generic paths, as
   * find-out items name them), the lists that hold them, and the facts that
   * gate them (a person's name and whether they sell): `interview --quick`.
   */
  only?: readonly string[];
  /** The interview's date (YYYY-MM-DD), for facts asked only while a date is recent (askWhileRecent). */
  date?: string;
}

type Any = z.ZodMiniType;

interface ReadNode {
  /** The rule reads the whole value (a list or an object): every field is needed. */
  whole: boolean;
  children: Map<string | number, ReadNode>;
}

const newNode = (): ReadNode => ({ whole: false, children: new Map() });

/** The tree of facts to ask: every rule's reads, plus facts marked askAlways. */
export function readTree(rules: readonly RuleReads[]): ReadNode {
  const root = newNode();
  const add = (segs: Segment[]) => {
    let n = root;
    for (const s of segs) {
      const k = s === -1 ? -1 : s;
      let c = n.children.get(k);
      if (!c) n.children.set(k, (c = newNode()));
      n = c;
    }
    n.whole = true;
  };
  for (const r of rules) for (const p of r.reads) add(parsePath(p));
  for (const p of alwaysAsked()) add(parsePath(p));
  return root;
}

let always: string[] | undefined;
let cachedFor: unknown;
/** The schema-derived caches below hold for one org schema: custom facts (useCustomFacts) make another. */
function freshCaches(): void {
  if (cachedFor === orgRoot()) return;
  cachedFor = orgRoot();
  always = undefined;
  gates = undefined;
  orderCache.clear();
}

/** Facts whose meta says askAlways (e.g. the company name the report shows). */
export function alwaysAsked(): string[] {
  freshCaches();
  if (always) return always;
  const out: string[] = (always = []);
  const walk = (segs: Segment[]) => {
    for (const k of keysAt(segs)) {
      const s = schemaAt([...segs, k]);
      if (!s) continue;
      const kind = kindOf(s);
      if (kind === 'object') walk([...segs, k]);
      else if (kind === 'array' && kindOf(child(s, 0)!) === 'object') walk([...segs, k, -1]);
      else if (metaOf(s).askAlways) out.push(formatPath([...segs, k]).replace(/\[-1\]/g, '[]'));
    }
  };
  walk([]);
  return out;
}

/** `people[2].coaching.plan` -> `people[].coaching.plan`. */
export const patternOf = (path: string) => path.replace(/\[\d+\]/g, '[]');

/** The rules whose reads include this fact, a part of it, or a list or object holding it. */
export function feedsOf(pattern: string, rules: readonly RuleReads[]): { id: string; title: string }[] {
  const related = (r: string) => r === pattern || r.startsWith(`${pattern}.`) || r.startsWith(`${pattern}[`) || pattern.startsWith(`${r}.`) || pattern.startsWith(`${r}[`);
  return rules.filter((rule) => rule.reads.some(related)).map(({ id, title }) => ({ id, title }));
}

export function sectionOf(segs: readonly Segment[]): Section | undefined {
  const top = String(segs[0]);
  // A plugin rule's custom facts: in the section its rule's facts belong to (useCustomFacts); `custom` itself holds several.
  if (top === 'custom') return segs.length > 1 ? customSectionOf(String(segs[1])) : undefined;
  if ((SECTIONS as readonly string[]).includes(top)) return top as Section;
  // A top-level key that belongs to a section (people_csv -> people).
  return SECTIONS.find((s) => top.startsWith(`${s}_`));
}

const trees = new WeakMap<readonly RuleReads[], ReadNode>();

export function planQuestions(state: PlanState, rules: readonly RuleReads[], opts: PlanOptions = {}): Question[] {
  const all = planAll(state, rules, opts);
  const out = opts.only ? all.filter((q) => settles(q, opts.only!)) : all;
  if (opts.conditional) for (const q of out) if (q.kind === 'items' && !q.continuing) q.estimate = itemCost(state, rules, q);
  return out;
}

function planAll(state: PlanState, rules: readonly RuleReads[], opts: PlanOptions): Question[] {
  const out: Question[] = [];
  let tree = trees.get(rules);
  if (!tree) trees.set(rules, (tree = readTree(rules)));
  const ctx: Ctx = { state, rules, opts, out };
  planObject(ctx, orgRoot(), [], tree, state.data, undefined);
  const rank = (q: Question) => SECTIONS.indexOf(q.section);
  // Stable: section order first, then the schema order the walk produced.
  return out
    .map((q, i) => ({ q, i }))
    .sort((a, b) => rank(a.q) - rank(b.q) || a.i - b.i)
    .map(({ q }) => q);
}

/** A top-level fact that is given: present, and not an empty list. */
const given = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);

const generic = (p: string) => p.replace(/\[\d+\]/g, '[]');
/** The last key of a path and the path of the object holding it. */
const splitLast = (p: string) => {
  const cut = p.lastIndexOf('.');
  return cut < 0 ? { parent: '', key: p } : { parent: p.slice(0, cut), key: p.slice(cut + 1) };
};

/** Facts that identify an item or gate other questions (askIf), asked with any wanted fact beside them. */
export function gateKeys(): ReadonlySet<string> {
  freshCaches();
  if (gates) return gates;
  const found = new Set<string>(['name', 'title']);
  const walk = (s: Any, depth: number) => {
    if (depth > 8) return;
    const u = unwrap(s);
    const d = (u as unknown as { _zod: { def: { type: string; shape?: Record<string, Any>; element?: Any } } })._zod.def;
    if (d.type === 'array' && d.element) walk(d.element, depth + 1);
    if (d.type !== 'object' || !d.shape) return;
    for (const child of Object.values(d.shape)) {
      const on = metaOf(child).askIf?.fact;
      if (on) found.add(on);
      walk(child, depth + 1);
    }
  };
  walk(orgRoot(), 0);
  return (gates = found);
}
let gates: Set<string> | undefined;

/** True when asking `q` helps settle one of the wanted facts. */
function settles(q: Question, wanted: readonly string[]): boolean {
  const qp = q.path;
  const qg = generic(qp);
  const { parent, key } = splitLast(qp);
  return wanted.some((f) => {
    // A generic fact (`people[].coaching.plan`, its list not given yet) stands for every item's.
    const isGeneric = f.includes('[]');
    const same = (a: string, b: string) => (isGeneric ? generic(a) === b : a === b);
    if (same(qp, f)) return true;
    // An ancestor: the list or object that holds the fact.
    const ancestorOf = (p: string) => f.startsWith(`${p}.`) || f.startsWith(`${p}[`);
    if (ancestorOf(isGeneric ? qg : qp)) return true;
    // A gate beside the fact or above it in its item (the item's name, whether the person sells...).
    if (!gateKeys().has(key)) return false;
    const p = isGeneric ? generic(parent) : parent;
    return f.startsWith(`${p}.`) || f.startsWith(`${p}[`);
  });
}

const costs = new WeakMap<readonly RuleReads[], Map<string, number>>();

/**
 * How many questions a pending question stands for: 1, or for a list not
 * started ("Add a person / There are none"), itself plus one item's questions
 * (nested lists counted the same way) and the "add another?" after it.
 * Found by planning a state where the list has one empty item; cached per list
 * pattern, since an empty item asks the same questions wherever it is.
 */
function itemCost(state: PlanState, rules: readonly RuleReads[], q: Question): number {
  if (q.kind !== 'items' || q.continuing) return 1;
  let cache = costs.get(rules);
  if (!cache) costs.set(rules, (cache = new Map()));
  const key = patternOf(q.path);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const data = withEmptyItem(state.data, q.segs);
  const trial: PlanState = { data, unknowns: state.unknowns, openLists: new Set([...state.openLists, q.path]) };
  const inside = `${q.path}[0]`;
  const brought = planAll(trial, rules, { section: q.section, conditional: true }).filter(
    (x) => x.path === inside || x.path.startsWith(`${inside}.`) || x.path.startsWith(`${inside}[`) || x.id === `${q.path}#1`,
  );
  const cost = 1 + brought.reduce((n, x) => n + (x.id === `${q.path}#1` ? 1 : itemCost(trial, rules, x)), 0);
  cache.set(key, cost);
  return cost;
}

/** A copy of `data` whose list at `segs` holds one empty item (the objects on the way copied, the rest shared). */
export function withEmptyItem(data: Record<string, unknown>, segs: readonly Segment[]): Record<string, unknown> {
  const put = (node: unknown, i: number): unknown => {
    if (i === segs.length) return [{}];
    const seg = segs[i]!;
    const copy: Record<string | number, unknown> = Array.isArray(node) ? ([...node] as unknown as Record<number, unknown>) : { ...((node ?? {}) as Record<string, unknown>) };
    copy[seg] = put(copy[seg], i + 1);
    return copy;
  };
  return put(data, 0) as Record<string, unknown>;
}

interface Ctx {
  state: PlanState;
  rules: readonly RuleReads[];
  opts: PlanOptions;
  out: Question[];
}

const isUnknownAt = (ctx: Ctx, segs: readonly Segment[]) => {
  for (let i = segs.length; i > 0; i--) if (ctx.state.unknowns.has(formatPath(segs.slice(0, i)))) return true;
  return false;
};

const orderCache = new Map<string, string[]>();

/** Schema keys in order, each field that is asked only after another moved right after it. */
function orderedKeys(objSegs: readonly Segment[]): string[] {
  freshCaches();
  const cacheKey = patternOf(formatPath(objSegs));
  const cached = orderCache.get(cacheKey);
  if (cached) return cached;
  const keys = keysAt(objSegs.map((s) => (typeof s === 'number' ? 0 : s)));
  const deps = new Map<string, string[]>();
  const placed = new Set<string>();
  for (const k of keys) {
    const on = metaOf(schemaAt([...objSegs.map((s) => (typeof s === 'number' ? 0 : s)), k])).askIf?.fact;
    // Only a field declared before the one it depends on moves (tools.remote_access after reps_travel).
    if (on && keys.indexOf(on) > keys.indexOf(k)) {
      deps.set(on, [...(deps.get(on) ?? []), k]);
      placed.add(k);
    }
  }
  const out: string[] = [];
  const put = (k: string) => {
    out.push(k);
    for (const d of deps.get(k) ?? []) put(d);
  };
  for (const k of keys) if (!placed.has(k)) put(k);
  orderCache.set(cacheKey, out);
  return out;
}

function planObject(ctx: Ctx, objSchema: Any, segs: Segment[], read: ReadNode, value: unknown, context: string | undefined): void {
  const obj = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  const keys = orderedKeys(segs);
  const schemaSegs = segs.map((s) => (typeof s === 'number' ? 0 : s));
  const readOf = (k: string) => (read.whole ? { whole: true, children: new Map() } : read.children.get(k));
  // A fact that decides whether another is asked is asked too, even if no rule reads it.
  const needed = new Set(keys.filter((k) => readOf(k)));
  for (const k of [...needed]) {
    const on = metaOf(schemaAt([...schemaSegs, k])).askIf?.fact;
    if (on) needed.add(on);
  }
  for (const key of keys) {
    if (!needed.has(key)) continue;
    const fieldSegs = [...segs, key];
    // A section's facts. `custom` holds plugin rules' facts, each rule's in a section of its own (only with
    // useCustomFacts: the built-in schema knows no custom fact to ask).
    if (segs.length === 0 && key === 'custom') {
      if (kindOf(child(objSchema, key)!) !== 'object') continue;
    } else if (segs.length === 0 || (segs.length === 1 && segs[0] === 'custom')) {
      const section = sectionOf(fieldSegs);
      if (!section || (ctx.opts.section && ctx.opts.section !== section)) continue;
    }
    const s = child(objSchema, key);
    if (!s) continue;
    const meta = metaOf(s);
    if (meta.askIf && !meta.askIf.in.includes(obj[meta.askIf.fact] as string)) {
      const open = obj[meta.askIf.fact] === undefined && !isUnknownAt(ctx, [...segs, meta.askIf.fact]);
      if (!(ctx.opts.conditional && open)) continue;
    }
    // A team-wide fact whose per-person version is given (a roster): not asked.
    if (meta.askWithout?.some((f) => given(ctx.state.data[f]))) continue;
    if (meta.askWhileRecent && ctx.opts.date) {
      const since = obj[meta.askWhileRecent.fact];
      // Known and long enough ago: the fact does not apply (an unanswered or unreadable date keeps it asked).
      if (typeof since === 'string' && daysBetween(since, ctx.opts.date) >= meta.askWhileRecent.days) continue;
    }
    const r = readOf(key) ?? { whole: true, children: new Map() };
    const kind = kindOf(s);
    const unknown = isUnknownAt(ctx, fieldSegs);
    if (kind === 'object') {
      if (unknown && !ctx.opts.all) continue;
      planObject(ctx, unwrap(s), fieldSegs, r, obj[key], context);
      continue;
    }
    const element = kind === 'array' ? child(s, 0) : undefined;
    if (element && kindOf(element) === 'object') {
      planList(ctx, s, meta, fieldSegs, r, obj, key, context);
      continue;
    }
    const present = obj[key] !== undefined;
    if ((present || unknown) && !ctx.opts.all) continue;
    ctx.out.push(factQuestion(ctx, s, meta, fieldSegs, context, obj[key], unknown));
  }
}

function planList(ctx: Ctx, s: Any, meta: FactMeta, segs: Segment[], read: ReadNode, parent: Record<string, unknown>, key: string, context: string | undefined): void {
  const path = formatPath(segs);
  const value = parent[key];
  const unknown = isUnknownAt(ctx, segs);
  const viaCsv = meta.csv !== undefined && (parent[meta.csv] !== undefined || ctx.state.unknowns.has(formatPath([...segs.slice(0, -1), meta.csv])));
  const itemSchema = unwrap(child(s, 0)!);
  const itemRead = read.whole ? { whole: true, children: new Map() } : (read.children.get(-1) ?? { whole: true, children: new Map() });
  const noun = meta.item ?? 'item';
  const items = Array.isArray(value) ? value : [];
  items.forEach((item, i) => {
    const label = itemLabel(itemSchema, item);
    const here = `${capitalise(noun)} ${i + 1}${label ? ` (${label})` : ''}`;
    planObject(ctx, itemSchema, [...segs, i], itemRead, item, context ? `${context} › ${here}` : here);
  });
  const open = ctx.state.openLists.has(path);
  if (Array.isArray(value)) {
    if (!open && !ctx.opts.all) return;
  } else if (viaCsv) {
    // A CSV roster answers the list; the interview never writes to the CSV file.
    return;
  } else if (unknown && !ctx.opts.all) return;
  ctx.out.push({
    ...base(ctx, s, meta, segs, context),
    id: `${path}#${items.length}`,
    kind: 'items',
    item: noun,
    ...(meta.csv ? csvInfo(segs, meta.csv) : {}),
    count: items.length,
    continuing: Array.isArray(value),
    ...(unknown ? { currentUnknown: true } : {}),
  });
}

function csvInfo(segs: Segment[], csv: string): Pick<Question, 'csv' | 'csvMessage' | 'csvHelp'> {
  const m = metaOf(schemaAt([...segs.slice(0, -1).map((x) => (typeof x === 'number' ? 0 : x)), csv]));
  return { csv, ...(m.question ? { csvMessage: m.question } : {}), ...(m.help ? { csvHelp: m.help } : {}) };
}

function base(ctx: Ctx, s: Any, meta: FactMeta, segs: Segment[], context: string | undefined): Omit<Question, 'kind'> {
  const path = formatPath(segs);
  const pattern = patternOf(path);
  let feeds = feedsOf(pattern, ctx.rules);
  if (!feeds.length && !meta.askAlways) {
    // Asked because other facts depend on it: it feeds what they feed.
    const parent = segs.slice(0, -1).map((x) => (typeof x === 'number' ? 0 : x));
    const dependents = keysAt(parent).filter((k) => metaOf(schemaAt([...parent, k])).askIf?.fact === segs.at(-1));
    const prefix = patternOf(formatPath(segs.slice(0, -1)));
    feeds = [...new Map(dependents.flatMap((d) => feedsOf(prefix ? `${prefix}.${d}` : d, ctx.rules)).map((f) => [f.id, f])).values()];
  }
  return {
    id: path,
    path,
    segs,
    pattern,
    section: sectionOf(segs)!,
    // "a first-line sales manager" names the CEO or the founder when the file says they run sales.
    message: namingWhoRunsSales(meta.question ?? path, ctx.state.data),
    ...(meta.help ? { help: namingWhoRunsSales(meta.help, ctx.state.data) } : {}),
    ...(meta.unit ? { unit: meta.unit } : {}),
    ...(context ? { context } : {}),
    feeds,
  };
}

function factQuestion(ctx: Ctx, s: Any, meta: FactMeta, segs: Segment[], context: string | undefined, current: unknown, unknown: boolean): Question {
  const q: Question = { ...base(ctx, s, meta, segs, context), kind: 'text' };
  const u = unwrap(s);
  const d = (u as unknown as { _zod: { def: { type: string; format?: string; element?: Any } } })._zod.def;
  const choicesOf = (en: Any): Choice[] => {
    const values = Object.values((en as unknown as { _zod: { def: { entries: Record<string, string> } } })._zod.def.entries);
    const labels = meta.choices ?? {};
    return values.map((v) => ({ value: v, label: labels[v] ?? v }));
  };
  switch (d.type) {
    case 'enum':
      q.kind = 'select';
      q.choices = choicesOf(u);
      break;
    case 'boolean':
      q.kind = 'boolean';
      break;
    case 'number': {
      q.kind = 'number';
      Object.assign(q, numberRange(u));
      break;
    }
    case 'string':
      q.kind = d.format === 'date' ? 'date' : 'text';
      break;
    case 'array': {
      const el = unwrap(d.element!);
      const ek = kindOf(el);
      if (ek === 'enum') {
        q.kind = 'checkbox';
        q.choices = choicesOf(el);
      } else {
        q.kind = 'values';
        q.valueKind = ek === 'number' ? 'number' : 'text';
        Object.assign(q, ek === 'number' ? numberRange(el) : {});
      }
      break;
    }
    default:
      q.kind = 'text';
  }
  if (current !== undefined) q.current = current;
  if (unknown) q.currentUnknown = true;
  if (meta.notAfterToday && ctx.opts.date) q.notAfter = { date: ctx.opts.date, again: meta.notAfterToday.again };
  return q;
}

function numberRange(s: Any): Pick<Question, 'min' | 'max' | 'integer'> {
  // Read from the number's checks (gte, lte, int), as zod's JSON Schema does.
  type CheckDef = { check: string; value?: number; inclusive?: boolean; format?: string };
  const checks = (s as unknown as { _zod: { def: { checks?: { _zod: { def: CheckDef } }[] } } })._zod.def.checks ?? [];
  const out: Pick<Question, 'min' | 'max' | 'integer'> = {};
  for (const {
    _zod: { def: c },
  } of checks) {
    if (c.check === 'greater_than' && c.inclusive && typeof c.value === 'number') out.min = Math.max(out.min ?? -Infinity, c.value);
    if (c.check === 'less_than' && c.inclusive && typeof c.value === 'number') out.max = Math.min(out.max ?? Infinity, c.value);
    if (c.check === 'number_format' && c.format?.includes('int')) out.integer = true;
  }
  return out;
}

/** An item's label: its first text field (a name, a title, a task). */
function itemLabel(itemSchema: Any, item: unknown): string | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const d = (unwrap(itemSchema) as unknown as { _zod: { def: { shape: Record<string, Any> } } })._zod.def;
  for (const [k, s] of Object.entries(d.shape)) {
    const sd = (unwrap(s) as unknown as { _zod: { def: { type: string; format?: string } } })._zod.def;
    if (sd.type === 'string' && !sd.format) {
      const v = (item as Record<string, unknown>)[k];
      return typeof v === 'string' && v.trim() ? v.trim() : undefined;
    }
  }
  return undefined;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Checks one answer against the fact's schema; returns the schema's message, or undefined when valid. */
export function checkAnswer(path: string | readonly Segment[], value: unknown): string | undefined {
  const s = schemaAt(path);
  if (!s) return 'not a fact of the org file';
  const r = unwrap(s).safeParse(value);
  if (r.success) return undefined;
  const issue = r.error.issues[0]!;
  const at = issue.path.filter((x) => typeof x === 'number') as number[];
  return at.length ? `item ${at[0]! + 1}: ${issue.message}` : issue.message;
}

/**
 * The question for one concrete fact path, outside any plan (no rules, so no
 * "why"): what the answers file and tests use to know a fact's kind and range.
 * Undefined for a path that is not a fact (a section, an object, a typo).
 * With the interview's date (YYYY-MM-DD), a date fact that cannot be later
 * carries it (Question.notAfter).
 */
export function questionFor(path: string, date?: string): Question | undefined {
  const segs = parsePath(path);
  if (!segs.length || segs.includes(-1) || (!sectionOf(segs) && segs[0] !== 'notes')) return undefined;
  const s = schemaAt(segs);
  if (!s) return undefined;
  const kind = kindOf(s);
  if (kind === 'object') return undefined;
  const meta = metaOf(s);
  const ctx: Ctx = { state: { data: {}, unknowns: new Set(), openLists: new Set() }, rules: [], opts: date ? { date } : {}, out: [] };
  if (segs[0] === 'notes') {
    return { id: path, path, segs, pattern: path, section: segs[1] as Section, kind: 'text', message: path, feeds: [] };
  }
  const element = kind === 'array' ? child(s, 0) : undefined;
  if (element && kindOf(element) === 'object') {
    return { ...base(ctx, s, meta, segs, undefined), kind: 'items', item: meta.item ?? 'item', ...(meta.csv ? csvInfo(segs, meta.csv) : {}), count: 0, continuing: false };
  }
  return factQuestion(ctx, s, meta, segs, undefined, undefined, false);
}

/** Items another list already holds, offered as a list question's answer (offerFrom in the model). */
export interface ItemsOffer {
  /** The items to write, with this list's field names. */
  items: Record<string, unknown>[];
  /** The yes/no question: "The roles list has 2 open: AE West (opened on 2026-09-01), SDR. Take them as ...?" */
  message: string;
}

const at = (data: unknown, segs: readonly Segment[]): unknown => segs.reduce<unknown>((v, s) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[s] : undefined), data);
const plural = (noun: string, n: number) => (n === 1 ? noun : noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`);
const sameName = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The items of the other list that stand for this one (its `when` field true). */
function sourceItems(data: Record<string, unknown>, from: NonNullable<FactMeta['offerFrom']>): Record<string, unknown>[] {
  const list = data[from.list];
  return Array.isArray(list) ? list.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && (x as Record<string, unknown>)[from.when] === true) : [];
}

/**
 * For a list question not started whose model declares offerFrom: the other
 * list's matching items (open roles for open territories), as this list's
 * items, and the question offering them. Undefined when there is none to offer.
 * Pure: the session asks, and writes the items if the answer is yes.
 */
export function offerFor(data: Record<string, unknown>, q: Question): ItemsOffer | undefined {
  if (q.kind !== 'items' || q.continuing || q.segs.includes(-1)) return undefined;
  const from = metaOf(schemaAt(q.segs)!).offerFrom;
  if (!from) return undefined;
  const fields = Object.entries(from.fields);
  const items = sourceItems(data, from)
    .map((src) => Object.fromEntries(fields.filter(([, f]) => src[f] !== undefined).map(([to, f]) => [to, src[f]])))
    .filter((x) => Object.keys(x).length > 0);
  if (!items.length) return undefined;
  const [key] = fields[0]!;
  const shown = items.map((it) => {
    const rest = fields
      .slice(1)
      .filter(([to]) => it[to] !== undefined)
      .map(([to]) => `${to.replace(/_/g, ' ')} ${String(it[to])}`);
    return `${it[key] !== undefined ? String(it[key]) : '(no name)'}${rest.length ? ` (${rest.join(', ')})` : ''}`;
  });
  const srcNoun = metaOf(schemaAt([from.list])!).item ?? 'item';
  const noun = q.item ?? 'item';
  const n = items.length;
  return {
    items,
    message: `${capitalise(from.list)} already lists ${n} ${from.when} ${plural(srcNoun, n)}: ${shown.join('; ')}. Take ${n === 1 ? `it as ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}` : `them as ${plural(noun, n)}`} (others can be added next)?`,
  };
}

/**
 * The check between an item of such a list and its counterpart in the other
 * list: a territory named as an open role's title whose opening date differs
 * from the role's. Returns the difference, said plainly (the session asks
 * whether to keep the answer), or undefined when the answer agrees, has no counterpart, or the fact is not paired.
 */
export function crossCheck(data: Record<string, unknown>, q: Question, value: unknown): string | undefined {
  const field = q.segs.at(-1);
  const index = q.segs.at(-2);
  if (typeof field !== 'string' || typeof index !== 'number') return undefined;
  const listSegs = q.segs.slice(0, -2);
  const s = schemaAt(listSegs);
  const from = s && metaOf(s).offerFrom;
  if (!from) return undefined;
  const fields = Object.entries(from.fields);
  const [key, srcKey] = fields[0]!;
  const srcField = from.fields[field];
  if (field === key || srcField === undefined) return undefined;
  const name = at(data, [...listSegs, index, key]);
  const list = data[from.list] as unknown[] | undefined;
  const i = Array.isArray(list) ? list.findIndex((x) => sourceItems(data, from).includes(x as Record<string, unknown>) && sameName((x as Record<string, unknown>)[srcKey], name)) : -1;
  if (i < 0) return undefined;
  const theirs = (list![i] as Record<string, unknown>)[srcField];
  if (theirs === undefined || theirs === value) return undefined;
  const srcNoun = metaOf(schemaAt([from.list])!).item ?? 'item';
  return `${String(name)}: the ${srcNoun} ${srcField.replace(/_/g, ' ')} ${String(theirs)} (${formatPath([from.list, i, srcField])}), not ${String(value)}`;
}
