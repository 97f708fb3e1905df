/**
 * @stipple/sdk — typed clients for the Stipple services, generated from their OpenAPI documents (openapi-typescript)
 * and calling them with openapi-fetch. See README.md.
 */
export { createStippleClient, stippleBodySerializer } from "./client.js";
export type { BaseUrls, ServiceName, StippleClient, StippleClientOptions } from "./client.js";
export { StippleProblem, isProblemResponse, PROBLEM_TYPE_BASE } from "./problem.js";
export type { ProblemDocument, Violation } from "./problem.js";
export { unwrap, etagOf, ifMatch, allItems } from "./helpers.js";
export type { CallResult, Page, ItemOf } from "./helpers.js";
export { apiVersions, creatingPosts } from "./generated/index.js";

/** Each service's generated types: `paths`, `components`, `operations`. */
export type * as ClientService from "./generated/client-service.js";
export type * as BookingService from "./generated/booking-service.js";
export type * as NotificationService from "./generated/notification-service.js";
export type * as GalleryService from "./generated/gallery-service.js";

import type { components as ClientComponents } from "./generated/client-service.js";
import type { components as BookingComponents } from "./generated/booking-service.js";
import type { components as NotificationComponents } from "./generated/notification-service.js";
import type { components as GalleryComponents } from "./generated/gallery-service.js";

/** The named schemas of each document, e.g. `ClientSchemas["Client"]`, `BookingSchemas["Booking"]`. */
export type ClientSchemas = ClientComponents["schemas"];
export type BookingSchemas = BookingComponents["schemas"];
export type NotificationSchemas = NotificationComponents["schemas"];
export type GallerySchemas = GalleryComponents["schemas"];
