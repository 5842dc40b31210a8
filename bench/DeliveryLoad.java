import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load generator for the delivery benchmark: submissions at a fixed rate, whatever the
 * hub's answers take (so that a slow hub cannot slow the load down and hide its own latency), each
 * addressed so that Article 10 sends it to one of the four shipped connectors in turn: the
 * Ministry of Science and Technology (JSON), the Ministry of Health (XML), Lâm Đồng Province
 * (Kafka) and the national portal (an administrative-procedure item).
 *
 * <p>The content of every measured submission carries {@code <label>-m-<n>} (warm-up ones
 * {@code <label>-w-<n>}), so that bench/run.sh can measure submit → partner receipt in the database
 * for exactly these items. This program reports only the intake side: accepted, errors, and the
 * latency of the 202 from each request's scheduled start.
 *
 * <pre>
 * java bench/DeliveryLoad.java --url http://127.0.0.1:18080/api/v1/submissions --rate 200 \
 *      --warmup 10 --duration 30 --label run1 [--only 2]
 * </pre>
 * The last line is {@code RESULT key=value ...}.
 */
public class DeliveryLoad {

    private static final String[][] ITEMS = {
        {"Bộ Khoa học và Công nghệ", "Đề xuất cơ chế thử nghiệm có kiểm soát cho trí tuệ nhân tạo."},
        {"Bộ Y tế", "Đề xuất ứng dụng trí tuệ nhân tạo trong khám bệnh từ xa cho vùng sâu."},
        {"UBND tỉnh Lâm Đồng", "Đề xuất xây dựng trung tâm đổi mới sáng tạo nông nghiệp công nghệ cao."},
        {"Bộ Y tế", "Thủ tục hành chính cấp giấy phép hoạt động khám bệnh quá phức tạp, mã 1.004227."},
    };

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI url = URI.create(opt.getOrDefault("url", "http://127.0.0.1:8080/api/v1/submissions"));
        int rate = Integer.parseInt(opt.getOrDefault("rate", "200"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));
        int duration = Integer.parseInt(opt.getOrDefault("duration", "30"));
        String label = opt.getOrDefault("label", "d" + Long.toString(System.currentTimeMillis(), 36));
        // --only K: every submission is item K (0 ministry JSON, 1 ministry XML, 2 province Kafka, 3 portal)
        int only = Integer.parseInt(opt.getOrDefault("only", "-1"));
        if (rate < 1 || rate > 5000 || duration < 1 || warmup < 0) {
            System.err.println("rate must be 1..5000 per second, duration ≥ 1 s, warmup ≥ 0 s");
            System.exit(2);
        }
        for (InetAddress a : InetAddress.getAllByName(url.getHost())) {
            if (!a.isLoopbackAddress()) {
                System.err.println("refusing a non-loopback target " + url.getHost());
                System.exit(2);
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf("DeliveryLoad: %s, %d submissions/s open loop, warm-up %d s, measured %d s%n",
                url, rate, warmup, duration);

        long periodNs = TimeUnit.SECONDS.toNanos(1) / rate;
        long warmupCount = (long) warmup * rate;
        long total = warmupCount + (long) duration * rate;
        long t0 = System.nanoTime();
        AtomicLong accepted = new AtomicLong();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong outstanding = new AtomicLong();
        for (long n = 0; n < total; n++) {
            long scheduled = t0 + n * periodNs;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            boolean measured = n >= warmupCount;
            String[] item = ITEMS[only >= 0 ? only : (int) (n % ITEMS.length)];
            String marker = label + (measured ? "-m-" : "-w-") + n;
            String body = "{\"title\":\"Đề xuất đổi mới sáng tạo " + marker + "\",\"addressee\":\"" + item[0]
                    + "\",\"content\":\"" + item[1] + " Mã tham chiếu " + marker + ".\",\"submitter\":{"
                    + "\"fullName\":\"Nguyễn Thị Minh Thư\",\"address\":\"Số 12 phố Tràng Tiền, Hà Nội\","
                    + "\"email\":\"minhthu" + (n % 1000) + "@example.vn\"},\"consentToPublish\":true}";
            HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            outstanding.incrementAndGet();
            http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((resp, failure) -> {
                long latency = System.nanoTime() - scheduled;
                if (measured) {
                    if (failure == null && resp.statusCode() == 202) {
                        accepted.incrementAndGet();
                        latencies.add(latency);
                    } else {
                        String kind = failure != null ? failure.getClass().getSimpleName() : "HTTP " + resp.statusCode();
                        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                    }
                }
                outstanding.decrementAndGet();
            });
        }
        long sendEnd = System.nanoTime();
        while (outstanding.get() > 0 && System.nanoTime() - sendEnd < TimeUnit.SECONDS.toNanos(40)) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
        double offered = (double) (total - warmupCount) / ((sendEnd - t0 - TimeUnit.SECONDS.toNanos(warmup)) / 1e9);
        System.out.printf("offered %.1f submissions/s; accepted %d, errors %d %s%n", offered, accepted.get(), errorCount,
                errors.isEmpty() ? "" : errors);
        System.out.printf("intake latency (from scheduled start): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 1.0));
        System.out.printf("RESULT offered=%.1f accepted=%d errors=%d intake_p50=%.1f intake_p99=%.1f marker=%s-m-%n",
                offered, accepted.get(), errorCount, pct(sorted, 0.50), pct(sorted, 0.99), label);
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
