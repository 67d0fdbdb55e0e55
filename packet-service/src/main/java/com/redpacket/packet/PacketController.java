package com.redpacket.packet;

import com.redpacket.contracts.web.Headers;
import com.redpacket.packet.payment.PayStatusService;
import com.redpacket.packet.read.Page;
import com.redpacket.packet.read.PacketQueries;
import com.redpacket.packet.read.PacketView;
import com.redpacket.packet.read.ReceivedItem;
import com.redpacket.packet.send.SendPacketRequest;
import com.redpacket.packet.send.SendPacketService;
import com.redpacket.platform.web.CallerId;
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
public class PacketController {
    private final SendPacketService send;
    private final PayStatusService payStatus;
    private final PacketQueries queries;

    public PacketController(SendPacketService send, PayStatusService payStatus, PacketQueries queries) {
        this.send = send;
        this.payStatus = payStatus;
        this.queries = queries;
    }

    @PostMapping
    public ResponseEntity<PacketView> send(@CallerId long caller,
                                           @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String key,
                                           @RequestBody SendPacketRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(send.send(caller, key, request));
    }

    @PostMapping("/{id}/client-paid")
    public PacketView clientPaid(@CallerId long caller, @PathVariable long id) {
        return payStatus.clientPaid(caller, id);
    }

    @GetMapping("/sent")
    public Page<PacketView> sent(@CallerId long caller, @RequestParam(required = false) Integer limit,
                                 @RequestParam(required = false) String cursor) {
        return queries.sent(caller, limit, cursor);
    }

    @GetMapping("/received")
    public Page<ReceivedItem> received(@CallerId long caller, @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String cursor) {
        return queries.received(caller, limit, cursor);
    }

    @GetMapping("/{id}")
    public PacketView detail(@CallerId long caller, @PathVariable long id) {
        return queries.detail(caller, id);
    }
}
