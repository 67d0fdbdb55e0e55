package com.redpacket.settlement;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.contracts.events.PacketExpired;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The order a batch of packet.events is applied in: a packet's other events first, then claims by receiver. */
class ApplyOrderTest {

    @Test
    void claimsGoByReceiverAfterTheOtherEventsWhichKeepTheirOrder() {
        PacketClaimed toNine = claim(1, 1, 9);
        PacketClaimed toThree = claim(2, 1, 3);
        PacketExpired first = PacketExpired.of(5, 77, 100, 1, 10, Instant.now());
        PacketClaimed toSix = claim(1, 2, 6);
        PacketExpired second = PacketExpired.of(4, 77, 100, 1, 10, Instant.now());
        List<DomainEvent> batch = new ArrayList<>(List.of(toNine, toThree, first, toSix, second));

        batch.sort(SettlementEventsListener.APPLY_ORDER);

        assertThat(batch).containsExactly(first, second, toThree, toSix, toNine);
    }

    @Test
    void twoBatchesSharingWalletsTakeThemInTheSameOrder() {
        List<DomainEvent> a = new ArrayList<>(List.of(claim(10, 1, 500), claim(11, 1, 7), claim(12, 1, 42)));
        List<DomainEvent> b = new ArrayList<>(List.of(claim(20, 1, 42), claim(21, 1, 500), claim(22, 1, 7)));

        a.sort(SettlementEventsListener.APPLY_ORDER);
        b.sort(SettlementEventsListener.APPLY_ORDER);

        assertThat(a).extracting(e -> ((PacketClaimed) e).receiverId()).containsExactly(7L, 42L, 500L);
        assertThat(b).extracting(e -> ((PacketClaimed) e).receiverId()).containsExactly(7L, 42L, 500L);
    }

    private static PacketClaimed claim(long packet, int seq, long receiver) {
        return PacketClaimed.of(packet, 77, seq, receiver, 10, Instant.now());
    }
}
