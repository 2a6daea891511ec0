// Reply (G. Zander): pay tied to profit alone can make reps think of their own
// cheque before the client's return; in relationship and solution selling the
// plan has to weigh both, and it should vary with what the company is after.
import { bracket, defineRule } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';

const OTHER_RULE = 'profit-based-comp';
// Its title, written out: the two rules cannot import each other.
const OTHER_TITLE = 'Commission rewards profitable business, not just revenue';
const BASIS_WORDS = { revenue: 'revenue', gross_margin: 'gross margin', profit: 'profit', mixed: 'a mix of measures' } as const;

export default defineRule({
  id: 'comp-balances-client-value',
  title: 'Commission does not buy short-term thinking',
  source: 'Reply, G. Zander',
  category: 'compensation',
  severity: 'medium',
  reads: ['company.sales_motion', 'compensation.basis', 'compensation.client_outcome_component', 'compensation.varies_by_objective'],
  docs: {
    description:
      'Checks that, where the company sells through lasting relationships or tailored solutions, part of the commission depends on how the client fares (retention, renewal, return on investment), and that the plan is varied by product, client segment or market objective.',
    rationale:
      'A plan that pays on margin or profit alone invites reps to maximise this quarter at the client\'s expense, which costs the repeat business relationship selling lives on. One flat plan also cannot steer effort towards a new product or market when presence matters more than margin for a while.',
  },
  messages: {
    profitOnly:
      'The company does {motion} selling, but commission is paid on {basis} alone with nothing tied to client outcomes.',
    noClientPart: 'The company does {motion} selling, but no part of the commission depends on client outcomes (retention, renewal, client return).',
    uniformPlan: 'One commission plan applies everywhere: it does not vary by product, client segment or market objective.',
    mixedPlan:
      'This rule and "{otherTitle}" ({otherRule}) pull in opposite directions; a mixed plan (margin plus a client-outcome part, varied by objective) meets both.',
  },
  steps: {
    addClientComponent: {
      action: 'Add a client-outcome part to the commission plan (retention, renewal or the client\'s return) for {motion} selling.',
      owner: 'CEO',
      effort: 'medium',
    },
    varyPlan: {
      action: 'Set plan variations for the current objectives: strategic products, key client segments, new markets.',
      owner: 'Sales manager',
      effort: 'medium',
    },
  },
  check({ org, finding, step }) {
    const motion = org.company?.sales_motion;
    const comp = org.compensation ?? {};
    const { basis, client_outcome_component: component, varies_by_objective: varies } = comp;
    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];

    // The client-value part (3/4 of the rule): relationship and solution selling only.
    // Covered: 1; revenue or a mix with nothing for the client: 0.7; margin or profit alone: 0.
    let clientCheck: CheckOut;
    if (motion === 'transactional') {
      clientCheck = { id: 'plan:client-part', weight: 3, notApplicable: 'One-and-done sales: the client\'s return does not hang on the next deal, so no client-outcome part is needed.' };
    } else {
      const score = bracket((pick) => {
        if (pick(motion, 'relationship' as const, 'transactional' as const) === 'transactional') return 1;
        if (pick(component, false, true)) return 1;
        const b = pick(basis, 'profit' as const, 'revenue' as const);
        return b === 'profit' || b === 'gross_margin' ? 0 : 0.7;
      });
      const unknown = [
        ...(motion === undefined ? ['company.sales_motion'] : []),
        ...(component === undefined ? ['compensation.client_outcome_component'] : []),
        ...(component !== true && basis === undefined ? ['compensation.basis'] : []),
      ];
      clientCheck = { id: 'plan:client-part', weight: 3, score, unknown };
      if (motion !== undefined && component === false) {
        if (basis === 'profit' || basis === 'gross_margin') {
          findings.push(finding('profitOnly', ['company.sales_motion', 'compensation.basis', 'compensation.client_outcome_component'], { motion, basis: BASIS_WORDS[basis] }));
          findings.push(finding('mixedPlan', ['compensation.basis'], { otherRule: OTHER_RULE, otherTitle: OTHER_TITLE }, { note: true }));
        } else {
          // Revenue or a mix (or a basis not given): not the profit squeeze the source warns about, but still nothing for the client.
          findings.push(finding('noClientPart', ['company.sales_motion', 'compensation.client_outcome_component'], { motion }));
        }
        steps.push(step('addClientComponent', { motion }, ['compensation.client_outcome_component']));
      }
    }

    // The variation part (1/4): a plan varied by objective earns it; one uniform plan half.
    const variationCheck: CheckOut =
      varies === undefined ? { id: 'plan:variation', score: [0, 1], unknown: ['compensation.varies_by_objective'] } : { id: 'plan:variation', score: varies ? 1 : 0.5 };
    if (varies === false) {
      findings.push(finding('uniformPlan', ['compensation.varies_by_objective']));
      steps.push(step('varyPlan', {}, ['compensation.varies_by_objective']));
    }
    // Findings in reading order: the client part, the variation, then the note.
    findings.sort((a, b) => Number(a.note === true) - Number(b.note === true));
    return { checks: [clientCheck, variationCheck], findings, steps };
  },
});
