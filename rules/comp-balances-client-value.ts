// Reply (G. Zander): pay tied to profit alone can make reps think of their own
// cheque before the client's return; in relationship and solution selling the
// plan has to weigh both, and it should vary with what the company is after.
import { defineRule } from '../src/engine/define-rule';

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
  requires: ['company.sales_motion'],
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
    const motion = org.company!.sales_motion!;
    const comp = org.compensation ?? {};
    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];

    // The client-value part: 1 when it is covered, 0 when margin or profit alone pays relationship selling.
    let clientPart = 1;
    if (motion !== 'transactional') {
      if (comp.client_outcome_component === undefined) return { notAssessed: ['compensation.client_outcome_component'] };
      if (comp.client_outcome_component === false) {
        if (comp.basis === undefined) return { notAssessed: ['compensation.basis'] };
        const paths = ['company.sales_motion', 'compensation.basis', 'compensation.client_outcome_component'];
        if (comp.basis === 'profit' || comp.basis === 'gross_margin') {
          clientPart = 0;
          findings.push(finding('profitOnly', paths, { motion, basis: BASIS_WORDS[comp.basis] }));
        } else {
          // Revenue or a mix: not the profit squeeze the source warns about, but still nothing for the client.
          clientPart = 0.7;
          findings.push(finding('noClientPart', ['company.sales_motion', 'compensation.client_outcome_component'], { motion }));
        }
        steps.push(step('addClientComponent', { motion }, ['compensation.client_outcome_component']));
      }
    }

    // The variation part: a uniform plan scales the score down; unknown variation leaves the rule unassessed unless it already fails.
    const varies = comp.varies_by_objective;
    if (varies === undefined && clientPart > 0) return { notAssessed: ['compensation.varies_by_objective'] };
    if (varies === false) {
      findings.push(finding('uniformPlan', ['compensation.varies_by_objective']));
      steps.push(step('varyPlan', {}, ['compensation.varies_by_objective']));
    }
    const score = clientPart * (varies === false ? 0.75 : 1);

    if (score < 0.5) findings.push(finding('mixedPlan', ['compensation.basis'], { otherRule: OTHER_RULE, otherTitle: OTHER_TITLE }, { note: true }));
    return { score, findings, steps };
  },
});
