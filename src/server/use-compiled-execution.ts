/**
 * Compiled execution of read operations (graphql-jit, compiled-operation.ts): each document's
 * query operation is compiled once into JavaScript that walks the root resolvers' answers
 * directly, instead of graphql-js interpreting the selection for every request (field
 * collection, a resolver call and a resolve-info object per field). Everything the compiler
 * declines runs as before on graphql-js against the server's schema: mutations and
 * subscriptions, introspection, documents with aliases below the root (or in fragments).
 *
 * Each compiled operation is also remembered in `knownReads` under its request's query text,
 * for the HTTP hot path (serve-known-read.ts). When the hot path has already run an operation
 * and its answer has errors, it hands the answer to yoga as `answered` in the server context:
 * this plugin returns it without executing again, so yoga masks, logs and sets the status of
 * those errors as it does for its own.
 *
 * Same answers, errors included: the tests run every query shape on both paths.
 */
import type {
  DocumentNode,
  ExecutionArgs,
  ExecutionResult,
  GraphQLSchema,
  OperationDefinitionNode,
} from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';

import {
  compileOperation,
  runCompiled,
  variablesRefused,
  type CompiledOperation,
} from './compiled-operation.ts';
import type { KnownReads } from './known-reads.ts';
import { onlyIntrospection } from './use-operation-log.ts';

/** How many operations ran compiled and how many on graphql-js (for tests and profiles). */
export interface ExecutionCounts {
  compiled: number;
  interpreted: number;
}

/** What yoga's context holds, of what this plugin reads. */
interface ContextSeen {
  params?: GraphQLParams;
  /** An answer the hot path computed for this very request (its errors still to format). */
  answered?: ExecutionResult;
}

export function useCompiledExecution(
  schema: GraphQLSchema,
  plainSchema: GraphQLSchema,
  counts: ExecutionCounts = { compiled: 0, interpreted: 0 },
  knownReads?: KnownReads,
): Plugin {
  // Keyed by document identity: yoga's parser cache gives every request with the same text
  // the same document, and a document leaves this cache when it leaves the parser's.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledOperation | null>>();

  return {
    onExecute({ args: untyped, setExecuteFn, setResultAndStopExecution }) {
      const args = untyped as ExecutionArgs;
      if (args.schema !== schema) return;
      const context = args.contextValue as ContextSeen;
      if (context.answered) {
        setResultAndStopExecution(context.answered);
        return;
      }
      const name = args.operationName ?? undefined;
      let byName = compiled.get(args.document);
      if (!byName)
        compiled.set(args.document, (byName = new Map<string, CompiledOperation | null>()));
      let query = byName.get(name ?? '');
      if (query === undefined) {
        query = compileOperation(plainSchema, args.document, name);
        byName.set(name ?? '', query);
      }
      // Variables graphql-js would refuse are refused by graphql-js, with its errors (400).
      if (query === null || variablesRefused(schema, query, args.variableValues)) {
        counts.interpreted++;
        return;
      }
      counts.compiled++;
      if (knownReads && typeof context.params?.query === 'string')
        knownReads.remember(context.params.query, name, {
          compiled: query,
          logged: !onlyIntrospection(query.operation satisfies OperationDefinitionNode),
        });
      const run = query;
      setExecuteFn((execArgs: ExecutionArgs) =>
        runCompiled(run, execArgs.rootValue, execArgs.contextValue, execArgs.variableValues),
      );
    },
  };
}
