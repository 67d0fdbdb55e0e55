package com.redpacket.packet.send;

import com.redpacket.packet.store.PacketType;
import com.redpacket.packet.store.PayChannel;

/** A send that passed {@link SendRules}: every field present where its type needs it, every limit met. */
public record ValidSend(PacketType type, int count, long totalAmount, Long amountEach, String greeting, Long groupId,
                        Long receiverId, PayChannel payChannel, String wechatChannel, String payerOpenId) {
}
