package vn.paknhub.routing;

/** Confidences are kept to two decimals: they are shown to people and compared with thresholds. */
final class Confidence {

    private Confidence() {
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
