/**
 * One read operation compiled by graphql-jit, and how to run it with graphql-js's answers.
 *
 * The root resolvers already return each root field's whole answer, shaped by Cypher and
 * keyed by response key. A document with no alias below its root fields has every response
 * key equal to its field name, so it runs against `plainSchema`: the server's schema without
 * the alias-aware default resolvers, which graphql-jit turns into inline property reads.
 *
 * Contract: `compileOperation` returns null for anything but such a query operation (a
 * mutation or subscription, introspection, an alias below the root, or what graphql-jit
 * declines to compile); `runCompiled` answers as graphql-js would — errors located in the
 * document's source, a non-null violation carried by a plain Error (so it is masked and
 * logged like any other unexpected error) — once `variablesRefused` has said the variables
 * are ones graphql-js accepts.
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
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type Source,
  type SourceLocation,
  type VariableDefinitionNode,
} from 'graphql';

export interface CompiledOperation {
  query: CompiledQuery;
  operation: OperationDefinitionNode;
  source: Source | undefined;
}

export function compileOperation(
  plainSchema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
): CompiledOperation | null {
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
  return isCompiledQuery(result)
    ? { query: result, operation, source: document.loc?.source }
    : null;
}

/** True when graphql-js would refuse these variables (it then answers, with its errors). */
export function variablesRefused(
  schema: GraphQLSchema,
  { operation }: CompiledOperation,
  variables: Record<string, unknown> | null | undefined,
): boolean {
  const definitions = operation.variableDefinitions ?? [];
  return (
    definitions.length > 0 &&
    getVariableValues(schema, definitions, variables ?? {}, { maxErrors: 1 }).errors !== undefined
  );
}

export function runCompiled(
  compiled: CompiledOperation,
  rootValue: unknown,
  contextValue: unknown,
  variables: Record<string, unknown> | null | undefined,
): ExecutionResult | Promise<ExecutionResult> {
  const fix = (result: ExecutionResult): ExecutionResult =>
    result.errors
      ? { ...result, errors: result.errors.map((e) => located(e, compiled.source)) }
      : result;
  const result = compiled.query.query(
    rootValue,
    contextValue,
    withDefaults(compiled.operation.variableDefinitions ?? [], variables),
  );
  return result instanceof Promise ? result.then(fix) : fix(result);
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
 * non-null violation carried by a plain Error, as graphql-js throws it.
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
  variables: Record<string, unknown> | null | undefined,
): Record<string, unknown> {
  const given: Record<string, unknown> = { ...(variables ?? {}) };
  for (const { variable, defaultValue } of definitions)
    if (defaultValue && !(variable.name.value in given))
      given[variable.name.value] = valueFromASTUntyped(defaultValue);
  return given;
}
