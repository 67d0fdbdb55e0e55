package com.redpacket.user.token;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RsaKeysTest {

    @Test
    void aKeySurvivesThePemRoundTripWithItsThumbprintAsKid() throws Exception {
        RSAKey generated = RsaKeys.generate();
        assertThat(generated.getKeyID()).isEqualTo(generated.computeThumbprint().toString());
        assertThat(generated.size()).isEqualTo(2048);

        RSAKey read = RsaKeys.fromPem(RsaKeys.toPem(generated), null);
        assertThat(read.getKeyID()).isEqualTo(generated.getKeyID());
        assertThat(read.toRSAPublicKey()).isEqualTo(generated.toRSAPublicKey());
        assertThat(read.toPrivateKey().getEncoded()).isEqualTo(generated.toPrivateKey().getEncoded());
    }

    @Test
    void aConfiguredKidIsKeptAndThePublishedHalfHasNoPrivateParts() {
        RSAKey read = RsaKeys.fromPem(RsaKeys.toPem(RsaKeys.generate()), "2025-rotation-1");
        assertThat(read.getKeyID()).isEqualTo("2025-rotation-1");
        assertThat(read.toPublicJWK().isPrivate()).isFalse();
        assertThat(read.toPublicJWK().toJSONString()).doesNotContain("\"d\"");
    }

    @Test
    void somethingElseIsRefusedWithAMessageThatNamesTheProperty() {
        assertThatThrownBy(() -> RsaKeys.fromPem("-----BEGIN PRIVATE KEY-----\nbm9wZQ==\n-----END PRIVATE KEY-----", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redpacket.jwt.private-key");
        assertThatThrownBy(() -> RsaKeys.fromPem("not base64 at all!", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
