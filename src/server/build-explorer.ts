/**
 * Makes sure explorer/dist matches explorer/src: builds it with Vite when missing or older
 * than its sources. Where Vite is not installed (the production image, built with the
 * explorer already in it), an existing build is served as is.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import type * as Vite from 'vite';

import { projectRoot } from '../config/project-root.ts';

type ViteModule = typeof Vite;

const explorerRoot = path.join(projectRoot, 'explorer');
export const explorerDist = path.join(explorerRoot, 'dist');

function newestSourceMtime(): number {
  const files = [
    path.join(explorerRoot, 'index.html'),
    path.join(explorerRoot, 'vite.config.ts'),
    ...readdirSync(path.join(explorerRoot, 'src')).map((f) => path.join(explorerRoot, 'src', f)),
  ];
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

function isExplorerBuilt(): boolean {
  const index = path.join(explorerDist, 'index.html');
  if (!existsSync(index)) return false;
  if (!existsSync(path.join(explorerRoot, 'src'))) return true;
  return statSync(index).mtimeMs >= newestSourceMtime();
}

export async function ensureExplorerBuilt(
  log: (line: string) => void = console.log,
): Promise<void> {
  if (isExplorerBuilt()) return;
  let vite: ViteModule;
  try {
    vite = await import('vite');
  } catch {
    if (existsSync(path.join(explorerDist, 'index.html'))) return;
    throw new Error(
      'The explorer is not built and Vite is not installed: run npm ci, then npm run build:explorer',
    );
  }
  const started = Date.now();
  log('Building the explorer (Vite)…');
  await vite.build({ configFile: path.join(explorerRoot, 'vite.config.ts'), logLevel: 'warn' });
  log(`Explorer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
