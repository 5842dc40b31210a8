package vn.paknhub.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A fetched mail as the bytes the server holds, which is what the hub stores and reads. Only the
 * message's body is asked for (IMAP {@code BODY.PEEK[]}, POP3 {@code RETR}): nothing the mail library
 * parses on the server's behalf, such as the IMAP envelope or the size, is touched here, because a mail
 * that library cannot parse (an {@code undisclosed-recipients:;} group, a broken address list) must still
 * be stored as it is, for the hub to read it from its bytes or an operator to read it by hand.
 */
final class MailBytes {

    private MailBytes() {
    }

    static byte[] of(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        message.writeTo(out);
        return out.toByteArray();
    }
}
