package com.redpacket.packet;

import com.redpacket.packet.expiry.PacketExpiry;
import com.redpacket.packet.send.UnpaidPacketRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The two background jobs, on the intervals of {@code redpacket.packet.*}; {@code redpacket.packet.jobs.enabled=false}
 * turns them off (tests drive them by hand). A failing pass is logged and the next one tries again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "redpacket.packet.jobs.enabled", havingValue = "true", matchIfMissing = true)
class PacketJobs implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(PacketJobs.class);

    private final PacketExpiry expiry;
    private final UnpaidPacketRecovery recovery;
    private final PacketProperties props;

    PacketJobs(PacketExpiry expiry, UnpaidPacketRecovery recovery, PacketProperties props) {
        this.expiry = expiry;
        this.recovery = recovery;
        this.props = props;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(guarded("expiry", expiry::expireDue), props.expiryScanInterval());
        registrar.addFixedDelayTask(guarded("recovery", recovery::recover), props.recoveryScanInterval());
    }

    private static Runnable guarded(String name, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.warn("{} pass failed, the next one retries: {}", name, e.toString());
            }
        };
    }
}
