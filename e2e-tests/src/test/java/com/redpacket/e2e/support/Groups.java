package com.redpacket.e2e.support;

import com.redpacket.e2e.Api;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Map;

/** Chat groups through the gateway: {@code Groups.create(owner, members...)}. */
public final class Groups {
    private Groups() {
    }

    public static TestGroup create(TestUser owner, TestUser... members) {
        Api.Answer created = Api.gateway().post("/api/groups", owner.token(), Map.of("name", "e2e group",
                "memberIds", Arrays.stream(members).map(TestUser::id).toList()));
        Users.expect(created, 201, "create a group for " + owner);
        return of(created.json());
    }

    public static TestGroup addMember(TestGroup group, TestUser by, TestUser member) {
        Api.Answer added = Api.gateway().post("/api/groups/" + group.id() + "/members", by.token(),
                Map.of("userId", member.id()));
        Users.expect(added, 200, "add " + member + " to group " + group.id());
        return of(added.json());
    }

    private static TestGroup of(JsonNode group) {
        return new TestGroup(group.get("id").asString(), group.get("name").asString(), group.get("ownerId").asString(),
                group.get("memberIds").valueStream().map(JsonNode::asString).toList());
    }
}
