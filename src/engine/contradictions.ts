// Empty lists that cannot be taken at their word. Taken as a known absence,
// `people: []` would make the rules that judge reps "not applicable" and raise
// the verdict over the full roster, or over no roster at all; a person's
// `attainment: []` would take a rep out of team attainment; `friction.points:
// []` would take internal friction out of the count. So such a list counts as
// unknown (its members earn nothing, as if it were left out) wherever a fact
// says or may say it has members: a roster always (a sales organisation is
// its people: an empty one is never a reason for a rule not to apply), a
// person's attainment unless their start date is under a year ago, friction
// points unless the company states there is no friction. Where a fact the
// file states says the list has members (a span of 9 reps per manager, a rep
// who started in 2019, friction reported), the file contradicts itself, and
// the engine reports it as a finding that names both facts. A roster of
// non-sellers only beside such facts is reported too; individual-coaching and
// selling-time earn nothing on it (with or without such facts), while
// manage-not-pay-cut finds nobody underperforming there: counting that one
// unknown would let deleting a non-seller's `is_rep` raise the verdict (a
// performing person who may sell leaves it "not applicable"; a generated org
// found it). The reps' `admin.non_sales_tasks: []` counts as unknown always:
// every week has work besides selling, and a team with none a support role
// could take lists its tasks with `offloadable: false` (an empty list scored
// above the real one). Where the reps' stated selling time is at or under the
// selling-time rule's target, the file contradicts itself (what fills the
// rest of the week?) and that is a finding too. Pure: no I/O.
import type { Org } from '../model/schema';
import { isCalendarDate } from './calendar';
import { countOf, listNames, monthsBetween, partTimeOf, repsOf } from './define-rule';

/** A list stated empty while other facts say it has members. */
export interface Contradiction {
  /** The doubtful fact's path: an empty list (`people`, `people[3].attainment`, `friction.points`, `admin.non_sales_tasks`), which counts as unknown, or `company.employees`. */
  list: string;
  /** The facts that say the list has members, in the order the file's sections come. */
  by: string[];
  /** The finding's sentence, in words a client reads: both sides, and what the audit does with the list. */
  message: string;
  /** The fix, in words a client reads. */
  action: string;
  /** The rules that judge the list's members, in the order to ask which one reports the contradiction. */
  owners: readonly string[];
}

/**
 * Months of employment after which a rep has quarters of quota attainment to
 * show: a year (four quarters, whatever the ramp). An `attainment: []` of a
 * rep who started longer ago than this is a contradiction, not a new hire.
 */
export const ATTAINMENT_EXPECTED_AFTER_MONTHS = 12;

/** What the facts of a file are judged against (the rules' settings, as the audit resolved them). */
export interface ContradictionLimits {
  /**
   * The selling time (%) above which reps pass (the selling-time rule's
   * `passAbove`): a stated selling time at or under it beside
   * `admin.non_sales_tasks: []` is a contradiction. Undefined (the rule is
   * not run): no such finding.
   */
  sellingTarget?: number;
}

const PEOPLE_OWNERS = ['individual-coaching', 'manage-not-pay-cut', 'selling-time', 'metrics-accountability', 'continuous-recruiting', 'role-title-fit'] as const;

/**
 * Every empty list of `org` that another fact states has members, as of
 * `date` (YYYY-MM-DD): each is a finding. Returns [] for a file that does not
 * contradict itself.
 */
