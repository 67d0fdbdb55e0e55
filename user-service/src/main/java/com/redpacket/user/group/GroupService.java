package com.redpacket.user.group;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.events.GroupMembershipChanged;
import com.redpacket.contracts.internal.GroupMembers;
import com.redpacket.platform.id.IdGenerator;
import com.redpacket.platform.outbox.OutboxWriter;
import com.redpacket.platform.web.ApiException;
import com.redpacket.user.account.UserRepository;
import com.redpacket.user.input.FieldErrors;
import com.redpacket.user.input.InputRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups and their members. Only members see a group or add to it; to anyone else a group does not exist (404, not
 * 403: ids are time-ordered and guessable, and a 403 would confirm that a guessed id is a real group). Every joined
 * member is announced with {@link GroupMembershipChanged} through the outbox, in the transaction of the join.
 */
@Service
public class GroupService {
    private final GroupRepository groups;
    private final UserRepository users;
    private final OutboxWriter outbox;
    private final IdGenerator ids;
    private final GroupProperties props;

    public GroupService(GroupRepository groups, UserRepository users, OutboxWriter outbox, IdGenerator ids,
                        GroupProperties props) {
        this.groups = groups;
        this.users = users;
        this.outbox = outbox;
        this.ids = ids;
        this.props = props;
    }

    @Transactional
    public GroupView create(long caller, CreateGroupRequest request) {
        FieldErrors errors = new FieldErrors();
        String name = InputRules.displayText("name", request.name(), InputRules.GROUP_NAME_MAX, errors);
        Set<Long> members = memberIds(caller, request.memberIds(), errors);
        errors.throwIfAny();
        Group group = new Group(ids.next(), name, caller, members.size());
        groups.insert(group, members);
        members.forEach(userId -> outbox.write(GroupMembershipChanged.of(group.id(), userId)));
        return GroupView.of(group, List.copyOf(members));
    }

    @Transactional
    public GroupView addMember(long caller, long groupId, AddMemberRequest request) {
        FieldErrors errors = new FieldErrors();
        Long userId = InputRules.userId("userId", request.userId(), errors);
        errors.throwIfAny();
        Group group = visibleGroup(caller, groupId);
        if (users.existing(List.of(userId)).isEmpty()) {
            throw ApiException.invalid("userId", "no such user");
        }
        if (groups.addMember(groupId, userId)) {
            if (!groups.takeSeat(groupId, props.maxSize())) {
                throw ApiException.of(ErrorCode.GROUP_FULL, "The group already has " + props.maxSize() + " members");
            }
            outbox.write(GroupMembershipChanged.of(groupId, userId));
        }
        return GroupView.of(group, groups.members(groupId));
    }

    @Transactional(readOnly = true)
    public GroupView get(long caller, long groupId) {
        return GroupView.of(visibleGroup(caller, groupId), groups.members(groupId));
    }

    @Transactional(readOnly = true)
    public GroupMembers members(long groupId) {
        if (groups.find(groupId).isEmpty()) {
            throw notFound(groupId);
        }
        return new GroupMembers(groupId, groups.members(groupId));
    }

    private Group visibleGroup(long caller, long groupId) {
        Group group = groups.find(groupId).orElseThrow(() -> notFound(groupId));
        if (!groups.isMember(groupId, caller)) {
            throw notFound(groupId);
        }
        return group;
    }

    /** The caller first, then the listed users in order, without repeats; all must exist; at most max-size. */
    private Set<Long> memberIds(long caller, List<String> raw, FieldErrors errors) {
        Set<Long> members = new LinkedHashSet<>();
        members.add(caller);
        List<String> listed = raw == null ? List.of() : raw;
        if (listed.size() > props.maxSize()) {
            errors.add("memberIds", "a group has at most " + props.maxSize() + " members");
            return members;
        }
        for (int i = 0; i < listed.size(); i++) {
            Long id = InputRules.userId("memberIds[" + i + "]", listed.get(i), errors);
            if (id != null) {
                members.add(id);
            }
        }
        if (members.size() > props.maxSize()) {
            errors.add("memberIds", "a group has at most " + props.maxSize() + " members");
        } else if (errors.isEmpty()) {
            Set<Long> existing = users.existing(members);
            int i = 0;
            for (String id : listed) {
                if (!existing.contains(Long.parseLong(id))) {
                    errors.add("memberIds[" + i + "]", "no such user");
                }
                i++;
            }
        }
        return members;
    }

    private static ApiException notFound(long groupId) {
        return ApiException.of(ErrorCode.GROUP_NOT_FOUND, "No group " + groupId);
    }
}
