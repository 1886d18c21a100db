// Gives the Cosmos stand-in what the real service has and it lacks: an index. @vercel/cosmosdb-
// server answers every query by running it over every document of the container (~4 µs each:
// 0.4 s per query once a container holds 100,000 documents), where Cosmos DB serves
// `ARRAY_CONTAINS(@list, c.field)` and `c.field = @value` from its index. Before a query runs,
// this narrows the documents it sees to those its WHERE clause can possibly match, from
// per-field value indexes; the stand-in's own engine then runs the unchanged query over them,
// in their stored order, so results, ordering, aggregates and paging are exactly what a full
// scan gives. Queries it cannot narrow (a top-level OR with an unindexable side, NOT, ranges,
// functions) still scan. A field's index is built on the first query that uses it and kept
// current on every write. Local stand-in only.
import { createRequire } from 'node:module';

type Primitive = string | number | boolean;
interface StoredItem {
  read(): Record<string, unknown> | null;
}
interface DocumentsLike {
  _data: Map<unknown, StoredItem>;
  _getQuery(sql: string): { ast: SqlAst };
  _toRid(keyPath: string, idOrRid: unknown, partition: unknown): unknown;
}
type QueryMethod = (this: DocumentsLike, params: { query: string; parameters?: { name: string; value: unknown }[] }, options: unknown) => unknown;

interface AstNode {
  type: string;
  [key: string]: unknown;
}
interface SqlAst {
  body?: { from?: AstNode | null; where?: { condition: AstNode } | null };
}

/** How to narrow a query: the documents whose `path` holds one of `values` (or, `element`, whose array at `path` contains one). */
export type Narrowing =
  | { kind: 'values'; path: string[]; element: boolean; values: Primitive[] }
  | { kind: 'and'; parts: Narrowing[] }
  | { kind: 'or'; parts: Narrowing[] };

const isPrimitive = (value: unknown): value is Primitive => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** The alias the WHERE clause names documents by (`c` in `FROM c`, `c` in `FROM root c`); null for FROM forms it does not read. */
function rootAliasOf(from: AstNode | null | undefined): string | null {
  const source = from?.source as AstNode | undefined;
  const expression = source?.expression as AstNode | undefined;
  if (source?.type !== 'from_source' || expression?.type !== 'collection_expression') return null;
  const alias = source.alias as AstNode | null;
  const collection = expression.expression as AstNode;
  if (alias?.type === 'identifier') return alias.name as string;
  return collection?.type === 'identifier' ? (collection.name as string) : null;
}

/** `c.a.b` / `c['a']` → ['a', 'b'] when rooted at the alias. */
function memberPath(node: AstNode, alias: string): string[] | null {
  if (node.type === 'identifier') return node.name === alias ? [] : null;
  if (node.type !== 'scalar_member_expression') return null;
  const object = memberPath(node.object as AstNode, alias);
  const property = node.property as AstNode;
  const name = property.type === 'identifier' ? property.name : property.type === 'string_constant' ? property.value : null;
  return object && typeof name === 'string' ? [...object, name] : null;
}

function valuesOf(node: AstNode, parameters: ReadonlyMap<string, unknown>): unknown {
  if (node.type === 'parameter_name') return parameters.has(node.name as string) ? parameters.get(node.name as string) : undefined;
  if (node.type === 'string_constant' || node.type === 'number_constant' || node.type === 'boolean_constant') return node.value;
  return undefined;
}

