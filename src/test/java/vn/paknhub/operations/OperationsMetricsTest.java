package vn.paknhub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * What an operator's Prometheus and Grafana see: the scrape answers only the Central Party Office's
 * credential, the gauges follow the case store, and every metric the shipped dashboard plots exists.
 */
@HubIntegrationTest
class OperationsMetricsTest {

    private static final Pattern METRIC = Pattern.compile("\\b((?:pakn|camel|http|hikaricp|jvm|process)_[a-z_]+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    OperationsGauges gauges;

    @Test
    void the_scrape_is_refused_without_the_operators_credential() {
        HubApi api = new HubApi(port);
        HubApi.Reply anonymous = api.get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/actuator/prometheus", "Authorization", "Bearer " + Samples.BKHCN).status()).isEqualTo(403);
        assertThat(api.get("/actuator/metrics", "Authorization", "Bearer wrong").status()).isEqualTo(401);
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void the_gauges_follow_the_case_store() {
        HubApi api = new HubApi(port);
        String code = Flows.submitAddressedTo(api, "Bộ Khoa học và Công nghệ",
                "Đề xuất chuẩn hoá dữ liệu mở về kết quả nghiên cứu khoa học.").path("code").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                "select count(*) from delivery where case_code = ?", Integer.class, code) > 0);
        // an operator's view of a delivery the partner kept refusing
        db.update("update delivery set status = 'PARKED', last_error = 'test: refused' where case_code = ?", code);
        String system = db.queryForObject("select system from delivery where case_code = ? limit 1", String.class, code);

        gauges.refresh();
        String scrape = scrape(api);
        long parked = db.queryForObject("select count(*) from delivery where status = 'PARKED' and system = ?", Long.class, system);
        assertThat(value(scrape, "pakn_deliveries", "status=\"parked\"", "system=\"" + system + "\"")).isEqualTo(parked);
        assertThat(scrape).contains("pakn_outbox_lag_seconds", "pakn_mail_quarantined", "pakn_bus_consumer_lag");
        assertThat(scrape).contains("camel_exchanges_total{").contains("routeId=\"outbox-relay\"");
    }

    @Test
    void every_metric_the_dashboard_plots_is_exported() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("ops/grafana/pakn-hub.json").toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isPositive();
        assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(10);
        Set<String> used = new TreeSet<>();
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
            assertThat(panel.path("type").asText()).isIn("timeseries", "stat", "table", "gauge");
            assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
            assertThat(panel.path("targets").size()).isPositive();
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.path("expr").asText());
                while (m.find()) {
                    used.add(m.group(1).replaceAll("_bucket$", "_count"));
                }
            }
        }
        HubApi api = new HubApi(port);
        Flows.submit(api); // an API request, for the latency histogram
        gauges.refresh();
        String scrape = scrape(api);
        List<String> missing = new ArrayList<>();
        for (String metric : used) {
            if (!Pattern.compile("(?m)^" + metric + "[{ ]").matcher(scrape).find()) {
                missing.add(metric);
            }
        }
        assertThat(used).contains("pakn_deliveries", "pakn_clocks", "pakn_bus_consumer_lag", "http_server_requests_seconds_count");
        assertThat(missing).as("metrics the dashboard uses that the hub does not export").isEmpty();
    }

    private String scrape(HubApi api) {
        HubApi.Reply r = api.get("/actuator/prometheus", "Authorization", "Bearer " + Samples.VPTW);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    /** The value of the one series of this name carrying all these labels. */
    private static long value(String scrape, String name, String... labels) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                boolean all = true;
                for (String l : labels) {
                    all &= line.contains(l);
                }
                if (all) {
                    return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        throw new AssertionError("no series " + name + " " + List.of(labels));
    }
}
