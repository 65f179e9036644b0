/**
 * `node --import tsx bench/translation-cost.ts [ROUNDS]`: the CPU cost of a request without
 * the database, per benchmark question: graphql-js execution of the (already parsed) query
 * with a reader that answers nothing, with the translation cache (src/translate/
 * translation-cache.ts) and with a cache that keeps nothing (every request translated).
 */
import { execute, parse } from 'graphql';

import { buildSchema } from '../src/graphql/build-schema.ts';
import type { GraphContext } from '../src/graphql/context.ts';
import { TranslationCache } from '../src/translate/translation-cache.ts';
import { QUESTIONS } from './questions.ts';

const rounds = Number(process.argv[2] ?? 2000);
const schema = buildSchema();
const reader = {
  readRows: () => Promise.resolve([]),
  readResult: () => Promise.resolve(null),
} as unknown as GraphContext['reader'];

async function perRequestUs(translations: TranslationCache, query: string): Promise<number> {
  const document = parse(query);
  const contextValue = { reader, translations } as unknown as GraphContext;
  for (let i = 0; i < 200; i++) await execute({ schema, document, contextValue });
  const t = performance.now();
  for (let i = 0; i < rounds; i++) await execute({ schema, document, contextValue });
  return ((performance.now() - t) * 1000) / rounds;
}

for (const q of QUESTIONS) {
  const none = await perRequestUs(new TranslationCache(0), q.ours);
  const cached = await perRequestUs(new TranslationCache(), q.ours);
  console.log(
    `${q.id}: ${none.toFixed(0)} µs translated every time, ${cached.toFixed(0)} µs cached (${(100 * (1 - cached / none)).toFixed(0)} % of the non-database cost saved)`,
  );
}
