// Reader comment (R. Tormey), point 2, and the author's reply: commission paid on
// sales value alone rewards volume whatever it earns the company.
import { defineRule } from '../src/engine/define-rule';

const OTHER_RULE = 'comp-balances-client-value';
// Its title, written out: the two rules cannot import each other.
const OTHER_TITLE = 'Commission does not buy short-term thinking';

export default defineRule({
  id: 'profit-based-comp',
  title: 'Commission rewards profitable business, not just revenue',
  source: 'Reader comment, R. Tormey, point 2; reply, K. Jackson',
  category: 'compensation',
  severity: 'high',
  reads: ['compensation.basis', 'compensation.customer_profitability_reported', 'compensation.profit_target_incentive'],
  requires: ['compensation.basis', 'compensation.customer_profitability_reported'],
  docs: {
    description:
      'Checks what commission is calculated on, whether salespeople can see how profitable each customer is, and whether a revenue-based plan at least rewards deals above a profit target or enforces a margin floor.',
    rationale:
      'A big order is not always a profitable one. When pay follows sales value only, reps chase volume, commission can outgrow the margin it came from and selling costs drift upwards; reps who see customer profitability, and are paid for it, steer towards the business worth having.',
  },
  messages: {
    revenueOnly: 'Commission is paid on revenue alone, with no reward for profitable deals and no margin floor.',
    revenueWithKicker:
      'Commission is paid on revenue; a reward for deals above a profit target (or a margin floor) limits the damage, but base pay still follows volume.',
    profitabilityHidden: 'Salespeople cannot see how profitable each customer is.',
    mixedPlan:
      'This rule and "{otherTitle}" ({otherRule}) pull in opposite directions; a mixed plan (margin plus a client-outcome part, varied by objective) meets both.',
  },
  steps: {
    reportProfitability: {
      action: 'Report profitability per customer to every salesperson, at least monthly.',
      owner: 'Finance',
      effort: 'medium',
    },
    addProfitKicker: {
      action: 'Add a reward for deals closed above a standard profit target, or a margin floor under which no commission is paid.',
      owner: 'Finance',
      effort: 'low',
    },
    moveToMargin: {
      action: 'Move commission from revenue onto gross margin (or a mix) where deals vary in margin.',
      owner: 'CEO',
      effort: 'high',
    },
  },
  check({ org, finding, step }) {
    const comp = org.compensation!;
    const basis = comp.basis!;
    const reported = comp.customer_profitability_reported!;
    const incentive = comp.profit_target_incentive;

    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    let score: number;

    if (basis === 'revenue') {
      // Whether this is a fail or a partial turns on the incentive: without it, not assessed.
      if (incentive === undefined) return { notAssessed: ['compensation.profit_target_incentive'] };
      if (incentive) {
        score = reported ? 0.7 : 0.5;
        findings.push(finding('revenueWithKicker', ['compensation.basis', 'compensation.profit_target_incentive']));
      } else {
        score = reported ? 0.3 : 0;
        findings.push(finding('revenueOnly', ['compensation.basis', 'compensation.profit_target_incentive']));
      }
    } else {
      // gross_margin, profit or mixed: the pay is right; the reps also need to see the numbers.
      score = reported ? 1 : 0.75;
    }

    if (!reported) findings.push(finding('profitabilityHidden', ['compensation.customer_profitability_reported']));
    if (score < 0.5) findings.push(finding('mixedPlan', ['compensation.basis'], { otherRule: OTHER_RULE, otherTitle: OTHER_TITLE }, { note: true }));

    if (score < 1) {
      if (!reported) steps.push(step('reportProfitability', {}, ['compensation.customer_profitability_reported']));
      if (basis === 'revenue' && !incentive) steps.push(step('addProfitKicker', {}, ['compensation.profit_target_incentive']));
      if (basis === 'revenue') steps.push(step('moveToMargin', {}, ['compensation.basis']));
    }
    return { score, findings, steps };
  },
});
