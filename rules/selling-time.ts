// Jackson, mistake 7: reps buried in admin that a lower-paid role could do.
import { bracket, countOf, defineRule, listNames, options, partTimeOf, repCheck, repsOf, threshold } from '../src/engine/define-rule';
import { unlistedPeople } from '../src/engine/roster-gap';
import type { CheckOut } from '../src/engine/types';

const SOURCE_CSO =
  'house default, informed by CSO Insights, Sales Optimization Survey, 2011 (more than 2,000 companies; reported by Selling Power, "How much time do your salespeople spend selling?", March 2011)';
const SOURCE_JACKSON = "house default, informed by Karen Jackson, 'B2B Sales Management Mistakes That Might Prove Fatal' (Jackson Solutions, 2012), mistake 7";
/** The selling-time checks together weigh this much against the one check on non-sales tasks. */
const SELLING_WEIGHT = 3;
const WEEK_HOURS = 40;

export default defineRule({
  id: 'selling-time',
  title: 'Reps spend their time selling',
  source: 'Jackson, mistake 7',
  category: 'enablement',
  // A summary of many reps' findings counts against the reps whose selling time is judged.
  population: { noun: 'reps', count: (org) => repsOf(org.people).length },
  severity: 'high',
  reads: [
    'people[].name',
    'people[].is_rep',
    'people[].selling_time_pct',
    'people[].selling_share_pct',
    'people[].direct_reports',
    'admin.selling_time_pct',
    'admin.non_sales_tasks',
    'admin.support_staff',
    'people[].title',
    'leadership.reps_per_manager',
    'plan.ramped_reps',
  ],
  options: options(
    {
      failBelow: threshold({
        default: 35,
        min: 0,
        max: 100,
        description: 'Selling time (%) at or under which a rep (or the team) fails.',
        source: `${SOURCE_CSO}: reps who sold 35% of their time or less made quota 55% of the time. An association; the study reports the groups, the fail line at 35% or less is ours`,
      }),
      passAbove: threshold({
        default: 45,
        min: 0,
        max: 100,
        description: 'Selling time (%) above which a rep (or the team) passes.',
        source: `${SOURCE_CSO}: reps who sold more than 45% of their time made quota 62% of the time. An association; the pass line above 45% is ours`,
      }),
      offloadHoursLimit: threshold({
        default: 8,
        min: 1,
        max: 40,
        description: 'Hours per rep per week of work a support role could do, at which the non-sales-task check earns nothing (it earns less for every such hour).',
        source: `${SOURCE_JACKSON}: work a less skilled, lower-paid role could do belongs with that role; a working day a week of it is the most this check tolerates`,
      }),
    },
    { holds: (o) => o.failBelow <= o.passAbove, message: 'expected failBelow to be at most passAbove', path: 'failBelow' },
  ),
  docs: {
    description:
      "Checks what share of their working time the reps spend selling (with buyers, by phone or face to face): one check per rep when the roster lists reps, else the team-wide figure. A team average can hide reps far below it, so on its own it earns only what it guarantees (a team at T% earns at least T/100, as if its reps were split between 0% and 100%), and for reps without their own figure it guarantees the same share; the rest waits for each rep's figure. A part-time seller (a selling CEO, a player-coach: `selling_share_pct` under 100) is judged on the selling part of the job: 20% of the week selling in a job that is 40% selling counts as 50%. The selling-time checks weigh together three times the check on non-sales tasks, which loses a share for every hour per rep per week of listed work a support role could do. Listed tasks are findings even when no selling time is known, and the support staff the team has (admin.support_staff, per rep) decides whether they can move now or a support role must be funded first.",
    rationale: 'Every hour a rep spends on work a less specialised role could do is an hour not spent with buyers. Reps who sell for a larger share of the week reach quota more often.',
  },
  messages: {
    teamLow: 'The team spends {pct}% of its time selling ({failBelow}% or less).',
    teamMiddle: 'The team spends {pct}% of its time selling (more than {failBelow}%, up to {passAbove}%).',
    repLow: '{name} spends {pct}% of the time selling ({failBelow}% or less).',
    repMiddle: '{name} spends {pct}% of the time selling (more than {failBelow}%, up to {passAbove}%).',
    offloadable: '{task} takes {hoursText} per week that a support role could take over.',
    noSupport: 'Nobody supports the {repsText}: the {hoursText} per rep per week a support role could take (about {fte} of a full-time job across the team) stay with the reps.',
    thinSupport: '{supportText} {supports} the {repsText} (one per {ratio} reps), against about {fte} of a full-time job per week that could move off the reps.',
    tasksUnknown: 'Whether the listed task "{task}" could be done by a support role is not known.',
    repsUnknown: '{names} {has} no selling time recorded: the score counts {them} as earning nothing until it is known.',
    unlisted: '{words}: for the {countText} not listed, selling time is unknown; the score counts them as earning nothing until they are listed.',
    repsUnknownTeam: '{names} {has} no selling time recorded: until it is known, the score counts {them} at only what the team-wide figure ({teamPct}%) guarantees.',
    partTime: '{name} sells part-time ({share}% of the job): {pct}% of the week spent selling is judged as {effective}% of the selling part.',
    teamVsReps:
      "The team-wide selling time ({teamPct}%) is more than the reps' own figures add up to: one of the two is wrong. Until it is settled, the score keeps what the team-wide figure guarantees.",
    teamOnly: "Only a team-wide figure ({pct}%) is known: an average can hide reps far below it, so it earns only what it guarantees until each rep's figure is known.",
  },
  steps: {
    offload: { action: 'Move "{task}" off the reps: {hoursText} per rep per week reclaimed.', owner: 'Sales manager', effort: 'medium' },
    fundSupport: {
      action: 'Fund a support role for the reps (a sales coordinator or administrator, about {fte} of a full-time job) to take over {tasks}.',
      owner: 'CEO',
      effort: 'high',
    },
    audit: { action: 'Log a typical week per rep and list the non-selling tasks that could move to a support role.', owner: 'Sales manager', effort: 'low' },
  },
  check({ org, options, finding, step }) {
    const { failBelow, passAbove, offloadHoursLimit } = options;
    // 35% or less fails (the study's lower group), more than 45% passes, in between partial.
    const scoreOf = (pct: number) => (pct > passAbove ? 1 : pct > failBelow ? 0.5 + (0.4 * (pct - failBelow)) / Math.max(1, passAbove - failBelow) : (0.4 * pct) / Math.max(1, failBelow));
    const thresholds = { thresholds: ['failBelow', 'passAbove'] };
    // The least a team-wide figure guarantees: a team average of T% could be reps at
    // 0% and 100% in proportion, earning floor(T) on average (the steepest line
    // through the origin that stays under scoreOf, so no spread of reps earns less).
    const slope = Math.min(0.4 / Math.max(1, failBelow), 0.9 / Math.max(1, passAbove), 0.01);
    const floor = (pct: number) => slope * pct;

    // Selling time: one check per rep when the roster lists reps; the team-wide figure when it does not.
    const reps = repsOf(org.people);
    const teamPct = org.admin?.selling_time_pct;
    const findings: ReturnType<typeof finding>[] = [];
    const checks: CheckOut[] = [];
    let below = false;
    // People the stated counts imply but the roster leaves out: reps whose selling time is unknown, each weighing as a listed rep.
    const gap = reps.length ? unlistedPeople(org) : undefined;
    if (reps.length) {
      const unknown = reps.filter(({ p }) => p.selling_time_pct === undefined);
      const weight = SELLING_WEIGHT / (reps.length + (gap?.count ?? 0));
      for (const rep of reps) {
        const { p, i, name } = rep;
        const raw = p.selling_time_pct;
        const path = `people[${i}].selling_time_pct`;
        if (raw === undefined) {
          checks.push(repCheck(rep, `rep:${name}`, [0, 1], [path], weight));
          continue;
        }
        // A part-time seller is judged on the selling part of the job (never below the same week judged as a
        // full-time rep's, see partTimeOf); an unknown share counts as full-time, and without a share (a
        // player-coach known by their reports) there is nothing to scale by.
        const share = partTimeOf(rep)?.share;
        const pct = share !== undefined && share > 0 ? Math.min(100, Math.round((raw * 1000) / share) / 10) : raw;
        if (pct !== raw) findings.push(finding('partTime', [path, `people[${i}].selling_share_pct`], { name, share: share!, pct: raw, effective: pct }, { note: true }));
        checks.push(repCheck(rep, `rep:${name}`, scoreOf(pct), [], weight));
        if (pct > passAbove) continue;
        below = true;
        // How far under the bar orders the reps (the widest miss first); the severity stays the band's.
        findings.push(finding(pct <= failBelow ? 'repLow' : 'repMiddle', [path], { name, pct, failBelow, passAbove }, { ...thresholds, shortfall: passAbove > 0 ? (passAbove - pct) / passAbove : 1 }));
      }
      if (gap) {
        checks.push({ id: 'unlisted', weight: weight * gap.count, score: [0, 1], unknown: ['people'] });
        findings.push(finding('unlisted', gap.by, { words: gap.words, count: gap.count, countText: gap.count === 1 ? 'one' : String(gap.count) }, { note: true }));
      }
      // A team-wide figure guarantees part of the reps' score: spread over the reps still open.
      if (teamPct !== undefined) {
        const ranges = checks.map((c) => c.score as [number, number]);
        const earned = checks.reduce((a, c, k) => a + (c.weight ?? 1) * ranges[k]![0], 0);
        const slack = checks.reduce((a, c, k) => a + (c.weight ?? 1) * (ranges[k]![1] - ranges[k]![0]), 0);
        const owed = SELLING_WEIGHT * floor(teamPct) - earned;
        if (owed > 0 && slack > 0) {
          const k = Math.min(1, owed / slack);
          for (const r of ranges) r[0] = Math.min(r[1], r[0] + (r[1] - r[0]) * k);
        }
        // The reps' own figures add up to less than the team-wide one guarantees: one of them is wrong. The
        // score keeps the guarantee, so that deleting the roster (or a rep's figure) never does better.
        const rest = owed - slack;
        const room = checks.reduce((a, c, k) => a + (c.weight ?? 1) * (1 - ranges[k]![1]), 0);
        if (rest > 1e-12 && room > 0) {
          const k = Math.min(1, rest / room);
          for (const r of ranges) {
            const up = (1 - r[1]) * k;
            r[0] += up;
            r[1] += up;
          }
          findings.push(finding('teamVsReps', ['admin.selling_time_pct'], { teamPct }, { note: true }));
        }
      }
      if (unknown.length) {
        const data = {
          names: listNames(unknown.map(({ name }) => name)),
          has: unknown.length === 1 ? 'has' : 'have',
          them: unknown.length === 1 ? 'this rep' : 'these reps',
          earn: unknown.length === 1 ? 'earns' : 'earn',
          teamPct,
        };
        findings.push(
          finding(
            teamPct === undefined ? 'repsUnknown' : 'repsUnknownTeam',
            unknown.map(({ i }) => `people[${i}].selling_time_pct`),
            data,
            { note: true },
          ),
        );
      }
    } else if (teamPct !== undefined) {
      // A team average can hide reps far below it: it earns what it guarantees, up to its own score.
      checks.push({ id: 'team', weight: SELLING_WEIGHT, score: [floor(teamPct), scoreOf(teamPct)], unknown: ['people[].selling_time_pct'] });
      findings.push(finding('teamOnly', ['admin.selling_time_pct'], { pct: teamPct }, { note: true }));
      if (teamPct <= passAbove) {
        below = true;
        findings.push(finding(teamPct <= failBelow ? 'teamLow' : 'teamMiddle', ['admin.selling_time_pct'], { pct: teamPct, failBelow, passAbove }, thresholds));
      }
    } else if (org.people !== undefined) {
      // A roster with nobody who sells says nothing about the reps (a sales team has them): unknown, never "not
      // applicable". The reps' listed tasks are still judged: the rule as a whole unassessed would score below the
      // roster emptied (which counts as unknown), where the tasks earn their part (the generated orgs found it).
      checks.push({ id: 'team', weight: SELLING_WEIGHT, score: [0, 1], unknown: ['people[].is_rep'] });
    } else {
      checks.push({ id: 'team', weight: SELLING_WEIGHT, score: [0, 1], unknown: ['people[].selling_time_pct', 'admin.selling_time_pct'] });
    }

    // Non-sales tasks: each listed hour a support role could do costs a share.
    const listed = org.admin?.non_sales_tasks;
    const tasks = (listed ?? []).map((t, i) => ({ t, i }));
    const offloadable = tasks.filter(({ t }) => t.offloadable === true).sort((a, b) => (b.t.hours_per_week ?? 0) - (a.t.hours_per_week ?? 0) || a.i - b.i);
    const open = tasks.filter(({ t }) => t.offloadable === undefined || (t.offloadable === true && t.hours_per_week === undefined));
    if (listed === undefined) checks.push({ id: 'tasks', score: [0, 1], unknown: ['admin.non_sales_tasks'] });
    else
      checks.push({
        id: 'tasks',
        score: bracket((pick) => {
          // An unknown number of hours could be the whole limit; an unknown kind of task could be offloadable.
          const hours = tasks.reduce((h, { t }) => h + (pick(t.offloadable, true, false) ? pick(t.hours_per_week, offloadHoursLimit, 0) : 0), 0);
          return Math.max(0, 1 - hours / offloadHoursLimit);
        }),
        unknown: open.map(({ t, i }) => `admin.non_sales_tasks[${i}].${t.offloadable === undefined ? 'offloadable' : 'hours_per_week'}`),
      });
    const hoursText = (h: number | undefined) => (h === undefined ? 'an unrecorded number of hours' : countOf(h, 'hour'));
    for (const { t, i } of offloadable)
      findings.push(finding('offloadable', [`admin.non_sales_tasks[${i}]`], { task: t.task ?? 'An unnamed task', hours: t.hours_per_week, hoursText: hoursText(t.hours_per_week) }));
    for (const { t, i } of tasks.filter(({ t }) => t.offloadable === undefined))
      findings.push(finding('tasksUnknown', [`admin.non_sales_tasks[${i}].offloadable`], { task: t.task ?? `admin.non_sales_tasks[${i}]` }, { note: true }));

    // Where the tasks can go: the support staff the team has, per rep.
    const steps: ReturnType<typeof step>[] = [];
    const support = org.admin?.support_staff;
    const perRep = offloadable.reduce((h, { t }) => h + (t.hours_per_week ?? 0), 0);
    const sure = reps.filter((r) => r.certain).length;
    const teamKnown = org.people !== undefined && reps.length > 0 && reps.every((r) => r.certain);
    const fte = (Math.round(((perRep * sure) / WEEK_HOURS) * 10) / 10).toString();
    const names = listNames(
      offloadable.map(({ t }) => `"${t.task ?? 'unnamed task'}"`),
      { ordered: true },
    );
    if (offloadable.length && perRep > 0 && teamKnown && support !== undefined) {
      const data = { hours: perRep, hoursText: countOf(perRep, 'hour'), reps: sure, repsText: countOf(sure, 'rep'), fte, support };
      if (support === 0) {
        findings.push(finding('noSupport', ['admin.support_staff', 'admin.non_sales_tasks'], data));
        steps.push(step('fundSupport', { fte, tasks: names }, ['admin.support_staff']));
      } else if ((perRep * sure) / WEEK_HOURS > support) {
        const ratio = Math.round((sure / support) * 10) / 10;
        findings.push(
          finding(
            'thinSupport',
            ['admin.support_staff', 'admin.non_sales_tasks'],
            { ...data, supportText: countOf(support, 'support person', 'support staff'), supports: support === 1 ? 'supports' : 'support', ratio },
            { note: true },
          ),
        );
      }
    }
    steps.push(...offloadable.map(({ t, i }) => step('offload', { task: t.task ?? 'unnamed task', hours: t.hours_per_week, hoursText: hoursText(t.hours_per_week) }, [`admin.non_sales_tasks[${i}]`])));
    if (below && !offloadable.length) steps.push(step('audit'));
    return { checks, findings, steps };
  },
});
