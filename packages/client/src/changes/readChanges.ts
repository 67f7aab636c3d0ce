import { canonicalize, isRecord } from '@getimmutable/contract';

/**
 * One field an update changed. `before` is absent when the field was added, `after` when it was
 * removed (a null is a value: "set to null" is not "removed").
 */
export interface FieldChange {
  field: string;
  kind: 'changed' | 'added' | 'removed';
  before?: unknown;
  after?: unknown;
}

type Plain = Record<string, unknown>;

/** An own data property: keys such as `__proto__` (JSON.parse makes them own) are just data. */
function own(record: Plain, key: string): { has: boolean; value: unknown } {
  const descriptor = Object.getOwnPropertyDescriptor(record, key);
  return descriptor && 'value' in descriptor
    ? { has: true, value: descriptor.value }
    : { has: false, value: undefined };
}

function change(
  field: string,
  before: { has: boolean; value: unknown },
  after: { has: boolean; value: unknown },
): FieldChange {
  if (!before.has) return { field, kind: 'added', after: after.value };
  if (!after.has) return { field, kind: 'removed', before: before.value };
  return { field, kind: 'changed', before: before.value, after: after.value };
}

/** JSON values equal by content (key order aside). */
function same(a: unknown, b: unknown): boolean {
  try {
    return canonicalize(a) === canonicalize(b);
  } catch {
    return false; // not JSON (cannot come from the API): never call it unchanged
  }
}

/** The fields that differ between two snapshots: before's keys in order, then after's new ones. */
function diffSnapshots(before: Plain, after: Plain): FieldChange[] {
  const fields = [
    ...Object.keys(before),
    ...Object.keys(after).filter((k) => !Object.hasOwn(before, k)),
  ];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const b = own(before, field);
    const a = own(after, field);
    if (b.has && a.has && same(b.value, a.value)) continue;
    changes.push(change(field, b, a));
  }
  return changes;
}

const FROM_TO = [
  ['from', 'to'],
  ['before', 'after'],
] as const;

/** `{field: {from, to}}` (or `{before, after}` per field): every entry must have that shape. */
function readFieldPairs(changes: Plain): FieldChange[] | null {
  const fields = Object.keys(changes);
  if (fields.length === 0) return null;
  const out: FieldChange[] = [];
  for (const field of fields) {
    const pair = own(changes, field).value;
    if (!isRecord(pair)) return null;
    const keys = Object.keys(pair);
    const names = FROM_TO.find(
      ([b, a]) => keys.length > 0 && keys.every((k) => k === b || k === a),
    );
    if (!names) return null;
    out.push(change(field, own(pair, names[0]), own(pair, names[1])));
  }
  return out;
}

/**
 * The field-by-field changes an event's metadata records, in one of the shapes update events
 * commonly carry (docs/react.md, "What changed"), or null when it records none:
 * - `metadata.changes = { title: { from: 'Q1', to: 'Q2' }, … }` (per field `from`/`to`, or
 *   `before`/`after`; a missing side is an added or removed field);
 * - `metadata.changes = { before: {…}, after: {…} }`, or `metadata.before` and `metadata.after`:
 *   two snapshots, compared key by key (unchanged keys left out).
 * Anything else — `changes: { words_added: 12 }`, say — is not read as changes.
 * @example readChanges({ changes: { role: { from: 'member', to: 'admin' } } })
 */
export function readChanges(metadata: unknown): FieldChange[] | null {
  if (!isRecord(metadata)) return null;
  const changes = own(metadata, 'changes').value;
  if (isRecord(changes)) {
    const before = own(changes, 'before').value;
    const after = own(changes, 'after').value;
    if (Object.keys(changes).length === 2 && isRecord(before) && isRecord(after))
      return diffSnapshots(before, after);
    const pairs = readFieldPairs(changes);
    if (pairs) return pairs;
  }
  const before = own(metadata, 'before').value;
  const after = own(metadata, 'after').value;
  if (isRecord(before) && isRecord(after)) return diffSnapshots(before, after);
  return null;
}
