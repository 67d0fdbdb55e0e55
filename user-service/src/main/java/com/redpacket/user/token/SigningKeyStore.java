package com.redpacket.user.token;

import com.nimbusds.jose.jwk.RSAKey;
import com.redpacket.platform.jdbc.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/**
 * The generated development key in table {@code jwt_signing_key}. Several instances may start at once: each offers a
 * fresh key with INSERT IGNORE and then reads whichever one was written first, so all of them sign with the same key.
 */
@Repository
public class SigningKeyStore {
    private final JdbcClient jdbc;

    public SigningKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public RSAKey loadOrCreate() {
        return load().orElseGet(() -> {
            RSAKey fresh = RsaKeys.generate();
            jdbc.sql("""
                            INSERT IGNORE INTO jwt_signing_key (id, key_id, private_key, created_at)
                            VALUES (1, :kid, :pem, :now)""")
                    .param("kid", fresh.getKeyID())
                    .param("pem", RsaKeys.toPem(fresh))
                    .param("now", SqlTime.literal(Instant.now()))
                    .update();
            return load().orElseThrow();
        });
    }

    private Optional<RSAKey> load() {
        return jdbc.sql("SELECT key_id, private_key FROM jwt_signing_key WHERE id = 1")
                .query((rs, i) -> RsaKeys.fromPem(rs.getString("private_key"), rs.getString("key_id")))
                .optional();
    }
}
