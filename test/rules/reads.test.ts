// `reads` enforced: every rule runs over the bundled examples and the report
// fixtures (and each of them with one fact deleted, so that the branches for
// unknown facts run too) through a recording proxy of the org. The facts a
// rule reads (list items as `people[].x`) must be the facts it declares in
// `reads`: none read that is not declared (the interview would never ask for
// it), none declared that is never read (the interview would ask for nothing).
// A declared fact covers what lies under it (`process.stages` covers
// `process.stages[].name`); reaching a section on the way to a fact is not a read.
// Beside it: every message id and step id of every rule is emitted by at
// least one of these runs or one rule test case (test/rules/<id>.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { resolveOptions } from '../../src/engine/define-rule';
import type { CheckOutput, RuleDefinition } from '../../src/engine/types';
import { loadOrgFile } from '../../src/load/load';
import type { Org } from '../../src/model/schema';
import { oneFactDeleted } from '../helpers/monotone';

const DATE = '2026-11-27';
const FILES = [
  ...readdirSync('templates/examples')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `templates/examples/${f}`),
  ...readdirSync('templates/init')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `templates/init/${f}`),
  ...readdirSync('test/fixtures/html').map((f) => `test/fixtures/html/${f}`),
  ...readdirSync('test/fixtures/lint')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `test/fixtures/lint/${f}`),
  'test/fixtures/interview/hand-written.yaml',
];

/** The org behind a proxy that adds to `seen` every fact path read (list items as []). */
function recording<T>(value: T, path: string, seen: Set<string>): T {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value as object, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver) as unknown;
      if (typeof key === 'symbol') return v;
      let p: string;
      if (Array.isArray(target)) {
        if (!/^\d+$/.test(key)) return v; // length, map, filter...
        p = `${path}[]`;
      } else p = path ? `${path}.${key}` : key;
      // A value that is not a mapping or list is a fact read; a mapping or list is a way to one.
      if (v === null || typeof v !== 'object' || (Array.isArray(v) && v.length === 0)) seen.add(p);
      return recording(v, p, seen);
    },
  }) as T;
}

interface Run {
  reads: Set<string>;
  messages: Set<string>;
  steps: Set<string>;
}

function runOver(rule: RuleDefinition, org: Org, run: Run, unknowns: readonly string[] = []): void {
  const options = resolveOptions(rule, undefined);
  if (!options.ok) throw new Error(options.error);
  let out: CheckOutput<string, string>;
  try {
    out = rule.check({
      org: recording(org, '', run.reads),
      options: options.options,
      date: DATE,
      isUnknown: (p) => {
        run.reads.add(p.replace(/\[\d+\]/g, '[]'));
        return unknowns.includes(p);
      },
      finding: (message, paths, data, extra) => ({ message, paths, ...(data ? { data: data as Record<string, string | number> } : {}), ...extra }),
      step: (step, data, paths, extra) => ({ step, ...(data ? { data: data as Record<string, string | number> } : {}), ...(paths ? { paths } : {}), ...extra }),
    });
  } catch {
    return; // a broken org the rule refuses is the rule tests' business
  }
  for (const f of out.findings ?? []) run.messages.add(f.message);
  if ('steps' in out) for (const s of out.steps ?? []) run.steps.add(s.step);
}

const within = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[]`);

const runs = new Map<string, Run>(rules.map((r) => [r.id, { reads: new Set(), messages: new Set(), steps: new Set() }]));
const loaded: { org: Org; unknowns: string[] }[] = [];

describe('reads is enforced', async () => {
  for (const f of FILES) {
    const r = await loadOrgFile(f);
    if (r.ok) loaded.push({ org: r.value.org, unknowns: r.value.unknowns });
  }
  for (const rule of rules)
    for (const { org, unknowns } of loaded) {
      runOver(rule, org, runs.get(rule.id)!, unknowns);
      for (const [, less] of oneFactDeleted(org)) runOver(rule, less as Org, runs.get(rule.id)!, unknowns);
    }

  it('loads the orgs it runs over', () => {
    expect(loaded.length).toBeGreaterThan(10);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s reads exactly the facts it declares', (id, rule) => {
    const read = [...runs.get(id)!.reads].sort();
    // Reached on the way to a declared fact (a section, a list) is no read of its own.
    const undeclared = read.filter((p) => !rule.reads.some((d) => within(p, d) || within(d, p)));
    const unread = rule.reads.filter((d) => !read.some((p) => within(p, d)));
    expect({ undeclared, unread }).toEqual({ undeclared: [], unread: [] });
  });
});

describe('every message and step is emitted', () => {
  // What the rule tests assert (message and step ids they name), beside what the runs above emitted.
  const tested = (id: string) => readFileSync(`test/rules/${id}.test.ts`, 'utf8');
  it.each(rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const run = runs.get(id)!;
    const text = tested(id);
    // A test names the id, or asserts the text it gives (placeholders filled in).
    const named = (x: string, template: string) =>
      new RegExp(`['"\`]${x}['"\`]`).test(text) ||
      new RegExp(
        template
          .split(/\{\w+\}/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.+?'),
      ).test(text);
    const silentMessages = Object.keys(rule.messages).filter((m) => !run.messages.has(m) && !named(m, rule.messages[m]!));
    const silentSteps = Object.keys(rule.steps).filter((s) => !run.steps.has(s) && !named(s, rule.steps[s]!.action));
    expect({ silentMessages, silentSteps }).toEqual({ silentMessages: [], silentSteps: [] });
  });
});

describe('the recording proxy', () => {
  it('catches a fact read but not declared, and one declared but never read', () => {
    const base = rules.find((r) => r.id === 'sales-tools')!;
    const sloppy: RuleDefinition = {
      ...base,
      id: 'sloppy',
      reads: ['tools.crm', 'admin.support_staff'],
      check: ({ org }) => ({ score: org.tools?.crm && org.plan?.documented && (org.people ?? []).some((p) => p.is_rep) ? 1 : 0 }),
    };
    const run: Run = { reads: new Set(), messages: new Set(), steps: new Set() };
    for (const { org, unknowns } of loaded) runOver(sloppy, org, run, unknowns);
    const read = [...run.reads];
    expect(read).toEqual(expect.arrayContaining(['tools.crm', 'plan.documented', 'people[].is_rep']));
    expect(read.filter((p) => !sloppy.reads.some((d) => within(p, d) || within(d, p))).sort()).toEqual(['people[].is_rep', 'plan', 'plan.documented']);
    expect(sloppy.reads.filter((d) => !read.some((p) => within(p, d)))).toEqual(['admin.support_staff']);
  });
});
