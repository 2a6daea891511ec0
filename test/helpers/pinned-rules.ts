// A fixed, explicit set of rules for the tests that pin exact figures or bytes
// (a score, a SARIF log, a line of annotations): the rules as they were when
// those figures were written, so adding a rule (CONTRIBUTING.md: three files)
// does not move them. Tests of "every rule" use the live list instead.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rules } from '../../rules/index';
import type { RuleDefinition } from '../../src/engine/types';

/** The ids of the pinned set, in the rule list's order. */
export const PINNED_RULE_IDS = [
  'sales-leadership',
  'role-title-fit',
  'go-to-market-plan',
  'sales-process',
  'metrics-accountability',
  'individual-coaching',
  'manage-not-pay-cut',
  'selling-time',
  'sales-tools',
  'continuous-recruiting',
  'internal-friction',
  'profit-based-comp',
  'comp-balances-client-value',
  'deal-structure-review',
  'sales-vs-marketing',
] as const;

/** The pinned rules, from the live list; throws when one of them is gone (a renamed rule must update its tests). */
export function pinnedRules(): readonly RuleDefinition[] {
  return PINNED_RULE_IDS.map((id) => {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw new Error(`pinned rule ${id} is not in rules/index.ts`);
    return rule;
  });
}

/** The live rules outside the pinned set (none until a rule is added). */
export const unpinnedRuleIds = (): string[] => rules.map((r) => r.id).filter((id) => !(PINNED_RULE_IDS as readonly string[]).includes(id));

/**
 * For the CLI: the YAML of a config that turns every rule outside the pinned
 * set off, so a command run with it sees only the pinned rules' figures.
 * `extra` is appended (more config, e.g. gates). Returns the config's path.
 */
export function pinnedConfig(extra = ''): string {
  pinnedRules();
  const off = unpinnedRuleIds().map((id) => `  ${id}: { enabled: false }\n`);
  const file = join(mkdtempSync(join(tmpdir(), 'sales-audit-pinned-')), 'pinned.yaml');
  writeFileSync(file, `${off.length ? `rules:\n${off.join('')}` : ''}${extra}`);
  return file;
}
