package com.redpacket.user.account;

import io.swagger.v3.oas.annotations.media.Schema;

/** The bearer token, whose user it is, and how many seconds it stays valid. */
public record LoginResponse(
        @Schema(description = "RS256 JWT; send it as Authorization: Bearer <token>",
                example = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiIxODM5MjA0ODU3MjYxMDU2In0.c2lnbmF0dXJl")
        String token,
        @Schema(example = "Bearer") String tokenType,
        @Schema(example = "1839204857261056") String userId,
        @Schema(description = "seconds until the token expires", example = "7200") long expiresIn) {
    @Override
    public String toString() {
        return "LoginResponse[userId=" + userId + ", expiresIn=" + expiresIn + "]";
    }
}
