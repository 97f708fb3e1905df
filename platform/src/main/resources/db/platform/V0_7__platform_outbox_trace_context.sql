-- Tracing through the outbox: the W3C trace context (traceparent, tracestate) current when the event was published, so
-- the relay can send it as Kafka record headers and the consumer's span continues the same trace. Null when no trace
-- was active (tracing off, or work outside any request or event).
alter table outbox_event add column trace_parent varchar(55);
alter table outbox_event add column trace_state varchar(512);
