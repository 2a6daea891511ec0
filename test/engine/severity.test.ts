// Severity follows the gap: a near miss is reported one level below a wide one.
import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/engine/define-rule';
import { NEAR_MISS, runAudit } from '../../src/engine/run';
import type { RuleDefinition } from '../../src/engine/types';

const rule = (score: number, gap?: number) =>
  defineRule({
    id: 'demo',
    title: 'Demo',
    source: 'test',
    category: 'enablement',
    severity: 'high',
    reads: [],
    docs: { description: 'd', rationale: 'r' },
    messages: { miss: 'missed' },
    steps: {},
    check: ({ finding }) => ({ score, findings: [finding('miss', [], {}, gap === undefined ? {} : { gap })] }),
  }) as unknown as RuleDefinition;
const severityOf = (score: number, gap?: number) => runAudit({ org: {}, date: '2026-11-27', rules: [rule(score, gap)], file: 'o.yaml' }).findings[0]!.severity;

describe('severity follows the gap', () => {
  it('lowers a near miss one level, keeps a wide miss at the rule severity', () => {
    expect(severityOf(0.6, NEAR_MISS)).toBe('medium');
    expect(severityOf(0.6, 0.05)).toBe('medium');
    expect(severityOf(0.6, NEAR_MISS + 0.01)).toBe('high');
    expect(severityOf(0.95, 0.8)).toBe('high');
  });

  it('without a stated gap, a finding of a rule that passes is a near miss', () => {
    expect(severityOf(0.93)).toBe('medium');
    expect(severityOf(0.89)).toBe('high');
    expect(severityOf(0.2)).toBe('high');
  });
});
