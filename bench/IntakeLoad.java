import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Load generator for PAKN Hub web intake (POST /api/v1/submissions, JSON).
 *
 * <p>N clients, each on its own thread of a fixed pool, send one request, wait for the answer and
 * send the next over its own HTTP/1.1 keep-alive connection (a plain socket: the JDK HttpClient cost
 * the generator about three times the CPU, taken from the two cores it shares with the hub). Closed loop by default (no think
 * time: the throughput the hub can give N clients, whose latency is then N ÷ throughput by Little's
 * law). With --rate R the N clients share a fixed schedule of R requests a second instead: request k
 * is due at start + k/R and its latency is counted from then, so time spent waiting for a free client
 * counts too (no coordinated omission): the latency at that throughput. A warm-up
 * period is discarded, then every request that completes inside the measured period is counted:
 * 202 = accepted, anything else (other status, timeout, I/O error) = error. Percentiles are exact,
 * computed from every recorded latency of the measured period. The run stops by itself.
 *
 * <pre>
 * java bench/IntakeLoad.java --url http://127.0.0.1:18080/api/v1/submissions \
 *      --clients 64 --warmup 10 --duration 30 [--rate 1000] [--timeout 10] [--label run1] [--hub-pid P] [--pg-pid P]
 * </pre>
 *
 * With --hub-pid (the hub's JVM) and --pg-pid (the postmaster), it also reads /proc (Linux) over the
 * measured period and prints where the machine's CPU went: hub, PostgreSQL (postmaster and all its
 * children), this generator, and everything else; and the CPU milliseconds each spent per accepted
 * submission, a figure less sensitive than throughput to other load on the machine.
 *
 * The last line of output is machine-readable: {@code RESULT key=value ...}. Exit status 0 when the
 * run completed (even with errors: they are reported), 2 for bad arguments or a non-loopback target.
 */
public class IntakeLoad {

    private static String forwarded;

