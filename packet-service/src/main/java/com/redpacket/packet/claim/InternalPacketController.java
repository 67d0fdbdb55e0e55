package com.redpacket.packet.claim;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.internal.ClaimRequest;
import com.redpacket.contracts.internal.ClaimResult;
import com.redpacket.contracts.internal.PacketLiveState;
import com.redpacket.platform.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** grab-service's calls (docs/contracts.md): claim a share, read the live state to rebuild Redis from. */
@RestController
public class InternalPacketController {
    private final ClaimService claims;
    private final Finisher finisher;
    private final LiveStates liveStates;

    public InternalPacketController(ClaimService claims, Finisher finisher, LiveStates liveStates) {
        this.claims = claims;
        this.finisher = finisher;
        this.liveStates = liveStates;
    }

    @PostMapping("/internal/packets/{id}/claims")
    public ClaimResult claim(@PathVariable long id, @RequestBody ClaimRequest request) {
        ClaimService.Claimed claimed = claims.claim(id, request);
        if (claimed.fresh()) {
            finisher.finishIfEmptied(id);
        }
        return claimed.result();
    }

    @GetMapping("/internal/packets/{id}/live-state")
    public PacketLiveState liveState(@PathVariable long id) {
        return liveStates.of(id).orElseThrow(() -> ApiException.of(ErrorCode.PACKET_NOT_FOUND, "No packet " + id));
    }
}
