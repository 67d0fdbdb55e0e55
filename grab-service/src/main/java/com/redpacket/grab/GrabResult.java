package com.redpacket.grab;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code POST /api/packets/{id}/grab}: the outcome, with the amount (GRABBED, ALREADY_GRABBED) and seq (GRABBED). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrabResult(GrabOutcome outcome, Long amount, Integer seq) {

    public static GrabResult grabbed(long amount, int seq) {
        return new GrabResult(GrabOutcome.GRABBED, amount, seq);
    }

    public static GrabResult alreadyGrabbed(long amount) {
        return new GrabResult(GrabOutcome.ALREADY_GRABBED, amount, null);
    }

    public static GrabResult of(GrabOutcome outcome) {
        return new GrabResult(outcome, null, null);
    }
}
