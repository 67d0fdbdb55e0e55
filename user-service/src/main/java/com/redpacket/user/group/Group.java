package com.redpacket.user.group;

public record Group(long id, String name, long ownerId, int memberCount) {
}
