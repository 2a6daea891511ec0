// SARIF 2.1.0 for code scanning (GitHub and any SARIF viewer). The rule
// descriptors come from each rule's own metadata; each problem is one result
// at its line and column; waived findings are results with a suppression
// carrying the waiver's reason; expired waivers and (with --strict) rules not
// assessed are results too. Files that could not be read are tool execution
// notifications. No timestamps or absolute paths, so the same input gives the
// same bytes.
//
// Consumers' limits: code scanning rejects a run with more than 25,000
// results, so the most severe are kept, with a note in the run. It resolves a
// relative URI from the repository root, so URIs are repository-relative
// (uriBaseId %SRCROOT%, declared in originalUriBaseIds) wherever lint ran.
import { hash } from 'node:crypto';
import { posix, win32 } from 'node:path';
import { CONTRADICTION_DOCS } from '../engine/contradictions';
import { thousands } from '../engine/summarise';
import { optionDocs } from '../engine/define-rule';
import { SEVERITY_WEIGHT, type RuleDefinition } from '../engine/types';
import type { Diagnostic } from '../load/diagnostics';
import {
  CONTRADICTION,
  EXPIRED_WAIVER,
  jsonAt,
  levelOf,
  memorySpool,
  pieceText,
  problemsOf,
  SARIF_MAX_RESULTS,
  type LintRun,
  type LintRunHead,
  type LintSpool,
  type LintStreamer,
  type Problem,
} from './lint';
import { escapeJsonControls } from './safe';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The partialFingerprints key: versioned, so a change of recipe never matches old alerts wrongly. */
export const FINGERPRINT_KEY = 'salesAuditFinding/v1';

type Json = Record<string, unknown>;

/** The id of the repository root in `originalUriBaseIds`, the name most SARIF producers use. */
export const SRCROOT = '%SRCROOT%';

const encodeSegments = (p: string) => p.split('/').map(encodeURIComponent).join('/');

/**
 * A path as shown (relative to `base.cwd`, or absolute) as a SARIF artifact
 * location: relative to the repository root with uriBaseId `%SRCROOT%` when it
 * is inside `base.repoRoot`; else an absolute `file:` URI (`file:///C:/x/y.yaml`
 * for a Windows path, on any platform); else, with no base known, the relative
 * path itself. Segments are percent-encoded.
 */
