// `sales-audit rules`: the catalogue at a glance.
import { Command, Option } from 'commander';
import { SEVERITY_WEIGHT } from '../../engine/types';
import { useColor } from '../output';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('List the rules: id, title, category, severity and source.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-color', 'never use colour (also: NO_COLOR=1)')
    .addHelpText('after', '\nExamples:\n  $ sales-audit rules\n  $ sales-audit rules --format json | jq -r ".[].id"')
    .action(async (opts: { format: 'text' | 'json'; color?: boolean }) => {
      // Loaded only when this command runs: declaring it stays cheap.
      const { rules } = await import('../../../rules/index');
      if (opts.format === 'json') {
        const list = rules.map((r) => ({ id: r.id, title: r.title, category: r.category, severity: r.severity, weight: SEVERITY_WEIGHT[r.severity], source: r.source }));
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      const { default: Table } = await import('cli-table3');
      const color = useColor(process.stdout, opts.color === false ? false : undefined);
      const width = Math.max(60, Math.min(120, process.stdout.isTTY ? process.stdout.columns : 80));
      const idW = 28, catW = 14, sevW = 10;
      const rest = width - (idW + catW + sevW) - 5 * 2;
      const table = new Table({
        head: ['Rule', 'Title', 'Category', 'Severity', 'Source'],
        colWidths: [idW, Math.ceil(rest * 0.55), catW, sevW, Math.floor(rest * 0.45)],
        wordWrap: true,
        style: { head: color ? ['bold'] : [], border: color ? ['grey'] : [] },
      });
      for (const r of rules) table.push([r.id, r.title, r.category, r.severity, r.source]);
      process.stdout.write(`${table.toString()}\n${rules.length} rules. Run \`sales-audit explain <rule>\` for one in detail.\n`);
    });
}
