-- Tables of the shared mechanisms (platform module), present in every service schema that uses them.

-- Transactional outbox: written in the business transaction, drained to Kafka by OutboxRelay.
CREATE TABLE outbox_event (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    event_id     VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    topic        VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    msg_key      VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_type   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    payload      MEDIUMTEXT   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    request_id   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_at   DATETIME(6)  NOT NULL,
    published_at DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_outbox_event_id (event_id),
    KEY ix_outbox_pending (published_at, id)
) ENGINE = InnoDB;

-- Idempotent consumer: one row per (consumer, event) processed, committed with the event's effects.
CREATE TABLE processed_event (
    consumer     VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_id     VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    processed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (consumer, event_id),
    KEY ix_processed_at (processed_at)
) ENGINE = InnoDB;

-- Idempotency-Key of the public API: the reservation, the resource id it allocated, the first answer.
CREATE TABLE idempotency_record (
    scope        VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    idem_key     VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    fingerprint  CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    resource_id  BIGINT       NOT NULL,
    answer       MEDIUMTEXT   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (scope, idem_key),
    KEY ix_idempotency_created (created_at)
) ENGINE = InnoDB;
