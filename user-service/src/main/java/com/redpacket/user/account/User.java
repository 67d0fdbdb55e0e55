package com.redpacket.user.account;

/** A stored user. {@code passwordHash} is the encoder's output (bcrypt), never the password. */
public record User(long id, String username, String nickname, String passwordHash) {
    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + "]";
    }
}
