// Before validation: an empty value (`owner:`, `owner: ""`) means the same as a
// missing one, and the literal `unknown` (any case) is an explicit "don't know".
// Both leave the data; `unknown` answers are recorded by path so the interview
// does not ask again.
import { formatPath, type Segment } from '../model/paths';

export const UNKNOWN = 'unknown';

/** True for the explicit "don't know" answer: `unknown`, `Unknown`, ` UNKNOWN `. */
export const isUnknown = (v: unknown): boolean => typeof v === 'string' && v.trim().toLowerCase() === UNKNOWN;

/** True for a value that says nothing: null (`key:` with no value) or blank text. */
export const isEmpty = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

// Free-text maps keep the word as written.
const FREE_TEXT = new Set(['notes', 'answers', 'waivers', 'responses']);

/** Keys that would reach an object's prototype (`__proto__`, `constructor`, `prototype`): never a fact name. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parsed YAML without empty values; `unknown` answers are left out and their
 * paths pushed to `unknowns`. Keys in FORBIDDEN_KEYS are left out too and
 * their paths pushed to `forbidden` (the loader refuses them as unknown keys),
 * so nothing in the file can set a prototype. A copy, the input unchanged;
 * with `reuse`, a mapping or list in which nothing changes is returned as it
 * is (only for a tree no one else holds and without shared nodes, as js-yaml's
 * fast path gives: copying every node was most of what loading allocated).
 */
export function stripEmpty(value: unknown, segs: Segment[], unknowns: string[], forbidden: string[] = [], opts: { reuse?: boolean } = {}): unknown {
  // `segs` is grown and cut as the walk goes (a copy per mapping and list item was most of a large roster's cost here); a path is formatted only when recorded.
  const path = [...segs];
  const reuse = opts.reuse === true;
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      // Made at the first item that changes when reusing (then holding the items before it).
      let out: unknown[] | undefined = reuse && Object.getPrototypeOf(value) === Array.prototype ? undefined : [];
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        let s = v;
        if (v !== null && typeof v === 'object') {
          path.push(i);
          s = strip(v);
          path.pop();
        }
        if (!out && s !== v) out = value.slice(0, i);
        if (out) out.push(s);
      }
      return out ?? value;
    }
    if (value === null || typeof value !== 'object') return value;
    // Only a plain object is kept: any other (a Date from a schema with timestamps) is copied as its keys, as without reuse.
    let out: Record<string, unknown> | undefined = reuse && Object.getPrototypeOf(value) === Object.prototype ? undefined : {};
    const free = FREE_TEXT.has(String(path[0]));
    const keys = Object.keys(value);
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j]!;
      const v = (value as Record<string, unknown>)[k];
      let s = v;
      let drop = true;
      path.push(k);
      if (FORBIDDEN_KEYS.has(k)) forbidden.push(formatPath(path));
      else if (isEmpty(v)) {
        // Left out.
      } else if (isUnknown(v) && !free) unknowns.push(formatPath(path));
      else {
        drop = false;
        if (v !== null && typeof v === 'object') s = strip(v);
      }
      path.pop();
      if (!out && (drop || s !== v)) {
        out = {};
        for (let m = 0; m < j; m++) out[keys[m]!] = (value as Record<string, unknown>)[keys[m]!];
      }
      if (out && !drop) out[k] = s;
    }
    return out ?? value;
  };
  return strip(value);
}
