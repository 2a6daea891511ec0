import { describe, expect, it } from 'vitest';
import { allowHeapTuning, keepYoungGenerationSmall, LARGE_TEXT } from '../../src/load/heap';

describe('keepYoungGenerationSmall', () => {
  it('leaves the process alone unless the CLI allowed it (a library never sets V8 flags in its host)', () => {
    expect(keepYoungGenerationSmall(LARGE_TEXT * 4, '13.6.233.10')).toBe(false);
    allowHeapTuning();
  });

  it('leaves a small file, a V8 before 13 (Node 20 and 22) and a V8 after 13 (not measured, may not know the flag) as they are', () => {
    expect(keepYoungGenerationSmall(LARGE_TEXT * 4, '14.0.1')).toBe(false);
    expect(keepYoungGenerationSmall(LARGE_TEXT - 1, '13.6.233.10')).toBe(false);
    expect(keepYoungGenerationSmall(LARGE_TEXT * 4, '12.4.254.21-node.33')).toBe(false);
    expect(keepYoungGenerationSmall(LARGE_TEXT * 4, '11.3.244.8-node.38')).toBe(false);
  });

  it('sets the flag once per process for a large file on V8 13', () => {
    expect(keepYoungGenerationSmall(LARGE_TEXT, '13.6.233.10')).toBe(true);
    expect(keepYoungGenerationSmall(LARGE_TEXT * 2, '14.0.1')).toBe(false);
  });
});
