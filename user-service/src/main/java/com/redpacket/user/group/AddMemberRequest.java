package com.redpacket.user.group;

/** {@code POST /api/groups/{id}/members}: the user id (a string) to add. */
public record AddMemberRequest(String userId) {
}
