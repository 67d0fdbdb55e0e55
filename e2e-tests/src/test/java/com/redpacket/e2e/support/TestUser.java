package com.redpacket.e2e.support;

/** A registered, logged-in user: the id (a string, as the API carries it) and the bearer token to act as them. */
public record TestUser(String id, String username, String password, String nickname, String token) {
    @Override
    public String toString() {
        return "TestUser[id=" + id + ", username=" + username + "]";
    }
}
