// Several respondents: answers kept under responses: are checked when the org
// file loads, each problem with its place (issue 14).
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/load/diagnostics';
import { loadOrgText } from '../../src/load/load';

describe('responses: on load', () => {
  it('a value its fact does not take, an unknown fact: file:line:col and what was expected', async () => {
    const text = [
      'version: 1',
      'responses:',
      '  - group: reps',
      '    anonymous: true',
      '    answers:',
      '      plan.shared_with_reps: maybe',
      '      plan.shred_with_reps: true',
      '      self.selling_time_pct: 130',
      '      people[0].coaching.one_to_one: unknown',
      '  - group: ceo',
      '    answers: {}',
      '',
    ].join('\n');
    const r = await loadOrgText(text, 'acme.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'acme.yaml:6:30: responses[0].answers.plan.shared_with_reps: expected true or false',
      'acme.yaml:7:7: responses[0].answers.plan.shred_with_reps: unknown fact "plan.shred_with_reps": an answer is keyed by a fact path, e.g. plan.shared_with_reps or self.coaching.one_to_one',
      'acme.yaml:8:30: responses[0].answers.self.selling_time_pct: expected a number from 0 to 100',
      'acme.yaml:10:12: responses[1].group: expected one of: leadership, management, reps, operations, finance; got "ceo"',
    ]);
  });

  it('good answers load, "unknown" kept as the word', async () => {
    const r = await loadOrgText('responses:\n  - {group: reps, answers: {plan.shared_with_reps: unknown, self.coaching.one_to_one: monthly}}\n', 'acme.yaml');
    expect(r.ok && r.value.org.responses).toEqual([{ group: 'reps', answers: { 'plan.shared_with_reps': 'unknown', 'self.coaching.one_to_one': 'monthly' } }]);
  });
});
