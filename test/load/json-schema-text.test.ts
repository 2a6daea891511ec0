// The org file's JSON Schema as editors show it on hover: question and help
// read as separate sentences, never run together ("Name or label A role label").
import { describe, expect, it } from 'vitest';
import { orgJsonSchema } from '../../src/model/json-schema';

function descriptions(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const x of node) descriptions(x, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'description' && typeof v === 'string') out.push(v);
      else descriptions(v, out);
    }
  }
  return out;
}

describe('JSON Schema hover texts', () => {
  const all = descriptions(orgJsonSchema());

  it('has descriptions to check', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all).toContain('Name or label. A role label such as "AE 1" is enough: the report works without personal data.');
  });

  it('never runs a question into its help: a lowercase word followed by a capitalised sentence', () => {
    // "label A role" is the fault; an acronym or a name after a word is fine ("the CRM", "AE 1").
    const runTogether = all.filter((d) => /[a-z] (A|The|Used|Only|Write|Answer|Relative|Decides|Count|Include|Leave|If|One|Say|E\.g\.) [a-z]/.test(d));
    expect(runTogether).toEqual([]);
  });
});
