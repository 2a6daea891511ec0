// The rules `rules` and `explain` describe: the built-in ones, and the rules of
// the plugins named by the config that applies in the working folder (or by
// --config). Without a config nothing beyond the built-in rules is read.
import { join } from 'node:path';
import type { RuleDefinition } from '../engine/types';
import { inputError } from './errors';

/**
 * @param config - --config: a config file to use instead of the lookup from the working folder.
 * @throws {CliError} (exit 2) when that config cannot be used (a plugin that fails to load, a bad key).
 */
export async function rulesInScope(config: string | undefined): Promise<readonly RuleDefinition[]> {
  const { rules } = await import('../../rules/index');
  const cwd = process.cwd();
  const { findConfigs, rulesWith } = await import('../config/load');
  if (!config && !(await findConfigs(cwd)).length) return rules;
  const { ConfigResolver } = await import('../config/resolver');
  // As for an org file in the working folder.
  const cfg = await new ConfigResolver(rules, config, cwd).forOrg(join(cwd, 'org.yaml'));
  if (cfg && !cfg.ok) throw inputError(cfg.diagnostics);
  return rulesWith(rules, cfg);
}
