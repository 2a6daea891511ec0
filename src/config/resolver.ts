// Which config applies to an org file: the one given with --config, or the
// nearest .sales-audit.yaml next to or above the file. Lookups and loads are
// cached, so linting many files in one folder reads its config once.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { RuleDefinition } from '../engine/types';
import { findConfig, loadConfigFile, type ConfigResult } from './load';

export class ConfigResolver {
  private readonly found = new Map<string, Promise<string | undefined>>();
  private readonly loaded = new Map<string, Promise<ConfigResult>>();

  constructor(
    private readonly rules: readonly RuleDefinition[],
    /** --config: used for every file, no lookup. */
    private readonly explicit?: string,
    private readonly cwd = process.cwd(),
    /** --no-config: no lookup, defaults only. */
    private readonly none = false,
  ) {}

  /** The config for an org file, or undefined when there is none. */
  async forOrg(orgPath: string | undefined): Promise<ConfigResult | undefined> {
    let path: string | undefined;
    if (this.none) return undefined;
    if (this.explicit) path = resolve(this.cwd, this.explicit);
    else if (orgPath) {
      const dir = dirname(resolve(this.cwd, orgPath));
      if (!this.found.has(dir)) this.found.set(dir, findConfig(dir));
      path = await this.found.get(dir);
    }
    if (!path) return undefined;
    if (!this.loaded.has(path)) this.loaded.set(path, loadConfigFile(path, this.shown(path), this.rules));
    return this.loaded.get(path);
  }

  // Relative to the working folder when under it, so messages read the same on every machine.
  private shown(abs: string): string {
    if (this.explicit) return this.explicit;
    const rel = relative(this.cwd, abs);
    return rel && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel) ? rel : abs;
  }
}
