// `sales-audit schema`: the org file's JSON Schema, generated from the model.
import { Command } from 'commander';
import { orgJsonSchema } from '../../model/json-schema';
import { configJsonSchema } from '../../config/schema';
import { rules } from '../../../rules/index';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('Print the JSON Schema of the org file, or with --config of .sales-audit.yaml (for editor completion and validation).')
    .option('--config', 'print the JSON Schema of the config file (.sales-audit.yaml) instead')
    .addHelpText('after', '\nExamples:\n  $ sales-audit schema > sales-audit.schema.json\n  $ sales-audit schema --config > sales-audit.config.schema.json')
    .action((opts: { config?: boolean }) => {
      const schema = opts.config ? configJsonSchema(rules) : orgJsonSchema();
      process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    });
}
