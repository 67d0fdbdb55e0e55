package com.redpacket.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time each process of the system spent during a scenario, from /proc/PID/stat (user + system), and how busy the
 * whole machine was (/proc/stat). CPU time per attempt is the figure other work on a shared machine disturbs least:
 * throughput halves when a neighbour takes a core, CPU per request hardly moves.
 */
final class CpuMeter {
    /** Linux's USER_HZ, the unit of /proc's CPU times, is 100 on every mainstream architecture. */
    private static final double MILLIS_PER_TICK = 10;

    private final Map<String, Long> pids;

    CpuMeter(Map<String, Long> pids) {
        this.pids = pids;
    }

    record Sample(Map<String, Long> ticks, long machineBusy, long machineTotal) {
    }

    /** CPU ms by process, plus the machine's busy share in percent (key "machine busy %"), between two samples. */
    record Usage(Map<String, Double> millis, double machineBusyPercent) {
    }

    Sample sample() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long t = processTicks(pid);
            if (t >= 0) {
                ticks.put(name, t);
            }
        });
        long[] machine = machineTicks();
        return new Sample(ticks, machine[0], machine[1]);
    }

    Usage since(Sample before) {
        Sample now = sample();
        Map<String, Double> millis = new LinkedHashMap<>();
        now.ticks().forEach((name, t) -> {
            Long b = before.ticks().get(name);
            if (b != null) {
                millis.put(name, (t - b) * MILLIS_PER_TICK);
            }
        });
        long total = now.machineTotal() - before.machineTotal();
        return new Usage(millis, total == 0 ? 0 : 100.0 * (now.machineBusy() - before.machineBusy()) / total);
    }

    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** busy and total jiffies of all CPUs together */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}
