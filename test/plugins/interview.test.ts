// A plugin rule's custom facts (custom.<rule id>) in the interview, without a
// terminal: the example plugin's fact is planned with the question its
// `fact()` gives, in the section of the built-in fact the rule reads, checked
// by the plugin's schema, and written back under custom.forecast-tracked with
// the rest of the file kept byte for byte. The built-in schema is back once
// the custom facts are dropped.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rules } from '../../rules/index';
import type { RuleDefinition } from '../../src/engine/types';
import { customFactDiagnostics } from '../../src/config/plugins';
import { customFactsOf } from '../../src/interview/custom-facts';
import { checkAnswer, planQuestions, questionFor, type Question } from '../../src/interview/plan';
import type { FactAnswer, ItemsAnswer, Prompter } from '../../src/interview/prompter';
import { runSession } from '../../src/interview/session';
import { OrgText } from '../../src/interview/writeback';
import { loadOrgText } from '../../src/load/load';
import { useCustomFacts } from '../../src/model/introspect';
import { runAudit } from '../../src/engine/run';

// The example plugin as the CLI loads it (a .js module importing 'sales-audit'; examples/ is outside the type check).
const PLUGIN: string = '../../examples/plugins/rules/forecast-tracked.js';
const rule = ((await import(PLUGIN)) as { default: RuleDefinition }).default;
const all = [...rules, rule];
const FACT = 'custom.forecast-tracked.compared_with_closed';
const acme = () => readFileSync(new URL('../../examples/plugins/acme.yaml', import.meta.url), 'utf8');

afterEach(() => useCustomFacts([]));

/** Answers the custom fact (and nothing else) as `answer`; records every question asked. */
class Scripted implements Prompter {
  asked: Question[] = [];
  constructor(private readonly answer: FactAnswer) {}
  async ask(q: Question): Promise<FactAnswer> {
    this.asked.push(q);
    return q.path === FACT ? this.answer : { kind: 'skip' };
  }
  async askItems(q: Question): Promise<ItemsAnswer> {
    this.asked.push(q);
    return { kind: q.continuing ? 'done' : 'skip' };
  }
  async askNote(): Promise<undefined> {
    return undefined;
  }
  async confirm(): Promise<boolean> {
    return false;
  }
}

describe("a plugin rule's custom facts in the interview", () => {
  it('are planned like a built-in fact: its question and help, a yes/no, in the section of the fact the rule reads, fed to the rule', () => {
    expect(customFactsOf(all)).toEqual([{ id: 'forecast-tracked', facts: rule.facts, section: 'process' }]);
    useCustomFacts(customFactsOf(all));
    const state = new OrgText(acme()).state();
    const q = planQuestions(state, all, { section: 'process' }).find((x) => x.path === FACT);
    expect(q).toMatchObject({
      id: FACT,
      kind: 'boolean',
      section: 'process',
      message: 'Does anyone compare each start-of-quarter forecast with what actually closed?',
      help: 'In a pipeline review or a board pack, every quarter.',
      feeds: [{ id: 'forecast-tracked', title: rule.title }],
    });
    // Asked after the section's own facts, and only in that section.
    expect(planQuestions(state, all, { section: 'process' }).at(-1)!.path).toBe(FACT);
    expect(planQuestions(state, all, { section: 'people' }).some((x) => x.path === FACT)).toBe(false);
    // The answers file and a repaired fact know it too; the plugin's schema checks an answer.
    expect(questionFor(FACT)).toMatchObject({ kind: 'boolean', section: 'process' });
    expect(checkAnswer(FACT, 'yes')).toBe('expected true or false');
    expect(checkAnswer(FACT, false)).toBeUndefined();
  });

  it('are not asked once answered, nor without the plugin; the built-in plan is the same either way', () => {
    const state = new OrgText(acme()).state();
    const builtIn = planQuestions(state, rules).map((q) => q.id);
    expect(questionFor(FACT)).toBeUndefined();
    useCustomFacts(customFactsOf(all));
    const withPlugin = planQuestions(state, all).map((q) => q.id);
    expect(withPlugin.filter((id) => id !== FACT)).toEqual(builtIn);
    // Right after the process section's last question.
    expect(withPlugin.indexOf(FACT)).toBe(builtIn.length - [...builtIn].reverse().findIndex((id) => id.startsWith('process.')));
    const answered = new OrgText(`${acme()}\ncustom:\n  forecast-tracked:\n    compared_with_closed: true\n`).state();
    expect(planQuestions(answered, all).some((q) => q.path === FACT)).toBe(false);
    useCustomFacts([]);
    expect(planQuestions(state, all).map((q) => q.id)).toEqual(builtIn);
  });

  it('are written back under custom.<rule id>, the rest of the file kept byte for byte, and audited by the plugin rule', async () => {
    useCustomFacts(customFactsOf(all));
    const before = acme();
    const org = new OrgText(before);
    const p = new Scripted({ kind: 'value', value: false });
    const saved: string[] = [];
    await runSession({ org, rules: all, prompter: p, section: 'process', date: '2026-11-27', save: async (t) => void saved.push(t), checkCsv: async () => undefined });
    expect(p.asked.filter((q) => q.path === FACT)).toHaveLength(1);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toBe(`${before}\ncustom:\n  forecast-tracked:\n    compared_with_closed: false\n`);
    const loaded = await loadOrgText(saved[0]!, 'acme.yaml');
    if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
    expect(await customFactDiagnostics(loaded.value, [rule])).toEqual([]);
    expect(parse(saved[0]!).custom).toEqual({ 'forecast-tracked': { compared_with_closed: false } });
    const report = runAudit({ org: loaded.value.org, date: '2026-11-27', rules: all, file: 'acme.yaml', locate: (x) => loaded.value.positions.locate(x) });
    expect(report.rules.find((r) => r.id === 'forecast-tracked')).toMatchObject({ status: 'fail' });
    expect(report.findings.find((f) => f.ruleId === 'forecast-tracked')!.evidence[0]).toMatchObject({ path: FACT, line: before.split('\n').length + 3 });
  });

  it('"don\'t know" is written as unknown and not asked again', async () => {
    useCustomFacts(customFactsOf(all));
    const org = new OrgText(acme());
    await runSession({ org, rules: all, prompter: new Scripted({ kind: 'unknown' }), section: 'process', date: '2026-11-27', save: async () => {}, checkCsv: async () => undefined });
    expect(parse(org.text).custom).toEqual({ 'forecast-tracked': { compared_with_closed: 'unknown' } });
    expect(planQuestions(org.state(), all).some((q) => q.path === FACT)).toBe(false);
  });
});
