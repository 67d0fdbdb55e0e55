package com.redpacket.platform.inbox;

import com.redpacket.contracts.events.DomainEvent;

/**
 * Applies the events of one inbox transaction ({@link Inbox#processBatch}): {@link #accept} for each event this
 * consumer had not processed before, in the event's own scope (its request id in the MDC, its trace current), then
 * {@link #complete} once, still inside the transaction. A handler that does all its work in {@code accept} is a plain
 * event handler; one that collects in {@code accept} can write a batch's effects set-wise in {@code complete}.
 */
public interface BatchHandler {
    void accept(DomainEvent event);

    /** Called once after the transaction's last {@link #accept}, before the commit. */
    default void complete() {
    }
}
