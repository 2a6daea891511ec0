// The bundled examples' headline figures as pinned in test/snapshots/headlines.json
// (written and checked by test/snapshots/headlines.test.ts; `npm run update-snapshots`).
import { readFileSync } from 'node:fs';

export const EXAMPLES = ['struggling-startup', 'mid-size-gaps', 'healthy-org'] as const;
/** The audit date the figures are taken at (the e2e tests' DATE). */
export const SNAPSHOT_DATE = '2026-11-27';

export interface Headline {
  score: number;
  upTo: number;
  grade: string;
  coverage: number;
  fatal: number;
  gradeStatus: string;
}

export const HEADLINES = JSON.parse(readFileSync(new URL('../snapshots/headlines.json', import.meta.url), 'utf8')) as Record<(typeof EXAMPLES)[number], Headline>;
