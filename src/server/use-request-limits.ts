/**
 * The request limits: depth, aliases, tokens and directives (GraphQL Armor) and the cost of
 * what an operation can fetch (query-cost.ts).
 *
 * Every refusal is a GraphQL error with its own `extensions.code`, the limit and the value
 * found, and HTTP status 400 (GraphQL-over-HTTP: a request that fails before execution);
 * nothing is executed.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

import { operationCost } from './query-cost.ts';

/** Request limits; each refusal names the limit. */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  /** Values an operation can fetch at most, estimated by operationCost. */
  maxCost: 250_000,
  maxTokens: 4_000,
  maxDirectives: 20,
} as const;

/** Armor's messages (with its "Syntax Error: " prefix) → the code each refusal carries. */
const ARMOR_REFUSALS: [RegExp, string][] = [
  [/Query depth limit of (\d+) exceeded, found (\d+)/, 'QUERY_TOO_DEEP'],
  [/Aliases limit of (\d+) exceeded, found (\d+)/, 'TOO_MANY_ALIASES'],
  [/Directives limit of (\d+) exceeded, found (\d+)/, 'TOO_MANY_DIRECTIVES'],
  [/Token limit of (\d+) exceeded/, 'TOO_MANY_TOKENS'],
];

function limitRefusal(message: string, code: string, limit: number, found?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, limit, ...(found !== undefined ? { found } : {}), http: { status: 400 } },
  });
}

/** Recodes an error Armor threw; returns undefined for any other error. */
function recodeArmorError(err: unknown): GraphQLError | undefined {
  if (!(err instanceof GraphQLError)) return undefined;
  for (const [pattern, code] of ARMOR_REFUSALS) {
    const match = pattern.exec(err.message);
    if (match) {
      const message = err.message.replace(/^Syntax Error: /, '');
      return limitRefusal(message, code, Number(match[1]), match[2] ? Number(match[2]) : undefined);
    }
  }
  return undefined;
}

const costRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const cost = operationCost(context.getSchema(), operation, fragments);
    if (cost > LIMITS.maxCost) {
      context.reportError(
        limitRefusal(
          `Query cost limit of ${LIMITS.maxCost} exceeded, found ${cost}: it could fetch that many values. Ask for smaller pages (first) or fewer nested lists.`,
          'QUERY_TOO_COSTLY',
          LIMITS.maxCost,
          cost,
        ),
      );
    }
  },
});

/** Armor's depth, alias, token and directive limits, recoded. */
export function useRequestLimits(): Plugin[] {
  return [
    EnvelopArmorPlugin({
      maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true },
      maxAliases: { n: LIMITS.maxAliases },
      costLimit: { enabled: false },
      maxTokens: { n: LIMITS.maxTokens },
      maxDirectives: { n: LIMITS.maxDirectives },
      blockFieldSuggestion: { enabled: false },
    }),
    {
      onParse({ parseFn, setParseFn }) {
        const inner = parseFn as (...args: unknown[]) => DocumentNode;
        setParseFn((...args: unknown[]) => {
          try {
            return inner(...args);
          } catch (err) {
            throw recodeArmorError(err) ?? err;
          }
        });
      },
      onValidate({ validateFn, setValidationFn, addValidationRule }) {
        addValidationRule(costRule);
        type Validate = (
          schema: GraphQLSchema,
          document: DocumentNode,
          ...rest: unknown[]
        ) => readonly GraphQLError[];
        const inner = validateFn as Validate;
        setValidationFn((...args: Parameters<Validate>) => {
          try {
            return inner(...args);
          } catch (err) {
            const refusal = recodeArmorError(err);
            if (refusal) return [refusal];
            throw err;
          }
        });
      },
    },
  ];
}
