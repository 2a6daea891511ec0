// Jackson, introduction: small companies often hand sales management to a CEO
// whose expertise is the product; get someone who knows the job, or outside help.
import { countOf, daysBetween, defineRule, monthsBetween, options, pastDate, type PathPick, settle, threshold } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';

const SBI = 'Sales Benchmark Index, quoted in Jackson (introduction), 2012: a new sales leader lasts 19 months on average';
const SOURCE_SBI = SBI;
const SOURCE_YEARS =
  'house default, informed by Jackson (introduction), 2012: the worry in a small company is a sales manager without experience of the job; three years covers a full cycle of hiring, ramping, coaching and managing out reps';
const SOURCE_TURNOVER = `house default, informed by ${SBI}: at that tenure two leaders in three years is the norm, a third is churn`;
const SOURCE_90_DAYS =
  'house default, informed by M. D. Watkins, The First 90 Days (Harvard Business School Press, 2003): a new leader\u2019s first three months set the course, and a written plan for them speeds the transition';

/** The weight of each check in the rule. */
const W_EXPERIENCE = 0.6;
const W_TURNOVER = 0.2;
const W_FIRST_90 = 0.2;
/** What outside help is worth to someone with no experience of the job (it closes the gap at most this far). */
const HELP_FLOOR = 0.6;

type Who = 'ceo' | 'founder' | 'sales_manager' | 'nobody';
const WHO_LABEL: Record<Exclude<Who, 'nobody' | 'sales_manager'>, string> = { ceo: 'the CEO', founder: 'a founder' };

