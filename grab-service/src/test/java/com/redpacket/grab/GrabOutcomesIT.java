package com.redpacket.grab;

import com.redpacket.contracts.events.GroupMembershipChanged;
import com.redpacket.grab.slots.SlotStore;
import com.redpacket.platform.events.EventJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** API.md "Grab outcomes", each answered by the Lua decision and, for a popped slot, the claim. */
class GrabOutcomesIT extends AbstractGrabIT {
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void grabbedThenAlreadyGrabbedFromRedisThenSoldOut() {
        long group = group(3);
        PacketServiceStandIn.Fake packet = packet(2, group, null);
        arm(packet);
        List<Long> members = peers.groups.get(group);

        Answer first = grab(packet.id, members.get(0));
        assertThat(first.outcome()).isEqualTo("GRABBED");
        int seq = first.json().get("seq").asInt();
        assertThat(packet.receiverOf(seq)).isEqualTo(members.get(0));
        assertThat(first.json().get("amount").asLong()).isEqualTo(packet.amounts[seq - 1]);
        int claimsBefore = peers.claimCalls.get();
        Answer again = grab(packet.id, members.get(0));
        assertThat(again.outcome()).isEqualTo("ALREADY_GRABBED");
        assertThat(again.json().get("amount").asLong()).isEqualTo(packet.amounts[seq - 1]);
        assertThat(again.json().has("seq")).isFalse();
        assertThat(grab(packet.id, members.get(1)).outcome()).isEqualTo("GRABBED");
        assertThat(grab(packet.id, members.get(2)).outcome()).isEqualTo("SOLD_OUT");
        assertThat(peers.claimCalls.get() - claimsBefore).as("repeat and sold out never reach packet-service")
                .isEqualTo(1);
    }

