package com.redpacket.grab;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.platform.web.ApiException;
import com.redpacket.platform.web.CallerId;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** API.md: {@code POST /api/packets/{id}/grab}, the hot path. */
@RestController
public class GrabController {
    private final Grabber grabber;
    private final GrabMeters meters;

    public GrabController(Grabber grabber, GrabMeters meters) {
        this.grabber = grabber;
        this.meters = meters;
    }

    @PostMapping("/api/packets/{id}/grab")
    public GrabResult grab(@CallerId long caller, @PathVariable long id) {
        return meters.time(() -> {
            if (id <= 0) {
                throw ApiException.of(ErrorCode.PACKET_NOT_FOUND, "No packet " + id);
            }
            return grabber.grab(id, caller);
        });
    }
}
