import {
  Kind,
  parse,
  print,
  stripIgnoredCharacters,
  visit,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';

/** One top-level field of a merged document: which member asked for it, under which key. */
export interface AliasEntry {
  member: number;
  /** The field's response key in the member's own document (its alias, else its name). */
  key: string;
}

export interface MergedDocument {
  document: string;
  operationName: string;
  /** Merged response key → member and original key. */
  aliases: Map<string, AliasEntry>;
  /** Per member: original variable name → merged name. */
  variableNames: Array<Map<string, string>>;
}

/** Why a document cannot join a batch; it is then sent on its own. */
export type Unmergeable = { unmergeable: string };

interface Parsed {
  operation: OperationDefinitionNode;
  fields: FieldNode[];
}

/** Prefix of member i's aliases and variables: `t0_`, `t1_`, ... */
export function memberPrefix(i: number): string {
  return `t${i}_`;
}

/**
 * Decides whether a document can be merged, and keeps its parsed operation. A merged document
 * must stay one anonymous-fragment-free query: fragments would need renaming across members
 * and could collide, several operations leave no single one to merge, and mutations or
 * subscriptions must not be combined with other work. Those go alone.
 */
function analyse(source: string): Parsed | Unmergeable {
  let doc: DocumentNode;
  try {
    doc = parse(source, { noLocation: true });
  } catch (e) {
    return { unmergeable: `does not parse: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (doc.definitions.length !== 1 || doc.definitions[0].kind !== Kind.OPERATION_DEFINITION) {
    return { unmergeable: 'several operations or fragments' };
  }
  const operation = doc.definitions[0];
  if (operation.operation !== 'query') {
    return { unmergeable: `a ${operation.operation}` };
  }
  if (operation.directives?.length) {
    return { unmergeable: 'operation directives' };
  }
  const fields: FieldNode[] = [];
  for (const s of operation.selectionSet.selections) {
    if (s.kind !== Kind.FIELD) {
      return { unmergeable: 'top-level fragments' };
    }
    fields.push(s);
  }
  return { operation, fields };
}

/** Why a document must be sent on its own, or undefined when it can join a batch. */
export function unmergeableReason(source: string): string | undefined {
  const p = analyse(source);
  return 'unmergeable' in p ? p.unmergeable : undefined;
}

function prefixVariables(operation: OperationDefinitionNode, prefix: string): OperationDefinitionNode {
  return visit(operation, {
    Variable: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
  });
}

/**
 * Merges several single-query documents into one: every top-level field gets the member's
 * prefix on its response key, every variable the same prefix on its name, and the variable
 * definitions are concatenated. Pure function of the documents; see DocumentMerger for caching.
 */
export function mergeDocuments(documents: readonly string[]): MergedDocument | Unmergeable {
  const parsed: Parsed[] = [];
  for (const d of documents) {
    const p = analyse(d);
    if ('unmergeable' in p) {
      return p;
    }
    parsed.push(p);
  }
  const aliases = new Map<string, AliasEntry>();
  const variableNames: Array<Map<string, string>> = [];
  const definitions: VariableDefinitionNode[] = [];
  const selections: FieldNode[] = [];
  const names: string[] = [];

  parsed.forEach(({ operation }, member) => {
    const prefix = memberPrefix(member);
    const renamed = prefixVariables(operation, prefix);
    const vars = new Map<string, string>();
    for (const def of operation.variableDefinitions ?? []) {
      vars.set(def.variable.name.value, prefix + def.variable.name.value);
    }
    variableNames.push(vars);
    definitions.push(...(renamed.variableDefinitions ?? []));
    for (const s of renamed.selectionSet.selections) {
      // analyse() allowed only fields at the top level.
      const field = s as FieldNode;
      const key = field.alias?.value ?? field.name.value;
      const merged = prefix + key;
      aliases.set(merged, { member, key });
      selections.push({ ...field, alias: { kind: Kind.NAME, value: merged } });
    }
    names.push(operation.name?.value ?? `Query${member}`);
  });

  const operationName = `Batch_${names.join('_')}`;
  const merged: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: parsed[0].operation.operation,
        name: { kind: Kind.NAME, value: operationName },
        variableDefinitions: definitions,
        directives: [],
        selectionSet: { kind: Kind.SELECTION_SET, selections },
      },
    ],
  };
  // Compact: the merged text is only ever read by the server (the inspector shows each target's own).
  return { document: stripIgnoredCharacters(print(merged)), operationName, aliases, variableNames };
}

/** The merged request's variables: each member's, under its prefixed names. */
export function mergeVariables(
  merged: MergedDocument,
  variables: ReadonlyArray<Record<string, unknown> | undefined>
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  variables.forEach((vars, member) => {
    const names = merged.variableNames[member];
    for (const [name, value] of Object.entries(vars ?? {})) {
      const renamed = names.get(name);
      // Variables the operation does not declare are dropped, as a server would reject them.
      if (renamed !== undefined && value !== undefined) {
        out[renamed] = value;
      }
    }
  });
  return out;
}
