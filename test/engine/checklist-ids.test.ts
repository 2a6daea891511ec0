// Review, sixth stop: diff and waivers match checklist items by id, so no two
// items of one report may share one. Two kinds collided: a rule's steps on the
// same facts that say different things (go-to-market-plan's "Add the target
// markets …" and "Add the goals …", both on plan.covers), and two find-out
// items for the same facts from two checks of one rule (individual-coaching's
// two policies, each waiting for the roster).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { runAudit } from '../../src/engine/run';
import { loadOrgFile } from '../../src/load/load';
import { AUDIT_DATE } from '../helpers/rule-harness';

const EXAMPLES = new URL('../../templates/examples/', import.meta.url).pathname;
const files = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => EXAMPLES + f),
  new URL('../fixtures/contradictions/roster-left-out.yaml', import.meta.url).pathname,
  new URL('../fixtures/contradictions/roster-empty.yaml', import.meta.url).pathname,
];

async function audit(file: string) {
  const r = await loadOrgFile(file);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return runAudit({ org: r.value.org, date: AUDIT_DATE, rules, file, unknowns: r.value.unknowns, locate: (p) => r.value.positions.locate(p) });
}

describe('every checklist id is unique in its report', () => {
  it.each(files.map((f) => [f.slice(f.lastIndexOf('/') + 1), f]))('%s', async (_name, file) => {
    const ids = (await audit(file)).checklist.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('tells apart steps on the same facts by what they add, and joins find-out items for the same facts', async () => {
    const startup = await audit(EXAMPLES + 'struggling-startup.yaml');
    expect(startup.checklist.filter((c) => c.stepId === 'addElement').map((c) => c.id)).toEqual([
      'go-to-market-plan/addElement/plan.covers/target-markets',
      'go-to-market-plan/addElement/plan.covers/ideal-customer-profile',
      'go-to-market-plan/addElement/plan.covers/value-proposition',
      'go-to-market-plan/addElement/plan.covers/positioning-against-alternatives',
      'go-to-market-plan/addElement/plan.covers/goals-what-success-looks-like-this-year',
    ]);
    // A single step on its facts keeps its id as before.
    const mid = await audit(EXAMPLES + 'mid-size-gaps.yaml');
    expect(mid.checklist.filter((c) => c.stepId === 'addElement').map((c) => c.id)).toEqual(['go-to-market-plan/addElement/plan.covers']);
    // No roster, two policies: one "Find out the people in sales." for every rule that waits for it (individual-coaching's two
    // checks among them), under the first such rule's id, worth every check's points.
    const noRoster = await audit(new URL('../fixtures/contradictions/roster-left-out.yaml', import.meta.url).pathname);
    const findOut = noRoster.checklist.filter((c) => c.kind === 'find-out' && c.facts?.join() === 'people');
    expect(findOut.map((c) => c.id)).toEqual(['role-title-fit/find-out/people']);
    expect(findOut[0]!.gain).toBeGreaterThan(0);
  });
});
