import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The evidence check as a command, for an operator's cron or an inspector with a Central Party Office
 * token: asks the hub to verify every sealed case event, the access log and the signed checkpoints (or
 * one case's), prints the report, and exits 0 when intact, 1 when anything was changed, deleted or
 * slipped in, 2 when the check could not be made. Needs only a JDK (java runs this file as it is):
 *
 *   HUB_URL=https://pakn-hub.example.gov.vn HUB_TOKEN=... java ops/VerifyEvidence.java [CASE-CODE]
 */
public class VerifyEvidence {

    public static void main(String[] args) throws Exception {
        String base = System.getenv().getOrDefault("HUB_URL", "http://localhost:8080").replaceAll("/+$", "");
        String token = System.getenv("HUB_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("HUB_TOKEN is not set: the Central Party Office token (mã truy cập của Văn phòng Trung ương Đảng)");
            System.exit(2);
        }
        String url = base + "/api/v1/evidence/verification"
                + (args.length > 0 ? "?case=" + URLEncoder.encode(args[0], StandardCharsets.UTF_8) : "");
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(HttpRequest
                    .newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            System.err.println("Không kiểm tra được / the check could not be made: " + e);
            System.exit(2);
            return;
        }
        System.out.println(answer.body());
        if (answer.statusCode() != 200) {
            System.err.println("HTTP " + answer.statusCode() + ": the check could not be made");
            System.exit(2);
        }
        boolean intact = answer.body().replace(" ", "").contains("\"intact\":true");
        System.err.println(intact ? "NGUYÊN VẸN / intact" : "CÓ SAI LỆCH / NOT intact: see the problems above");
        System.exit(intact ? 0 : 1);
    }
}
