// The JSON report's schema (`sales-audit schema --report`, src/report/report-schema.ts):
// every JSON report built here, from every bundled example and report fixture
// under several option combinations, validates against it; a report that
// breaks the contract does not.
import { readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { audit, loadOrg, render, rules } from '../../src/api';
import { reportJsonSchema } from '../../src/report/report-schema';
import { redact } from '../../src/model/redact';
import type { AuditOptions } from '../../src/api';

const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
const validate = ajv.compile(reportJsonSchema());
const errorsOf = (v: unknown) => (validate(v) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

const ORGS = [
  ...['struggling-startup', 'mid-size-gaps', 'healthy-org'].map((n) => `templates/examples/${n}.yaml`),
  ...readdirSync('test/fixtures/html').map((n) => `test/fixtures/html/${n}`),
  ...readdirSync('test/fixtures/lint')
    .filter((n) => n.endsWith('.yaml') && !['invalid.yaml', 'unknown-waiver.yaml', 'missing-reason.yaml'].includes(n))
    .map((n) => `test/fixtures/lint/${n}`),
];

const OPTIONS: [string, AuditOptions][] = [
  ['defaults', { date: '2026-11-27' }],
  ['an earlier date (waivers active, sources fresh)', { date: '2025-01-01' }],
  [
    'a rule off, another re-weighted, thresholds tuned',
    {
      date: '2026-11-27',
      settings: { 'sales-tools': { enabled: false }, 'manage-not-pay-cut': { severity: 'medium', weight: 1 }, 'selling-time': { options: { failBelow: 20, passAbove: 30 } } },
    },
  ],
  [
    'a config waiver and a high coverage floor',
    {
      date: '2026-11-27',
      coverageFloor: 95,
      configWaivers: [{ rule: 'selling-time', reason: 'r', owner: 'CEO', expires: '2027-01-01', evidence: { path: 'waivers[0]', file: '.sales-audit.yaml', line: 2, column: 5, origin: 'file' } }],
    },
  ],
  ['one rule only', { date: '2026-11-27', rules: rules.slice(0, 1) }],
];

describe('the JSON report schema', () => {
  it('is a strict, valid draft 2020-12 schema', () => {
    expect(reportJsonSchema()).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', additionalProperties: false });
  });

  for (const file of ORGS)
    it(`accepts every JSON report of ${file} (${OPTIONS.length} option sets, redacted and not)`, async () => {
      const loaded = await loadOrg(file);
      for (const [what, opts] of OPTIONS)
        for (const org of [loaded, { ...loaded, org: redact(loaded.org) }]) {
          const json = JSON.parse(await render(audit(org, opts), 'json')) as unknown;
          expect(errorsOf(json), `${file}, ${what}`).toEqual([]);
        }
    });

  it('accepts a report with a rule in error, and rejects reports that break the contract', async () => {
    const thrower = {
      ...rules[0]!,
      check: () => {
        throw new Error('boom');
      },
    };
    const report = audit(await loadOrg('templates/examples/mid-size-gaps.yaml'), { date: '2026-11-27', rules: [thrower, ...rules.slice(1)] });
    expect(report.rules[0]!.status).toBe('error');
    const good = JSON.parse(await render(report, 'json')) as Record<string, any>;
    expect(errorsOf(good)).toEqual([]);
    const broken: [string, (r: Record<string, any>) => void, string][] = [
      ['an unknown top-level key', (r) => (r.extra = 1), ' must NOT have additional properties'],
      ['another schemaVersion', (r) => (r.schemaVersion = 3), '/schemaVersion must be equal to constant'],
      ['a grade that is no letter', (r) => (r.summary.grade = 'E'), '/summary/grade must be equal to one of the allowed values'],
      ['a rule score above 1', (r) => (r.rules[1].score = 1.5), '/rules/1/score must be <= 1'],
      ['a finding without evidence', (r) => delete r.findings[0].evidence, "/findings/0 must have required property 'evidence'"],
      ['a headline that is not whole', (r) => (r.summary.score = 63.5), '/summary/score must be integer'],
    ];
    for (const [what, breakIt, error] of broken) {
      const r = structuredClone(good);
      breakIt(r);
      expect(errorsOf(r), what).toContain(error);
    }
  });
});
