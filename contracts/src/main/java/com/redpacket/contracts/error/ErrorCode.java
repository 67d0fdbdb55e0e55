package com.redpacket.contracts.error;

/**
 * The stable {@code code} of every problem body (API.md, Errors). Apps switch on these names; never rename one.
 * Each carries the HTTP status it is answered with and a human title.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Invalid request"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_IN_AUDIENCE(403, "Not in this packet's audience"),
    NOT_FOUND(404, "Not found"),
    PACKET_NOT_FOUND(404, "Packet not found"),
    GROUP_NOT_FOUND(404, "Group not found"),
    USER_NOT_FOUND(404, "User not found"),
    ORDER_NOT_FOUND(404, "Order not found"),
    TOPUP_NOT_FOUND(404, "Top-up not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    USERNAME_TAKEN(409, "Username taken"),
    GROUP_FULL(409, "Group is full"),
    INSUFFICIENT_BALANCE(409, "Insufficient balance"),
    IDEMPOTENCY_KEY_REUSED(409, "Idempotency key reused with a different request"),
    IDEMPOTENCY_IN_PROGRESS(409, "A request with this idempotency key is still being processed"),
    PACKET_STATE_CONFLICT(409, "Packet is not in a state that allows this"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RATE_LIMITED(429, "Too many requests"),
    HEADERS_TOO_LARGE(431, "Request header fields too large"),
    INTERNAL_ERROR(500, "Internal error"),
    UPSTREAM_UNAVAILABLE(503, "A service this call depends on is unavailable"),
    UPSTREAM_TIMEOUT(504, "A service this call depends on did not answer in time");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem {@code type} URI; documented in the README's error table. */
    public String typeUri() {
        return "https://redpacket.example/problems/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
