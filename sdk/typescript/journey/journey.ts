// One client's SMP journey against the running services, through @stipple/sdk only (as a front end would use it):
// register, assess, screen, consent, agree a plan, find availability and book, check in and complete the session, see
// the reminders planned in notification-service, upload a photo and read it back. Each step asserts what it got and
// prints one line ("ok <n> - <step>"); the exit status is 0 only when every step passed.
//
// Environment: STIPPLE_CLIENT_URL, STIPPLE_BOOKING_URL, STIPPLE_NOTIFICATION_URL, STIPPLE_GALLERY_URL (base URLs),
// STIPPLE_CLINIC_ID, STIPPLE_STAFF_TOKEN (a staff token of that clinic; its profile, SMP treatment and technician
// exist). What only the test harness can do is asked for on stdout and answered on stdin, one line each:
//   REQUEST client-token <clientId>  ->  TOKEN <jwt>         a token of the client (role client) for their own records
//   REQUEST clock <instant>          ->  CLOCK <instant>     the services' shared clock moved to that instant
import assert from "node:assert/strict";
import { createInterface } from "node:readline";
import { setTimeout as delay } from "node:timers/promises";
import {
  allItems,
  createStippleClient,
  ifMatch,
  StippleProblem,
  unwrap,
  type BaseUrls,
  type BookingSchemas,
  type NotificationSchemas,
} from "@stipple/sdk";
import { png } from "./png.js";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const baseUrls: BaseUrls = {
  client: env("STIPPLE_CLIENT_URL"),
  booking: env("STIPPLE_BOOKING_URL"),
  notification: env("STIPPLE_NOTIFICATION_URL"),
  gallery: env("STIPPLE_GALLERY_URL"),
};
const clinicId = env("STIPPLE_CLINIC_ID");
const staff = createStippleClient({ baseUrls, token: env("STIPPLE_STAFF_TOKEN") });
const PATIENCE_MS = Number(process.env.STIPPLE_PATIENCE_MS ?? 90_000);

// ---------------------------------------------------------------------------------------------- harness protocol
const answers = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function ask(request: string, answer: string): Promise<string> {
  console.log(`REQUEST ${request}`);
  const line = await answers.next();
  if (line.done) throw new Error(`stdin closed before the answer to REQUEST ${request}`);
  assert.ok(line.value.startsWith(answer + " "), `answer to REQUEST ${request}: ${line.value}`);
  return line.value.substring(answer.length + 1);
}

async function moveClockTo(instant: Date): Promise<Date> {
  return new Date(await ask(`clock ${instant.toISOString()}`, "CLOCK"));
}

// ---------------------------------------------------------------------------------------------- steps
let steps = 0;

async function step<T>(name: string, run: () => Promise<T>, describe?: (value: T) => string): Promise<T> {
  steps++;
  try {
    const value = await run();
    console.log(`ok ${steps} - ${name}${describe ? ` (${describe(value)})` : ""}`);
    return value;
  } catch (e) {
    console.log(`not ok ${steps} - ${name}`);
    console.log(e instanceof StippleProblem ? `  ${e.message} [${e.type}] ${JSON.stringify(e.extensions)}` : `  ${String(e instanceof Error ? e.stack : e)}`);
    process.exit(1);
  }
}

