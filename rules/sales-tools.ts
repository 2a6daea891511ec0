// Jackson, mistake 8: treating a CRM and mobile access as optional extras.
import { bracket, defineRule, options, saysNone, threshold, unknownCheck } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';

const SOURCE_CSO =
  'house default, informed by CSO Insights, Sales Performance Optimization study, 2006 (1,275 companies; reported by Jim Dickie in CRM Magazine, July 2006): fewer than 40% of firms had CRM use above 90% of their users. The study set no target; 90% is the level it found the better-adopting firms reach';
const WHERE = { spreadsheets: 'spreadsheets', notes: 'notes and lists' } as const;
/** The checks' weights: the record first, then how many use it, then access on the road. */
const W = { record: 4, adoption: 4, remote: 1.5, connectivity: 0.5 } as const;

export default defineRule({
  id: 'sales-tools',
  title: 'Reps have the tools they need',
  source: 'Jackson, mistake 8',
  category: 'enablement',
  severity: 'high',
  reads: ['tools.crm', 'tools.system_of_record', 'tools.crm_active_use_pct', 'tools.remote_access', 'tools.travel_connectivity', 'tools.reps_travel'],
  options: options({
    activeUseTarget: threshold({
      default: 90,
      min: 0,
      max: 100,
      description: 'Share of reps (%) who must use the CRM actively for full credit.',
      source: SOURCE_CSO,
    }),
  }),
  docs: {
    description:
      'Checks that customer and deal data lives in one CRM (weight 4), that nearly every rep actually uses it (4, in proportion to the target; nothing when the CRM is not the record), and that reps who travel can reach company systems (1.5) and get online away from Wi-Fi (0.5). A CRM name alone proves neither the record nor its use, so it never passes on its own; spreadsheets or notes as the record fail; CRM use answered "unknown" is reported as not measured. Each unknown earns nothing; the road checks do not apply when reps do not travel.',
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
  check({ org, options, finding, step, isUnknown }) {
    const t = org.tools ?? {};
    const target = options.activeUseTarget;
    const sor = t.system_of_record;
    const hasCrm = t.crm !== undefined ? !saysNone(t.crm) : sor === 'crm' ? true : undefined;
    const crm = hasCrm && t.crm !== undefined ? t.crm : 'the CRM';
    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    const checks: CheckOut[] = [];

    // The record: one CRM holds every customer and deal.
    if (hasCrm === false) {
      checks.push({ id: 'record', weight: W.record, score: 0 });
      findings.push(finding('noCrm', ['tools.crm']));
      steps.push(step('adoptCrm', {}, ['tools.crm']));
    } else if (sor === 'none' || sor === 'spreadsheets' || sor === 'notes') {
      checks.push({ id: 'record', weight: W.record, score: 0 });
      if (sor === 'none') {
        findings.push(finding('noSystemOfRecord', ['tools.system_of_record']));
        steps.push(hasCrm ? step('makeRecord', { crm }, ['tools.system_of_record']) : step('adoptCrm', {}, ['tools.system_of_record']));
      } else {
        const where = WHERE[sor];
        findings.push(finding('notSystemOfRecord', ['tools.system_of_record'], { where }));
        steps.push(hasCrm ? step('migrate', { where, crm }, ['tools.system_of_record']) : step('adoptCrm', {}, ['tools.system_of_record']));
      }
    } else if (sor === 'crm') checks.push({ id: 'record', weight: W.record, score: 1 });
    else checks.push(unknownCheck('record', [...(hasCrm === undefined ? ['tools.crm'] : []), 'tools.system_of_record'], W.record));

    // Adoption: the share of reps who use the CRM every week, in proportion to the
    // target. Use of a CRM that is not the record (or of no CRM) counts for nothing.
    const pct = t.crm_active_use_pct;
    const isRecord = sor === undefined ? undefined : sor === 'crm';
    checks.push({
      id: 'adoption',
      weight: W.adoption,
      score: bracket((pick) => (pick(hasCrm, false, true) && pick(isRecord, false, true) ? Math.min(1, pick(pct, 0, 100) / Math.max(1, target)) : 0)),
      unknown: [...(hasCrm === undefined ? ['tools.crm'] : []), ...(isRecord === undefined ? ['tools.system_of_record'] : []), ...(pct === undefined ? ['tools.crm_active_use_pct'] : [])],
    });
    // Answered "unknown", the company cannot say: the engine reports that as not measured.
    if (!isUnknown('tools.crm_active_use_pct') && hasCrm !== false && isRecord !== false && pct === undefined)
      findings.push(finding('adoptionUnknown', ['tools.crm_active_use_pct'], {}, { note: true }));
    if (hasCrm !== false && pct !== undefined && pct < target) {
      findings.push(finding('lowAdoption', ['tools.crm_active_use_pct'], { pct, target }, { thresholds: ['activeUseTarget'] }));
      steps.push(step('enforceUse', { crm, target }, ['tools.crm_active_use_pct']));
    }

    // On the road: access to company systems, and mobile data. Only for reps who travel.
    const travel = t.reps_travel;
    const road = (id: 'remote' | 'connectivity', has: boolean | undefined, path: string) => {
      if (travel === false) return checks.push({ id, notApplicable: 'Reps do not travel to customers.' });
      const unknown = [...(travel === undefined ? ['tools.reps_travel'] : []), ...(has === undefined ? [path] : [])];
      // Whether reps travel is unknown: the check may not apply, so it earns nothing yet.
      if (travel === undefined || has === undefined) return checks.push({ id, weight: W[id], score: [0, 1], unknown });
      return checks.push({ id, weight: W[id], score: has ? 1 : 0 });
    };
    road('remote', t.remote_access, 'tools.remote_access');
    road('connectivity', t.travel_connectivity, 'tools.travel_connectivity');
    if (travel === true && t.remote_access === false) {
      findings.push(finding('noRemoteAccess', ['tools.remote_access', 'tools.reps_travel']));
      steps.push(step('remoteAccess', { crm }, ['tools.remote_access']));
    }
    if (travel === true && t.travel_connectivity === false) {
      findings.push(finding('noConnectivity', ['tools.travel_connectivity', 'tools.reps_travel']));
      steps.push(step('connectivity', {}, ['tools.travel_connectivity']));
    }
    if (travel === undefined && (t.remote_access === false || t.travel_connectivity === false)) findings.push(finding('travelUnknown', ['tools.reps_travel'], {}, { note: true }));
    return { checks, findings, steps };
  },
});
