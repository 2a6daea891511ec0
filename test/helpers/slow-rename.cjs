// Test hook, preloaded with `node -r`, that makes storage slow where a
// write-fault test needs a save held open (a second interview, a SIGKILL),
// with no hook in the product. Every marker it writes starts with `.hook-`.
//
//   SALES_AUDIT_TEST_SLOW_RENAME=<suffix>   renames onto a file whose name ends in <suffix> are held:
//     SALES_AUDIT_TEST_SLOW_RENAME_MS=<ms>    for this long, or
//     SALES_AUDIT_TEST_HOLD_RENAME=1          until a file `.hook-release` appears beside the target.
//     A held rename first writes `.hook-renaming-<pid>` beside the target.
//   SALES_AUDIT_TEST_MARK_READ=<suffix>     reading a file whose name ends in <suffix> writes `.hook-read-<pid>` beside it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const env = process.env;
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const mark = (file, name) => fs.writeFileSync(path.join(path.dirname(String(file)), `.hook-${name}-${process.pid}`), '');

const rename = fs.renameSync;
const suffix = env.SALES_AUDIT_TEST_SLOW_RENAME;
if (suffix) {
  fs.renameSync = function heldRename(from, to) {
    if (String(to).endsWith(suffix)) {
      mark(to, 'renaming');
      if (env.SALES_AUDIT_TEST_HOLD_RENAME) {
        const release = path.join(path.dirname(String(to)), '.hook-release');
        for (let waited = 0; !fs.existsSync(release) && waited < 20_000; waited += 10) sleep(10);
      } else sleep(Number(env.SALES_AUDIT_TEST_SLOW_RENAME_MS || 0));
    }
    return rename.apply(this, arguments);
  };
}

const read = fs.readFileSync;
const readSuffix = env.SALES_AUDIT_TEST_MARK_READ;
if (readSuffix) {
  fs.readFileSync = function markedRead(file) {
    if (typeof file === 'string' && file.endsWith(readSuffix)) mark(file, 'read');
    return read.apply(this, arguments);
  };
}
