// `sales-audit schema`: the org file's JSON Schema, generated from the model.
import { Command } from 'commander';
import { orgJsonSchema } from '../../model/json-schema';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('Print the JSON Schema of the org file (for editor completion and validation).')
    .addHelpText('after', '\nExample:\n  $ sales-audit schema > sales-audit.schema.json')
    .action(() => {
      process.stdout.write(`${JSON.stringify(orgJsonSchema(), null, 2)}\n`);
    });
}
