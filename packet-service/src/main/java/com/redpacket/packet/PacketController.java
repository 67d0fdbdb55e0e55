package com.redpacket.packet;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.web.Headers;
import com.redpacket.packet.payment.PayStatusService;
import com.redpacket.packet.read.Page;
import com.redpacket.packet.read.PacketQueries;
import com.redpacket.packet.read.PacketView;
import com.redpacket.packet.read.ReceivedItem;
import com.redpacket.packet.send.SendPacketRequest;
import com.redpacket.packet.send.SendPacketService;
import com.redpacket.platform.openapi.ProblemResponses;
import com.redpacket.platform.web.CallerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Red packets", packet-service's part (the grab itself is grab-service's). */
@RestController
@RequestMapping("/api/packets")
@Tag(name = "Red packets", description = "Send, pay, and read packets (the grab itself is its own call)")
public class PacketController {
    private static final String LIMIT = "page size, 1..100 (default 20)";
    private static final String CURSOR = "nextCursor of the previous page; absent for the first page";

    private final SendPacketService send;
    private final PayStatusService payStatus;
    private final PacketQueries queries;

    public PacketController(SendPacketService send, PayStatusService payStatus, PacketQueries queries) {
        this.send = send;
        this.payStatus = payStatus;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "Send a packet", description = "Validates the limits (each share 1..20000 fen, count 1..100, "
            + "greeting ≤ 25 characters, sender not the receiver, audience in the group), pre-splits the total and "
            + "pays it: BALANCE from the wallet at once (the packet is ACTIVE), WECHAT by a WeChat Pay order whose "
            + "payment parameters come back in `payment` (the packet waits in PENDING_PAYMENT).")
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
            description = "Sent (or, for a repeated Idempotency-Key, the first answer again)")
    @ProblemResponses({ErrorCode.INSUFFICIENT_BALANCE, ErrorCode.PACKET_STATE_CONFLICT, ErrorCode.RATE_LIMITED,
            ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.UPSTREAM_TIMEOUT})
    public ResponseEntity<PacketView> send(@CallerId long caller,
                                           @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String key,
                                           @RequestBody SendPacketRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(send.send(caller, key, request));
    }

    @PostMapping("/{id}/client-paid")
    @Operation(summary = "The app paid (synchronous pay callback)", description = "Sender only, WECHAT packets only. "
            + "Opens the packet for grabs (payStatus 2) before WeChat Pay's own notification arrives; shares grabbed "
            + "meanwhile are credited once the notification confirms the money (payStatus 1). Repeatable.")
    @ProblemResponses({ErrorCode.PACKET_NOT_FOUND, ErrorCode.PACKET_STATE_CONFLICT})
    public PacketView clientPaid(@CallerId long caller, @PathVariable long id) {
        return payStatus.clientPaid(caller, id);
    }

    @GetMapping("/sent")
    @Operation(summary = "Packets the caller sent", description = "Newest first, with the totals of the whole list.")
    public Page<PacketView> sent(@CallerId long caller,
                                 @Parameter(description = LIMIT, example = "20") @RequestParam(required = false)
                                 Integer limit,
                                 @Parameter(description = CURSOR) @RequestParam(required = false) String cursor) {
        return queries.sent(caller, limit, cursor);
    }

    @GetMapping("/received")
    @Operation(summary = "Shares the caller grabbed", description = "Newest first, with the totals of the whole list.")
    public Page<ReceivedItem> received(@CallerId long caller,
                                       @Parameter(description = LIMIT, example = "20") @RequestParam(required = false)
                                       Integer limit,
                                       @Parameter(description = CURSOR) @RequestParam(required = false) String cursor) {
        return queries.received(caller, limit, cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A packet with its claims", description = "For the sender and the packet's audience; "
            + "others get 404. bestLuckUserId (手气最佳) once a lucky packet is finished.")
    @ProblemResponses(ErrorCode.PACKET_NOT_FOUND)
    public PacketView detail(@CallerId long caller, @PathVariable long id) {
        return queries.detail(caller, id);
    }
}