    @Test
    void onlyTheAudienceMayGrab() {
        long group = group(2);
        PacketServiceStandIn.Fake groupPacket = packet(2, group, null);
        arm(groupPacket);
        long receiver = newId();
        PacketServiceStandIn.Fake exclusive = packet(1, group, receiver);
        arm(exclusive);

        Answer stranger = grab(groupPacket.id, newId());
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.json().get("code").asString()).isEqualTo("NOT_IN_AUDIENCE");
        assertThat(grab(exclusive.id, peers.groups.get(group).get(0)).status()).as("a member, not the receiver")
                .isEqualTo(403);
        assertThat(grab(exclusive.id, receiver).outcome()).isEqualTo("GRABBED");
    }

    @Test
    void aMemberWhoJoinsIsLetInAsSoonAsTheMembershipChangeArrives() {
        long group = group(2);
        PacketServiceStandIn.Fake packet = packet(3, group, null);
        arm(packet);
        long newcomer = newId();
        assertThat(grab(packet.id, newcomer).status()).isEqualTo(403);

        peers.groups.get(group).add(newcomer);
        GroupMembershipChanged joined = GroupMembershipChanged.of(group, newcomer);
        kafka.send(joined.topic(), joined.partitionKey(), new EventJson().write(joined)).join();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> grab(packet.id, newcomer).status() == 200);
        assertThat(packet.liveState().claims()).extracting(c -> c.userId()).contains(newcomer);
    }

    @Test
    void expiredUnpaidAndUnknownPacketsAreAnsweredFromRedis() {
        long group = group(1);
        long member = peers.groups.get(group).getFirst();
        PacketServiceStandIn.Fake expired = packet(2, group, null);
        expired.expiresAt = Instant.now().minusSeconds(1);
        arm(expired);
        assertThat(grab(expired.id, member).outcome()).isEqualTo("EXPIRED");

        PacketServiceStandIn.Fake unpaid = packet(2, group, null);
        unpaid.payStatus = 0;
        unpaid.status = "PENDING_PAYMENT";
        int liveBefore = peers.liveStateCalls.get();
        assertThat(grab(unpaid.id, member).outcome()).isEqualTo("NOT_PAYABLE_YET");
        assertThat(grab(unpaid.id, member).outcome()).isEqualTo("NOT_PAYABLE_YET");
        assertThat(peers.liveStateCalls.get() - liveBefore).as("the unpaid answer is cached").isEqualTo(1);

        unpaid.payStatus = 2;
        unpaid.status = "ACTIVE";
        arm(unpaid);
        assertThat(grab(unpaid.id, member).outcome()).as("arming replaces the cached answer").isEqualTo("GRABBED");

        long unknown = newId();
        Answer notFound = grab(unknown, member);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("code").asString()).isEqualTo("PACKET_NOT_FOUND");
        assertThat(grab(unknown, member).status()).isEqualTo(404);
        deleteKeys(unknown);
    }

    @Test
    void aDisarmedPacketIsExpiredButRemembersWhoGrabbed() {
        long group = group(2);
        List<Long> members = peers.groups.get(group);
        PacketServiceStandIn.Fake packet = packet(3, group, null);
        arm(packet);
        long amount = grab(packet.id, members.get(0)).json().get("amount").asLong();

        assertThat(send("DELETE", "/internal/packets/" + packet.id + "/arming", null, null).statusCode()).isEqualTo(204);

        assertThat(grab(packet.id, members.get(1)).outcome()).isEqualTo("EXPIRED");
        Answer mine = grab(packet.id, members.get(0));
        assertThat(mine.outcome()).isEqualTo("ALREADY_GRABBED");
        assertThat(mine.json().get("amount").asLong()).isEqualTo(amount);
    }

    @Test
    void missingKeysAreRebuiltFromTheLiveStateAndADoubleHandedSlotMovesOn() {
        long group = group(3);
        List<Long> members = peers.groups.get(group);
        PacketServiceStandIn.Fake packet = packet(3, group, null);
        packet.claim(1, members.get(0));
        // arming without knowing seq 1 was taken: the slot is handed out again and refused by the claim
        packet.receivers[0] = null;
        arm(packet);
        packet.claim(1, members.get(0));

        Answer second = grab(packet.id, members.get(1));
        assertThat(second.outcome()).isEqualTo("GRABBED");
        assertThat(second.json().get("seq").asInt()).as("seq 1 was taken, the next slot is used").isEqualTo(2);

        deleteKeys(packet.id);
        assertThat(grab(packet.id, members.get(0)).outcome()).as("rebuilt with the known claims")
                .isEqualTo("ALREADY_GRABBED");
        assertThat(grab(packet.id, members.get(2)).json().get("seq").asInt()).isEqualTo(3);
        assertThat(redis.getExpire(SlotStore.key(packet.id, "meta"))).as("keys expire after the packet")
                .isGreaterThan(Duration.ofHours(23).toSeconds());
    }

    @Test
    void aSoldOutPacketsRepeatGrabsAreAnsweredFromMemoryAsRedisWouldAnswerThem() {
        long group = group(4);
        List<Long> members = peers.groups.get(group);
        PacketServiceStandIn.Fake packet = packet(2, group, null);
        packet.expiresAt = Instant.now().plusSeconds(4);
        arm(packet);
        long amount = grab(packet.id, members.get(0)).json().get("amount").asLong();
        assertThat(grab(packet.id, members.get(1)).outcome()).isEqualTo("GRABBED");
        assertThat(grab(packet.id, members.get(2)).outcome()).isEqualTo("SOLD_OUT");

        // Redis forgets the packet: a grab that asked it would rebuild the keys from packet-service
        deleteKeys(packet.id);
        int liveBefore = peers.liveStateCalls.get();
        for (int i = 0; i < 5; i++) {
            assertThat(grab(packet.id, members.get(3)).outcome()).isEqualTo("SOLD_OUT");
            Answer mine = grab(packet.id, members.get(0));
            assertThat(mine.outcome()).isEqualTo("ALREADY_GRABBED");
            assertThat(mine.json().get("amount").asLong()).isEqualTo(amount);
        }
        assertThat(peers.liveStateCalls.get() - liveBefore).as("answered from memory, Redis not asked").isZero();

        Answer stranger = grab(packet.id, newId());
        assertThat(stranger.status()).as("not the audience: Redis (rebuilt) answers").isEqualTo(403);
        assertThat(peers.liveStateCalls.get() - liveBefore).isEqualTo(1);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> grab(packet.id, members.get(3)).outcome().equals("EXPIRED"));
        assertThat(grab(packet.id, members.get(1)).outcome()).as("after the expiry a grabber still sees the share")
                .isEqualTo("ALREADY_GRABBED");
    }

    @Test
    void aDisarmForgetsWhatWasRememberedOfASoldOutPacket() {
        long group = group(2);
        List<Long> members = peers.groups.get(group);
        PacketServiceStandIn.Fake packet = packet(1, group, null);
        arm(packet);
        assertThat(grab(packet.id, members.get(0)).outcome()).isEqualTo("GRABBED");
        assertThat(grab(packet.id, members.get(1)).outcome()).isEqualTo("SOLD_OUT");
        assertThat(grab(packet.id, members.get(1)).outcome()).isEqualTo("SOLD_OUT");

        assertThat(send("DELETE", "/internal/packets/" + packet.id + "/arming", null, null).statusCode()).isEqualTo(204);
        assertThat(grab(packet.id, members.get(1)).outcome()).isEqualTo("EXPIRED");
    }
}
