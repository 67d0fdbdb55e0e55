package com.redpacket.payment.topup;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.contracts.internal.PrepayRequest;
import com.redpacket.contracts.internal.PrepayResult;
import com.redpacket.contracts.web.Headers;
import com.redpacket.payment.order.OrderOpening;
import com.redpacket.payment.order.OrderRepository;
import com.redpacket.payment.order.OutTradeNos;
import com.redpacket.payment.order.PaymentOrder;
import com.redpacket.platform.id.IdGenerator;
import com.redpacket.platform.idempotency.IdempotentRequests;
import com.redpacket.platform.openapi.ProblemResponses;
import com.redpacket.platform.web.ApiException;
import com.redpacket.platform.web.CallerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * API.md Wallet: filling a wallet with WeChat Pay. A top-up is a TOPUP order whose reference is the top-up id; once
 * WeChat Pay confirms it, {@code PaymentSucceeded} makes settlement-service credit the wallet.
 */
@RestController
@Tag(name = "Wallet", description = "Top-ups: filling the wallet with WeChat Pay")
public class TopupController {
    private final OrderOpening opening;
    private final OrderRepository orders;
    private final IdempotentRequests idempotent;
    private final IdGenerator ids;
    private final TopupProperties limits;

    public TopupController(OrderOpening opening, OrderRepository orders, IdempotentRequests idempotent, IdGenerator ids,
                           TopupProperties limits) {
        this.opening = opening;
        this.orders = orders;
        this.idempotent = idempotent;
        this.ids = ids;
        this.limits = limits;
    }

    @PostMapping("/api/wallet/topups")
    @Operation(summary = "Top up the wallet", description = "Creates a WeChat Pay order and answers what the app needs "
            + "to pay it (codeUrl for NATIVE, signed prepay parameters for APP and JSAPI). The wallet is credited when "
            + "WeChat Pay confirms the payment; unpaid orders close after 15 minutes.")
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
            description = "Created (or, for a repeated Idempotency-Key, the first answer again)")
    @ProblemResponses({ErrorCode.CONFLICT, ErrorCode.UPSTREAM_UNAVAILABLE})
    ResponseEntity<TopupView> create(@CallerId long userId,
                                     @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String key,
                                     @Valid @RequestBody TopupRequest request) {
        if (request.amount() < limits.minAmount() || request.amount() > limits.maxAmount()) {
            throw ApiException.invalid("amount", "must be " + limits.minAmount() + ".." + limits.maxAmount() + " fen");
        }
        TopupView view = idempotent.execute("POST /api/wallet/topups:user:" + userId, key, request, ids.next(),
                id -> open(id, userId, request), TopupView.class);
        return ResponseEntity.created(URI.create("/api/wallet/topups/" + view.id())).body(view);
    }

    @GetMapping("/api/wallet/topups/{id}")
    @Operation(summary = "A top-up's status", description = "The caller's own top-ups only; others get 404.")
    @ProblemResponses(ErrorCode.TOPUP_NOT_FOUND)
    TopupStatus status(@CallerId long userId, @PathVariable long id) {
        PaymentOrder order = id <= 0 ? null : orders.find(OutTradeNos.of(PaymentPurpose.TOPUP, id))
                .filter(o -> o.userId() == userId).orElse(null);
        if (order == null) {
            throw ApiException.of(ErrorCode.TOPUP_NOT_FOUND, "No top-up " + id);
        }
        return new TopupStatus(Long.toString(id), order.amount(), order.status().name());
    }

    private TopupView open(long id, long userId, TopupRequest request) {
        PrepayResult result = opening.open(new PrepayRequest(PaymentPurpose.TOPUP, id, userId, request.amount(),
                request.channel().name(), null, request.payerOpenId()));
        return new TopupView(Long.toString(id), request.amount(), result.outTradeNo(), result.status(),
                result.codeUrl(), result.prepay());
    }
}
