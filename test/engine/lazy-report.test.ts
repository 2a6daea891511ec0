// The report's checklist, labels, categories, unknowns and questions are
// worked out when first read (a lint listing reads none of them), and so is
// each finding's id: the report must read, serialise and copy exactly as if
// they had been there from the start.
import { describe, expect, it } from 'vitest';
import { reportOf, ROOT } from '../report/helpers';
import { headOf, lintStreamer, memorySpool, pieceText, slimLintedFile, type LintFormat, type LintRun } from '../../src/report/lint';
import { rules } from '../../rules/index';

const example = `${ROOT}templates/examples/mid-size-gaps.yaml`;
/** What no lint listing (stylish, SARIF, JUnit, GitHub) nor gate reads. */
const LAZY = ['checklist', 'labels', 'categories', 'unknowns', 'questions'] as const;

describe('the lazily worked-out parts of a report', () => {
  it('are not worked out until read, then are ordinary properties in their place among the keys', async () => {
    const report = await reportOf(example);
    for (const key of LAZY) expect(typeof Object.getOwnPropertyDescriptor(report, key)?.get).toBe('function');
    const keys = Object.keys(report);
    expect(keys.indexOf('checklist')).toBe(keys.indexOf('findings') + 1);
    expect(keys.indexOf('labels')).toBe(keys.indexOf('notes') + 1);
    expect(keys.indexOf('categories')).toBe(keys.indexOf('summary') + 1);
    expect(keys.indexOf('unknowns')).toBe(keys.indexOf('checklist') + 1);
    expect(keys.indexOf('questions')).toBe(keys.indexOf('labels') + 1);
    expect(report.unknowns.length).toBeGreaterThan(0);
    for (const u of report.unknowns) expect(u.line).toBeGreaterThan(0);
    expect(report.categories.length).toBeGreaterThan(3);
    expect(Object.keys(report.questions).length).toBeGreaterThan(0);
    expect(report.checklist.length).toBeGreaterThan(5);
    // The labels name every fact the checklist cites.
    for (const c of report.checklist) for (const e of c.evidence) expect(report.labels[e.path]).toBeTypeOf('string');
    for (const key of LAZY) expect(Object.getOwnPropertyDescriptor(report, key)).toMatchObject({ writable: true, enumerable: true });
    expect(Object.keys(report)).toEqual(keys);
  });

  it('give the same JSON, spread and structured clone whichever is read first, and the same value on every read', async () => {
    const eager = await reportOf(example);
    for (const key of LAZY) void eager[key];
    const viaJson = await reportOf(example);
    const json = JSON.stringify(viaJson);
    expect(json).toBe(JSON.stringify(eager));
    expect(JSON.stringify({ ...(await reportOf(example)) })).toBe(json);
    expect(JSON.stringify(structuredClone(await reportOf(example)))).toBe(json);
    expect(viaJson.checklist).toBe(viaJson.checklist);
  });

  it('can be replaced before they are read', async () => {
    const report = await reportOf(example);
    report.checklist = [];
    expect(report.checklist).toEqual([]);
    expect(JSON.parse(JSON.stringify(report)).checklist).toEqual([]);
  });

  it("leave each finding's id unworked until read (a lint listing reads none), first among its keys, the same as worked out at once", async () => {
    const report = await reportOf(example);
    const lazy = report.findings.filter((f) => typeof Object.getOwnPropertyDescriptor(f, 'id')?.get === 'function');
    // Findings merged by subject or summarised have their id already; the rest wait.
    expect(lazy.length).toBeGreaterThan(5);
    for (const f of report.findings) expect(Object.keys(f)[0]).toBe('id');
    const ids = report.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of lazy) expect(Object.getOwnPropertyDescriptor(f, 'id')).toMatchObject({ value: f.id, writable: true, enumerable: true });
    // Read first or through JSON: the same bytes, with no `gap` (the engine's own) on any finding.
    const viaJson = JSON.stringify(await reportOf(example));
    expect(viaJson).toBe(JSON.stringify(report));
    expect(JSON.stringify(structuredClone(await reportOf(example)))).toBe(viaJson);
    for (const f of JSON.parse(viaJson).findings) expect(f).not.toHaveProperty('gap');
  });

  // What each lint listing reads of a report: none of the lazy parts, nor a finding's id (SARIF's only with --baseline).
  it.each(['stylish', 'sarif', 'junit', 'github'] satisfies LintFormat[])('%s reads none of them', async (format) => {
    const report = await reportOf(example);
    const unworked = () => report.findings.filter((f) => typeof Object.getOwnPropertyDescriptor(f, 'id')?.get === 'function');
    const before = unworked();
    expect(before.length).toBeGreaterThan(5);
    // As lint writes it: the file added as linted, the end over the slim file (lint-run.ts).
    const run: LintRun = { tool: { name: 'sales-audit', version: 't' }, rules, files: [{ ok: true, file: 'org.yaml', report, gates: {}, failures: [], missingAt: {} }] };
    const streamer = await lintStreamer(format, headOf(run), { color: false }, memorySpool());
    for (const f of run.files) streamer.add(f);
    const out = [...streamer.finish({ ...run, files: run.files.map(slimLintedFile) })].map(pieceText).join('');
    expect(out.length).toBeGreaterThan(100);
    for (const key of LAZY) expect(typeof Object.getOwnPropertyDescriptor(report, key)?.get).toBe('function');
    expect(unworked()).toEqual(before);
  });
});
