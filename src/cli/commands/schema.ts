// `sales-audit schema`: the org file's JSON Schema, generated from the model.
import { Command } from 'commander';
import { CliError } from '../errors';
import { writeStdout } from '../stdio';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('Print the JSON Schema of the org file, with --config of .sales-audit.yaml (for editor completion and validation), or with --report of the JSON report.')
    .option(
      '--config [file]',
      "print the JSON Schema of the config file (.sales-audit.yaml) instead: with the options of the plugin rules of this config, or of the working folder's (as `rules` finds it)",
    )
    .option('--report', 'print the JSON Schema of the JSON report (audit --format json) instead')
    .addHelpText(
      'after',
      "\nExamples:\n  $ sales-audit schema > sales-audit.schema.json\n  $ sales-audit schema --config > sales-audit.config.schema.json\n  $ sales-audit schema --config orgs/.sales-audit.yaml > orgs/sales-audit.config.schema.json   # its plugins' rules too\n  $ sales-audit schema --report > sales-audit.report.schema.json",
    )
    .action(async (opts: { config?: boolean | string; report?: boolean }) => {
      if (opts.config && opts.report) throw new CliError(['give --config or --report, not both']);
      // Loaded only when this command runs: declaring it stays cheap. The rules are the built-in ones and the
      // plugins of the config (given, or found from the working folder), so an editor checks a plugin rule's options too.
      const schema = opts.config
        ? (await import('../../config/schema')).configJsonSchema(await (await import('../rules-in-scope')).rulesInScope(typeof opts.config === 'string' ? opts.config : undefined))
        : opts.report
          ? (await import('../../report/report-schema')).reportJsonSchema()
          : (await import('../../model/json-schema')).orgJsonSchema();
      writeStdout(`${JSON.stringify(schema, null, 2)}\n`);
    });
}
