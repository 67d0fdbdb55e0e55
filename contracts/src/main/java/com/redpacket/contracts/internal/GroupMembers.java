package com.redpacket.contracts.internal;

import java.util.List;

/** user-service {@code GET /internal/groups/{groupId}/members}: the group's members (404 GROUP_NOT_FOUND if none). */
public record GroupMembers(long groupId, List<Long> memberIds) {
}