    /** The client address of request {@code seq} of {@code client}, one of {@code count} in 10.0.0.0/8. */
    static String address(int client, long seq, int count) {
        int k = (int) Math.floorMod(client * 7919L + seq, (long) count);
        return "10." + (k >> 16 & 255) + "." + (k >> 8 & 255) + "." + (k & 255);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parse(args);
        URI url = URI.create(opt.getOrDefault("url", "http://127.0.0.1:8080/api/v1/submissions"));
        int clients = Integer.parseInt(opt.getOrDefault("clients", "8"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));
        int duration = Integer.parseInt(opt.getOrDefault("duration", "30"));
        int timeout = Integer.parseInt(opt.getOrDefault("timeout", "10"));
        String label = opt.getOrDefault("label", "r" + Long.toString(System.currentTimeMillis(), 36));
        int offered = Integer.parseInt(opt.getOrDefault("rate", "0"));
        // behind a trusted proxy (the hub run with --server.forward-headers-strategy=native): one client
        // address for every request ("203.0.113.9"), or each request from one of N ("many:N")
        forwarded = opt.get("forwarded-for");
        if (offered < 0 || offered > 20000) {
            die("rate must be 0 (closed loop) or 1..20000 requests a second");
        }
        if (clients < 1 || clients > 1024 || duration < 1 || duration > 3600 || warmup < 0 || warmup > 600) {
            die("clients must be 1..1024, duration 1..3600 s, warmup 0..600 s");
        }
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            die("only http:// URLs are supported: " + url);
        }
        for (InetAddress a : InetAddress.getAllByName(url.getHost())) {
            if (!a.isLoopbackAddress()) {
                die("refusing a non-loopback target " + url.getHost() + " (" + a.getHostAddress() + ")");
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "client");
            t.setDaemon(true);
            return t;
        });

        long t0 = System.nanoTime();
        long measureStart = t0 + TimeUnit.SECONDS.toNanos(warmup);
        long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(duration);
        AtomicLong warmupDone = new AtomicLong();
        AtomicLong warmupErrors = new AtomicLong();
        Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        AtomicReference<String> firstErrorBody = new AtomicReference<>();
        Recorder[] recorders = new Recorder[clients];

        long periodNs = offered == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / offered;
        AtomicLong tickets = new AtomicLong();
        System.out.printf("IntakeLoad: %s, %d clients, %s, warm-up %d s, measured %d s, timeout %d s%n", url, clients,
                offered == 0 ? "closed loop" : offered + " requests/s on a fixed schedule", warmup, duration, timeout);
        for (int c = 0; c < clients; c++) {
            Recorder rec = recorders[c] = new Recorder();
            int clientId = c;
            pool.execute(() -> {
                Connection http = new Connection(url, timeout);
                long seq = 0;
                while (true) {
                    long start = offered == 0 ? System.nanoTime() : t0 + tickets.getAndIncrement() * periodNs;
                    if (start >= measureEnd) {
                        http.close();
                        return;
                    }
                    try {
                        sleepUntil(start);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long n = seq++;
                    String body = forwarded == null ? Body.json(label, clientId, n) : Body.json(label, clientId, n, true);
                    String error = null;
                    String errorBody = null;
                    try {
                        Connection.Response resp = http.post(body, forwarded == null ? null
                                : forwarded.startsWith("many:") ? address(clientId, n, Integer.parseInt(forwarded.substring(5)))
                                : forwarded);
                        if (resp.status() != 202) {
                            error = "HTTP " + resp.status();
                            errorBody = resp.body();
                        }
                    } catch (Exception e) {
                        error = e.getClass().getSimpleName();
                        errorBody = String.valueOf(e.getMessage());
                    }
                    long end = System.nanoTime();
                    // on a schedule, a request belongs to the period it was due in
                    long at = offered == 0 ? end : start;
                    boolean measured = at >= measureStart && at < measureEnd;
                    if (error != null) {
                        if (measured) {
                            errorKinds.computeIfAbsent(error, k -> new AtomicLong()).incrementAndGet();
                            firstErrorBody.compareAndSet(null, error + ": " + truncate(errorBody));
                        } else if (at < measureStart) {
                            warmupErrors.incrementAndGet();
                        }
                        if (error.startsWith("Connect")) {
                            sleep(50); // do not spin on a refused connection
                        }
                    } else if (measured) {
                        rec.add(end - start, (int) ((at - measureStart) / 1_000_000_000L));
                    } else if (at < measureStart) {
                        warmupDone.incrementAndGet();
                    }
                }
            });
        }
        // sample this process's CPU time over the measured period (the generator shares the machine)
        long hubPid = Long.parseLong(opt.getOrDefault("hub-pid", "0"));
        long pgPid = Long.parseLong(opt.getOrDefault("pg-pid", "0"));
        sleepUntil(measureStart);
        long cpuBefore = processCpuNanos();
        long[] procBefore = ProcCpu.sample(hubPid, pgPid);
        System.out.printf("warm-up done: %d accepted, %d errors%n", warmupDone.get(), warmupErrors.get());
        sleepUntil(measureEnd);
        long cpuAfter = processCpuNanos();
        long[] procAfter = ProcCpu.sample(hubPid, pgPid);
        pool.shutdown();
        if (!pool.awaitTermination(timeout + 5L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }

        long[] all = Recorder.merge(recorders);
        Arrays.sort(all);
        long errors = errorKinds.values().stream().mapToLong(AtomicLong::get).sum();
        double secs = duration;
        double rate = all.length / secs;
        double genCpu = cpuBefore < 0 ? -1 : (cpuAfter - cpuBefore) / (secs * 1e9) * 100;
        System.out.printf("accepted: %d in %d s = %.1f submissions/s; errors: %d%n", all.length, duration, rate, errors);
        if (errors > 0) {
            System.out.println("errors by kind: " + new TreeMap<>(errorKinds));
            System.out.println("first error: " + firstErrorBody.get());
        }
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  (mean %.2f)%n",
                ms(pct(all, 50)), ms(pct(all, 90)), ms(pct(all, 99)), ms(all.length == 0 ? 0 : all[all.length - 1]),
                all.length == 0 ? 0 : ms(Arrays.stream(all).sum() / all.length));
        long[] slowest = Recorder.maxBySecond(recorders, duration);
        StringBuilder timeline = new StringBuilder();
        for (long m : slowest) {
            timeline.append(' ').append(Math.round(ms(m)));
        }
        System.out.println("slowest answer of each measured second, ms:" + timeline);
        System.out.printf("load generator CPU: %.0f%% of one core (it runs on the same machine as the hub)%n", genCpu);
        String cpu = "";
        if (procBefore != null && procAfter != null) {
            double[] d = new double[procAfter.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (procAfter[i] - procBefore[i]) / (double) ProcCpu.TICKS / secs; // cores
            }
            double gen = (cpuAfter - cpuBefore) / 1e9 / secs;
            double other = Math.max(0, d[2] - d[0] - d[1] - gen);
            double n = all.length == 0 ? Double.NaN : all.length;
            System.out.printf(java.util.Locale.ROOT, "CPU over the measured period (cores of %d): hub %.2f, postgres %.2f,"
                    + " generator %.2f, other processes %.2f, idle %.2f%n", Runtime.getRuntime().availableProcessors(),
                    d[0], d[1], gen, other, d[3]);
            System.out.printf(java.util.Locale.ROOT, "CPU ms per accepted submission: hub %.2f, postgres %.2f,"
                    + " generator %.2f%n", d[0] * secs * 1000 / n, d[1] * secs * 1000 / n, gen * secs * 1000 / n);
            cpu = String.format(java.util.Locale.ROOT, " hub_cores=%.2f pg_cores=%.2f other_cores=%.2f idle_cores=%.2f"
                    + " hub_ms=%.2f pg_ms=%.2f gen_ms=%.2f", d[0], d[1], other, d[3], d[0] * secs * 1000 / n,
                    d[1] * secs * 1000 / n, gen * secs * 1000 / n);
        }
        System.out.printf(java.util.Locale.ROOT,
                "RESULT clients=%d offered=%d accepted=%d rate=%.1f p50=%.2f p90=%.2f p99=%.2f max=%.2f errors=%d gen_cpu=%.0f%s%n",
                clients, offered, all.length, rate, ms(pct(all, 50)), ms(pct(all, 90)), ms(pct(all, 99)),
                ms(all.length == 0 ? 0 : all[all.length - 1]), errors, genCpu, cpu);
        System.exit(0);
    }

    /** Exact percentile (nearest-rank) of sorted latencies. */
    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    static String truncate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                die("usage: java bench/IntakeLoad.java --url URL --clients N --warmup S --duration S [--timeout S]"
                        + " [--label TEXT]");
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }

    static void die(String msg) {
        System.err.println("IntakeLoad: " + msg);
        System.exit(2);
    }

    /** CPU time from /proc (Linux): {hub, postgres tree, machine busy, machine idle} in clock ticks. */
    static final class ProcCpu {
        static final long TICKS = 100; // USER_HZ; 100 on every mainstream Linux build

        static long[] sample(long hubPid, long pgPid) {
            if (hubPid <= 0 || pgPid <= 0) {
                return null;
            }
            try {
                long hub = ticks(hubPid);
                long pg = ticks(pgPid);
                try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                    for (var d : (Iterable<java.nio.file.Path>) dirs::iterator) {
                        String name = d.getFileName().toString();
                        if (!name.chars().allMatch(Character::isDigit)) {
                            continue;
                        }
                        String[] f = stat(Long.parseLong(name));
                        if (f != null && Long.parseLong(f[1]) == pgPid) {
                            pg += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    }
                }
                String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim()
                        .split("\\s+");
                long busy = 0;
                for (int i = 1; i <= 8 && i < cpu.length; i++) {
                    if (i != 4 && i != 5) {
                        busy += Long.parseLong(cpu[i]); // all but idle and iowait
                    }
                }
                long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                return new long[] {hub, pg, busy, idle};
            } catch (Exception e) {
                System.out.println("(no /proc CPU figures: " + e + ")");
                return null;
            }
        }

        static long ticks(long pid) {
            String[] f = stat(pid);
            return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        /** Fields of /proc/PID/stat after the command name: [0] state, [1] ppid, [11] utime, [12] stime. */
        static String[] stat(long pid) {
            try {
                String s = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                return s.substring(s.lastIndexOf(')') + 2).split(" ");
            } catch (Exception e) {
                return null;
            }
        }
    }

    /**
     * One client's HTTP/1.1 connection: a request written whole, the answer read by its Content-Length or
     * chunks; reopened after an error or a "Connection: close".
     */
    static final class Connection {
        record Response(int status, String body) {
        }

        private final URI url;
        private final int timeoutMs;
        private final byte[] head;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Connection(URI url, int timeoutSeconds) {
            this.url = url;
            this.timeoutMs = timeoutSeconds * 1000;
            this.head = ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        /** {@code forwardedFor}: the client address a trusted proxy would forward, or null. */
        Response post(String body, String forwardedFor) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), timeoutMs);
                socket.setSoTimeout(timeoutMs);
                out = socket.getOutputStream();
                in = new BufferedInputStream(socket.getInputStream(), 8192);
            }
            try {
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream req = new ByteArrayOutputStream(head.length + b.length + 16);
                req.writeBytes(head);
                req.writeBytes((b.length + "\r\n" + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                        + "\r\n").getBytes(StandardCharsets.US_ASCII));
                req.writeBytes(b);
                req.writeTo(out);
                out.flush();
                return read();
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private Response read() throws IOException {
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(java.util.Locale.ROOT);
                String value = h.substring(h.indexOf(':') + 1).trim().toLowerCase(java.util.Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> closing = value.contains("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.writeBytes(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                body.writeBytes(in.readNBytes((int) length));
            }
            if (closing) {
                close();
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the hub");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing after an error: nothing more to do
                }
                socket = null;
            }
        }
    }

    /** Per-client latency store; only its own thread writes, the main thread reads after the pool ends. */
    static final class Recorder {
        long[] values = new long[4096];
        int[] seconds = new int[4096];
        int size;

        void add(long v, int second) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                seconds = Arrays.copyOf(seconds, size * 2);
            }
            seconds[size] = second;
            values[size++] = v;
        }

        /** The slowest answer of each second of the measured period. */
        static long[] maxBySecond(Recorder[] rs, int duration) {
            long[] max = new long[duration];
            for (Recorder r : rs) {
                for (int i = 0; i < r.size; i++) {
                    if (r.seconds[i] >= 0 && r.seconds[i] < duration) {
                        max[r.seconds[i]] = Math.max(max[r.seconds[i]], r.values[i]);
                    }
                }
            }
            return max;
        }

        static long[] merge(Recorder[] rs) {
            int n = 0;
            for (Recorder r : rs) {
                n += r.size;
            }
            long[] all = new long[n];
            int at = 0;
            for (Recorder r : rs) {
                System.arraycopy(r.values, 0, all, at, r.size);
                at += r.size;
            }
            return all;
        }
    }

    /** A valid, realistic Vietnamese submission (as in the hub's test Samples); content unique per request. */
    static final class Body {
        private static final String TITLES[] = {
            "Đề xuất số hoá thủ tục cấp phép thành lập doanh nghiệp khởi nghiệp sáng tạo",
            "Kiến nghị đơn giản hoá hồ sơ đăng ký sở hữu trí tuệ cho sáng chế của trường đại học",
            "Phản ánh về thời gian xử lý hồ sơ hỗ trợ đổi mới công nghệ tại địa phương",
        };
        private static final String PREFIX = "Kính gửi Bộ Khoa học và Công nghệ. Hiện nay thủ tục xin hỗ trợ cho"
                + " doanh nghiệp khởi nghiệp sáng tạo vẫn yêu cầu nộp hồ sơ giấy tại nhiều cơ quan khác nhau, gây tốn"
                + " thời gian và chi phí. Tôi đề nghị cho phép nộp toàn bộ hồ sơ trực tuyến và liên thông dữ liệu giữa"
                + " các cơ quan. Mã tham chiếu ";

        static String json(String label, int client, long seq) {
            return json(label, client, seq, false);
        }

        /** {@code personPerRequest}: each request from another person (the per-submitter limit does not apply). */
        static String json(String label, int client, long seq, boolean personPerRequest) {
            return "{\"title\":\"" + TITLES[(int) (seq % TITLES.length)] + "\",\"content\":\"" + PREFIX + label + "-"
                    + client + "-" + seq + ".\",\"field\":\"d\",\"submitter\":{\"fullName\":\"Nguyễn Thị Minh Thư\","
                    + "\"address\":\"Số 12 phố Tràng Tiền, phường Hoàn Kiếm, Thành phố Hà Nội\","
                    + "\"phone\":\"0912 345 " + String.format("%03d", client % 1000) + "\","
                    + "\"email\":\"minhthu.nguyen" + client + (personPerRequest ? "." + label + "." + seq : "")
                    + "@example.vn\"},\"consentToPublish\":true}";
        }
    }
}
