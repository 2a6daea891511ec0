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

/** Who the roster shows holding the CEO's and a founder's titles, worked out once per org (read per checklist step). */
const titlesOf = new WeakMap<Org, { both: boolean; ceo: boolean }>();
function titles(org: Org): { both: boolean; ceo: boolean } {
  let t = titlesOf.get(org);
  if (!t) {
    t = { both: false, ceo: false };
    for (const p of org.people ?? []) {
      const title = `${p.title ?? ''} ${p.name ?? ''}`;
      if (!CEO_TITLE.test(title)) continue;
      if (FOUNDER_TITLE.test(title)) t.both = true;
      else t.ceo = true;
    }
    titlesOf.set(org, t);
  }
  return t;
}

/**
 * The owner of a step in this organisation. `owner` may name several roles
 * joined by " with " ("CEO with HR"); each is resolved, repeats removed.
 * Where a founder manages sales (`leadership.sales_managed_by: founder`), a
 * step the CEO shares with the sales manager ("CEO with Sales manager",
 * "Sales operations with Finance" in a very small firm) is read as a sales
 * leader would: one owner, "CEO", when the roster shows one person with both
 * titles ("Founder & CEO", whose sales steps are then the CEO's too); "CEO
 * with Founder" only when it lists a separate CEO; else "Founder/CEO", which
 * names both roles without inventing a second person.
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
        return managedBy === 'ceo' || managedBy === 'nobody' ? 'CEO' : managedBy === 'founder' ? (titles(org).both ? 'CEO' : 'Founder') : role;
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
  // Not "CEO with Founder" unless the roster lists a CEO who is not a founder: often one person is both.
  if (ceo >= 0 && founder >= 0 && !titles(org).ceo) {
    unique.splice(Math.max(ceo, founder), 1);
    unique.splice(Math.min(ceo, founder), 1, 'Founder/CEO');
  }
  return unique.join(' with ');
}
