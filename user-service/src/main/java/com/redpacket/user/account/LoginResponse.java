package com.redpacket.user.account;

/** The bearer token, whose user it is, and how many seconds it stays valid. */
public record LoginResponse(String token, String tokenType, String userId, long expiresIn) {
    @Override
    public String toString() {
        return "LoginResponse[userId=" + userId + ", expiresIn=" + expiresIn + "]";
    }
}
