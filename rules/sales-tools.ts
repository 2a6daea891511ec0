// Jackson, mistake 8: treating a CRM and mobile access as optional extras.
import { defineRule, options, threshold } from '../src/engine/define-rule';

const SOURCE_CSO = 'CSO Insights, 2006: fewer than 40% of firms reach 90% active CRM use';
const NONE = /^(none|no|nothing|n\/a|-)$/i;
const WHERE = { spreadsheets: 'spreadsheets', notes: 'notes and lists' } as const;

export default defineRule({
  id: 'sales-tools',
  title: 'Reps have the tools they need',
  source: 'Jackson, mistake 8',
  category: 'enablement',
  severity: 'high',
  reads: ['tools.crm', 'tools.system_of_record', 'tools.crm_active_use_pct', 'tools.remote_access', 'tools.travel_connectivity', 'tools.reps_travel'],
  options: options({
    activeUseTarget: threshold({
      default: 90, min: 0, max: 100,
      description: 'Share of reps (%) who must use the CRM actively for full credit.',
      source: SOURCE_CSO,
    }),
  }),
  docs: {
    description:
      'Checks that customer and deal data lives in one CRM that nearly every rep actually uses, and that reps who travel can reach company systems and get online away from Wi-Fi.',
    rationale:
      'Sticky notes, private lists and unlinked spreadsheets lose customers and hide the pipeline from everyone but their author. Reps on the road without access to company systems work blind. These tools pay for themselves in productivity and morale; they are investments, not overhead.',
  },
  messages: {
    noCrm: 'The reps have no CRM.',
    notSystemOfRecord: 'Customer and deal data lives in {where}, not in the CRM.',
    noSystemOfRecord: 'Customer and deal data has no single home: it is not kept in the CRM or anywhere else in particular.',
    lowAdoption: '{pct}% of reps use the CRM actively (target: {target}%).',
    noRemoteAccess: 'Reps travel to customers but cannot reach company systems from the road.',
    noConnectivity: 'Travelling reps have no mobile data where there is no Wi-Fi.',
    adoptionUnknown: 'How many reps actively use the CRM is not known.',
    travelUnknown: 'Reps have no remote access or mobile data, and whether they travel is not known.',
  },
  steps: {
    adoptCrm: { action: 'Choose one CRM and make it the single record of every customer, contact and deal.', owner: 'CEO', effort: 'high' },
    migrate: { action: 'Move the customer data kept in {where} into {crm}, then retire those copies.', owner: 'Sales manager', effort: 'medium' },
    makeRecord: { action: 'Make {crm} the one place where every customer, contact and deal is recorded, and have the reps enter theirs there.', owner: 'Sales manager', effort: 'medium' },
    enforceUse: {
      action: 'Run every pipeline review and one-to-one from {crm} until at least {target}% of reps use it every week.',
      owner: 'Sales manager',
      effort: 'low',
    },
    remoteAccess: { action: 'Give reps on the road secure mobile access to {crm} and the company systems they need.', owner: 'Operations', effort: 'medium' },
    connectivity: { action: 'Give travelling reps a mobile data plan or hotspot for places without Wi-Fi.', owner: 'Operations', effort: 'low' },
  },
  check({ org, options, finding, step }) {
    const t = org.tools ?? {};
    const target = options.activeUseTarget;
    const sor = t.system_of_record;
    const hasCrm = t.crm !== undefined ? !NONE.test(t.crm.trim()) : sor === 'crm' ? true : undefined;
    const crm = hasCrm && t.crm !== undefined ? t.crm : 'the CRM';

    if (hasCrm === false) {
      return { score: 0, findings: [finding('noCrm', ['tools.crm'])], steps: [step('adoptCrm', {}, ['tools.crm'])] };
    }
    if (sor === 'none') {
      return {
        score: 0,
        findings: [finding('noSystemOfRecord', ['tools.system_of_record'])],
        steps: [hasCrm ? step('makeRecord', { crm }, ['tools.system_of_record']) : step('adoptCrm', {}, ['tools.system_of_record'])],
      };
    }
    if (sor !== undefined && sor !== 'crm') {
      const where = WHERE[sor];
      return {
        score: 0,
        findings: [finding('notSystemOfRecord', ['tools.system_of_record'], { where })],
        steps: [hasCrm ? step('migrate', { where, crm }, ['tools.system_of_record']) : step('adoptCrm', {}, ['tools.system_of_record'])],
      };
    }
    if (hasCrm === undefined) return { notAssessed: ['tools.crm'] };

    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    let score = 1;
    const pct = t.crm_active_use_pct;
    if (pct === undefined) {
      findings.push(finding('adoptionUnknown', ['tools.crm_active_use_pct'], {}, { note: true }));
    } else if (pct < target) {
      score -= 0.15 + (0.15 * (target - pct)) / target;
      findings.push(finding('lowAdoption', ['tools.crm_active_use_pct'], { pct, target }, { thresholds: ['activeUseTarget'] }));
      steps.push(step('enforceUse', { crm, target }, ['tools.crm_active_use_pct']));
    }
    if (t.reps_travel === true) {
      if (t.remote_access === false) {
        score -= 0.25;
        findings.push(finding('noRemoteAccess', ['tools.remote_access', 'tools.reps_travel']));
        steps.push(step('remoteAccess', { crm }, ['tools.remote_access']));
      }
      if (t.travel_connectivity === false) {
        score -= 0.1;
        findings.push(finding('noConnectivity', ['tools.travel_connectivity', 'tools.reps_travel']));
        steps.push(step('connectivity', {}, ['tools.travel_connectivity']));
      }
    } else if (t.reps_travel === undefined && (t.remote_access === false || t.travel_connectivity === false)) {
      findings.push(finding('travelUnknown', ['tools.reps_travel'], {}, { note: true }));
    }
    // With the CRM as the record, the remaining gaps make the rule partial at worst.
    score = Math.max(0.5, score);
    return { score, findings, steps: score >= 1 ? [] : steps };
  },
});
