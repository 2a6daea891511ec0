// The schemas use zod/mini: it builds a schema about twice as fast as zod's
// classic API (which attaches dozens of methods to every schema), and every run
// builds the org schema. zod/mini leaves messages to a locale; the classic API
// would have set English itself, so this does. Imported, for this side effect,
// by each module that declares schemas.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());
