// Test hook, preloaded with `node -r`: every rename onto a file whose name ends
// in SALES_AUDIT_TEST_SLOW_RENAME (e.g. `org.yaml`) first waits
// SALES_AUDIT_TEST_SLOW_RENAME_MS, as on slow or network storage. Lets the
// write-fault tests hold a save open (a second interview, a SIGKILL) without
// any hook in the product. Writes `<dir>/.slow-rename-<pid>` when a rename
// starts waiting, so a test knows the save is in flight.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const suffix = process.env.SALES_AUDIT_TEST_SLOW_RENAME;
const ms = Number(process.env.SALES_AUDIT_TEST_SLOW_RENAME_MS || 0);
const rename = fs.renameSync;
if (suffix && ms > 0) {
  fs.renameSync = function slowRename(from, to) {
    if (String(to).endsWith(suffix)) {
      fs.writeFileSync(path.join(path.dirname(String(to)), `.slow-rename-${process.pid}`), '');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    }
    return rename.apply(this, arguments);
  };
}
