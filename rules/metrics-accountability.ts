// Jackson, mistake 4: no key performance indicators, no metrics that drive
// outcomes, and a team left out of defining them.
import {
  defineRule,
  listNames,
  naturalCompare,
  repsOf,
  monthsBetween,
  options,
  partTimeOf,
  pastDate,
  type PathPick,
  saysNone,
  settle,
  thousands,
  threshold,
  unknownCheck,
} from '../src/engine/define-rule';
import { unlistedPeople, type UnlistedPeople } from '../src/engine/roster-gap';
import type { CheckOut } from '../src/engine/types';
import type { Org } from '../src/model/schema';

// The weight of each check, as the share of a score of 1 it carries.
const OUTCOME = 0.05; // a result (outcome) measure among them
const LEADING = 0.25; // a leading indicator among them
const TARGETS = 0.2; // each KPI has a target (split across the KPIs)
const OWNERS = 0.1; // each KPI has an owner (split across the KPIs)
const REVIEW = 0.2; // reviewed with the team weekly or monthly (half for quarterly)
const TEAM = 0.2; // the reps helped define them
const ATTAINMENT = 0.2; // the share of ramped reps at quota over the last four quarters
const QUARTERS = 4;

const SOURCE_KPIS = 'house default, informed by G. A. Miller, "The magical number seven, plus or minus two", Psychological Review 63(2), 1956: about seven items is what people hold in mind at once';
const SOURCE_AT_QUOTA = 'house default (a sales-audit default; no study sets it): an average within a tenth of quota over four quarters counts as at quota (a near miss, not a shortfall)';
const SOURCE_TEAM =
  'house default, informed by CSO Insights, Sales Performance Optimization study, 2009 (as reported by Sales Benchmark Index): 51.8% of reps made quota; when fewer than half of the ramped reps get there, the quota and the team\u2019s capacity are the first suspects';
const SOURCE_RAMP = 'house default, informed by The Bridge Group, SaaS AE Metrics & Compensation report, 2024: median ramp of a new account executive about 5 months';

type Tri = boolean | undefined;

/** A part-time seller in team attainment, for a note: who, why part-time, and the facts cited. */
interface PartTimeNote {
  name: string;
  why: string;
  paths: string[];
}
type Review = 'regular' | 'quarterly' | 'none';
const REVIEW_SCORE: Record<Review, number> = { regular: 1, quarterly: 0.5, none: 0 };

interface Member {
  name: string;
  /** Certainly a rep ramped up through the last four quarters. */
  sure: boolean;
  /** Averaged at quota over those quarters; undefined when the attainment is unknown. */
  hit: boolean | undefined;
  unknown: string[];
  path: string;
  /** Average attainment over the last four quarters, in % of quota (missing quarters at 0%); orders the missed reps, widest miss first. */
  average?: number;
}

/**
 * Team attainment: the share of reps ramped up through the last four quarters
 * whose average attainment over them was at quota, against the bar. A person
 * who may or may not be such a rep counts at the worst (a miss) and could reach
 * the best (a hit, or left out); while nobody is certainly such a rep, the
 * check earns nothing (it may not apply, and an unknown never leaves the
 * denominator). Known to apply to nobody: not applicable. A part-time seller
 * (partTimeOf) is judged as every rep, hits and misses alike: `attainment` is
 * a share of the person's own quota, as a CRM reports it (for a selling CEO,
 * the quota sized to their selling share), so the share never rescales it
 * (rescaling it turned a CEO's 60% into "298% of theirs"). `partTime` names
 * them, for a note. The share or the part-time status cannot move the score,
 * so deleting either never raises it.
 */
