// The question table the engine reads (src/model/questions.generated.ts, written
// by the build from the schema) against the schema itself: every fact the schema
// asks a question for is in it, with that question, and nothing else is.
import { describe, expect, it } from 'vitest';
import { keysAt, kindOf, metaOf, schemaAt } from '../../src/model/introspect';
import { FACT_QUESTIONS } from '../../src/model/questions.generated';

/** Every fact path of the schema (list items as `[]`) with the question its meta has. */
function schemaQuestions(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (segs: (string | number)[], shown: string) => {
    for (const k of keysAt(segs)) {
      const s = schemaAt([...segs, k])!;
      const p = shown ? `${shown}.${k}` : k;
      if (metaOf(s).question) out[p] = metaOf(s).question!;
      if (kindOf(s) === 'object' || kindOf(s) === 'record') walk([...segs, k], p);
      if (kindOf(s) === 'array') {
        const el = schemaAt([...segs, k, 0])!;
        if (metaOf(el).question) out[`${p}[]`] = metaOf(el).question!;
        if (kindOf(el) === 'object') walk([...segs, k, 0], `${p}[]`);
      }
    }
  };
  walk([], '');
  return out;
}

describe('the generated question table', () => {
  it('holds exactly the questions of the schema, in code-unit order', () => {
    const expected = schemaQuestions();
    expect(Object.keys(expected).length).toBeGreaterThan(100);
    expect(FACT_QUESTIONS).toEqual(expected);
    const keys = Object.keys(FACT_QUESTIONS);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('gives the same question as the schema for a concrete path', () => {
    for (const p of ['people[3].attainment', 'roles[0].hiring_authority', 'process.stages[1].exit_criteria', 'company.name'])
      expect(FACT_QUESTIONS[p.replace(/\[\d+\]/g, '[]')], p).toBe(metaOf(schemaAt(p)).question);
  });
});
