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
 * A copy of parsed YAML without empty values; `unknown` answers are left out
 * and their paths pushed to `unknowns`. Keys in FORBIDDEN_KEYS are left out
 * too and their paths pushed to `forbidden` (the loader refuses them as
 * unknown keys), so nothing in the file can set a prototype.
 */
export function stripEmpty(value: unknown, segs: Segment[], unknowns: string[], forbidden: string[] = []): unknown {
  // `segs` is grown and cut as the walk goes (a copy per mapping and list item was most of a large roster's cost here); a path is formatted only when recorded.
  const path = [...segs];
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (v !== null && typeof v === 'object') {
          path.push(i);
          out.push(strip(v));
          path.pop();
        } else out.push(v);
      }
      return out;
    }
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    const free = FREE_TEXT.has(String(path[0]));
    for (const k of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[k];
      path.push(k);
      if (FORBIDDEN_KEYS.has(k)) forbidden.push(formatPath(path));
      else if (isEmpty(v)) {
        // Left out.
      } else if (isUnknown(v) && !free) unknowns.push(formatPath(path));
      else out[k] = strip(v);
      path.pop();
    }
    return out;
  };
  return strip(value);
}
