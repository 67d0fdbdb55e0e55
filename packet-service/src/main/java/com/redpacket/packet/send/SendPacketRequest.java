package com.redpacket.packet.send;

/**
 * {@code POST /api/packets} (API.md "Send body"). Ids are strings, as everywhere in the public API. Beyond API.md:
 * {@code wechatChannel} (NATIVE, APP or JSAPI; default NATIVE) says which WeChat Pay order to create for
 * {@code payChannel: WECHAT}, and {@code payerOpenId} is the payer's openid, required for JSAPI.
 */
public record SendPacketRequest(String type, Integer count, Long totalAmount, Long amountEach, String greeting,
                                String groupId, String receiverId, String payChannel, String wechatChannel,
                                String payerOpenId) {
}
