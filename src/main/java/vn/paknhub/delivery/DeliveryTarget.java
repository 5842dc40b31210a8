package vn.paknhub.delivery;

/**
 * One destination of a routing step.
 *
 * @param system the connected system, or null when the body works in the hub's agency inbox
 * @param role   LEAD or COORDINATING (Đ11.2đ)
 */
public record DeliveryTarget(String agency, String system, String role) {
}
