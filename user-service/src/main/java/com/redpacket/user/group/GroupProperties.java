package com.redpacket.user.group;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code redpacket.groups.*}. @param maxSize members per group, the owner included (WeChat's cap is 500) */
@ConfigurationProperties("redpacket.groups")
public record GroupProperties(Integer maxSize) {
    public GroupProperties {
        maxSize = maxSize == null ? 500 : maxSize;
    }
}
