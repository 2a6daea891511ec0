// First-hour polish: the command line behaves as people expect.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DATE, ROOT } from './run';

describe('the command line', () => {
  it('sales-audit with no command prints help on stderr and exits 2 (a usage error); --help exits 0', () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Usage: sales-audit/);
    expect(r.stdout).toBe('');
    expect(cli(['--help']).code).toBe(0);
  });

  it('audit with no file reads org.yaml in the working folder, as init writes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-audit-polish-'));
    copyFileSync(join(ROOT, 'templates', 'examples', 'healthy-org.yaml'), join(dir, 'org.yaml'));
    const r = cli(['audit', '--format', 'json', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).org.file).toBe('org.yaml');
    const empty = mkdtempSync(join(tmpdir(), 'sales-audit-polish-'));
    const none = cli(['audit'], { cwd: empty });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing the org file/);
  });
});
