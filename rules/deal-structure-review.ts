// The author's last reply: watch deal structures so that what the comp plan pays
// for never outweighs the right business decision. A review only does that when
// the reviewer has nothing to gain from the deal.
import { bracket, defineRule, options, threshold } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';
import { DEAL_REVIEWS } from '../src/model/enums';

const WHO = { deal_desk: 'the deal desk', manager: 'the approving manager' } as const;

export default defineRule({
  id: 'deal-structure-review',
  title: 'Unusual deal structures are reviewed so pay never trumps the right deal',
  source: 'Reply, K. Jackson (last)',
  category: 'compensation',
  severity: 'low',
  reads: ['compensation.deal_review', 'compensation.approver_paid_on_deal', 'compensation.discount_approval_above_pct', 'compensation.accelerators', 'compensation.capped'],
  options: options({
    independentAbovePct: threshold({
      default: 15,
      min: 0,
      max: 100,
      description: 'Discount (% off list price) above which a deal must be approved by someone who earns nothing on it.',
      source:
        'house default, informed by the last reply of K. Jackson in "B2B Sales Management Mistakes That Might Prove Fatal" (Jackson Solutions, 2012): watch deal structures so that the comp plan never overrides the right business decision; 15% off list marks a discount past routine negotiation',
    }),
  }),
  docs: {
    description:
      'Checks that deals on non-standard terms (discounts, payment terms, bundles, timing) are reviewed before they are signed, that the approver earns no commission or override on the deals they approve, and that any discount above independentAbovePct (15% off list by default, where a discount is past routine negotiation) needs that approval. Notes where accelerators meet unchecked discounts, and where a commission cap invites deals to be held back.',
    rationale:
      'Any commission plan leaves room for a deal that pays the rep well and the company badly. A second pair of eyes catches those deals before they are signed, without rewriting the plan, but only when the reviewer gains nothing from the deal: a manager paid an override on it is a second rep, not a check.',
  },
  messages: {
    noReview: 'Non-standard deals (discounts, terms, bundles) are signed without anyone reviewing their structure first.',
    approverPaid: 'Discounted deals are approved by {who}, who earns commission or an override on them: the approver has something to gain from the deal.',
    gateTooHigh: 'Discounts up to {actual}% off list need no approval; above {pct}% a deal should be approved by someone independent of its commission.',
    acceleratorRisk: 'Accelerators pay more past quota, and no independent approval stops a deep discount: at the end of a quarter a deal can pay the rep more than it earns the company.',
    capRisk: 'Commission is capped: past the cap a rep gains by holding deals back to the next period, so the review should watch deal timing as well as terms.',
  },
  steps: {
    addReview: {
      action: 'Require a review of non-standard deal structures (discounts, payment terms, bundles) before signing, with a named approver who earns nothing on the deal.',
      owner: 'CEO with Finance',
      effort: 'low',
    },
    independentApprover: {
      action: 'Have deals discounted more than {pct}% approved by someone who earns nothing on them (a deal desk, Finance or the CEO).',
      owner: 'CEO with Finance',
      effort: 'low',
    },
    lowerGate: {
      action: 'Require that approval for any discount above {pct}% off list (today only above {actual}%).',
      owner: 'CEO with Finance',
      effort: 'low',
    },
  },
  check({ org, finding, step, options: o }) {
    const comp = org.compensation ?? {};
    const { deal_review: review, approver_paid_on_deal: paid, discount_approval_above_pct: gate } = comp;
    const pct = o.independentAbovePct;
    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    const reviewUnknown = review === undefined ? ['compensation.deal_review'] : [];

    // A review exists (2/5); its approver gains nothing from the deal (2/5); discounts above the threshold need it (1/5).
    // With no review at all, there is no approver and no gate: the three earn nothing together.
    const checks: CheckOut[] = [
      review === undefined ? { id: 'policy:deal-review', weight: 2, score: [0, 1], unknown: reviewUnknown } : { id: 'policy:deal-review', weight: 2, score: review === 'none' ? 0 : 1 },
      {
        id: 'policy:independent-approver',
        weight: 2,
        score: bracket((pick) => (pick(review, 'none' as const, 'deal_desk' as const) !== 'none' && !pick(paid, true, false) ? 1 : 0)),
        unknown: [...reviewUnknown, ...(paid === undefined ? ['compensation.approver_paid_on_deal'] : [])],
      },
      {
        id: 'policy:discount-gate',
        score: bracket((pick) => (pick(review, 'none' as const, 'deal_desk' as const) !== 'none' && pick(gate, 100, 0) <= pct ? 1 : 0)),
        unknown: [...reviewUnknown, ...(gate === undefined ? ['compensation.discount_approval_above_pct'] : [])],
      },
    ];

    if (review === 'none') {
      findings.push(finding('noReview', ['compensation.deal_review']));
      steps.push(step('addReview', {}, ['compensation.deal_review']));
    } else if (review !== undefined) {
      if (paid === true) {
        findings.push(finding('approverPaid', ['compensation.approver_paid_on_deal', 'compensation.deal_review'], { who: WHO[review] ?? DEAL_REVIEWS[review] }));
        steps.push(step('independentApprover', { pct }, ['compensation.approver_paid_on_deal']));
      }
      if (gate !== undefined && gate > pct) {
        // How far the gate misses: 0 just above the threshold, 1 when no discount ever needs approval.
        const gap = Math.min(1, (gate - pct) / Math.max(1, 100 - pct));
        findings.push(finding('gateTooHigh', ['compensation.discount_approval_above_pct'], { actual: gate, pct }, { thresholds: ['independentAbovePct'], gap }));
        steps.push(step('lowerGate', { pct, actual: gate }, ['compensation.discount_approval_above_pct']));
      }
    }
    // Pay features that bend deal structures (notes: they do not score). Accelerators matter where
    // discounts are known to pass unchecked; a cap moves deals in time whatever the gate.
    const unchecked = review === 'none' || (review !== undefined && (paid === true || (gate !== undefined && gate > pct)));
    if (comp.accelerators === true && unchecked) findings.push(finding('acceleratorRisk', ['compensation.accelerators', 'compensation.deal_review'], {}, { note: true }));
    if (comp.capped === true) findings.push(finding('capRisk', ['compensation.capped'], {}, { note: true }));
    return { checks, findings, steps };
  },
});