function teamAttainment(
  people: Org['people'],
  o: { quotaAttainedPct: number; teamAtQuotaPct: number; rampMonths: number },
  date: string,
  unlisted?: UnlistedPeople,
): {
  check: CheckOut;
  finding?: { atQuota: number; ramped: number; names: string; paths: string[]; gap: number };
  partTime: PartTimeNote[];
} {
  const id = 'team:attainment';
  if (people === undefined) return { check: unknownCheck(id, ['people'], ATTAINMENT), partTime: [] };
  const members: Member[] = [];
  const partTime: PartTimeNote[] = [];
  for (const [i, p] of people.entries()) {
    if (p.is_rep === false) continue;
    const att = p.attainment;
    const start = pastDate(p.start_date, date);
    // Ramped through the last four quarters: by the start date, or, without one,
    // when the record runs longer than the ramp plus four quarters (it starts no earlier than the start).
    const ramped: boolean | undefined =
      start !== undefined ? monthsBetween(start, date) >= o.rampMonths + 3 * QUARTERS : att !== undefined && att.length >= QUARTERS + Math.ceil(o.rampMonths / 3) ? true : undefined;
    if (ramped === false) continue;
    // The bar is an average over the last four quarters, so a rep is judged on four. Averaging whatever
    // quarters are listed let a deleted weak quarter lift a rep to quota: a missing quarter is unknown
    // instead. With fewer than four known, a rep is at quota only if the known ones make the bar with the
    // missing ones at 0%; otherwise unknown (attainment has no useful ceiling, so never a sure miss).
    const last = att?.slice(-QUARTERS);
    const sum = last?.reduce((a, x) => a + x, 0);
    const missing = QUARTERS - (last?.length ?? 0);
    const at = (k: string) => `people[${i}].${k}`;
    const name = p.name ?? `people[${i}]`;
    const part = partTimeOf({ p, i, name, certain: p.is_rep === true });
    const hit = sum === undefined ? undefined : sum / QUARTERS >= o.quotaAttainedPct ? true : missing > 0 ? undefined : false;
    if (part && last?.length) partTime.push({ name, why: part.why, paths: [part.path, at('attainment')] });
    const unknown = [...(p.is_rep === undefined ? [at('is_rep')] : []), ...(ramped === undefined ? [at('start_date')] : []), ...(att === undefined || hit === undefined ? [at('attainment')] : [])];
    members.push({ name, sure: p.is_rep === true && ramped === true, hit, unknown, path: at('attainment'), ...(sum === undefined ? {} : { average: sum / QUARTERS }) });
  }
  // People the stated counts imply but the roster leaves out: each may be a ramped rep whose attainment is unknown.
  for (let k = 0; k < (unlisted?.count ?? 0); k++) members.push({ name: '', sure: false, hit: undefined, unknown: ['people'], path: '' });
  if (!members.length) return { check: { id, weight: ATTAINMENT, notApplicable: 'No rep has been ramped up through the last four quarters.' }, partTime };
  const sure = members.filter((m) => m.sure);
  const unsure = members.filter((m) => !m.sure);
  const hits = sure.filter((m) => m.hit === true).length;
  const scoreOf = (a: number, n: number) => (n === 0 ? 1 : Math.min(1, (100 * a) / n / o.teamAtQuotaPct));
  const lo = sure.length ? scoreOf(hits, sure.length + unsure.filter((m) => m.hit !== true).length) : 0;
  const maybe = unsure.filter((m) => m.hit !== false).length;
  const hi = scoreOf(hits + sure.filter((m) => m.hit === undefined).length + maybe, sure.length + maybe);
  const unknown = hi > lo ? [...new Set(members.flatMap((m) => m.unknown))] : [];
  const check: CheckOut = { id, weight: ATTAINMENT, score: [lo, Math.max(lo, hi)], unknown };
  // The finding speaks of the reps known to be ramped with their attainment known.
  const judged = sure.filter((m) => m.hit !== undefined);
  const known = judged.length ? scoreOf(hits, judged.length) : 1;
  if (known >= 1) return { check, partTime };
  return {
    check,
    partTime,
    finding: {
      atQuota: hits,
      ramped: judged.length,
      // Widest miss first (the lowest average), each with its average, as every summary of a miss names it; ties in name order.
      names: listNames(
        judged
          .filter((m) => !m.hit)
          .sort((a, b) => (a.average ?? 0) - (b.average ?? 0) || naturalCompare(a.name, b.name))
          .map((m) => (m.average === undefined ? m.name : `${m.name} at ${Math.round(m.average)}%`)),
        { ordered: true },
      ),
      paths: judged.map((m) => m.path),
      gap: 1 - known,
    },
  };
}

