// `sales-audit rules`: the catalogue at a glance.
import { Command, InvalidArgumentError } from 'commander';
import { SEVERITY_WEIGHT } from '../../engine/types';
import { useColor } from '../output';
import { stdoutColumns, stdoutIsTTY, writeStdout } from '../stdio';

const RULES_FORMATS = ['text', 'json'] as const;

/** --format's value, refused as every other command refuses one ("expected one of: ..."). */
function parseRulesFormat(v: string): (typeof RULES_FORMATS)[number] {
  if (!(RULES_FORMATS as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of: ${RULES_FORMATS.join(', ')}.`);
  return v as (typeof RULES_FORMATS)[number];
}

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('List the rules: id, title, category, severity and source.')
    .option('-f, --format <format>', `output format: ${RULES_FORMATS.join(', ')} (default: text)`, parseRulesFormat)
    .option('--no-color', 'never use colour (also: NO_COLOR=1)')
    .option('--config <file>', 'the config whose plugins add rules (default: the .sales-audit.yaml that applies in the working folder)')
    .addHelpText('after', '\nExamples:\n  $ sales-audit rules\n  $ sales-audit rules --format json | jq -r ".[].id"')
    .action(async (opts: { format?: 'text' | 'json'; color?: boolean; config?: string }) => {
      // Loaded only when this command runs: declaring it stays cheap.
      const rules = await (await import('../rules-in-scope')).rulesInScope(opts.config);
      if (opts.format === 'json') {
        const list = rules.map((r) => ({ id: r.id, title: r.title, category: r.category, severity: r.severity, weight: SEVERITY_WEIGHT[r.severity], source: r.source }));
        writeStdout(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      // A two-line entry per rule reads at 80 columns, where a five-column table cannot.
      const { Chalk } = await import('chalk');
      const { wrap } = await import('../../report/format');
      const c = new Chalk({ level: useColor(stdoutIsTTY(), opts.color === false ? false : undefined) ? 1 : 0 });
      const width = Math.max(60, Math.min(120, stdoutColumns() ?? 80));
      const out = [c.bold(`${'#'.padStart(2)}  ${'Rule'.padEnd(28)}${'Severity'.padEnd(10)}${'Category'.padEnd(14)}Source`)];
      rules.forEach((r, i) => {
        const head = `${String(i + 1).padStart(2)}  ${r.id.padEnd(28)}${r.severity.padEnd(10)}${r.category.padEnd(14)}`;
        const src = wrap(r.source, Math.max(16, width - head.length));
        out.push(head + (src[0] ?? ''), ...src.slice(1).map((l) => ' '.repeat(head.length) + l));
        out.push(...wrap(r.title, width - 4).map((l) => c.dim(`    ${l}`)));
      });
      writeStdout(`${out.join('\n')}\n\n${rules.length} rules. Run \`sales-audit explain <rule>\` for one in detail.\n`);
    });
}
