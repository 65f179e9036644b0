/**
 * The translation tier's harness: runs a GraphQL operation through the real schema and
 * resolvers with a reader that RECORDS each translated query instead of sending it (no
 * database; names in arguments are taken as ids), and formats queries for inline snapshots (Cypher text, then parameters with
 * Neo4j integers written as `int(n)`).
 */
import { isInt } from 'neo4j-driver';
import { graphql } from 'graphql';

import { buildSchema } from '../../src/graphql/build-schema.ts';
import type { GraphContext } from '../../src/graphql/context.ts';
import { TranslationCache } from '../../src/translate/translation-cache.ts';
import type { CypherQuery } from '../../src/translate/translation-context.ts';

const schema = buildSchema();

export interface Translation {
  queries: CypherQuery[];
  errors: string[];
}

/** Every query the operation would send, in order, and the errors it produced. */
export async function translate(
  source: string,
  variableValues?: Record<string, unknown>,
): Promise<Translation> {
  const queries: CypherQuery[] = [];
  const record = (query: CypherQuery) => {
    // Name resolution (src/resolve/resolve-name.ts), asked when an answer is empty: every
    // name is taken for the id it is, so no root field is translated twice.
    if ('lucene' in query.params) {
      const { id, labels } = query.params as { id: string; labels: string[] };
      return Promise.resolve([{ id, label: labels[0], name: id, aliases: [], score: 100 }]);
    }
    queries.push(query);
    return Promise.resolve([]);
  };
  const reader = {
    readRows: record,
    readResult: async (query: CypherQuery) => {
      await record(query);
      return null;
    },
  } as unknown as GraphContext['reader'];
  const result = await graphql({
    schema,
    source,
    variableValues,
    contextValue: { reader, translations: new TranslationCache() },
  });
  return {
    queries,
    // The recorder returns no rows, so non-null fields come back null: not translation errors.
    errors: (result.errors ?? [])
      .filter((e) => !e.message.startsWith('Cannot return null for non-nullable field'))
      .map(
        (e) => `${typeof e.extensions.code === 'string' ? e.extensions.code : ''}: ${e.message}`,
      ),
  };
}

/** The one query of a single-root-field operation, formatted; fails on errors or other counts. */
export async function cypherOf(source: string, variables?: Record<string, unknown>) {
  const { queries, errors } = await translate(source, variables);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  if (queries.length !== 1) throw new Error(`expected one query, got ${queries.length}`);
  return format(queries[0]!);
}

export function format(query: CypherQuery): string {
  const params = JSON.stringify(
    query.params,
    (_k, v: unknown) => (isInt(v) ? `int(${v.toString()})` : v),
    2,
  );
  return `${query.cypher}\n---\n${params}`;
}
