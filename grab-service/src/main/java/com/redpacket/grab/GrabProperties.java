package com.redpacket.grab;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code redpacket.grab.*}.
 *
 * @param keySlack        how long a packet's keys outlive its expiry (late repeat grabs still answered from Redis)
 * @param unpaidTtl       how long "not payable yet" is answered from Redis before packet-service is asked again
 * @param closedTtl       how long the state of an expired or cancelled packet read back from packet-service is kept
 * @param unknownTtl      how long "no such packet" is remembered
 * @param rebuildLockTtl  the rebuild lock's lifetime (a rebuilder that dies frees it by then)
 * @param rebuildWait     how long a grab waits for another request's rebuild before answering 503
 * @param membersTtl      how long a group's member list is trusted (dropped at once on GroupMembershipChanged)
 * @param claimRetryDelay first delay before a claim whose answer was lost is retried in the background
 * @param claimRetries    background retries of such a claim
 * @param soldOutMemory   how long a sold-out packet's final state is answered from memory before Redis is read again
 *                        ({@link SoldOutPackets}; 0 reads Redis for every grab)
 */
@ConfigurationProperties("redpacket.grab")
public record GrabProperties(Duration keySlack, Duration unpaidTtl, Duration closedTtl, Duration unknownTtl,
                             Duration rebuildLockTtl, Duration rebuildWait, Duration membersTtl,
                             Duration claimRetryDelay, Integer claimRetries, Duration soldOutMemory) {
    public GrabProperties {
        keySlack = keySlack == null ? Duration.ofMinutes(10) : keySlack;
        unpaidTtl = unpaidTtl == null ? Duration.ofSeconds(2) : unpaidTtl;
        closedTtl = closedTtl == null ? Duration.ofMinutes(1) : closedTtl;
        unknownTtl = unknownTtl == null ? Duration.ofSeconds(2) : unknownTtl;
        rebuildLockTtl = rebuildLockTtl == null ? Duration.ofSeconds(3) : rebuildLockTtl;
        rebuildWait = rebuildWait == null ? Duration.ofSeconds(3) : rebuildWait;
        membersTtl = membersTtl == null ? Duration.ofSeconds(30) : membersTtl;
        claimRetryDelay = claimRetryDelay == null ? Duration.ofSeconds(1) : claimRetryDelay;
        claimRetries = claimRetries == null ? 6 : claimRetries;
        soldOutMemory = soldOutMemory == null ? Duration.ofSeconds(1) : soldOutMemory;
    }
}
