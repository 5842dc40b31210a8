package vn.paknhub.abuse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits against floods and guessing (Đ18–19), shared by every hub node through the database.
 *
 * @param enabled                  false lets everything through (a closed test bench)
 * @param submissionsPerAddress    items one client address may send per minute (web)
 * @param lookupsPerAddress        status reads one client address may make per minute
 * @param followUpsPerAddress      supplements, withdrawals, ratings and appeals per address per minute
 * @param submissionsPerSubmitter  items one submitter (e-mail address or phone number) may send per day
 * @param wrongSecrets             wrong lookup secrets for one tracking code before it is locked
 * @param lockPeriod               how long such a code stays locked, and the window the wrong secrets count in
 */
@ConfigurationProperties("hub.limits")
public record LimitSettings(boolean enabled, int submissionsPerAddress, int lookupsPerAddress, int followUpsPerAddress,
        int submissionsPerSubmitter, int wrongSecrets, Duration lockPeriod) {
}
