package com.redpacket.grab;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/packets/{id}/grab}: the outcome, with the amount (GRABBED, ALREADY_GRABBED) and seq (GRABBED). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrabResult(@Schema(example = "GRABBED") GrabOutcome outcome,
                         @Schema(description = "fen: the share grabbed now (GRABBED) or before (ALREADY_GRABBED)",
                                 example = "238") Long amount,
                         @Schema(description = "which share (1..count), on GRABBED", example = "3") Integer seq) {

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
