// The checklist: fixes of a failing critical rule first, alternatives marked
// "or", a rule's gain once, find-out items for what is unknown.
import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/engine/define-rule';
import { runAudit } from '../../src/engine/run';
import type { RuleDefinition, Severity } from '../../src/engine/types';
import { renderCsv } from '../../src/report/csv';
import { renderMarkdown } from '../../src/report/markdown';

const rule = (id: string, severity: Severity, score: number, alternatives = false) =>
  defineRule({
    id,
    title: id,
    source: 'test',
    category: 'people',
    severity,
    reads: [],
    docs: { description: 'd', rationale: 'r' },
    messages: {},
    steps: { hire: { action: `Hire for ${id}.`, owner: 'CEO', effort: 'high' }, coach: { action: `Coach for ${id}.`, owner: 'CEO', effort: 'low' } },
    check: ({ step }) => ({ score, steps: [step('hire'), step('coach', {}, [], { or: alternatives })] }),
  }) as unknown as RuleDefinition;

describe('checklist order and alternatives', () => {
  const report = runAudit({
    org: {},
    date: '2026-11-27',
    rules: [rule('big-high', 'high', 0), rule('crit', 'critical', 0.4, true), rule('small', 'low', 0.5)],
    file: 'o.yaml',
  });

  it('puts the fixes of a failing critical rule first, even when another rule is worth more', () => {
    expect(report.checklist.map((c) => c.ruleId)).toEqual(['crit', 'crit', 'big-high', 'big-high', 'small', 'small']);
    expect(report.checklist[0]).toMatchObject({ fatal: true });
    const big = report.checklist.find((c) => c.ruleId === 'big-high')!;
    const crit = report.checklist.find((c) => c.ruleId === 'crit')!;
    expect(big.gain).toBeGreaterThan(crit.gain);
  });

  it('marks a step that is an alternative to the one before it, in the report and every format', () => {
    expect(report.checklist.filter((c) => c.or).map((c) => c.action)).toEqual(['Coach for crit.']);
    expect(renderMarkdown(report)).toContain('*or:* Coach for crit.');
    expect(renderCsv(report)).toContain('or: Coach for crit.');
  });

  it('carries a rule gain on its first item only, so the gains add up with the score to 100', () => {
    const fixes = report.checklist.filter((c) => c.kind === 'fix');
    const total = fixes.reduce((a, c) => a + c.gain, 0);
    // No unknowns here: score + gains = 100 (up to rounding of each figure to one decimal).
    expect(Math.abs(total + (report.summary.score ?? 0) - 100)).toBeLessThanOrEqual(1);
    expect(fixes.filter((c, i) => i > 0 && fixes[i - 1]!.ruleId === c.ruleId).every((c) => c.gain === 0)).toBe(true);
  });
});

describe('find-out items', () => {
  const many = defineRule({
    id: 'many',
    title: 'many',
    source: 'test',
    category: 'people',
    severity: 'high',
    reads: [],
    docs: { description: 'd', rationale: 'r' },
    messages: {},
    steps: {},
    check: () => ({ checks: [{ id: 'all', score: [0, 1], unknown: Array.from({ length: 12 }, (_, i) => `people[${i}].name`) }] }),
  }) as unknown as RuleDefinition;

  it('name at most five facts in the action and count the rest; every fact stays in facts', () => {
    const r = runAudit({ org: { people: Array.from({ length: 12 }, () => ({})) }, date: '2026-11-27', rules: [many], file: 'o.yaml' });
    const item = r.checklist.find((c) => c.kind === 'find-out')!;
    expect(item.facts).toHaveLength(12);
    expect(item.action).toMatch(/^Find out (the name of person \d+, ){4}the name of person \d+ and 7 more facts\.$/);
    expect(r.summary.unknownFacts).toBe(12);
  });

  it('do not count the unknowns of a waived rule as in play', () => {
    const r = runAudit({
      org: { people: [{}], waivers: [{ rule: 'many', reason: 'accepted', owner: 'CEO', expires: '2099-01-01' }] },
      date: '2026-11-27',
      rules: [many],
      file: 'o.yaml',
    });
    expect(r.rules[0]!.status).toBe('waived');
    expect(r.summary.unknownFacts).toBe(0);
    expect(r.checklist).toEqual([]);
  });
});