export function findContradictions(org: Org, date: string, limits: ContradictionLimits = {}): Contradiction[] {
  const out: Contradiction[] = [];
  const people = org.people;
  // A roster of people none of whom sells (a director and a coordinator) says the same as an empty one about the reps.
  const noRep = people !== undefined && people.length > 0 && people.every((p) => p.is_rep === false);
  if (people !== undefined && (people.length === 0 || noRep)) {
    const why: { paths: string[]; words: string }[] = [];
    const span = org.leadership?.reps_per_manager;
    if (span !== undefined && span > 0) why.push({ paths: ['leadership.reps_per_manager'], words: `the span of control is ${countOf(span, 'rep')} per manager` });
    // A filled role has somebody in it: an empty roster beside it cannot be the whole team. The filled roles are one
    // fact in the sentence (the roles "Sales Director" and "Key Account Manager" are filled), each its own evidence.
    // Beside listed non-sellers, only a filled role that carries a quota says there is a rep they do not show.
    const filled = [...(org.roles ?? []).entries()].filter(([, r]) => r.open === false && (!noRep || r.carries_quota === true));
    if (filled.length) {
      const names = filled.map(([i, r]) => (r.title ? `"${r.title}"` : `untitled role ${i + 1}`));
      const words = filled.length === 1 ? (filled[0]![1].title ? `the ${names[0]} role is filled` : `${names[0]} is filled`) : `the roles ${listNames(names, { ordered: true })} are filled`;
      why.push({ paths: filled.map(([i]) => `roles[${i}].open`), words });
    }
    const ramped = org.plan?.ramped_reps;
    if (ramped !== undefined && ramped > 0) why.push({ paths: ['plan.ramped_reps'], words: `the sales plan counts on ${countOf(ramped, 'ramped rep')}` });
    const selling = org.admin?.selling_time_pct;
    if (selling !== undefined) why.push({ paths: ['admin.selling_time_pct'], words: `the reps are said to spend ${selling}% of their time selling` });
    const tasks = org.admin?.non_sales_tasks;
    if (tasks !== undefined && tasks.length > 0) why.push({ paths: ['admin.non_sales_tasks'], words: `the reps are said to spend time on ${countOf(tasks.length, 'non-sales task')}` });
    if (why.length)
      out.push({
        list: 'people',
        by: why.flatMap((w) => w.paths),
        message: `${noRep ? 'The roster lists no one who sells' : 'The roster lists no one'}, yet ${listNames(
          why.map((w) => w.words),
          { ordered: true },
        )}. ${
          noRep
            ? "These facts disagree: the reps' coaching and selling time earn nothing until the reps are listed."
            : 'These facts disagree, so who is on the sales team counts as unknown: the rules that judge the reps earn nothing on them until the reps are listed.'
        }`,
        action: noRep ? 'List the reps on the sales team (or correct the facts that say there are reps).' : 'List the people on the sales team (or correct the facts that say there are reps).',
        owners: PEOPLE_OWNERS,
      });
  }
  for (const [i, p] of (people ?? []).entries()) {
    if (p.is_rep === false || p.attainment === undefined || p.attainment.length > 0) continue;
    const start = p.start_date;
    if (start === undefined || !isCalendarDate(start) || start > date || monthsBetween(start, date) < ATTAINMENT_EXPECTED_AFTER_MONTHS) continue;
    const name = p.name ?? `people[${i}]`;
    out.push({
      list: `people[${i}].attainment`,
      by: [`people[${i}].start_date`],
      message: `No quarter of quota attainment is recorded for ${name}, yet ${name} started on ${start}, more than a year before the audit. These facts disagree, so their attainment counts as unknown: it earns nothing until the quarters are filled in.`,
      action: `Fill in the quota attainment of ${name}, quarter by quarter (or correct the start date).`,
      owners: ['metrics-accountability', 'manage-not-pay-cut'],
    });
  }
  // Every person listed holds a role: an empty list of roles beside them cannot be the org's roles.
  if (org.roles !== undefined && org.roles.length === 0 && people !== undefined && people.length > 0)
    out.push({
      list: 'roles',
      by: ['people'],
      message: `The list of roles is empty, yet ${countOf(people.length, 'person', 'people')} ${people.length === 1 ? 'is' : 'are'} listed, each in a job. These facts disagree, so the roles count as unknown: they earn nothing until they are listed.`,
      action: 'List the roles of the sales organisation, filled and open (or leave the list out).',
      owners: ['role-title-fit'],
    });
  const friction = org.friction;
  if (friction?.points !== undefined && friction.points.length === 0 && friction.none_reported === false)
    out.push({
      list: 'friction.points',
      by: ['friction.none_reported'],
      message:
        'The company reports friction between the reps and other departments, yet no friction point is listed. These facts disagree, so the friction points count as unknown: they earn nothing until they are listed.',
      action: 'List the internal friction points the reps face (or record that there are none).',
      owners: ['internal-friction'],
    });
  const tasks = nonSalesTasksContradiction(org, limits.sellingTarget);
  if (tasks) out.push(tasks);
  const headcount = headcountContradiction(org);
  if (headcount) out.push(headcount);
  return out;
}

