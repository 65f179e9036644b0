/**
 * Cross-file validation of well-formed seed files, and their flattening into a Dataset.
 *
 * Guarantees, when it returns: ids are unique across all files; every reference (relationship
 * ends, claim subjects, `blamedBy`, `relativeTo`, evidence sources) names a defined node of an
 * allowed label; no relationship is defined twice; and, when the report texts are available,
 * every quote occurs verbatim in its report. Otherwise it throws one SeedValidationError
 * listing every problem with its file and path.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Dataset, NodeRow, Props, PropValue, RelationshipRow } from './dataset.ts';
import { SEED_ORIGIN } from './dataset.ts';
import { quoteOccursIn } from './quote-text.ts';
import { unnamedEndpointWarnings } from './relationship-naming.ts';
import type { ParsedSeedFile } from './read-seed-files.ts';
import { SeedValidationError, type SeedProblem } from './seed-error.ts';
import { NODE_KINDS } from '../model/node-kinds.ts';
import type { PropertySpec } from '../model/property.ts';
import { RELATIONSHIPS, seedFrom, type RelationshipSpec } from '../model/relationships.ts';
import {
  NODE_SECTIONS,
  type Evidence,
  type NodeLabel,
  type NodeSection,
  type SeedDate,
} from './seed-schema.ts';

interface Located {
  file: string;
  path: string;
}

interface NodeEntry extends Located {
  label: NodeLabel;
  id: string;
  record: Record<string, unknown>;
  evidence: Evidence[];
}

export async function validateDataset(
  files: ParsedSeedFile[],
  reportsDir: string | undefined,
): Promise<Dataset> {
  const problems: SeedProblem[] = [];
  const nodes = new Map<string, NodeEntry>();

  for (const { file, data } of files) {
    for (const section of Object.keys(NODE_SECTIONS) as NodeSection[]) {
      (data[section] ?? []).forEach((record, i) => {
        const entry: NodeEntry = {
          file,
          path: `${section}[${i}]`,
          label: NODE_SECTIONS[section],
          id: record.id,
          record,
          evidence: record.evidence,
        };
        const previous = nodes.get(record.id);
        if (previous) {
          problems.push(
            at(
              entry,
              '.id',
              `duplicate id '${record.id}' (already defined in ${previous.file}: ${previous.path})`,
            ),
          );
        } else {
          nodes.set(record.id, entry);
        }
      });
    }
  }

  const sources = new Map(
    [...nodes.values()].filter((n) => n.label === 'Source').map((n) => [n.id, n]),
  );
  const texts = await readReportTexts(sources, reportsDir, problems);
  let quotesVerified = 0;

  const checkEvidence = (owner: Located, evidence: Evidence[]) => {
    evidence.forEach((ev, i) => {
      const where = `.evidence[${i}]`;
      if (!sources.has(ev.source)) {
        problems.push(
          at(
            owner,
            `${where}.source`,
            `unknown report id '${ev.source}' (not in any sources: section)`,
          ),
        );
        return;
      }
      const text = texts.get(ev.source);
      if (text === undefined) return;
      if (quoteOccursIn(ev.quote, text)) quotesVerified++;
      else
        problems.push(
          at(
            owner,
            `${where}.quote`,
            `quote is not verbatim in report '${ev.source}': "${ev.quote}"`,
          ),
        );
    });
  };
  const checkRef = (owner: Located, where: string, id: string, labels: readonly NodeLabel[]) => {
    const target = nodes.get(id);
    if (!target) problems.push(at(owner, where, `dangling reference: no node has id '${id}'`));
    else if (!labels.includes(target.label))
      problems.push(
        at(owner, where, `'${id}' is a ${target.label}, expected ${labels.join(' or ')}`),
      );
  };
  /** References in declared properties: `ref` ids and dates' `relativeTo`. */
  const checkProperties = (
    owner: Located,
    prefix: string,
    specs: Record<string, PropertySpec>,
    record: Record<string, unknown>,
  ) => {
    for (const [name, spec] of Object.entries(specs)) {
      const value = record[name];
      if (value === undefined) continue;
      if (spec.type === 'ref')
        checkRef(owner, `${prefix}.${name}`, value as string, spec.to as NodeLabel[]);
      const relativeTo = spec.type === 'date' ? (value as SeedDate).relativeTo : undefined;
      if (relativeTo !== undefined)
        checkRef(owner, `${prefix}.${name}.relativeTo`, relativeTo, ['Source']);
    }
  };

  const nodeRows: NodeRow[] = [];
  const relRows: RelationshipRow[] = [];
  for (const node of nodes.values()) {
    checkEvidence(node, node.evidence);
    checkProperties(node, '', NODE_KINDS[node.label].properties, node.record);
    if (node.label === 'Claim')
      relRows.push(relationship('ABOUT', node.id, node.record.subject as string, node.evidence));
    if (node.label === 'Position') {
      // `actor` and `on` are checked as references above; the loader also links them.
      const { actor, on } = node.record as { actor: string; on: string };
      relRows.push(relationship('HELD', actor, node.id, node.evidence));
      relRows.push(relationship('ON', node.id, on, node.evidence));
    }
    nodeRows.push({ label: node.label, id: node.id, props: nodeProps(node) });
    if (node.label !== 'Source') relRows.push(...reportedBy(node.id, node.evidence));
  }

  const relIds = new Map<string, Located>();
  for (const { file, data } of files) {
    (data.relationships ?? []).forEach((rel, i) => {
      const owner = { file, path: `relationships[${i}]` };
      const spec: RelationshipSpec = RELATIONSHIPS[rel.type];
      checkRef(owner, '.from', rel.from, seedFrom(rel.type));
      checkRef(owner, '.to', rel.to, spec.to);
      for (const key of Object.keys(rel.props))
        if (!Object.hasOwn(spec.properties, key))
          problems.push(
            at(
              owner,
              `.props.${key}`,
              `${rel.type} has no property '${key}' (it has: ${Object.keys(spec.properties).join(', ') || 'none'})`,
            ),
          );
      checkProperties(owner, '.props', spec.properties, rel.props);
      checkEvidence(owner, rel.evidence);
      const row = relationship(rel.type, rel.from, rel.to, rel.evidence, flatten(rel.props));
      const previous = relIds.get(row.id);
      if (previous) {
        problems.push(
          at(
            owner,
            '',
            `duplicate relationship ${row.id} (already defined in ${previous.file}: ${previous.path})`,
          ),
        );
      } else {
        relIds.set(row.id, owner);
        relRows.push(row);
      }
    });
  }

  if (problems.length > 0) throw new SeedValidationError(problems);
  return {
    nodes: nodeRows,
    relationships: relRows,
    warnings: unnamedEndpointWarnings(files, nodes),
    quotesVerified,
    reportsDir: texts.size > 0 ? reportsDir : undefined,
  };
}