export function artifactLocation(path: string, base: { cwd?: string; repoRoot?: string } = {}): { uri: string; uriBaseId?: string } {
  const drive = /^[A-Za-z]:[\\/]/.test(path) || /^[A-Za-z]:[\\/]/.test(base.cwd ?? '');
  const p = drive ? win32 : posix;
  const slashes = (s: string) => s.replace(/\\/g, '/');
  const abs = p.isAbsolute(path) ? path : base.cwd ? p.resolve(base.cwd, path) : undefined;
  if (abs && base.repoRoot) {
    const rel = p.relative(base.repoRoot, abs);
    if (rel && !rel.startsWith('..') && !p.isAbsolute(rel)) return { uri: encodeSegments(slashes(rel)), uriBaseId: SRCROOT };
  }
  if (abs && (p.isAbsolute(path) || base.repoRoot)) {
    const s = slashes(abs);
    return { uri: drive ? `file:///${s.slice(0, 2)}${encodeSegments(s.slice(2))}` : `file://${encodeSegments(s)}` };
  }
  return { uri: encodeSegments(slashes(path).replace(/^\.\//, '')) };
}

/** The artifact location's URI alone (see artifactLocation). */
export const toUri = (path: string, base: { cwd?: string; repoRoot?: string } = {}): string => artifactLocation(path, base).uri;

const pascal = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_m, _d, ch: string) => ch.toUpperCase());
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
const placeholders = (s: string) => s.replace(/\{(\w+)\}/g, '<$1>');

function ruleHelp(rule: RuleDefinition): { text: string; markdown: string } {
  const steps = Object.values(rule.steps).map((s) => `${placeholders(s.action)} (owner: ${s.owner}; effort: ${s.effort})`);
  const opts = optionDocs(rule);
  const text = [
    `What it checks: ${rule.docs.description}`,
    `Why it matters: ${rule.docs.rationale}`,
    `How to fix:\n${steps.map((s) => `- ${s}`).join('\n')}`,
    ...(opts.length
      ? [
          `Thresholds (set them in .sales-audit.yaml under rules.${rule.id}.options):\n${opts.map((o) => `- ${o.name} = ${JSON.stringify(o.default)}${o.description ? `: ${o.description}` : ''}${o.source ? ` Source: ${o.source}` : ''}`).join('\n')}`,
        ]
      : []),
    `Source: ${rule.source}. More: sales-audit explain ${rule.id}`,
  ].join('\n\n');
  const md = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
  const markdown = [
    `**What it checks.** ${md(rule.docs.description)}`,
    `**Why it matters.** ${md(rule.docs.rationale)}`,
    `**How to fix**\n\n${steps.map((s) => `- ${md(s)}`).join('\n')}`,
    ...(opts.length
      ? [
          `**Thresholds** (set them in \`.sales-audit.yaml\` under \`rules.${rule.id}.options\`)\n\n${opts.map((o) => `- \`${o.name}\` = \`${JSON.stringify(o.default)}\`${o.description ? `: ${md(o.description)}` : ''}${o.source ? ` Source: ${md(o.source)}` : ''}`).join('\n')}`,
        ]
      : []),
    `Source: ${md(rule.source)}. More: \`sales-audit explain ${rule.id}\``,
  ].join('\n\n');
  return { text, markdown };
}

function ruleDescriptor(rule: RuleDefinition): Json {
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: sentence(rule.title) },
    fullDescription: { text: sentence(rule.docs.description) },
    help: ruleHelp(rule),
    defaultConfiguration: { level: levelOf(rule.severity), rank: SEVERITY_WEIGHT[rule.severity] * 10 },
    properties: { tags: [rule.category], category: rule.category, severity: rule.severity, source: rule.source },
  };
}

const EXPIRED_WAIVER_DESCRIPTOR: Json = {
  id: EXPIRED_WAIVER,
  name: 'ExpiredWaiver',
  shortDescription: { text: 'Waivers are renewed or removed before they expire.' },
  fullDescription: { text: 'A waiver in the org file accepts a rule\u2019s risk until a date; after that date the waiver no longer applies and fails the lint until it is renewed or removed.' },
  help: {
    text: 'The waiver has passed its expiry date. Either fix what the rule reports and delete the waiver, or agree a new expiry date with the waiver\u2019s owner and update it.',
    markdown: 'The waiver has passed its `expires` date. Either fix what the rule reports and delete the waiver, or agree a new expiry date with the waiver\u2019s owner and update it.',
  },
  defaultConfiguration: { level: 'error' },
  properties: { tags: ['waivers'], category: 'waivers' },
};

/** A contradiction finding's descriptor: `sales-audit explain contradiction` in SARIF's words. */
const CONTRADICTION_DESCRIPTOR: Json = {
  id: CONTRADICTION,
  name: 'Contradiction',
  shortDescription: { text: sentence(CONTRADICTION_DOCS.title) },
  fullDescription: { text: CONTRADICTION_DOCS.description },
  help: {
    text: `${CONTRADICTION_DOCS.whyUnknown} ${CONTRADICTION_DOCS.resolve} (sales-audit explain contradiction)`,
    markdown: `${CONTRADICTION_DOCS.whyUnknown}\n\n${CONTRADICTION_DOCS.resolve}\n\n\`sales-audit explain contradiction\``,
  },
  defaultConfiguration: { level: 'warning' },
  properties: { tags: ['contradictions'], category: 'contradictions' },
};

type Base = { cwd?: string; repoRoot?: string };

