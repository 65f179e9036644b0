/** The generated resolver types are those of the SDL in schema/ (no database). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { generateResolverTypes, generatedFile } from '../tools/codegen.ts';

describe('generated resolver types', () => {
  it('match the SDL in schema/ (run npm run codegen after changing it)', async () => {
    expect(readFileSync(generatedFile, 'utf8')).toBe(await generateResolverTypes());
  });
});
