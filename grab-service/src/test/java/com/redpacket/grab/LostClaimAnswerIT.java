package com.redpacket.grab;

import com.redpacket.grab.slots.SlotStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the claim call fails or times out after the pop: the slot stays reserved for the user, the user never gets a
 * second share, a retry is answered with the user's share, and a background retry settles it if the user never
 * comes back.
 */
class LostClaimAnswerIT extends AbstractGrabIT {

    @Test
    void aTimeoutAfterTheClaimTookEffectIsAnsweredByTheRetryWithTheSameShare() {
        long group = group(2);
        long user = peers.groups.get(group).getFirst();
        PacketServiceStandIn.Fake packet = packet(3, group, null);
        arm(packet);
        peers.slowNextClaims.set(1);

        Answer timedOut = grab(packet.id, user);

        assertThat(timedOut.status()).isEqualTo(504);
        Answer retry = grab(packet.id, user);
        assertThat(retry.outcome()).isEqualTo("ALREADY_GRABBED");
        assertThat(packet.liveState().claims()).singleElement().satisfies(c -> {
            assertThat(c.userId()).isEqualTo(user);
            assertThat(retry.json().get("amount").asLong()).isEqualTo(c.amount());
        });
        assertThat(packet.liveState().freeSeqs()).hasSize(2);
    }

    @Test
    void aFailedClaimKeepsTheSlotForTheUserAndIsSettledInTheBackground() {
        long group = group(2);
        long user = peers.groups.get(group).getFirst();
        long other = peers.groups.get(group).get(1);
        PacketServiceStandIn.Fake packet = packet(1, group, null);
        arm(packet);
        peers.failNextClaims.set(2);

        Answer failed = grab(packet.id, user);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(redis.opsForHash().get(SlotStore.key(packet.id, "grabbers"), Long.toString(user))).isEqualTo("P1");
        assertThat(grab(packet.id, other).outcome()).as("the reserved slot is not handed to anyone else")
                .isEqualTo("SOLD_OUT");
        await().atMost(Duration.ofSeconds(10)).until(() -> packet.receiverOf(1) != null);
        assertThat(packet.receiverOf(1)).isEqualTo(user);
        await().atMost(Duration.ofSeconds(5)).until(() -> String.valueOf(redis.opsForHash()
                .get(SlotStore.key(packet.id, "grabbers"), Long.toString(user))).startsWith("C1:"));
        assertThat(grab(packet.id, user).outcome()).isEqualTo("ALREADY_GRABBED");
    }
}
