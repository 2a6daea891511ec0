// Reply (G. Zander): pay tied to profit alone can make reps think of their own
// cheque before the client's return; in relationship and solution selling the
// plan has to weigh both, and it should vary with what the company is after.
import { bracket, countOf, defineRule, joinNames, listNames, monthsBetween, options, pastDate, repsOf, salesTeamFloor, thousands, threshold } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';

const OTHER_RULE = 'profit-based-comp';
// Its title, written out: the two rules cannot import each other.
const OTHER_TITLE = 'Commission rewards profitable business, not just revenue';
const BASIS_WORDS = { revenue: 'revenue', gross_margin: 'gross margin', profit: 'profit', mixed: 'a mix of measures' } as const;
const MIX_SOURCE =
  'house default, informed by Talentfoot, "Sales Compensation Planning: Pay Mix" (base 40-60% of on-target pay for hunters, 60-80% for account managers who grow existing clients) and Topline Sales Compensation, "Designing Pay Mix That Attracts, Retains and Motivates Top Sales Talent" (up to half variable for short transactional cycles; long, complex cycles need more base); both undated web pages, so the floors per motion are a sales-audit default';
const MOTION_WORDS = { transactional: 'transactional', relationship: 'relationship', solution: 'solution' } as const;
/** Pay components that depend on how the client fares. */
const CLIENT_MEASURES = ['retention', 'expansion', 'client_outcome'] as const;