describe('a find-out item is worth what knowing its facts can move, across the rules (verdict follow-ups 2, item 3)', () => {
  const waiting = (id: string, severity: Severity, facts: string[]) =>
    defineRule({
      id,
      title: id,
      source: 'test',
      category: 'people',
      severity,
      reads: [],
      docs: { description: 'd', rationale: 'r' },
      messages: {},
      steps: { fix: { action: `Fix ${id}.`, owner: 'CEO', effort: 'low' } },
      check: ({ step }) => ({
        checks: [
          { id: 'known', score: 0.5 },
          { id: 'waiting', score: [0, 1], unknown: facts },
        ],
        steps: [step('fix')],
      }),
    }) as unknown as RuleDefinition;
  const report = runAudit({
    org: {},
    date: '2026-11-27',
    rules: [waiting('a', 'low', ['people']), waiting('b', 'medium', ['people']), waiting('c', 'high', ['other']), waiting('d', 'high', ['people'])],
    file: 'o.yaml',
  });
  const findOut = report.checklist.filter((c) => c.kind === 'find-out');

  it('asks once for facts several rules wait for, worth the points in play on every one of their checks (it was one item per rule, each ranked on its own share)', () => {
    expect(findOut.map((c) => [c.facts, c.gain])).toEqual([
      // Weights 2.5 + 5 + 7.5 (low, medium, high) of 22.5 in all, each check half its rule: 5.6 + 11.1 + 16.7 (each to one decimal).
      [['people'], 33.4],
      [['other'], 16.7],
    ]);
    expect(findOut[0]!.rank).toBeLessThan(findOut[1]!.rank);
  });

  it('keeps the score, the fix gains and the points in play adding up to 100', () => {
    const total = report.checklist.reduce((a, c) => a + c.gain, 0) + report.summary.score!;
    expect(Math.abs(total - 100)).toBeLessThanOrEqual(1);
  });
});

describe('a fact asked by an item of its own is not asked again beside other facts (review: the roster asked at #1 and again at #18)', () => {
  const waiting = (id: string, facts: string[]) =>
    defineRule({
      id,
      title: id,
      source: 'test',
      category: 'people',
      severity: 'high',
      reads: [],
      docs: { description: 'd', rationale: 'r' },
      messages: {},
      steps: {},
      check: () => ({ checks: [{ id: 'waiting', score: [0, 1], unknown: facts }], steps: [] }),
    }) as unknown as RuleDefinition;
  const findOut = (rules: RuleDefinition[]) =>
    runAudit({ org: {}, date: '2026-11-27', rules, file: 'o.yaml' })
      .checklist.filter((c) => c.kind === 'find-out')
      .map((c) => [c.facts, c.gain]);

  it('the roster alone for one rule and the roster with a policy for another: the second asks only the policy, with its points', () => {
    expect(findOut([waiting('a', ['people']), waiting('b', ['people', 'policies[0].development_plan'])])).toEqual([
      [['people'], 50],
      [['policies[0].development_plan'], 50],
    ]);
  });

  it('a check waiting on facts each asked alone adds its points to the first one', () => {
    expect(findOut([waiting('a', ['people']), waiting('b', ['other']), waiting('c', ['people', 'other'])])).toEqual([
      // 33.3 + 33.3: each check's points are rounded to one decimal before they are added.
      [['people'], 66.6],
      [['other'], 33.3],
    ]);
  });

  it('two facts no item asks alone stay one question', () => {
    expect(findOut([waiting('a', ['people', 'other'])])).toEqual([[['people', 'other'], 100]]);
  });
});
