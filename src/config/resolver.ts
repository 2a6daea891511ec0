// Which config applies to an org file: the one given with --config, or the
// configs next to and above the file up to the repository root (or up to one
// that says `root: true`), merged with the nearer winning. Lookups and loads
// are cached, so linting many files in one folder reads its configs once.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { RuleDefinition } from '../engine/types';
import { findConfigs, loadConfigFile, mergeConfigs, type ConfigResult, type LoadedConfig } from './load';

export class ConfigResolver {
  private readonly found = new Map<string, Promise<ConfigResult | undefined>>();
  private readonly loaded = new Map<string, Promise<ConfigResult>>();

  constructor(
    private readonly rules: readonly RuleDefinition[],
    /** --config: used for every file, no lookup. */
    private readonly explicit?: string,
    private readonly cwd = process.cwd(),
    /** --no-config: no lookup, defaults only. */
    private readonly none = false,
  ) {}

  /** The config for an org file (several merged, see load.ts mergeConfigs), or undefined when there is none. */
  async forOrg(orgPath: string | undefined): Promise<ConfigResult | undefined> {
    if (this.none) return undefined;
    if (this.explicit) return this.load(resolve(this.cwd, this.explicit));
    if (!orgPath) return undefined;
    const dir = dirname(resolve(this.cwd, orgPath));
    if (!this.found.has(dir)) this.found.set(dir, this.lookup(dir));
    return this.found.get(dir);
  }

  private async lookup(dir: string): Promise<ConfigResult | undefined> {
    const applied: LoadedConfig[] = [];
    for (const path of await findConfigs(dir)) {
      const r = await this.load(path);
      if (!r.ok) return r;
      applied.push(r.value);
      if (r.value.config.root) break;
    }
    return applied.length ? { ok: true, value: mergeConfigs(applied) } : undefined;
  }

  private load(path: string): Promise<ConfigResult> {
    if (!this.loaded.has(path)) this.loaded.set(path, loadConfigFile(path, this.shown(path), this.rules));
    return this.loaded.get(path)!;
  }

  // Relative to the working folder when under it, so messages read the same on every machine.
  private shown(abs: string): string {
    if (this.explicit) return this.explicit;
    const rel = relative(this.cwd, abs);
    return rel && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel) ? rel : abs;
  }
}
