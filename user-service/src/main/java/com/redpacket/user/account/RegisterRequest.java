package com.redpacket.user.account;

import com.redpacket.user.input.InputRules;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** {@code POST /api/users/register}. The password never appears in a toString (logs, exception messages). */
public record RegisterRequest(
        @Schema(requiredMode = REQUIRED, pattern = "^" + InputRules.USERNAME_REGEX + "$", example = "xiaohong_88",
                description = "3–32 of A-Z a-z 0-9 _ . -; unique ignoring case")
        String username,
        @Schema(requiredMode = REQUIRED, format = "password", minLength = InputRules.PASSWORD_MIN,
                example = "red-packet-2024", description = "8 characters to 72 bytes of UTF-8")
        String password,
        @Schema(requiredMode = REQUIRED, maxLength = InputRules.NICKNAME_MAX, example = "小红",
                description = "Any Unicode but control and direction-override characters; trimmed")
        String nickname) {
    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + ", nickname=" + nickname + "]";
    }
}
