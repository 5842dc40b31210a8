package vn.paknhub.casefile;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param codePrefix tracking-code prefix, e.g. SKGP-20261122-000123
 * @param timeZone local time of the regulation's days (Asia/Ho_Chi_Minh)
 * @param centralOffice agency code of the Central Party Office (Văn phòng Trung ương Đảng)
 */
@ConfigurationProperties("hub.case")
public record CaseSettings(String codePrefix, ZoneId timeZone, String centralOffice) {
}
