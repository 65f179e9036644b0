/**
 * A refused write: every problem found, each with the path of the input it concerns
 * (`actors[0].evidence[1].quote`). Nothing is written when there is any.
 */
import { GraphQLError } from 'graphql';
import type { z } from 'zod';

export interface WriteProblem {
  path: string;
  message: string;
}

export class WriteValidationError extends Error {
  override name = 'WriteValidationError';
  constructor(readonly problems: WriteProblem[]) {
    super(
      `Refused, nothing was written (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.path || '(input)'}: ${p.message}`).join('\n'),
    );
  }

  toGraphQLError(): GraphQLError {
    return new GraphQLError(this.message, {
      extensions: { code: 'BAD_USER_INPUT', problems: this.problems, http: { status: 400 } },
    });
  }
}

export function zodProblems(error: z.ZodError): WriteProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path
      .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`))
      .join(''),
    message: issue.message,
  }));
}
