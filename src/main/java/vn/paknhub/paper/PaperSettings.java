package vn.paknhub.paper;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The scanned-paper channel: the folder the scanning station writes to, and the OCR engine's bounds.
 *
 * @param inbox            the watched folder; scans are taken from it once complete, then moved to
 *                         {@code processed} or, with a reason file, to {@code failed}
 * @param settleMs         a file is complete when its size and time have not changed for this long
 * @param tesseract        the OCR command; when it (or its Vietnamese model) is missing, scans wait in
 *                         the verification queue instead of failing
 * @param ocrThreads       threads one OCR process may use (OMP_THREAD_LIMIT)
 * @param ocrProcesses     OCR processes running at once on this node
 * @param ocrMemory        address-space limit of one OCR process
 * @param pageTimeoutSeconds a page the engine has not read in this time is left to a person
 * @param minConfidence    pages read with a lower mean word confidence (0–100) go to verification
 * @param renderDpi        resolution at which a PDF page without text is rendered for OCR
 * @param letterFonts      folder of the DejaVu Serif fonts the printed acknowledgement letters are set in
 * @param followUpUrl      the public page printed on acknowledgement letters where the writer follows the case
 *                         with its code and secret; {@code {code}} becomes the tracking code
 * @param sftp             a scanning station's SFTP server the scans are fetched from into the inbox (optional)
 */
@ConfigurationProperties("hub.paper")
public record PaperSettings(boolean enabled, String inbox, String processed, String failed, long settleMs,
        long pollDelayMs, DataSize maxFileSize, int maxPages, String tesseract, String language, int psm,
        int ocrThreads, int ocrProcesses, DataSize ocrMemory, int pageTimeoutSeconds, int minConfidence,
        int renderDpi, String letterFonts, String followUpUrl, Sftp sftp) {

    /**
     * @param uri            {@code sftp://user@host:port/folder}
     * @param password       from the environment (HUB_PAPER_SFTP_PASSWORD), never from a file; or
     * @param privateKeyFile the hub's SSH key
     * @param knownHostsFile the server's host key, checked strictly
     */
    public record Sftp(boolean enabled, String uri, String password, String privateKeyFile, String knownHostsFile) {
    }
}
