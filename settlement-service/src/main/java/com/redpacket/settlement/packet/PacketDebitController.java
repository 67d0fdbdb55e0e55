package com.redpacket.settlement.packet;

import com.redpacket.contracts.internal.PacketDebitRequest;
import com.redpacket.contracts.internal.PacketDebitResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** docs/contracts.md: packet-service → settlement-service, never routed by the gateway. */
@RestController
public class PacketDebitController {
    private final PacketDebits debits;

    public PacketDebitController(PacketDebits debits) {
        this.debits = debits;
    }

    @PostMapping("/internal/wallets/{userId}/packet-debits")
    public PacketDebitResult debit(@PathVariable long userId, @RequestBody PacketDebitRequest request) {
        return debits.debit(userId, request);
    }
}