function location(base: Base, file: string, line: number, column: number): Json {
  return { physicalLocation: { artifactLocation: artifactLocation(file, base), region: { startLine: line, startColumn: column } } };
}

function fingerprintBase(file: string, p: Problem): string {
  const paths = p.finding ? p.finding.evidence.map((e) => e.path) : [p.path];
  const identity = [p.ruleId, p.kind === 'suppressed' ? 'finding' : p.kind, p.finding?.messageId ?? '', file, ...paths].join('\u0000');
  // One-shot hash (Node 20.12+): a Hash object per result was most of this function's time.
  return hash('sha256', identity).slice(0, 32);
}

function notification(base: Base, d: Diagnostic): Json {
  return {
    level: 'error',
    descriptor: { id: 'invalid-input' },
    message: { text: sentence(d.path ? `${d.path}: ${d.message}` : d.message) },
    locations: [d.line !== undefined ? location(base, d.file, d.line, d.column ?? 1) : { physicalLocation: { artifactLocation: artifactLocation(d.file, base) } }],
  };
}

/** Which results a capped run keeps first: errors, then warnings, then notes, by severity; suppressed ones last. */
function rankOf(p: Problem): number {
  if (p.kind === 'suppressed') return 9;
  const level = p.level === 'error' ? 0 : p.level === 'warning' ? 3 : 6;
  // Among errors, what fails a gate on its own (critical, an expired waiver, --strict) before high.
  return level + (p.severity === 'critical' || !p.severity ? 0 : 1);
}

/** SARIF over a whole run (the streamer below, given every file at once). */
export function renderSarif(run: LintRun): string {
  const streamer = sarifStreamer({ cwd: run.cwd, repoRoot: run.repoRoot, rules: () => run.rules }, memorySpool());
  for (const f of run.files) streamer.add(f);
  return [...streamer.finish(run)].join('');
}

/**
 * SARIF written file by file (see LintStreamer): each file's results go to the
 * spool as they are made, one record each, with their rank (one byte); the
 * per-file verdicts (properties.files) and the notifications of files that
 * could not be read are kept. At the end the run's head (the rules that ran,
 * the invocation) is written, then the results read back from the spool (the
 * most severe SARIF_MAX_RESULTS when there are more), then the properties.
 * JSON strings keep the data exact, with escapeJsonControls's escapes.
 */
