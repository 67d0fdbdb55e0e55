package com.redpacket.platform;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.platform.web.ApiException;
import com.redpacket.platform.web.CallerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** A minimal service built on the platform, for the platform's own tests. */
@SpringBootApplication
@EnableFeignClients(clients = PlatformTestApp.PeerClient.class)
public class PlatformTestApp {

    /** A peer this service could call (never called: it shows what the platform prepares at startup). */
    @FeignClient(name = "peer", url = "http://localhost:1")
    public interface PeerClient {
        @GetMapping("/peer/items/{id}")
        Map<String, Object> item(@PathVariable("id") long id);
    }

    public record Order(@NotNull @Min(1) @Max(20000) Long amount, @NotBlank @Size(max = 25) String greeting,
                        Channel channel) {
    }

    public enum Channel { NATIVE, APP }

    @RestController
    static class TestController {
        @PostMapping("/test/orders")
        Map<String, Object> create(@CallerId long caller, @Valid @RequestBody Order order) {
            return Map.of("caller", Long.toString(caller), "amount", order.amount());
        }

        @GetMapping("/test/items/{id}")
        Map<String, Object> item(@PathVariable long id) {
            if (id == 404) {
                throw ApiException.of(ErrorCode.PACKET_NOT_FOUND, "No packet " + id);
            }
            if (id == 500) {
                throw new IllegalStateException("secret internals that must not leak");
            }
            return Map.of("id", Long.toString(id));
        }
    }
}
