// `sales-audit explain <topic>` for ids a report shows that are not rules of the catalogue: a contradiction finding.
import { CONTRADICTION_DOCS } from '../../engine/contradictions';
import { wrap } from '../../report/format';

/** `explain contradiction`: what the finding is, why its facts count as unknown, how to resolve it; wrapped to `width` columns. */
export function explainContradiction(width = 80): string {
  const d = CONTRADICTION_DOCS;
  const out: string[] = [`${d.id}: ${d.title}`, '  a finding the audit makes about the org file itself, scored under the rule that judges the doubtful fact'];
  const para = (title: string, text: string) => out.push('', title, ...wrap(text, width - 2).map((l) => `  ${l}`));
  para('What it is', d.description);
  para('Why the facts count as unknown', d.whyUnknown);
  para('How to resolve it', d.resolve);
  out.push('');
  return out.join('\n');
}
