// Which section of the interview asks a plugin rule's custom facts: the one of
// the first built-in fact the rule reads (a forecast question beside the
// forecast accuracy), else the one its category belongs to (customFactSection,
// which also gives the respondent groups that answer them by default).
import type { RuleDefinition } from '../engine/types';
import type { CustomFacts } from '../model/introspect';
import { customFactSection } from '../model/respondents';

/**
 * The custom facts of the rules that declare any (`facts`), each with the section it is asked in.
 * @param rules - the rules of a run (built-in ones declare none).
 */
export function customFactsOf(rules: readonly RuleDefinition[]): CustomFacts[] {
  return rules.filter((r) => r.facts).map((r) => ({ id: r.id, facts: r.facts!, section: customFactSection(r) }));
}
