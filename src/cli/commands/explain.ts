// `sales-audit explain <rule>`: everything about one rule, from its own metadata.
import { Command } from 'commander';
import { optionDocs } from '../../engine/define-rule';
import { SEVERITY_WEIGHT, type RuleDefinition } from '../../engine/types';
import { suggest } from '../../load/diagnostics';
import { wrap } from '../../report/format';
import { CliError } from '../errors';

export function explainRule(rule: RuleDefinition, width = 80): string {
  const out: string[] = [];
  const para = (title: string, text: string) => out.push('', title, ...wrap(text, width - 2).map((l) => `  ${l}`));
  out.push(`${rule.id}: ${rule.title}`);
  out.push(`  category ${rule.category} · severity ${rule.severity} (weight ${SEVERITY_WEIGHT[rule.severity]}) · source: ${rule.source}`);
  para('What it checks', rule.docs.description);
  para('Why it matters', rule.docs.rationale);
  out.push('', 'Facts it reads', ...rule.reads.map((r) => `  ${r}${rule.requires.includes(r) ? '  (required)' : ''}`));
  const opts = optionDocs(rule);
  if (opts.length) {
    out.push('', 'Thresholds (override in .sales-audit.yaml)');
    for (const o of opts) {
      out.push(`  ${o.name} = ${JSON.stringify(o.default)}${o.description ? `: ${o.description}` : ''}`);
      if (o.source) out.push(...wrap(`source: ${o.source}`, width - 6).map((l) => `      ${l}`));
    }
  }
  out.push('', 'How to fix');
  for (const s of Object.values(rule.steps)) out.push(...wrap(`- ${s.action.replace(/\{(\w+)\}/g, '<$1>')} (owner: ${s.owner}; effort: ${s.effort})`, width - 4, '  ').map((l) => `  ${l}`));
  out.push('');
  return out.join('\n');
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('Explain one rule: what it checks, why, the facts it reads, its thresholds and their sources, how to fix.')
    .argument('<rule>', 'a rule id (see `sales-audit rules`)')
    .addHelpText('after', '\nExample:\n  $ sales-audit explain selling-time')
    .action(async (id: string) => {
      // Loaded only when this command runs: declaring it stays cheap.
      const { rules } = await import('../../../rules/index');
      const rule = rules.find((r) => r.id === id);
      if (!rule) {
        const s = suggest(id, rules.map((r) => r.id));
        throw new CliError([`unknown rule "${id}"${s ? `; did you mean "${s}"?` : ''} (run \`sales-audit rules\` for the list)`]);
      }
      process.stdout.write(explainRule(rule, Math.max(60, Math.min(100, process.stdout.isTTY ? process.stdout.columns : 80))));
    });
}
