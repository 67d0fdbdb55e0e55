package com.redpacket.user.group;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** {@code POST /api/groups/{id}/members}: the user id (a string) to add. */
public record AddMemberRequest(@Schema(requiredMode = REQUIRED, example = "1839204857261057") String userId) {
}
