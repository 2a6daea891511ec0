// The JSON report: the AuditReport as it is (schemaVersion 1), keys in a fixed
// order because the engine builds them in one.
import type { AuditReport } from '../engine/types';

export function renderJson(r: AuditReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
