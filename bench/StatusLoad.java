import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load generator for the status-update benchmark: a handling system reporting on its cases, in its
 * own format, as fast as it can. Every case gets {@code --per-case} updates in order: accepted
 * (sequence 1), processing started (2), then progress updates (3, 4, …), all legal steps.
 *
 * <pre>
 * # Lâm Đồng's topic (needs kafka-clients and slf4j-api on the class path, taken from the hub's jar)
 * java -cp kafka-clients.jar:slf4j-api.jar bench/StatusLoad.java --mode kafka --brokers localhost:9092 \
 *      --codes codes.txt --per-case 10
 * # the ministry's signed webhook, closed loop, one case per client at a time
 * java bench/StatusLoad.java --mode webhook --url http://127.0.0.1:8080/api/v1/partners/bkhcn-api/status \
 *      --key "$BKHCN_API_SIGNING_KEY" --codes codes.txt --per-case 10 --clients 16
 * </pre>
 * It reports what it sent; bench/run.sh reads what the hub applied from the database. The last line
 * is {@code RESULT key=value ...} with the epoch millisecond the first update was sent.
 */
public class StatusLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<String> codes = Files.readAllLines(Path.of(opt.get("codes"))).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        int perCase = Integer.parseInt(opt.getOrDefault("per-case", "10"));
        long start = System.currentTimeMillis();
        long sent = "kafka".equals(opt.get("mode")) ? kafka(opt, codes, perCase) : webhook(opt, codes, perCase);
        long took = System.currentTimeMillis() - start;
        System.out.printf("sent %d updates for %d cases in %.1f s (%.0f/s offered)%n", sent, codes.size(), took / 1000.0,
                sent * 1000.0 / Math.max(1, took));
        System.out.printf("RESULT sent=%d cases=%d start_ms=%d send_ms=%d%n", sent, codes.size(), start, took);
    }

    private static String status(int sequence) {
        return sequence == 1 ? "DA_TIEP_NHAN" : sequence == 2 ? "DANG_XU_LY" : "CAP_NHAT_TIEN_DO";
    }

    private static String now() {
        // ISO_OFFSET_DATE_TIME keeps ":00" seconds, which toString() drops and RFC 3339 requires
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0));
    }

    /** Records keyed by case code, so that one case's updates keep their order. */
    private static long kafka(Map<String, String> opt, List<String> codes, int perCase) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", opt.get("brokers"));
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("acks", "all");
        p.put("linger.ms", "5");
        String topic = opt.getOrDefault("topic", "lamdong.pakn-status");
        long sent = 0;
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer =
                new org.apache.kafka.clients.producer.KafkaProducer<>(p)) {
            for (int seq = 1; seq <= perCase; seq++) {
                for (String code : codes) {
                    String body = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"hoSo\":\"" + code + "\",\"donVi\":\"68\","
                            + "\"stt\":" + seq + ",\"trangThai\":\"" + status(seq) + "\",\"ghiChu\":\"Cập nhật tiến độ lần "
                            + seq + ": đang tổng hợp ý kiến các sở, ngành.\",\"luc\":\"" + now() + "\"}";
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, code, body));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    private static long webhook(Map<String, String> opt, List<String> codes, int perCase) throws Exception {
        URI url = URI.create(opt.get("url"));
        byte[] key = opt.get("key").getBytes(StandardCharsets.UTF_8);
        int clients = Integer.parseInt(opt.getOrDefault("clients", "16"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong sent = new AtomicLong();
        Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.execute(() -> {
                for (int i = client; i < codes.size(); i += clients) {
                    for (int seq = 1; seq <= perCase; seq++) {
                        String body = "{\"maSuKien\":\"" + UUID.randomUUID() + "\",\"maHoSoHub\":\"" + codes.get(i)
                                + "\",\"maCoQuan\":\"BKHCN\",\"soThuTu\":" + seq + ",\"trangThai\":\"" + status(seq)
                                + "\",\"lyDo\":\"Cập nhật tiến độ lần " + seq + ": đang lấy ý kiến các đơn vị.\",\"thoiDiem\":\""
                                + now() + "\"}";
                        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json").header("X-Pakn-Timestamp", timestamp)
                                    .header("X-Pakn-Signature", sign(key, timestamp, body))
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            answers.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                        } catch (Exception e) {
                            answers.computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
                        }
                        sent.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        System.out.println("webhook answers by HTTP status (-1 = no answer): " + answers);
        return sent.get();
    }

    private static String sign(byte[] key, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
