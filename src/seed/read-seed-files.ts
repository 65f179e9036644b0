/**
 * Reads and parses every seed file in a folder (`*.yaml`, `*.yml`, `*.json`, sorted by
 * name) and checks each against `SeedFileSchema`. Collects all problems across all files
 * and throws one SeedValidationError; returns only when every file is well-formed.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';

import { SeedFileSchema, type SeedFile } from './seed-schema.ts';
import { SeedValidationError, formatPath, type SeedProblem } from './seed-error.ts';

export interface ParsedSeedFile {
  /** Path relative to the seeds folder's parent, as shown in messages (e.g. `seeds/actors.yaml`). */
  file: string;
  data: SeedFile;
}

export async function readSeedFiles(seedsDir: string): Promise<ParsedSeedFile[]> {
  const names = (await readdir(seedsDir)).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
  if (names.length === 0) {
    throw new SeedValidationError([
      { file: seedsDir, path: '', message: 'no .yaml, .yml or .json seed files found' },
    ]);
  }
  const problems: SeedProblem[] = [];
  const files: ParsedSeedFile[] = [];
  for (const name of names) {
    const file = path.join(path.basename(seedsDir), name);
    const text = await readFile(path.join(seedsDir, name), 'utf8');
    const raw = parseText(name, text, file, problems);
    if (raw === undefined) continue;
    const result = SeedFileSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file, path: formatPath(issue.path), message: issue.message });
      }
      continue;
    }
    files.push({ file, data: result.data });
  }
  if (problems.length > 0) throw new SeedValidationError(problems);
  return files;
}

function parseText(name: string, text: string, file: string, problems: SeedProblem[]): unknown {
  if (name.endsWith('.json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      problems.push({ file, path: '', message: `malformed JSON: ${(err as Error).message}` });
      return undefined;
    }
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const where = err.linePos?.[0]
        ? `line ${err.linePos[0].line}, column ${err.linePos[0].col}`
        : '';
      problems.push({
        file,
        path: where,
        message: `malformed YAML: ${err.message.split('\n')[0] ?? err.code}`,
      });
    }
    return undefined;
  }
  return doc.toJS() as unknown;
}
