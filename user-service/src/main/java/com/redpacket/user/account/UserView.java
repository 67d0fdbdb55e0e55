package com.redpacket.user.account;

/** A user as the app sees it; the id is a string (64-bit ids lose precision in JavaScript). */
public record UserView(String id, String username, String nickname) {
    static UserView of(User user) {
        return new UserView(Long.toString(user.id()), user.username(), user.nickname());
    }
}
