// `sales-audit explain` at work (declared in explain.ts): one rule, from its own metadata.
import { optionDocs } from '../../engine/define-rule';
import { SEVERITY_WEIGHT, type RuleDefinition } from '../../engine/types';
import { wrap } from '../../report/format';

/**
 * Worked example values for the placeholders of the rules' steps, so `explain`
 * reads as finished text ("Move \"Invoicing\" off the reps: 3 hours per rep per
 * week reclaimed.") where a report fills them from the org file. A test checks
 * every placeholder of every rule has one.
 */
export const EXAMPLE_VALUES: Readonly<Record<string, string | number>> = {
  name: 'AE 1',
  quoted: '"Credit checks take ten days"',
  hint: 'credit insurance or a pre-approved credit line',
  area: 'credit',
  crm: 'HubSpot',
  title: 'VP of Sales',
  stage: 'Discovery',
  pct: 40,
  kpi: 'Meetings booked',
  every: '3 months',
  decisionDays: 90,
  where: 'spreadsheets',
  task: 'Invoicing',
  tasks: '"Invoicing" and "Order entry"',
  target: 90,
  targetText: '90%',
  since: '2026-05-04',
  pipelineCoverage: 3,
  now: '2 hours',
  missing: 'a margin floor',
  minText: '3 hours',
  items: 'positioning and messaging',
  hoursText: '3 hours',
  need: 27,
  reps: 9,
  hours: 12,
  fte: '0.5',
  element: 'positioning against alternatives',
  daysText: 'for 120 days',
  channels: 'referrals and partners',
  actual: '2.1',
  action: 'improvement plan',
  motion: 'relationship',
  who: 'all Account Executives',
  fix: 'a weekly or monthly one-to-one',
  maxRepsPerManager: 10,
  min: 60,
  base: 45,
};

/**
 * Example values for one rule where a placeholder means something else there
 * than in EXAMPLE_VALUES: `{fix}` is a policy's missing clause in
 * individual-coaching but a job title in role-title-fit. Looked up before
 * EXAMPLE_VALUES; a test checks each example value has the form the rule's own
 * checklist items give that placeholder (a number, a quoted name, words).
 */
export const RULE_EXAMPLE_VALUES: Readonly<Record<string, Readonly<Record<string, string | number>>>> = {
  'role-title-fit': { who: 'all Account Execs', fix: '"Account Executive"' },
};

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
  // A worked example: placeholders filled with typical values (a report fills them from the org file); wrapped lines hang under the text.
  out.push('  (with example values; a report names your own people, stages and figures)');
  for (const s of Object.values(rule.steps)) out.push(...wrap(`- ${exampleOf(s.action, rule.id)} (owner: ${s.owner}; effort: ${s.effort})`, width - 4, '  ').map((l) => `  ${l}`));
  out.push('');
  return out.join('\n');
}

/** The example value of a placeholder in a rule's steps: the rule's own (RULE_EXAMPLE_VALUES), else EXAMPLE_VALUES; undefined when there is none. */
export function exampleValue(key: string, ruleId?: string): string | number | undefined {
  const own = ruleId === undefined ? undefined : RULE_EXAMPLE_VALUES[ruleId];
  return own && key in own ? own[key] : key in EXAMPLE_VALUES ? EXAMPLE_VALUES[key] : undefined;
}

/** A step's action of rule `ruleId` with its placeholders filled (exampleValue); one without an example reads as "…". */
export function exampleOf(action: string, ruleId?: string): string {
  return action.replace(/\{(\w+)\}/g, (_m, k: string) => String(exampleValue(k, ruleId) ?? '…'));
}
