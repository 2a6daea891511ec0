// `explain` finds a rule by the words of its id or title, not only by spelling.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { rulesByWords } from '../../src/cli/commands/explain';

describe('rulesByWords', () => {
  it('finds a rule from a word of its id or title', () => {
    expect(rulesByWords('coaching', rules)).toEqual(['individual-coaching']);
    expect(rulesByWords('pay cut', rules)).toEqual(['manage-not-pay-cut']);
    expect(rulesByWords('marketing', rules)).toContain('sales-vs-marketing');
  });

  it('finds nothing for a word in no rule, or for words too short to mean anything', () => {
    expect(rulesByWords('zebra', rules)).toEqual([]);
    expect(rulesByWords('a', rules)).toEqual([]);
  });
});
