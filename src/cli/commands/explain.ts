// `sales-audit explain <rule>`: everything about one rule, from its own metadata.
import { Command } from 'commander';
import { suggest } from '../../load/diagnostics';
import { CliError } from '../errors';
import { stdoutColumns, writeStdout } from '../stdio';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('Explain one rule: what it checks, why, the facts it reads, its thresholds and their sources, how to fix.')
    .argument('<rule>', 'a rule id (see `sales-audit rules`)')
    .addHelpText('after', '\nExample:\n  $ sales-audit explain selling-time')
    .action(async (id: string) => {
      // Loaded only when this command runs: declaring it stays cheap.
      const { rules } = await import('../../../rules/index');
      const { explainRule } = await import('./explain-run');
      const rule = rules.find((r) => r.id === id);
      if (!rule) {
        const s = suggest(id, rules.map((r) => r.id));
        throw new CliError([`unknown rule "${id}"${s ? `; did you mean "${s}"?` : ''} (run \`sales-audit rules\` for the list)`]);
      }
      writeStdout(explainRule(rule, Math.max(60, Math.min(100, stdoutColumns() ?? 80))));
    });
}
