-- Users: usernames are ASCII (InputRules.username) and unique without regard to case, so "Alice" cannot sit
-- beside "alice" and fool her friends; the nickname is any Unicode text the user likes.
CREATE TABLE app_user (
    id            BIGINT       NOT NULL,
    username      VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    nickname      VARCHAR(32)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    password_hash VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_app_user_username (username)
) ENGINE = InnoDB;

-- Chat groups. member_count is the cap's guard: a join bumps it with a conditional UPDATE in the join's
-- transaction, so concurrent joins can never push a group past redpacket.groups.max-size.
CREATE TABLE chat_group (
    id           BIGINT      NOT NULL,
    name         VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    owner_id     BIGINT      NOT NULL,
    member_count INT         NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

CREATE TABLE group_member (
    group_id  BIGINT      NOT NULL,
    user_id   BIGINT      NOT NULL,
    joined_at DATETIME(6) NOT NULL,
    PRIMARY KEY (group_id, user_id),
    KEY ix_group_member_user (user_id)
) ENGINE = InnoDB;

-- The generated development signing key (only when redpacket.jwt.private-key is not configured). One row: the first
-- instance to start writes it, every other instance and every restart reads the same key, so tokens stay valid.
CREATE TABLE jwt_signing_key (
    id          TINYINT     NOT NULL,
    key_id      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    private_key TEXT        CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
