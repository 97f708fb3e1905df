// The hand-written layer without a server: what the middleware puts on the wire and how answers come back.
// npm test (node's own test runner).
import assert from "node:assert/strict";
import { test } from "node:test";
import { allItems, createStippleClient, etagOf, ifMatch, StippleProblem, unwrap } from "@stipple/sdk";

const baseUrls = { client: "http://c.test", booking: "http://b.test", notification: "http://n.test", gallery: "http://g.test" };
const PROBLEM = "application/problem+json";

/** A fetch that records each request and answers with `answer(request)`. */
function recorder(answer: (request: Request) => Response = () => Response.json({})) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return answer(request);
  };
  return { requests, fetch };
}

test("every request carries the bearer token; getToken is asked per request", async () => {
  const wire = recorder();
  let n = 0;
  const api = createStippleClient({ baseUrls, getToken: () => `t${++n}`, fetch: wire.fetch });
  await api.client.GET("/api/v1/clients");
  await api.gallery.GET("/api/v1/gallery/photos");
  assert.deepEqual(wire.requests.map((r) => r.headers.get("Authorization")), ["Bearer t1", "Bearer t2"]);
  assert.equal(wire.requests[1]!.url, "http://g.test/api/v1/gallery/photos");
  await api.withToken("other").booking.GET("/api/v1/treatments");
  assert.equal(wire.requests[2]!.headers.get("Authorization"), "Bearer other");
});

test("a creating POST gets a fresh Idempotency-Key unless it has one; other requests get none", async () => {
  const wire = recorder();
  const api = createStippleClient({ baseUrls, token: "t", fetch: wire.fetch });
  const body = { scope: "TREATMENT" as const, textVersion: "treatment-2026-01" };
  await api.client.POST("/api/v1/clients/{clientId}/consents", { params: { path: { clientId: "c1" } }, body });
  await api.client.POST("/api/v1/clients/{clientId}/consents", { params: { path: { clientId: "c1" } }, body });
  await api.client.POST("/api/v1/clients/{clientId}/consents", {
    params: { path: { clientId: "c1" }, header: { "Idempotency-Key": "mine" } }, body,
  });
  await api.booking.POST("/api/v1/bookings/{bookingId}/check-in", { params: { path: { bookingId: "b1" }, header: ifMatch('"3"') } });
  await api.client.GET("/api/v1/clients");
  const keys = wire.requests.map((r) => r.headers.get("Idempotency-Key"));
  assert.match(keys[0]!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(keys[0], keys[1]);
  assert.deepEqual(keys.slice(2), ["mine", null, null]);
  assert.equal(wire.requests[3]!.headers.get("If-Match"), '"3"');
  assert.equal(wire.requests[0]!.headers.get("Content-Type"), "application/json");
});

test("a problem+json answer is returned as error, unwrap throws it as a StippleProblem with its extension members", async () => {
  const wire = recorder(() => new Response(JSON.stringify({ type: "https://stipple.io/problems/duplicate-client",
    title: "Duplicate client", status: 409, detail: "A client with this e-mail exists", existingClientId: "c9" }),
  { status: 409, statusText: "Conflict", headers: { "Content-Type": PROBLEM } }));
  const api = createStippleClient({ baseUrls, token: "t", fetch: wire.fetch });
  const result = await api.client.GET("/api/v1/clients/{clientId}", { params: { path: { clientId: "c1" } } });
  assert.equal(result.error?.status, 409);
  assert.throws(() => unwrap(result), (e: unknown) => e instanceof StippleProblem && e.is("duplicate-client")
    && e.status === 409 && e.extensions["existingClientId"] === "c9" && e.message === "409 Duplicate client: A client with this e-mail exists");
});

test("with problems: \"throw\" every problem+json answer rejects the call", async () => {
  const wire = recorder(() => new Response(JSON.stringify({ type: "https://stipple.io/problems/validation-failed",
    title: "Request validation failed", status: 400, violations: [{ field: "email", message: "must be an e-mail" }] }),
  { status: 400, headers: { "Content-Type": PROBLEM } }));
  const api = createStippleClient({ baseUrls, token: "t", problems: "throw", fetch: wire.fetch });
  await assert.rejects(api.client.GET("/api/v1/clients"), (e: unknown) => e instanceof StippleProblem
    && e.slug === "validation-failed" && e.violations[0]?.field === "email" && Object.keys(e.extensions).length === 0);
});

test("an answer that is not a problem still unwraps to an about:blank problem with its status", async () => {
  const wire = recorder(() => new Response("Bad gateway", { status: 502, statusText: "Bad Gateway" }));
  const api = createStippleClient({ baseUrls, fetch: wire.fetch });
  const result = await api.booking.GET("/api/v1/treatments");
  assert.throws(() => unwrap(result), (e: unknown) => e instanceof StippleProblem && e.type === "about:blank"
    && e.status === 502 && e.detail === "Bad gateway");
  assert.equal(wire.requests[0]!.headers.get("Authorization"), null);
});

test("a body with a Blob member is sent as multipart/form-data", async () => {
  const wire = recorder(() => Response.json({ id: "p1" }, { status: 201 }));
  const api = createStippleClient({ baseUrls, token: "t", fetch: wire.fetch });
  await api.gallery.POST("/api/v1/gallery/photos", {
    body: { clientId: "c1", phase: "BEFORE", angle: "FRONT", takenAt: "2026-11-20T10:15:00Z", sessionNumber: "2",
      file: new File([new Uint8Array([1, 2, 3])], "before.png", { type: "image/png" }) },
  });
  const request = wire.requests[0]!;
  assert.match(request.headers.get("Content-Type") ?? "", /^multipart\/form-data; boundary=/);
  const form = await request.formData();
  assert.equal(form.get("clientId"), "c1");
  assert.equal(form.get("sessionNumber"), "2");
  const file = form.get("file") as File;
  assert.equal(file.name, "before.png");
  assert.deepEqual([...new Uint8Array(await file.arrayBuffer())], [1, 2, 3]);
});

test("etagOf/ifMatch read the ETag; allItems walks every page", async () => {
  const pages = [["a", "b"], ["c"]];
  const wire = recorder((r) => {
    const page = Number(new URL(r.url).searchParams.get("page"));
    return Response.json({ items: pages[page]!.map((id) => ({ id })), page, size: 2, totalItems: 3, totalPages: 2 },
      { headers: { ETag: '"7"' } });
  });
  const api = createStippleClient({ baseUrls, token: "t", fetch: wire.fetch });
  const ids: (string | undefined)[] = [];
  for await (const photo of allItems((page) => api.gallery.GET("/api/v1/gallery/photos", { params: { query: { page, size: 2 } } }))) {
    ids.push(photo.id);
  }
  assert.deepEqual(ids, ["a", "b", "c"]);
  assert.equal(wire.requests.length, 2);
  const read = await api.gallery.GET("/api/v1/gallery/photos");
  assert.equal(etagOf(read), '"7"');
  assert.deepEqual(ifMatch(read.response), { "If-Match": '"7"' });
  assert.throws(() => etagOf(new Response("{}")), /carries no ETag/);
});
