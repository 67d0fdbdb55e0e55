package com.redpacket.packet.send;

import com.redpacket.packet.PacketProperties;
import com.redpacket.packet.store.Packet;
import com.redpacket.packet.store.PacketRepository;
import com.redpacket.packet.store.PayChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Finishes what a crashed or abandoned send left behind, once it is older than {@code redpacket.packet.recover-after}
 * (well past any request's lifetime): a BALANCE reservation is paid or removed by re-running the idempotent debit
 * (the debit answers whether the money moved); a WECHAT packet without an order gets its order, so that it is either
 * paid or closed and cancelled by payment-service's timeout, never left dangling.
 */
@Component
public class UnpaidPacketRecovery {
    private static final Logger log = LoggerFactory.getLogger(UnpaidPacketRecovery.class);

    private final PacketRepository packets;
    private final BalancePayment balance;
    private final WechatOrders wechat;
    private final PacketProperties props;

    public UnpaidPacketRecovery(PacketRepository packets, BalancePayment balance, WechatOrders wechat,
                                PacketProperties props) {
        this.packets = packets;
        this.balance = balance;
        this.wechat = wechat;
        this.props = props;
    }

    /** One pass; returns how many packets it looked at. */
    public int recover() {
        int seen = 0;
        for (Packet p : packets.stuckUnpaid(Instant.now().minus(props.recoverAfter()), 100)) {
            seen++;
            try {
                if (p.payChannel() == PayChannel.BALANCE) {
                    balance.pay(p);
                    log.info("recovered BALANCE packet {}: paid", p.id());
                } else {
                    wechat.order(p);
                    log.info("recovered WECHAT packet {}: order created", p.id());
                }
            } catch (RuntimeException e) {
                log.info("recovery of packet {} ended: {}", p.id(), e.getMessage());
            }
        }
        return seen;
    }
}
