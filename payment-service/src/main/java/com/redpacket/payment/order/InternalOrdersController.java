package com.redpacket.payment.order;

import com.redpacket.contracts.internal.PrepayRequest;
import com.redpacket.contracts.internal.PrepayResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** docs/contracts.md: packet-service opens the WeChat Pay order of a packet here (never routed by the gateway). */
@RestController
public class InternalOrdersController {
    private final OrderOpening opening;

    public InternalOrdersController(OrderOpening opening) {
        this.opening = opening;
    }

    @PostMapping("/internal/payments/orders")
    PrepayResult open(@RequestBody PrepayRequest request) {
        return opening.open(request);
    }
}