export function sarifStreamer(head: Pick<LintRunHead, 'cwd' | 'repoRoot' | 'rules'>, spool: LintSpool): LintStreamer {
  const base: Base = { cwd: head.cwd, repoRoot: head.repoRoot };
  // A rule's index among the descriptors: the rules that ran so far keep their
  // places as more are added (plugins' rules, as files name them); the
  // expired-waiver descriptor comes after the last, so its index is set at the end.
  let indexOf = new Map<string, number>();
  let indexed = -1;
  const ruleIndex = (id: string): number | undefined => {
    if (id === EXPIRED_WAIVER) return EXPIRED_INDEX;
    if (id === CONTRADICTION) return CONTRADICTION_INDEX;
    const rules = head.rules();
    if (rules.length !== indexed) {
      indexOf = new Map(rules.map((r, i) => [r.id, i]));
      indexed = rules.length;
    }
    return indexOf.get(id);
  };
  const notifications: Json[] = [];
  const files: Json[] = [];
  let ranks = new Uint8Array(1024);
  let total = 0;

  return {
    results: () => total,
    add(f) {
      if (!f.ok) {
        for (const d of f.diagnostics) notifications.push(notification(base, d));
        files.push({ file: f.file, status: 'invalid' });
        return;
      }
      const s = f.report.summary;
      files.push({
        file: f.file,
        status: 'ok',
        score: s.score,
        upTo: s.upTo,
        grade: s.grade,
        gradeStatus: s.gradeStatus,
        coverage: s.coverage,
        coverageFloor: s.coverageFloor,
        passed: f.failures.length === 0,
        gateFailures: f.failures.map((g) => g.message),
      });
      const seen = new Map<string, number>();
      // lint --baseline: each finding's state against the revision (SARIF's baselineState).
      const b = f.baseline?.status === 'compared' ? f.baseline.diff : undefined;
      const stateOf = (id: string): string | undefined => {
        if (f.baseline?.status === 'new') return 'new';
        if (!b) return undefined;
        // Newly assessed is still absent from the baseline: SARIF's `new` (the diff tells it from a regression).
        if (b.findings.new.some((x) => x.id === id) || b.findings.newlyAssessed.some((x) => x.id === id)) return 'new';
        if (b.findings.worse.some((x) => x.id === id)) return 'updated';
        const open = b.findings.open.find((x) => x.id === id);
        return open ? (open.was ? 'updated' : 'unchanged') : undefined;
      };
      if (f.baseline)
        (files.at(-1) as Json).baseline =
          f.baseline.status === 'compared'
            ? {
                revision: f.baseline.revision,
                scoreBefore: b!.score.before,
                scoreChange: b!.score.delta,
                findingsNew: b!.findings.new.length,
                findingsResolved: b!.findings.resolved.length,
                findingsNewlyAssessed: b!.findings.newlyAssessed.length,
                findingsWorse: b!.findings.worse.length,
                findingsOpen: b!.findings.open.length,
                findingsNoLongerAssessed: b!.findings.noLongerAssessed.length,
                findingsWaived: b!.findings.waived.length,
              }
            : { revision: f.baseline.revision, status: f.baseline.status };
      for (const p of problemsOf(f)) {
        if (p.kind === 'waived') continue; // its findings carry the suppression
        const fp = fingerprintBase(f.file, p);
        const n = (seen.get(fp) ?? 0) + 1;
        seen.set(fp, n);
        const result: Json = {
          ruleId: p.ruleId,
          ruleIndex: ruleIndex(p.ruleId),
          level: p.level,
          message: { text: sentence(p.message) },
          locations: [location(base, p.file, p.line, p.column)],
        };
        const related = (p.finding?.evidence ?? []).slice(1).filter((e) => e.file && e.line);
        if (related.length) result.relatedLocations = related.map((e, i) => ({ id: i + 1, ...location(base, e.file!, e.line!, e.column ?? 1), message: { text: `Evidence: ${e.path}.` } }));
        result.partialFingerprints = { [FINGERPRINT_KEY]: `${fp}:${n}` };
        // Only with --baseline: a finding's id is worked out when read (run.ts), and the state needs nothing else.
        const state = p.kind === 'finding' && p.finding && f.baseline ? stateOf(p.finding.id) : undefined;
        if (state) result.baselineState = state;
        if (p.kind === 'suppressed' && p.waiver) {
          const w = p.waiver;
          result.suppressions = [
            {
              kind: 'inSource',
              status: 'accepted',
              justification: `${w.reason} (owner: ${w.owner}; waived until ${w.expires})`,
              location: location(base, w.evidence.file ?? f.file, w.evidence.line ?? 1, w.evidence.column ?? 1),
              properties: { owner: w.owner, expires: w.expires },
            },
          ];
        }
        result.properties = {
          kind: p.kind,
          ...(p.severity ? { severity: p.severity } : {}),
          ...(p.finding ? { fatal: p.finding.fatal, messageId: p.finding.messageId } : {}),
          // A contradiction is listed as its own id; the rule that scores it is named beside.
          ...(p.finding && p.finding.ruleId !== p.ruleId ? { scoredUnder: p.finding.ruleId } : {}),
          ...(p.path ? { factPath: p.path } : {}),
          ...(p.finding?.thresholds.length ? { thresholds: p.finding.thresholds.map((t) => ({ name: t.name, value: t.value, ...(t.source ? { source: t.source } : {}) })) } : {}),
        };
        spool.write(escapeJsonControls(`        ${jsonAt(result, 4)}`));
        if (total === ranks.length) {
          const more = new Uint8Array(ranks.length * 2);
          more.set(ranks);
          ranks = more;
        }
        ranks[total++] = rankOf(p) | (p.ruleId === EXPIRED_WAIVER ? EXPIRED_FLAG : p.ruleId === CONTRADICTION ? CONTRADICTION_FLAG : 0);
      }
    },
    *finish(run) {
      const descriptors = [...run.rules.map(ruleDescriptor), CONTRADICTION_DESCRIPTOR, EXPIRED_WAIVER_DESCRIPTOR];
      // Over code scanning's limit: keep the most severe, in their order, and say so in the run.
      let keep: Uint8Array | undefined;
      if (total > SARIF_MAX_RESULTS) {
        keep = new Uint8Array(total);
        const order = Array.from({ length: total }, (_, i) => i).sort((a, b) => (ranks[a]! & RANK_BITS) - (ranks[b]! & RANK_BITS) || a - b);
        for (let i = 0; i < SARIF_MAX_RESULTS; i++) keep[order[i]!] = 1;
        notifications.push({
          level: 'warning',
          descriptor: { id: 'results-capped' },
          message: {
            text: `${thousands(total - SARIF_MAX_RESULTS)} of ${thousands(total)} results were left out: code scanning accepts at most ${thousands(SARIF_MAX_RESULTS)} results per run, so the most severe were kept. Every result is in \`sales-audit lint --format json\` or --format stylish.`,
          },
        });
      }
      const kept = keep ? SARIF_MAX_RESULTS : total;
      const sarif = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: run.tool.name, version: run.tool.version, semanticVersion: run.tool.version, rules: descriptors } },
            invocations: [{ executionSuccessful: !run.files.some((f) => !f.ok), ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
            originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository the org files are in.' } } },
            columnKind: 'utf16CodeUnits',
            results: [],
            properties: { files, ...(keep ? { resultsCapped: { total, kept, limit: SARIF_MAX_RESULTS } } : {}) },
          },
        ],
      };
      const text = escapeJsonControls(`${JSON.stringify(sarif, null, 2)}\n`);
      if (!kept) {
        yield text;
        return;
      }
      // A key's quotes are never a string's (a string's are escaped): the first `"results": []` is the run's.
      const at = text.indexOf(RESULTS) + RESULTS.length - 1;
      yield `${text.slice(0, at)}\n`;
      let i = 0;
      let n = 0;
      const expired = `"ruleIndex": ${descriptors.length - 1},`;
      const contradiction = `"ruleIndex": ${descriptors.length - 2},`;
      for (const record of spool.records()) {
        const flags = ranks[i]!;
        if (!keep || keep[i])
          yield `${n++ ? ',\n' : ''}${flags & EXPIRED_FLAG ? pieceText(record).replace(EXPIRED_PLACEHOLDER, expired) : flags & CONTRADICTION_FLAG ? pieceText(record).replace(CONTRADICTION_PLACEHOLDER, contradiction) : pieceText(record)}`;
        i++;
      }
      yield `\n      ${text.slice(at)}`;
    },
  };
}

/** The expired-waiver descriptor's index until the end, when the number of rules before it is known (no real index is negative). */
const EXPIRED_INDEX = -1;
const EXPIRED_PLACEHOLDER = `"ruleIndex": ${EXPIRED_INDEX},`;
/** In a result's rank byte: the result is an expired waiver's (its ruleIndex is set at the end). */
const EXPIRED_FLAG = 0x80;
/** The contradiction descriptor's index until the end (just before the expired-waiver one). */
const CONTRADICTION_INDEX = -2;
const CONTRADICTION_PLACEHOLDER = `"ruleIndex": ${CONTRADICTION_INDEX},`;
/** In a result's rank byte: the result is a contradiction finding's (its ruleIndex is set at the end). */
const CONTRADICTION_FLAG = 0x40;
const RANK_BITS = 0x3f;
const RESULTS = '\n      "results": []';
