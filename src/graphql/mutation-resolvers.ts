/**
 * Mutations and the audit trail. Thin: check the key (auth.requireWrite), call the write
 * path (src/write/), shape the result. A refused write becomes BAD_USER_INPUT listing every
 * problem with its input path.
 */
import type { GraphQLResolveInfo } from 'graphql';

import { translateFindById } from '../translate/find-by-id.ts';
import type { EditRecord } from '../write/edit-log.ts';
import { WriteValidationError } from '../write/write-problems.ts';
import type { GraphContext } from './context.ts';

type Obj = Record<string, unknown>;

/** An Edit as GraphQL shows it (relationship ids only). */
const shapeEdit = (e: EditRecord | null) =>
  e && { ...e, createdRelationships: e.createdRelationships.map((r) => r.id) };

async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof WriteValidationError) throw err.toGraphQLError();
    throw err;
  }
}

interface WriteArgs {
  input: unknown;
  idempotencyKey?: string | null;
}

export const mutationResolvers = {
  addReport: (_: unknown, args: WriteArgs, ctx: GraphContext) => {
    const author = ctx.auth.requireWrite(ctx.principal);
    return refusing(async () => {
      const r = await ctx.writer.addReport(args.input, author, args.idempotencyKey ?? undefined);
      return { reportId: r.reportId, created: r.created, edit: shapeEdit(r.edit) };
    });
  },
  recordFacts: (_: unknown, args: WriteArgs, ctx: GraphContext) => {
    const author = ctx.auth.requireWrite(ctx.principal);
    return refusing(async () => {
      const r = await ctx.writer.recordFacts(args.input, author, args.idempotencyKey ?? undefined);
      return {
        ...r,
        createdRelationships: r.createdRelationships.map((x) => x.id),
        edit: shapeEdit(r.edit),
      };
    });
  },
  mergeActors: (_: unknown, args: { keep: string; remove: string }, ctx: GraphContext) => {
    const author = ctx.auth.requireWrite(ctx.principal);
    return refusing(async () =>
      shapeEdit(await ctx.writer.mergeActors(args.keep, args.remove, author)),
    );
  },
  revertEdit: (_: unknown, args: { id: string }, ctx: GraphContext) => {
    const author = ctx.auth.requireWrite(ctx.principal);
    return refusing(async () => shapeEdit(await ctx.writer.revertEdit(args.id, author)));
  },
};

export const editQueryResolvers = {
  edits: async (
    _: unknown,
    args: { since?: string | null; by?: string | null; first?: number | null },
    ctx: GraphContext,
  ) =>
    (
      await ctx.writer.edits({
        ...(args.since ? { since: args.since } : {}),
        ...(args.by ? { by: args.by } : {}),
        first: Math.max(1, Math.min(args.first ?? 50, 500)),
      })
    ).map(shapeEdit),
};

export const writeResultResolvers = {
  AddReportResult: {
    report: async (parent: Obj, _: unknown, ctx: GraphContext, info: GraphQLResolveInfo) =>
      (await ctx.reader.readResult(
        translateFindById('Source', parent.reportId as string, info),
      )) as Obj | null,
  },
};
