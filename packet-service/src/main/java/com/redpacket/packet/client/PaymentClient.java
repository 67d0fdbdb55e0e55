package com.redpacket.packet.client;

import com.redpacket.contracts.internal.PrepayRequest;
import com.redpacket.contracts.internal.PrepayResult;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** payment-service: the WeChat Pay order of a packet, idempotent by (PACKET, packet id). */
@FeignClient(name = "payment-service", contextId = "payment")
public interface PaymentClient {
    @PostMapping("/internal/payments/orders")
    PrepayResult prepay(@RequestBody PrepayRequest request);
}
