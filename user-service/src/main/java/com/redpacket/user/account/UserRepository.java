package com.redpacket.user.account;

import com.redpacket.platform.jdbc.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

@Repository
public class UserRepository {
    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the username (in any case) is taken */
    public void insert(User user) {
        jdbc.sql("""
                        INSERT INTO app_user (id, username, nickname, password_hash, created_at)
                        VALUES (:id, :username, :nickname, :hash, :now)""")
                .param("id", user.id())
                .param("username", user.username())
                .param("nickname", user.nickname())
                .param("hash", user.passwordHash())
                .param("now", SqlTime.literal(Instant.now()))
                .update();
    }

    /** Case-insensitive, as the unique key is. */
    public Optional<User> findByUsername(String username) {
        return jdbc.sql("SELECT id, username, nickname, password_hash FROM app_user WHERE username = :username")
                .param("username", username)
                .query(User.class)
                .optional();
    }

    public Optional<User> findById(long id) {
        return jdbc.sql("SELECT id, username, nickname, password_hash FROM app_user WHERE id = :id")
                .param("id", id)
                .query(User.class)
                .optional();
    }

    /** Which of {@code ids} belong to existing users. */
    public Set<Long> existing(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM app_user WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .list());
    }
}
