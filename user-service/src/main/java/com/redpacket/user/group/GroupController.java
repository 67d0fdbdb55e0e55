package com.redpacket.user.group;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.platform.openapi.ProblemResponses;
import com.redpacket.platform.web.CallerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Groups", description = "Chat groups: the audience of group packets. Only members see a group.")
public class GroupController {
    private final GroupService groups;

    public GroupController(GroupService groups) {
        this.groups = groups;
    }

    @PostMapping
    @Operation(summary = "Create a group", description = "The caller becomes its owner and a member; unknown member "
            + "ids and more members than redpacket.groups.max-size (500) are a 400 naming the field.")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    public ResponseEntity<GroupView> create(@CallerId long caller, @RequestBody CreateGroupRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(groups.create(caller, request));
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add a member", description = "Members only may add; non-members get 404 (a 403 would "
            + "confirm a guessed id). Adding a member twice is harmless.")
    @ProblemResponses({ErrorCode.GROUP_NOT_FOUND, ErrorCode.GROUP_FULL})
    public GroupView addMember(@CallerId long caller, @PathVariable long id, @RequestBody AddMemberRequest request) {
        return groups.addMember(caller, id, request);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A group and its members", description = "Members only; others get 404.")
    @ProblemResponses(ErrorCode.GROUP_NOT_FOUND)
    public GroupView get(@CallerId long caller, @PathVariable long id) {
        return groups.get(caller, id);
    }
}
