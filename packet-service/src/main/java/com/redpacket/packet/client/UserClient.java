package com.redpacket.packet.client;

import com.redpacket.contracts.internal.GroupMembers;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** user-service: a group's members, for the send checks and who may read a group packet. */
@FeignClient(name = "user-service", contextId = "users")
public interface UserClient {
    @GetMapping("/internal/groups/{id}/members")
    GroupMembers members(@PathVariable("id") long groupId);
}