export default defineRule({
  id: 'sales-leadership',
  title: 'Someone who knows sales management runs sales',
  source: 'Jackson, introduction',
  category: 'leadership',
  severity: 'high',
  reads: [
    'leadership.sales_managed_by',
    'leadership.manager_experience_years',
    'leadership.outside_help',
    'leadership.leader_since',
    'leadership.leaders_last_3_years',
    'leadership.first_90_days_plan',
  ],
  options: options({
    experienceYears: threshold({
      default: 3,
      min: 1,
      max: 20,
      description: 'Years of managing salespeople at which the person running sales needs no outside help; fewer years earn in proportion.',
      source: SOURCE_YEARS,
    }),
    maxLeaders3y: threshold({
      default: 2,
      min: 1,
      max: 10,
      whole: true,
      description: 'People who may have led sales in the last three years (the current one included) before turnover is a finding.',
      source: SOURCE_TURNOVER,
    }),
    newLeaderDays: threshold({
      default: 90,
      min: 30,
      max: 365,
      whole: true,
      description: 'Days in the role during which a sales leader should have a written plan for the first 90 days.',
      source: SOURCE_90_DAYS,
    }),
    shortTenureMonths: threshold({
      default: 19,
      min: 0,
      max: 240,
      whole: true,
      description: 'Months in the role under which the sales leader\u2019s tenure is flagged as a continuity risk (a note, not a failure).',
      source: SOURCE_SBI,
    }),
  }),
  docs: {
    description:
      'Checks that whoever runs sales, whatever the title, has managed salespeople before or leans on outside help (an advisor, coach, fractional leader, training or reading); how many people have led sales in the last three years; and that a leader new in the role has a written plan for the first 90 days. A sales leader new in the role is noted as a continuity risk.',
    rationale:
      'Running a sales team is its own trade. The article\u2019s worry is inexperience, not the title: a CEO or founder with years of managing salespeople runs sales well, and anyone new to the job needs outside guidance and a deliberate learning plan. A seat that changes hands every year leaves the team without continuity, and a new leader who starts without a plan spends the first quarter finding out what the plan should be. Experience and support are 60% of the rule: the years of managing salespeople against the threshold (3 by default); with outside help, any experience meets it in full and none earns 0.6; nobody running sales earns nothing. Turnover is 20% (half at one leader over the threshold, nothing beyond), the first-90-days plan 20% (it does not apply once the leader has been in the role longer).',
  },
  messages: {
    nobody: 'Nobody in particular manages the salespeople.',
    ownerNotDedicated: 'Sales is managed by {who}, who {experienceText}.',
    noExperience: 'The person running sales has no prior experience managing salespeople.',
    littleExperience: 'The person running sales has managed salespeople for {yearsText} (under {experienceYears}).',
    helpCloses: 'The person running sales has managed salespeople for {yearsText} (under {experienceYears}) and leans on outside help ({helpText}): that meets the rule.',
    noOutsideHelp: 'The person running sales uses no outside help (advisor, coach, fractional leader, training or reading).',
    leaderTurnover: '{count} people have led sales in the last three years (more than {maxLeaders3y}): the team has had little continuity.',
    noFirst90Days: 'The sales leader took the role {daysText} ago without a written plan for the first 90 days.',
    shortTenure: 'The current sales leader has been in the role for {monthsText} (under {shortTenureMonths}): a risk to continuity.',
    futureDate: 'The date the sales leader took the role ({value}) is after the audit date ({auditDate}): check it.',
  },
  steps: {
    nameManager: {
      action: 'Name one person accountable for managing the sales team, preferably someone who has managed salespeople before.',
      owner: 'CEO',
      effort: 'high',
    },
    outsideHelp: {
      action: 'Until the person running sales has the experience, bring in outside help: a sales advisor, a coach or a fractional sales leader.',
      owner: 'CEO',
      effort: 'medium',
    },
    learningPlan: {
      action: 'Set a sales-management learning plan for whoever runs sales: training, a coach, and regular reading, reviewed each quarter.',
      owner: 'CEO',
      effort: 'low',
    },
    turnoverReview: {
      action: 'Before the next sales leader is hired, find out why the last ones left (the plan, targets and support they were given, exit interviews) and fix that first.',
      owner: 'CEO',
      effort: 'medium',
    },
    first90Days: {
      action:
        'Agree a written plan for the sales leader\u2019s first 90 days: meet every rep and key customers, review the pipeline and the process, and set the first quarter\u2019s priorities together.',
      owner: 'CEO',
      effort: 'low',
    },
  },
  check({ org, options, date, finding, step }) {
    const l = org.leadership ?? {};
    const who = l.sales_managed_by;
    const years = l.manager_experience_years;
    const help = l.outside_help?.filter((h) => h !== 'none');
    // undefined = unknown; an empty list (or only "none") = no outside help.
    const helped = help === undefined ? undefined : help.length > 0;
    const T = options.experienceYears;

    // A start date after the audit cannot be right: it counts as unknown, with a note to check it.
    const findings: ReturnType<typeof finding>[] = [];
    const since = pastDate(l.leader_since, date, { finding, path: 'leadership.leader_since', to: findings });

    // Experience and support, whatever the title: an unknown fact earns nothing.
    const experienceOf = (pick: PathPick) => {
      if (pick('leadership.sales_managed_by', who, 'nobody' as Who, 'sales_manager' as Who) === 'nobody') return 0;
      const e = Math.min(1, pick('leadership.manager_experience_years', years, 0, Infinity) / T);
      // Experience or outside help meets the rule: help closes the gap of someone who has managed
      // salespeople before; for someone who never has, it earns HELP_FLOOR.
      return pick('leadership.outside_help', helped, false, true) ? (e > 0 ? 1 : HELP_FLOOR) : e;
    };
    const experience = settle(experienceOf);
    const checks: CheckOut[] = [{ id: 'leadership:experience', weight: W_EXPERIENCE, ...experience }];

    // Turnover: leaders in the last three years.
    const leaders = l.leaders_last_3_years;
    const turnoverScore = (n: number) => (n <= options.maxLeaders3y ? 1 : n === options.maxLeaders3y + 1 ? 0.5 : 0);
    checks.push({ id: 'leadership:turnover', weight: W_TURNOVER, ...settle((pick) => turnoverScore(pick('leadership.leaders_last_3_years', leaders, Infinity, 0))) });

    // The first 90 days: applies to a leader new in the role. Whether it applies
    // is itself a fact: while it is unknown the check earns nothing.
    const days = since === undefined ? undefined : daysBetween(since, date);
    const plan = l.first_90_days_plan;
    if (who === 'nobody') checks.push({ id: 'leadership:first-90-days', weight: W_FIRST_90, notApplicable: 'Nobody runs sales, so there is no new leader to plan for.' });
    else if (days !== undefined && days >= options.newLeaderDays)
      checks.push({ id: 'leadership:first-90-days', weight: W_FIRST_90, notApplicable: `The sales leader has been in the role for ${options.newLeaderDays} days or more.` });
    else if (days === undefined || who === undefined)
      checks.push({
        id: 'leadership:first-90-days',
        weight: W_FIRST_90,
        score: [0, 1],
        unknown: [...(who === undefined ? ['leadership.sales_managed_by'] : []), ...(days === undefined ? ['leadership.leader_since'] : [])],
      });
    else checks.push({ id: 'leadership:first-90-days', weight: W_FIRST_90, ...settle((pick) => (pick('leadership.first_90_days_plan', plan, false, true) ? 1 : 0)) });

    // Findings and steps on what is known.
    const steps: ReturnType<typeof step>[] = [];
    const short = experience.score[1] < 1; // a known shortfall in experience and support
    if (!short && helped === true && years !== undefined && years < T)
      findings.push(
        finding(
          'helpCloses',
          ['leadership.manager_experience_years', 'leadership.outside_help'],
          { years, yearsText: countOf(years, 'year'), experienceYears: T, helpText: help!.map((h) => h.replace(/_/g, ' ')).join(', ') },
          { thresholds: ['experienceYears'], note: true },
        ),
      );
    if (who === 'nobody') {
      findings.push(finding('nobody', ['leadership.sales_managed_by']));
      steps.push(step('nameManager', {}, ['leadership.sales_managed_by']), step('outsideHelp', {}, ['leadership.sales_managed_by']));
    } else if (short) {
      // One finding for the one fact (the years), naming the CEO or founder where it is them.
      const owner = who === 'ceo' || who === 'founder';
      const yearsText = years === undefined ? '' : countOf(years, 'year');
      if (years === 0) {
        if (owner)
          findings.push(finding('ownerNotDedicated', ['leadership.sales_managed_by', 'leadership.manager_experience_years'], { who: WHO_LABEL[who], experienceText: 'has never managed salespeople' }));
        else findings.push(finding('noExperience', ['leadership.manager_experience_years']));
      } else if (years !== undefined && years < T) {
        const opts = { thresholds: ['experienceYears'], gap: 1 - years / T };
        if (owner)
          findings.push(
            finding(
              'ownerNotDedicated',
              ['leadership.sales_managed_by', 'leadership.manager_experience_years'],
              { who: WHO_LABEL[who], years, experienceText: `has managed salespeople for ${yearsText} (under ${T})` },
              opts,
            ),
          );
        else findings.push(finding('littleExperience', ['leadership.manager_experience_years'], { years, yearsText, experienceYears: T }, opts));
      }
      if (helped === false) findings.push(finding('noOutsideHelp', ['leadership.outside_help']));
      if ((who === 'ceo' || who === 'founder') && years === 0) steps.push(step('nameManager', {}, ['leadership.sales_managed_by']));
      if (helped === false) steps.push(step('outsideHelp', {}, ['leadership.outside_help']));
      steps.push(step('learningPlan', {}, [years !== undefined ? 'leadership.manager_experience_years' : 'leadership.sales_managed_by']));
    }
    if (leaders !== undefined && leaders > options.maxLeaders3y) {
      findings.push(finding('leaderTurnover', ['leadership.leaders_last_3_years'], { count: leaders, maxLeaders3y: options.maxLeaders3y }, { thresholds: ['maxLeaders3y'] }));
      steps.push(step('turnoverReview', {}, ['leadership.leaders_last_3_years']));
    }
    if (who !== 'nobody' && days !== undefined && days < options.newLeaderDays && plan === false) {
      findings.push(finding('noFirst90Days', ['leadership.first_90_days_plan', 'leadership.leader_since'], { days, daysText: countOf(days, 'day') }, { thresholds: ['newLeaderDays'] }));
      steps.push(step('first90Days', {}, ['leadership.first_90_days_plan']));
    }

    if (who !== 'nobody' && since !== undefined) {
      const months = monthsBetween(since, date);
      const monthsText = months < 1 ? 'less than a month' : countOf(months, 'month');
      if (months < options.shortTenureMonths)
        findings.push(finding('shortTenure', ['leadership.leader_since'], { months, monthsText, shortTenureMonths: options.shortTenureMonths }, { thresholds: ['shortTenureMonths'], note: true }));
    }
    return { checks, findings, steps };
  },
});
