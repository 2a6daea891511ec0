// diff end to end with the built binary: findings that leave because the roster
// became unknown are "no longer assessed", not resolved, and coming back they
// are "newly assessed", which --fail-on-regression does not count as new.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli, DATE, ROOT } from './run';

const EXAMPLE = `${ROOT}templates/examples/mid-size-gaps.yaml`;

function noRoster(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-diff-'));
  const doc = parseDocument(readFileSync(EXAMPLE, 'utf8'));
  doc.set('people', doc.createNode([]));
  const file = join(dir, 'no-roster.yaml');
  writeFileSync(file, doc.toString());
  return file;
}

describe('diff: no longer assessed and newly assessed', () => {
  it('roster emptied: text and JSON say no longer assessed, nothing resolved', () => {
    const after = noRoster();
    const text = cli(['diff', EXAMPLE, after, '--date', DATE]);
    expect(text.code).toBe(0);
    const json = JSON.parse(cli(['diff', EXAMPLE, after, '--date', DATE, '--format', 'json']).stdout);
    const n = json.findings.noLongerAssessed.length;
    expect(n).toBeGreaterThan(5);
    expect(json.findings.resolved).toEqual([]);
    expect(text.stdout).toContain(
      `Findings: 0 resolved, ${json.findings.new.length} new, ${json.findings.worse.length ? `${json.findings.worse.length} worse, ` : ''}${json.findings.open.length} still open, ${n} no longer assessed`,
    );
    expect(text.stdout).not.toContain('✓ resolved');
    // `people: []` beside the span contradicts it: the reason names the contradiction, not plain unknown facts.
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('not resolved: the file now contradicts itself: what it says of the people in sales conflicts with the span of control');
    expect(text.stdout).not.toContain('the facts it rested on are unknown now');
  });

  it('roster listed again: newly assessed, and --fail-on-regression passes (the score rose, nothing new)', () => {
    const before = noRoster();
    const r = cli(['diff', before, EXAMPLE, '--date', DATE, '--fail-on-regression', '--format', 'json']);
    const d = JSON.parse(r.stdout);
    expect(d.findings.new).toEqual([]);
    expect(d.findings.newlyAssessed.length).toBeGreaterThan(5);
    expect(d.score.delta).toBeGreaterThan(0);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
