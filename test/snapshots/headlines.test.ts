// The bundled examples' headline figures, in ONE file (headlines.json) that
// every test pinning them reads (test/helpers/headlines.ts). A change here is
// a change to the product's verdicts: deliberate, and seen in review. After a
// deliberate change (a new rule moves every denominator), update the file with
//   npm run update-snapshots
// and say why in the commit.
import { describe, expect, it } from 'vitest';
import { audit, loadOrg } from '../../src/api';
import { EXAMPLES, SNAPSHOT_DATE } from '../helpers/headlines';

describe('headline figures of the bundled examples', () => {
  it('match test/snapshots/headlines.json', async () => {
    const out: Record<string, unknown> = {};
    for (const name of EXAMPLES) {
      const { score, upTo, grade, coverage, fatal, gradeStatus } = audit(await loadOrg(`templates/examples/${name}.yaml`), { date: SNAPSHOT_DATE }).summary;
      out[name] = { score, upTo, grade, coverage, fatal, gradeStatus };
    }
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot('./headlines.json');
  });
});