/**
 * `company.employees` under what the file says the sales team alone holds:
 * the people listed, the filled roles (each at least one person), a manager's
 * span of control (with the manager). A sales team cannot be larger than the
 * company. The plan's ramped reps are not counted: a plan counts the hires it
 * expects (the healthy example's 4.5 counts an open seat for half the year).
 * Nothing counts as unknown for it: whatever the roster did to the headcount,
 * deleting the roster would undo (40 listed reps beside a headcount of 12
 * scored 2, and 5 with the roster deleted). Instead the rule that credits a
 * small company (comp-balances-client-value) reads the company as at least its
 * sales team, and gives the credit only on a headcount the whole sales team,
 * stated in full, fits in (salesTeamFloor in define-rule.ts), so neither the
 * contradiction nor deleting the roster earns it. The other direction (a
 * company far larger than its sales team) is normal: not reported.
 */
function headcountContradiction(org: Org): Contradiction | undefined {
  const employees = org.company?.employees;
  if (employees === undefined) return undefined;
  const why: { paths: string[]; words: string }[] = [];
  const span = org.leadership?.reps_per_manager;
  if (span !== undefined && span + 1 > employees) why.push({ paths: ['leadership.reps_per_manager'], words: `one manager leads ${countOf(span, 'rep')}` });
  const filled = [...(org.roles ?? []).entries()].filter(([, r]) => r.open === false);
  if (filled.length > employees) why.push({ paths: filled.map(([i]) => `roles[${i}].open`), words: `${countOf(filled.length, 'sales role')} are filled` });
  const people = org.people?.length ?? 0;
  if (people > employees) why.push({ paths: ['people'], words: `${countOf(people, 'person', 'people')} are listed in sales` });
  if (!why.length) return undefined;
  return {
    list: 'company.employees',
    by: why.flatMap((w) => w.paths),
    message: `The company is said to have ${countOf(employees, 'employee')}, yet ${listNames(
      why.map((w) => w.words),
      { ordered: true },
    )}: more than the whole company. These facts disagree, so the company's size is in doubt: the audit reads the company as at least as large as its sales team, and a small company's credit for one simple commission plan waits until the headcount is corrected.`,
    action: "Correct the company's headcount (or the facts about the sales team that exceed it).",
    owners: ['comp-balances-client-value', ...PEOPLE_OWNERS],
  };
}

/**
 * `admin.non_sales_tasks: []` beside a stated selling time at or under
 * `target` (%): the team-wide figure, or a full-time rep's own (a part-time
 * seller's other job is not a non-sales task), each named. No support staff
 * (`admin.support_staff: 0`) is named beside them: nobody else does the reps'
 * admin. Undefined when the list is not stated empty or nothing disagrees.
 */
function nonSalesTasksContradiction(org: Org, target: number | undefined): Contradiction | undefined {
  const admin = org.admin;
  if (target === undefined || admin?.non_sales_tasks === undefined || admin.non_sales_tasks.length > 0) return undefined;
  const why: { paths: string[]; words: string }[] = [];
  const low = repsOf(org.people).filter((r) => r.certain && partTimeOf(r) === undefined && r.p.selling_time_pct !== undefined && r.p.selling_time_pct <= target);
  if (low.length) {
    const pcts = low.map((r) => r.p.selling_time_pct!);
    const lo = Math.min(...pcts);
    const hi = Math.max(...pcts);
    const range = lo === hi ? `${lo}%` : `${lo}% to ${hi}%`;
    const words =
      low.length === 1
        ? `${low[0]!.name} spends ${range} of the time selling`
        : `${listNames(
            low.map((r) => r.name),
            { ordered: true },
          )} spend ${range} of their time selling`;
    why.push({ paths: low.map((r) => `people[${r.i}].selling_time_pct`), words });
  }
  // The roster comes before the admin section in a file (init's templates, the examples): the facts in that order.
  const team = admin.selling_time_pct;
  if (team !== undefined && team <= target) why.push({ paths: ['admin.selling_time_pct'], words: `the team spends ${team}% of its time selling` });
  if (!why.length) return undefined;
  if (admin.support_staff === 0) why.push({ paths: ['admin.support_staff'], words: 'nobody supports the reps' });
  return {
    list: 'admin.non_sales_tasks',
    by: why.flatMap((w) => w.paths),
    message: `The reps are said to have no non-sales tasks, yet ${listNames(
      why.map((w) => w.words),
      { ordered: true },
    )} (${target}% or less): something fills the rest of the week. These facts disagree, so the non-sales tasks count as unknown: the check on them earns nothing until they are listed.`,
    action: "List the tasks that fill the reps' week besides selling, with the hours each takes and whether a support role could do it (or correct the selling time).",
    owners: ['selling-time'],
  };
}

