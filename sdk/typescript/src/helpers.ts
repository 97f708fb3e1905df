import { StippleProblem } from "./problem.js";

/** What every openapi-fetch call resolves to. */
export interface CallResult<Data, Error = unknown> {
  data?: Data;
  error?: Error;
  response: Response;
}

/**
 * The body of a successful answer; throws a {@link StippleProblem} for any other.
 *
 * ```ts
 * const client = unwrap(await api.client.POST("/api/v1/clients", { body }));
 * ```
 */
export function unwrap<R extends CallResult<unknown>>(result: R): Exclude<R["data"], undefined> {
  if (!result.response.ok || result.error !== undefined) {
    throw StippleProblem.of(result.error, result.response);
  }
  return result.data as Exclude<R["data"], undefined>;
}

type HasResponse = Response | { response: Response };

/** The `ETag` of an answer (a record's version); throws when the answer carries none. */
export function etagOf(from: HasResponse): string {
  const response = from instanceof Response ? from : from.response;
  const etag = response.headers.get("ETag");
  if (!etag) {
    throw new Error(`The answer to ${response.url || "the request"} (${response.status}) carries no ETag`);
  }
  return etag;
}

/**
 * The `If-Match` header for an update or action, from the answer that read the record (or its ETag), so a change
 * somebody else made in between is refused (412) instead of overwritten:
 *
 * ```ts
 * const read = await api.booking.GET("/api/v1/bookings/{bookingId}", { params: { path: { bookingId } } });
 * await api.booking.POST("/api/v1/bookings/{bookingId}/check-in", { params: { path: { bookingId }, header: ifMatch(read) } });
 * ```
 */
export function ifMatch(from: HasResponse | string): { "If-Match": string } {
  return { "If-Match": typeof from === "string" ? from : etagOf(from) };
}

/** A page of a list, as every list operation answers: the items and where they are in the whole list. */
export interface Page<Item> {
  items?: Item[];
  /** Zero-based. */
  page?: number;
  size?: number;
  totalItems?: number;
  totalPages?: number;
}

/** The item type of a page type (`ItemOf<ClientSchemas["ClientPage"]>`). */
export type ItemOf<P> = P extends { items?: (infer Item)[] } ? Item : never;

/**
 * Every item of a list, page after page (pages are zero-based); stops after the last page and throws a
 * {@link StippleProblem} for a refused page.
 *
 * ```ts
 * for await (const photo of allItems((page) =>
 *     api.gallery.GET("/api/v1/gallery/photos", { params: { query: { clientId, page, size: 100 } } }))) { ... }
 * ```
 */
export async function* allItems<Item>(
  fetchPage: (page: number) => Promise<CallResult<Page<Item>>>,
): AsyncGenerator<Item, void, undefined> {
  for (let page = 0; ; page++) {
    const data = unwrap(await fetchPage(page));
    const items = data.items ?? [];
    yield* items;
    if (items.length === 0 || data.totalPages === undefined || page + 1 >= data.totalPages) return;
  }
}
