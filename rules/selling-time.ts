// Jackson, mistake 7: reps buried in admin that a lower-paid role could do.
import { countOf, defineRule, joinNames, options, threshold } from '../src/engine/define-rule';

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
      'Checks what share of their working time the reps spend selling, per rep where the roster says so, or team-wide, and lists the admin tasks that could be moved to someone else.',
    rationale:
      'Every hour a rep spends on work a less specialised role could do is an hour not spent with buyers. Reps who sell for a larger share of the week reach quota more often.',
  },
  messages: {
    teamLow: 'The team spends {pct}% of its time selling (below {failBelow}%).',
    teamMiddle: 'The team spends {pct}% of its time selling (between {failBelow}% and {passAbove}%).',
    repLow: '{name} spends {pct}% of the time selling (below {failBelow}%).',
    repMiddle: '{name} spends {pct}% of the time selling (between {failBelow}% and {passAbove}%).',
    offloadable: '{task} takes {hoursText} per week that a support role could take over.',
    repsUnknown: '{names} {has} no selling time recorded: the score covers {known} of {total} reps.',
  },
  steps: {
    offload: { action: 'Move "{task}" off the reps: {hoursText} per rep per week reclaimed.', owner: 'Sales manager', effort: 'medium' },
    audit: { action: 'Log a typical week per rep and list the non-selling tasks that could move to a support role.', owner: 'Sales manager', effort: 'low' },
  },
  check({ org, options, finding, step }) {
    const { failBelow, passAbove } = options;
    const scoreOf = (pct: number) => (pct > passAbove ? 1 : pct >= failBelow ? 0.5 + (0.4 * (pct - failBelow)) / Math.max(1, passAbove - failBelow) : (0.4 * pct) / Math.max(1, failBelow));

    const reps = (org.people ?? []).map((p, i) => ({ p, i })).filter(({ p }) => p.is_rep !== false);
    const people = reps.filter(({ p }) => p.selling_time_pct !== undefined);
    const teamPct = org.admin?.selling_time_pct;
    if (!people.length && teamPct === undefined) return { notAssessed: ['people[].selling_time_pct', 'admin.selling_time_pct'] };

    const findings: ReturnType<typeof finding>[] = [];
    let score: number;
    if (people.length) {
      // Unknown is never a fail: the score covers the reps with a figure, and a note says who is left out.
      const unknown = reps.filter(({ p }) => p.selling_time_pct === undefined);
      if (unknown.length) {
        findings.push(
          finding('repsUnknown', unknown.map(({ i }) => `people[${i}].selling_time_pct`), {
            names: joinNames(unknown.map(({ p, i }) => p.name ?? `people[${i}]`)),
            has: unknown.length === 1 ? 'has' : 'have',
            known: people.length,
            total: reps.length,
          }, { note: true }),
        );
      }
      score = people.reduce((s, { p }) => s + scoreOf(p.selling_time_pct!), 0) / people.length;
      for (const { p, i } of people) {
        const pct = p.selling_time_pct!;
        if (pct > passAbove) continue;
        const name = p.name ?? `people[${i}]`;
        findings.push(finding(pct < failBelow ? 'repLow' : 'repMiddle', [`people[${i}].selling_time_pct`], { name, pct, failBelow, passAbove }, { thresholds: ['failBelow', 'passAbove'] }));
      }
    } else {
      score = scoreOf(teamPct!);
      if (teamPct! <= passAbove)
        findings.push(finding(teamPct! < failBelow ? 'teamLow' : 'teamMiddle', ['admin.selling_time_pct'], { pct: teamPct, failBelow, passAbove }, { thresholds: ['failBelow', 'passAbove'] }));
    }

    const tasks = (org.admin?.non_sales_tasks ?? [])
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => t.offloadable === true)
      .sort((a, b) => (b.t.hours_per_week ?? 0) - (a.t.hours_per_week ?? 0) || a.i - b.i);
    const hoursText = (h: number | undefined) => (h === undefined ? 'an unrecorded number of hours' : countOf(h, 'hour'));
    if (score < 1) {
      for (const { t, i } of tasks)
        findings.push(finding('offloadable', [`admin.non_sales_tasks[${i}]`], { task: t.task ?? 'An unnamed task', hours: t.hours_per_week, hoursText: hoursText(t.hours_per_week) }));
    }
    const steps = score >= 1 ? [] : tasks.length
      ? tasks.map(({ t, i }) => step('offload', { task: t.task ?? 'unnamed task', hours: t.hours_per_week, hoursText: hoursText(t.hours_per_week) }, [`admin.non_sales_tasks[${i}]`]))
      : [step('audit')];
    return { score, findings, steps };
  },
});