/**
 * The empty lists of `org` that count as unknown, as of `date` (YYYY-MM-DD):
 * `people: []`; `roles: []`; a person's `attainment: []` unless their start date is a
 * calendar date on or before `date` and under ATTAINMENT_EXPECTED_AFTER_MONTHS
 * before it (a new hire with no quarter yet); `friction.points: []` unless
 * `friction.none_reported` is true; `admin.non_sales_tasks: []` (a week
 * always holds work besides selling: a team with none a support role could
 * take lists it as not offloadable). Every contradicted list is among them.
 */
export function unknownEmptyLists(org: Org, date: string): string[] {
  const out: string[] = [];
  if (org.people !== undefined && org.people.length === 0) out.push('people');
  // A sales organisation has jobs: an empty list of roles says nothing of them (it scored above the real roles).
  if (org.roles !== undefined && org.roles.length === 0) out.push('roles');
  for (const [i, p] of (org.people ?? []).entries()) {
    if (p.attainment === undefined || p.attainment.length > 0) continue;
    const start = p.start_date;
    const newHire = start !== undefined && isCalendarDate(start) && start <= date && monthsBetween(start, date) < ATTAINMENT_EXPECTED_AFTER_MONTHS;
    if (!newHire) out.push(`people[${i}].attainment`);
  }
  const friction = org.friction;
  if (friction?.points !== undefined && friction.points.length === 0 && friction.none_reported !== true) out.push('friction.points');
  if (org.admin?.non_sales_tasks !== undefined && org.admin.non_sales_tasks.length === 0) out.push('admin.non_sales_tasks');
  return out;
}

/** A copy of `org` with each list of `paths` (from unknownEmptyLists) left out; `org` itself when there is none. */
export function withoutLists(org: Org, paths: readonly string[]): Org {
  if (!paths.length) return org;
  const copy = structuredClone(org);
  for (const path of paths) {
    if (path === 'people') delete copy.people;
    else if (path === 'friction.points') delete copy.friction!.points;
    else if (path === 'roles') delete copy.roles;
    else if (path === 'admin.non_sales_tasks') delete copy.admin!.non_sales_tasks;
    else delete copy.people![Number(/^people\[(\d+)\]/.exec(path)![1])]!.attainment;
  }
  return copy;
}

/**
 * What a contradiction finding is, for `sales-audit explain contradiction` and
 * SARIF's rule metadata: the id the lint listings show for such a finding
 * (its score stays with the rule that judges the fact, the finding's ruleId).
 */
export const CONTRADICTION_DOCS = {
  id: 'contradiction',
  title: 'The facts of the org file agree with each other',
  description:
    "A contradiction finding names facts of the org file that cannot all be true: an empty roster beside a span of control of 9 reps, no quarter of quota attainment for a rep who started years ago, no non-sales tasks beside reps who sell 40% of their time, a company headcount smaller than its sales team. It is scored under the rule that judges the doubtful fact (the finding's ruleId in the JSON report), at that rule's severity, and lint listings show it as `contradiction`.",
  whyUnknown:
    'The audit cannot tell which of the facts is wrong, so it does not score the doubtful one when that is an empty list: the list counts as unknown, and every check that depends on it earns nothing, as if it had been left out, while the facts that disagree with it keep their word. So emptying a list never scores better than the honest answer. A headcount smaller than the sales team is not made unknown (deleting the roster would then raise the score, and leaving a fact out never helps): the company is read as at least as large as its sales team, and the credit for a small company waits until the headcount is corrected, as it does while any roster fact is left out.',
  resolve:
    "Ask whoever knows which fact is wrong, then fill in the list (the reps, a rep's quarters of quota attainment, the reps' non-sales tasks with their hours) or correct the facts that disagree with it. The checklist's item for the contradiction says which, and is worth the points the doubtful fact holds in play. Run the audit again: the finding goes, and the checks are scored on what the file says.",
} as const;
