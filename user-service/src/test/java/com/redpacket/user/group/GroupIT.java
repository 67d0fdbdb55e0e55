package com.redpacket.user.group;

import com.redpacket.user.AbstractUserServiceIT;
import com.redpacket.user.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Groups: members only, capped at redpacket.groups.max-size (5 in the tests), every join announced via the outbox. */
class GroupIT extends AbstractUserServiceIT {

    @Test
    void membersSeeAndGrowTheirGroupOutsidersDoNotEvenSeeIt() {
        long alice = register();
        long bob = register();
        long carol = register();
        JsonNode group = created(post("/api/groups", "{\"name\":\" 相亲相爱一家人 \",\"memberIds\":[\"" + bob + "\",\""
                + bob + "\",\"" + alice + "\"]}", alice));
        String id = group.get("id").asString();
        assertThat(group.get("name").asString()).isEqualTo("相亲相爱一家人");
        assertThat(group.get("ownerId").asString()).isEqualTo(Long.toString(alice));
        assertThat(strings(group.get("memberIds"))).containsExactly(Long.toString(alice), Long.toString(bob));

        assertThat(get("/api/groups/" + id, bob).json()).isEqualTo(group);
        problem(get("/api/groups/" + id, carol), 404, "GROUP_NOT_FOUND");
        problem(post("/api/groups/" + id + "/members", "{\"userId\":\"" + carol + "\"}", carol), 404, "GROUP_NOT_FOUND");
        problem(get("/api/groups/" + id, null), 401, "UNAUTHORIZED");
        problem(get("/api/groups/42", alice), 404, "GROUP_NOT_FOUND");

        Http.Answer added = post("/api/groups/" + id + "/members", "{\"userId\":\"" + carol + "\"}", bob);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(strings(added.json().get("memberIds"))).containsExactly(Long.toString(alice), Long.toString(bob),
                Long.toString(carol));
        Http.Answer again = post("/api/groups/" + id + "/members", "{\"userId\":\"" + carol + "\"}", alice);
        assertThat(again.json()).isEqualTo(added.json());
        assertThat(get("/api/groups/" + id, carol).status()).isEqualTo(200);

        JsonNode internal = get("/internal/groups/" + id + "/members", null).json();
        assertThat(internal.get("groupId").asLong()).isEqualTo(Long.parseLong(id));
        assertThat(internal.get("memberIds").valueStream().map(JsonNode::asLong).toList())
                .containsExactly(alice, bob, carol);
        problem(get("/internal/groups/42/members", null), 404, "GROUP_NOT_FOUND");
    }

    @Test
    void everyJoinIsAnnouncedOnceThroughTheOutboxAndPublished() {
        long alice = register();
        long bob = register();
        long carol = register();
        String id = created(post("/api/groups", "{\"name\":\"g\",\"memberIds\":[\"" + bob + "\"]}", alice))
                .get("id").asString();
        post("/api/groups/" + id + "/members", "{\"userId\":\"" + carol + "\"}", alice);
        post("/api/groups/" + id + "/members", "{\"userId\":\"" + carol + "\"}", alice);

        List<String> payloads = jdbc.sql("""
                        SELECT payload FROM outbox_event
                        WHERE topic = 'user.events' AND msg_key = :g AND event_type = 'GroupMembershipChanged'""")
                .param("g", id).query(String.class).list();
        assertThat(payloads).hasSize(3);
        List<Long> joined = payloads.stream().map(p -> com.redpacket.user.Json.read(p).get("userId").asLong()).toList();
        assertThat(joined).containsExactlyInAnyOrder(alice, bob, carol);
        assertThat(payloads).allSatisfy(p -> assertThat(com.redpacket.user.Json.read(p).get("groupId").asString())
                .isEqualTo(id));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                count("SELECT COUNT(*) FROM outbox_event WHERE msg_key = '" + id + "' AND published_at IS NULL"))
                .as("acknowledged by Kafka").isZero());
    }

    @Test
    void aGroupNeverGrowsPastItsCapEvenUnderConcurrentJoins() throws Exception {
        long owner = register();
        List<String> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add("\"" + register() + "\"");
        }
        invalid(post("/api/groups", "{\"name\":\"g\",\"memberIds\":[" + String.join(",", four) + ",\"" + register()
                + "\"]}", owner), "memberIds");
        JsonNode full = created(post("/api/groups", "{\"name\":\"g\",\"memberIds\":[" + String.join(",", four) + "]}",
                owner));
        assertThat(full.get("memberIds")).hasSize(5);
        problem(post("/api/groups/" + full.get("id").asString() + "/members", "{\"userId\":\"" + register() + "\"}",
                owner), 409, "GROUP_FULL");

        String id = created(post("/api/groups", "{\"name\":\"race\",\"memberIds\":[" + four.get(0) + "," + four.get(1)
                + "]}", owner)).get("id").asString();
        List<Long> joiners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            joiners.add(register());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(joiners.size())) {
            List<Future<Integer>> results = joiners.stream().map(user -> pool.submit(() -> {
                start.await();
                return post("/api/groups/" + id + "/members", "{\"userId\":\"" + user + "\"}", owner).status();
            })).toList();
            start.countDown();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(2);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(4);
        assertThat(count("SELECT COUNT(*) FROM group_member WHERE group_id = " + id)).isEqualTo(5);
        assertThat(count("SELECT member_count FROM chat_group WHERE id = " + id)).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE msg_key = '" + id + "'")).isEqualTo(5);
    }

    private static JsonNode created(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
