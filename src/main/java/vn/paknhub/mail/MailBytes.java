package vn.paknhub.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A fetched mail as the bytes the server holds, which is what the hub stores and reads. */
final class MailBytes {

    private MailBytes() {
    }

    static byte[] of(Message message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("the mail could not be fetched: " + e.getMessage(), e);
        }
    }
}
