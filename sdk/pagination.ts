import type { APIResult } from './core/api-promise.ts';
import { APIPromise } from './core/api-promise.ts';
import type { components } from './generated/portal.ts';

/**
 * Where a page stands in the whole result.
 *
 * @example
 * const { totalPages } = (await portal.documents.list()).page;
 */
export type PageInfo = components['schemas']['PageInfo'];

/**
 * A page of a list operation, as every list of the portal answers it.
 *
 * @example
 * const page: Page<{ memberId: string }> = { data: [], page: { number: 1, size: 25, totalItems: 0, totalPages: 0 } };
 */
export interface Page<Item> {
  data: Item[];
  page: PageInfo;
}

/**
 * The item type of a page type.
 *
 * @example
 * type Claim = PageItem<Schema<'ClaimSummaryPage'>>; // Schema<'ClaimSummary'>
 */
export type PageItem<P> = P extends { data: (infer Item)[] } ? Item : never;

/**
 * What list methods return: `await` it for the first page (`{ data, page }`), or iterate it with
 * `for await` for every item of every page, fetched one page at a time. `.pages()` iterates pages.
 *
 * @example
 * const first = await portal.claims.search({ from: '2026-09-01', to: '2026-11-23' });
 * for await (const claim of portal.claims.search({ from: '2026-09-01', to: '2026-11-23' })) {
 *   console.log(claim.claimNumber);
 * }
 */
export class PagePromise<P extends Page<unknown>>
  extends APIPromise<P>
  implements AsyncIterable<PageItem<P>>
{
  readonly #fetchPage: (page: number) => APIPromise<P>;

  constructor(first: Promise<APIResult<P>>, fetchPage: (page: number) => APIPromise<P>) {
    super(first);
    this.#fetchPage = fetchPage;
  }

  /**
   * Every page, from the first one asked for to the last.
   *
   * @example
   * for await (const page of portal.documents.list().pages()) console.log(page.page.number, page.data.length);
   */
  async *pages(): AsyncGenerator<P, void, undefined> {
    let current: P = await this;
    yield current;
    // Stop on an empty page too, so that a total that changes under us cannot loop forever.
    while (current.page.number < current.page.totalPages && current.data.length > 0) {
      current = await this.#fetchPage(current.page.number + 1);
      yield current;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<PageItem<P>, void, undefined> {
    for await (const page of this.pages()) {
      for (const item of page.data) yield item as PageItem<P>;
    }
  }
}
