// `sales-audit explain <rule>`: everything about one rule, from its own metadata.
import { Command } from 'commander';
import { suggest } from '../../load/diagnostics';
import { CliError } from '../errors';
import { stdoutColumns, writeStdout } from '../stdio';

/**
 * Rules whose id or title holds every word typed ("coaching" finds
 * individual-coaching, "pay cut" finds manage-not-pay-cut), ids first; at most three.
 */
export function rulesByWords(typed: string, rules: readonly { id: string; title: string }[]): string[] {
  const words = typed
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3);
  if (!words.length) return [];
  const has = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  const byId = rules.filter((r) => has(r.id));
  const byTitle = rules.filter((r) => !byId.includes(r) && has(r.title));
  return [...byId, ...byTitle].slice(0, 3).map((r) => r.id);
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('Explain one rule: what it checks, why, the facts it reads, its thresholds and their sources, how to fix.')
    .argument('<rule>', 'a rule id (see `sales-audit rules`), or `contradiction` (a finding about facts that disagree)')
    .option('--config <file>', 'the config whose plugins add rules (default: the .sales-audit.yaml that applies in the working folder)')
    .addHelpText(
      'after',
      "\nExamples:\n  $ sales-audit explain selling-time\n  $ sales-audit explain contradiction   # what a contradiction finding is and how to resolve it\n  $ sales-audit explain forecast-tracked --config orgs/.sales-audit.yaml   # a plugin's rule",
    )
    .action(async (id: string, opts: { config?: string }) => {
      // A contradiction finding is listed as `contradiction` (lint, SARIF, JUnit): explained here, not a rule of the catalogue.
      if (id === 'contradiction') {
        const { explainContradiction } = await import('./explain-topics');
        writeStdout(explainContradiction(Math.max(60, Math.min(100, stdoutColumns() ?? 80))));
        return;
      }
      // Loaded only when this command runs: declaring it stays cheap.
      const rules = await (await import('../rules-in-scope')).rulesInScope(opts.config);
      const { explainRule } = await import('./explain-run');
      const rule = rules.find((r) => r.id === id);
      if (!rule) {
        const s = suggest(
          id,
          rules.map((r) => r.id),
        );
        const byWords = s ? [] : rulesByWords(id, rules);
        const hint = s ? `; did you mean "${s}"?` : byWords.length ? `; did you mean ${byWords.map((x) => `"${x}"`).join(' or ')}?` : '';
        throw new CliError([`unknown rule "${id}"${hint} (run \`sales-audit rules\` for the list)`]);
      }
      writeStdout(explainRule(rule, Math.max(60, Math.min(100, stdoutColumns() ?? 80))));
    });
}
