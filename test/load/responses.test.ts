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
      "acme.yaml:9:7: responses[0].answers.people[0].coaching.one_to_one: an answer keyed by roster position 0, and people lists 0: key it by the person's name, people[name=…].coaching.one_to_one",
      'acme.yaml:10:12: responses[1].group: expected one of: leadership, management, reps, operations, finance; got "ceo"',
    ]);
  });

  it('good answers load, "unknown" kept as the word', async () => {
    const r = await loadOrgText('responses:\n  - {group: reps, answers: {plan.shared_with_reps: unknown, self.coaching.one_to_one: monthly}}\n', 'acme.yaml');
    expect(r.ok && r.value.org.responses).toEqual([{ group: 'reps', answers: { 'plan.shared_with_reps': 'unknown', 'self.coaching.one_to_one': 'monthly' } }]);
  });

  // Verdict follow-up 4: an answer stored by roster position is read by no position any more.
  const roster = ['people:', '  - {name: AE 1, is_rep: true}', '  - {name: AE 2, is_rep: true}', '  - {is_rep: true}'];
  it('refuses an answer keyed by the position of a named person, naming the key to write: file:line:col, one line', async () => {
    const text = [...roster, 'responses:', '  - group: management', '    answers:', '      people[1].coaching.one_to_one: weekly', '      people[5].coaching.plan: none', ''].join('\n');
    const r = await loadOrgText(text, 'acme.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'acme.yaml:8:7: responses[0].answers.people[1].coaching.one_to_one: an answer keyed by roster position goes to another person once people is reordered or edited: write people[name=AE 2].coaching.one_to_one if it is about AE 2 (at that position now)',
      "acme.yaml:9:7: responses[0].answers.people[5].coaching.plan: an answer keyed by roster position 5, and people lists 3: key it by the person's name, people[name=…].coaching.plan",
    ]);
  });

  it('reads the name key, and the position of a person who has no name (the only key they have)', async () => {
    const text = [...roster, 'responses:', '  - group: management', '    answers:', '      people[name=AE 2].coaching.one_to_one: weekly', '      people[2].coaching.one_to_one: monthly', ''].join(
      '\n',
    );
    const r = await loadOrgText(text, 'acme.yaml');
    expect(r.ok && r.value.org.responses?.[0]!.answers).toEqual({ 'people[name=AE 2].coaching.one_to_one': 'weekly', 'people[2].coaching.one_to_one': 'monthly' });
  });
});
