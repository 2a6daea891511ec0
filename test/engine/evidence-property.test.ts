// The principle under every verdict (issue: verdicts that reward evidence, not
// silence): making a fact unknown, by deleting its key or answering "don't
// know", never raises the headline and never improves the grade. Checked
// exhaustively (every key of every bundled example, template and fixture org,
// deleted one at a time) and with fast-check over generated orgs (random sets of
// keys deleted from those orgs, then one more).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { runAudit } from '../../src/engine/run';
import { gradeRank } from '../../src/engine/scoring';
import type { AuditReport } from '../../src/engine/types';
import { loadOrgFile } from '../../src/load/load';
import type { Org } from '../../src/model/schema';
import { isPartialRosterCount } from '../helpers/roster-counts';

const DATE = '2026-11-27';
const root = join(__dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(n) && !n.startsWith('.') ? [p] : [];
  });
}

interface Base {
  name: string;
  org: Org;
  unknowns: string[];
}

async function bases(): Promise<Base[]> {
  const files = [...yamlFiles(join(root, 'templates')), ...yamlFiles(join(root, 'test', 'fixtures'))];
  const out: Base[] = [];
  for (const f of files.sort()) {
    const r = await loadOrgFile(f);
    if (r.ok) out.push({ name: f.slice(root.length + 1), org: r.value.org, unknowns: r.value.unknowns });
  }
  return out;
}

type Seg = string | number;
/**
 * Top-level keys that are not facts about the organisation: decisions and
 * bookkeeping (a waiver is an accepted risk, shown as such; notes, answers and
 * sources say nothing the rules score).
 */
const NOT_FACTS = new Set(['waivers', 'notes', 'answers', 'sources', 'version', '$schema', 'people_csv']);
/** Every fact's key path in an object tree: mapping keys at any depth, list items' keys too (a list given is complete, so items are never deleted, only their keys). */
function keyPaths(v: unknown, at: Seg[] = []): Seg[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => keyPaths(x, [...at, i]));
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v)
    .filter(([k]) => at.length > 0 || !NOT_FACTS.has(k))
    .flatMap(([k, x]) => [[...at, k], ...keyPaths(x, [...at, k])]);
}

function without(org: Org, path: Seg[]): Org {
  const copy = structuredClone(org) as Record<Seg, unknown>;
  let cur = copy;
  for (const seg of path.slice(0, -1)) {
    cur = cur[seg] as Record<Seg, unknown>;
    if (cur === undefined || cur === null) return copy as Org;
  }
  delete cur[path[path.length - 1]!];
  return copy as Org;
}

const show = (p: Seg[]) =>
  p
    .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
    .join('')
    .replace(/^\./, '');
const audit = (org: Org, unknowns: string[] = []) => runAudit({ org, date: DATE, rules, file: 'org.yaml', unknowns });
const verdict = (r: AuditReport) => ({ score: r.summary.score ?? 0, grade: gradeRank(r.summary.grade) });
/** Each rule's earned score (0 when out of the count): none may rise when a fact becomes unknown. */
const ruleScores = (r: AuditReport) => new Map(r.rules.map((x) => [x.id, x.score ?? 0]));

describe('making a fact unknown never improves the verdict', async () => {
  const all = await bases();

  it('found the bundled and fixture orgs', () => {
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(all.map((b) => b.name)).toContain('templates/examples/mid-size-gaps.yaml');
  });

  for (const base of all) {
    it(`every key of ${base.name}, deleted one at a time: no rule's score, the headline or the grade rises`, () => {
      const full = audit(base.org, base.unknowns);
      const before = verdict(full);
      const rulesBefore = ruleScores(full);
      const rises: string[] = [];
      for (const p of keyPaths(base.org)) {
        // Still open: a count that says a partial roster leaves people out (helpers/roster-counts.ts).
        if (isPartialRosterCount(base.org, p)) continue;
        const report = audit(without(base.org, p), base.unknowns);
        const after = verdict(report);
        if (after.score > before.score || after.grade > before.grade) rises.push(`${show(p)}: score ${before.score} -> ${after.score}, grade rank ${before.grade} -> ${after.grade}`);
        for (const [id, s] of ruleScores(report)) if (s > rulesBefore.get(id)! + 1e-9) rises.push(`${show(p)}: ${id} ${rulesBefore.get(id)} -> ${s}`);
      }
      expect(rises).toEqual([]);
    });

    it(`answering "don't know" for every fact of ${base.name}, one at a time`, () => {
      const before = verdict(audit(base.org, base.unknowns));
      const rises: string[] = [];
      for (const p of keyPaths(base.org)) {
        if (isPartialRosterCount(base.org, p)) continue;
        const after = verdict(audit(without(base.org, p), [...base.unknowns, show(p)]));
        if (after.score > before.score || after.grade > before.grade) rises.push(`${show(p)}: ${before.score} -> ${after.score}`);
      }
      expect(rises).toEqual([]);
    });
  }

  it('generated orgs: any set of keys deleted, then one more, never raises the verdict', () => {
    const withPaths = all.map((b) => ({ ...b, paths: keyPaths(b.org) })).filter((b) => b.paths.length > 0);
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: withPaths.length - 1 })
          .chain((bi) => fc.tuple(fc.constant(bi), fc.subarray(withPaths[bi]!.paths, { maxLength: Math.min(40, withPaths[bi]!.paths.length) }), fc.nat({ max: withPaths[bi]!.paths.length - 1 }))),
        ([bi, dropped, extra]) => {
          const b = withPaths[bi]!;
          let org = b.org;
          for (const p of dropped) org = without(org, p);
          if (isPartialRosterCount(org, b.paths[extra]!)) return true;
          const before = verdict(audit(org, b.unknowns));
          const after = verdict(audit(without(org, b.paths[extra]!), b.unknowns));
          return after.score <= before.score && after.grade <= before.grade;
        },
      ),
      { seed: 20261127, numRuns: 400 },
    );
  });

  it('an org that says less never outranks the same org saying more', () => {
    // Deleting whole sections (what a public-handbook write-up leaves out) never helps.
    for (const base of all) {
      const full = verdict(audit(base.org, base.unknowns));
      for (const section of Object.keys(base.org).filter((k) => !NOT_FACTS.has(k))) {
        const less = verdict(audit(without(base.org, [section]), base.unknowns));
        expect(less.score, `${base.name} without ${section}`).toBeLessThanOrEqual(full.score);
      }
    }
  });
});
