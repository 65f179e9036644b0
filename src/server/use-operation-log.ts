/**
 * Notes each query that succeeded in an OperationLog (operation-log.ts), so that the next
 * start warms up what clients actually ask. Not noted: mutations and subscriptions, answers
 * with errors, introspection alone (GraphiQL's schema query), and the warm-up's own queries.
 */
import {
  getOperationAST,
  Kind,
  OperationTypeNode,
  type ExecutionArgs,
  type OperationDefinitionNode,
} from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';

import type { OperationLog } from './operation-log.ts';

/** True when every root field is introspection (GraphiQL's schema query, `{ __typename }`). */
export function onlyIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'),
  );
}

export function useOperationLog(log: OperationLog): Plugin {
  return {
    onExecute({ args }) {
      const { contextValue, document, operationName } = args as ExecutionArgs;
      const context = contextValue as { params?: GraphQLParams; warmUp?: boolean };
      const params = context.params;
      if (context.warmUp === true || !params?.query) return;
      const operation = getOperationAST(document, operationName);
      if (
        !operation ||
        operation.operation !== OperationTypeNode.QUERY ||
        onlyIntrospection(operation)
      )
        return;
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result || (result.errors?.length ?? 0) > 0) return;
          log.note({
            query: params.query!,
            operationName: params.operationName ?? undefined,
            variables: params.variables,
          });
        },
      };
    },
  };
}
