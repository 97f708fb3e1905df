import createClient, { defaultBodySerializer, type Client, type Middleware } from "openapi-fetch";
import type { paths as ClientServicePaths } from "./generated/client-service.js";
import type { paths as BookingServicePaths } from "./generated/booking-service.js";
import type { paths as NotificationServicePaths } from "./generated/notification-service.js";
import type { paths as GalleryServicePaths } from "./generated/gallery-service.js";
import { creatingPosts } from "./generated/index.js";
import { isProblemResponse, StippleProblem, type ProblemDocument } from "./problem.js";

/** Where each service is, e.g. `{ client: "http://localhost:8081", booking: "http://localhost:8082", ... }`. */
export interface BaseUrls {
  client: string;
  booking: string;
  notification: string;
  gallery: string;
}

export type ServiceName = keyof BaseUrls;

export interface StippleClientOptions {
  baseUrls: BaseUrls;
  /** The bearer token (a JWT of your OIDC provider) sent with every request. */
  token?: string;
  /** Asked before every request instead of `token` (e.g. to refresh it); undefined/null sends no token. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /**
   * `"return"` (default): an unsuccessful answer resolves as openapi-fetch's `{ error, response }`, `error` being the
   * problem+json body as the document types it (turn it into a {@link StippleProblem} with `unwrap` or
   * `StippleProblem.of`). `"throw"`: every problem+json answer rejects the call with a {@link StippleProblem}.
   */
  problems?: "return" | "throw";
  /** Headers sent with every request (e.g. `Accept-Language`). */
  headers?: Record<string, string>;
  /** A fetch of your own (tests, instrumentation); defaults to the global fetch. */
  fetch?: (input: Request) => Promise<Response>;
}

/** One typed client per service (openapi-fetch), sharing the token, Idempotency-Key and problem handling. */
export interface StippleClient {
  readonly client: Client<ClientServicePaths>;
  readonly booking: Client<BookingServicePaths>;
  readonly notification: Client<NotificationServicePaths>;
  readonly gallery: Client<GalleryServicePaths>;
  /** The same services and options, acting with another token (e.g. the client's own after staff registered them). */
  withToken(token: string | undefined): StippleClient;
}

/**
 * The typed clients of the four services:
 *
 * ```ts
 * const api = createStippleClient({ baseUrls, getToken: () => auth.accessToken() });
 * const { data, error } = await api.client.GET("/api/v1/clients/{clientId}", { params: { path: { clientId } } });
 * ```
 *
 * Every request carries `Authorization: Bearer <token>` (unless one is set on the call), and every POST that creates
 * something (an operation declaring `Idempotency-Key`) a fresh `Idempotency-Key` unless the call gives one — give your
 * own and reuse it to retry a create safely after a network failure.
 */
export function createStippleClient(options: StippleClientOptions): StippleClient {
  const make = <Paths extends {}>(service: ServiceName): Client<Paths> => {
    const client = createClient<Paths>({
      baseUrl: options.baseUrls[service],
      bodySerializer: stippleBodySerializer,
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    client.use(bearerToken(options), idempotencyKey(new Set(creatingPosts[service])));
    if (options.problems === "throw") client.use(throwProblems);
    return client;
  };
  return {
    client: make<ClientServicePaths>("client"),
    booking: make<BookingServicePaths>("booking"),
    notification: make<NotificationServicePaths>("notification"),
    gallery: make<GalleryServicePaths>("gallery"),
    withToken: (token) => {
      const { getToken: _ignored, ...rest } = options;
      return createStippleClient({ ...rest, token });
    },
  };
}

function bearerToken(options: StippleClientOptions): Middleware {
  return {
    async onRequest({ request }) {
      if (request.headers.has("Authorization")) return undefined;
      const token = options.getToken ? await options.getToken() : options.token;
      if (token) request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
  };
}

function idempotencyKey(creating: ReadonlySet<string>): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      if (request.method === "POST" && creating.has(schemaPath) && !request.headers.has("Idempotency-Key")) {
        request.headers.set("Idempotency-Key", crypto.randomUUID());
      }
      return request;
    },
  };
}

const throwProblems: Middleware = {
  async onResponse({ response }) {
    if (isProblemResponse(response)) {
      throw new StippleProblem((await response.clone().json()) as ProblemDocument, response);
    }
    return undefined;
  },
};

/**
 * JSON for every body, except a body with a `Blob`/`File` member (a multipart operation such as the gallery's photo
 * upload), which is sent as `multipart/form-data`: each member a part, numbers and booleans as text, arrays as
 * repeated parts, null/undefined left out. A `FormData` body is sent as it is.
 */
export function stippleBodySerializer(body: unknown): unknown {
  if (body instanceof FormData) return body;
  if (typeof body === "object" && body !== null && !Array.isArray(body)
      && Object.values(body).some((v) => v instanceof Blob)) {
    const form = new FormData();
    for (const [name, value] of Object.entries(body)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (v === null || v === undefined) continue;
        if (v instanceof Blob) form.append(name, v);
        else form.append(name, typeof v === "object" ? JSON.stringify(v) : String(v));
      }
    }
    return form;
  }
  return defaultBodySerializer(body);
}
