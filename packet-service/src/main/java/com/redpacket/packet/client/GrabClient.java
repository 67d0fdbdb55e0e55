package com.redpacket.packet.client;

import com.redpacket.contracts.internal.ArmRequest;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** grab-service: arming and disarming a packet's Redis gate. */
@FeignClient(name = "grab-service", contextId = "grab")
public interface GrabClient {
    @PutMapping("/internal/packets/{id}/arming")
    void arm(@PathVariable("id") long packetId, @RequestBody ArmRequest request);

    @DeleteMapping("/internal/packets/{id}/arming")
    void disarm(@PathVariable("id") long packetId);
}
