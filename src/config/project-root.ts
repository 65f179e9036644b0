/**
 * Absolute path of the repository root, for files the server reads (schema/, cypher/, seeds/):
 * the nearest folder above this module holding package.json — the same from src/ (tsx,
 * tests) and from the compiled dist/src/ (`npm start`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
