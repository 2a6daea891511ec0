import { describe, expect, it } from 'vitest';
import rule from '../../rules/internal-friction';
import { expectOutcome, runRule } from '../helpers/rule-harness';

const solved = { area: 'inventory' as const, description: 'stock promised to other accounts', owner: 'COO', mechanism: 'weekly allocation meeting' };

describe('internal-friction', () => {
  it.each([
    { name: 'passes (score 1) when the company reports no friction', friction: { none_reported: true }, status: 'pass', score: 1, messages: [], paths: [] },
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
      name: 'leaves a point whose owner is unknown out of the score, with a note',
      friction: { points: [{ area: 'credit' as const, owner: 'none', mechanism: 'none' }, { area: 'pricing' as const, description: 'discount approvals', mechanism: 'escalation to CFO' }] },
      status: 'fail',
      score: 0,
      messages: ['unresolved'],
      paths: ['friction.points[0].owner', 'friction.points[0].mechanism', 'friction.points[1].owner'],
    },
    {
      name: 'scores the listed points when they contradict "none reported", with a note',
      friction: { none_reported: true, points: [solved] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: ['friction.none_reported', 'friction.points'],
    },
  ])('$name', ({ friction, status, score, messages, paths }) => {
    const r = runRule(rule, { friction });
    expectOutcome(r, { status, score, messages, paths });
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
    expect(r.score).toBeNull();
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
    expect(r.steps).toEqual(['nameOwner', 'setMechanism', 'setMechanism']);
    expect(r.checklist[0]!.action).toContain('credit checks take 10 days');
    expect(r.checklist[1]!.action).toContain('credit insurance');
    expect(r.checklist[2]!.action).toContain('rush orders refused');
    expect(r.checklist[2]!.evidence[0]!.path).toBe('friction.points[1].mechanism');
  });

  it('quotes a description without its full stop, the area in lower case', () => {
    const r = runRule(rule, { friction: { points: [{ area: 'pricing', description: 'Quotes wait a week for the CEO.', owner: 'none', mechanism: 'none' }] } });
    expect(r.findings.map((f) => f.message)).toEqual(['"Quotes wait a week for the CEO" (pricing approvals) has neither an owner nor an agreed way of being resolved.']);
    expect(r.checklist.map((c) => c.action)).toEqual([
      'Name one person accountable for fixing "Quotes wait a week for the CEO" (pricing approvals).',
      'Agree how to resolve "Quotes wait a week for the CEO", for example with approval limits, a response deadline and an escalation path.',
    ]);
  });

  it('keeps its notes when no point can be scored', () => {
    const r = runRule(rule, { friction: { none_reported: true, points: [{ area: 'credit', description: 'credit holds' }] } });
    expect(r.status).toBe('not-assessed');
    expect(r.notes.map((n) => n.messageId)).toEqual(['contradicts', 'unknown']);
  });
});
