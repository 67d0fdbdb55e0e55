package com.redpacket.packet.client;

import com.redpacket.contracts.internal.PacketDebitRequest;
import com.redpacket.contracts.internal.PacketDebitResult;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** settlement-service: the BALANCE debit, idempotent by packet id (docs/contracts.md). */
@FeignClient(name = "settlement-service", contextId = "settlement")
public interface SettlementClient {
    @PostMapping("/internal/wallets/{userId}/packet-debits")
    PacketDebitResult debit(@PathVariable("userId") long userId, @RequestBody PacketDebitRequest request);
}