/** Asks `attempt` again (every 250 ms) until it gives a value: for what the services learn from each other's events. */
async function eventually<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${PATIENCE_MS} ms`);
    await delay(250);
  }
}

/** A call's problem, for the steps that expect a refusal. */
async function refusal(call: Promise<{ error?: unknown; response: Response }>): Promise<StippleProblem> {
  const result = await call;
  assert.ok(!result.response.ok, `expected a refusal, got ${result.response.status}`);
  return StippleProblem.of(result.error, result.response);
}

const unique = crypto.randomUUID().substring(0, 8);
const email = `node-${unique}@example.com`;

// 1. the clinic's catalogue (seeded by the harness): the SMP treatment
const treatment = await step("the clinic lists its SMP treatment", async () => {
  let found: BookingSchemas["Treatment"] | undefined;
  for await (const t of allItems((page) => staff.booking.GET("/api/v1/treatments", { params: { query: { page, size: 100 } } }))) {
    if (t.treatmentType === "PERMANENT_SMP") found = t;
  }
  assert.ok(found?.id, "an active PERMANENT_SMP treatment");
  return found;
}, (t) => `${t.name}, ${t.id}`);

// 2. registration (a fresh Idempotency-Key is added by the SDK), then a retry with the caller's own key
const client = await step("staff register the client; a retry with the same Idempotency-Key gets the same client", async () => {
  const body = {
    firstName: "Ode", lastName: "Node", email, phone: "+4479111" + String(Number.parseInt(unique, 16) % 100000).padStart(5, "0"),
    dateOfBirth: "1986-03-09", sex: "MALE" as const, timeZone: "Europe/London", locale: "en-GB",
    preferredChannels: ["EMAIL" as const], marketingOptIn: false,
  };
  const key = crypto.randomUUID();
  const first = await staff.client.POST("/api/v1/clients", { body, params: { header: { "Idempotency-Key": key } } });
  const registered = unwrap(first);
  assert.equal(first.response.status, 201);
  assert.ok(first.response.headers.get("Location")?.endsWith(`/api/v1/clients/${registered.id}`), "Location of the new client");
  assert.equal(registered.email, email);
  const retry = unwrap(await staff.client.POST("/api/v1/clients", { body, params: { header: { "Idempotency-Key": key } } }));
  assert.equal(retry.id, registered.id);
  // without the key it is a second registration of the same person: a typed problem naming the existing client
  const duplicate = await refusal(staff.client.POST("/api/v1/clients", { body }));
  assert.equal(duplicate.status, 409);
  assert.ok(duplicate.is("duplicate-client"), duplicate.type);
  assert.equal(duplicate.extensions["existingClientId"], registered.id);
  return registered;
}, (c) => c.id!);
const clientId = client.id!;
const own = staff.withToken(await ask(`client-token ${clientId}`, "TOKEN"));

// 3. assessment and screening
await step("staff record the hair-loss assessment", async () => {
  const assessment = unwrap(await staff.client.POST("/api/v1/clients/{clientId}/assessments", {
    params: { path: { clientId } },
    body: { scale: "NORWOOD", stage: "6", condition: "ANDROGENETIC", coveragePercent: 70, fitzpatrickType: 3,
      hairColour: "dark brown", desiredLook: "SHAVED_FOLLICLE_REPLICATION" },
  }));
  assert.equal(assessment.clientId, clientId);
  assert.equal(assessment.stage, "6");
  return assessment;
}, (a) => `Norwood ${a.stage}`);

await step("staff record the medical screening: eligible", async () => {
  const screening = unwrap(await staff.client.POST("/api/v1/clients/{clientId}/screenings", {
    params: { path: { clientId } },
    body: { allergies: [], pigmentAllergy: false, keloidTendency: false, bloodThinners: false, psoriasis: false,
      eczema: false, activeScalpInfection: false, pregnant: false, guardianConsent: false },
  }));
  assert.equal(screening.eligibility, "ELIGIBLE");
  return screening;
}, (s) => String(s.eligibility));

// 4. consents, given by the client with their own token
await step("the client consents to treatment and clinical photos; sharing with an unregistered partner is refused", async () => {
  for (const scope of ["TREATMENT", "CLINICAL_PHOTOS"] as const) {
    const granted = await own.client.POST("/api/v1/clients/{clientId}/consents", {
      params: { path: { clientId } }, body: { scope, textVersion: `${scope.toLowerCase()}-2026-01` },
    });
    assert.equal(granted.response.status, 201, JSON.stringify(granted.error));
  }
  const current = unwrap(await own.client.GET("/api/v1/clients/{clientId}/consents", { params: { path: { clientId } } }));
  const grantedScopes = JSON.stringify(current);
  assert.ok(grantedScopes.includes("TREATMENT") && grantedScopes.includes("CLINICAL_PHOTOS"), grantedScopes);
  const unknown = await refusal(own.client.POST("/api/v1/clients/{clientId}/consents", {
    params: { path: { clientId } }, body: { scope: "PARTNER_SHARING", partnerId: `nobody-${unique}`, textVersion: "partner-sharing-2026-01" },
  }));
  assert.equal(unknown.status, 422);
  assert.ok(unknown.is("unknown-partner"), unknown.type);
});

// 5. the plan, proposed and agreed (If-Match from the proposal's ETag)
const plan = await step("staff propose a 3-session plan and the client's plan is agreed", async () => {
  const proposed = await staff.client.POST("/api/v1/clients/{clientId}/plans", {
    params: { path: { clientId } },
    body: { treatmentType: "PERMANENT_SMP", plannedSessions: 3, hairlineDesignNotes: "Soft hairline 7 cm above the brow" },
  });
  const planId = unwrap(proposed).id!;
  const agreed = unwrap(await staff.client.POST("/api/v1/clients/{clientId}/plans/{planId}/agreement", {
    params: { path: { clientId, planId }, header: ifMatch(proposed) },
  }));
  assert.equal(agreed.status, "AGREED");
  return agreed;
}, (p) => `${p.id}, ${p.plannedSessions} sessions, ${p.healingIntervalDays} days apart`);

// 6. availability (booking-service learns the plan from client-service's events) and the booking
const from = new Date(Date.now() + 2 * 86_400_000).toISOString().substring(0, 10);
const to = new Date(Date.now() + 8 * 86_400_000).toISOString().substring(0, 10);
const slot = await step("availability for the client's SMP session shows free slots", async () => {
  const availability = await eventually("booking-service knows the client's plan", async () => {
    const { data } = await staff.booking.GET("/api/v1/availability", {
      params: { query: { treatmentId: treatment.id!, clientId, from, to } },
    });
    return data?.slots && data.slots.length > 0 ? data : undefined;
  });
  assert.ok((availability.sessionMinutes ?? 0) >= 150, `session minutes ${availability.sessionMinutes}`);
  const first = availability.slots![0]!;
  assert.ok(first.startsAt && first.technicianIds && first.technicianIds.length > 0);
  return { startsAt: first.startsAt, technicianId: first.technicianIds[0]!, minutes: availability.sessionMinutes! };
}, (s) => `${s.startsAt}, ${s.minutes} min`);

const booking = await step("the client books the first slot", async () => {
  const created = await own.booking.POST("/api/v1/bookings", {
    body: { clientId, treatmentId: treatment.id!, technicianId: slot.technicianId, startsAt: slot.startsAt },
  });
  const booked = unwrap(created);
  assert.equal(created.response.status, 201);
  assert.equal(booked.status, "CONFIRMED");
  assert.equal(booked.sessionNumber, 1);
  assert.equal(booked.planId, plan.id);
  return booked;
}, (b) => `${b.id}, session ${b.sessionNumber}`);
const bookingId = booking.id!;
const startsAt = new Date(booking.startsAt!);

// 7. the session: check-in at the booked start, completion after it
const checkedIn = await step("the front desk checks the client in at the booked time", async () => {
  const now = await moveClockTo(new Date(startsAt.getTime() - 30 * 60_000));
  const read = await staff.booking.GET("/api/v1/bookings/{bookingId}", { params: { path: { bookingId } } });
  const checkIn = await staff.booking.POST("/api/v1/bookings/{bookingId}/check-in", {
    params: { path: { bookingId }, header: ifMatch(read) },
  });
  assert.equal(unwrap(checkIn).status, "CHECKED_IN");
  return { checkIn, now };
}, (c) => `services' clock ${c.now.toISOString()}`);

