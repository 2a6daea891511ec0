// The example plugin's own tests, written as a consultancy would write them:
// through the package's public API (audit with the rule added to the built-in ones).
import { describe, expect, it } from 'vitest';
import { audit, rules, type Org, type RuleDefinition } from 'sales-audit';
import forecastTracked from './forecast-tracked.js';

const rule = forecastTracked as unknown as RuleDefinition;
const run = (process: Org['process'], options?: Record<string, number>) =>
  audit({ process } as Org, { date: '2026-11-27', rules: [...rules, rule], ...(options ? { settings: { 'forecast-tracked': { options } } } : {}) });
const result = (r: ReturnType<typeof run>) => r.rules.find((x) => x.id === 'forecast-tracked')!;

describe('forecast-tracked (example plugin)', () => {
  it('passes a forecast within the default 80%', () => {
    expect(result(run({ forecast_accuracy_pct: 80 }))).toMatchObject({ status: 'pass', score: 1 });
  });

  it('marks down a forecast under it (partial, then fail), with the finding, its threshold and the fix on the checklist', () => {
    const r = run({ forecast_accuracy_pct: 60 });
    expect(result(r)).toMatchObject({ status: 'partial', score: 0.75 });
    expect(result(run({ forecast_accuracy_pct: 20 }))).toMatchObject({ status: 'fail', score: 0.25 });
    const f = r.findings.filter((x) => x.ruleId === 'forecast-tracked');
    expect(f.map((x) => x.message)).toEqual(['The forecast came within 60% of what closed; under 80% the company cannot plan on it.']);
    expect(f[0]!.thresholds).toEqual([{ name: 'minAccuracyPct', value: 80, source: expect.stringMatching(/^Example Consulting house default/) }]);
    expect(r.checklist.filter((c) => c.ruleId === 'forecast-tracked').map((c) => c.action)).toEqual([
      'Compare each start-of-quarter forecast with what closed, and correct the stage probabilities until it comes within 80%.',
    ]);
  });

  it('takes its threshold from the config', () => {
    expect(result(run({ forecast_accuracy_pct: 74 }, { minAccuracyPct: 70 })).status).toBe('pass');
    expect(result(run({ forecast_accuracy_pct: 74 }, { minAccuracyPct: 101 })).status).toBe('error');
  });

  it('fails when its custom fact says nobody compares the forecast with what closed', () => {
    const r = audit({ process: { forecast_accuracy_pct: 95 }, custom: { 'forecast-tracked': { compared_with_closed: false } } } as Org, { date: '2026-11-27', rules: [...rules, rule] });
    expect(result(r)).toMatchObject({ status: 'fail', score: 0 });
    expect(r.findings.filter((f) => f.ruleId === 'forecast-tracked').map((f) => f.messageId)).toEqual(['notCompared']);
    expect(rule.facts!['~standard'].validate({ compared_with_closed: 'yes' })).toMatchObject({ issues: [{ message: 'expected true or false' }] });
  });

  it('is not assessed while the accuracy is unknown, and asks for it', () => {
    const r = run({});
    expect(result(r)).toMatchObject({ status: 'not-assessed', missing: ['process.forecast_accuracy_pct'] });
  });
});
