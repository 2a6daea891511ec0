// Stable identities for findings and checklist items, so two audits of the
// same organisation can be compared (diff, audit --baseline, lint --baseline,
// history). A fact path names list items by position (`people[2].attainment`);
// an identity names them by what they are (`people["AE 1"].attainment`), so
// reordering a list or reformatting the file changes nothing, while renaming a
// person changes the identity of that person's findings.
import type { Org } from '../model/schema';
import { parsePath } from '../model/paths';

/** The field that names an item of each list in the org file (lists of plain values keep their position). */
const LABEL_FIELDS = ['name', 'title', 'task', 'rule', 'area'] as const;

/** What an item of a list is called: its name, title, task... or undefined for a plain value or a nameless item. */
export function itemLabel(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  for (const k of LABEL_FIELDS) {
    const v = (item as Record<string, unknown>)[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

/**
 * Each item's path segment in one list, by index: `["AE 1"]`, `["AE 1"#2]`
 * for the second item so called, `[3]` for an item without a label.
 */
function segmentsOf(list: readonly unknown[]): string[] {
  const seen = new Map<string, number>();
  return list.map((item, i) => {
    const label = itemLabel(item);
    if (label === undefined) return `[${i}]`;
    const nth = (seen.get(label) ?? 0) + 1;
    seen.set(label, nth);
    return `[${JSON.stringify(label)}${nth > 1 ? `#${nth}` : ''}]`;
  });
}

/** Lists' segments (segmentsOf), worked out once per list for the paths of one audit. */
type Segments = WeakMap<readonly unknown[], string[]>;

/**
 * A fact path with each list index replaced by the item's label:
 * `people[2].selling_time_pct` -> `people["AE 1"].selling_time_pct`. Two items
 * with the same label are told apart by their order among themselves
 * (`people["AE 1"#2]`); an item without a label keeps its index.
 */
export function stablePath(path: string, org: Org, cache: Segments = new WeakMap()): string {
  let cur: unknown = org;
  let out = '';
  for (const seg of parsePath(path)) {
    if (typeof seg === 'number') {
      const list = Array.isArray(cur) ? cur : [];
      let segs = cache.get(list);
      if (!segs) cache.set(list, (segs = segmentsOf(list)));
      // Past the end, or -1 (`people[-1]`: each person), keeps its index.
      out += segs[seg] ?? `[${seg}]`;
    } else out += out ? `.${seg}` : seg;
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
  }
  return out;
}

/**
 * A finding's identity: its rule, what it says (the message id) and the
 * subjects it is about (its evidence paths, stable and sorted), e.g.
 * `selling-time/repLow/people["AE 1"].selling_time_pct`.
 */
export function findingId(ruleId: string, messageId: string, paths: readonly string[], org: Org): string {
  return identities(org).findingId(ruleId, messageId, paths);
}

/** A checklist item's identity: its rule, its step (or `find-out`) and the facts it is about. */
export function checklistId(ruleId: string, stepId: string, paths: readonly string[], org: Org): string {
  return identities(org).checklistId(ruleId, stepId, paths);
}

/**
 * findingId and checklistId for the many findings of one audit of `org`: each
 * list's labels are read once, not once per path (a 10,000-person org has
 * tens of thousands of finding paths into one list). The org must not change
 * while these are in use.
 */
export function identities(org: Org): {
  findingId: (ruleId: string, messageId: string, paths: readonly string[]) => string;
  checklistId: (ruleId: string, stepId: string, paths: readonly string[]) => string;
} {
  const cache: Segments = new WeakMap();
  // Each path's stable form once: a finding's id is read several times, and its step's id rests on the same paths.
  const stable = new Map<string, string>();
  const stableOf = (p: string) => {
    let s = stable.get(p);
    if (s === undefined) stable.set(p, (s = stablePath(p, org, cache)));
    return s;
  };
  const subjectOf = (paths: readonly string[]) => (paths.length === 1 ? stableOf(paths[0]!) : [...new Set(paths.map(stableOf))].sort().join('+'));
  return {
    findingId: (ruleId, messageId, paths) => [ruleId, messageId, subjectOf(paths)].filter(Boolean).join('/'),
    checklistId: (ruleId, stepId, paths) => [ruleId, stepId, subjectOf(paths)].filter(Boolean).join('/'),
  };
}
