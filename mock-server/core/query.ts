/**
 * The query parameters a rule looks at, as the record the rules module validates (the SDK validates
 * its query object the same way): a parameter that is absent is left out, a repeated one counts once.
 */

/**
 * The named parameters of a query that are present.
 *
 * @example
 * queryFields(new URLSearchParams('npi=1407819535&page=2'), ['npi', 'name']); // { npi: '1407819535' }
 */
export function queryFields(query: URLSearchParams, names: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of names) {
    const value = query.get(name);
    if (value !== null) fields[name] = value;
  }
  return fields;
}
