// `explain` reads as finished text: every placeholder of every rule's steps has
// a worked example value, so no step prints a gap.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { exampleOf, exampleValue, explainRule, EXAMPLE_VALUES } from '../../src/cli/commands/explain-run';
import { runAudit } from '../../src/engine/run';
import { loadOrgFile } from '../../src/load/load';
import { DATE, ROOT } from '../report/helpers';

describe('explain: steps with worked example values', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s: every step placeholder has an example', (_id, rule) => {
    for (const step of Object.values(rule.steps)) {
      const placeholders = [...step.action.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      expect(placeholders.filter((p) => exampleValue(p, rule.id) === undefined)).toEqual([]);
      expect(exampleOf(step.action, rule.id)).not.toMatch(/[{}…]/);
    }
    expect(explainRule(rule)).not.toContain('…');
  });

  it('fills the selling-time step the issue quoted', () => {
    const rule = rules.find((r) => r.id === 'selling-time')!;
    expect(explainRule(rule, 200)).toContain('Move "Invoicing" off the reps: 3 hours per rep per week reclaimed.');
  });
});

/** Every org the repository ships or tests with: the bundled examples and the test fixtures. */
function corpus(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? corpus(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
}

/** What a filled-in placeholder looks like: a number, a quoted name, or words. */
const form = (v: string | number): string => (typeof v === 'number' || /^[\d.]+$/.test(v) ? 'number' : /^["“]/.test(v) ? 'quoted' : 'words');

/** The values a step's placeholders took in a checklist item's action (the template matched against the text). */
function valuesIn(template: string, action: string): Record<string, string> | undefined {
  const keys: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(m[1]!);
      return '(.+?)';
    })
    .join('');
  const m = new RegExp(`^${source}$`, 's').exec(action);
  return m ? Object.fromEntries(keys.map((k, i) => [k, m[i + 1]!])) : undefined;
}

describe("explain: each rule's example steps are its own", () => {
  it("each example value has the form the rule's own checklist items give it, over every bundled and test org", async () => {
    // Each rule's checklist items over the corpus: the real values of each step's placeholders.
    const real = new Map<string, Record<string, string>[]>();
    for (const file of [...corpus(join(ROOT, 'templates/examples')), ...corpus(join(ROOT, 'test/fixtures'))]) {
      const loaded = await loadOrgFile(file, file.slice(ROOT.length));
      if (!loaded.ok) continue;
      const l = loaded.value;
      const report = runAudit({ org: l.org, date: DATE, rules, file: l.file, locate: (p) => l.positions.locate(p), unknowns: l.unknowns });
      for (const item of report.checklist) {
        const step = rules.find((r) => r.id === item.ruleId)?.steps[item.stepId];
        const values = step && valuesIn(step.action, item.action);
        if (values) real.set(`${item.ruleId}/${item.stepId}`, [...(real.get(`${item.ruleId}/${item.stepId}`) ?? []), values]);
      }
    }
    let compared = 0;
    for (const rule of rules)
      for (const [stepId, step] of Object.entries(rule.steps)) {
        const seen = real.get(`${rule.id}/${stepId}`);
        if (!seen) continue;
        for (const key of [...step.action.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)) {
          const example = exampleValue(key, rule.id)!;
          const forms = new Set(seen.map((v) => form(v[key]!)));
          expect(forms, `${rule.id}/${stepId} {${key}} = ${JSON.stringify(example)}; the rule gives ${JSON.stringify(seen.map((v) => v[key]).slice(0, 3))}`).toContain(form(example));
          compared++;
        }
      }
    // Most placeholders of most rules are seen in the corpus.
    expect(compared).toBeGreaterThan(30);
  });

  it("explain lists exactly the rule's own steps, each filled with that rule's examples", () => {
    for (const rule of rules) {
      const text = explainRule(rule, 10_000);
      const how = text
        .slice(text.indexOf('How to fix'))
        .split('\n')
        .filter((l) => l.startsWith('  - '));
      expect(
        how.map((l) => l.replace(/ \(owner: .*\)$/, '').slice(4)),
        rule.id,
      ).toEqual(Object.values(rule.steps).map((s) => exampleOf(s.action, rule.id)));
    }
  });

  it('role-title-fit: the policy step names a job title, not the coaching policy text of individual-coaching (the fault)', () => {
    const text = explainRule(
      rules.find((r) => r.id === 'role-title-fit')!,
      200,
    );
    expect(text).toContain('Correct the job title the policy for all Account Execs applies to: "Account Executive".');
    expect(text).not.toContain(String(EXAMPLE_VALUES.fix));
  });
});
