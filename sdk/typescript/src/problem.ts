import type { components } from "./generated/client-service.js";

/** A field a bad request got wrong (`violations` of a `validation-failed` problem). */
export type Violation = components["schemas"]["Violation"];

/**
 * An `application/problem+json` body as the services send it: RFC 9457's members, `violations`, and whatever
 * extension members a problem adds (e.g. `existingClientId` on a duplicate, `latestStart` on a refused move).
 */
export type ProblemDocument = components["schemas"]["Problem"] & { readonly [extension: string]: unknown };

/** The base of every Stipple problem `type`: `https://stipple.io/problems/<slug>`. */
export const PROBLEM_TYPE_BASE = "https://stipple.io/problems/";

const STANDARD_MEMBERS = new Set(["type", "title", "status", "detail", "instance", "violations"]);

/** True when the answer is an RFC 9457 problem (`Content-Type: application/problem+json`). */
export function isProblemResponse(response: Response): boolean {
  return (response.headers.get("Content-Type") ?? "").toLowerCase().startsWith("application/problem+json");
}

/**
 * A refused or failed request as an RFC 9457 problem: `type`, `title`, `status`, `detail`, `instance`, the field
 * `violations` and the problem's extension members. Thrown by {@link unwrap}, and by every call of a client made with
 * `problems: "throw"`.
 */
export class StippleProblem extends Error {
  /** A URI naming the kind of problem, stable per kind: `https://stipple.io/problems/<slug>` (`about:blank` if none). */
  readonly type: string;
  readonly title: string;
  /** The HTTP status code. */
  readonly status: number;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  readonly violations: readonly Violation[];
  /** The members beyond RFC 9457's and `violations`, by name. */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** The answer the problem came with (its body already read). */
  readonly response: Response | undefined;

  constructor(problem: ProblemDocument, response?: Response) {
    const status = typeof problem.status === "number" ? problem.status : (response?.status ?? 0);
    const title = problem.title ?? response?.statusText ?? "Request failed";
    super(`${status} ${title}${problem.detail ? `: ${problem.detail}` : ""}`);
    this.name = "StippleProblem";
    this.type = problem.type ?? "about:blank";
    this.title = title;
    this.status = status;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.violations = problem.violations ?? [];
    this.extensions = Object.fromEntries(Object.entries(problem).filter(([name]) => !STANDARD_MEMBERS.has(name)));
    this.response = response;
  }

  /** The last segment of `type` (`unknown-client` for `https://stipple.io/problems/unknown-client`). */
  get slug(): string {
    return this.type.substring(this.type.lastIndexOf("/") + 1);
  }

  /** True when this is the problem `slug` (e.g. `problem.is("unknown-partner")`). */
  is(slug: string): boolean {
    return this.slug === slug;
  }

  /**
   * The problem of an unsuccessful answer: its problem+json body (as openapi-fetch returned it in `error`), or, for an
   * answer that is not a problem (a proxy's 502, an empty 404), an `about:blank` problem with the status and any text.
   */
  static of(error: unknown, response: Response): StippleProblem {
    if (isProblemResponse(response) && typeof error === "object" && error !== null) {
      return new StippleProblem(error as ProblemDocument, response);
    }
    const detail = typeof error === "string" && error.length > 0 ? error : undefined;
    return new StippleProblem({ type: "about:blank", title: response.statusText || "HTTP " + response.status,
      status: response.status, detail }, response);
  }
}
