package com.redpacket.packet.send;

import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.contracts.internal.PrepayRequest;
import com.redpacket.contracts.internal.PrepayResult;
import com.redpacket.packet.client.PaymentClient;
import com.redpacket.packet.read.PaymentView;
import com.redpacket.packet.store.Packet;
import com.redpacket.packet.store.PacketRepository;
import org.springframework.stereotype.Component;

/**
 * Creates (or, idempotently, finds again) the WeChat Pay order of a WECHAT packet at payment-service. The packet
 * itself waits at pay_status 0 until the app confirms ({@code client-paid}) or WeChat Pay does ({@code PaymentSucceeded});
 * an order that is never paid is closed by payment-service, and {@code PaymentClosed} cancels the packet.
 */
@Component
public class WechatOrders {
    private final PaymentClient payment;
    private final PacketRepository packets;

    public WechatOrders(PaymentClient payment, PacketRepository packets) {
        this.payment = payment;
        this.packets = packets;
    }

    public PaymentView order(Packet p) {
        PrepayResult order = payment.prepay(new PrepayRequest(PaymentPurpose.PACKET, p.id(), p.senderId(),
                p.totalAmount(), p.wechatChannel(), "红包 " + p.greeting(), p.payerOpenId()));
        packets.recordOrder(p.id(), order.outTradeNo());
        return new PaymentView(order.outTradeNo(), order.codeUrl(), order.prepay());
    }
}
