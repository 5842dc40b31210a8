package vn.paknhub.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The published mailbox the email channel reads (Đ7.1b) and its limits.
 *
 * @param protocol             imap, imaps, pop3 or pop3s
 * @param password             from the environment (HUB_MAIL_PASSWORD), never from a file
 * @param address              the published address: mail from it is never answered (loops)
 * @param maxAttempts          a mail whose processing fails this many times is quarantined (and goes to
 *                             the failed folder if that was at its first reading)
 * @param retryBackoff         the wait before a failed mail is read again from its stored copy, doubled
 *                             at each further failure (at most an hour)
 * @param dailyCasesPerSender  more items than this from one address in 24 hours are held for an
 *                             operator, unanswered (flood screening, Đ18.5)
 * @param workers              mails stored and decided at once by one node (one sender's mails in turn)
 * @param dailyAnswersPerSender automatic refusals and limit answers one address gets in 24 hours; more
 *                             are kept unanswered
 */
@ConfigurationProperties("hub.mail")
public record MailSettings(boolean enabled, String protocol, String host, int port, String username, String password,
        String folder, String processedFolder, String failedFolder, String address, long pollDelayMs, int fetchSize,
        int workers, int maxAttempts, java.time.Duration retryBackoff, DataSize maxMessageSize, int maxDepth, int maxParts, int dailyCasesPerSender,
        int dailyAnswersPerSender) {
}
