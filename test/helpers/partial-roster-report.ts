// The bundled mid-size example with two reps left off its roster, audited: the checklist's partial-roster item
// ("List the 2 people the roster leaves out …") moves the five rules that judge reps one by one.
import { rules } from '../../rules/index';
import { runAudit } from '../../src/engine/run';
import type { AuditReport } from '../../src/engine/types';
import { example } from './monotone';

/** The partial roster's find-out item, as the checklist words it. */
export const PARTIAL_ROSTER_ACTION = 'List the 2 people the roster leaves out (Sales Director has 9 direct reports; 7 are listed).';
/** The rules that wait on the roster, in the catalogue's order: the item's `ruleIds`. */
export const ROSTER_RULES = ['role-title-fit', 'metrics-accountability', 'individual-coaching', 'manage-not-pay-cut', 'selling-time'];

/** mid-size-gaps with AE 3 and AE 4 left off the roster (the Sales Director still has 9 direct reports), audited on 2026-11-30. */
export async function partialRosterReport(): Promise<AuditReport> {
  const org = structuredClone(await example('mid-size-gaps'));
  org.people = org.people!.filter((p) => p.name !== 'AE 3' && p.name !== 'AE 4');
  return runAudit({ org, date: '2026-11-30', rules, file: 'org.yaml', toolVersion: '0.0.0-test' });
}
