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
const FREE_TEXT = new Set(['notes', 'answers', 'waivers']);

export function stripEmpty(value: unknown, segs: Segment[], unknowns: string[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => (v !== null && typeof v === 'object' ? stripEmpty(v, [...segs, i], unknowns) : v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (isEmpty(v)) continue;
    if (isUnknown(v) && !FREE_TEXT.has(String(segs[0]))) {
      unknowns.push(formatPath([...segs, k]));
      continue;
    }
    out[k] = stripEmpty(v, [...segs, k], unknowns);
  }
  return out;
}
