/**
 * Indexes of a sandbox's records, so that a list reads a page without scanning every record: one
 * list per group (a Tax ID, or the owner of a document) and per member, kept newest first by (time,
 * id) as records are created. A page of a user's records, or of one member's, then costs the same at
 * 100,000 stored records as at 100 (bench/search-page.ts; docs/mock-server.md). A date range on the
 * time the list is ordered by is found by binary search, so it narrows without a scan too. The indexes
 * live in the sandbox's records (collections named `__index:…`), so resetting or closing a sandbox
 * drops them with the records.
 */
import { collection } from './sandbox.ts';
import type { SandboxState } from './types.ts';

/** How the records of one collection are indexed. */
export interface IndexSpec<T> {
  /** The index's name (one per collection and grouping). */
  name: string;
  /** The groups a record is listed under: its Tax IDs, or its owner. */
  groupsOf: (record: T) => readonly string[];
  /** The member a record is about, when it is about one. */
  memberOf?: (record: T) => string | undefined;
  /** The order of the lists, oldest first (milliseconds: when it was submitted or created). */
  timeOf: (record: T) => number;
  /** The order among records of the same time (newest id first). */
  idOf: (record: T) => string;
}

interface RecordIndex<T> {
  /** Group → its records, oldest first. */
  byGroup: Map<string, T[]>;
  /** Member ID → their records, oldest first. */
  byMember: Map<string, T[]>;
}

function indexOf<T>(sandbox: SandboxState, name: string): RecordIndex<T> {
  const store = collection<RecordIndex<T>>(sandbox, `__index:${name}`);
  let index = store.get('index');
  if (index === undefined) {
    index = { byGroup: new Map(), byMember: new Map() };
    store.set('index', index);
  }
  return index;
}

/** Whether `a` comes after `b` in a list (later time, or the same time and a greater id). */
function after<T>(spec: IndexSpec<T>, a: T, b: T): boolean {
  const ta = spec.timeOf(a);
  const tb = spec.timeOf(b);
  return ta > tb || (ta === tb && spec.idOf(a) > spec.idOf(b));
}

/** Inserts keeping (time, id) order; at the end in the usual case (the clock moves forward). */
function insertOrdered<T>(spec: IndexSpec<T>, list: T[], record: T): void {
  let at = list.length;
  while (at > 0 && after(spec, list[at - 1] as T, record)) at -= 1;
  list.splice(at, 0, record);
}

function add<T>(spec: IndexSpec<T>, map: Map<string, T[]>, key: string, record: T): void {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  insertOrdered(spec, list, record);
}

/**
 * Adds a created record to an index of its collection.
 *
 * @example
 * records(ctx).set(record.referenceId, record);
 * indexRecord(ctx.sandbox, PREAUTHORIZATION_INDEX, record);
 */
export function indexRecord<T>(sandbox: SandboxState, spec: IndexSpec<T>, record: T): void {
  const index = indexOf<T>(sandbox, spec.name);
  for (const group of new Set(spec.groupsOf(record))) add(spec, index.byGroup, group, record);
  const member = spec.memberOf?.(record);
  if (member !== undefined) add(spec, index.byMember, member, record);
}

/** The records a page reads, newest first, and how many there are in all. */
export interface IndexedPage<T> {
  items: T[];
  total: number;
}

