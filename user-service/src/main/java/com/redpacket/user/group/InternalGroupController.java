package com.redpacket.user.group;

import com.redpacket.contracts.internal.GroupMembers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** docs/contracts.md: grab-service and packet-service read a group's members (no caller identity involved). */
@RestController
public class InternalGroupController {
    private final GroupService groups;

    public InternalGroupController(GroupService groups) {
        this.groups = groups;
    }

    @GetMapping("/internal/groups/{id}/members")
    public GroupMembers members(@PathVariable long id) {
        return groups.members(id);
    }
}
