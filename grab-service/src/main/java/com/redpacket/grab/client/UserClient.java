package com.redpacket.grab.client;

import com.redpacket.contracts.internal.GroupMembers;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** user-service: who may grab a group packet. */
@FeignClient(name = "user-service", contextId = "users")
public interface UserClient {
    @GetMapping("/internal/groups/{id}/members")
    GroupMembers members(@PathVariable("id") long groupId);
}
