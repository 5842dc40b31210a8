package vn.paknhub.paper;

import org.springframework.util.unit.DataSize;

/** The channel's settings as shipped, with the OCR command, its page time limit, the inbox and SFTP chosen by a test. */
final class OcrSettings {

    private OcrSettings() {
    }

    static PaperSettings with(String tesseract, int pageTimeoutSeconds) {
        return with(tesseract, pageTimeoutSeconds, "unused/inbox", null);
    }

    static PaperSettings with(String tesseract, int pageTimeoutSeconds, String inbox, PaperSettings.Sftp sftp) {
        return new PaperSettings(true, inbox, "unused/processed", "unused/failed", 300, 200,
                DataSize.ofMegabytes(50), 50, tesseract, "vie", 4, 1, 1, DataSize.ofGigabytes(1), pageTimeoutSeconds, 80,
                300, "/usr/share/fonts/truetype/dejavu", "https://pakn.example.vn/tra-cuu?ma={code}", sftp);
    }
}
