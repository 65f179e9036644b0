/**
 * The translation tier covers every root field that reads the graph through the translator:
 * each has an operation in tests/translate/*.test.ts. A new root field fails here until it
 * gets its snapshot (or is listed below with the module that answers it instead).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { buildSchema } from '../../src/graphql/build-schema.ts';

/** Root fields not translated from a selection, and what answers them. */
const NOT_TRANSLATED: Record<string, string> = {
  edits: 'the audit trail, read by src/write/edit-log.ts',
  suggestFacts: 'text analysis, src/suggest/ (reads the known graph in one fixed query)',
};

describe('the translation tier', () => {
  it('has an operation for every translated root field', () => {
    const dir = import.meta.dirname;
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts') && f !== path.basename(import.meta.filename))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    const fields = Object.keys(buildSchema().getQueryType()?.getFields() ?? {});
    expect(fields.length).toBeGreaterThan(15);
    // `{ field(` / `{ field {` in an operation, or `['field', …]` in a table of operations.
    const asked = (f: string) =>
      new RegExp(`[{\\s]${f}\\s*[({]`).test(sources) || new RegExp(`\\[\\s*'${f}',`).test(sources);
    const missing = fields.filter((f) => !(f in NOT_TRANSLATED) && !asked(f));
    expect(missing).toEqual([]);
  });
});
