package com.redpacket.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator's engine: one platform thread per persistent keep-alive HTTP/1.1 connection, each request
 * written as prepared bytes in one write, each response parsed just enough (status, Content-Length or chunked body,
 * the body as text). java.net.http.HttpClient is not used: against the same null server with 64 concurrent callers
 * it managed ~12,000 requests/s at ~150 µs of CPU each, this ~140,000/s at ~12 µs (both figures include the null
 * server), and on 2 shared cores every µs the client spends is taken from the system under test.
 * <p>Closed loop (rate 0): a connection sends its next request as soon as the last one is answered, latency counted
 * from the send. Open loop (rate &gt; 0): request k of connection c is due at start + (k·connections + c) / rate, and
 * latency is counted from that due time, so a stalled server shows up in the percentiles instead of merely slowing
 * the senders down (coordinated omission corrected as wrk2 does).
 */
final class HttpLoad {
    /** After the run's end, a backlog of due requests is still sent for at most this long. */
    private static final long DRAIN_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long MAX_LATENCY_MICROS = Duration.ofMinutes(2).toNanos() / 1_000;

    /** What a scenario sends and how it reads the answers; called from every connection's thread at once. */
    interface Workload {
        Call next(int connection);

        void answered(Call call, int status, String body, long latencyMicros);
    }

    /** One request: its bytes, and the user and packet it is about (indexes of the scenario's own, or -1). */
    record Call(byte[] request, int user, int packet) {
    }

    record Result(Histogram latencyMicros, long answered, long ioErrors, long notSent, double seconds,
                  Map<Integer, Long> statuses) {
        double perSecond() {
            return answered / seconds;
        }

        double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private HttpLoad() {
    }

    static Result run(String host, int port, int connections, Duration duration, double rate, Workload workload)
            throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(new Worker(c, new Connection(host, port), workload));
        }
        for (Worker w : workers) {
            w.connection.openQuietly();
        }
        long start = System.nanoTime() + Duration.ofMillis(20).toNanos();
        long end = start + duration.toNanos();
        double nanosPerRequest = rate > 0 ? 1e9 / rate : 0;
        List<Thread> threads = new ArrayList<>();
        for (Worker w : workers) {
            threads.add(Thread.ofPlatform().name("load-" + w.index).start(() -> w.loop(start, end, connections,
                    nanosPerRequest)));
        }
        for (Thread t : threads) {
            t.join();
        }
        long finished = System.nanoTime();
        Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        long answered = 0;
        long errors = 0;
        long notSent = 0;
        Map<Integer, Long> statuses = new TreeMap<>();
        for (Worker w : workers) {
            latency.add(w.latency);
            answered += w.answered;
            errors += w.errors;
            notSent += w.notSent;
            w.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
            w.connection.close();
        }
        double seconds = (Math.min(finished, end + DRAIN_NANOS) - start) / 1e9;
        return new Result(latency, answered, errors, notSent, rate > 0 ? Math.max(seconds, duration.toNanos() / 1e9)
                : duration.toNanos() / 1e9, statuses);
    }

    private static final class Worker {
        final int index;
        final Connection connection;
        final Workload workload;
        final Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        final Map<Integer, Long> statuses = new TreeMap<>();
        long answered;
        long errors;
        long notSent;

        Worker(int index, Connection connection, Workload workload) {
            this.index = index;
            this.connection = connection;
            this.workload = workload;
        }

        void loop(long start, long end, int connections, double nanosPerRequest) {
            LockSupport.parkNanos(start - System.nanoTime());
            for (long k = 0; ; k++) {
                long due;
                if (nanosPerRequest > 0) {
                    due = start + (long) ((k * connections + index) * nanosPerRequest);
                    if (due >= end) {
                        return;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    } else if (System.nanoTime() > end + DRAIN_NANOS) {
                        notSent += (end - due) / (long) (nanosPerRequest * connections) + 1;
                        return;
                    }
                } else {
                    due = System.nanoTime();
                    if (due >= end) {
                        return;
                    }
                }
                Call call = workload.next(index);
                try {
                    connection.exchange(call.request());
                } catch (IOException e) {
                    errors++;
                    connection.close();
                    LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
                    continue;
                }
                long micros = Math.min(MAX_LATENCY_MICROS, Math.max(1, (System.nanoTime() - due) / 1_000));
                latency.recordValue(micros);
                answered++;
                statuses.merge(connection.status, 1L, Long::sum);
                workload.answered(call, connection.status, connection.body, micros);
            }
        }
    }

    /** One keep-alive connection; reopened on the next request after the server closed it or an error. */
    static final class Connection {
        private final String host;
        private final int port;
        private final byte[] buffer = new byte[64 * 1024];
        private byte[] bodyBytes = new byte[4 * 1024];
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private int position;
        private int limit;
        int status;
        String body;

        Connection(String host, int port) {
            this.host = host;
            this.port = port;
        }

        void openQuietly() {
            try {
                open();
            } catch (IOException e) {
                close();
            }
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(60_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            position = 0;
            limit = 0;
        }

        void exchange(byte[] request) throws IOException {
            if (socket == null) {
                open();
            }
            out.write(request);
            if (readResponse()) {
                close();
            }
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a broken connection; the next request opens a new one
                }
            }
            socket = null;
        }

        /** Reads one response into {@link #status} and {@link #body}; true if the server closes the connection. */
        private boolean readResponse() throws IOException {
            String statusLine = line();
            if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response: " + statusLine);
            }
            status = Integer.parseInt(statusLine, 9, 12, 10);
            long length = -1;
            boolean chunked = false;
            boolean closing = statusLine.startsWith("HTTP/1.0");
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("transfer-encoding")) {
                    chunked = value.toLowerCase().contains("chunked");
                } else if (name.equalsIgnoreCase("connection")) {
                    closing = value.equalsIgnoreCase("close");
                }
            }
            int size = 0;
            if (chunked) {
                for (int chunk = chunkSize(line()); chunk > 0; chunk = chunkSize(line())) {
                    size = readBody(size, chunk);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers: none expected, skipped
                }
            } else if (length >= 0) {
                size = readBody(0, (int) length);
            } else {
                closing = true;
                for (int n = fill(); n > 0; n = fill()) {
                    size = readBody(size, limit - position);
                }
            }
            body = new String(bodyBytes, 0, size, StandardCharsets.UTF_8);
            return closing;
        }

        private static int chunkSize(String line) {
            int semicolon = line.indexOf(';');
            return Integer.parseInt(semicolon < 0 ? line.trim() : line.substring(0, semicolon).trim(), 16);
        }

        private int readBody(int at, int n) throws IOException {
            if (bodyBytes.length < at + n) {
                bodyBytes = java.util.Arrays.copyOf(bodyBytes, Math.max(at + n, bodyBytes.length * 2));
            }
            int done = 0;
            while (done < n) {
                if (position == limit && fill() <= 0) {
                    throw new IOException("connection closed in a body");
                }
                int take = Math.min(n - done, limit - position);
                System.arraycopy(buffer, position, bodyBytes, at + done, take);
                position += take;
                done += take;
            }
            return at + n;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            while (true) {
                if (position == limit && fill() <= 0) {
                    throw new IOException("connection closed in a response head");
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    int n = line.length();
                    if (n > 0 && line.charAt(n - 1) == '\r') {
                        line.setLength(n - 1);
                    }
                    return line.toString();
                }
                line.append((char) b);
            }
        }

        private int fill() throws IOException {
            position = 0;
            limit = Math.max(0, in.read(buffer));
            return limit;
        }
    }
}
