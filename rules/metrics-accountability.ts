// Jackson, mistake 4: no key performance indicators, no metrics that drive
// outcomes, and a team left out of defining them.
import { defineRule } from '../src/engine/define-rule';
import { statusOf } from '../src/engine/scoring';

// What each gap takes off a score of 1 (the floor is 0.05 with every gap).
const OUTCOME_ONLY = 0.25;
const NO_TARGETS = 0.2; // times the share of KPIs without a target
const NO_OWNERS = 0.1; // times the share of KPIs without an owner
const NO_REVIEW = 0.2;
const QUARTERLY_REVIEW = 0.1;
const TEAM_LEFT_OUT = 0.2;

type Tri = boolean | undefined;
type Review = 'regular' | 'quarterly' | 'none';
interface Facts {
  hasLeading: boolean;
  withoutTarget: number;
  withoutOwner: number;
  review: Review;
  teamInvolved: boolean;
}

function scoreOf(f: Facts, kpis: number): number {
  return (
    1 -
    (f.hasLeading ? 0 : OUTCOME_ONLY) -
    (NO_TARGETS * f.withoutTarget) / kpis -
    (NO_OWNERS * f.withoutOwner) / kpis -
    (f.review === 'none' ? NO_REVIEW : f.review === 'quarterly' ? QUARTERLY_REVIEW : 0) -
    (f.teamInvolved ? 0 : TEAM_LEFT_OUT)
  );
}

export default defineRule({
  id: 'metrics-accountability',
  title: 'Measured, owned, agreed metrics',
  source: 'Jackson, mistake 4',
  category: 'process',
  severity: 'high',
  reads: ['metrics.kpis', 'metrics.kpis[].name', 'metrics.kpis[].kind', 'metrics.kpis[].target', 'metrics.kpis[].owner', 'metrics.review_cadence', 'metrics.team_involved'],
  docs: {
    description:
      'Checks that sales has key performance indicators, that they include leading (activity) indicators and not only results, that each has a target and an owner, that they are reviewed with the team on a regular cadence, and that the reps helped define them.',
    rationale:
      'Measuring the right things is what makes them manageable: indicators that reps can act on week by week make results more predictable and show early where to step in, and reps who helped choose them treat them as their own rather than as surveillance. Scores: 0 without KPIs; from 1, 0.25 off for results-only KPIs, up to 0.2 for missing targets and 0.1 for missing owners (by share of KPIs), 0.2 for no review (0.1 for quarterly) and 0.2 when the team was left out.',
  },
  messages: {
    noKpis: 'No sales KPIs are tracked.',
    outcomeOnly: 'Every KPI is a result (lagging) measure: there is no leading indicator the reps can act on during the period.',
    noTarget: 'The KPI "{kpi}" has no target.',
    noOwner: 'The KPI "{kpi}" has no owner.',
    noReview: 'The metrics are not reviewed with the team on any fixed cadence.',
    quarterlyReview: 'The metrics are reviewed with the team only quarterly.',
    teamNotInvolved: 'The reps had no part in defining the metrics.',
  },
  steps: {
    defineKpis: { action: 'Choose a short list of sales KPIs: the results that matter plus the leading activities that produce them, each with a target and an owner.', owner: 'Sales manager', effort: 'medium' },
    addLeading: { action: 'Add leading indicators (meetings held, proposals sent, pipeline added) beside the result measures.', owner: 'Sales manager', effort: 'low' },
    setTarget: { action: 'Set a target for the KPI "{kpi}".', owner: 'Sales manager', effort: 'low' },
    setOwner: { action: 'Name an owner for the KPI "{kpi}".', owner: 'Sales manager', effort: 'low' },
    setReview: { action: 'Review the metrics with the team on a fixed weekly or monthly cadence.', owner: 'Sales manager', effort: 'low' },
    workshop: { action: 'Run a workshop with the reps to agree the metrics and their targets together.', owner: 'Sales manager', effort: 'low' },
  },
  check({ org, finding, step, isUnknown }) {
    const m = org.metrics ?? {};
    if (m.kpis === undefined) return { notAssessed: ['metrics.kpis'] };
    const kpis = m.kpis;
    const at = (i: number, k: string) => `metrics.kpis[${i}].${k}`;
    const review: Review | undefined =
      m.review_cadence === undefined ? undefined : m.review_cadence === 'weekly' || m.review_cadence === 'monthly' ? 'regular' : m.review_cadence === 'quarterly' ? 'quarterly' : 'none';
    const team: Tri = m.team_involved;
    const reviewStep = () => step('setReview', {}, ['metrics.review_cadence']);
    const workshopStep = () => step('workshop', {}, ['metrics.team_involved']);

    if (!kpis.length) {
      const steps = [step('defineKpis', {}, ['metrics.kpis'])];
      if (review !== 'regular') steps.push(reviewStep());
      if (team !== true) steps.push(workshopStep());
      return { score: 0, findings: [finding('noKpis', ['metrics.kpis'])], steps };
    }

    // Within a listed KPI, an omitted target or owner means none is set; only an
    // explicit "unknown" answer leaves it unknown. The kind of a KPI is unknown when omitted.
    const target: Tri[] = kpis.map((k, i) => (k.target !== undefined ? true : isUnknown(at(i, 'target')) ? undefined : false));
    const owner: Tri[] = kpis.map((k, i) => (k.owner !== undefined ? true : isUnknown(at(i, 'owner')) ? undefined : false));
    const leading: Tri = kpis.some((k) => k.kind === 'activity') ? true : kpis.some((k) => k.kind === undefined) ? undefined : false;
    const count = (xs: Tri[], unknownAs: boolean) => xs.filter((x) => (x ?? unknownAs) === false).length;
    const facts = (fav: boolean): Facts => ({
      hasLeading: leading ?? fav,
      withoutTarget: count(target, fav),
      withoutOwner: count(owner, fav),
      review: review ?? (fav ? 'regular' : 'none'),
      teamInvolved: team ?? fav,
    });
    const best = scoreOf(facts(true), kpis.length);
    const worst = scoreOf(facts(false), kpis.length);
    if (statusOf(best) !== statusOf(worst)) {
      return {
        notAssessed: [
          ...(leading === undefined ? kpis.flatMap((k, i) => (k.kind === undefined ? [at(i, 'kind')] : [])) : []),
          ...target.flatMap((x, i) => (x === undefined ? [at(i, 'target')] : [])),
          ...owner.flatMap((x, i) => (x === undefined ? [at(i, 'owner')] : [])),
          ...(review === undefined ? ['metrics.review_cadence'] : []),
          ...(team === undefined ? ['metrics.team_involved'] : []),
        ],
      };
    }
    // Unknown facts that cannot change the status deduct nothing.
    const score = best;

    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    if (leading === false) {
      findings.push(finding('outcomeOnly', kpis.map((_, i) => at(i, 'kind'))));
      steps.push(step('addLeading', {}, ['metrics.kpis']));
    }
    for (const [i, k] of kpis.entries()) {
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
    return { score, findings, steps: score >= 1 ? [] : steps };
  },
});
