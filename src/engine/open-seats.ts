// Open territories and open selling roles are two records of one thing: a
// seat nobody covers. An open role for a seller is a territory to cover (a
// sales leader counts the open "Account Executive, Nordics" as the Nordics
// territory open), and an open territory is a role to fill. Deleting either
// record must not hide the seat, so each side reads the other: the
// recruiting rule judges the open roles no territory names as open seats, and
// the role rule counts a territory no open role covers as a role whose facts
// are unknown. Pure: no I/O.
import type { Org } from '../model/schema';

// Words that say what kind of opening it is, not which one ("Inside sales seat" is the inside-sales role).
const GENERIC = new Set(['seat', 'seats', 'territory', 'region', 'the', 'open', 'new', 'a', 'an', 'of']);
const wordsOf = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !GENERIC.has(w));

/** An open role of someone who sells (a quota not known to be absent), by its index in `roles`. */
export interface OpenSellerRole {
  i: number;
  title: string | undefined;
  opened_on: string | undefined;
}

/** The roles open for a seller: `open: true`, or an opening date with `open` not stated; `carries_quota: false` is not a seller's. */
export function openSellerRoles(org: Org): OpenSellerRole[] {
  return [...(org.roles ?? []).entries()]
    .filter(([, r]) => (r.open ?? (r.opened_on !== undefined ? true : undefined)) === true && r.carries_quota !== false)
    .map(([i, r]) => ({ i, title: r.title, opened_on: r.opened_on }));
}

/**
 * True when the territory and the open role are one seat: every word of the
 * territory's name (past "seat", "territory" and the like) is in the role's
 * title ("Nordics" and "Account Executive, Nordics"), or both opened on the
 * same date ("East Coast AE seat" and "Account Executive", both 2026-06-15).
 */
export function sameSeat(territory: { name?: string; opened_on?: string }, role: OpenSellerRole): boolean {
  if (territory.opened_on !== undefined && territory.opened_on === role.opened_on) return true;
  if (territory.name === undefined || role.title === undefined) return false;
  const t = wordsOf(territory.name);
  const title = new Set(wordsOf(role.title));
  return t.length > 0 && t.every((w) => title.has(w));
}

/** The open seller roles no listed open territory is (all of them when no territory is listed or the list is left out). */
export function rolesWithoutTerritory(org: Org): OpenSellerRole[] {
  const territories = org.recruiting?.open_territories ?? [];
  return openSellerRoles(org).filter((role) => !territories.some((t) => sameSeat(t, role)));
}

/** The indexes in `recruiting.open_territories` of the territories no open seller role is (all of them when `roles` is left out: the roles are unknown then anyway). */
export function territoriesWithoutRole(org: Org): number[] {
  if (org.roles === undefined) return [];
  const roles = openSellerRoles(org);
  return [...(org.recruiting?.open_territories ?? []).entries()].filter(([, t]) => !roles.some((role) => sameSeat(t, role))).map(([i]) => i);
}
