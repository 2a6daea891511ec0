// Reader comment, R. Tormey, point 1: reps fighting credit, inventory and
// production for their own customers.
import { bracket, defineRule, saysNone } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';
import { FRICTION_AREAS } from '../src/model/enums';

/** The steps that fix a friction point, by the department its area belongs to. */
const FIX_STEPS = {
  credit: ['nameFinanceOwner', 'setFinanceMechanism'],
  legal: ['nameLegalOwner', 'setLegalMechanism'],
  pricing: ['namePricingOwner', 'setPricingMechanism'],
  inventory: ['nameOperationsOwner', 'setOperationsMechanism'],
  production: ['nameOperationsOwner', 'setOperationsMechanism'],
  other: ['nameOwner', 'setMechanism'],
} as const;
const HINTS: Record<keyof typeof FRICTION_AREAS, string> = {
  credit: 'a written credit policy or credit insurance',
  inventory: 'stock allocation rules or buffer stock for key customers',
  production: 'capacity flexibility and a way to reserve it for sales commitments',
  pricing: 'approval limits, a response deadline and an escalation path',
  legal: 'standard terms and an escalation path for exceptions',
  other: 'a policy or an escalation path',
};

export default defineRule({
  id: 'internal-friction',
  title: 'Salespeople do not fight the company',
  source: 'Reader comment, R. Tormey, point 1',
  category: 'enablement',
  severity: 'medium',
  reads: ['friction.none_reported', 'friction.points[].area', 'friction.points[].description', 'friction.points[].owner', 'friction.points[].mechanism'],
  docs: {
    description:
      'Lists the places where reps have to battle other departments (credit, stock, production, approvals, contracts) to serve their customers, and checks that each has an owner and an agreed way of resolving it. The fix goes to the department the friction lives in: credit to Finance, contracts to Legal, pricing approvals to sales operations with Finance, stock and capacity to Operations.',
    rationale:
      'Every internal fight a rep has to win before the customer is served costs selling time and goodwill on both sides. A named owner plus a standing mechanism, such as credit insurance or spare capacity, turns a recurring battle into routine.',
  },
  messages: {
    unresolved: '{quoted} ({area}) has neither an owner nor an agreed way of being resolved.',
    noOwner: 'Nobody owns fixing {quoted} ({area}).',
    noMechanism: '{quoted} ({area}) has no agreed way of being resolved.',
    unknown: 'Whether {quoted} ({area}) has an owner and an agreed way of being resolved is not fully known: it earns nothing until it is.',
    contradicts: 'The company says reps face no internal friction, yet friction points are listed: the listed points are scored.',
  },
  // The fix is owned where the friction lives: credit by Finance, contracts by Legal, pricing
  // approvals by sales operations with Finance, stock and capacity by Operations; anything else, the CEO.
  steps: {
    nameFinanceOwner: { action: 'Name one person in Finance accountable for fixing {quoted} ({area}).', owner: 'Finance', effort: 'low' },
    setFinanceMechanism: { action: 'Agree how to resolve {quoted}, for example with {hint}.', owner: 'Finance', effort: 'medium' },
    nameLegalOwner: { action: 'Name one person in Legal accountable for fixing {quoted} ({area}).', owner: 'Legal', effort: 'low' },
    setLegalMechanism: { action: 'Agree how to resolve {quoted}, for example with {hint}.', owner: 'Legal', effort: 'medium' },
    // Sales operations with Finance: the engine gives both to whoever holds them in a small company.
    namePricingOwner: {
      action: 'Name one person in sales operations or Finance accountable for fixing {quoted} ({area}).',
      owner: 'Sales operations with Finance',
      effort: 'low',
    },
    setPricingMechanism: { action: 'Agree how to resolve {quoted}, for example with {hint}.', owner: 'Sales operations with Finance', effort: 'medium' },
    nameOperationsOwner: { action: 'Name one person in Operations accountable for fixing {quoted} ({area}).', owner: 'Operations', effort: 'low' },
    setOperationsMechanism: { action: 'Agree how to resolve {quoted}, for example with {hint}.', owner: 'Operations', effort: 'medium' },
    nameOwner: { action: 'Name one person accountable for fixing {quoted} ({area}).', owner: 'CEO', effort: 'low' },
    setMechanism: { action: 'Agree how to resolve {quoted}, for example with {hint}.', owner: 'CEO', effort: 'medium' },
  },
  check({ org, finding, step }) {
    const f = org.friction ?? {};
    const points = f.points;
    if (points === undefined) {
      if (f.none_reported === true) return { notApplicable: 'The company states that reps face no internal friction.' };
      return { notAssessed: f.none_reported === false ? ['friction.points'] : ['friction.none_reported', 'friction.points'] };
    }
    // A list that is given is complete: an empty one says there is no friction point to fix.
    // Beside `none_reported: false` the file contradicts itself: the engine counts the list as unknown
    // (engine/contradictions.ts) and reports it, so a bare model reaching here is read the same way.
    if (!points.length) {
      if (f.none_reported === false) return { notAssessed: ['friction.points'] };
      return { notApplicable: 'No internal friction point is listed.' };
    }

    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    if (f.none_reported === true) findings.push(finding('contradicts', ['friction.none_reported', 'friction.points'], {}, { note: true }));
    const state = (v: string | undefined) => (v === undefined ? 'unknown' : saysNone(v) ? 'absent' : 'present');
    // One check per friction point: resolved (an owner and a mechanism) earns it, anything known missing earns nothing.
    const checks: CheckOut[] = points.map((p, i) => {
      const area = p.area ? FRICTION_AREAS[p.area].toLowerCase() : 'area not given';
      const point = p.description ?? `friction.points[${i}]`;
      // A description is quoted without its closing full stop, as it sits mid-sentence.
      const quoted = p.description === undefined ? point : `"${p.description.trim().replace(/[.!;:,\s]+$/, '')}"`;
      const ownerPath = `friction.points[${i}].owner`;
      const mechPath = `friction.points[${i}].mechanism`;
      const owner = state(p.owner);
      const mech = state(p.mechanism);
      const id = `point:${i}`;
      const unknown = [...(owner === 'unknown' ? [ownerPath] : []), ...(mech === 'unknown' ? [mechPath] : [])];
      const score = bracket((pick) =>
        pick(p.owner === undefined ? undefined : owner === 'present', false, true) && pick(p.mechanism === undefined ? undefined : mech === 'present', false, true) ? 1 : 0,
      );
      if (owner === 'present' && mech === 'present') return { id, score };
      const data = { point, quoted, area };
      if (owner !== 'absent' && mech !== 'absent') {
        // Nothing known to be missing, but not both known present either.
        findings.push(finding('unknown', unknown, data, { note: true }));
        return { id, score, unknown };
      }
      if (owner === 'absent' && mech === 'absent') findings.push(finding('unresolved', [ownerPath, mechPath], data));
      else if (owner === 'absent') findings.push(finding('noOwner', [ownerPath], data));
      else findings.push(finding('noMechanism', [mechPath], data));
      const [nameStep, setStep] = FIX_STEPS[p.area ?? 'other'];
      if (owner === 'absent') steps.push(step(nameStep, data, [ownerPath]));
      if (mech === 'absent') steps.push(step(setStep, { point, quoted, hint: HINTS[p.area ?? 'other'] }, [mechPath]));
      return { id, score, unknown };
    });
    return { checks, findings, steps };
  },
});
