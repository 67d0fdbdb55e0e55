package com.redpacket.grab.client;

import com.redpacket.contracts.internal.ClaimRequest;
import com.redpacket.contracts.internal.ClaimResult;
import com.redpacket.contracts.internal.PacketLiveState;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** packet-service, MySQL's truth: the claim of a popped slot, and the live state to rebuild Redis from. */
@FeignClient(name = "packet-service", contextId = "packets")
public interface PacketClient {
    @PostMapping("/internal/packets/{id}/claims")
    ClaimResult claim(@PathVariable("id") long packetId, @RequestBody ClaimRequest request);

    @GetMapping("/internal/packets/{id}/live-state")
    PacketLiveState liveState(@PathVariable("id") long packetId);
}
