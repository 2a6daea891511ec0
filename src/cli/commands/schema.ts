// `sales-audit schema`: the org file's JSON Schema, generated from the model.
import { Command } from 'commander';
import { writeStdout } from '../stdio';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('Print the JSON Schema of the org file, or with --config of .sales-audit.yaml (for editor completion and validation).')
    .option('--config', 'print the JSON Schema of the config file (.sales-audit.yaml) instead')
    .addHelpText('after', '\nExamples:\n  $ sales-audit schema > sales-audit.schema.json\n  $ sales-audit schema --config > sales-audit.config.schema.json')
    .action(async (opts: { config?: boolean }) => {
      // Loaded only when this command runs: declaring it stays cheap.
      const schema = opts.config
        ? (await import('../../config/schema')).configJsonSchema((await import('../../../rules/index')).rules)
        : (await import('../../model/json-schema')).orgJsonSchema();
      writeStdout(`${JSON.stringify(schema, null, 2)}\n`);
    });
}
