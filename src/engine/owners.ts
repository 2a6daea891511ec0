// Checklist owners follow the organisation: a step is never owned by a role the
// company does not have. Rules name the standard role ("Sales manager", "HR",
// "Finance", "Marketing", "Sales operations"); this maps it onto who exists,
// from the facts the org file states. Unknown facts keep the standard role.
import type { Org } from '../model/schema';
import { salesTeamFloor } from './define-rule';

/**
 * Under this many employees a company rarely has its own HR or sales
 * operations. House default, informed by the common rule of thumb that a first
 * dedicated HR hire comes at around 50 employees; no study sets the number.
 */
export const NO_HR_BELOW = 50;
/** Under this many employees finance is usually the CEO with an outside accountant (house default). */
export const NO_FINANCE_BELOW = 15;

const CEO_TITLE = /\b(ceo|chief executive)\b/i;
const FOUNDER_TITLE = /\b(co-?founder|founder)\b/i;

/**
 * Who the roster shows holding the CEO's and a founder's titles, worked out once per org (read per checklist step):
 * `both` one person with both, `ceo` a CEO who is not titled founder, `founder` a founder who is not titled CEO.
 */
const titlesOf = new WeakMap<Org, { both: boolean; ceo: boolean; founder: boolean }>();
function titles(org: Org): { both: boolean; ceo: boolean; founder: boolean } {
  let t = titlesOf.get(org);
  if (!t) {
    t = { both: false, ceo: false, founder: false };
    for (const p of org.people ?? []) {
      const title = `${p.title ?? ''} ${p.name ?? ''}`;
      const isCeo = CEO_TITLE.test(title);
      const isFounder = FOUNDER_TITLE.test(title);
      if (isCeo && isFounder) t.both = true;
      else if (isCeo) t.ceo = true;
      else if (isFounder) t.founder = true;
    }
    titlesOf.set(org, t);
  }
  return t;
}

/**
 * True when the founder who runs sales is the CEO as far as the roster shows: one person holds both titles, or it
 * lists a CEO and no other founder (a founder who runs sales is on the sales roster; the CEO is the one there).
 * Then the sales steps are the CEO's, and the steps of one subject keep one owner (the plan the CEO writes is the
 * plan the CEO completes).
 */
function founderIsCeo(org: Org): boolean {
  const t = titles(org);
  return t.both || (t.ceo && !t.founder);
}

/**
 * The owner of a step in this organisation. `owner` may name several roles
 * joined by " with " ("CEO with HR"); each is resolved, repeats removed.
 * Where a founder manages sales (`leadership.sales_managed_by: founder`), a
 * step the CEO shares with the sales manager ("CEO with Sales manager",
 * "Sales operations with Finance" in a very small firm) is read as a sales
 * leader would: one owner, "CEO", when the roster shows the founder is the CEO
 * (one person with both titles, "Founder & CEO", or a CEO and no other
 * founder: founderIsCeo), whose sales steps are then the CEO's too; "CEO with
 * Founder" only when it lists a CEO and a founder who are two people; else
 * "Founder/CEO", which names both roles without inventing a second person.
 */
export function resolveOwner(owner: string, org: Org): string {
  // A company holds its sales team: a headcount under it (a contradiction finding) is read as at least the team.
  const stated = org.company?.employees;
  const employees = stated === undefined ? undefined : Math.max(stated, salesTeamFloor(org).least);
  const managedBy = org.leadership?.sales_managed_by;
  const small = (below: number) => employees !== undefined && employees < below;
  const one = (role: string, joined = false): string => {
    switch (role) {
      case 'Sales manager':
        return managedBy === 'ceo' || managedBy === 'nobody' ? 'CEO' : managedBy === 'founder' ? (founderIsCeo(org) ? 'CEO' : 'Founder') : role;
      case 'Sales operations':
        return small(NO_HR_BELOW) ? one('Sales manager') : role;
      case 'HR':
        return small(NO_HR_BELOW) ? (joined ? 'an outside HR adviser' : 'Outside HR adviser') : role;
      case 'Finance':
        return small(NO_FINANCE_BELOW) ? 'CEO' : role;
      case 'Marketing':
        return org.marketing?.function === 'none' ? 'CEO' : role;
      default:
        return role;
    }
  };
  const parts = owner.split(' with ').map((r, i) => one(r.trim(), i > 0));
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  const ceo = unique.indexOf('CEO');
  const founder = unique.indexOf('Founder');
  // Not "CEO with Founder" unless the roster lists a CEO and a founder who are two people: often one person is both.
  if (ceo >= 0 && founder >= 0 && !(titles(org).ceo && titles(org).founder)) {
    unique.splice(Math.max(ceo, founder), 1);
    unique.splice(Math.min(ceo, founder), 1, 'Founder/CEO');
  }
  return unique.join(' with ');
}
