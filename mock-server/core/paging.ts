/** Paging of list answers (`page`, `pageSize` → `PageInfo`), as every list of the contract pages. */
import type { components } from '../../sdk/generated/portal.ts';

/** The spec's default page size. */
export const DEFAULT_PAGE_SIZE = 25;

/** The page asked for. */
export interface PageRequest {
  number: number;
  size: number;
}

function positiveInt(value: string | null, fallback: number): number {
  if (value === null) return fallback;
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? number : fallback;
}

/**
 * The `page` (from 1) and `pageSize` (default 25) of a query (already validated by the pipeline).
 *
 * @example
 * pageParameters(new URLSearchParams('page=2')); // { number: 2, size: 25 }
 */
export function pageParameters(query: URLSearchParams): PageRequest {
  return {
    number: positiveInt(query.get('page'), 1),
    size: positiveInt(query.get('pageSize'), DEFAULT_PAGE_SIZE),
  };
}

/**
 * One page of `items`; a page past the end is empty.
 *
 * @example
 * pageOf(['a', 'b', 'c'], { number: 2, size: 2 });
 * // { data: ['c'], page: { number: 2, size: 2, totalItems: 3, totalPages: 2 } }
 */
export function pageOf<T>(
  items: readonly T[],
  page: PageRequest,
): { data: T[]; page: components['schemas']['PageInfo'] } {
  const start = (page.number - 1) * page.size;
  return pageOfTotal(items.slice(start, start + page.size), items.length, page);
}

/**
 * A page already cut (by an index, core/record-index.ts) and the number of items in all.
 *
 * @example
 * pageOfTotal(['c'], 3, { number: 2, size: 2 });
 * // { data: ['c'], page: { number: 2, size: 2, totalItems: 3, totalPages: 2 } }
 */
export function pageOfTotal<T>(
  data: T[],
  total: number,
  page: PageRequest,
): { data: T[]; page: components['schemas']['PageInfo'] } {
  return {
    data,
    page: {
      number: page.number,
      size: page.size,
      totalItems: total,
      totalPages: Math.ceil(total / page.size),
    },
  };
}
