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
  if (Array.isArray(value)) return value.map((v, i) => (v !== null && typeof v === 'object' ? stripEmpty(v, [...segs, i], unknowns, forbidden) : v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(k)) {
      forbidden.push(formatPath([...segs, k]));
      continue;
    }
    if (isEmpty(v)) continue;
    if (isUnknown(v) && !FREE_TEXT.has(String(segs[0]))) {
      unknowns.push(formatPath([...segs, k]));
      continue;
    }
    out[k] = stripEmpty(v, [...segs, k], unknowns, forbidden);
  }
  return out;
}
