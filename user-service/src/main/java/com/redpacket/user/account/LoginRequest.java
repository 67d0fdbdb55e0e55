package com.redpacket.user.account;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** {@code POST /api/users/login}. The password never appears in a toString (logs, exception messages). */
public record LoginRequest(
        @Schema(requiredMode = REQUIRED, example = "xiaohong_88") String username,
        @Schema(requiredMode = REQUIRED, format = "password", example = "red-packet-2024") String password) {
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + "]";
    }
}
