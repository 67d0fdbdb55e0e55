-- Red packets and their pre-split shares. Both tables are keyed by packet id first, so they shard by packet id.

CREATE TABLE red_packet (
    id                BIGINT      NOT NULL,
    sender_id         BIGINT      NOT NULL,
    type              VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    greeting          VARCHAR(25) NOT NULL,
    total_amount      BIGINT      NOT NULL,
    count             INT         NOT NULL,
    amount_each       BIGINT      NULL,
    group_id          BIGINT      NULL,
    receiver_id       BIGINT      NULL,
    pay_channel       VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    wechat_channel    VARCHAR(8)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    payer_open_id     VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
    out_trade_no      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    -- 0 unpaid, 2 confirmed by the app (armed, claims not credited), 1 paid (WeChat Pay notify or wallet debit)
    pay_status        TINYINT     NOT NULL,
    -- PENDING_PAYMENT, ACTIVE, FINISHED, EXPIRED, CANCELLED
    status            VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at        DATETIME(6) NOT NULL,
    expires_at        DATETIME(6) NOT NULL,
    paid_at           DATETIME(6) NULL,
    finished_at       DATETIME(6) NULL,
    closed_at         DATETIME(6) NULL,
    refunded_amount   BIGINT      NOT NULL DEFAULT 0,
    refund_settled_at DATETIME(6) NULL,
    PRIMARY KEY (id),
    KEY ix_packet_sent (sender_id, id),
    KEY ix_packet_expiry (status, expires_at),
    KEY ix_packet_unpaid (pay_status, created_at),
    CONSTRAINT ck_packet_amounts CHECK (total_amount > 0 AND count > 0 AND refunded_amount >= 0
        AND refunded_amount <= total_amount),
    CONSTRAINT ck_packet_pay_status CHECK (pay_status IN (0, 1, 2))
) ENGINE = InnoDB;

-- One row per share. A claim sets receiver and grabbed_at with a conditional UPDATE on this row only; the expiry
-- (refunded) and the cancellation (voided) use the same row-level condition, so exactly one of them wins a share.
CREATE TABLE red_packet_log (
    packet_id       BIGINT      NOT NULL,
    seq             INT         NOT NULL,
    amount          BIGINT      NOT NULL,
    receiver        BIGINT      NULL,
    grabbed_at      DATETIME(6) NULL,
    is_into_account TINYINT     NOT NULL DEFAULT 0,
    refunded        TINYINT     NOT NULL DEFAULT 0,
    voided          TINYINT     NOT NULL DEFAULT 0,
    PRIMARY KEY (packet_id, seq),
    -- the last guard against one user holding two shares of a packet
    UNIQUE KEY uk_log_packet_receiver (packet_id, receiver),
    KEY ix_log_received (receiver, grabbed_at, packet_id),
    CONSTRAINT ck_log_amount CHECK (amount > 0),
    CONSTRAINT ck_log_one_fate CHECK (refunded + voided <= 1 AND NOT (refunded = 1 AND receiver IS NOT NULL))
) ENGINE = InnoDB;
