// Jackson, mistake 7: reps buried in admin that a lower-paid role could do.
import { countOf, defineRule, joinNames, options, repCheck, repsOf, threshold } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';

const SOURCE_CSO = 'CSO Insights, Sales Optimization study, 2011';

export default defineRule({
  id: 'selling-time',
  title: 'Reps spend their time selling',
  source: 'Jackson, mistake 7',
  category: 'enablement',
  severity: 'high',
  reads: ['people[].name', 'people[].is_rep', 'people[].selling_time_pct', 'admin.selling_time_pct', 'admin.non_sales_tasks', 'admin.support_staff'],
  options: options({
    failBelow: threshold({
      default: 35, min: 0, max: 100,
      description: 'Selling time (%) under which the rule fails.',
      source: `${SOURCE_CSO}: reps selling 35% of the time or less reached quota 55% of the time`,
    }),
    passAbove: threshold({
      default: 45, min: 0, max: 100,
      description: 'Selling time (%) above which the rule passes.',
      source: `${SOURCE_CSO}: reps selling more than 45% of the time reached quota 62% of the time`,
    }),
  }, { holds: (o) => o.failBelow <= o.passAbove, message: 'expected failBelow to be at most passAbove', path: 'failBelow' }),
  docs: {
    description:
      'Checks what share of their working time the reps spend selling: one check per rep when the roster lists reps (a rep without a figure earns nothing until it is known), else the team-wide figure; and lists the admin tasks that could be moved to someone else.',
    rationale:
      'Every hour a rep spends on work a less specialised role could do is an hour not spent with buyers. Reps who sell for a larger share of the week reach quota more often.',
  },
  messages: {
    teamLow: 'The team spends {pct}% of its time selling (below {failBelow}%).',
    teamMiddle: 'The team spends {pct}% of its time selling (between {failBelow}% and {passAbove}%).',
    repLow: '{name} spends {pct}% of the time selling (below {failBelow}%).',
    repMiddle: '{name} spends {pct}% of the time selling (between {failBelow}% and {passAbove}%).',
    offloadable: '{task} takes {hoursText} per week that a support role could take over.',
    repsUnknown: '{names} {has} no selling time recorded: the score counts {them} as earning nothing until it is known.',
  },
  steps: {
    offload: { action: 'Move "{task}" off the reps: {hoursText} per rep per week reclaimed.', owner: 'Sales manager', effort: 'medium' },
    audit: { action: 'Log a typical week per rep and list the non-selling tasks that could move to a support role.', owner: 'Sales manager', effort: 'low' },
  },
  check({ org, options, finding, step }) {
    const { failBelow, passAbove } = options;
    const scoreOf = (pct: number) => (pct > passAbove ? 1 : pct >= failBelow ? 0.5 + (0.4 * (pct - failBelow)) / Math.max(1, passAbove - failBelow) : (0.4 * pct) / Math.max(1, failBelow));
    const thresholds = { thresholds: ['failBelow', 'passAbove'] };

    // One check per rep when the roster lists reps; the team-wide figure when it does not.
    const reps = repsOf(org.people);
    const teamPct = org.admin?.selling_time_pct;
    const findings: ReturnType<typeof finding>[] = [];
    const checks: CheckOut[] = [];
    let below = false;
    if (reps.length) {
      const unknown = reps.filter(({ p }) => p.selling_time_pct === undefined);
      for (const rep of reps) {
        const { p, i, name } = rep;
        const pct = p.selling_time_pct;
        const path = `people[${i}].selling_time_pct`;
        if (pct === undefined) {
          checks.push(repCheck(rep, `rep:${name}`, [0, 1], [path]));
          continue;
        }
        checks.push(repCheck(rep, `rep:${name}`, scoreOf(pct)));
        if (pct > passAbove) continue;
        below = true;
        findings.push(finding(pct < failBelow ? 'repLow' : 'repMiddle', [path], { name, pct, failBelow, passAbove }, thresholds));
      }
      if (unknown.length) {
        findings.push(
          finding('repsUnknown', unknown.map(({ i }) => `people[${i}].selling_time_pct`), {
            names: joinNames(unknown.map(({ name }) => name)),
            has: unknown.length === 1 ? 'has' : 'have',
            them: unknown.length === 1 ? 'this rep' : 'these reps',
          }, { note: true }),
        );
      }
    } else if (teamPct !== undefined) {
      checks.push({ id: 'team', score: scoreOf(teamPct) });
      if (teamPct <= passAbove) {
        below = true;
        findings.push(finding(teamPct < failBelow ? 'teamLow' : 'teamMiddle', ['admin.selling_time_pct'], { pct: teamPct, failBelow, passAbove }, thresholds));
      }
    } else if (org.people !== undefined) {
      return { notApplicable: 'No salespeople are listed.' };
    } else {
      return { notAssessed: ['people[].selling_time_pct', 'admin.selling_time_pct'] };
    }

    const tasks = (org.admin?.non_sales_tasks ?? [])
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => t.offloadable === true)
      .sort((a, b) => (b.t.hours_per_week ?? 0) - (a.t.hours_per_week ?? 0) || a.i - b.i);
    const hoursText = (h: number | undefined) => (h === undefined ? 'an unrecorded number of hours' : countOf(h, 'hour'));
    // Tasks to move matter where some known selling time falls short.
    if (!below) return { checks, findings, steps: [] };
    for (const { t, i } of tasks)
      findings.push(finding('offloadable', [`admin.non_sales_tasks[${i}]`], { task: t.task ?? 'An unnamed task', hours: t.hours_per_week, hoursText: hoursText(t.hours_per_week) }));
    const steps = tasks.length
      ? tasks.map(({ t, i }) => step('offload', { task: t.task ?? 'unnamed task', hours: t.hours_per_week, hoursText: hoursText(t.hours_per_week) }, [`admin.non_sales_tasks[${i}]`]))
      : [step('audit')];
    return { checks, findings, steps };
  },
});
