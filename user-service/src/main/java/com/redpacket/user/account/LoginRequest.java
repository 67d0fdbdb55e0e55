package com.redpacket.user.account;

/** {@code POST /api/users/login}. The password never appears in a toString (logs, exception messages). */
public record LoginRequest(String username, String password) {
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + "]";
    }
}
