import { describe, expect, it } from 'vitest';
import { oncePerAudit, thisAudit, withAuditMemo } from '../../src/engine/per-audit';
import { repsOf, salesTeamFloor } from '../../src/engine/define-rule';
import { unlistedPeople } from '../../src/engine/roster-gap';
import type { Org } from '../../src/model/schema';

describe('per-audit memo', () => {
  it('works a fact out once per key within an audit, and afresh outside one', () => {
    const key = {};
    let calls = 0;
    const count = () => ++calls;
    expect(oncePerAudit(key, 'n', count)).toBe(1);
    expect(oncePerAudit(key, 'n', count)).toBe(2);
    withAuditMemo(() => {
      expect(oncePerAudit(key, 'n', count)).toBe(3);
      expect(oncePerAudit(key, 'n', count)).toBe(3);
      // Another fact name, or another key, is its own entry.
      expect(oncePerAudit(key, 'm', count)).toBe(4);
      expect(oncePerAudit({}, 'n', count)).toBe(5);
      // An audit inside another has its own memo, and the outer one's is back after it.
      withAuditMemo(() => expect(oncePerAudit(key, 'n', count)).toBe(6));
      expect(oncePerAudit(key, 'n', count)).toBe(3);
    });
    expect(oncePerAudit(key, 'n', count)).toBe(7);
  });

  it('shares the reps of one roster within an audit, frozen, and sees a change between audits', () => {
    const people = [{ name: 'A', is_rep: true }, { name: 'B', is_rep: false }, { name: 'C' }];
    expect(repsOf(people)).not.toBe(repsOf(people));
    const first = withAuditMemo(() => {
      const reps = repsOf(people);
      expect(repsOf(people)).toBe(reps);
      expect(Object.isFrozen(reps) && Object.isFrozen(reps[0])).toBe(true);
      // A caller that would change the shared list throws rather than change another rule's input.
      expect(() => (reps as unknown[]).push({})).toThrow(TypeError);
      return reps.map((r) => r.name);
    });
    expect(first).toEqual(['A', 'C']);
    people[1]!.is_rep = true;
    expect(withAuditMemo(() => repsOf(people).map((r) => r.name))).toEqual(['A', 'B', 'C']);
  });

  it('works the unlisted people out once per audit', () => {
    const org = {
      people: [
        { name: 'Lead', direct_reports: 3 },
        { name: 'R1', is_rep: true },
      ],
    } as Org;
    withAuditMemo(() => {
      const gap = unlistedPeople(org);
      expect(gap?.count).toBe(2);
      expect(unlistedPeople(org)).toBe(gap);
    });
    expect(unlistedPeople(org)).not.toBe(unlistedPeople(org));
  });

  it("re-enters an audit's memo after it has returned (a report part worked out when first read)", () => {
    const org = { people: [{}, {}], roles: [{ open: false }] };
    const [again, floor] = withAuditMemo(() => [thisAudit(), salesTeamFloor(org)] as const);
    expect(floor.least).toBe(2);
    expect(again(() => salesTeamFloor(org))).toBe(floor);
    // Outside it, afresh (the org may have changed since).
    expect(salesTeamFloor(org)).not.toBe(floor);
    expect(salesTeamFloor(org)).toEqual(floor);
  });
});
