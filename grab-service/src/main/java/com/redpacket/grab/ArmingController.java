package com.redpacket.grab;

import com.redpacket.contracts.internal.ArmRequest;
import com.redpacket.contracts.internal.PacketLiveState;
import com.redpacket.grab.slots.Rebuilder;
import com.redpacket.grab.slots.SlotStore;
import com.redpacket.platform.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** packet-service's calls (docs/contracts.md): arm a paid packet, disarm an expired or cancelled one. */
@RestController
public class ArmingController {
    private final Rebuilder rebuilder;
    private final SlotStore slots;
    private final SoldOutPackets soldOut;

    public ArmingController(Rebuilder rebuilder, SlotStore slots, SoldOutPackets soldOut) {
        this.rebuilder = rebuilder;
        this.slots = slots;
        this.soldOut = soldOut;
    }

    @PutMapping("/internal/packets/{id}/arming")
    public ResponseEntity<Void> arm(@PathVariable long id, @RequestBody ArmRequest r) {
        if (r.packetId() != id) {
            throw ApiException.invalid("packetId", "must be the packet of the path");
        }
        if (r.expiresAt() == null || r.freeSeqs() == null || (r.groupId() == null && r.receiverId() == null)) {
            throw ApiException.invalid("body", "expiresAt, freeSeqs and an audience (groupId or receiverId) are required");
        }
        List<PacketLiveState.Claim> claims = r.claims() == null ? List.of() : r.claims();
        soldOut.forget(id);
        rebuilder.arm(new PacketLiveState(id, r.senderId(), "ACTIVE", 1, r.groupId(), r.receiverId(), r.expiresAt(),
                r.freeSeqs().size() + claims.size(), r.freeSeqs(), claims));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/internal/packets/{id}/arming")
    public ResponseEntity<Void> disarm(@PathVariable long id) {
        slots.disarm(id);
        soldOut.forget(id);
        return ResponseEntity.noContent().build();
    }
}
