package com.redpacket.packet;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code redpacket.packet.*}: WeChat's rules as defaults (ARCHITECTURE.md "Limits").
 *
 * @param minShare              smallest share in fen
 * @param maxShare              largest share in fen (200 yuan)
 * @param maxCount              most shares in one packet
 * @param greetingMaxLength     greeting length in Unicode code points
 * @param defaultGreeting       used when the sender writes none
 * @param ttl                   how long a packet can be grabbed before the rest goes back to the sender
 * @param expiryScanInterval    how often the expiry job looks for packets past their time
 * @param expiryBatch           packets expired per scan
 * @param recoverAfter          an unpaid packet older than this is finished or removed by the recovery job
 * @param recoveryScanInterval  how often the recovery job runs
 * @param membersCacheTtl       how long a group's member list is trusted for the send checks
 */
@ConfigurationProperties("redpacket.packet")
public record PacketProperties(Long minShare, Long maxShare, Integer maxCount, Integer greetingMaxLength,
                               String defaultGreeting, Duration ttl, Duration expiryScanInterval, Integer expiryBatch,
                               Duration recoverAfter, Duration recoveryScanInterval, Duration membersCacheTtl) {
    public PacketProperties {
        minShare = minShare == null ? 1L : minShare;
        maxShare = maxShare == null ? 20_000L : maxShare;
        maxCount = maxCount == null ? 100 : maxCount;
        greetingMaxLength = greetingMaxLength == null ? 25 : greetingMaxLength;
        defaultGreeting = defaultGreeting == null ? "恭喜发财，大吉大利" : defaultGreeting;
        ttl = ttl == null ? Duration.ofHours(24) : ttl;
        expiryScanInterval = expiryScanInterval == null ? Duration.ofSeconds(30) : expiryScanInterval;
        expiryBatch = expiryBatch == null ? 200 : expiryBatch;
        recoverAfter = recoverAfter == null ? Duration.ofMinutes(2) : recoverAfter;
        recoveryScanInterval = recoveryScanInterval == null ? Duration.ofSeconds(30) : recoveryScanInterval;
        membersCacheTtl = membersCacheTtl == null ? Duration.ofSeconds(5) : membersCacheTtl;
    }
}
