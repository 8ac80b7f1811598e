/**
 * Indexes of a sandbox's records, so that a list reads a page without scanning every record: one
 * list per Tax ID and per member, kept newest first by (`submittedAt`, id) as records are created.
 * A page of a user's records, or of one member's, then costs the same at 100,000 stored records as
 * at 100 (measured in docs/mock-server.md). The indexes live in the sandbox's records (collections
 * named `__index:…`), so resetting or closing a sandbox drops them with the records.
 */
import { collection } from './sandbox.ts';
import type { SandboxState } from './types.ts';

/** What an indexed record must have. */
export interface IndexedRecord {
  taxIds: readonly string[];
  memberId: string;
  submittedAt: number;
}

interface RecordIndex<T> {
  /** Tax ID → its records, oldest first (ordered by submittedAt, then insertion). */
  byTaxId: Map<string, T[]>;
  /** Member ID → their records, oldest first. */
  byMember: Map<string, T[]>;
}

function indexOf<T>(sandbox: SandboxState, name: string): RecordIndex<T> {
  const store = collection<RecordIndex<T>>(sandbox, `__index:${name}`);
  let index = store.get('index');
  if (index === undefined) {
    index = { byTaxId: new Map(), byMember: new Map() };
    store.set('index', index);
  }
  return index;
}

/** Inserts keeping submittedAt order; at the end in the usual case (the clock moves forward). */
function insertOrdered<T extends IndexedRecord>(list: T[], record: T): void {
  let at = list.length;
  while (at > 0 && (list[at - 1] as T).submittedAt > record.submittedAt) at -= 1;
  list.splice(at, 0, record);
}

function add<T extends IndexedRecord>(map: Map<string, T[]>, key: string, record: T): void {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  insertOrdered(list, record);
}

/**
 * Adds a created record to the indexes of its collection.
 *
 * @example
 * records(ctx).set(record.referenceId, record);
 * indexRecord(ctx.sandbox, 'preauthorizations', record);
 */
export function indexRecord<T extends IndexedRecord>(sandbox: SandboxState, name: string, record: T): void {
  const index = indexOf<T>(sandbox, name);
  for (const taxId of new Set(record.taxIds)) add(index.byTaxId, taxId, record);
  add(index.byMember, record.memberId, record);
}

/** The records a page reads, newest first, and how many there are in all. */
export interface IndexedPage<T> {
  items: T[];
  total: number;
}

/**
 * One page (newest first) of the records of a collection visible through `taxIds`, optionally of
 * one member, that pass `keep`. Without `keep`, the page costs what the page holds (plus the skipped
 * pages when the user acts for several Tax IDs); with it, every candidate is tested, but nothing is
 * built for the records outside the page.
 *
 * @example
 * const { items, total } = pageFromIndex(ctx.sandbox, 'preauthorizations', ['060646668'], { number: 1, size: 25 });
 */
export function pageFromIndex<T extends IndexedRecord>(
  sandbox: SandboxState,
  name: string,
  taxIds: readonly string[],
  page: { number: number; size: number },
  options: {
    /** The record's id: the order among records of the same instant (newest id first). */
    idOf: (record: T) => string;
    memberId?: string;
    /** A filter the index does not answer (status, dates). */
    keep?: (record: T) => boolean;
    /**
     * Who may see a record. The index already narrows to the Tax IDs; this is checked on every record
     * read, and when it refuses one of a page's, the page is computed by testing every candidate.
     */
    visible?: (record: T) => boolean;
  },
): IndexedPage<T> {
  const index = indexOf<T>(sandbox, name);
  const granted = new Set(taxIds);
  const start = (page.number - 1) * page.size;
  const { memberId, keep, idOf } = options;
  const allowed = options.visible ?? (() => true);
  // One member: that member's list, filtered by visibility.
  const lists: T[][] =
    memberId === undefined
      ? [...granted].map((taxId) => index.byTaxId.get(taxId) ?? [])
      : [index.byMember.get(memberId) ?? []];
  const visible = (record: T): boolean =>
    (memberId === undefined || record.taxIds.some((taxId) => granted.has(taxId))) && allowed(record);
  // A record on several granted Tax IDs counts once: from the list of its first granted Tax ID.
  const owner = (record: T, taxId: string): boolean =>
    memberId !== undefined || record.taxIds.find((id) => granted.has(id)) === taxId;
  const owners = memberId === undefined ? [...granted] : [''];

  // The common case: one list, no filter: index straight into it.
  if (lists.length === 1 && keep === undefined && memberId === undefined) {
    const list = lists[0] as T[];
    const end = list.length - start;
    const items: T[] = [];
    for (let i = end - 1; i >= Math.max(0, end - page.size); i--) items.push(list[i] as T);
    if (items.every(allowed)) return { items, total: list.length };
  }

  // Otherwise merge the lists newest first (k-way, k = the user's Tax IDs, or one member list).
  const cursors = lists.map((list) => list.length - 1);
  const items: T[] = [];
  let total = 0;
  for (;;) {
    let best = -1;
    for (let l = 0; l < lists.length; l++) {
      const cursor = cursors[l] as number;
      if (cursor < 0) continue;
      const candidate = (lists[l] as T[])[cursor] as T;
      if (best === -1) best = l;
      else {
        const current = (lists[best] as T[])[cursors[best] as number] as T;
        if (
          candidate.submittedAt > current.submittedAt ||
          (candidate.submittedAt === current.submittedAt && idOf(candidate) > idOf(current))
        ) {
          best = l;
        }
      }
    }
    if (best === -1) break;
    const record = (lists[best] as T[])[cursors[best] as number] as T;
    cursors[best] = (cursors[best] as number) - 1;
    if (!owner(record, owners[best] as string) || !visible(record)) continue;
    if (keep !== undefined && !keep(record)) continue;
    if (total >= start && items.length < page.size) items.push(record);
    total += 1;
  }
  return { items, total };
}