export default defineRule({
  id: 'metrics-accountability',
  title: 'Measured, owned, agreed metrics',
  source: 'Jackson, mistake 4',
  category: 'process',
  // A summary of many reps' notes counts against the reps whose attainment is judged.
  population: { noun: 'quota-carrying reps', count: (org) => repsOf(org.people).length },
  severity: 'high',
  reads: [
    'metrics.kpis',
    'metrics.kpis[].name',
    'metrics.kpis[].kind',
    'metrics.kpis[].target',
    'metrics.kpis[].owner',
    'metrics.review_cadence',
    'metrics.team_involved',
    'people',
    'people[].name',
    'people[].is_rep',
    'people[].start_date',
    'people[].attainment',
    'people[].selling_share_pct',
    'people[].direct_reports',
    'people[].title',
    'leadership.reps_per_manager',
    'plan.ramped_reps',
  ],
  options: options({
    maxKpis: threshold({ default: 7, min: 3, max: 30, whole: true, description: 'KPIs past which a note warns that the few that drive results get lost.', source: SOURCE_KPIS }),
    quotaAttainedPct: threshold({
      default: 90,
      min: 50,
      max: 150,
      whole: true,
      description: 'Average attainment (% of quota) over the last four quarters at which a ramped rep counts as at quota.',
      source: SOURCE_AT_QUOTA,
    }),
    teamAtQuotaPct: threshold({
      default: 50,
      min: 10,
      max: 100,
      whole: true,
      description: 'Share (%) of ramped reps at quota over the last four quarters under which team attainment is a finding about quotas and capacity.',
      source: SOURCE_TEAM,
    }),
    rampMonths: threshold({ default: 5, min: 0, max: 24, whole: true, description: 'Months a new rep takes to ramp up: a rep counts once ramped through all four quarters.', source: SOURCE_RAMP }),
  }),
  docs: {
    description:
      'Checks that sales has key performance indicators, that they include at least one result (outcome) and one leading indicator (an activity or a conversion rate), that each has a target and an owner, that they are reviewed with the team on a regular cadence, and that the reps helped define them. Notes a list past about seven KPIs. Looks at team attainment: the share of reps ramped up through the last four quarters who were at quota (a rep with fewer than four quarters known is at quota only if the known ones make the bar with the missing ones at 0%, else unknown: a missing quarter is never averaged away); a part-time seller (a selling share under 100%, or a rep with people reporting to them) is judged as every rep, hits and misses alike, on attainment of their own quota (the quota sized to their share).',
    rationale:
      'Measuring the right things is what makes them manageable: indicators that reps can act on week by week make results more predictable and show early where to step in, and reps who helped choose them treat them as their own rather than as surveillance. When most of a team misses quota year-round, the number or the team\u2019s capacity to make it is wrong, not every rep. Scores: 0 without KPIs; otherwise weighted checks: a result measure 0.05, a leading indicator 0.25, targets 0.2 and owners 0.1 (by share of KPIs), review 0.2 (half for quarterly), the team\u2019s part 0.2, and team attainment 0.2 (the share of ramped reps at quota against the bar, in proportion). A KPI\u2019s target or owner left out is unknown and earns nothing; a target of 0 or an owner "none" is a known absence.',
  },
  messages: {
    noKpis: 'No sales KPIs are tracked.',
    outcomeOnly: 'Every KPI is a result (lagging) measure: there is no leading indicator the reps can act on during the period.',
    noOutcome: 'No KPI measures a result (revenue, deals won): activity is tracked, but not what it is for.',
    manyKpis: '{count} KPIs are tracked: past about {maxKpis}, the few that drive results get lost among the rest.',
    teamBelowQuota:
      '{howMany} reps ramped up through the last four quarters averaged {quotaAttainedPct}% of quota or more (missed: {names}); when most of a team misses, look first at how quotas are set and at the team\u2019s capacity, not at each rep.',
    noTarget: 'The KPI "{kpi}" has no target.',
    noOwner: 'The KPI "{kpi}" has no owner.',
    noReview: 'The metrics are not reviewed with the team on any fixed cadence.',
    quarterlyReview: 'The metrics are reviewed with the team only quarterly.',
    teamNotInvolved: 'The reps had no part in defining the metrics.',
    unlisted: '{words}: for the {countText} not listed, quota attainment is unknown; the score counts them as earning nothing until they are listed.',
    partTimeOwnQuota: '{name} sells part-time ({why}) and is judged as every rep, hit or miss, on attainment of their own quota: record it against a quota sized to their selling share.',
  },
  steps: {
    defineKpis: {
      action: 'Choose a short list of sales KPIs: the results that matter plus the leading activities that produce them, each with a target and an owner.',
      owner: 'Sales manager',
      effort: 'medium',
    },
    addLeading: { action: 'Add leading indicators (meetings held, proposals sent, pipeline added, stage conversion) beside the result measures.', owner: 'Sales manager', effort: 'low' },
    addOutcome: { action: 'Add the result the activity is for (revenue or deals won against target) to the KPIs.', owner: 'Sales manager', effort: 'low' },
    reviewQuotas: {
      action:
        'Rebuild quotas from capacity: ramped reps times the output a rep really achieves, territory potential and pipeline coverage; check the number against last year\u2019s attainment before it is handed out.',
      owner: 'CEO with Sales manager',
      effort: 'medium',
    },
    setTarget: { action: 'Set a target for the KPI "{kpi}".', owner: 'Sales manager', effort: 'low' },
    setOwner: { action: 'Name an owner for the KPI "{kpi}".', owner: 'Sales manager', effort: 'low' },
    setReview: { action: 'Review the metrics with the team on a fixed weekly or monthly cadence.', owner: 'Sales manager', effort: 'low' },
    workshop: { action: 'Run a workshop with the reps to agree the metrics and their targets together.', owner: 'Sales manager', effort: 'low' },
  },
  check({ org, options, date, finding, step, isUnknown }) {
    const m = org.metrics ?? {};
    const kpis = m.kpis;
    const at = (i: number, k: string) => `metrics.kpis[${i}].${k}`;
    const review: Review | undefined =
      m.review_cadence === undefined ? undefined : m.review_cadence === 'weekly' || m.review_cadence === 'monthly' ? 'regular' : m.review_cadence === 'quarterly' ? 'quarterly' : 'none';
    const team: Tri = m.team_involved;
    const reviewStep = () => step('setReview', {}, ['metrics.review_cadence']);
    const workshopStep = () => step('workshop', {}, ['metrics.team_involved']);

    if (kpis !== undefined && !kpis.length) {
      const steps = [step('defineKpis', {}, ['metrics.kpis'])];
      if (review !== 'regular') steps.push(reviewStep());
      if (team !== true) steps.push(workshopStep());
      return { score: 0, findings: [finding('noKpis', ['metrics.kpis'])], steps };
    }

    // A key left out is unknown; a target of 0 or an owner "none" is a known absence.
    const target: Tri[] = (kpis ?? []).map((k, i) => (isUnknown(at(i, 'target')) || k.target === undefined ? undefined : k.target !== 0));
    const owner: Tri[] = (kpis ?? []).map((k, i) => (isUnknown(at(i, 'owner')) || k.owner === undefined ? undefined : !saysNone(k.owner)));
    const leading: Tri = kpis === undefined ? undefined : kpis.some((k) => k.kind === 'activity' || k.kind === 'conversion') ? true : kpis.some((k) => k.kind === undefined) ? undefined : false;
    const outcome: Tri = kpis === undefined ? undefined : kpis.some((k) => k.kind === 'outcome') ? true : kpis.some((k) => k.kind === undefined) ? undefined : false;
    // Without KPIs there is nothing to review or agree on: those checks earn
    // nothing while whether KPIs are tracked is unknown.
    const gated = (score: (pick: PathPick) => number) => settle((pick) => (pick('metrics.kpis', kpis === undefined ? undefined : true, false, true) ? score(pick) : 0));
    const checks: CheckOut[] = [
      { id: 'metrics:review', weight: REVIEW, ...gated((pick) => REVIEW_SCORE[pick('metrics.review_cadence', review, 'none', 'regular')]) },
      { id: 'metrics:team', weight: TEAM, ...gated((pick) => (pick('metrics.team_involved', team, false, true) ? 1 : 0)) },
    ];
    const gap = unlistedPeople(org);
    const attainment = teamAttainment(org.people, options, date, gap);
    // Like review and the team's part, attainment earns nothing while whether KPIs are tracked is unknown:
    // with none (a known empty list) the rule scores 0, and deleting the list must not do better.
    const att = attainment.check;
    checks.push(
      kpis === undefined && att.score !== undefined && att.notApplicable === undefined
        ? { ...att, score: [0, typeof att.score === 'number' ? att.score : att.score[1]], unknown: [...new Set([...(att.unknown ?? []), 'metrics.kpis'])] }
        : att,
    );
    if (kpis === undefined) checks.unshift(unknownCheck('metrics:kpis', ['metrics.kpis'], OUTCOME + LEADING + TARGETS + OWNERS));
    else {
      checks.unshift(
        {
          id: 'metrics:outcome',
          weight: OUTCOME,
          ...settle((pick) => (kpis.some((k, i) => pick(at(i, 'kind'), k.kind, 'activity', 'outcome') === 'outcome') ? 1 : 0)),
        },
        {
          id: 'metrics:leading',
          weight: LEADING,
          ...settle((pick) => (kpis.some((k, i) => pick(at(i, 'kind'), k.kind, 'outcome', 'activity') !== 'outcome') ? 1 : 0)),
        },
        ...kpis.map((k, i) => ({
          id: `kpi:${k.name ?? `metrics.kpis[${i}]`}`,
          weight: (TARGETS + OWNERS) / kpis.length,
          ...settle((pick) => (TARGETS * Number(pick(at(i, 'target'), target[i], false, true)) + OWNERS * Number(pick(at(i, 'owner'), owner[i], false, true))) / (TARGETS + OWNERS)),
        })),
      );
    }

    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    if (leading === false) {
      findings.push(
        finding(
          'outcomeOnly',
          (kpis ?? []).map((_, i) => at(i, 'kind')),
        ),
      );
      steps.push(step('addLeading', {}, ['metrics.kpis']));
    }
    if (outcome === false) {
      findings.push(
        finding(
          'noOutcome',
          (kpis ?? []).map((_, i) => at(i, 'kind')),
        ),
      );
      steps.push(step('addOutcome', {}, ['metrics.kpis']));
    }
    if (kpis && kpis.length > options.maxKpis) findings.push(finding('manyKpis', ['metrics.kpis'], { count: kpis.length, maxKpis: options.maxKpis }, { thresholds: ['maxKpis'], note: true }));
    for (const [i, k] of (kpis ?? []).entries()) {
      const kpi = k.name ?? `metrics.kpis[${i}]`;
      if (target[i] === false) {
        findings.push(finding('noTarget', [at(i, 'target')], { kpi }));
        steps.push(step('setTarget', { kpi }, [at(i, 'target')]));
      }
      if (owner[i] === false) {
        findings.push(finding('noOwner', [at(i, 'owner')], { kpi }));
        steps.push(step('setOwner', { kpi }, [at(i, 'owner')]));
      }
    }
    if (review === 'none' || review === 'quarterly') {
      findings.push(finding(review === 'none' ? 'noReview' : 'quarterlyReview', ['metrics.review_cadence']));
      steps.push(reviewStep());
    }
    if (team === false) {
      findings.push(finding('teamNotInvolved', ['metrics.team_involved']));
      steps.push(workshopStep());
    }
    if (attainment.finding) {
      const f = attainment.finding;
      findings.push(
        finding(
          'teamBelowQuota',
          f.paths,
          {
            // "Only 1 of 3", or "None of the 3" (not "Only 0 of 3").
            howMany: f.atQuota === 0 ? `None of the ${thousands(f.ramped)}` : `Only ${thousands(f.atQuota)} of ${thousands(f.ramped)}`,
            atQuota: f.atQuota,
            ramped: f.ramped,
            names: f.names,
            quotaAttainedPct: options.quotaAttainedPct,
            teamAtQuotaPct: options.teamAtQuotaPct,
          },
          { thresholds: ['quotaAttainedPct', 'teamAtQuotaPct'], gap: f.gap },
        ),
      );
      steps.push(step('reviewQuotas', {}, f.paths));
    }
    if (gap) findings.push(finding('unlisted', gap.by, { words: gap.words, count: gap.count, countText: gap.count === 1 ? 'one' : String(gap.count) }, { note: true }));
    for (const x of attainment.partTime) findings.push(finding('partTimeOwnQuota', x.paths, { name: x.name, why: x.why }, { note: true }));
    return { checks, findings, steps };
  },
});
