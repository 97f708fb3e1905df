-- Tracing: the W3C trace context (traceparent, tracestate) of the event that planned the reminder (its inbox span), so
-- the send, maybe weeks later, is a span of the same trace ("reminder send"). Null when tracing was off.
alter table scheduled_reminder add column trace_parent varchar(55);
alter table scheduled_reminder add column trace_state varchar(512);
