package com.redpacket.e2e.support;

import com.redpacket.e2e.Api;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository (and the running system's .run folder) is, for tests that drive dev/ or write a report. */
public final class Repo {
    private Repo() {
    }

    /** {@code REDPACKET_ROOT}, else the nearest folder upwards from the working directory that holds dev/lib.sh. */
    public static Path root() {
        String configured = Api.env("REDPACKET_ROOT", "");
        if (!configured.isEmpty()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("dev/lib.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no dev/lib.sh above " + Path.of("").toAbsolutePath() + "; set REDPACKET_ROOT");
    }

    /** dev/up's run folder ({@code REDPACKET_RUN_DIR}, default .run): pid files, logs. */
    public static Path runDir() {
        return Path.of(Api.env("REDPACKET_RUN_DIR", root().resolve(".run").toString()));
    }
}
