-- payment-service: WeChat Pay orders, the transactions WeChat Pay reported for them, and refunds.

-- One order per (purpose, reference): a packet or a top-up is paid through exactly one out_trade_no.
-- status: PENDING -> SUCCEEDED (WeChat Pay confirmed the money) | CLOSED (timed out unpaid, closed at WeChat Pay).
CREATE TABLE payment_order (
    out_trade_no    VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    purpose         VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reference_id    BIGINT       NOT NULL,
    user_id         BIGINT       NOT NULL,
    amount          BIGINT       NOT NULL,
    channel         VARCHAR(8)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    description     VARCHAR(127) NOT NULL,
    payer_open_id   VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
    mchid           VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    appid           VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status          VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    transaction_id  VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    next_query_at   DATETIME(6)  NOT NULL,
    paid_at         DATETIME(6)  NULL,
    closed_at       DATETIME(6)  NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (out_trade_no),
    UNIQUE KEY uk_payment_order_reference (purpose, reference_id),
    UNIQUE KEY uk_payment_order_transaction (transaction_id),
    KEY ix_payment_order_due (status, next_query_at)
) ENGINE = InnoDB;

-- Every payment WeChat Pay reported as made, stored once whichever way it arrived (notification or active query):
-- the primary key is what makes a duplicate notification, or a notification racing the query job, a no-op.
-- outcome: CREDITED (the order's money, PaymentSucceeded sent) | REFUNDED (it came for a closed or already paid
-- order and goes back to the payer).
CREATE TABLE wechat_transaction (
    transaction_id  VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    out_trade_no    VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    amount          BIGINT       NOT NULL,
    trade_type      VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    payer_open_id   VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
    success_time    DATETIME(6)  NULL,
    source          VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    outcome         VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    received_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (transaction_id),
    KEY ix_wechat_transaction_order (out_trade_no)
) ENGINE = InnoDB;

-- Money we send back through WeChat Pay (a payment that arrived for a closed or already paid order). Its
-- PaymentSucceeded is announced when the refund ends, together with RefundSucceeded (paid_at is the payment's time).
-- status: REQUESTED (to be asked for) -> PROCESSING (WeChat Pay accepted) -> SUCCEEDED | FAILED.
CREATE TABLE payment_refund (
    out_refund_no   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    out_trade_no    VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    transaction_id  VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    amount          BIGINT       NOT NULL,
    paid_at         DATETIME(6)  NOT NULL,
    reason          VARCHAR(80)  NOT NULL,
    status          VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    refund_id       VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_at      DATETIME(6)  NOT NULL,
    next_attempt_at DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (out_refund_no),
    UNIQUE KEY uk_payment_refund_transaction (transaction_id),
    UNIQUE KEY uk_payment_refund_id (refund_id),
    KEY ix_payment_refund_due (status, next_attempt_at)
) ENGINE = InnoDB;
