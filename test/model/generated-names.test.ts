// The generated org validator (src/model/org-validator.generated.ts) names its
// functions and constants after fact paths, not counters: one new field adds
// its own lines and changes only the lines that list its section's keys and
// call its validator; no other line of the file moves in content.
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { generateValidator } from '../../src/model/fast-validator';
import { OrgSchema, Plan } from '../../src/model/schema';

const lines = (s: string) => s.split('\n');
/** Lines of `a` that `b` does not have, and the other way round (as a line diff would count them, order aside). */
function changed(a: string, b: string) {
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ca = count(lines(a));
  const cb = count(lines(b));
  const minus = [...ca].flatMap(([l, n]) => Array<string>(Math.max(0, n - (cb.get(l) ?? 0))).fill(l));
  const plus = [...cb].flatMap(([l, n]) => Array<string>(Math.max(0, n - (ca.get(l) ?? 0))).fill(l));
  return { minus, plus };
}

describe('the generated org validator', () => {
  const before = generateValidator(OrgSchema, 'src/model/schema.ts');

  it('names functions and constants after fact paths', () => {
    expect(before).toContain('function v_people_$_coaching_plan(x) {');
    expect(before).toContain('const keys_plan = new Set([');
    expect(before).not.toMatch(/\bfunction v\d+\(|\bconst c\d+ =/);
  });

  it("one new field in a section changes only its section's key list, and adds its own validator and call", () => {
    const plan = z.strictObject({ ...Plan.def.shape, forecast_reviewed: z.optional(z.boolean()) });
    const after = generateValidator(z.strictObject({ ...OrgSchema.def.shape, plan: z.optional(plan) }), 'src/model/schema.ts');
    const { minus, plus } = changed(before, after);
    expect(minus).toEqual([expect.stringMatching(/^const keys_plan = new Set\(\[.*\]\);$/)]);
    // Besides the lines naming the new field: its validator's body and closing brace, a blank line, and the result check of its call.
    expect(plus.filter((l) => !/forecast_reviewed/.test(l)).sort()).toEqual(
      ['', '    if (r === I) return I;', '    out["forecast_reviewed"] = r;', '  return typeof x === "boolean" ? x : I;', '}'].filter((l) => !/forecast_reviewed/.test(l)).sort(),
    );
    expect(plus.filter((l) => /forecast_reviewed/.test(l)).length).toBeLessThanOrEqual(6);
  });
});
