package com.redpacket.packet.send;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * {@code POST /api/packets} (API.md "Send body"). Ids are strings, as everywhere in the public API. Beyond API.md:
 * {@code wechatChannel} (NATIVE, APP or JSAPI; default NATIVE) says which WeChat Pay order to create for
 * {@code payChannel: WECHAT}, and {@code payerOpenId} is the payer's openid, required for JSAPI.
 */
public record SendPacketRequest(
        @Schema(requiredMode = REQUIRED, allowableValues = {"SINGLE", "GROUP_LUCKY", "GROUP_EQUAL", "EXCLUSIVE"},
                example = "GROUP_LUCKY", description = "SINGLE: to receiverId, count 1. GROUP_LUCKY: totalAmount split "
                + "at random among count members of groupId. GROUP_EQUAL: amountEach × count, to groupId. EXCLUSIVE: a "
                + "group packet only receiverId (a member of groupId) may open, count 1.")
        String type,
        @Schema(minimum = "1", example = "5", description = "Shares: 1..100 (redpacket.packet.max-count); 1 or absent "
                + "for SINGLE and EXCLUSIVE")
        Integer count,
        @Schema(minimum = "1", example = "1000", description = "Fen, for SINGLE, GROUP_LUCKY and EXCLUSIVE; each "
                + "share must come out at 1..20000 fen")
        Long totalAmount,
        @Schema(minimum = "1", example = "200", description = "Fen per share, for GROUP_EQUAL: 1..20000")
        Long amountEach,
        @Schema(example = "恭喜发财，大吉大利", description = "At most 25 characters (code points, any Unicode); "
                + "a default when absent")
        String greeting,
        @Schema(example = "1839204857261090", description = "The group, for every type but SINGLE; the sender must "
                + "be a member")
        String groupId,
        @Schema(example = "1839204857261057", description = "The one receiver of SINGLE and EXCLUSIVE; not the sender")
        String receiverId,
        @Schema(requiredMode = REQUIRED, allowableValues = {"BALANCE", "WECHAT"}, example = "BALANCE",
                description = "BALANCE: debited from the wallet at once (409 INSUFFICIENT_BALANCE if short). WECHAT: "
                + "the answer carries payment, the app pays, the packet opens when WeChat Pay confirms.")
        String payChannel,
        @Schema(allowableValues = {"NATIVE", "APP", "JSAPI"}, example = "NATIVE",
                description = "For WECHAT: which WeChat Pay order to create (default NATIVE)")
        String wechatChannel,
        @Schema(example = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", description = "The payer's openid; required for JSAPI")
        String payerOpenId) {
}
