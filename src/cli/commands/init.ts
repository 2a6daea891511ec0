// `sales-audit init [file]`: a starter org file from a template, plus the JSON
// Schema beside it so editors complete and check the file at once.
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { suggest } from '../../load/diagnostics';
import { CliError } from '../errors';
import { initTemplatesDir } from '../paths';
import { ioReason, writeFileAtomic } from '../output';
import { writeStdout } from '../stdio';
import { safeLine } from '../../report/safe';

export const SCHEMA_FILE = 'sales-audit.schema.json';

export function templateNames(): string[] {
  return readdirSync(initTemplatesDir())
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Write a starter org file from a template (never overwrites a file).')
    .argument('[file]', 'the org file to create', 'org.yaml')
    .option('-t, --template <name>', 'blank, founder-led or scaling-team', 'blank')
    .addHelpText('after', '\nExamples:\n  $ sales-audit init\n  $ sales-audit init acme.yaml --template founder-led')
    .action(async (file: string, opts: { template: string }) => {
      const names = templateNames();
      if (!names.includes(opts.template)) {
        const s = suggest(opts.template, names);
        throw new CliError([`unknown template "${opts.template}"${s ? `; did you mean "${s}"?` : ''} (templates: ${names.join(', ')})`]);
      }
      // lstat: a dangling symbolic link is a name in use too.
      if (lstatSync(file, { throwIfNoEntry: false })) throw new CliError([`${file}: already exists; refusing to overwrite it (choose another name or delete it first)`]);
      if (!existsSync(dirname(file) || '.')) throw new CliError([`${file}: the folder ${dirname(file)} does not exist`]);
      const text = readFileSync(join(initTemplatesDir(), `${opts.template}.yaml`), 'utf8');
      try {
        await writeFileAtomic(file, text);
      } catch (e) {
        throw new CliError([`cannot write ${file}: ${ioReason(e)}; nothing was created`]);
      }
      // Only once the org file exists, so a failed init leaves nothing behind.
      const schemaPath = join(dirname(file), SCHEMA_FILE);
      let wroteSchema = !existsSync(schemaPath);
      if (wroteSchema) {
        const { orgJsonSchema } = await import('../../model/json-schema');
        try {
          await writeFileAtomic(schemaPath, `${JSON.stringify(orgJsonSchema(), null, 2)}\n`);
        } catch (e) {
          wroteSchema = false;
          process.stderr.write(`sales-audit: note: ${schemaPath} (for editor completion) was not written: ${ioReason(e)}\n`);
        }
      }
      // The file name is printed as typed, made safe for the terminal (see src/report/safe.ts).
      writeStdout(
        `${safeLine(`Created ${file} from the ${opts.template} template${wroteSchema ? ` (and ${schemaPath} for editor completion)` : ''}.`)}\n` +
          `${safeLine(`Next: fill it in with \`sales-audit interview ${file}\` or by hand, then run \`sales-audit audit ${file}\`.`)}\n`,
      );
    });
}
