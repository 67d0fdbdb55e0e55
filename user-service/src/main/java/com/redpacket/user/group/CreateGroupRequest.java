package com.redpacket.user.group;

import java.util.List;

/** {@code POST /api/groups}: the caller becomes owner and member; {@code memberIds} (user ids as strings) may be empty. */
public record CreateGroupRequest(String name, List<String> memberIds) {
}
