package com.redpacket.e2e.identity;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.Groups;
import com.redpacket.e2e.support.TestGroup;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.redpacket.e2e.identity.IdentityE2E.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** User A never sees user B's group, wallet or packets, even when A claims to be B. */
class IsolationE2E {
    private final Api api = Api.gateway();

    @Test
    void aCannotReadBsGroup() {
        TestUser a = Users.register();
        TestUser b = Users.register();
        TestGroup bs = Groups.create(b);
        problem(api.get("/api/groups/" + bs.id(), a.token()), 404, "GROUP_NOT_FOUND");
        problem(api.send("GET", "/api/groups/" + bs.id(), a.token(), null, Map.of("X-User-Id", b.id())),
                404, "GROUP_NOT_FOUND");
    }

    @Test
    void aSeesOnlyAsOwnWallet() {
        TestUser a = Users.register();
        TestUser b = Users.register();
        Api.Answer wallet = api.send("GET", "/api/wallet", a.token(), null, Map.of("X-User-Id", b.id()));
        assertThat(wallet.status()).as(wallet.body()).isEqualTo(200);
        assertThat(wallet.json().get("userId").asString()).isEqualTo(a.id());
    }

    @Test
    void aSeesOnlyAsOwnSentPackets() {
        TestUser a = Users.register();
        TestUser b = Users.register();
        TestUser c = Users.register();
        Api.Answer sent = api.post("/api/packets", b.token(), Map.of("type", "SINGLE", "count", 1,
                "totalAmount", 100, "greeting", "恭喜发财", "receiverId", c.id(), "payChannel", "WECHAT"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String bsPacket = sent.json().get("id").asString();

        Api.Answer asList = api.send("GET", "/api/packets/sent", a.token(), null, Map.of("X-User-Id", b.id()));
        assertThat(asList.status()).as(asList.body()).isEqualTo(200);
        for (JsonNode item : asList.json().get("items")) {
            assertThat(item.get("id").asString()).isNotEqualTo(bsPacket);
            assertThat(item.get("senderId").asString()).isEqualTo(a.id());
        }
        Api.Answer bsList = api.get("/api/packets/sent", b.token());
        assertThat(bsList.json().get("items").findValuesAsString("id")).contains(bsPacket);
        assertThat(api.get("/api/packets/" + bsPacket, a.token()).status()).isIn(403, 404);
    }
}
