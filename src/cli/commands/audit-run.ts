// `sales-audit audit` at work (declared in audit.ts): config, load, waiver
// checks, the engine, the renderers asked for, then the gates.
import { dirname, join, resolve } from 'node:path';
import { examplesDir } from '../paths';
import { runAudit } from '../../engine/run';
import { checkGates } from '../../engine/gates';
import { gatesOf, settingsOf } from '../../config/load';
import { ConfigResolver } from '../../config/resolver';
import { waiverDiagnostics } from '../../config/waivers';
import { redact } from '../../model/redact';
import { render, type Format } from '../../report/index';
import { rules } from '../../../rules/index';
import { EXIT, inputError } from '../errors';
import { loadOrg } from '../org-input';
import type { Paper } from '../options';
import { today, useColor } from '../output';
import { refuseInputsAsOutputs, writeTargets, type InputFile, type Target } from '../targets';
import { VERSION } from '../version';
import type { Severity } from '../../engine/types';
import { stdoutColumns, stdoutIsTTY, writeStderrLine } from '../stdio';

export interface AuditOpts {
  /** A path, or false for --no-config. */
  config?: string | false;
  strict?: boolean;
  date?: string;
  example?: string;
  failUnder?: number;
  minCoverage?: number;
  failOn?: Severity;
  redact?: boolean;
  color?: boolean;
  paper?: Paper;
}

/** Config, load, waiver checks and the engine, as `audit` runs them (shared with `interview`). */
export async function auditFile(file: string | undefined, opts: Pick<AuditOpts, 'config' | 'example' | 'date' | 'redact'>) {
  // The .sales-audit.yaml files next to and above a user's file apply; a bundled example uses only --config.
  const cfg = opts.config !== false && (opts.config || file) ? await new ConfigResolver(rules, opts.config || undefined).forOrg(opts.example ? undefined : file) : undefined;
  if (cfg && !cfg.ok) throw inputError(cfg.diagnostics);
  const config = cfg?.value.config;
  const loaded = await loadOrg(file, opts.example);
  // What the run reads, so no --output can replace it.
  const inputs: InputFile[] = [];
  const orgPath = opts.example ? join(examplesDir(), `${opts.example}.yaml`) : file;
  if (orgPath) inputs.push({ path: orgPath, what: 'the org file' });
  const csv = loaded.org.people_csv?.trim();
  if (orgPath && csv) inputs.push({ path: resolve(dirname(resolve(orgPath)), csv), what: 'the roster (people_csv)' });
  if (cfg?.ok) inputs.push({ path: resolve(cfg.value.file), what: 'the config' });
  const badWaivers = waiverDiagnostics(loaded, rules.map((r) => r.id));
  if (badWaivers.length) throw inputError(badWaivers);
  const report = runAudit({
    org: opts.redact ? redact(loaded.org) : loaded.org,
    date: opts.date ?? today(),
    rules,
    file: loaded.file,
    locate: (p) => loaded.positions.locate(p),
    unknowns: loaded.unknowns,
    settings: settingsOf(config),
    coverageFloor: config?.coverageFloor,
    configWaivers: cfg?.value.waivers,
    toolVersion: VERSION,
  });
  return { report, config, configFiles: cfg?.value.files ?? [], inputs };
}

/** The audit command's action. */
export async function runAuditCommand(file: string | undefined, opts: AuditOpts, list: Target<Format>[]): Promise<void> {
  // The pdf code (and node:child_process) loads only when a pdf is asked for.
  const pdf = list.some((t) => t.format === 'pdf') ? await import('../pdf-output') : undefined;
  const { report, config, configFiles, inputs } = await auditFile(file, opts);
  refuseInputsAsOutputs(list, inputs);
  const browser = pdf?.pdfBrowser(list);
  const outputs = [];
  for (const target of list) {
    if (target.format === 'pdf') continue;
    const text = await render(target.format as Format, report, {
      paper: opts.paper,
      color: target.output === undefined && useColor(stdoutIsTTY(), opts.color === false ? false : undefined),
      width: stdoutColumns(),
      configFiles,
    });
    outputs.push({ target, text });
  }
  await writeTargets(outputs);
  for (const t of list)
    if (t.format === 'pdf') await pdf!.writePdf(t.output!, await render('html', report, { color: false, paper: opts.paper ?? 'a4' }), browser!, report.auditDate);

  const failures = checkGates(report, gatesOf(config, { failUnder: opts.failUnder, minCoverage: opts.minCoverage, failOn: opts.failOn, strict: opts.strict }));
  for (const f of failures) writeStderrLine(`sales-audit: gate failed: ${f.at?.line ? `${f.at.file}:${f.at.line}:${f.at.column ?? 1}: ` : ''}${f.message}`);
  if (failures.length) process.exitCode = EXIT.gate;
}
