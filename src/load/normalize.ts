// Before validation: an empty value (`owner:`) means the same as a missing one,
// and the literal `unknown` is an explicit "don't know". Both leave the data;
// `unknown` answers are recorded by path so the interview does not ask again.
import { formatPath, type Segment } from '../model/paths';

export const UNKNOWN = 'unknown';

export function stripEmpty(value: unknown, segs: Segment[], unknowns: string[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => (v !== null && typeof v === 'object' ? stripEmpty(v, [...segs, i], unknowns) : v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    // Free-text maps keep the word as written.
    if (v === UNKNOWN && segs[0] !== 'notes' && segs[0] !== 'answers' && segs[0] !== 'waivers') {
      unknowns.push(formatPath([...segs, k]));
      continue;
    }
    out[k] = stripEmpty(v, [...segs, k], unknowns);
  }
  return out;
}
