package com.redpacket.user.group;

import com.redpacket.platform.web.CallerId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Identity": chat groups, members only. */
@RestController
@RequestMapping("/api/groups")
public class GroupController {
    private final GroupService groups;

    public GroupController(GroupService groups) {
        this.groups = groups;
    }

    @PostMapping
    public ResponseEntity<GroupView> create(@CallerId long caller, @RequestBody CreateGroupRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(groups.create(caller, request));
    }

    @PostMapping("/{id}/members")
    public GroupView addMember(@CallerId long caller, @PathVariable long id, @RequestBody AddMemberRequest request) {
        return groups.addMember(caller, id, request);
    }

    @GetMapping("/{id}")
    public GroupView get(@CallerId long caller, @PathVariable long id) {
        return groups.get(caller, id);
    }
}
