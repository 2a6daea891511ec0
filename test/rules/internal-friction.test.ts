import { describe, expect, it } from 'vitest';
import rule from '../../rules/internal-friction';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import { oneFactDeleted, rawExamples } from '../helpers/monotone';
import type { Org } from '../../src/model/schema';

const examples = rawExamples();

const solved = { area: 'inventory' as const, description: 'stock promised to other accounts', owner: 'COO', mechanism: 'weekly allocation meeting' };

describe('internal-friction', () => {
  it.each([
    { name: 'passes when every friction point has an owner and a mechanism', friction: { none_reported: false, points: [solved] }, status: 'pass', score: 1, messages: [], paths: [] },
    {
      name: 'fails when the friction points have neither owner nor mechanism',
      friction: { none_reported: false, points: [{ area: 'credit' as const, description: 'credit checks take 10 days', owner: 'nobody', mechanism: 'none' }] },
      status: 'fail',
      score: 0,
      messages: ['unresolved'],
      paths: ['friction.points[0].owner', 'friction.points[0].mechanism'],
    },
    {
      name: 'is partial with the share of points that have both an owner and a mechanism',
      friction: { points: [solved, { area: 'production' as const, description: 'rush orders refused', owner: 'Plant manager', mechanism: 'None' }] },
      status: 'partial',
      score: 0.5,
      messages: ['noMechanism'],
      paths: ['friction.points[1].mechanism'],
    },
    {
      name: 'fails a point with a mechanism but no owner',
      friction: { points: [solved, solved, { area: 'credit' as const, description: 'orders held for credit', owner: 'no one', mechanism: 'credit insurance' }] },
      status: 'partial',
      score: 0.667,
      messages: ['noOwner'],
      paths: ['friction.points[2].owner'],
    },
    {
      name: 'scores a point with no owner even if its mechanism is unknown',
      friction: { points: [{ area: 'legal' as const, description: 'contract review takes weeks', owner: 'none' }] },
      status: 'fail',
      score: 0,
      messages: ['noOwner'],
      paths: ['friction.points[0].owner'],
    },
    {
      name: 'partly known: a point whose owner is unknown earns nothing, with a note; the known point keeps its finding',
      friction: {
        points: [
          { area: 'credit' as const, owner: 'none', mechanism: 'none' },
          { area: 'pricing' as const, description: 'discount approvals', mechanism: 'escalation to CFO' },
        ],
      },
      status: 'fail',
      score: 0,
      messages: ['unresolved'],
      paths: ['friction.points[0].owner', 'friction.points[0].mechanism', 'friction.points[1].owner'],
      missing: ['friction.points[1].owner'],
    },
    {
      name: 'partly known: a resolved point earns its half, the unknown point nothing',
      friction: { points: [solved, { area: 'production' as const, description: 'rush orders refused' }] },
      status: 'incomplete',
      score: 0.5,
      messages: [],
      paths: ['friction.points[1].owner', 'friction.points[1].mechanism'],
      missing: ['friction.points[1].owner', 'friction.points[1].mechanism'],
    },
    {
      name: 'scores the listed points when they contradict "none reported", with a note',
      friction: { none_reported: true, points: [solved] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: ['friction.none_reported', 'friction.points'],
    },
  ])('$name', ({ friction, status, score, messages, paths, ...rest }) => {
    const r = runRule(rule, { friction });
    expectOutcome(r, { status, score, messages, paths, missing: 'missing' in rest ? rest.missing : [] });
  });

  it.each([
    { name: 'when the company states reps face no internal friction', friction: { none_reported: true }, reason: 'The company states that reps face no internal friction.' },
    { name: 'when the list of friction points is empty and no friction is reported', friction: { none_reported: true, points: [] }, reason: 'No internal friction point is listed.' },
  ])('does not apply $name', ({ friction, reason }) => {
    const r = runRule(rule, { friction });
    expect(r.status).toBe('not-applicable');
    expect(r.score).toBeNull();
    expect(r.report.rules[0]!.reason).toBe(reason);
    expect(r.report.findings).toEqual([]);
  });

  it('counts an empty list beside "friction reported" as unknown (earns nothing), and says the facts disagree', () => {
    const r = runRule(rule, { friction: { none_reported: false, points: [] } });
    expectOutcome(r, { status: 'not-assessed', score: 0, messages: ['contradiction'], paths: ['friction.points', 'friction.none_reported'], missing: ['friction.points'] });
    expect(r.report.findings[0]!.message).toBe(
      'The company reports friction between the reps and other departments, yet no friction point is listed. These facts disagree, so the friction points count as unknown: they earn nothing until they are listed.',
    );
    // Never above the unresolved list it contradicts.
    const bad = runRule(rule, { friction: { none_reported: false, points: [{ area: 'credit', description: 'Credit checks', owner: 'none', mechanism: 'none' }] } });
    expect(bad.score).toBe(0);
  });

  it.each([
    { name: 'with no friction facts', friction: {}, missing: ['friction.none_reported', 'friction.points'] },
    { name: 'when friction is reported but no point is listed', friction: { none_reported: false }, missing: ['friction.points'] },
    {
      name: 'when owners and mechanisms are not given (left blank means unknown)',
      friction: { none_reported: false, points: [{ area: 'credit' as const, description: 'credit checks take 10 days' }] },
      missing: ['friction.points[0].owner', 'friction.points[0].mechanism'],
    },
  ])('is not assessed $name', ({ friction, missing }) => {
    const r = runRule(rule, { friction });
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBe(0);
    expect(r.missing).toEqual(missing);
  });

  it('asks, per friction point, for what is missing', () => {
    const r = runRule(rule, {
      friction: {
        points: [
          { area: 'credit', description: 'credit checks take 10 days', owner: 'none', mechanism: 'none' },
          { area: 'production', description: 'rush orders refused', owner: 'Plant manager', mechanism: 'none' },
          solved,
        ],
      },
    });
    expect(r.steps).toEqual(['nameFinanceOwner', 'setFinanceMechanism', 'setOperationsMechanism']);
    expect(r.checklist[0]!.action).toContain('credit checks take 10 days');
    expect(r.checklist[1]!.action).toContain('credit insurance');
    expect(r.checklist[2]!.action).toContain('rush orders refused');
    expect(r.checklist[2]!.evidence[0]!.path).toBe('friction.points[1].mechanism');
  });

  it('quotes a description without its full stop, the area in lower case', () => {
    const r = runRule(rule, { friction: { points: [{ area: 'pricing', description: 'Quotes wait a week for the CEO.', owner: 'none', mechanism: 'none' }] } });
    expect(r.findings.map((f) => f.message)).toEqual(['"Quotes wait a week for the CEO" (pricing approvals) has neither an owner nor an agreed way of being resolved.']);
    expect(r.checklist.map((c) => c.action)).toEqual([
      'Name one person in sales operations or Finance accountable for fixing "Quotes wait a week for the CEO" (pricing approvals).',
      'Agree how to resolve "Quotes wait a week for the CEO", for example with approval limits, a response deadline and an escalation path.',
    ]);
  });

  it('keeps its notes when no point can be scored', () => {
    const r = runRule(rule, { friction: { none_reported: true, points: [{ area: 'credit', description: 'credit holds' }] } });
    expect(r.status).toBe('not-assessed');
    expect(r.notes.map((n) => n.messageId)).toEqual(['contradicts', 'unknown']);
  });

  it.each(examples)('never scores higher with a fact of %s deleted', (_name, full) => {
    const base = runRule(rule, full).score ?? 0;
    for (const [path, less] of oneFactDeleted(full)) {
      expect(runRule(rule, less as Org).score ?? 0, `deleting ${path}`).toBeLessThanOrEqual(base);
    }
  });

  // The friction-credit fragment: a sales leader gives the credit hold to Finance, not Operations.
  it('fails an unowned credit hold and gives its fix to Finance', () => {
    const r = runRule(rule, {
      friction: { none_reported: false, points: [{ area: 'credit', description: 'Credit holds block repeat orders', owner: 'none', mechanism: 'none' }] },
    });
    expectOutcome(r, { status: 'fail', score: 0, messages: ['unresolved'], steps: ['nameFinanceOwner', 'setFinanceMechanism'] });
    expect(r.checklist.map((c) => [c.owner, c.effort])).toEqual([
      ['Finance', 'low'],
      ['Finance', 'medium'],
    ]);
    expect(r.checklist[0]!.action).toBe('Name one person in Finance accountable for fixing "Credit holds block repeat orders" (credit administration).');
    expect(r.checklist[1]!.action).toBe('Agree how to resolve "Credit holds block repeat orders", for example with a written credit policy or credit insurance.');
  });

  it.each([
    ['credit', 'Finance', 'nameFinanceOwner', 'setFinanceMechanism'],
    ['legal', 'Legal', 'nameLegalOwner', 'setLegalMechanism'],
    ['pricing', 'Sales operations with Finance', 'namePricingOwner', 'setPricingMechanism'],
    ['inventory', 'Operations', 'nameOperationsOwner', 'setOperationsMechanism'],
    ['production', 'Operations', 'nameOperationsOwner', 'setOperationsMechanism'],
    ['other', 'CEO', 'nameOwner', 'setMechanism'],
    [undefined, 'CEO', 'nameOwner', 'setMechanism'],
  ] as const)('gives the fix of a %s friction point to %s (%s, %s)', (area, owner, nameStep, mechanismStep) => {
    const r = runRule(rule, { friction: { points: [{ ...(area ? { area } : {}), description: 'a battle', owner: 'none', mechanism: 'none' }] } });
    expect(r.checklist.map((c) => c.owner)).toEqual([owner, owner]);
    expect(r.steps).toEqual([nameStep, mechanismStep]);
  });

  it('gives the fixes to whoever holds the role in a 12-person company run by its CEO', () => {
    const points = (['credit', 'pricing', 'inventory'] as const).map((area) => ({ area, description: `${area} battle`, owner: 'none', mechanism: 'none' }));
    const r = runRule(rule, { company: { employees: 12 }, leadership: { sales_managed_by: 'ceo' }, friction: { points } });
    expect(r.checklist.map((c) => c.owner)).toEqual(['CEO', 'CEO', 'CEO', 'CEO', 'Operations', 'Operations']);
  });
});
