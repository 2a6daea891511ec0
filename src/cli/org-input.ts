// Loading the org for a command: a user's file, or a bundled example by name.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadOrgFile, type LoadedOrg } from '../load/load';
import { suggest } from '../load/diagnostics';
import { CliError, inputError } from './errors';
import { examplesDir, packageRoot } from './paths';

export function exampleNames(): string[] {
  return readdirSync(examplesDir())
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export async function loadOrg(file: string | undefined, example: string | undefined): Promise<LoadedOrg> {
  if (file && example) throw new CliError(['give either an org file or --example, not both']);
  let path = file;
  let shown = file;
  if (example) {
    const names = exampleNames();
    if (!names.includes(example)) {
      const s = suggest(example, names);
      throw new CliError([`unknown example "${example}"${s ? `; did you mean "${s}"?` : ''} (examples: ${names.join(', ')})`]);
    }
    path = join(examplesDir(), `${example}.yaml`);
    // Shown relative to the package so the report reads the same on every machine.
    shown = relative(packageRoot(), path);
  }
  if (!path) throw new CliError(['missing the org file: give a path, or --example <name> (see sales-audit audit --help)']);
  const loaded = await loadOrgFile(path, shown);
  if (!loaded.ok) throw inputError(loaded.diagnostics);
  return loaded.value;
}