/** The first position in `list` whose time is at least `time` (binary search). */
function firstAtOrAfter<T>(spec: IndexSpec<T>, list: readonly T[], time: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spec.timeOf(list[middle] as T) < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A time range, both ends included (milliseconds); an open end is unbounded. */
export interface TimeRange {
  from?: number;
  to?: number;
}

/**
 * One page (newest first) of the records of a collection listed under `groups` (the user's Tax IDs,
 * say), optionally of one member, within a time range, that pass `keep`. Without `keep`, the page
 * costs what the page holds (plus the skipped pages when the user acts for several groups); with it,
 * every candidate in the range is tested, but nothing is built for the records outside the page.
 *
 * @example
 * const { items, total } = pageFromIndex(ctx.sandbox, PREAUTHORIZATION_INDEX, ['060646668'], { number: 1, size: 25 }, {});
 */
export function pageFromIndex<T>(
  sandbox: SandboxState,
  spec: IndexSpec<T>,
  groups: readonly string[],
  page: { number: number; size: number },
  options: {
    memberId?: string;
    /** Only records whose time is in this range (found by binary search). */
    between?: TimeRange;
    /** A filter the index does not answer (status, other dates). */
    keep?: (record: T) => boolean;
    /**
     * Who may see a record. The index already narrows to the groups; this is checked on every record
     * read, and when it refuses one of a page's, the page is computed by testing every candidate.
     */
    visible?: (record: T) => boolean;
  },
): IndexedPage<T> {
  const index = indexOf<T>(sandbox, spec.name);
  const granted = new Set(groups);
  const start = (page.number - 1) * page.size;
  const { memberId, keep, between } = options;
  const allowed = options.visible ?? (() => true);
  // One member: that member's list, filtered by the groups.
  const lists: T[][] =
    memberId === undefined
      ? [...granted].map((group) => index.byGroup.get(group) ?? [])
      : [index.byMember.get(memberId) ?? []];
  const inGroups = (record: T): boolean => spec.groupsOf(record).some((group) => granted.has(group));
  const visible = (record: T): boolean => (memberId === undefined || inGroups(record)) && allowed(record);
  // A record under several granted groups counts once: from the list of its first granted group.
  const owner = (record: T, group: string): boolean =>
    memberId !== undefined || spec.groupsOf(record).find((id) => granted.has(id)) === group;
  const owners = memberId === undefined ? [...granted] : [''];
  // Each list's slice [low, high) within the time range.
  const lows = lists.map((list) =>
    between?.from === undefined ? 0 : firstAtOrAfter(spec, list, between.from),
  );
  const highs = lists.map((list) =>
    between?.to === undefined ? list.length : firstAtOrAfter(spec, list, between.to + 1),
  );

  // The common case: one list, no filter: index straight into it.
  if (lists.length === 1 && keep === undefined && memberId === undefined) {
    const list = lists[0] as T[];
    const low = lows[0] as number;
    const high = highs[0] as number;
    const end = high - start;
    const items: T[] = [];
    for (let i = end - 1; i >= Math.max(low, end - page.size); i--) items.push(list[i] as T);
    if (items.every(allowed)) return { items, total: Math.max(0, high - low) };
  }

  // Otherwise merge the lists newest first (k-way, k = the user's groups, or one member list).
  const cursors = highs.map((high) => high - 1);
  const items: T[] = [];
  let total = 0;
  for (;;) {
    let best = -1;
    for (let l = 0; l < lists.length; l++) {
      const cursor = cursors[l] as number;
      if (cursor < (lows[l] as number)) continue;
      if (best === -1) best = l;
      else {
        const candidate = (lists[l] as T[])[cursor] as T;
        const current = (lists[best] as T[])[cursors[best] as number] as T;
        if (after(spec, candidate, current)) best = l;
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

/**
 * The `keep` option of {@link pageFromIndex} from the filters a request asks for (`undefined`: a filter
 * not asked); no option at all when none is asked, so that the page keeps its fast path.
 *
 * @example
 * pageFromIndex(sandbox, spec, taxIds, page, { ...keepOf([status === null ? undefined : hasStatus]) });
 */
export function keepOf<T>(tests: readonly (((record: T) => boolean) | undefined)[]): {
  keep?: (record: T) => boolean;
} {
  const asked = tests.filter((test): test is (record: T) => boolean => test !== undefined);
  if (asked.length === 0) return {};
  return { keep: (record) => asked.every((test) => test(record)) };
}
