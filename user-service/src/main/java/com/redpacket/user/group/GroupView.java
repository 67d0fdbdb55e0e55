package com.redpacket.user.group;

import java.util.List;

/** A group as its members see it; ids are strings. */
public record GroupView(String id, String name, String ownerId, List<String> memberIds) {
    static GroupView of(Group group, List<Long> members) {
        return new GroupView(Long.toString(group.id()), group.name(), Long.toString(group.ownerId()),
                members.stream().map(String::valueOf).toList());
    }
}