const completed = await step("the technician completes the session with its pigment record", async () => {
  await moveClockTo(new Date(startsAt.getTime() + (slot.minutes + 5) * 60_000));
  const done = unwrap(await staff.booking.POST("/api/v1/bookings/{bookingId}/complete", {
    params: { path: { bookingId }, header: ifMatch(checkedIn.checkIn) },
    body: { areasTreated: ["HAIRLINE", "CROWN"], pigment: { brand: "Perma Blend", shade: "SMP Dark 2", dilution: "1:3",
      lot: "LOT-NODE-01", expiry: "2030-01-31" }, needleConfiguration: "3RL 0.18 mm", actualDurationMinutes: slot.minutes },
  }));
  assert.equal(done.status, "COMPLETED");
  const record = unwrap(await staff.booking.GET("/api/v1/bookings/{bookingId}/session-record", { params: { path: { bookingId } } }));
  assert.equal(record.pigment?.lot, "LOT-NODE-01");
  return done;
}, (b) => `completed at ${b.completedAt}`);

// 8. reminders notification-service planned from BookingConfirmed and SessionCompleted
await step("notification-service has the appointment reminder and the aftercare reminders planned", async () => {
  const wanted = ["APPOINTMENT_REMINDER", "AFTERCARE_INSTRUCTIONS", "AFTERCARE_CHECK_IN", "HEALED"];
  const reminders = await eventually("reminders of the client", async () => {
    const { data } = await staff.notification.GET("/api/v1/notifications", { params: { query: { clientId, size: 100 } } });
    const items: NotificationSchemas["Notification"][] = data?.items ?? [];
    return wanted.every((type) => items.some((n) => n.type === type)) ? items : undefined;
  });
  assert.ok(reminders.every((n) => n.clientId === clientId));
  assert.ok(reminders.some((n) => n.type === "APPOINTMENT_REMINDER" && n.bookingId === bookingId));
  return reminders;
}, (r) => [...new Set(r.map((n) => n.type))].join(", "));

