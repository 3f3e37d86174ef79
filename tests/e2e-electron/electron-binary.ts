import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Path of the installed Electron executable, or null when it is missing. Follows the `electron`
 * package's own lookup (path.txt, then dist/ or ELECTRON_OVERRIDE_DIST_PATH) without requiring the
 * package, because requiring it starts a download when ELECTRON_SKIP_BINARY_DOWNLOAD skipped one.
 */
export function electronBinary(root = resolve('.')): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const executable = join(override, relative || 'electron');
    return existsSync(executable) ? executable : null;
  }
  if (relative === '') return null;
  const executable = join(pkg, 'dist', relative);
  return existsSync(executable) ? executable : null;
}
