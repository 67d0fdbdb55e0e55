-- The trace an outbox row was written in (its propagation headers as a JSON object, e.g. {"traceparent": "00-…"}):
-- the relay publishes the row later, on its own thread, and continues that trace on the Kafka record (OutboxTracing).
-- NULL for rows written outside any trace.
ALTER TABLE outbox_event ADD COLUMN trace_context TEXT CHARACTER SET ascii COLLATE ascii_bin NULL AFTER request_id;
