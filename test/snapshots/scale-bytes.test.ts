// The bytes of a 300-person audit in every format, summarised and with
// --per-person, pinned as SHA-256 digests (scale-300.json). Performance work
// on the summarised path (issue 9 item 6: findings summarised before they are
// built, texts worked out when read) must not move a byte; a deliberate change
// to what a large report says updates the file with `npm run update-snapshots`,
// said in the commit. The CLI as users run it (built: `npm run build`).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, DATE } from '../e2e/run';
import { repeated } from '../helpers/repeated';

const AUDIT = ['text', 'markdown', 'json', 'html', 'csv'] as const;
const LINT = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;

describe('a 300-person org: every format, summarised and per person', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-scale-bytes-'));
  writeFileSync(join(dir, 'org.yaml'), repeated(300));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');

  /** Each format's output, from one call of `command` that writes them all (-f x -o file, repeated). */
  const outputs = (command: 'audit' | 'lint', formats: readonly string[], perPerson: boolean): Record<string, string> => {
    const tag = `${command}-${perPerson ? 'per-person' : 'summarised'}`;
    const args = [command, 'org.yaml', '--date', DATE, '--no-config', ...(perPerson ? ['--per-person'] : [])];
    for (const f of formats) args.push('--format', f, '--output', `${tag}.${f}`);
    const r = cli(args, { cwd: dir });
    // 1: the org fails a gate or has findings that fail lint; never 2 (an error).
    expect([0, 1], r.stderr).toContain(r.code);
    return Object.fromEntries(formats.map((f) => [`${tag} ${f}`, readFileSync(join(dir, `${tag}.${f}`), 'utf8')]));
  };

  it('the same bytes as pinned in scale-300.json', async () => {
    const all = { ...outputs('audit', AUDIT, false), ...outputs('audit', AUDIT, true), ...outputs('lint', LINT, false), ...outputs('lint', LINT, true) };
    // The summarised path is the one exercised: 300 people (240 reps) give kinds of more than SUMMARISE_OVER.
    expect(all['audit-summarised json']).toMatch(/ and \d+ more\), for example: /);
    expect(all['audit-per-person json']).not.toMatch(/ and \d+ more\), for example: /);
    expect(all['audit-summarised json']!.length).toBeLessThan(all['audit-per-person json']!.length);
    const digests = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, `${sha(v)} ${Buffer.byteLength(v)}`]));
    await expect(`${JSON.stringify(digests, null, 2)}\n`).toMatchFileSnapshot('./scale-300.json');
  });
});
