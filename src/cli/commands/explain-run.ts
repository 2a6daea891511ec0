// `sales-audit explain` at work (declared in explain.ts): one rule, from its own metadata.
import { optionDocs } from '../../engine/define-rule';
import { SEVERITY_WEIGHT, type RuleDefinition } from '../../engine/types';
import { wrap } from '../../report/format';

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
      out.push(...wrap(`${o.name} = ${JSON.stringify(o.default)}${o.description ? `: ${o.description}` : ''}`, width - 4, '    ').map((l) => `  ${l}`));
      if (o.source) out.push(...wrap(`source: ${o.source}`, width - 6).map((l) => `      ${l}`));
    }
  }
  out.push('', 'How to fix');
  // Placeholders read as "…" (filled with names from the org file in a report); wrapped lines hang under the text.
  for (const s of Object.values(rule.steps))
    out.push(...wrap(`- ${s.action.replace(/"?\{(\w+)\}"?/g, '…')} (owner: ${s.owner}; effort: ${s.effort})`, width - 4, '  ').map((l) => `  ${l}`));
  out.push('');
  return out.join('\n');
}
