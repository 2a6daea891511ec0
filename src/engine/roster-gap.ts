// A partial roster: people that stated counts say exist but `people` does not
// list. Leaving a weak rep out of the roster must not read as good news, so
// every rule that judges reps one by one counts each such person as a rep
// whose facts are unknown (their check earns nothing and stays in the
// denominator). A partial roster is an incomplete file, not a contradiction:
// no contradiction finding. A roster longer than the counts is not reported
// either: a span of control is an estimate, and a VP would not call one more
// rep on the list a fault. Pure: no I/O.
import type { Org } from '../model/schema';

type Person = NonNullable<Org['people']>[number];
import { countOf, listNames, repsOf, thousands } from './define-rule';
import { oncePerAudit } from './per-audit';

/** "7 are listed", "1 rep is listed". */
const listed = (n: number, one = '', many = one) => `${thousands(n)}${n === 1 ? (one && ` ${one}`) + ' is' : (many && ` ${many}`) + ' are'} listed`;

/** The people stated counts imply beyond those the roster lists. */
export interface UnlistedPeople {
  /** How many people (each possibly a rep) the roster leaves out, at least 1. */
  count: number;
  /** The paths of the facts that imply them (e.g. `people[0].direct_reports`), for the finding's evidence. */
  by: string[];
  /** The two sides in words a client reads: "The Sales Director has 9 direct reports; 7 are listed". */
  words: string;
}

// A company-level leader's direct reports are the company's departments, not the sales team (the
// struggling-startup example's CEO has 14 of them beside 7 people in sales): their count implies no seller.
const COMPANY_LEADER = /\b(ceo|chief executive|founder|co-founder|cofounder|owner|president|managing director|general manager)\b/i;
// A title that says its holder leads people: a company leader's, or a sales manager's (a player-coach, a team lead);
// not a Key Account or Territory Manager's, who sells, nor a Lead Development Rep's.
const MANAGES =
  /\b(ceo|chief|founder|co-founder|cofounder|owner|president|director|head of|vp|vice president|supervisor|player-coach|team lead|team leader|(sales|team|regional|area|district|country|general) manager)\b/i;

/**
 * Where no listed person has direct reports: the index in `people` of the first
 * person known to sell whom the other facts show to manage (a title that names
 * a manager or a company leader, or a selling share under 100%), unless known
 * to manage nobody (`direct_reports: 0`); undefined when there is none, or when
 * a reporting line is given. The span of control is read without him.
 */
export function sellingManager(people: readonly Person[]): number | undefined {
  if (people.some((p) => (p.direct_reports ?? 0) > 0)) return undefined;
  const i = people.findIndex((p) => p.is_rep === true && p.direct_reports !== 0 && (MANAGES.test(p.title ?? '') || (p.selling_share_pct ?? 100) < 100));
  return i < 0 ? undefined : i;
}

/**
 * The people the roster leaves out, or undefined when it lists at least as
 * many as the stated counts imply (or there is no roster: an absent or empty
 * roster is unknown already). Which counts imply listed people, as a sales
 * leader reads them:
 * - a listed manager's `direct_reports` (anyone in `people` but a company
 *   leader): the people reporting to the sales managers are all in sales, so the
 *   roster holds at least their sum plus one person at the top;
 * - `leadership.reps_per_manager`, the widest span of control: that many reps
 *   under one first-line manager, the manager excluded. Where a listed person
 *   has direct reports (a reporting line is given), it is compared with the
 *   people listed besides that manager: a sales leader counts the coordinator
 *   or analyst a manager also leads (the mid-size and roster-team examples
 *   do). Where no reporting line is given, it is compared with the people
 *   known to sell (`is_rep: true`): a roster of reps alone lists the team, not
 *   its manager; nor a rep whose title names a manager or a company leader,
 *   or whose selling share is under 100% (a player-coach, a selling CEO), so
 *   that deleting a selling manager's `direct_reports` does not count him
 *   among his own reps (one at most: the span is one manager's). A selling
 *   manager with no such title or share is still counted (open: nothing left
 *   in the file says he manages);
 * - `plan.ramped_reps`: the plan counts on that many ramped sellers now (the
 *   whole number of them: a half is a seat to be filled), so at least that many
 *   people known to sell (`is_rep: true`) are listed.
 * The widest gap is the one reported; on a tie, the first in that order.
 */
