package com.redpacket.packet.read;

import java.time.Instant;

/** One claim on a packet's detail page; {@code credited} once settlement-service put it in the wallet. */
public record ClaimView(String userId, long amount, Instant grabbedAt, boolean credited) {
}
