package com.redpacket.packet.send;

import com.redpacket.packet.store.PacketType;
import com.redpacket.packet.store.PayChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code redpacket.packets.sent{type, pay.channel}}: packets sent, counted once each when the send is answered 201 for
 * the first time (a replay under the same Idempotency-Key is not a new packet; a refused send is not a packet).
 */
@Component
public class SendMeters {
    private final Map<PacketType, Map<PayChannel, Counter>> sent = new EnumMap<>(PacketType.class);

    public SendMeters(MeterRegistry meters) {
        for (PacketType type : PacketType.values()) {
            Map<PayChannel, Counter> byChannel = new EnumMap<>(PayChannel.class);
            for (PayChannel channel : PayChannel.values()) {
                byChannel.put(channel, Counter.builder("redpacket.packets.sent")
                        .description("packets sent, by type and pay channel")
                        .tag("type", type.name())
                        .tag("pay.channel", channel.name())
                        .register(meters));
            }
            sent.put(type, byChannel);
        }
    }

    void sent(PacketType type, PayChannel channel) {
        sent.get(type).get(channel).increment();
    }
}