export function unlistedPeople(org: Org): UnlistedPeople | undefined {
  // Once per audit (per-audit.ts): five rules and the checklist ask, each walking the roster again.
  return oncePerAudit(org, 'unlistedPeople', countUnlisted);
}

function countUnlisted(org: Org): UnlistedPeople | undefined {
  const people = org.people;
  if (people === undefined || people.length === 0) return undefined;
  const gaps: UnlistedPeople[] = [];
  const managers = [...people.entries()].filter(
    ([, p]) => (p.direct_reports ?? 0) > 0 && !(p.title !== undefined && COMPANY_LEADER.test(p.title)) && !(p.name !== undefined && COMPANY_LEADER.test(p.name)),
  );
  if (managers.length) {
    const reports = managers.reduce((n, [, p]) => n + p.direct_reports!, 0);
    const others = people.length - 1;
    const names = managers.map(([i, p]) => p.name ?? `people[${i}]`);
    const who = managers.length === 1 ? `${names[0]} has` : `${listNames(names)} have`;
    gaps.push({
      count: reports - others,
      by: managers.map(([i]) => `people[${i}].direct_reports`),
      words: `${who} ${countOf(reports, 'direct report')}${managers.length === 1 ? '' : ' between them'}; ${listed(others)}`,
    });
  }
  const span = org.leadership?.reps_per_manager;
  if (span !== undefined && span > 0) {
    // The manager is not one of his own span. The listed person with the most direct reports is the one the span is
    // read against (any listed leader's reports may be the sellers; a company leader's too: a selling CEO leads them).
    const lead = [...people.entries()].reduce<[number, number] | undefined>((best, [i, p]) => ((p.direct_reports ?? 0) > (best ? best[1] : 0) ? [i, p.direct_reports!] : best), undefined);
    const sellers = repsOf(people).filter((r) => r.certain);
    // Without a reporting line, a rep the other facts still show to manage (a title that names a manager or a
    // company leader, or a selling share under 100%: a player-coach, a selling CEO) is the span's manager, not one of
    // his own reps: deleting his `direct_reports` must not count him among them (s9 verd, item 3). One at most: the
    // span is one manager's.
    const coach = lead ? undefined : sellers.find((r) => r.i === sellingManager(people));
    const certain = sellers.length - (coach ? 1 : 0);
    const besides = lead ? (people[lead[0]]!.name ?? `people[${lead[0]}]`) : undefined;
    const under = besides ? people.length - 1 : certain;
    gaps.push({
      count: span - under,
      by: ['leadership.reps_per_manager'],
      words: `the span of control is ${countOf(span, 'rep')} per manager; ${
        besides ? `${countOf(under, 'person', 'people')} ${under === 1 ? 'is' : 'are'} listed besides ${besides}` : `${listed(under, 'rep', 'reps')}${coach ? ` besides ${coach.name}` : ''}`
      }`,
    });
  }
  const ramped = org.plan?.ramped_reps;
  if (ramped !== undefined && ramped >= 1) {
    // Certain reps only: deleting a non-seller's `is_rep: false` must not shrink the gap (they would then be one who may sell, whose check may not apply).
    const reps = repsOf(people).filter((r) => r.certain).length;
    gaps.push({ count: Math.floor(ramped) - reps, by: ['plan.ramped_reps'], words: `the sales plan counts on ${countOf(Math.floor(ramped), 'ramped rep')}; ${listed(reps, 'rep', 'reps')}` });
  }
  let best: UnlistedPeople | undefined;
  for (const g of gaps) if (g.count > 0 && (best === undefined || g.count > best.count)) best = g;
  if (!best) return undefined;
  return { ...best, words: best.words.charAt(0).toUpperCase() + best.words.slice(1) };
}
