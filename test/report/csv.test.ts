import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { AuditReport, ChecklistItem } from '../../src/engine/types';
import { CSV_COLUMNS, csvField, guardFormula, renderCsv } from '../../src/report/csv';
import { rules } from '../../rules/index';
import { allWaived, fixture } from './helpers';

const parseCsv = (text: string) => parse(text, { bom: true, columns: true, record_delimiter: '\r\n', relax_quotes: false }) as Record<string, string>[];

describe('checklist CSV', () => {
  it("parses back to the JSON report's checklist, one row per item, in rank order", async () => {
    const r = await fixture('acme');
    expect(r.checklist.length).toBeGreaterThan(5);
    const rows = parseCsv(renderCsv(r));
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows).toEqual(
      r.checklist.map((c) => ({
        rank: String(c.rank),
        kind: c.kind,
        // Every rule the item moves (a question several rules wait on names each).
        rule: (c.ruleIds ?? [c.ruleId]).join(' '),
        action: `${c.or ? 'or: ' : ''}${c.action}`,
        owner: c.owner,
        effort: c.effort,
        gain: c.gain.toFixed(1),
        status: c.status,
      })),
    );
    expect(rows.map((x) => Number(x.gain))).toEqual(r.checklist.map((c) => c.gain));
    // Both kinds are there: fixes and the find-out questions.
    expect(new Set(rows.map((x) => x.kind))).toEqual(new Set(['fix', 'find-out']));
  });

  it('follows RFC 4180: CRLF line ends, fields with commas or quotes quoted, quotes doubled', async () => {
    const r = await fixture('acme');
    const text = renderCsv(r);
    expect(text.startsWith('\ufeffrank,kind,rule,action,owner,effort,gain,status\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n')).toHaveLength(r.checklist.length + 2);
    const quoted = r.checklist.find((c) => c.action.includes('"'));
    expect(quoted).toBeDefined();
    expect(text).toContain(`"${quoted!.action.replace(/"/g, '""')}"`);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
  });

  it('keeps hostile markup and non-Latin text intact (a CSV has no markup to escape)', async () => {
    const r = await fixture('hostile');
    const rows = parseCsv(renderCsv(r));
    expect(rows.map((x) => x.action)).toEqual(r.checklist.map((c) => guardFormula(c.action)));
    expect(rows.some((x) => x.action!.includes('請求書'))).toBe(true);
    expect(rows.some((x) => x.action!.includes("<script>alert('task')</script>"))).toBe(true);
  });

  it('puts an apostrophe before a cell a spreadsheet would run as a formula', async () => {
    const base = await fixture('acme');
    const item = (action: string, owner = 'CEO'): ChecklistItem => ({ ...base.checklist[0]!, action, owner });
    const r: AuditReport = {
      ...base,
      checklist: [item('=HYPERLINK("http://evil.example","x")'), item('+1+1', '@owner'), item('-2+3', "=cmd|' /C calc'!A0"), item('\tTabbed'), item('\rReturn'), item('a=b stays', 'Sales manager')],
    };
    const rows = parseCsv(renderCsv(r));
    expect(rows.map((x) => x.action)).toEqual(['\'=HYPERLINK("http://evil.example","x")', "'+1+1", "'-2+3", "'\tTabbed", "'\rReturn", 'a=b stays']);
    expect(rows.map((x) => x.owner)).toEqual(['CEO', "'@owner", "'=cmd|' /C calc'!A0", 'CEO', 'CEO', 'Sales manager']);
    for (const x of rows) for (const v of Object.values(x)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes just the header for an empty checklist', async () => {
    // Every rule waived: nothing applies, nothing to fix or find out (a blank org now gets find-out items).
    const r = await allWaived();
    expect(r.rules.map((x) => x.status)).toEqual(rules.map(() => 'waived'));
    expect(r.checklist).toEqual([]);
    expect(renderCsv(r)).toBe('\ufeffrank,kind,rule,action,owner,effort,gain,status\r\n');
  });
});