function at(owner: Located, suffix: string, message: string): SeedProblem {
  return { file: owner.file, path: `${owner.path}${suffix}`, message };
}

async function readReportTexts(
  sources: Map<string, NodeEntry>,
  reportsDir: string | undefined,
  problems: SeedProblem[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (reportsDir === undefined || !existsSync(reportsDir)) return texts;
  for (const source of sources.values()) {
    const file = path.join(reportsDir, source.record.file as string);
    if (!existsSync(file)) {
      problems.push(at(source, '.file', `report text not found at ${file}`));
      continue;
    }
    texts.set(source.id, await readFile(file, 'utf8'));
  }
  return texts;
}

/** Flattens a record for Neo4j: `date` becomes dateText/datePrecision/dateRelativeTo. */
function flatten(record: Record<string, unknown>): Props {
  const props: Props = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || key === 'evidence') continue;
    if (key === 'date') {
      const date = value as SeedDate;
      props.dateText = date.text;
      props.datePrecision = date.precision;
      if (date.relativeTo !== undefined) props.dateRelativeTo = date.relativeTo;
      continue;
    }
    props[key] = value as PropValue;
  }
  return props;
}

function provenance(evidence: Evidence[]): Props {
  return {
    sourceIds: evidence.map((e) => e.source),
    quotes: evidence.map((e) => e.quote),
    // Parallel to quotes: whom the report attributes each quote to, and how it frames it.
    voices: evidence.map((e) => e.voice ?? ''),
    framings: evidence.map((e) => e.framing ?? ''),
    origin: SEED_ORIGIN,
  };
}

function nodeProps(node: NodeEntry): Props {
  return { ...flatten(node.record), ...provenance(node.evidence) };
}

function relationship(
  type: RelationshipRow['type'],
  from: string,
  to: string,
  evidence: Evidence[],
  props: Props = {},
): RelationshipRow {
  const id = `${from}-${type}-${to}`;
  return { type, id, from, to, props: { id, ...props, ...provenance(evidence) } };
}

/** One REPORTED_BY per node and report, carrying that report's quotes for the node. */
function reportedBy(nodeId: string, evidence: Evidence[]): RelationshipRow[] {
  const bySource = new Map<string, Evidence[]>();
  for (const ev of evidence) bySource.set(ev.source, [...(bySource.get(ev.source) ?? []), ev]);
  return [...bySource].map(([source, evs]) => relationship('REPORTED_BY', nodeId, source, evs));
}
