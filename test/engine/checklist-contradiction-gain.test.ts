// A contradicted fact asked by its own item (the contradiction's "Fill in …") is worth the points of every check
// that waits on it, also a check that waits on it beside other facts (review s9, item 5: the mid-size example with
// AE 1's attainment emptied showed "Fill in the quota attainment of AE 1" at a gain of 0, though filling it in
// raised metrics-accountability's team check and the headline).
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { runAudit } from '../../src/engine/run';
import { loadOrgText } from '../../src/load/load';
import { ROOT } from '../report/helpers';

const DATE = '2026-11-30';

async function midSizeWith(attainment: number[]) {
  const doc = parseDocument(readFileSync(`${ROOT}templates/examples/mid-size-gaps.yaml`, 'utf8'));
  const names = (doc.toJS() as { people: { name: string }[] }).people.map((p) => p.name);
  doc.setIn(['people', names.indexOf('AE 1'), 'attainment'], doc.createNode(attainment));
  const loaded = await loadOrgText(doc.toString(), 'org.yaml', { baseDir: `${ROOT}templates/examples` });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return runAudit({ org: loaded.value.org, date: DATE, rules, file: 'org.yaml', unknowns: loaded.value.unknowns });
}

describe("a contradiction's item is worth the checks it settles", () => {
  it('AE 1 with an empty attainment record: the item has a gain at least what filling it in raises the headline', async () => {
    const empty = await midSizeWith([]);
    const filled = await midSizeWith([100, 100, 100, 100]);
    const item = empty.checklist.find((c) => c.stepId === 'resolveContradiction' && /quota attainment of AE 1/.test(c.action))!;
    expect(item).toBeDefined();
    // Filling the record in raises the team's attainment check; the headline is whole points, so it may or may not
    // cross one (a rule added to the catalogue moves where it falls): the gain covers whatever rise it shows.
    const team = (r: typeof empty) => r.rules.find((x) => x.id === 'metrics-accountability')!.score!;
    expect(team(filled)).toBeGreaterThan(team(empty));
    const rise = filled.summary.score! - empty.summary.score!;
    expect(item.gain).toBeGreaterThan(0);
    expect(item.gain).toBeGreaterThanOrEqual(rise);
    // It names every rule it moves: the team's attainment in metrics-accountability among them.
    expect([item.ruleId, ...(item.ruleIds ?? [])]).toContain('metrics-accountability');
  });
});
