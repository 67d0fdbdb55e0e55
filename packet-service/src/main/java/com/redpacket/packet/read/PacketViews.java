package com.redpacket.packet.read;

import com.redpacket.packet.store.Packet;
import com.redpacket.packet.store.PacketStatus;
import com.redpacket.packet.store.PacketType;
import com.redpacket.packet.store.Share;

import java.util.Comparator;
import java.util.List;

/** Builds {@link PacketView}s; grabbed count and amount are derived from the shares, never kept on the packet row. */
public final class PacketViews {
    private static final Comparator<Share> CLAIM_ORDER = Comparator.comparing(Share::grabbedAt)
            .thenComparingInt(Share::seq);

    private PacketViews() {
    }

    /** The detail: the packet with every claim in the order they were made. */
    public static PacketView detail(Packet p, List<Share> shares) {
        List<Share> claimed = shares.stream().filter(Share::claimed).sorted(CLAIM_ORDER).toList();
        List<ClaimView> claims = claimed.stream()
                .map(s -> new ClaimView(Long.toString(s.receiver()), s.amount(), s.grabbedAt(), s.credited()))
                .toList();
        return view(p, claimed.size(), claimed.stream().mapToLong(Share::amount).sum(), claims, bestLuck(p, claimed));
    }

    /** A list item: the packet with its grabbed totals, without claims. */
    public static PacketView summary(Packet p, int grabbedCount, long grabbedAmount) {
        return view(p, grabbedCount, grabbedAmount, null, null);
    }

    /** 手气最佳: the largest share of a finished lucky packet; on a tie, the earlier claim. */
    static String bestLuck(Packet p, List<Share> claimedInOrder) {
        if (p.type() != PacketType.GROUP_LUCKY || p.status() != PacketStatus.FINISHED || claimedInOrder.isEmpty()) {
            return null;
        }
        Share best = claimedInOrder.getFirst();
        for (Share s : claimedInOrder) {
            if (s.amount() > best.amount()) {
                best = s;
            }
        }
        return Long.toString(best.receiver());
    }

    private static PacketView view(Packet p, int grabbedCount, long grabbedAmount, List<ClaimView> claims,
                                   String bestLuck) {
        return new PacketView(Long.toString(p.id()), Long.toString(p.senderId()), p.type().name(), p.greeting(),
                p.totalAmount(), p.count(), p.amountEach(), id(p.groupId()), id(p.receiverId()), p.payChannel().name(),
                p.payStatus(), p.status().name(), grabbedCount, grabbedAmount, p.refundedAmount(), p.createdAt(),
                p.expiresAt(), p.finishedAt(), claims, bestLuck, null);
    }

    private static String id(Long id) {
        return id == null ? null : Long.toString(id);
    }
}
