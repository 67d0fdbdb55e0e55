package com.redpacket.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;
import org.springframework.test.util.ReflectionTestUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * spring-cloud-openfeign 5.0.2 fills a client's message converters on its first call, unsynchronised, so concurrent
 * first calls could fail. The platform fills them at startup: before any call, they are there.
 */
class FeignWarmUpIT extends AbstractPlatformIT {
    @Autowired
    FeignClientFactory clients;

    @Test
    void everyFeignClientsConvertersAreReadyBeforeItsFirstCall() {
        FeignHttpMessageConverters converters = clients.getInstanceWithoutAncestors("peer",
                FeignHttpMessageConverters.class);
        assertThat(converters).isNotNull();
        assertThat((List<?>) ReflectionTestUtils.getField(converters, "converters"))
                .as("filled at startup, not lazily on the first call").isNotEmpty();
    }
}
