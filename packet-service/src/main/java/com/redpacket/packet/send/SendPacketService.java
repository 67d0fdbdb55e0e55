package com.redpacket.packet.send;

import com.redpacket.packet.PacketProperties;
import com.redpacket.packet.client.GroupMembership;
import com.redpacket.packet.read.PacketQueries;
import com.redpacket.packet.read.PacketView;
import com.redpacket.packet.store.Packet;
import com.redpacket.packet.store.PacketRepository;
import com.redpacket.packet.store.PacketStatus;
import com.redpacket.packet.store.PacketType;
import com.redpacket.packet.store.PayChannel;
import com.redpacket.packet.store.PayStatus;
import com.redpacket.platform.id.IdGenerator;
import com.redpacket.platform.idempotency.IdempotentRequests;
import com.redpacket.platform.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code POST /api/packets}: validate everything first (nothing is written for a bad request), then, under the
 * caller's Idempotency-Key, create the packet with the id the key reserved and pay for it. Creating is itself
 * idempotent by that id: a retry after a crash finds the packet and carries on with its payment.
 */
@Service
public class SendPacketService {
    private final SendRules rules;
    private final PacketSplitter splitter;
    private final GroupMembership membership;
    private final IdempotentRequests idempotent;
    private final IdGenerator ids;
    private final PacketRepository packets;
    private final BalancePayment balance;
    private final WechatOrders wechat;
    private final PacketQueries queries;
    private final TransactionTemplate tx;
    private final PacketProperties props;
    private final SendMeters meters;

    public SendPacketService(PacketProperties props, GroupMembership membership, IdempotentRequests idempotent,
                             IdGenerator ids, PacketRepository packets, BalancePayment balance, WechatOrders wechat,
                             PacketQueries queries, TransactionTemplate tx, SendMeters meters) {
        this.rules = new SendRules(props);
        this.splitter = new PacketSplitter(props.minShare(), props.maxShare(), new SecureRandom());
        this.membership = membership;
        this.idempotent = idempotent;
        this.ids = ids;
        this.packets = packets;
        this.balance = balance;
        this.wechat = wechat;
        this.queries = queries;
        this.tx = tx;
        this.props = props;
        this.meters = meters;
    }

    public PacketView send(long senderId, String idempotencyKey, SendPacketRequest request) {
        ValidSend send = rules.validate(senderId, request);
        checkAudience(senderId, send);
        return idempotent.execute("POST /api/packets:user:" + senderId, idempotencyKey, request, ids.next(),
                packetId -> create(packetId, senderId, send), PacketView.class);
    }

    private PacketView create(long packetId, long senderId, ValidSend send) {
        Packet packet = packets.find(packetId).orElseGet(() -> reserve(packetId, senderId, send));
        PacketView view;
        if (packet.payChannel() == PayChannel.BALANCE) {
            balance.pay(packet);
            view = queries.view(packetId);
        } else {
            view = queries.view(packetId).withPayment(wechat.order(packet));
        }
        meters.sent(packet.type(), packet.payChannel());
        return view;
    }

    /** The packet at pay_status 0 and all its shares, in one transaction. */
    private Packet reserve(long packetId, long senderId, ValidSend s) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Packet packet = new Packet(packetId, senderId, s.type(), s.greeting(), s.totalAmount(), s.count(),
                s.amountEach(), s.groupId(), s.receiverId(), s.payChannel(), s.wechatChannel(), s.payerOpenId(), null,
                PayStatus.UNPAID, PacketStatus.PENDING_PAYMENT, now, now.plus(props.ttl()), null, null, null, 0, null);
        long[] shares = s.type() == PacketType.GROUP_EQUAL ? splitter.equal(s.amountEach(), s.count())
                : splitter.lucky(s.totalAmount(), s.count());
        try {
            tx.executeWithoutResult(status -> packets.insert(packet, shares));
            return packet;
        } catch (DuplicateKeyException e) {
            return packets.find(packetId).orElseThrow();
        }
    }

    /** Group packets: the sender is a member; exclusive ones: the receiver too. Single ones: anyone but the sender. */
    private void checkAudience(long senderId, ValidSend s) {
        if (s.groupId() == null) {
            return;
        }
        var members = membership.members(s.groupId())
                .orElseThrow(() -> ApiException.invalid("groupId", "no such group"));
        if (!members.contains(senderId)) {
            throw ApiException.invalid("groupId", "the sender is not a member of this group");
        }
        if (s.receiverId() != null && !members.contains(s.receiverId())) {
            throw ApiException.invalid("receiverId", "must be a member of the group");
        }
    }
}
