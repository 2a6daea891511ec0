// The stylelint/markdownlint habit: every rule file is registered, documented,
// consistent with the schema, and tested.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { optionDocs } from '../../src/engine/define-rule';
import { CATEGORIES, EFFORTS, SEVERITIES } from '../../src/engine/types';
import { metaOf, schemaAt } from '../../src/model/introspect';

const root = new URL('../../', import.meta.url);
const ruleFiles = readdirSync(new URL('rules/', root))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();

// The catalogue of RULES.md, in report order. Ids are a public contract.
const CATALOGUE = [
  ['sales-leadership', 'leadership', 'high'],
  ['role-title-fit', 'people', 'high'],
  ['go-to-market-plan', 'strategy', 'critical'],
  ['sales-process', 'process', 'critical'],
  ['metrics-accountability', 'process', 'high'],
  ['individual-coaching', 'people', 'high'],
  ['manage-not-pay-cut', 'people', 'high'],
  ['selling-time', 'enablement', 'high'],
  ['sales-tools', 'enablement', 'high'],
  ['continuous-recruiting', 'people', 'medium'],
  ['internal-friction', 'enablement', 'medium'],
  ['profit-based-comp', 'compensation', 'high'],
  ['comp-balances-client-value', 'compensation', 'medium'],
  ['deal-structure-review', 'compensation', 'low'],
  ['sales-vs-marketing', 'strategy', 'high'],
] as const;

describe('rule registry', () => {
  it('lists the catalogue rules first, in catalogue order, with their category and severity (a new rule is added after them)', () => {
    expect(rules.slice(0, CATALOGUE.length).map((r) => [r.id, r.category, r.severity])).toEqual(CATALOGUE.map((c) => [...c]));
  });

  it('registers every file in rules/ and nothing else', () => {
    expect(rules.map((r) => r.id).sort()).toEqual(ruleFiles);
  });
});

describe.each(rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const text = readFileSync(new URL(`rules/${id}.ts`, root), 'utf8');

  it('is a real rule, not a placeholder', () => {
    expect(text).not.toMatch(/PLACEHOLDER|TODO|not implemented/);
  });

  it('has complete metadata and documentation', () => {
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.source).toMatch(/Jackson|Tormey|Zander|introduction/i);
    expect(Object.keys(CATEGORIES)).toContain(rule.category);
    expect(SEVERITIES).toContain(rule.severity);
    expect(rule.docs.description.length).toBeGreaterThan(40);
    expect(rule.docs.rationale.length).toBeGreaterThan(40);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    expect(Object.keys(rule.steps).length).toBeGreaterThan(0);
    for (const step of Object.values(rule.steps)) {
      expect(step.action.length).toBeGreaterThan(10);
      expect(step.owner.length).toBeGreaterThan(1);
      expect(EFFORTS).toContain(step.effort);
    }
  });

  it('reads only facts that exist in the schema, each with an interview question', () => {
    expect(rule.reads.length).toBeGreaterThan(0);
    for (const path of rule.reads) {
      const s = schemaAt(path);
      expect(s, `${path} is not in the schema`).toBeDefined();
      expect(metaOf(s).question, `${path} has no question in the schema meta`).toBeTruthy();
    }
    for (const path of rule.requires) expect(rule.reads, `requires ${path} but does not list it in reads`).toContain(path);
  });

  it('cites a source and year for every numeric default', () => {
    for (const o of optionDocs(rule)) {
      if (typeof o.default !== 'number') continue;
      // A public source with its year, or an explicit house default (RULES.md gives no source).
      expect(o.source, `option ${o.name} has no source`).toMatch(/(19|20)\d\d|sales-audit default/);
    }
  });

  it('has a test file', () => {
    expect(existsSync(new URL(`test/rules/${id}.test.ts`, root))).toBe(true);
  });
});
