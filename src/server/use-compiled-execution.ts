/**
 * Compiled execution of read operations (graphql-jit): each document's query operation is
 * compiled once into JavaScript that walks the root resolvers' answers directly, instead of
 * graphql-js interpreting the selection for every request (field collection, a resolver
 * call and a resolve-info object per field).
 *
 * The root resolvers already return each root field's whole answer, shaped by Cypher and
 * keyed by response key. A document with no alias below its root fields has every
 * response key equal to its field name, so it runs against `plainSchema`: the same schema
 * without the alias-aware default resolvers, which graphql-jit turns into inline property
 * reads. Everything else runs as before on graphql-js against the server's schema:
 * mutations and subscriptions, introspection, documents with aliases below the root (or in
 * fragments), and whatever graphql-jit declines to compile.
 *
 * Same answers, errors included: the tests run every query shape on both paths.
 */
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  BREAK,
  getOperationAST,
  getVariableValues,
  valueFromASTUntyped,
  OperationTypeNode,
  GraphQLError,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type Source,
  type SourceLocation,
  type VariableDefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** A compiled operation, or `null` when this operation runs on graphql-js. */
type Compiled = { query: CompiledQuery; operation: OperationDefinitionNode } | null;

/** How many operations ran compiled and how many on graphql-js (for tests and profiles). */
export interface ExecutionCounts {
  compiled: number;
  interpreted: number;
}

export function useCompiledExecution(
  schema: GraphQLSchema,
  plainSchema: GraphQLSchema,
  counts: ExecutionCounts = { compiled: 0, interpreted: 0 },
): Plugin {
  // Keyed by document identity: yoga's parser cache gives every request with the same text
  // the same document, and a document leaves this cache when it leaves the parser's.
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();

  const compile = (document: DocumentNode, operationName: string | undefined): Compiled => {
    const operation = getOperationAST(document, operationName);
    if (
      !operation ||
      operation.operation !== OperationTypeNode.QUERY ||
      !compilable(document, operation)
    )
      return null;
    const result = compileQuery(plainSchema, document, operationName, {
      // graphql-jit's own @skip/@include handling of fragment spreads is wrong without it.
      useExperimentalPathBasedSkipInclude: true,
    });
    return isCompiledQuery(result) ? { query: result, operation } : null;
  };

  return {
    onExecute({ args: untyped, setExecuteFn }) {
      const args = untyped as ExecutionArgs;
      if (args.schema !== schema) return;
      const name = args.operationName ?? undefined;
      let byName = compiled.get(args.document);
      if (!byName) compiled.set(args.document, (byName = new Map<string, Compiled>()));
      let query = byName.get(name ?? '');
      if (query === undefined) byName.set(name ?? '', (query = compile(args.document, name)));
      // Variables graphql-js would refuse are refused by graphql-js, with its errors (400).
      const definitions = query?.operation.variableDefinitions ?? [];
      if (
        query === null ||
        (definitions.length > 0 &&
          getVariableValues(schema, definitions, args.variableValues ?? {}, { maxErrors: 1 })
            .errors)
      ) {
        counts.interpreted++;
        return;
      }
      counts.compiled++;
      const { query: run } = query;
      const source = args.document.loc?.source;
      const fix = (result: ExecutionResult): ExecutionResult =>
        result.errors
          ? { ...result, errors: result.errors.map((e) => located(e, source)) }
          : result;
      setExecuteFn((execArgs: ExecutionArgs) => {
        const result = run.query(
          execArgs.rootValue,
          execArgs.contextValue,
          withDefaults(definitions, execArgs.variableValues),
        );
        return result instanceof Promise ? result.then(fix) : fix(result);
      });
    },
  };
}

/**
 * True when every field below the operation's root fields is asked under its own name
 * (no alias), and nothing is introspection: then every response key is a field name.
 */
function compilable(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const roots = new Set(operation.selectionSet.selections);
  let ok = true;
  visit(document, {
    Field(node) {
      if (node.name.value.startsWith('__') && node.name.value !== '__typename') {
        ok = false;
        return BREAK;
      }
      if (node.alias && node.alias.value !== node.name.value && !roots.has(node)) {
        ok = false;
        return BREAK;
      }
      return undefined;
    },
    OperationDefinition(node) {
      // Other operations of the document are not executed: skip their selections.
      return node === operation ? undefined : false;
    },
  });
  return ok;
}

/**
 * A graphql-jit error as graphql-js makes it: its locations from the document's source (so
 * yoga, which rebuilds every error from its source and positions, keeps them), and a
 * non-null violation carried by a plain Error, as graphql-js throws it (so it is masked as an
 * unexpected error, and logged, like any other).
 */
function located(error: GraphQLError, source: Source | undefined): GraphQLError {
  const positions =
    source && error.locations ? error.locations.map((l) => offsetOf(source.body, l)) : undefined;
  const originalError =
    error.originalError ??
    (error.message.startsWith('Cannot return null for non-nullable field')
      ? new Error(error.message)
      : undefined);
  return new GraphQLError(error.message, {
    ...(source && positions ? { source, positions } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(originalError ? { originalError } : {}),
    ...(error.extensions ? { extensions: error.extensions } : {}),
  });
}

/** The offset in `body` of a 1-based line and column (lines end as GraphQL's lexer ends them). */
function offsetOf(body: string, { line, column }: SourceLocation): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = /\r\n|[\n\r]/g;
    next.lastIndex = offset;
    const m = next.exec(body);
    if (!m) break;
    offset = m.index + m[0].length;
  }
  return offset + column - 1;
}

/**
 * The variables with each absent one that has a default set to it, as the client could have
 * sent it: graphql-jit refuses a non-null variable left out even when it has a default
 * (`query ($text: String! = "x")`, as the explorer's "Open in GraphiQL" writes them), which
 * graphql-js accepts.
 */
function withDefaults(
  definitions: readonly VariableDefinitionNode[],
  variables: ExecutionArgs['variableValues'],
): Record<string, unknown> {
  const given: Record<string, unknown> = { ...(variables ?? {}) };
  for (const { variable, defaultValue } of definitions)
    if (defaultValue && !(variable.name.value in given))
      given[variable.name.value] = valueFromASTUntyped(defaultValue);
  return given;
}
