package vn.paknhub.paper;

import org.springframework.util.unit.DataSize;

/** The channel's settings as shipped, with the OCR command and its page time limit chosen by a test. */
final class OcrSettings {

    private OcrSettings() {
    }

    static PaperSettings with(String tesseract, int pageTimeoutSeconds) {
        return new PaperSettings(true, "unused/inbox", "unused/processed", "unused/failed", 300, 200,
                DataSize.ofMegabytes(50), 50, tesseract, "vie", 4, 1, 1, DataSize.ofGigabytes(1), pageTimeoutSeconds, 80,
                300, "/usr/share/fonts/truetype/dejavu");
    }
}
