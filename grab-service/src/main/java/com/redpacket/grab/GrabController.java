package com.redpacket.grab;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.platform.openapi.ProblemResponses;
import com.redpacket.platform.web.ApiException;
import com.redpacket.platform.web.CallerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** API.md: {@code POST /api/packets/{id}/grab}, the hot path. */
@RestController
@Tag(name = "Red packets", description = "Grabbing a share: the hot path")
public class GrabController {
    private final Grabber grabber;
    private final GrabMeters meters;

    public GrabController(Grabber grabber, GrabMeters meters) {
        this.grabber = grabber;
        this.meters = meters;
    }

    @PostMapping("/api/packets/{id}/grab")
    @Operation(summary = "Grab a share", description = "For the packet's audience (the group's members; the receiver "
            + "of a SINGLE or EXCLUSIVE packet). Every outcome is a 200: GRABBED (with amount and seq), ALREADY_GRABBED "
            + "(the caller's own amount; a retry is safe), SOLD_OUT (手慢了), EXPIRED, NOT_PAYABLE_YET (not paid yet). "
            + "503/504: the share is reserved for the caller and the same call finishes it.")
    @ProblemResponses({ErrorCode.NOT_IN_AUDIENCE, ErrorCode.PACKET_NOT_FOUND, ErrorCode.RATE_LIMITED,
            ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.UPSTREAM_TIMEOUT})
    public GrabResult grab(@CallerId long caller, @PathVariable long id) {
        return meters.time(() -> {
            if (id <= 0) {
                throw ApiException.of(ErrorCode.PACKET_NOT_FOUND, "No packet " + id);
            }
            return grabber.grab(id, caller);
        });
    }
}
