// Which section of the interview asks a plugin rule's custom facts: the one of
// the first built-in fact the rule reads (a forecast question beside the
// forecast accuracy), else the one its category belongs to.
import type { Category, RuleDefinition } from '../engine/types';
import type { CustomFacts } from '../model/introspect';
import { parsePath } from '../model/paths';
import type { Section } from '../model/schema';
import { sectionOf } from './plan';

const BY_CATEGORY: Readonly<Record<Category, Section>> = {
  leadership: 'leadership',
  strategy: 'plan',
  process: 'process',
  people: 'people',
  enablement: 'tools',
  compensation: 'compensation',
};

/**
 * The custom facts of the rules that declare any (`facts`), each with the section it is asked in.
 * @param rules - the rules of a run (built-in ones declare none).
 */
export function customFactsOf(rules: readonly RuleDefinition[]): CustomFacts[] {
  return rules
    .filter((r) => r.facts)
    .map((r) => {
      const read = r.reads.map((p) => parsePath(p)).find((segs) => segs[0] !== 'custom' && sectionOf(segs));
      return { id: r.id, facts: r.facts!, section: read ? sectionOf(read)! : BY_CATEGORY[r.category] };
    });
}
