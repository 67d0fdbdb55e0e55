-- The double-entry ledger, the wallets and settlement's own view of each packet's money.

-- Every place money can be. WALLET (owner = user id) and ESCROW (owner = packet id) can never go below zero
-- (the CHECK makes an overdraft impossible, whatever the code does); WECHAT_CLEARING (owner 0) is the counterpart of
-- money that arrived through WeChat Pay and is negative by nature (minus everything received); WECHAT_REFUNDS
-- (owner 0) accumulates what left again through WeChat refunds.
CREATE TABLE account (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    kind       VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    owner_id   BIGINT      NOT NULL,
    balance    BIGINT      NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_account_owner (kind, owner_id),
    CONSTRAINT ck_account_not_overdrawn CHECK (kind IN ('WECHAT_CLEARING', 'WECHAT_REFUNDS') OR balance >= 0)
) ENGINE = InnoDB;

INSERT INTO account (kind, owner_id, balance, created_at, updated_at)
VALUES ('WECHAT_CLEARING', 0, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
       ('WECHAT_REFUNDS', 0, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));

-- One business step that moved money. The business key makes a repeat of the step a no-op.
CREATE TABLE ledger_txn (
    id           BIGINT      NOT NULL,
    business_key VARCHAR(96) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind         VARCHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ref_id       BIGINT      NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ledger_txn_key (business_key)
) ENGINE = InnoDB;

-- The entries of a transaction sum to zero. An entry names its account by (account_kind, owner_id), the account's
-- natural key, so posting never needs the account's surrogate id. kind and ref_id repeat the transaction's so a
-- wallet's statement is one index range scan; balance_after is the account's balance right after this entry (a
-- replayed debit answers it).
CREATE TABLE ledger_entry (
    id            BIGINT      NOT NULL,
    txn_id        BIGINT      NOT NULL,
    account_kind  VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    owner_id      BIGINT      NOT NULL,
    amount        BIGINT      NOT NULL,
    balance_after BIGINT      NOT NULL,
    kind          VARCHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ref_id        BIGINT      NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_entry_account (account_kind, owner_id, id),
    KEY ix_entry_txn (txn_id)
) ENGINE = InnoDB;

-- What settlement knows about a packet's money. Every step that touches a packet (debit, payment, claim, expiry,
-- cancellation) first locks this row, so "claimed" and "funded" can never miss each other.
CREATE TABLE packet_escrow (
    packet_id       BIGINT      NOT NULL,
    sender_id       BIGINT      NULL,
    payer_id        BIGINT      NULL,
    funded_amount   BIGINT      NOT NULL DEFAULT 0,
    funding_ref     VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    funded_at       DATETIME(6) NULL,
    credited_amount BIGINT      NOT NULL DEFAULT 0,
    refund_due      BIGINT      NULL,
    refunded_amount BIGINT      NOT NULL DEFAULT 0,
    refunded_at     DATETIME(6) NULL,
    cancelled_at    DATETIME(6) NULL,
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (packet_id),
    KEY ix_escrow_refund_pending (refunded_at, refund_due)
) ENGINE = InnoDB;

-- The claims settlement has heard of; credited_at is set in the transaction that moved the share.
CREATE TABLE packet_claim (
    packet_id   BIGINT      NOT NULL,
    seq         INT         NOT NULL,
    receiver_id BIGINT      NOT NULL,
    amount      BIGINT      NOT NULL,
    claimed_at  DATETIME(6) NOT NULL,
    credited_at DATETIME(6) NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (packet_id, seq),
    KEY ix_claim_uncredited (credited_at, packet_id)
) ENGINE = InnoDB;
