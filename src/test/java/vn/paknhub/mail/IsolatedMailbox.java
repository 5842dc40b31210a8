package vn.paknhub.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.paknhub.support.IsolatedHub;
import vn.paknhub.support.TestMailbox;

/** A mailbox of its own on the test mail server, for hubs run as separate processes, and the mail sent to it. */
final class IsolatedMailbox {

    final String address;
    private final IsolatedHub hub;
    private final TestMailbox server;

    IsolatedMailbox(IsolatedHub hub, TestMailbox server, String name) {
        this.hub = hub;
        this.server = server;
        this.address = name + "-" + hub.run + "@paknskgp.local";
    }

    /** The hubs' properties: this mailbox over IMAP, routing off, with {@code overrides} on top. */
    String[] config(String... overrides) {
        List<String> all = new ArrayList<>(List.of("hub.notify.smtp.host=localhost",
                "hub.notify.smtp.port=" + server.smtpPort(), "hub.mail.protocol=imap", "hub.mail.host=localhost",
                "hub.mail.port=" + server.imapPort(), "hub.mail.username=" + address, "hub.mail.password=demo",
                "hub.routing.enabled=false"));
        all.addAll(List.of(overrides));
        return hub.with(all.toArray(String[]::new));
    }

    /** Sends mail number {@code i} of a run tagged {@code tag}: its own sender, Message-ID and subject. */
    void send(String tag, int i) throws Exception {
        server.send(("From: Người Gửi " + i + " <" + tag + i + "@example.vn>\r\nTo: " + address
                + "\r\nSubject: =?UTF-8?Q?=C4=90=E1=BB=81_xu=E1=BA=A5t_s=E1=BB=91_" + i + "?=\r\nMessage-ID: <" + tag + "-" + i
                + "@example.vn>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nTôi đề xuất số " + i + ": mở dữ liệu khoa học công nghệ cho"
                + " doanh nghiệp khởi nghiệp sáng tạo.\r\nĐịa chỉ: " + i + " Tràng Tiền, phường Tràng Tiền, quận Hoàn Kiếm,"
                + " Hà Nội\r\n").getBytes(StandardCharsets.UTF_8), address);
    }
}