export default defineRule({
  id: 'comp-balances-client-value',
  title: 'Commission does not buy short-term thinking',
  source: 'Reply, G. Zander',
  category: 'compensation',
  group: 'compensation',
  severity: 'medium',
  reads: [
    'company.sales_motion',
    'company.employees',
    'compensation.basis',
    'compensation.client_outcome_component',
    'compensation.components[].measure',
    'compensation.pay_on_collection',
    'compensation.clawback',
    'compensation.varies_by_objective',
    'compensation.base_pct',
    'compensation.ramp_months',
    'compensation.draw',
    'people[].name',
    'people[].is_rep',
    'people[].start_date',
    'people',
    'roles[].open',
    'leadership.reps_per_manager',
  ],
  options: options({
    simplePlanUpToEmployees: threshold({
      default: 30,
      min: 0,
      max: 100_000,
      whole: true,
      description: 'Company size (people) up to which one simple commission plan is right and need not vary by product, segment or objective.',
      source:
        'house default, informed by the reply of G. Zander to K. Jackson, "B2B Sales Management Mistakes That Might Prove Fatal" (Jackson Solutions, 2012): vary the plan to reflect objectives across products and clients; a small team has few to vary by, and one plan it understands serves it better',
    }),
    minBasePctTransactional: threshold({
      default: 40,
      min: 0,
      max: 100,
      description: 'Least base salary (% of on-target pay) for transactional selling: less puts most of the pay at risk on each quick deal.',
      source: MIX_SOURCE,
    }),
    minBasePctSolution: threshold({
      default: 50,
      min: 0,
      max: 100,
      description: 'Least base salary (% of on-target pay) for solution selling: long, complex cycles need a base that carries the rep between deals.',
      source: MIX_SOURCE,
    }),
    minBasePctRelationship: threshold({
      default: 60,
      min: 0,
      max: 100,
      description: 'Least base salary (% of on-target pay) for relationship selling: a large variable share pays for this quarter at the expense of the repeat business.',
      source: MIX_SOURCE,
    }),
    newHireMonths: threshold({
      default: 6,
      min: 0,
      max: 36,
      whole: true,
      description: "Months after a rep's start date during which a full quota with no ramp and no draw is a finding.",
      source: 'house default, informed by The Bridge Group, SaaS AE Metrics & Compensation report, 2024 (median ramp of a new account executive about 5 months)',
    }),
  }),
  docs: {
    description:
      "Checks that, where the company sells through lasting relationships or tailored solutions, the pay weighs how the client fares: a retention, renewal, expansion or client-outcome part, or commission paid on collection, or a clawback when the client cancels or does not pay. And that, past a small team, the plan is varied by product, client segment or market objective: up to simplePlanUpToEmployees people (30 by default) one simple plan is right, because a small team has few objectives to vary by and one plan it understands. The company counts at least its sales team (the people listed, the filled roles, a manager's span with the manager), and the small-company credit needs the headcount and all of those stated, the team fitting in it. Two findings on the plan's structure, not scored: a pay mix with less base than the motion calls for (40% of on-target pay for transactional selling, 50% for solution, 60% for relationship selling), and a rep who joined in the last six months carrying the full quota with no ramp and no draw. With profit-based-comp, this rule is presented as the compensation review.",
    rationale:
      "A plan that pays on margin or profit alone invites reps to maximise this quarter at the client's expense, which costs the repeat business relationship selling lives on. One flat plan also cannot steer a larger team towards a new product or market when presence matters more than margin for a while.",
  },
  messages: {
    profitOnly: 'The company does {motion} selling, but commission is paid on {basis} alone: no part of the pay depends on how the client fares (retention, expansion, client outcomes){controls}.',
    noClientPart: 'The company does {motion} selling, but no part of the pay depends on how the client fares (retention, expansion, client outcomes){controls}.',
    controlsCount: 'No part of the pay rewards client outcomes, but {controls}: a client-value control.',
    uniformPlan: 'One commission plan applies everywhere in a company of {employees}: it does not vary by product, client segment or market objective.',
    simplePlanFits: 'One commission plan applies everywhere; in a company of {employees}, where {team}, one simple plan is right.',
    lowBase: "Base salary is {base}% of on-target pay, under the {min}% {motion} selling calls for: most of the pay rides on this quarter's deals.",
    noRamp: '{names} joined in the last {months} months and {carry} the full quota from the first day, with no ramp and no draw.',
    mixedPlan: 'This rule and "{otherTitle}" ({otherRule}) pull in opposite directions; a mixed plan (margin plus a client-outcome part, varied by objective) meets both.',
  },
  steps: {
    addClientComponent: {
      action: 'Tie part of the pay to how the client fares, for {motion} selling: a retention, renewal or expansion part, or commission paid on collection with a clawback.',
      owner: 'CEO with Finance',
      effort: 'medium',
    },
    rebalanceMix: {
      action: 'Move the pay mix to at least {min}% base for {motion} selling (today {base}%), keeping on-target pay the same.',
      owner: 'CEO with Finance',
      effort: 'medium',
    },
    addRamp: {
      action: 'Give new reps a ramped quota for their first months (or a recoverable draw) so they are not paid for closing whatever closes first.',
      owner: 'CEO with Finance',
      effort: 'low',
    },
    varyPlan: {
      action: 'Set plan variations for the current objectives: strategic products, key client segments, new markets.',
      owner: 'CEO with Finance',
      effort: 'medium',
    },
  },
  check({ org, finding, step, date, options: o }) {
    const motion = org.company?.sales_motion;
    const employees = org.company?.employees;
    const comp = org.compensation ?? {};
    const { basis, client_outcome_component: outcome, components, pay_on_collection: onCollection, clawback, varies_by_objective: varies } = comp;
    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];

    // A part of the pay that rewards client outcomes: said outright, or a listed component (a given list is complete).
    const listed =
      components === undefined
        ? undefined
        : components.some((c) => c.measure !== undefined && (CLIENT_MEASURES as readonly string[]).includes(c.measure))
          ? true
          : components.some((c) => c.measure === undefined)
            ? undefined
            : false;
    const clientPart = outcome === true || listed === true ? true : outcome === false || listed === false ? false : undefined;

    // The client-value part (3/4 of the rule), for relationship and solution selling. Any
    // client-value control earns it all; revenue or a mix with none 0.7; margin or profit alone 0.
    let clientCheck: CheckOut;
    if (motion === 'transactional') {
      clientCheck = { id: 'plan:client-part', weight: 3, notApplicable: "One-and-done sales: the client's return does not hang on the next deal, so no client-value control is needed." };
    } else if (motion === undefined) {
      // Whether the check applies at all is unknown: it earns nothing, whatever the plan says.
      clientCheck = { id: 'plan:client-part', weight: 3, score: [0, 1], unknown: ['company.sales_motion'] };
    } else {
      const score = bracket((pick) => {
        if (pick(clientPart, false, true) || pick(onCollection, false, true) || pick(clawback, false, true)) return 1;
        const b = pick(basis, 'profit' as const, 'revenue' as const);
        return b === 'profit' || b === 'gross_margin' ? 0 : 0.7;
      });
      const unknown = [
        ...(clientPart === undefined ? ['compensation.client_outcome_component', 'compensation.components'] : []),
        ...(onCollection === undefined ? ['compensation.pay_on_collection'] : []),
        ...(clawback === undefined ? ['compensation.clawback'] : []),
        ...(basis === undefined ? ['compensation.basis'] : []),
      ];
      clientCheck = { id: 'plan:client-part', weight: 3, score, unknown };
      const clientPaths = [...(outcome !== undefined ? ['compensation.client_outcome_component'] : []), ...(components !== undefined ? ['compensation.components'] : [])];
      const controls = [...(onCollection === true ? ['commission is paid on collection'] : []), ...(clawback === true ? ['commission is clawed back when a client cancels or does not pay'] : [])];
      if (clientPart === false && controls.length) {
        findings.push(
          finding(
            'controlsCount',
            [...clientPaths, ...(onCollection ? ['compensation.pay_on_collection'] : []), ...(clawback ? ['compensation.clawback'] : [])],
            { controls: joinNames(controls) },
            { note: true },
          ),
        );
      } else if (clientPart === false) {
        // The known absence of a client part is a finding even while pay on collection or a clawback is unknown
        // (the check then keeps what they could earn in play); it names them only when both are known absent.
        const noControls = onCollection === false && clawback === false;
        const paths = ['company.sales_motion', ...clientPaths, ...(noControls ? ['compensation.pay_on_collection', 'compensation.clawback'] : [])];
        const data = { motion, controls: noControls ? ', and commission is neither paid on collection nor clawed back' : '' };
        if (basis === 'profit' || basis === 'gross_margin') {
          findings.push(finding('profitOnly', [...paths, 'compensation.basis'], { ...data, basis: BASIS_WORDS[basis] }));
          findings.push(finding('mixedPlan', ['compensation.basis'], { otherRule: OTHER_RULE, otherTitle: OTHER_TITLE }, { note: true }));
        } else {
          // Revenue or a mix (or a basis not given): not the profit squeeze the source warns about, but still nothing for the client.
          findings.push(finding('noClientPart', paths, data));
        }
        steps.push(step('addClientComponent', { motion }, clientPaths));
      }
    }

    // The variation part (1/4): a plan varied by objective earns it; so does one simple plan in a
    // small company; one uniform plan in a larger one earns half. The company holds its sales team
    // (salesTeamFloor): past the threshold either way, it is not small. The credit for a small company
    // needs a headcount the whole sales team fits in: one the roster contradicts (5 employees beside 10
    // people listed in sales) earns nothing above half, and so does one with a roster fact not stated,
    // as any of them could exceed it: deleting the roster, the span or a role's status never earns it.
    const team = salesTeamFloor(org);
    const contradicted = employees !== undefined && team.least > employees;
    const large = (employees !== undefined && employees > o.simplePlanUpToEmployees) || team.least > o.simplePlanUpToEmployees;
    const small = large ? false : employees !== undefined && !contradicted && !team.missing.length ? true : undefined;
    const variationCheck: CheckOut = {
      id: 'plan:variation',
      // Nothing known of the plan's variation earns nothing (not the half a known uniform plan earns).
      score: varies === undefined ? [0, 1] : bracket((pick) => (varies || pick(small, false, true) ? 1 : 0.5)),
      unknown: [
        ...(varies === undefined ? ['compensation.varies_by_objective'] : []),
        ...(varies === false && small === undefined ? [...(employees === undefined || contradicted ? ['company.employees'] : []), ...(contradicted ? [] : team.missing)] : []),
      ],
    };
    const peopleWords = (n: number) => `${thousands(n)} ${n === 1 ? 'person' : 'people'}`;
    // What was read: the headcount as stated, or (over it) the sales team the company holds at least.
    const size =
      employees !== undefined && employees >= team.least
        ? { words: peopleWords(employees), paths: ['company.employees'] }
        : {
            words: `at least ${peopleWords(team.least)} (${team.words}${employees === undefined ? '' : `, more than the ${thousands(employees)} employees stated`})`,
            paths: [...(employees === undefined ? [] : ['company.employees']), ...team.paths],
          };
    if (varies === false && small === true)
      findings.push(
        finding(
          'simplePlanFits',
          ['compensation.varies_by_objective', ...size.paths, ...team.paths],
          { employees: size.words, team: team.least ? team.words : 'no one is listed in sales' },
          { note: true, thresholds: ['simplePlanUpToEmployees'] },
        ),
      );
    if (varies === false && small === false) {
      findings.push(finding('uniformPlan', ['compensation.varies_by_objective', ...size.paths], { employees: size.words }, { thresholds: ['simplePlanUpToEmployees'] }));
      steps.push(step('varyPlan', {}, ['compensation.varies_by_objective']));
    }
    // The plan's structure: the pay mix against the motion, and new hires' ramp or draw (findings, not scored).
    const base = comp.base_pct;
    if (base !== undefined && motion !== undefined) {
      const min = { transactional: o.minBasePctTransactional, solution: o.minBasePctSolution, relationship: o.minBasePctRelationship }[motion];
      const name = { transactional: 'minBasePctTransactional', solution: 'minBasePctSolution', relationship: 'minBasePctRelationship' }[motion];
      if (base < min) {
        findings.push(
          finding('lowBase', ['compensation.base_pct', 'company.sales_motion'], { base, min, motion: MOTION_WORDS[motion] }, { thresholds: [name], gap: min > 0 ? (min - base) / min : 1 }),
        );
        steps.push(step('rebalanceMix', { base, min, motion: MOTION_WORDS[motion] }, ['compensation.base_pct']));
      }
    }
    if (comp.ramp_months === 0 && comp.draw === 'none') {
      const fresh = repsOf(org.people).filter(({ p, certain }) => {
        const start = pastDate(p.start_date, date);
        return certain && start !== undefined && monthsBetween(start, date) < o.newHireMonths;
      });
      if (fresh.length) {
        findings.push(
          finding(
            'noRamp',
            ['compensation.ramp_months', 'compensation.draw', ...fresh.map(({ i }) => `people[${i}].start_date`)],
            {
              names: listNames(fresh.map(({ name }) => name)),
              months: o.newHireMonths,
              carry: fresh.length === 1 ? 'carries' : 'carry',
              count: countOf(fresh.length, 'rep'),
            },
            { thresholds: ['newHireMonths'], gap: 0.5 },
          ),
        );
        steps.push(step('addRamp', {}, ['compensation.ramp_months', 'compensation.draw']));
      }
    }
    // Findings in reading order: the client part, the variation, then the notes.
    findings.sort((a, b) => Number(a.note === true) - Number(b.note === true));
    return { checks: [clientCheck, variationCheck], findings, steps };
  },
});
