package vn.childsafe.notify.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

/** Reads a recipient's inbox on the test SMTP/IMAP server (GreenMail): login and password are the address. */
public final class Mailboxes {

    /** One received e-mail. */
    public record Mail(String subject, String body, String messageIdHeader, String from) {}

    private Mailboxes() {}

    /** Every message in {@code address}'s inbox; empty if nothing was ever delivered to it. */
    public static List<Mail> inbox(int imapPort, String address) {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(imapPort));
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            try {
                store.connect("127.0.0.1", imapPort, address, address);
            } catch (AuthenticationFailedException e) {
                return List.of(); // no message yet: GreenMail has not created the user
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                MimeMessage mime = (MimeMessage) message;
                String[] ids = mime.getHeader("X-ChildSafe-Message-Id");
                mails.add(new Mail(
                        mime.getSubject(),
                        String.valueOf(mime.getContent()),
                        ids == null ? null : ids[0],
                        mime.getFrom()[0].toString()));
            }
            inbox.close(false);
            return mails;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("IMAP read of the test mailbox failed", e);
        }
    }
}