/** What can narrow the documents `condition` may match; null when nothing can (they must all be scanned). */
export function planNarrowing(ast: SqlAst, parameters: ReadonlyMap<string, unknown>): Narrowing | null {
  const alias = rootAliasOf(ast.body?.from);
  const condition = ast.body?.where?.condition;
  if (!alias || !condition) return null;
  const plan = (node: AstNode): Narrowing | null => {
    if (node.type === 'scalar_binary_expression') {
      const operator = String(node.operator).toUpperCase();
      const left = node.left as AstNode;
      const right = node.right as AstNode;
      if (operator === 'AND' || operator === 'OR') {
        const parts = [plan(left), plan(right)];
        // AND: either side alone narrows; OR: both sides must.
        if (operator === 'AND') return parts.some(Boolean) ? { kind: 'and', parts: parts.filter((part): part is Narrowing => part !== null) } : null;
        return parts.every(Boolean) ? { kind: 'or', parts: parts as Narrowing[] } : null;
      }
      if (operator === '=') {
        for (const [member, other] of [[left, right], [right, left]] as const) {
          const path = memberPath(member, alias);
          const value = valuesOf(other, parameters);
          if (path && path.length > 0 && isPrimitive(value)) return { kind: 'values', path, element: false, values: [value] };
        }
      }
      return null;
    }
    if (node.type === 'scalar_function_expression' && String((node.name as AstNode).name).toUpperCase() === 'ARRAY_CONTAINS') {
      const args = node.arguments as AstNode[];
      if (args.length !== 2) return null;
      const [first, second] = args as [AstNode, AstNode];
      // ARRAY_CONTAINS(@list, c.field): c.field is one of the list's values.
      const list = valuesOf(first, parameters);
      const field = memberPath(second, alias);
      if (Array.isArray(list) && field && field.length > 0 && list.every(isPrimitive)) return { kind: 'values', path: field, element: false, values: list };
      // ARRAY_CONTAINS(c.list, @value): the document's array holds the value.
      const arrayField = memberPath(first, alias);
      const value = valuesOf(second, parameters);
      if (arrayField && arrayField.length > 0 && isPrimitive(value)) return { kind: 'values', path: arrayField, element: true, values: [value] };
    }
    return null;
  };
  return plan(condition);
}

interface FieldIndex {
  path: readonly string[];
  /** Index the elements of an array field rather than the field's value. */
  element: boolean;
  byValue: Map<string, Set<StoredItem>>;
}

interface ContainerIndexes {
  /** Each document's position in the container's own order (the order a scan would see it in). */
  order: Map<StoredItem, number>;
  next: number;
  fields: Map<string, FieldIndex>;
}

const indexesOf = new WeakMap<object, ContainerIndexes>();
const keyOf = (value: Primitive) => `${typeof value}:${String(value)}`;

