/**
 * Reads and parses every seed file in a folder (`*.yaml`, `*.yml`, `*.json`, sorted by
 * name) and checks each against `SeedFileSchema`. Collects all problems across all files
 * and throws one SeedValidationError; returns only when every file is well-formed.
 *
 * Before parsing, each file must be a regular file of at most MAX_FILE_BYTES holding valid
 * UTF-8 (the first bad byte is named by line and column; nothing is replaced by U+FFFD).
 * YAML aliases may not expand past MAX_YAML_ALIASES (an alias bomb names its file), and no
 * string may be longer than MAX_STRING_LENGTH characters (its path is named).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';

import { SeedFileSchema, type SeedFile } from './seed-schema.ts';
import { SeedValidationError, formatPath, type SeedProblem } from './seed-error.ts';

/** Largest seed file read (the whole curated seed set is about 200 KB). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** Longest string value: quotes are sentences, summaries a line or two. */
export const MAX_STRING_LENGTH = 20_000;
/** Most alias expansions per YAML document (yaml's own guard against alias bombs). */
export const MAX_YAML_ALIASES = 100;

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
    const text = await readText(path.join(seedsDir, name), file, problems);
    if (text === undefined) continue;
    const raw = parseText(name, text, file, problems);
    if (raw === undefined) continue;
    const long = findLongString(raw, []);
    if (long) {
      problems.push({
        file,
        path: formatPath(long.path),
        message: `string of ${long.length} characters; the limit is ${MAX_STRING_LENGTH}`,
      });
      continue;
    }
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

/** The file's text, or undefined after recording why it cannot be read as a seed file. */
async function readText(
  fullPath: string,
  file: string,
  problems: SeedProblem[],
): Promise<string | undefined> {
  const info = await stat(fullPath);
  if (!info.isFile()) {
    problems.push({
      file,
      path: '',
      message: `is a ${info.isDirectory() ? 'directory' : 'special file'}, not a seed file: rename or remove it`,
    });
    return undefined;
  }
  if (info.size > MAX_FILE_BYTES) {
    problems.push({
      file,
      path: '',
      message: `file of ${info.size} bytes; the limit is ${MAX_FILE_BYTES} bytes`,
    });
    return undefined;
  }
  const bytes = await readFile(fullPath);
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined) {
    const before = bytes.subarray(0, bad);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = bad - before.lastIndexOf(0x0a);
    problems.push({
      file,
      path: `line ${line}, column ${column}`,
      message: `not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad}); save the file as UTF-8`,
    });
    return undefined;
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return undefined;
}

function findLongString(
  value: unknown,
  at: (string | number)[],
): { path: (string | number)[]; length: number } | undefined {
  if (typeof value === 'string') {
    return value.length > MAX_STRING_LENGTH ? { path: at, length: value.length } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findLongString(value[i], [...at, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = findLongString(child, [...at, key]);
      if (found) return found;
    }
  }
  return undefined;
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
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown;
  } catch (err) {
    problems.push({
      file,
      path: '',
      message: `YAML aliases expand too far (${(err as Error).message}); write the values out instead of repeating aliases`,
    });
    return undefined;
  }
}
