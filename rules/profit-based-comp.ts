// Reader comment (R. Tormey), point 2, and the author's reply: commission paid on
// sales value alone rewards volume whatever it earns the company. Where margins
// are about the same on every deal, or a margin floor and a deal desk stop
// unprofitable deals, revenue pay is margin pay and the advice does not apply.
import { bracket, defineRule, joinNames } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';

const OTHER_RULE = 'comp-balances-client-value';
// Its title, written out: the two rules cannot import each other.
const OTHER_TITLE = 'Commission does not buy short-term thinking';

export default defineRule({
  id: 'profit-based-comp',
  title: 'Commission rewards profitable business, not just revenue',
  source: 'Reader comment, R. Tormey, point 2; reply, K. Jackson',
  category: 'compensation',
  group: 'compensation',
  severity: 'high',
  reads: [
    'compensation.basis',
    'compensation.margins_vary',
    'compensation.margin_floor',
    'compensation.deal_review',
    'compensation.profit_target_incentive',
    'compensation.customer_profitability_reported',
  ],
  docs: {
    description:
      'Checks what commission is calculated on and, for a plan paid on revenue, whether margins vary from deal to deal and what guards them (a margin floor, a deal desk, a reward for deals above a profit target); and whether salespeople can see how profitable each customer is (not judged where margins are about the same on every deal: a note says so). Revenue pay passes where margins are about the same on every deal, or where a margin floor and a deal desk stop unprofitable deals: there it already pays for margin.',
    rationale:
      'A big order is not always a profitable one. When pay follows sales value while margins vary, reps chase volume, commission can outgrow the margin it came from and selling costs drift upwards; reps who see customer profitability, and are paid for it, steer towards the business worth having. Where margins do not vary, moving the plan onto margin changes nothing but its complexity.',
  },
  messages: {
    revenueOnly: 'Commission is paid on revenue while margins vary from deal to deal, with no margin floor, no deal desk and no reward for profitable deals.',
    revenuePartlyGuarded:
      'Commission is paid on revenue while margins vary from deal to deal, guarded only by {guards}: without both a margin floor and a deal desk, a low-margin deal still pays in full.',
    revenueSound: 'Commission is paid on revenue, and {why}: revenue pay is margin pay here.',
    profitabilityHidden: 'Salespeople cannot see how profitable each customer is.',
    profitabilityHiddenSameMargins:
      'Salespeople cannot see how profitable each customer is; with margins about the same on every deal this matters little (only the cost to serve differs), so it is not judged.',
    mixedPlan: 'This rule and "{otherTitle}" ({otherRule}) pull in opposite directions; a mixed plan (margin plus a client-outcome part, varied by objective) meets both.',
  },
  steps: {
    reportProfitability: {
      action: 'Report profitability per customer to every salesperson, at least monthly.',
      owner: 'Finance',
      effort: 'medium',
    },
    guardMargins: {
      action: 'Add {missing} to the commission plan, so that a deal under the floor earns no commission unless the desk approves it.',
      owner: 'CEO with Finance',
      effort: 'medium',
    },
    moveToMargin: {
      action: 'Move commission from revenue onto gross margin (or a mix of margin and client outcomes).',
      owner: 'CEO with Finance',
      effort: 'medium',
    },
  },
  check({ org, finding, step }) {
    const comp = org.compensation ?? {};
    const { basis, margins_vary: vary, margin_floor: floor, deal_review: review, profit_target_incentive: kicker, customer_profitability_reported: reported } = comp;
    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];

    // What the pay follows (3/4 of the rule). Margin, profit or a mix earns it all; so does revenue
    // where margins do not vary, or where a margin floor and a deal desk guard them. Otherwise each
    // guard (floor, a review of deals, a reward above a profit target) earns part: 0.6 for one, 0.8 for two.
    const basisScore = (pick: Parameters<Parameters<typeof bracket>[0]>[0]) => {
      if (pick(basis, 'revenue' as const, 'gross_margin' as const) !== 'revenue') return 1;
      if (!pick(vary, true, false)) return 1;
      const f = pick(floor, false, true);
      const r = pick(review, 'none' as const, 'deal_desk' as const);
      if (f && r === 'deal_desk') return 1;
      const guards = Number(f) + Number(r !== 'none') + Number(pick(kicker, false, true));
      return guards >= 2 ? 0.8 : guards === 1 ? 0.6 : 0;
    };
    const basisUnknown = [
      ['compensation.basis', basis],
      ['compensation.margins_vary', vary],
      ['compensation.margin_floor', floor],
      ['compensation.deal_review', review],
      ['compensation.profit_target_incentive', kicker],
    ]
      .filter(([, v]) => v === undefined)
      .map(([p]) => p as string);
    const basisCheck: CheckOut = { id: 'plan:basis', weight: 3, score: bracket(basisScore), unknown: basisUnknown };
    // Whether reps see customer profitability (1/4). Where margins are known to be the same on every
    // deal, a customer's profitability follows its revenue: nothing for a rep to steer by, not judged.
    const sameMargins = vary === false;
    const reportCheck: CheckOut = sameMargins
      ? { id: 'policy:profitability-reported', notApplicable: 'Margins are about the same on every deal: customer profitability follows revenue.' }
      : reported === undefined
        ? { id: 'policy:profitability-reported', score: [0, 1], unknown: ['compensation.customer_profitability_reported'] }
        : { id: 'policy:profitability-reported', score: reported ? 1 : 0 };

    if (basis === 'revenue') {
      const guards = [
        ...(floor === true ? ['a margin floor'] : []),
        ...(review === 'deal_desk' ? ['a deal desk'] : review === 'manager' ? ["a manager's review of non-standard deals"] : []),
        ...(kicker === true ? ['a reward for deals above a profit target'] : []),
      ];
      const guarded = floor === true && review === 'deal_desk';
      if (vary === false || guarded) {
        const why = vary === false ? 'margins are about the same on every deal' : 'a margin floor and a deal desk stop unprofitable deals';
        findings.push(
          finding(
            'revenueSound',
            vary === false ? ['compensation.basis', 'compensation.margins_vary'] : ['compensation.basis', 'compensation.margin_floor', 'compensation.deal_review'],
            { why },
            { note: true },
          ),
        );
      } else if (vary === true) {
        const paths = ['compensation.basis', 'compensation.margins_vary'];
        const none = floor === false && review === 'none' && kicker === false;
        if (none) {
          findings.push(finding('revenueOnly', [...paths, 'compensation.margin_floor', 'compensation.deal_review', 'compensation.profit_target_incentive']));
          findings.push(finding('mixedPlan', ['compensation.basis'], { otherRule: OTHER_RULE, otherTitle: OTHER_TITLE }, { note: true }));
        } else if (guards.length) {
          findings.push(finding('revenuePartlyGuarded', [...paths, 'compensation.margin_floor', 'compensation.deal_review'], { guards: joinNames(guards) }));
        }
        // What is known to be missing of the floor-and-desk pair.
        const missing = [...(floor === false ? ['a margin floor'] : []), ...(review !== undefined && review !== 'deal_desk' ? ['a deal desk'] : [])];
        if (missing.length) {
          steps.push(step('guardMargins', { missing: joinNames(missing) }, ['compensation.margin_floor', 'compensation.deal_review']));
          // The alternative: either one closes the gap.
          steps.push(step('moveToMargin', {}, ['compensation.basis'], { or: true }));
        }
      }
    }
    if (reported === false && sameMargins) findings.push(finding('profitabilityHiddenSameMargins', ['compensation.customer_profitability_reported', 'compensation.margins_vary'], {}, { note: true }));
    else if (reported === false) {
      findings.push(finding('profitabilityHidden', ['compensation.customer_profitability_reported']));
      steps.unshift(step('reportProfitability', {}, ['compensation.customer_profitability_reported']));
    }
    // Findings before notes, in reading order.
    findings.sort((a, b) => Number(a.note === true) - Number(b.note === true));
    return { checks: [basisCheck, reportCheck], findings, steps };
  },
});
