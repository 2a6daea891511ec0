// `explain` reads as finished text: every placeholder of every rule's steps has
// a worked example value, so no step prints a gap.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { exampleOf, explainRule, EXAMPLE_VALUES } from '../../src/cli/commands/explain-run';

describe('explain: steps with worked example values', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s: every step placeholder has an example', (_id, rule) => {
    for (const step of Object.values(rule.steps)) {
      const placeholders = [...step.action.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      expect(placeholders.filter((p) => !(p in EXAMPLE_VALUES))).toEqual([]);
      expect(exampleOf(step.action)).not.toMatch(/[{}…]/);
    }
    expect(explainRule(rule)).not.toContain('…');
  });

  it('fills the selling-time step the issue quoted', () => {
    const rule = rules.find((r) => r.id === 'selling-time')!;
    expect(explainRule(rule, 200)).toContain('Move "Invoicing" off the reps: 3 hours per rep per week reclaimed.');
  });
});
