package com.redpacket.user.account;

import io.swagger.v3.oas.annotations.media.Schema;

/** A user as the app sees it; the id is a string (64-bit ids lose precision in JavaScript). */
public record UserView(@Schema(example = "1839204857261056") String id,
                       @Schema(example = "xiaohong_88") String username,
                       @Schema(example = "小红") String nickname) {
    static UserView of(User user) {
        return new UserView(Long.toString(user.id()), user.username(), user.nickname());
    }
}
