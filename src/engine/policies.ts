// Role-level policies (`policies:` in the org file): what holds for everyone in
// a role ("weekly one-to-ones for all Account Executives"). The rules read a
// policy where a person's own fact is missing, or where no roster is given, and
// say so: a policy is evidence of intent, not of practice. Plain functions over
// the org, shared by the rules that read policies.
import type { Org, Policy } from '../model/schema';

/**
 * How much a stated policy earns against the same practice observed, per part
 * of a check: half. A written policy is real evidence (the manager has
 * committed to it and the team can hold them to it), but nobody has seen it
 * kept. Observed practice earns in full, and never less than the policy it
 * falls under (the policy's intent stands; the shortfall is a finding), so that
 * deleting either fact never raises a score.
 */
export const POLICY_WEIGHT = 0.5;

// "all reps", "all sellers", "all salespeople", "everyone", "all".
const ALL = /^(all|everyone|all (sales )?(reps|representatives|sellers|salespeople))$/i;

/** True when `applies_to` names every seller rather than one role. */
export const forAllReps = (appliesTo: string | undefined): boolean => appliesTo !== undefined && ALL.test(appliesTo.trim());

/** One stated policy, with its index in `policies` and the words that name who it covers. */
export interface PolicyRef {
  policy: Policy;
  /** Index in `org.policies`. */
  i: number;
  /** "all reps", "all Account Executives", or "an unnamed role" when `applies_to` is not given. */
  who: string;
}

const plural = (title: string) => (/s$/i.test(title) ? title : `${title}s`);
const whoOf = (p: Policy): string => (p.applies_to === undefined ? 'an unnamed role' : forAllReps(p.applies_to) ? 'all reps' : `all ${plural(p.applies_to.trim())}`);

/** Every stated policy, in file order. */
export const policyRefs = (org: Org): PolicyRef[] => (org.policies ?? []).map((policy, i) => ({ policy, i, who: whoOf(policy) }));

/**
 * The policies that may hold for a person with this job title, for a rule to
 * take the worst of: a policy for the title itself (case and spacing ignored)
 * overrides one for all reps; a policy whose role is not given may be for
 * anyone. `maybeNone` is true when the person may fall under no policy at all
 * (their title is unknown or matches none, and no policy is for all reps), so
 * that nothing is guaranteed. Making the title or a policy's role unknown only
 * adds candidates, never removes the worst.
 */
export function policiesFor(refs: readonly PolicyRef[], title: string | undefined): { refs: PolicyRef[]; maybeNone: boolean } {
  const t = title?.trim().toLowerCase();
  const unnamed = refs.filter((r) => r.policy.applies_to === undefined);
  const all = refs.filter((r) => forAllReps(r.policy.applies_to));
  const specific = refs.filter((r) => r.policy.applies_to !== undefined && !forAllReps(r.policy.applies_to));
  if (t !== undefined) {
    const own = specific.filter((r) => r.policy.applies_to!.trim().toLowerCase() === t);
    if (own.length) return { refs: [...own, ...unnamed], maybeNone: false };
    return { refs: [...all, ...unnamed], maybeNone: all.length === 0 };
  }
  return { refs: [...specific, ...all, ...unnamed], maybeNone: all.length === 0 };
}

/**
 * The least a part earns under the policies that may hold: the worst
 * candidate's value, scored by `score` (a missing value earns 0), or 0 when the
 * person may fall under none. Returns 0 when there is no candidate.
 */
export function worstOf(candidates: { refs: readonly PolicyRef[]; maybeNone: boolean }, score: (p: Policy) => number): number {
  if (candidates.maybeNone || !candidates.refs.length) return 0;
  return Math.min(...candidates.refs.map((r) => score(r.policy)));
}
