package com.redpacket.user.account;

/** {@code POST /api/users/register}. The password never appears in a toString (logs, exception messages). */
public record RegisterRequest(String username, String password, String nickname) {
    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + ", nickname=" + nickname + "]";
    }
}