function readPath(document: Record<string, unknown> | null, path: readonly string[]): unknown {
  let value: unknown = document;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function keysOf(field: FieldIndex, item: StoredItem): string[] {
  const value = readPath(item.read(), field.path);
  if (!field.element) return isPrimitive(value) ? [keyOf(value)] : [];
  return Array.isArray(value) ? [...new Set(value.filter(isPrimitive).map(keyOf))] : [];
}

function addToField(field: FieldIndex, item: StoredItem): void {
  for (const key of keysOf(field, item)) {
    const set = field.byValue.get(key);
    if (set) set.add(item);
    else field.byValue.set(key, new Set([item]));
  }
}

function indexesFor(container: DocumentsLike): ContainerIndexes {
  let indexes = indexesOf.get(container);
  if (!indexes) {
    const items = [...container._data.values()];
    indexes = { order: new Map(items.map((item, position) => [item, position])), next: items.length, fields: new Map() };
    indexesOf.set(container, indexes);
  }
  return indexes;
}

function fieldIndex(container: DocumentsLike, path: readonly string[], element: boolean): FieldIndex {
  const indexes = indexesFor(container);
  const name = `${element ? '[]' : ''}${JSON.stringify(path)}`;
  let field = indexes.fields.get(name);
  if (!field) {
    field = { path, element, byValue: new Map() };
    for (const item of container._data.values()) addToField(field, item);
    indexes.fields.set(name, field);
  }
  return field;
}

/** How many documents a narrowing lets through at most, from the index sizes alone. */
function estimate(container: DocumentsLike, narrowing: Narrowing): number {
  if (narrowing.kind === 'values') {
    const field = fieldIndex(container, narrowing.path, narrowing.element);
    return narrowing.values.reduce<number>((sum, value) => sum + (field.byValue.get(keyOf(value))?.size ?? 0), 0);
  }
  const sizes = narrowing.parts.map((part) => estimate(container, part));
  return narrowing.kind === 'or' ? sizes.reduce((a, b) => a + b, 0) : Math.min(...sizes);
}

/** A superset of the documents the condition matches: for AND the most selective side alone (the engine checks the rest). */
function candidatesOf(container: DocumentsLike, narrowing: Narrowing): Set<StoredItem> {
  if (narrowing.kind === 'values') {
    const field = fieldIndex(container, narrowing.path, narrowing.element);
    return new Set(narrowing.values.flatMap((value) => [...(field.byValue.get(keyOf(value)) ?? [])]));
  }
  if (narrowing.kind === 'or') return new Set(narrowing.parts.flatMap((part) => [...candidatesOf(container, part)]));
  const [narrowest] = [...narrowing.parts].sort((a, b) => estimate(container, a) - estimate(container, b));
  return candidatesOf(container, narrowest!);
}

let installed = false;

export function installCosmosQueryIndex(): void {
  if (installed) return;
  const requireFromServer = createRequire(createRequire(import.meta.url).resolve('@vercel/cosmosdb-server'));
  const Documents = (requireFromServer('./account/documents') as { default: { prototype: Record<string, unknown> } }).default;
  const prototype = Documents.prototype as {
    query: QueryMethod;
    _set: (this: DocumentsLike, data: unknown) => unknown;
    delete: (this: DocumentsLike, idOrRid: unknown, partition: unknown) => unknown;
  };
  const query = prototype.query;
  const set = prototype._set;
  const remove = prototype.delete;
  const plans = new Map<string, SqlAst>();
  // Writes keep the indexes current: a stored document joins at the end of the container's
  // order (as the stand-in's Map puts it), a deleted one leaves (a replace is both).
  prototype._set = function (this: DocumentsLike, data) {
    const result = set.call(this, data);
    const indexes = indexesOf.get(this);
    const item = indexes ? this._data.get((data as { _rid: unknown })._rid) : undefined;
    if (indexes && item) {
      indexes.order.set(item, indexes.next++);
      for (const field of indexes.fields.values()) addToField(field, item);
    }
    return result;
  };
  prototype.delete = function (this: DocumentsLike, idOrRid, partition) {
    const indexes = indexesOf.get(this);
    const item = indexes ? this._data.get(this._toRid('/id', idOrRid, partition)) : undefined;
    const keys = item ? [...indexes!.fields.values()].map((field) => [field, keysOf(field, item)] as const) : [];
    const result = remove.call(this, idOrRid, partition);
    if (indexes && item) {
      indexes.order.delete(item);
      for (const [field, fieldKeys] of keys) for (const key of fieldKeys) field.byValue.get(key)?.delete(item);
    }
    return result;
  };
  prototype.query = function (this: DocumentsLike, params, options) {
    let ast = plans.get(params.query);
    if (!ast) {
      try {
        ast = this._getQuery(params.query).ast;
      } catch {
        return query.call(this, params, options); // a syntax error: the engine reports it
      }
      if (plans.size > 1000) plans.clear();
      plans.set(params.query, ast);
    }
    const narrowing = planNarrowing(ast, new Map((params.parameters ?? []).map((p) => [p.name, p.value])));
    if (!narrowing) return query.call(this, params, options);
    const candidates = candidatesOf(this, narrowing);
    const order = indexesOf.get(this)!.order;
    const narrowed = [...candidates].sort((a, b) => order.get(a)! - order.get(b)!);
    // The engine reads this._data; for this one synchronous call it holds only the candidates.
    const all = this._data;
    this._data = new Map(narrowed.map((item, position) => [position, item]));
    try {
      return query.call(this, params, options);
    } finally {
      this._data = all;
    }
  };
  installed = true;
}
