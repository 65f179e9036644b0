/* global process, console */
// `npm run build` (and prestart): compiles the server to dist/ with tsc (tsconfig.build.json),
// only when a source is newer than the last build — a no-op check costs ~50 ms where even an
// incremental tsc costs seconds — so `npm ci && npm start` on a fresh clone just works.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist', '.tsbuildinfo');
const inputs = [
  'src',
  'bench/serve-ours.ts',
  'bench/serve-floor.ts',
  'bench/questions.ts',
  'tsconfig.json',
  'tsconfig.build.json',
];

/** Newest modification time of a file, or of any file under a folder. */
function newest(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

const force = process.argv.includes('--force');
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const stale = force || inputs.some((p) => newest(path.join(root, p)) > built);
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (stale && !existsSync(tsc) && existsSync(stamp)) {
  // The production image: built when the image was, TypeScript not installed.
  console.log('dist/ is served as built (TypeScript is not installed)');
} else if (stale) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
