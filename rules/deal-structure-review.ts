// The author's last reply: watch deal structures so that what the comp plan pays
// for never outweighs the right business decision.
import { defineRule, unknownCheck } from '../src/engine/define-rule';

export default defineRule({
  id: 'deal-structure-review',
  title: 'Unusual deal structures are reviewed so pay never trumps the right deal',
  source: 'Reply, K. Jackson (last)',
  category: 'compensation',
  severity: 'low',
  reads: ['compensation.deal_review'],
  docs: {
    description:
      'Checks that deals on non-standard terms (discounts, payment terms, bundles) are looked at by a deal desk or a manager before they are signed.',
    rationale:
      'Any commission plan leaves room for a deal that pays the rep well and the company badly. A second pair of eyes on unusual structures catches those deals before they are signed, without rewriting the plan.',
  },
  messages: {
    noReview: 'Non-standard deals (discounts, terms, bundles) are signed without anyone reviewing their structure first.',
  },
  steps: {
    addReview: {
      action: 'Require a review of non-standard deal structures (discounts, payment terms, bundles) before signing, with a named approver.',
      owner: 'Sales manager',
      effort: 'low',
    },
  },
  check({ org, finding, step }) {
    const review = org.compensation?.deal_review;
    if (review === undefined) return { checks: [unknownCheck('policy:deal-review', ['compensation.deal_review'])] };
    // deal_desk or manager: a review step exists.
    if (review !== 'none') return { checks: [{ id: 'policy:deal-review', score: 1 }] };
    return {
      checks: [{ id: 'policy:deal-review', score: 0 }],
      findings: [finding('noReview', ['compensation.deal_review'])],
      steps: [step('addReview', {}, ['compensation.deal_review'])],
    };
  },
});