// 9. a photo: multipart upload (a Blob member makes the body multipart/form-data), then read back
const image = png(96, 64, Number.parseInt(unique, 16));
const photo = await step("staff upload the after photo (multipart)", async () => {
  const takenAt = new Date(new Date(completed.completedAt!).getTime() - 10 * 60_000).toISOString();
  const key = crypto.randomUUID(); // one upload, retried while gallery-service learns the client and the consent
  return eventually("gallery-service accepts the client's photo", async () => {
    const uploaded = await staff.gallery.POST("/api/v1/gallery/photos", {
      params: { header: { "Idempotency-Key": key } },
      body: { clientId, bookingId, phase: "AFTER", angle: "CROWN", takenAt,
        file: new File([new Uint8Array(image)], "after.png", { type: "image/png" }) },
    });
    if (uploaded.response.status === 422) {
      const problem = StippleProblem.of(uploaded.error, uploaded.response);
      if (problem.is("unknown-client") || problem.is("clinical-photos-consent-required")) return undefined;
    }
    assert.equal(uploaded.response.status, 201, JSON.stringify(uploaded.error));
    return unwrap(uploaded);
  });
}, (p) => `${p.id}, ${p.sourceFormat} ${p.width}x${p.height}`);
const photoId = photo.id!;

await step("the photo reads back: its record and its image", async () => {
  const read = unwrap(await staff.gallery.GET("/api/v1/gallery/photos/{id}", { params: { path: { id: photoId } } }));
  assert.equal(read.clientId, clientId);
  assert.equal(read.bookingId, bookingId);
  assert.equal(read.sourceFormat, "PNG");
  assert.deepEqual([read.width, read.height], [96, 64]);
  const listed = unwrap(await staff.gallery.GET("/api/v1/gallery/photos", { params: { query: { clientId } } }));
  assert.deepEqual(listed.items?.map((p) => p.id), [photoId]);
  const content = unwrap(await staff.gallery.GET("/api/v1/gallery/photos/{id}/content", {
    params: { path: { id: photoId }, query: { rendition: "full" } }, parseAs: "blob",
  }));
  const bytes = new Uint8Array(await content.arrayBuffer());
  assert.deepEqual([bytes[0], bytes[1]], [0xff, 0xd8], "the stored rendition is a JPEG");
  return bytes.length;
}, (n) => `full rendition, ${n} bytes of JPEG`);

console.log(`SDK JOURNEY PASSED: ${steps} steps (clinic ${clinicId}, client ${clientId})`);
process.exit(0);
