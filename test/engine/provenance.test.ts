// Provenance: a section or fact can say where it came from and as of when; the
// report shows stale evidence as such.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { runAudit, STALE_AFTER_MONTHS } from '../../src/engine/run';
import { evidenceLine } from '../../src/report/format';
import type { Org } from '../../src/model/schema';

const org: Org = {
  plan: { documented: false },
  people: [{ name: 'AE 1', is_rep: true, coaching: { plan: 'none' } }],
  sources: {
    plan: { source: 'Handbook: Sales plan', as_of: '2025-06-01' },
    'people[0].coaching.plan': { source: 'Interview with the VP Sales', as_of: '2026-11-20' },
  },
};

describe('provenance of facts', () => {
  const report = runAudit({ org, date: '2026-11-27', rules, file: 'org.yaml' });
  const ev = report.findings.flatMap((f) => f.evidence);

  it('carries the nearest stated source onto each piece of evidence, and marks an old one stale', () => {
    const plan = ev.find((e) => e.path.startsWith('plan.'))!;
    expect(plan).toMatchObject({ source: 'Handbook: Sales plan', asOf: '2025-06-01', stale: true });
    const coaching = ev.find((e) => e.path === 'people[0].coaching.plan')!;
    expect(coaching).toMatchObject({ source: 'Interview with the VP Sales', asOf: '2026-11-20' });
    expect(coaching.stale).toBeUndefined();
    expect(STALE_AFTER_MONTHS).toBe(12);
  });

  it('shows the source in the evidence line every text format prints', () => {
    const plan = ev.find((e) => e.path.startsWith('plan.'))!;
    expect(evidenceLine(plan)).toMatch(/\(source: Handbook: Sales plan, as of 2025-06-01, stale\)$/);
  });
});
