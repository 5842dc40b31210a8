package vn.paknhub.statistics;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dailyEnabled     whether this node makes and mails the daily reports (any node may: each is made once)
 * @param dailyAt          the local time from which the day's report is made; early enough to reach the body before 16:00
 * @param checkIntervalMs  how often a node looks for a report to make or to send
 * @param maxAttempts      sending attempts before a report is parked with its reason (it stays readable by API)
 */
@ConfigurationProperties("hub.reports")
public record ReportSettings(boolean dailyEnabled, LocalTime dailyAt, long checkIntervalMs, int maxAttempts) {
}
