package vn.paknhub.routing;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param addresseeMinConfidence  a body counts as addressed at or above this confidence; below, the
 *                                item goes to the Central Party Office's triage queue
 * @param procedureMinConfidence  at or above: about an administrative procedure (Đ10.2a)
 * @param procedureDoubtConfidence between this and the minimum, too unsure to choose 2a or 2b: triage
 * @param nationalPortalSystem    the connected system of the PAKN system of the National Public
 *                                Service Portal (Hệ thống PAKN của Cổng Dịch vụ công quốc gia)
 * @param centralSteeringBodies   bodies besides the Politburo, General Secretary and Secretariat whose
 *                                items the Central Party Office receives (Đ10.1)
 */
@ConfigurationProperties("hub.routing")
public record RoutingSettings(double addresseeMinConfidence, double procedureMinConfidence,
        double procedureDoubtConfidence, String nationalPortalSystem, Set<String> centralSteeringBodies) {
}
