package com.redpacket.packet.read;

import com.redpacket.packet.store.Packet;
import com.redpacket.packet.store.PacketStatus;
import com.redpacket.packet.store.PacketType;
import com.redpacket.packet.store.PayChannel;
import com.redpacket.packet.store.Share;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PacketViewsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.000001Z");

    @Test
    void grabbedTotalsAndClaimsComeFromTheSharesInClaimOrder() {
        PacketView view = PacketViews.detail(packet(PacketType.GROUP_LUCKY, PacketStatus.ACTIVE), List.of(
                share(1, 40, 11L, 2), share(2, 60, 12L, 1), share(3, 100, null, 0)));
        assertThat(view.grabbedCount()).isEqualTo(2);
        assertThat(view.grabbedAmount()).isEqualTo(100);
        assertThat(view.claims()).extracting(ClaimView::userId).containsExactly("12", "11");
        assertThat(view.bestLuckUserId()).as("only once the packet is finished").isNull();
    }

    @Test
    void theBestLuckOfAFinishedLuckyPacketIsTheLargestShareAndOnATieTheEarlierClaim() {
        List<Share> shares = List.of(share(1, 50, 11L, 3), share(2, 50, 12L, 2), share(3, 20, 13L, 1));
        assertThat(PacketViews.detail(packet(PacketType.GROUP_LUCKY, PacketStatus.FINISHED), shares).bestLuckUserId())
                .isEqualTo("12");
        assertThat(PacketViews.detail(packet(PacketType.GROUP_EQUAL, PacketStatus.FINISHED), shares).bestLuckUserId())
                .as("equal shares have no luck").isNull();
    }

    private static Packet packet(PacketType type, PacketStatus status) {
        return new Packet(1, 10, type, "hi", 120, 3, null, 5L, null, PayChannel.BALANCE, null, null, null, 1, status,
                T0, T0.plusSeconds(86_400), T0, null, null, 0, null);
    }

    private static Share share(int seq, long amount, Long receiver, int secondsAfter) {
        return new Share(1, seq, amount, receiver, receiver == null ? null : T0.plusSeconds(secondsAfter), false, false,
                false);
    }
}
