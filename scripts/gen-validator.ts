// Build step: prints the org validator generated from the zod schema (see
// src/model/fast-validator.ts). scripts/build.mjs bundles and runs this.
import { generateValidator } from '../src/model/fast-validator';
import { OrgSchema } from '../src/model/schema';

process.stdout.write(generateValidator(OrgSchema, 'src/model/schema.ts'));
